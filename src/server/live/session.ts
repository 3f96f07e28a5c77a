/**
 * A live lesson as pure data and pure rules: `applyCommand(state, command, now)` gives the next
 * state and what happened (events), or a refusal that changes nothing. No I/O, no clock, no
 * randomness: the command layer (src/server/commands/) supplies ids, hashes and the time, stores
 * the result and broadcasts the events. The contest (issue 16) adds its own state and commands
 * beside these, the same way.
 *
 * States are never mutated: a change makes new objects, so the caller can tell by reference
 * which participants changed and must be written.
 */
import type { LiveBlank, LiveEndReason, LiveErrorCode } from '../../live/protocol.ts';
import { applyContestCommand, type ContestQuiz, type ContestState } from './contest.ts';

export const MAX_PARTICIPANTS = 500;

export type ParticipantStatus = 'joined' | 'left' | 'removed';

export interface ParticipantState {
  id: string;
  nickname: string | null;
  following: boolean;
  status: ParticipantStatus;
  /** SHA-256 of the participant's token (the token itself is never kept). */
  tokenHash: string;
  joinedAt: number;
  lastSeen: number;
  /** Open connections right now. Not stored: after a restart every phone has to reconnect. */
  connections: number;
}

export interface SessionState {
  id: string;
  code: string;
  tourId: string;
  /** The tour's panel ids, fixed when the lesson starts (a rebuild mid-lesson does not move it). */
  stops: readonly string[];
  stopIndex: number;
  page: number;
  blank: LiveBlank;
  nicknamesVisible: boolean;
  gatherSeq: number;
  /** Goes up with every change (lesson or roster). */
  seq: number;
  /** SHA-256 of the presenter secret. */
  presenterSecretHash: string;
  createdAt: number;
  expiresAt: number;
  endedAt: number | null;
  endReason: LiveEndReason | null;
  /** In join order. */
  participants: readonly ParticipantState[];
  /** 知识竞赛 under way or on its podium (contest.ts); null when none shows. */
  contest: ContestState | null;
}

export type SessionCommand =
  | { type: 'goto'; stopIndex: number; page: number }
  | { type: 'blank'; blank: LiveBlank }
  | { type: 'gather' }
  | { type: 'nicknames'; visible: boolean }
  | { type: 'remove'; participantId: string }
  | { type: 'end'; reason: LiveEndReason }
  | { type: 'join'; participantId: string; tokenHash: string; nickname: string | null }
  | { type: 'connect'; participantId: string }
  | { type: 'disconnect'; participantId: string }
  | { type: 'follow'; participantId: string; following: boolean }
  | { type: 'leave'; participantId: string }
  | { type: 'seen'; participantId: string }
  // 知识竞赛 (contest.ts): the presenter starts, reveals, moves on and closes; phones answer.
  | { type: 'contest-start'; contestId: string; quiz: ContestQuiz }
  | { type: 'contest-answer'; participantId: string; questionId: string; optionIds: readonly string[] }
  | { type: 'contest-reveal'; questionIndex?: number }
  | { type: 'contest-next' }
  | { type: 'contest-close' };

export type SessionEvent =
  /** What the phones show changed: broadcast a snapshot now. */
  | { type: 'lesson-changed' }
  /** Who is in the room changed (counts, roster): broadcast soon, several may be coalesced. */
  | { type: 'roster-changed' }
  /** One participant's own standing changed (tell that phone). */
  | { type: 'participant-changed'; participantId: string }
  | { type: 'participant-removed'; participantId: string }
  | { type: 'participant-left'; participantId: string }
  /** Every phone's own contest standing changed (a new question, a reveal): tell each. */
  | { type: 'contest-standings' }
  | { type: 'session-ended'; reason: LiveEndReason };

export type CommandResult = { ok: true; state: SessionState; events: SessionEvent[] } | { ok: false; error: LiveErrorCode };

export interface NewSession {
  id: string;
  code: string;
  tourId: string;
  stops: readonly string[];
  presenterSecretHash: string;
  now: number;
  lifetimeMs: number;
}

export function createSession({ id, code, tourId, stops, presenterSecretHash, now, lifetimeMs }: NewSession): SessionState {
  return {
    id,
    code,
    tourId,
    stops: [...stops],
    stopIndex: 0,
    page: 1,
    blank: 'none',
    nicknamesVisible: true,
    gatherSeq: 0,
    seq: 1,
    presenterSecretHash,
    createdAt: now,
    expiresAt: now + lifetimeMs,
    endedAt: null,
    endReason: null,
    participants: [],
    contest: null,
  };
}

export function isLive(state: SessionState, now: number): boolean {
  return state.endedAt === null && now < state.expiresAt;
}

/** Participants still in the lesson (neither left nor removed). */
export function activeParticipants(state: SessionState): ParticipantState[] {
  return state.participants.filter((participant) => participant.status === 'joined');
}

export function findParticipant(state: SessionState, participantId: string): ParticipantState | undefined {
  return state.participants.find((participant) => participant.id === participantId);
}

const refuse = (error: LiveErrorCode): CommandResult => ({ ok: false, error });
const unchanged = (state: SessionState): CommandResult => ({ ok: true, state, events: [] });

function changed(state: SessionState, patch: Partial<SessionState>, events: SessionEvent[]): CommandResult {
  return { ok: true, state: { ...state, ...patch, seq: state.seq + 1 }, events };
}

function replaceParticipant(state: SessionState, next: ParticipantState): readonly ParticipantState[] {
  return state.participants.map((participant) => (participant.id === next.id ? next : participant));
}

/** The one participant a command is about, if it may still act. */
function activeParticipant(state: SessionState, participantId: string): ParticipantState | LiveErrorCode {
  const participant = findParticipant(state, participantId);
  if (!participant) return 'unknown-participant';
  if (participant.status === 'removed') return 'removed';
  if (participant.status === 'left') return 'unknown-participant';
  return participant;
}

export function applyCommand(state: SessionState, command: SessionCommand, now: number): CommandResult {
  if (state.endedAt !== null) return refuse('session-ended');
  if (now >= state.expiresAt && command.type !== 'end') return refuse('session-ended');

  switch (command.type) {
    case 'goto': {
      if (command.stopIndex >= state.stops.length) return refuse('out-of-range');
      if (command.stopIndex === state.stopIndex && command.page === state.page) return unchanged(state);
      return changed(state, { stopIndex: command.stopIndex, page: command.page }, [{ type: 'lesson-changed' }]);
    }
    case 'blank':
      if (command.blank === state.blank) return unchanged(state);
      return changed(state, { blank: command.blank }, [{ type: 'lesson-changed' }]);
    case 'nicknames':
      if (command.visible === state.nicknamesVisible) return unchanged(state);
      return changed(state, { nicknamesVisible: command.visible }, [{ type: 'lesson-changed' }, { type: 'roster-changed' }]);
    case 'gather': {
      // Everyone follows again; only those who were looking around get a message of their own.
      const events: SessionEvent[] = [{ type: 'lesson-changed' }, { type: 'roster-changed' }];
      const participants = state.participants.map((participant) => {
        if (participant.status !== 'joined' || participant.following) return participant;
        events.push({ type: 'participant-changed', participantId: participant.id });
        return { ...participant, following: true };
      });
      return changed(state, { gatherSeq: state.gatherSeq + 1, participants }, events);
    }
    case 'remove': {
      const participant = activeParticipant(state, command.participantId);
      if (typeof participant === 'string') return refuse(participant);
      const next: ParticipantState = { ...participant, status: 'removed', connections: 0 };
      return changed(state, { participants: replaceParticipant(state, next) }, [
        { type: 'participant-removed', participantId: participant.id },
        { type: 'roster-changed' },
      ]);
    }
    case 'end':
      return changed(state, { endedAt: now, endReason: command.reason }, [{ type: 'session-ended', reason: command.reason }]);
    case 'join': {
      if (findParticipant(state, command.participantId)) return refuse('bad-request');
      if (activeParticipants(state).length >= MAX_PARTICIPANTS) return refuse('session-full');
      const participant: ParticipantState = {
        id: command.participantId,
        nickname: command.nickname,
        following: true,
        status: 'joined',
        tokenHash: command.tokenHash,
        joinedAt: now,
        lastSeen: now,
        connections: 1,
      };
      return changed(state, { participants: [...state.participants, participant] }, [{ type: 'roster-changed' }]);
    }
    case 'connect': {
      const participant = activeParticipant(state, command.participantId);
      if (typeof participant === 'string') return refuse(participant);
      const next = { ...participant, connections: participant.connections + 1, lastSeen: now };
      return changed(state, { participants: replaceParticipant(state, next) }, [{ type: 'roster-changed' }]);
    }
    case 'disconnect': {
      const participant = findParticipant(state, command.participantId);
      // A removed or departed phone's socket closing afterwards is nothing new.
      if (participant?.status !== 'joined' || participant.connections === 0) return unchanged(state);
      const next = { ...participant, connections: participant.connections - 1, lastSeen: now };
      return changed(state, { participants: replaceParticipant(state, next) }, [{ type: 'roster-changed' }]);
    }
    case 'follow': {
      const participant = activeParticipant(state, command.participantId);
      if (typeof participant === 'string') return refuse(participant);
      if (participant.following === command.following) return unchanged(state);
      const next = { ...participant, following: command.following, lastSeen: now };
      return changed(state, { participants: replaceParticipant(state, next) }, [
        { type: 'participant-changed', participantId: participant.id },
        { type: 'roster-changed' },
      ]);
    }
    case 'leave': {
      const participant = activeParticipant(state, command.participantId);
      if (typeof participant === 'string') return refuse(participant);
      const next: ParticipantState = { ...participant, status: 'left', connections: 0, lastSeen: now };
      return changed(state, { participants: replaceParticipant(state, next) }, [
        { type: 'participant-left', participantId: participant.id },
        { type: 'roster-changed' },
      ]);
    }
    case 'contest-start':
    case 'contest-answer':
    case 'contest-reveal':
    case 'contest-next':
    case 'contest-close':
      return applyContest(state, command, now);
    case 'seen': {
      const participant = activeParticipant(state, command.participantId);
      if (typeof participant === 'string') return refuse(participant);
      // Presence is not news: no seq, no broadcast; the caller stores it now and then.
      return {
        ok: true,
        state: { ...state, participants: replaceParticipant(state, { ...participant, lastSeen: now }) },
        events: [],
      };
    }
  }
}

type ContestSessionCommand = Extract<SessionCommand, { type: `contest-${string}` }>;

function applyContest(state: SessionState, command: ContestSessionCommand, now: number): CommandResult {
  if (command.type === 'contest-answer') {
    const participant = activeParticipant(state, command.participantId);
    if (typeof participant === 'string') return refuse(participant);
  }
  const participantIds = activeParticipants(state).map((participant) => participant.id);
  const result = applyContestCommand(
    state.contest,
    command.type === 'contest-start' || command.type === 'contest-next' ? { ...command, participantIds } : command,
    now,
  );
  if (!result.ok) return refuse(result.error);
  switch (result.changed) {
    case 'none':
      return unchanged(state);
    // An answer changes the count the projector shows (coalesced like a roster change) and the phone's own standing.
    case 'answer':
      return changed(state, { contest: result.contest }, [
        { type: 'roster-changed' },
        { type: 'participant-changed', participantId: (command as { participantId: string }).participantId },
      ]);
    case 'question':
    case 'results':
      return changed(state, { contest: result.contest }, [{ type: 'lesson-changed' }, { type: 'contest-standings' }]);
  }
}

/** A restarted server knows of no open connection: every phone counts as away until it reconnects. */
export function withoutConnections(state: SessionState): SessionState {
  return { ...state, participants: state.participants.map((participant) => ({ ...participant, connections: 0 })) };
}
