/**
 * The phone's connection to the live lesson: socket.io-client on the station's `/live`
 * namespace, as a participant. It turns what the server says into follow events (followState.ts)
 * in a small store of its own, and keeps the participant token in sessionStorage so a reload, a
 * dropped Wi-Fi or a restarted server resumes the same participant (the token rides in
 * `socket.auth`, which socket.io-client sends again on every reconnect).
 *
 * 知识竞赛: an answer is a `live:answer` with an ack. socket.io-client holds an emit made while the
 * connection is down and sends it on reconnecting, so an answer tapped during a Wi-Fi drop still
 * goes, and the server judges it (too-late past its deadline); one sent just before a drop, whose
 * reply never came, goes again after the reconnect (a copy the server had is refused as already
 * answered, which the phone takes as taken). A multiple's options picked and
 * not yet submitted are kept in sessionStorage per contest and question, so a reload keeps them.
 */
import { io, type Socket } from 'socket.io-client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  LIVE_CLIENT_OPTIONS,
  LIVE_NAMESPACE,
  LIVE_SERVER_EVENTS,
  type LiveErrorCode,
  type LiveSnapshot,
  type ParticipantAuth,
  type ParticipantSelf,
  type ParticipantWelcome,
  type Refusal,
} from '../../live/protocol.ts';
import { type FollowEvent, type FollowState, followReducer, initialFollowState } from './followState.ts';

const tokenKey = (code: string) => `dangshi-follow:token:${code}`;
const NICKNAME_KEY = 'dangshi-follow:nickname';
/** A contest question's options picked and not yet submitted (kept over a reload). */
export const contestSelectionKey = (contestId: string, questionId: string) =>
  `dangshi-follow:contest-selection:${contestId}:${questionId}`;

type AnswerReply = { ok: true; you?: ParticipantSelf } | Refusal;

/** Refusals after which the saved token is no use: the next join is someone new (or none). */
const TOKEN_ENDING_ERRORS: ReadonlySet<LiveErrorCode> = new Set([
  'removed',
  'session-ended',
  'unknown-code',
  'bad-code',
  'unknown-participant',
]);

export interface FollowClient {
  readonly store: StoreApi<FollowState>;
  /** The code typed on the `/join` page (or after a bad code). */
  enterCode(code: string): void;
  /** Joins (or resumes) the lesson of the current code. */
  join(nickname: string): void;
  /** 自由参观 (false) or 回到讲解 (true). */
  setFollowing(following: boolean): void;
  readBoard(panelId: string | null): void;
  /**
   * 知识竞赛: picks these options for the question under way (a multiple's, before 提交), kept in
   * sessionStorage so a reload still has them.
   */
  select(optionIds: string[]): void;
  /** 知识竞赛: sends the answer to that question (`live:answer`); the server's reply settles it. */
  answer(questionId: string, optionIds: string[]): void;
  /** The nickname last used on this phone (offered again). */
  savedNickname(): string;
  /** A token saved for this code: the phone had joined, so it resumes without asking. */
  hasToken(): boolean;
  dispose(): void;
}

export interface FollowClientOptions {
  code: string | null;
  error: LiveErrorCode | null;
  /** The tab's sessionStorage (null where the browser refuses storage: no resume after a reload). */
  storage: Storage | null;
  /** Where the station is (the page's own origin); tests give the station's URL. */
  origin: string;
  /** socket.io-client's factory, replaceable in unit tests. */
  connect?: (url: string, options: Parameters<typeof io>[1]) => Socket;
  /** This phone's clock (epoch ms), replaceable in unit tests. */
  now?: () => number;
}

/** A saved pick, or null (none, unreadable storage, or something that is not a list of ids). */
function readSelection(storage: Storage | null, contestId: string, questionId: string): string[] | null {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(contestSelectionKey(contestId, questionId)) ?? 'null');
    return Array.isArray(saved) && saved.every((id) => typeof id === 'string') ? saved : null;
  } catch {
    return null;
  }
}

/** Storage that refuses (full, private) only costs the pick's surviving a reload. */
function writeSelection(storage: Storage | null, contestId: string, questionId: string, optionIds: string[] | null) {
  try {
    const key = contestSelectionKey(contestId, questionId);
    if (optionIds && optionIds.length > 0) storage?.setItem(key, JSON.stringify(optionIds));
    else storage?.removeItem(key);
  } catch {
    // Kept for as long as the page lasts.
  }
}

export function createFollowClient({
  code,
  error,
  storage,
  origin,
  connect = io,
  now = Date.now,
}: FollowClientOptions): FollowClient {
  const store = createStore<FollowState>()(() => initialFollowState(code, error));
  const dispatch = (event: FollowEvent) => store.setState(followReducer(store.getState(), event), true);
  let socket: Socket | null = null;

  // A question the phone has not picked for yet reads back what it picked before a reload.
  const restoreSelection = () => {
    const { snapshot, selection } = store.getState();
    const contest = snapshot?.contest;
    if (contest?.phase !== 'question') return;
    if (selection?.contestId === contest.contestId && selection.questionId === contest.questionId) return;
    const optionIds = readSelection(storage, contest.contestId, contest.questionId) ?? [];
    dispatch({ type: 'select', selection: { contestId: contest.contestId, questionId: contest.questionId, optionIds } });
  };

  // Read the server's state again (after a refusal), so the phone shows what the server counts.
  const resync = (live: Socket) => {
    live.emit('live:sync', {}, (welcome: ParticipantWelcome | Refusal) => {
      if (!welcome?.ok) return;
      dispatch({ type: 'welcome', welcome, receivedAt: now() });
      restoreSelection();
    });
  };

  /** Sends an answer; the server's reply settles it (a refusal shows in words and brings the server's state again). */
  const sendAnswer = (live: Socket, contestId: string, questionId: string, optionIds: readonly string[]) => {
    live.emit('live:answer', { questionId, optionIds: [...optionIds] }, (reply: AnswerReply) => {
      if (reply?.ok) {
        if (reply.you) dispatch({ type: 'you', you: reply.you });
        dispatch({ type: 'answer-accepted', questionId });
        writeSelection(storage, contestId, questionId, null);
        return;
      }
      // Already answered: the server has this phone's answer (a re-send after a reply that was lost).
      if (reply?.error === 'already-answered') dispatch({ type: 'answer-accepted', questionId });
      else dispatch({ type: 'answer-refused', questionId, error: reply?.error ?? 'server-error' });
      // The phone may be behind (another question under way, the time up, an answer it had sent
      // before a reload): the server's state again.
      resync(live);
    });
  };

  /**
   * After a reconnect: an answer still on its way when the connection dropped may never have
   * reached the server (its reply never will), so it goes again while the question is open and
   * the server has none from this phone. A copy that did arrive is refused as already answered.
   */
  const resendLostAnswer = (live: Socket) => {
    const { sent, snapshot, you } = store.getState();
    const contest = snapshot?.contest;
    if (sent?.status !== 'sending' || contest?.phase !== 'question') return;
    if (contest.contestId !== sent.contestId || contest.questionId !== sent.questionId) return;
    if (you?.contest?.questionId === sent.questionId && you.contest.answer !== null) {
      dispatch({ type: 'answer-accepted', questionId: sent.questionId });
      return;
    }
    sendAnswer(live, sent.contestId, sent.questionId, sent.optionIds);
  };

  const closeSocket = () => {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
  };

  const forgetToken = (forCode: string | null) => {
    if (forCode) storage?.removeItem(tokenKey(forCode));
  };

  const join = (nickname: string) => {
    const { code: current } = store.getState();
    if (!current) return;
    closeSocket();
    const trimmed = nickname.trim();
    storage?.setItem(NICKNAME_KEY, trimmed);
    const auth: ParticipantAuth = { role: 'participant', code: current };
    const token = storage?.getItem(tokenKey(current));
    if (token) auth.participantToken = token;
    if (trimmed) auth.nickname = trimmed;
    dispatch({ type: 'join' });
    const live = connect(new URL(LIVE_NAMESPACE, origin).href, { ...LIVE_CLIENT_OPTIONS, auth });
    socket = live;

    live.on(LIVE_SERVER_EVENTS.welcome, (welcome: ParticipantWelcome) => {
      if (welcome.participantToken) {
        storage?.setItem(tokenKey(current), welcome.participantToken);
        (live.auth as ParticipantAuth).participantToken = welcome.participantToken;
      }
      dispatch({ type: 'welcome', welcome, receivedAt: now() });
      restoreSelection();
      resendLostAnswer(live);
    });
    live.on(LIVE_SERVER_EVENTS.snapshot, (snapshot: LiveSnapshot) => {
      dispatch({ type: 'snapshot', snapshot, receivedAt: now() });
      restoreSelection();
    });
    live.on(LIVE_SERVER_EVENTS.you, (you: ParticipantSelf) => dispatch({ type: 'you', you }));
    live.on(LIVE_SERVER_EVENTS.removed, () => {
      forgetToken(current);
      dispatch({ type: 'removed' });
    });
    live.on(LIVE_SERVER_EVENTS.ended, () => {
      forgetToken(current);
      dispatch({ type: 'ended' });
    });
    live.on('connect_error', (failure: Error & { data?: Refusal }) => {
      const refusal = failure.data?.error;
      if (!refusal) {
        // The server is away (restarting, the Wi-Fi dropped): socket.io-client keeps trying.
        dispatch({ type: 'connection-lost' });
        return;
      }
      // A refused handshake is not retried by socket.io-client: say why.
      if (TOKEN_ENDING_ERRORS.has(refusal)) forgetToken(current);
      closeSocket();
      dispatch({ type: 'refused', error: refusal });
    });
    live.on('disconnect', (reason: string) => {
      if (reason !== 'io client disconnect') dispatch({ type: 'connection-lost' });
    });
  };

  return {
    store,
    enterCode(typed) {
      closeSocket();
      dispatch({ type: 'code-entered', code: typed });
    },
    join,
    setFollowing(following) {
      dispatch({ type: 'follow', following });
      const live = socket;
      live?.emit('live:follow', { following }, (answer: { ok: true; you: ParticipantSelf } | Refusal) => {
        if (answer?.ok) {
          dispatch({ type: 'you', you: answer.you });
          return;
        }
        // Refused (rate-limited): the server's state again.
        resync(live);
      });
    },
    readBoard(panelId) {
      dispatch({ type: 'read-board', panelId });
    },
    select(optionIds) {
      const contest = store.getState().snapshot?.contest;
      if (!contest) return;
      const { contestId, questionId } = contest;
      dispatch({ type: 'select', selection: { contestId, questionId, optionIds: [...optionIds] } });
      writeSelection(storage, contestId, questionId, optionIds);
    },
    answer(questionId, optionIds) {
      const { snapshot, sent } = store.getState();
      const contest = snapshot?.contest;
      const live = socket;
      if (!contest || !live || optionIds.length === 0) return;
      const { contestId } = contest;
      // One answer a question: a second tap while the first is on its way (or taken) sends nothing.
      if (sent?.contestId === contestId && sent.questionId === questionId && sent.status !== 'refused') return;
      dispatch({ type: 'answer-sent', contestId, questionId, optionIds });
      sendAnswer(live, contestId, questionId, optionIds);
    },
    savedNickname: () => storage?.getItem(NICKNAME_KEY) ?? '',
    hasToken() {
      const { code: current } = store.getState();
      return current !== null && Boolean(storage?.getItem(tokenKey(current)));
    },
    dispose: closeSocket,
  };
}
