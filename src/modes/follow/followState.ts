/**
 * What an audience phone knows of the live lesson, as a pure reducer: the socket client
 * (followClient.ts) turns server messages and connection changes into events, the view reads the
 * state. Pure so the rules (ignore an older snapshot, 集合 brings the phone back, which refusals
 * end the lesson for this phone) are unit-tested without a socket.
 */
import type { LiveErrorCode, LiveSnapshot, ParticipantSelf, ParticipantWelcome } from '../../live/protocol.ts';

export type FollowPhase =
  /** No code yet (`/join` alone, or a code that did not work): the phone asks for it. */
  | 'enter-code'
  /** A code, not joined yet: the phone offers a nickname and 加入. */
  | 'ready'
  | 'connecting'
  | 'live'
  /** Joined before; the connection dropped and socket.io-client is reconnecting by itself. */
  | 'reconnecting'
  /** Over for this phone: the lesson ended, or the presenter removed it. */
  | 'ended'
  | 'removed';

export interface FollowState {
  phase: FollowPhase;
  code: string | null;
  /** Why the last join failed or the lesson is over (shown in words). */
  error: LiveErrorCode | null;
  snapshot: LiveSnapshot | null;
  you: ParticipantSelf | null;
  /** 自由参观: the board the phone reads on its own (null: the list of boards). */
  ownPanelId: string | null;
}

export type FollowEvent =
  | { type: 'code-entered'; code: string }
  | { type: 'join' }
  | { type: 'welcome'; welcome: ParticipantWelcome }
  | { type: 'snapshot'; snapshot: LiveSnapshot }
  | { type: 'you'; you: ParticipantSelf }
  | { type: 'connection-lost' }
  | { type: 'refused'; error: LiveErrorCode }
  | { type: 'removed' }
  | { type: 'ended' }
  /** 自由参观 (following false) or 回到讲解 (true), before the server confirms it. */
  | { type: 'follow'; following: boolean }
  | { type: 'read-board'; panelId: string | null };

/** Refusals after which the code itself is no good: ask for another one. */
const CODE_ERRORS: ReadonlySet<LiveErrorCode> = new Set(['unknown-code', 'bad-code', 'session-full']);

export function initialFollowState(code: string | null, error: LiveErrorCode | null = null): FollowState {
  const usable = code !== null && /^\d{6}$/.test(code);
  return {
    phase: usable && !error ? 'ready' : 'enter-code',
    code: usable ? code : null,
    error: error ?? (code !== null && !usable ? 'bad-code' : null),
    snapshot: null,
    you: null,
    ownPanelId: null,
  };
}

export function followReducer(state: FollowState, event: FollowEvent): FollowState {
  switch (event.type) {
    case 'code-entered':
      return initialFollowState(event.code.trim());
    case 'join':
      return state.code ? { ...state, phase: 'connecting', error: null } : state;
    case 'welcome': {
      // The welcome is the whole state (a first join, a reconnect, a restarted server): take it as is.
      const { snapshot, you } = event.welcome;
      return { ...state, phase: 'live', error: null, snapshot, you, ownPanelId: you.following ? null : state.ownPanelId };
    }
    case 'snapshot': {
      const previous = state.snapshot;
      if (previous && previous.sessionId === event.snapshot.sessionId && event.snapshot.seq < previous.seq) return state;
      if (event.snapshot.status === 'ended')
        return { ...state, phase: 'ended', snapshot: event.snapshot, error: 'session-ended' };
      // 集合: a new gather brings a phone that looks around back to the guide.
      const gathered = previous !== null && event.snapshot.gatherSeq > previous.gatherSeq;
      const you = gathered && state.you ? { ...state.you, following: true } : state.you;
      return { ...state, snapshot: event.snapshot, you, ownPanelId: gathered ? null : state.ownPanelId };
    }
    case 'you':
      return { ...state, you: event.you, ownPanelId: event.you.following ? null : state.ownPanelId };
    case 'connection-lost':
      return state.phase === 'live' ? { ...state, phase: 'reconnecting' } : state;
    case 'refused':
      if (event.error === 'removed') return { ...state, phase: 'removed', error: 'removed' };
      if (event.error === 'session-ended') return { ...state, phase: 'ended', error: 'session-ended' };
      if (CODE_ERRORS.has(event.error)) return { ...initialFollowState(null), error: event.error };
      // Anything else (rate-limited, a server error): the same code may work on another try.
      return { ...state, phase: 'ready', error: event.error };
    case 'removed':
      return { ...state, phase: 'removed', error: 'removed' };
    case 'ended':
      return { ...state, phase: 'ended', error: 'session-ended' };
    case 'follow':
      return {
        ...state,
        you: state.you ? { ...state.you, following: event.following } : state.you,
        ownPanelId: event.following ? null : state.ownPanelId,
      };
    case 'read-board':
      return { ...state, ownPanelId: event.panelId };
    default:
      return state;
  }
}

/** What the phone's screen shows, read off the state. */
export type FollowScreen = 'enter-code' | 'ready' | 'connecting' | 'look-at-screen' | 'guide' | 'own' | 'ended' | 'removed';

export function followScreen(state: FollowState): FollowScreen {
  if (state.phase === 'enter-code' || state.phase === 'ready' || state.phase === 'ended' || state.phase === 'removed')
    return state.phase;
  if (!state.snapshot || !state.you) return 'connecting';
  if (!state.you.following) return 'own';
  // 请看大屏幕: the projector is blanked, so the phones point the room back at it.
  if (state.snapshot.blank !== 'none') return 'look-at-screen';
  return 'guide';
}
