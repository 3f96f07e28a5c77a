import { describe, expect, it } from 'vitest';
import type { LiveSnapshot } from '../../src/live/protocol.ts';
import { type FollowState, followReducer, followScreen, initialFollowState } from '../../src/modes/follow/followState.ts';
import { parseFollowParams } from '../../src/modes/follow/index.ts';
import { liveSnapshot, liveWelcome } from '../support/liveFixtures.ts';

const snapshot = liveSnapshot;
const welcome = liveWelcome;

function joined(overrides: Partial<LiveSnapshot> = {}): FollowState {
  const ready = followReducer(initialFollowState('123456'), { type: 'join' });
  return followReducer(ready, { type: 'welcome', welcome: welcome(overrides) });
}

describe('follow state', () => {
  it('asks for the code without one, offers to join with one, and refuses a code that is not six digits', () => {
    expect(initialFollowState(null)).toMatchObject({ phase: 'enter-code', code: null, error: null });
    expect(initialFollowState('123456')).toMatchObject({ phase: 'ready', code: '123456', error: null });
    expect(initialFollowState('12x456')).toMatchObject({ phase: 'enter-code', code: null, error: 'bad-code' });
    // `/join/<code>` redirected with an error: the code is asked for again, with the reason.
    expect(initialFollowState('123456', 'unknown-code')).toMatchObject({ phase: 'enter-code', error: 'unknown-code' });
    expect(followScreen(initialFollowState(null))).toBe('enter-code');
  });

  it('reads the page parameters, keeping only known error codes', () => {
    expect(parseFollowParams('?mode=follow&code=123456')).toEqual({ code: '123456', error: null });
    expect(parseFollowParams('?mode=follow&error=rate-limited')).toEqual({ code: null, error: 'rate-limited' });
    expect(parseFollowParams('?mode=follow&error=<script>')).toEqual({ code: null, error: null });
  });

  it('shows the guide’s stop once welcomed, and 请看大屏幕 while the projector is blanked', () => {
    const state = joined();
    expect(state.phase).toBe('live');
    expect(followScreen(state)).toBe('guide');
    const black = followReducer(state, { type: 'snapshot', snapshot: snapshot({ blank: 'black', seq: 11 }) });
    expect(followScreen(black)).toBe('look-at-screen');
    const white = followReducer(black, { type: 'snapshot', snapshot: snapshot({ blank: 'white', seq: 12 }) });
    expect(followScreen(white)).toBe('look-at-screen');
    const back = followReducer(white, {
      type: 'snapshot',
      snapshot: snapshot({ blank: 'none', seq: 13, stopIndex: 3, panelId: 'p4' }),
    });
    expect(followScreen(back)).toBe('guide');
    expect(back.snapshot?.panelId).toBe('p4');
  });

  it('ignores a snapshot older than the last one of the same lesson', () => {
    const state = joined({ seq: 10, stopIndex: 2 });
    const stale = followReducer(state, { type: 'snapshot', snapshot: snapshot({ seq: 9, stopIndex: 1, panelId: 'p2' }) });
    expect(stale).toBe(state);
    const fresh = followReducer(state, { type: 'snapshot', snapshot: snapshot({ seq: 11, stopIndex: 3, panelId: 'p4' }) });
    expect(fresh.snapshot?.stopIndex).toBe(3);
  });

  it('looks around on its own, reads a board, and 回到讲解 goes back to the guide', () => {
    const looking = followReducer(joined(), { type: 'follow', following: false });
    expect(followScreen(looking)).toBe('own');
    // The guide moving on does not pull a phone that looks around along.
    const reading = followReducer(looking, { type: 'read-board', panelId: 'p9' });
    const moved = followReducer(reading, { type: 'snapshot', snapshot: snapshot({ seq: 11, stopIndex: 4, panelId: 'p5' }) });
    expect(followScreen(moved)).toBe('own');
    expect(moved.ownPanelId).toBe('p9');
    // Nor does a blank projector: the phone reads on.
    const blanked = followReducer(moved, { type: 'snapshot', snapshot: snapshot({ seq: 12, blank: 'black' }) });
    expect(followScreen(blanked)).toBe('own');
    const back = followReducer(blanked, { type: 'follow', following: true });
    expect(followScreen(back)).toBe('look-at-screen');
    expect(back.ownPanelId).toBeNull();
  });

  it('comes back to the guide at 集合 (a new gather, or the server saying it follows again)', () => {
    const reading = followReducer(followReducer(joined(), { type: 'follow', following: false }), {
      type: 'read-board',
      panelId: 'p9',
    });
    const gathered = followReducer(reading, { type: 'snapshot', snapshot: snapshot({ seq: 11, gatherSeq: 1 }) });
    expect(followScreen(gathered)).toBe('guide');
    expect(gathered.ownPanelId).toBeNull();
    const readingAgain = followReducer(followReducer(gathered, { type: 'follow', following: false }), {
      type: 'read-board',
      panelId: 'p7',
    });
    const told = followReducer(readingAgain, {
      type: 'you',
      you: { participantId: 'me', nickname: null, following: true, contest: null },
    });
    expect(followScreen(told)).toBe('guide');
  });

  it('keeps the lesson on screen while reconnecting and takes the new welcome whole (a restarted server)', () => {
    const lost = followReducer(joined({ seq: 40 }), { type: 'connection-lost' });
    expect(lost.phase).toBe('reconnecting');
    expect(followScreen(lost)).toBe('guide');
    // The welcome after a restart is the whole state, even if its seq is not higher.
    const resumed = followReducer(lost, {
      type: 'welcome',
      welcome: welcome({ seq: 40, stopIndex: 5, panelId: 'p6', blank: 'black' }),
    });
    expect(resumed.phase).toBe('live');
    expect(resumed.snapshot?.stopIndex).toBe(5);
    expect(followScreen(resumed)).toBe('look-at-screen');
    // A drop before joining is not "reconnecting": there was nothing to keep.
    expect(followReducer(initialFollowState('123456'), { type: 'connection-lost' }).phase).toBe('ready');
  });

  it('says why it is over: removed, ended, or a code that does not work', () => {
    expect(followScreen(followReducer(joined(), { type: 'removed' }))).toBe('removed');
    expect(followScreen(followReducer(joined(), { type: 'ended' }))).toBe('ended');
    const endedSnapshot = followReducer(joined(), { type: 'snapshot', snapshot: snapshot({ seq: 11, status: 'ended' }) });
    expect(endedSnapshot).toMatchObject({ phase: 'ended', error: 'session-ended' });
    expect(followReducer(joined(), { type: 'refused', error: 'removed' })).toMatchObject({ phase: 'removed', error: 'removed' });
    const unknown = followReducer(initialFollowState('123456'), { type: 'refused', error: 'unknown-code' });
    expect(unknown).toMatchObject({ phase: 'enter-code', code: null, error: 'unknown-code' });
    // A refusal that may pass on another try keeps the code.
    const limited = followReducer(initialFollowState('123456'), { type: 'refused', error: 'rate-limited' });
    expect(limited).toMatchObject({ phase: 'ready', code: '123456', error: 'rate-limited' });
  });
});
