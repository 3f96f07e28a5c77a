/**
 * What an audience phone knows of the live lesson, as a pure reducer: the socket client
 * (followClient.ts) turns server messages and connection changes into events, the view reads the
 * state. Pure so the rules (ignore an older snapshot, 集合 brings the phone back, which refusals
 * end the lesson for this phone, 知识竞赛 before every other screen, an answer's way from sent to
 * taken or refused) are unit-tested without a socket.
 */
import type {
  LiveContestView,
  LiveErrorCode,
  LiveSnapshot,
  ParticipantContest,
  ParticipantSelf,
  ParticipantWelcome,
} from '../../live/protocol.ts';
import { clockOffset } from '../../live/serverClock.ts';

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
  /**
   * How far the server's clock is ahead of this phone's (ms), from the last welcome or snapshot:
   * the contest's deadlines are on the server's clock, and a phone's own may be minutes off.
   */
  clockOffset: number;
  /** 知识竞赛: the options picked for a question and not sent yet (a multiple's several, before 提交). */
  selection: ContestSelection | null;
  /** 知识竞赛: the answer this phone sent, until the server took or refused it. */
  sent: SentAnswer | null;
}

/** Options picked for one question of one contest. */
export interface ContestSelection {
  contestId: string;
  questionId: string;
  optionIds: string[];
}

/** An answer on its way to the server (socket.io-client holds it while the Wi-Fi is down), or its fate. */
export interface SentAnswer {
  contestId: string;
  questionId: string;
  optionIds: string[];
  status: 'sending' | 'accepted' | 'refused';
  /** Why the server refused it (too-late, already-answered…); null otherwise. */
  error: LiveErrorCode | null;
}

export type FollowEvent =
  | { type: 'code-entered'; code: string }
  | { type: 'join' }
  /** `receivedAt`: this phone's clock as it arrived (the server's clock offset is read from it). */
  | { type: 'welcome'; welcome: ParticipantWelcome; receivedAt?: number }
  | { type: 'snapshot'; snapshot: LiveSnapshot; receivedAt?: number }
  | { type: 'you'; you: ParticipantSelf }
  | { type: 'connection-lost' }
  | { type: 'refused'; error: LiveErrorCode }
  | { type: 'removed' }
  | { type: 'ended' }
  /** 自由参观 (following false) or 回到讲解 (true), before the server confirms it. */
  | { type: 'follow'; following: boolean }
  | { type: 'read-board'; panelId: string | null }
  /** 知识竞赛: options picked (toggled on a multiple), or a saved pick read back after a reload. */
  | { type: 'select'; selection: ContestSelection }
  | { type: 'answer-sent'; contestId: string; questionId: string; optionIds: string[] }
  | { type: 'answer-accepted'; questionId: string }
  | { type: 'answer-refused'; questionId: string; error: LiveErrorCode };

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
    clockOffset: 0,
    selection: null,
    sent: null,
  };
}

/** The offset a message's `serverTime` gives, or the last one (no arrival time, or a message without the field). */
function offsetFrom(state: FollowState, serverTime: number, receivedAt: number | undefined): number {
  if (receivedAt === undefined || !Number.isFinite(serverTime)) return state.clockOffset;
  return clockOffset(serverTime, receivedAt);
}

/** A sent answer's fate, if it is the one for that question. */
function settleSent(state: FollowState, questionId: string, settled: Pick<SentAnswer, 'status' | 'error'>): FollowState {
  if (!state.sent || state.sent.questionId !== questionId) return state;
  return { ...state, sent: { ...state.sent, ...settled } };
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
      return {
        ...state,
        phase: 'live',
        error: null,
        snapshot,
        you,
        ownPanelId: you.following ? null : state.ownPanelId,
        clockOffset: offsetFrom(state, snapshot.serverTime, event.receivedAt),
      };
    }
    case 'snapshot': {
      const previous = state.snapshot;
      if (previous && previous.sessionId === event.snapshot.sessionId && event.snapshot.seq < previous.seq) return state;
      if (event.snapshot.status === 'ended')
        return { ...state, phase: 'ended', snapshot: event.snapshot, error: 'session-ended' };
      // 集合: a new gather brings a phone that looks around back to the guide.
      const gathered = previous !== null && event.snapshot.gatherSeq > previous.gatherSeq;
      const you = gathered && state.you ? { ...state.you, following: true } : state.you;
      return {
        ...state,
        snapshot: event.snapshot,
        you,
        ownPanelId: gathered ? null : state.ownPanelId,
        clockOffset: offsetFrom(state, event.snapshot.serverTime, event.receivedAt),
      };
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
    case 'select':
      return { ...state, selection: event.selection };
    case 'answer-sent':
      return {
        ...state,
        sent: {
          contestId: event.contestId,
          questionId: event.questionId,
          optionIds: [...event.optionIds],
          status: 'sending',
          error: null,
        },
      };
    case 'answer-accepted':
      return settleSent(state, event.questionId, { status: 'accepted', error: null });
    case 'answer-refused':
      return settleSent(state, event.questionId, { status: 'refused', error: event.error });
    default:
      return state;
  }
}

/** What the phone's screen shows, read off the state. */
export type FollowScreen =
  | 'enter-code'
  | 'ready'
  | 'connecting'
  | 'contest'
  | 'look-at-screen'
  | 'guide'
  | 'own'
  | 'ended'
  | 'removed';

export function followScreen(state: FollowState): FollowScreen {
  if (state.phase === 'enter-code' || state.phase === 'ready' || state.phase === 'ended' || state.phase === 'removed')
    return state.phase;
  if (!state.snapshot || !state.you) return 'connecting';
  // 知识竞赛 comes before everything else a phone may be doing (looking around, a blanked
  // projector): the phone is where its owner answers.
  if (state.snapshot.contest) return 'contest';
  if (!state.you.following) return 'own';
  // 请看大屏幕: the projector is blanked, so the phones point the room back at it.
  if (state.snapshot.blank !== 'none') return 'look-at-screen';
  return 'guide';
}

/** Refusals after which this phone cannot answer the question again (others, e.g. rate-limited, may be retried). */
const FINAL_ANSWER_ERRORS: ReadonlySet<LiveErrorCode> = new Set([
  'too-late',
  'not-eligible',
  'already-answered',
  'wrong-question',
  'no-contest',
]);

/** This phone's answer to the contest's question under way, as its screen shows it. */
export interface OwnAnswer {
  /**
   * none: nothing sent (or a refusal it may retry); sending: on its way; answered: the server has
   * it; refused: refused for good (the error says why).
   */
  status: 'none' | 'sending' | 'answered' | 'refused';
  /** The options it chose (the server's word once it has them). */
  optionIds: string[];
  error: LiveErrorCode | null;
}

/** The phone's own contest part, when it is for this contest's question (live:you may run a moment ahead of the snapshot). */
export function contestSelf(contest: LiveContestView, you: ParticipantSelf | null): ParticipantContest | null {
  const self = you?.contest;
  return self && self.contestId === contest.contestId && self.questionId === contest.questionId ? self : null;
}

/** What this phone answered to the question under way: the server's record first, then what it sent. */
export function ownAnswer(state: FollowState): OwnAnswer {
  const contest = state.snapshot?.contest;
  if (!contest) return { status: 'none', optionIds: [], error: null };
  const recorded = contestSelf(contest, state.you)?.answer;
  const sent =
    state.sent && state.sent.contestId === contest.contestId && state.sent.questionId === contest.questionId ? state.sent : null;
  const error = sent?.status === 'refused' ? sent.error : null;
  if (recorded) return { status: 'answered', optionIds: recorded, error };
  if (!sent) return { status: 'none', optionIds: [], error: null };
  if (sent.status === 'sending') return { status: 'sending', optionIds: sent.optionIds, error: null };
  if (sent.status === 'accepted') return { status: 'answered', optionIds: sent.optionIds, error: null };
  return error && FINAL_ANSWER_ERRORS.has(error)
    ? { status: 'refused', optionIds: sent.optionIds, error }
    : { status: 'none', optionIds: [], error };
}

/** The options picked and not sent for the contest's question under way (none when the pick is another question's). */
export function currentSelection(state: FollowState): string[] {
  const contest = state.snapshot?.contest;
  const selection = state.selection;
  if (!contest || !selection) return [];
  return selection.contestId === contest.contestId && selection.questionId === contest.questionId ? selection.optionIds : [];
}
