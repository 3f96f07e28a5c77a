/**
 * 课堂互动 on the projector: the live lesson's presenter side, on the station server only.
 *
 * - Feature test: the page's own answer carries the station's CSP header, then
 *   `GET api/live/status` (relative to the page) answers. On a static host nothing here shows.
 * - Start: the station's PIN → `POST api/live/sessions` → the presenter secret, kept in this tab's
 *   sessionStorage, so the projector window reloading connects again to the same lesson.
 * - While live, the projector is the lesson: each stop change and blank screen of the projector
 *   session is sent as `live:goto` / `live:blank`; on every (re)connect the server's state is
 *   put right from the projector's, so a restarted server catches up at once.
 */
import { io, type Socket } from 'socket.io-client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type CreatedSession,
  LIVE_CLIENT_OPTIONS,
  LIVE_NAMESPACE,
  LIVE_SERVER_EVENTS,
  type LiveErrorCode,
  type LiveRoster,
  type LiveSnapshot,
  type LiveStatus,
  type PresenterAuth,
  type PresenterWelcome,
  type Refusal,
} from '../../../live/protocol.ts';
import { clockOffset } from '../../../live/serverClock.ts';
import { servedByStation } from '../../../live/stationDetect.ts';
import { safeStorage } from '../../../store/safeStorage.ts';
import type { PresentCommand, PresentSession } from '../presentSession.ts';

export type PresenterLivePhase = 'idle' | 'asking-pin' | 'starting' | 'live' | 'reconnecting';

export interface PresenterLiveState {
  /** The station server answered the feature test and has a presenter PIN: 课堂互动 is offered. */
  available: boolean;
  phase: PresenterLivePhase;
  error: LiveErrorCode | null;
  lesson: StoredLesson | null;
  snapshot: LiveSnapshot | null;
  roster: LiveRoster | null;
  /** The join card shows (it can be hidden and called back). */
  cardShown: boolean;
  /** How far the server's clock is ahead of this window's (ms), as of the last snapshot: the contest's countdown. */
  clockOffset: number;
  /** Why the presenter's last 知识竞赛 command was refused (no quiz for the tour…), until the next one. */
  contestError: LiveErrorCode | null;
}

/** What the tab keeps to drive its lesson again after a reload. */
export interface StoredLesson {
  sessionId: string;
  presenterSecret: string;
  code: string;
  joinUrl: string;
}

export interface PresenterLive {
  readonly store: StoreApi<PresenterLiveState>;
  /** 课堂互动 (button or key): ask for the PIN, or hide / call back the join card. */
  toggle(): void;
  cancelPin(): void;
  start(pin: string): Promise<void>;
  gather(): void;
  /** Whether the projector shows the audience's nicknames (hidden, each is 观众 1, 2, …). */
  setNicknamesVisible(visible: boolean): void;
  remove(participantId: string): void;
  /** 知识竞赛: the tour's quiz on the phones, from its first question. */
  startContest(): void;
  /** Reveal, then the leaderboard, then the next question; after the last, the podium. */
  contestNext(): void;
  /** Reveal the question under way before its time is up. */
  contestReveal(): void;
  /** The contest off the projector and the phones (its results stay on the server). */
  closeContest(): void;
  end(): void;
  dispose(): void;
}

const LESSON_KEY = 'dangshi-present:live-lesson';

/** Whether the lesson's contest is on the screens (a lesson that is live, or reconnecting, with one). */
export function contestShowing(state: PresenterLiveState | null): boolean {
  return state !== null && (state.phase === 'live' || state.phase === 'reconnecting') && state.snapshot?.contest != null;
}

/** The join QR drawn by the station (relative to the page, like every asset). */
export function joinQrSrc(sessionId: string): string {
  return `api/live/sessions/${encodeURIComponent(sessionId)}/qr.svg`;
}

function readStoredLesson(storage: Storage | null): StoredLesson | null {
  try {
    const value = JSON.parse(storage?.getItem(LESSON_KEY) ?? 'null') as StoredLesson | null;
    return value && typeof value.sessionId === 'string' && typeof value.presenterSecret === 'string' ? value : null;
  } catch {
    return null;
  }
}

async function stationStatus(win: Window): Promise<LiveStatus | null> {
  try {
    if (!(await servedByStation(win))) return null;
    const response = await win.fetch('api/live/status', { headers: { accept: 'application/json' } });
    if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) return null;
    const status = (await response.json()) as LiveStatus;
    return status?.ok === true ? status : null;
  } catch {
    return null;
  }
}

export function installPresenterLive(session: PresentSession, win: Window): PresenterLive {
  const storage = safeStorage(win, 'sessionStorage');
  const store = createStore<PresenterLiveState>()(() => ({
    available: false,
    phase: 'idle',
    error: null,
    lesson: null,
    snapshot: null,
    roster: null,
    cardShown: false,
    clockOffset: 0,
    contestError: null,
  }));
  let socket: Socket | null = null;
  let disposed = false;

  const closeSocket = () => {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
  };

  const forgetLesson = (error: LiveErrorCode | null) => {
    closeSocket();
    storage?.removeItem(LESSON_KEY);
    store.setState({ phase: 'idle', lesson: null, snapshot: null, roster: null, cardShown: false, error });
  };

  /** Puts the server's lesson where the projector is (after a connect, and on every change). */
  const pushState = () => {
    const live = socket;
    const { snapshot } = store.getState();
    if (!live?.connected || !snapshot) return;
    const projector = session.store.getState();
    if (!projector.ready) return;
    if (projector.index !== snapshot.stopIndex && projector.index < snapshot.stopCount) {
      live.emit('live:goto', { stopIndex: projector.index }, onAnswer);
    }
    if (projector.blank !== snapshot.blank) live.emit('live:blank', { blank: projector.blank }, onAnswer);
  };

  const onAnswer = (answer: { ok: true; snapshot?: LiveSnapshot } | Refusal) => {
    if (answer?.ok && answer.snapshot) applySnapshot(answer.snapshot);
  };

  const applySnapshot = (snapshot: LiveSnapshot) => {
    const previous = store.getState().snapshot;
    if (previous && previous.sessionId === snapshot.sessionId && snapshot.seq < previous.seq) return;
    store.setState({ snapshot, clockOffset: clockOffset(snapshot.serverTime, Date.now()) });
    // The projector may have moved on while this was on its way (B twice in quick succession: the
    // second press compared itself with the snapshot from before the first, found them equal and
    // sent nothing, and the phones stayed on 请看大屏幕). Put the server where the projector is now.
    pushState();
  };

  const connect = (lesson: StoredLesson) => {
    closeSocket();
    const auth: PresenterAuth = { role: 'presenter', sessionId: lesson.sessionId, presenterSecret: lesson.presenterSecret };
    const live = io(new URL(LIVE_NAMESPACE, win.location.origin).href, { ...LIVE_CLIENT_OPTIONS, auth });
    socket = live;
    live.on(LIVE_SERVER_EVENTS.welcome, (welcome: PresenterWelcome) => {
      store.setState({
        phase: 'live',
        error: null,
        snapshot: welcome.snapshot,
        roster: welcome.roster,
        clockOffset: clockOffset(welcome.snapshot.serverTime, Date.now()),
      });
      pushState();
    });
    live.on(LIVE_SERVER_EVENTS.snapshot, applySnapshot);
    live.on(LIVE_SERVER_EVENTS.roster, (roster: LiveRoster) => store.setState({ roster }));
    live.on(LIVE_SERVER_EVENTS.ended, () => forgetLesson('session-ended'));
    live.on('connect_error', (failure: Error & { data?: Refusal }) => {
      // A refusal (ended, unknown credentials) is final; anything else socket.io-client retries.
      if (failure.data?.error) forgetLesson(failure.data.error);
      else if (store.getState().phase === 'live') store.setState({ phase: 'reconnecting' });
    });
    live.on('disconnect', (reason: string) => {
      if (reason === 'io server disconnect') forgetLesson('session-ended');
      else if (reason !== 'io client disconnect') store.setState({ phase: 'reconnecting' });
    });
  };

  /** A contest command: its refusal (no quiz, a contest already running…) shows until the next one. */
  const sendContest = (event: 'live:contest-start' | 'live:contest-next' | 'live:contest-reveal' | 'live:contest-close') => {
    const live = socket;
    if (!live) return;
    store.setState({ contestError: null });
    live.emit(event, {}, (answer: { ok: true; snapshot?: LiveSnapshot } | Refusal) => {
      if (answer?.ok) onAnswer(answer);
      else if (answer?.error) store.setState({ contestError: answer.error });
    });
  };

  /** The contest on the screens now (the exported {@link contestShowing} says whether there is one). */
  const shownContest = () => {
    const state = store.getState();
    return contestShowing(state) ? (state.snapshot?.contest ?? null) : null;
  };

  // While the contest shows, the clicker is its own: "next" is its next step, and nothing moves
  // the lesson's stop under it (the room would lose the question). Blank screens, the language and
  // the motion setting stay the lesson's.
  const CONTEST_HOLDS: ReadonlySet<PresentCommand> = new Set(['previous', 'first', 'last', 'pause', 'quiz']);
  session.setCommandTaker((command) => {
    const contest = shownContest();
    if (command === 'contest') {
      const { phase } = store.getState();
      if (phase !== 'live' && phase !== 'reconnecting') return false;
      if (!contest) sendContest('live:contest-start');
      else if (contest.phase === 'podium') sendContest('live:contest-close');
      return true;
    }
    if (!contest) return false;
    if (command === 'next') {
      // Blanked, the clicker's next brings the picture back first, as it does for the stops.
      if (session.store.getState().blank !== 'none') return false;
      sendContest(contest.phase === 'podium' ? 'live:contest-close' : 'live:contest-next');
      return true;
    }
    return CONTEST_HOLDS.has(command);
  });

  const stopFollowing = session.store.subscribe((state, previous) => {
    if (state.index !== previous.index || state.blank !== previous.blank || state.ready !== previous.ready) pushState();
  });

  void stationStatus(win).then((status) => {
    if (disposed || !status) return;
    const lesson = readStoredLesson(storage);
    store.setState({ available: status.presenterPinSet || lesson !== null });
    if (lesson) {
      store.setState({ lesson, phase: 'starting', cardShown: true });
      connect(lesson);
    }
  });

  return {
    store,
    toggle() {
      const { available, phase, cardShown } = store.getState();
      if (!available) return;
      if (phase === 'idle') store.setState({ phase: 'asking-pin', error: null });
      else if (phase === 'live' || phase === 'reconnecting') store.setState({ cardShown: !cardShown });
    },
    cancelPin() {
      if (store.getState().phase === 'asking-pin') store.setState({ phase: 'idle', error: null });
    },
    async start(pin) {
      const tourId = session.store.getState().tourId || 'all';
      store.setState({ phase: 'starting', error: null });
      try {
        const response = await win.fetch('api/live/sessions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ pin, tourId }),
        });
        const answer = (await response.json()) as CreatedSession | Refusal;
        if (!answer.ok) {
          store.setState({ phase: 'asking-pin', error: answer.error });
          return;
        }
        const lesson: StoredLesson = {
          sessionId: answer.sessionId,
          presenterSecret: answer.presenterSecret,
          code: answer.code,
          joinUrl: answer.joinUrl,
        };
        storage?.setItem(LESSON_KEY, JSON.stringify(lesson));
        store.setState({ lesson, snapshot: answer.snapshot, cardShown: true });
        connect(lesson);
      } catch {
        store.setState({ phase: 'asking-pin', error: 'server-error' });
      }
    },
    gather() {
      socket?.emit('live:gather', {}, onAnswer);
    },
    setNicknamesVisible(visible) {
      socket?.emit('live:nicknames', { visible }, onAnswer);
    },
    remove(participantId) {
      socket?.emit('live:remove', { participantId }, onAnswer);
    },
    startContest: () => sendContest('live:contest-start'),
    contestNext: () => sendContest('live:contest-next'),
    contestReveal: () => sendContest('live:contest-reveal'),
    closeContest: () => sendContest('live:contest-close'),
    end() {
      const live = socket;
      if (!live) return;
      live.emit('live:end', {}, () => forgetLesson(null));
    },
    dispose() {
      disposed = true;
      session.setCommandTaker(null);
      stopFollowing();
      closeSocket();
    },
  };
}
