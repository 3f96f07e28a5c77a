/** The pure rules of a live lesson (src/server/live/) and the rate limits, without any I/O. */
import { describe, expect, it } from 'vitest';
import { AttemptLimiter, TokenBucket } from '../../src/server/commands/limits.ts';
import {
  applyCommand,
  type CommandResult,
  createSession,
  MAX_PARTICIPANTS,
  type SessionCommand,
  type SessionState,
} from '../../src/server/live/session.ts';
import { rosterOf, selfOf, snapshotOf } from '../../src/server/live/views.ts';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const P3 = '00000000-0000-4000-8000-000000000003';

function lesson(): SessionState {
  return createSession({
    id: '00000000-0000-4000-8000-00000000000a',
    code: '123456',
    tourId: 'all',
    stops: ['a', 'b', 'c'],
    presenterSecretHash: 'f'.repeat(64),
    now: T0,
    lifetimeMs: 12 * HOUR,
  });
}

function ok(result: CommandResult): Extract<CommandResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}

function run(state: SessionState, ...commands: SessionCommand[]): SessionState {
  return commands.reduce((current, command) => ok(applyCommand(current, command, T0 + 1000)).state, state);
}

const join = (participantId: string, nickname: string | null = null): SessionCommand => ({
  type: 'join',
  participantId,
  tokenHash: participantId.replace(/-/g, '').padEnd(64, '0'),
  nickname,
});

describe('a lesson', () => {
  it('starts at the first stop, page 1, nothing blanked, nicknames shown', () => {
    const snapshot = snapshotOf(lesson(), T0);
    expect(snapshot).toMatchObject({
      status: 'live',
      stopIndex: 0,
      stopCount: 3,
      panelId: 'a',
      page: 1,
      blank: 'none',
      gatherSeq: 0,
      nicknamesVisible: true,
      participantCount: 0,
      expiresAt: T0 + 12 * HOUR,
    });
  });

  it('goes to a stop and a page, and says the lesson changed', () => {
    const before = lesson();
    const result = ok(applyCommand(before, { type: 'goto', stopIndex: 2, page: 3 }, T0));
    expect(snapshotOf(result.state, T0)).toMatchObject({ stopIndex: 2, panelId: 'c', page: 3 });
    expect(result.state.seq).toBe(before.seq + 1);
    expect(result.events).toEqual([{ type: 'lesson-changed' }]);
  });

  it('refuses a stop outside the tour and changes nothing', () => {
    const before = lesson();
    expect(applyCommand(before, { type: 'goto', stopIndex: 3, page: 1 }, T0)).toEqual({ ok: false, error: 'out-of-range' });
    expect(before.stopIndex).toBe(0);
  });

  it('tells nobody when a command changes nothing', () => {
    const before = lesson();
    const result = ok(applyCommand(before, { type: 'goto', stopIndex: 0, page: 1 }, T0));
    expect(result.state).toBe(before);
    expect(result.events).toEqual([]);
  });

  it('blanks the screen and shows or hides nicknames', () => {
    const state = run(lesson(), { type: 'blank', blank: 'black' }, { type: 'nicknames', visible: false });
    expect(snapshotOf(state, T0)).toMatchObject({ blank: 'black', nicknamesVisible: false });
    expect(snapshotOf(run(state, { type: 'blank', blank: 'none' }), T0).blank).toBe('none');
  });
});

describe('participants', () => {
  it('join following, with or without a nickname, and count as connected', () => {
    const state = run(lesson(), join(P1, '小王'), join(P2));
    expect(snapshotOf(state, T0)).toMatchObject({ participantCount: 2, connectedCount: 2, followingCount: 2 });
    expect(rosterOf(state).participants.map((participant) => participant.nickname)).toEqual(['小王', null]);
  });

  it('look around on their own and are all brought back by 集合', () => {
    let state = run(lesson(), join(P1), join(P2), join(P3));
    const free = ok(applyCommand(state, { type: 'follow', participantId: P1, following: false }, T0));
    expect(free.events).toContainEqual({ type: 'participant-changed', participantId: P1 });
    state = run(free.state, { type: 'follow', participantId: P2, following: false });
    expect(snapshotOf(state, T0).followingCount).toBe(1);

    const gathered = ok(applyCommand(state, { type: 'gather' }, T0));
    expect(snapshotOf(gathered.state, T0)).toMatchObject({ gatherSeq: 1, followingCount: 3 });
    // Only the two who were looking around hear about it personally; the snapshot tells everyone.
    expect(gathered.events.filter((event) => event.type === 'participant-changed')).toEqual([
      { type: 'participant-changed', participantId: P1 },
      { type: 'participant-changed', participantId: P2 },
    ]);
    expect(gathered.events).toContainEqual({ type: 'lesson-changed' });
  });

  it('are counted away when their connections close, and back when they reconnect', () => {
    let state = run(lesson(), join(P1), join(P2), { type: 'disconnect', participantId: P1 });
    expect(snapshotOf(state, T0)).toMatchObject({ participantCount: 2, connectedCount: 1 });
    state = run(state, { type: 'connect', participantId: P1 });
    expect(snapshotOf(state, T0).connectedCount).toBe(2);
  });

  it('once removed, can do nothing more and are no longer counted', () => {
    const state = run(lesson(), join(P1), join(P2), { type: 'remove', participantId: P1 });
    expect(snapshotOf(state, T0).participantCount).toBe(1);
    expect(rosterOf(state).participants.map((participant) => participant.participantId)).toEqual([P2]);
    for (const command of [
      { type: 'follow', participantId: P1, following: false },
      { type: 'connect', participantId: P1 },
      { type: 'remove', participantId: P1 },
      { type: 'leave', participantId: P1 },
    ] satisfies SessionCommand[]) {
      expect(applyCommand(state, command, T0)).toEqual({ ok: false, error: 'removed' });
    }
    // Its sockets closing afterwards is no news.
    expect(ok(applyCommand(state, { type: 'disconnect', participantId: P1 }, T0)).state).toBe(state);
  });

  it('who left are gone for good', () => {
    const state = run(lesson(), join(P1), { type: 'leave', participantId: P1 });
    expect(snapshotOf(state, T0).participantCount).toBe(0);
    expect(applyCommand(state, { type: 'follow', participantId: P1, following: true }, T0)).toEqual({
      ok: false,
      error: 'unknown-participant',
    });
  });

  it('cannot be acted on from another lesson (an unknown id)', () => {
    expect(applyCommand(lesson(), { type: 'remove', participantId: P3 }, T0)).toEqual({
      ok: false,
      error: 'unknown-participant',
    });
  });

  it('are refused beyond the room size', () => {
    let state = lesson();
    for (let index = 0; index < MAX_PARTICIPANTS; index++) {
      state = run(state, join(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`));
    }
    expect(applyCommand(state, join('00000000-0000-4000-9000-000000000000'), T0)).toEqual({ ok: false, error: 'session-full' });
  });

  it('never show a token hash or the presenter secret hash', () => {
    const state = run(lesson(), join(P1, '小李'));
    const shown = JSON.stringify([snapshotOf(state, T0), rosterOf(state), selfOf(state, state.participants[0] as never)]);
    expect(shown).not.toContain(state.presenterSecretHash);
    expect(shown).not.toContain(state.participants[0]?.tokenHash);
  });
});

describe('the end of a lesson', () => {
  it('refuses everything once ended', () => {
    const ended = ok(applyCommand(lesson(), { type: 'end', reason: 'ended' }, T0));
    expect(ended.events).toEqual([{ type: 'session-ended', reason: 'ended' }]);
    expect(snapshotOf(ended.state, T0).status).toBe('ended');
    for (const command of [
      { type: 'goto', stopIndex: 1, page: 1 },
      join(P1),
      { type: 'end', reason: 'ended' },
    ] satisfies SessionCommand[]) {
      expect(applyCommand(ended.state, command, T0)).toEqual({ ok: false, error: 'session-ended' });
    }
  });

  it('comes by itself after 12 hours', () => {
    const state = lesson();
    const late = T0 + 12 * HOUR;
    expect(snapshotOf(state, late - 1).status).toBe('live');
    expect(snapshotOf(state, late).status).toBe('ended');
    expect(applyCommand(state, { type: 'goto', stopIndex: 1, page: 1 }, late)).toEqual({ ok: false, error: 'session-ended' });
    expect(ok(applyCommand(state, { type: 'end', reason: 'expired' }, late)).state.endReason).toBe('expired');
  });
});

describe('rate limits', () => {
  it('lock an address out after too many failures, for a while, even for a right answer', () => {
    let now = T0;
    const limiter = new AttemptLimiter({ maxFailures: 3, windowMs: 60_000, lockoutMs: 300_000 }, () => now);
    expect(limiter.fail('10.0.0.5')).toBe(false);
    expect(limiter.fail('10.0.0.5')).toBe(false);
    expect(limiter.fail('10.0.0.5')).toBe(true);
    expect(limiter.isLocked('10.0.0.5')).toBe(true);
    expect(limiter.isLocked('10.0.0.6')).toBe(false);
    limiter.succeed('10.0.0.5');
    expect(limiter.isLocked('10.0.0.5')).toBe(true);
    now += 300_001;
    expect(limiter.isLocked('10.0.0.5')).toBe(false);
  });

  it('forget failures older than the window', () => {
    let now = T0;
    const limiter = new AttemptLimiter({ maxFailures: 2, windowMs: 1000, lockoutMs: 5000 }, () => now);
    limiter.fail('a');
    now += 1001;
    expect(limiter.fail('a')).toBe(false);
  });

  it('let a burst of messages through, then a steady rate', () => {
    let now = T0;
    const bucket = new TokenBucket({ burst: 5, perSecond: 2 }, () => now);
    const taken = Array.from({ length: 7 }, () => bucket.take());
    expect(taken).toEqual([true, true, true, true, true, false, false]);
    now += 500;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
