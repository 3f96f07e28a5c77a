/**
 * Projector mode in the browser (`?mode=present[&tour=<id>]`): wires the session to the window —
 * the URL, the keys, the pointer, full screen, the presenter window and the channel between them.
 *
 * Two windows run it:
 * - the projector window (`?mode=present&tour=<id>#/panel/<id>`) owns the session;
 * - the presenter window (`…&view=presenter&session=<id>`, opened with S) mirrors it and sends
 *   its keys back, so keys in either window drive both.
 */
import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { formatModeParams } from '../../routing/modeParams.ts';
import { type PresentParams, parsePresentParams, presenterSearch } from '../../routing/presentParams.ts';
import { formatHash, parseHash } from '../../routing/routes.ts';
import { safeStorage } from '../../store/safeStorage.ts';
import type { ExhibitionStore } from '../../store/store.ts';
import type { PresentRoom } from './live/liveRoom.ts';
import { installPresenterLive, type PresenterLive } from './live/presenterLive.ts';
import { installPointerHiding, installPresentKeys, POINTER_IDLE_CLASS, toggleFullscreen } from './presentInput.ts';
import { createPresentSession, type Motion, type PresentSession } from './presentSession.ts';
import {
  channelName,
  followSession,
  type PresentSnapshot,
  publishSession,
  type RemoteStatus,
  type SessionFollower,
} from './presentSync.ts';
import type { RoomQuizPosition } from './roomQuiz.ts';
import { roomQuizLoader } from './roomQuizLoad.ts';

// The URL's parameters live with the routes (the app shell reads them before this module loads).
/** What the React views read: the session (projector) or the mirrored state (presenter). */
export interface PresentRuntime {
  session: PresentSession | null;
  follower: SessionFollower | null;
  remote: PresentSnapshot | null;
  remoteStatus: RemoteStatus;
  /** The presenter window's copy of the live lesson's room (null while none runs). */
  room: PresentRoom | null;
  /** The browser refused to open the presenter window. */
  popupBlocked: boolean;
  /** The notice that the URL's tour does not exist has been read (Esc) or has timed out. */
  tourNoticeHidden: boolean;
  /** Opens (or brings forward) the presenter window, as S does; for the control bar's button. */
  openPresenter: (() => void) | null;
  /** 课堂互动 (the projector window on the station server; null elsewhere). */
  live: PresenterLive | null;
}

export const presentRuntime = createStore<PresentRuntime>()(() => ({
  session: null,
  follower: null,
  remote: null,
  remoteStatus: 'connecting',
  room: null,
  popupBlocked: false,
  tourNoticeHidden: false,
  openPresenter: null,
  live: null,
}));

const SESSION_KEY = 'dangshi-present:session';
const MOTION_KEY = 'dangshi-present:motion';
const startedKey = (sessionId: string) => `dangshi-present:${sessionId}:started`;
const quizKey = (sessionId: string) => `dangshi-present:${sessionId}:quiz`;

/** The room quiz's slide as kept in the tab's storage: read back with care (it may be stale or edited). */
const StoredQuizPosition: z.ZodType<RoomQuizPosition> = z.object({
  quizId: z.string().min(1),
  phase: z.enum(['title', 'answering', 'revealed', 'finished']),
  index: z.number().int().min(0),
  ended: z.boolean().optional(),
});

function readQuizPosition(storage: Storage | null, sessionId: string): RoomQuizPosition | null {
  try {
    const parsed = StoredQuizPosition.safeParse(JSON.parse(storage?.getItem(quizKey(sessionId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function newSessionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Glide unless the visitor's system asks for reduced motion or the presenter chose to cut (M). */
export function initialMotion(win: Window): Motion {
  const saved = safeStorage(win, 'localStorage')?.getItem(MOTION_KEY);
  if (saved === 'glide' || saved === 'cut') return saved;
  return win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'cut' : 'glide';
}

/** Installs present mode in this window (projector or presenter); returns the uninstaller. */
export function installPresentMode(store: ExhibitionStore, win: Window = window): () => void {
  const params = parsePresentParams(win.location.search);
  return params.presenter ? installPresenterWindow(store, win, params) : installProjectorWindow(store, win, params);
}

function installProjectorWindow(store: ExhibitionStore, win: Window, params: PresentParams): () => void {
  const tabStorage = safeStorage(win, 'sessionStorage');
  const sessionId = params.sessionId ?? tabStorage?.getItem(SESSION_KEY) ?? newSessionId();
  tabStorage?.setItem(SESSION_KEY, sessionId);
  // A reload at a stop carries on the lesson's clock; a fresh start begins it again.
  const resuming = parseHash(win.location.hash).kind === 'panel';
  const savedStart = Number(tabStorage?.getItem(startedKey(sessionId)));
  const startedAt = resuming && savedStart > 0 ? savedStart : Date.now();
  tabStorage?.setItem(startedKey(sessionId), String(startedAt));

  const session = createPresentSession({
    exhibition: store,
    tourId: params.tourId,
    motion: initialMotion(win),
    startedAt,
    onBegin(tour, panelId, resumed) {
      // The address names the tour actually running, and the first stop takes the place of the
      // bare `?mode=present` entry: back from stop 1 leaves the lesson instead of emptying it.
      const hash = resumed ? win.location.hash : formatHash({ kind: 'panel', id: panelId });
      win.history.replaceState(win.history.state, '', `${formatModeParams({ mode: 'present', tourId: tour.id })}${hash}`);
    },
    onMotionChange(motion) {
      safeStorage(win, 'localStorage')?.setItem(MOTION_KEY, motion);
    },
    loadQuiz: roomQuizLoader(store, import.meta.env.BASE_URL),
    // A reload in the room quiz comes back to its slide, as a reload at a stop comes back to the stop.
    resumeQuiz: resuming ? readQuizPosition(tabStorage, sessionId) : null,
    onQuizPosition(position) {
      if (position) tabStorage?.setItem(quizKey(sessionId), JSON.stringify(position));
      else tabStorage?.removeItem(quizKey(sessionId));
    },
  });

  let presenter: Window | null = null;
  const openPresenter = () => {
    const tourId = session.store.getState().tourId || params.tourId || 'all';
    if (presenter && !presenter.closed) {
      presenter.focus();
      return;
    }
    presenter = win.open(presenterSearch(tourId, sessionId), `dangshi-presenter-${sessionId}`, 'popup=yes,width=1280,height=800');
    presentRuntime.setState({ popupBlocked: presenter === null });
  };

  const live = installPresenterLive(session, win);
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName(sessionId));
  const stopPublish = channel ? publishSession(session, store, channel, live) : () => undefined;
  const onPageHide = () => stopPublish();
  win.addEventListener('pagehide', onPageHide);

  const root = win.document.documentElement;
  const stopKeys = installPresentKeys(win, (outcome) => {
    // Esc closes what is open: a black or white screen first, then the messages and the control bar.
    if (outcome.kind === 'command' && outcome.command === 'escape') {
      if (session.store.getState().blank !== 'none') session.run('escape');
      else {
        presentRuntime.setState({ popupBlocked: false, tourNoticeHidden: true });
        root.classList.add(POINTER_IDLE_CLASS);
      }
      return;
    }
    if (outcome.kind === 'command') session.run(outcome.command);
    else if (outcome.kind === 'fullscreen') toggleFullscreen(win.document);
    else if (outcome.kind === 'presenterView') openPresenter();
    else if (outcome.kind === 'live') live.toggle();
    if (outcome.kind !== 'presenterView' && presentRuntime.getState().popupBlocked)
      presentRuntime.setState({ popupBlocked: false });
  });
  const stopPointer = installPointerHiding(root, win);
  presentRuntime.setState({
    session,
    follower: null,
    remote: null,
    popupBlocked: false,
    tourNoticeHidden: false,
    openPresenter,
    live,
  });

  return () => {
    win.removeEventListener('pagehide', onPageHide);
    stopPublish();
    channel?.close();
    stopKeys();
    stopPointer();
    live.dispose();
    session.dispose();
    presentRuntime.setState({ session: null, openPresenter: null, live: null });
  };
}

function installPresenterWindow(store: ExhibitionStore, win: Window, params: PresentParams): () => void {
  const channel =
    typeof BroadcastChannel === 'undefined' || !params.sessionId ? null : new BroadcastChannel(channelName(params.sessionId));
  const follower = channel
    ? followSession(
        channel,
        (snapshot) => {
          presentRuntime.setState({ remote: snapshot });
          // The presenter reads in the language the room sees.
          if (store.getState().lang !== snapshot.lang) store.getState().setLang(snapshot.lang);
        },
        (remoteStatus) => presentRuntime.setState({ remoteStatus }),
        (room) => presentRuntime.setState({ room }),
      )
    : null;
  presentRuntime.setState({ session: null, follower, remoteStatus: follower ? 'connecting' : 'closed' });

  const stopKeys = installPresentKeys(win, (outcome) => {
    if (outcome.kind === 'command') follower?.send(outcome.command);
    else if (outcome.kind === 'fullscreen') toggleFullscreen(win.document);
    // S in the presenter window: it is open already.
  });

  return () => {
    stopKeys();
    follower?.dispose();
    channel?.close();
    presentRuntime.setState({ follower: null, remote: null, room: null });
  };
}
