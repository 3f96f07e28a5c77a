/**
 * A projector session: which tour, which stop, blank screen, auto-advance, camera motion. It
 * drives the exhibition store (opening each stop's panel, so the camera goes to its board and the
 * URL follows through hashSync) and follows it back (back/forward, a reload at `#/panel/<id>`).
 *
 * Discrete state only, in its own small store; nothing here runs per frame. The projector view
 * lends a `Pager` so "next" first shows the rest of a long panel before moving on, reports when
 * the slide it was showing has faded out (only then does the camera set off, so the room never
 * sees a half-transparent slide over a moving corridor), and reports when the camera has settled
 * at the board. After the last screen of the last stop, "next" shows the end slide, or first the
 * room quiz when the tour names one (`quiz`): its slides then go over the stop, driven by the same
 * keys (roomQuiz.ts is its state; quiz.json is fetched the first time the quiz is needed).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Quiz } from '../../content/quizSchema.ts';
import type { Exhibition } from '../../content/schema.ts';
import { clampIndex, type PresentTour, resolveTour, startIndex, stopIndexForPanel } from '../../content/tours.ts';
import { isFullyLoaded } from '../../store/progress.ts';
import type { ExhibitionStore } from '../../store/store.ts';
import {
  nextDueAt,
  type RoomQuizEvent,
  type RoomQuizPosition,
  type RoomQuizSlot,
  resumeRoomQuiz,
  roomQuizPosition,
  roomQuizReducer,
  startRoomQuiz,
} from './roomQuiz.ts';

export type BlankScreen = 'none' | 'black' | 'white';
/** How the camera goes from stop to stop: glide along the corridor, or cut (reduced motion). */
export type Motion = 'glide' | 'cut';

/** What a presenter can ask for, from a key or from the presenter window. */
export type PresentCommand =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'black'
  | 'white'
  | 'escape'
  | 'pause'
  | 'motion'
  | 'lang'
  | 'quiz'
  /** 知识竞赛 on the phones (C): start it, or take its podium off the screens (a live lesson's own, see setCommandTaker). */
  | 'contest';

export const PRESENT_COMMANDS: readonly PresentCommand[] = [
  'next',
  'previous',
  'first',
  'last',
  'black',
  'white',
  'escape',
  'pause',
  'motion',
  'lang',
  'quiz',
  'contest',
];

export interface PresentState {
  /** False until the content has loaded and the tour is resolved. */
  ready: boolean;
  tourId: string;
  /** The tour id the URL asked for when it named no tour we have (a notice says so). */
  unknownTourId: string | null;
  index: number;
  count: number;
  blank: BlankScreen;
  /** Auto-advance paused by the presenter (P). */
  paused: boolean;
  motion: Motion;
  /** The camera has reached the current stop's board, so the projector card shows. */
  arrived: boolean;
  /**
   * The slide that was showing is fading out; the camera waits for it before it glides to the
   * current stop (a glide only: a cut changes slides at once).
   */
  leaving: boolean;
  /** Past the last stop: the end slide shows (the camera stays at the last board). */
  ended: boolean;
  /** When the lesson began and when the current stop began (epoch ms). */
  startedAt: number;
  stopStartedAt: number;
  /** Auto-advance: when the current screen moves on (epoch ms); null when not counting down. */
  advanceAt: number | null;
  /** Auto-advance held (paused or blanked): the milliseconds that were left; else null. */
  advanceLeft: number | null;
  /** The screenful of a long panel the projector shows (1-based), and how many it has. */
  page: number;
  pages: number;
  /** The tour's quiz (its `quiz`, an id in quiz.json), or null: a lesson without one ends at the end slide. */
  quizId: string | null;
  /** The room quiz while the lesson is in it (its slides over the stop it started from); else null. */
  quiz: RoomQuizSlot | null;
}

/** The projector card's scrolling, lent to the session: each returns false when there is no more. */
export interface Pager {
  down(): boolean;
  up(): boolean;
  toTop(): void;
}

/** Takes a command before the session does; true when it took it. */
export type CommandTaker = (command: PresentCommand) => boolean;

export interface PresentSessionOptions {
  exhibition: ExhibitionStore;
  /** The tour the URL asks for (null: the default tour). */
  tourId: string | null;
  motion?: Motion;
  /** When the lesson began, to carry the elapsed time over a reload (epoch ms); default now. */
  startedAt?: number;
  /**
   * Called once the tour is resolved, just before the first stop opens when the lesson starts
   * afresh (`resumed` false): the URL can take the stop without a history entry of its own.
   */
  onBegin?: (tour: PresentTour, panelId: string, resumed: boolean) => void;
  /** Called when the presenter switches between glide and cut, to remember the choice. */
  onMotionChange?: (motion: Motion) => void;
  /**
   * Fetches a quiz by id (null when there is none, or it cannot be read), the first time the
   * lesson's quiz is needed. Without it, the quiz is unavailable.
   */
  loadQuiz?: (quizId: string) => Promise<Quiz | null>;
  /**
   * Where the room quiz stood when the window was reloaded in it: a lesson resumed at its stop
   * goes back into the quiz at that slide (the tour's quiz only).
   */
  resumeQuiz?: RoomQuizPosition | null;
  /** Called whenever the room quiz's slide changes (null: out of the quiz), to keep it over a reload. */
  onQuizPosition?: (position: RoomQuizPosition | null) => void;
}

export interface PresentSession {
  readonly store: StoreApi<PresentState>;
  /** The resolved tour (null until the content is ready). */
  tour(): PresentTour | null;
  run(command: PresentCommand): void;
  /** Jumps to a stop (the presenter view's list of stops). */
  goTo(index: number): void;
  /** The slide that was showing has faded out (while `leaving`): the camera may set off. */
  slideHidden(): void;
  markArrived(): void;
  setPager(pager: Pager | null): void;
  /**
   * Something that takes commands before the stops do (the live lesson's 知识竞赛 while it shows:
   * "next" is then its next step, and nothing moves the stop under it). It answers true for a
   * command it took; the others go on to the session. Every command passes it, from the keys, the
   * control bar and the presenter window alike.
   */
  setCommandTaker(taker: CommandTaker | null): void;
  reportPage(page: number, pages: number): void;
  dispose(): void;
}

/**
 * The camera sets off without the view's word that the slide has faded out (a fade of 0.35 s, in
 * present.css) after this long when no view has lent its pager (nothing shows a slide), and
 * after the longer time when one has: a view always says so, unless it never gets to run its
 * transition (a tab in the background), and a slide that is still fading must not be cut short.
 */
export const SLIDE_FADE_GIVE_UP_MS = 1000;
export const SLIDE_FADE_GIVE_UP_WITH_VIEW_MS = 30_000;

export function createPresentSession(options: PresentSessionOptions): PresentSession {
  const { exhibition } = options;
  const now = () => Date.now();
  const started = options.startedAt ?? now();
  const store = createStore<PresentState>()(() => ({
    ready: false,
    tourId: options.tourId ?? '',
    unknownTourId: null,
    index: 0,
    count: 0,
    blank: 'none',
    paused: false,
    motion: options.motion ?? 'glide',
    arrived: false,
    leaving: false,
    ended: false,
    startedAt: started,
    stopStartedAt: started,
    advanceAt: null,
    advanceLeft: null,
    page: 1,
    pages: 1,
    quizId: null,
    quiz: null,
  }));
  const get = store.getState;
  const set = store.setState;

  let tour: PresentTour | null = null;
  let pager: Pager | null = null;
  let commandTaker: CommandTaker | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** While a slide fades out: the fallback that sends the camera on if the view never reports. */
  let leaveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The room quiz's one timer: its last call or its time-up, whichever comes first. */
  let quizTimer: ReturnType<typeof setTimeout> | null = null;
  /** The kept position a reloaded quiz resumes at, while it loads (its slide is reported meanwhile). */
  let resuming: RoomQuizPosition | null = null;
  /** quiz.json, fetched once per quiz id (a failed fetch is tried again next time). */
  const quizRequests = new Map<string, Promise<Quiz | null>>();
  let disposed = false;
  // Auto-advance counts only once the room can see the corridor: not behind the loading screen,
  // which gives up after a minute (the store's one loading clock), and so does this wait.
  // Latched, as the loading screen is (src/ui/Overlays.tsx): boards join after the first view
  // (the ones behind it, those the camera comes near) and are typeset for seconds on a busy CPU,
  // which takes the progress below "fully loaded" again. A stop reached then must still count
  // down: nothing would start its countdown later, and the lesson would stand at that stop.
  let wasShown = false;
  const shown = () => {
    if (!wasShown) wasShown = exhibition.getState().loadingGaveUp || isFullyLoaded(exhibition.getState().progress);
    return wasShown;
  };
  shown();

  const stopPanelId = (index = get().index) => tour?.stops[index]?.panel.id ?? null;
  const durationMs = (index = get().index) => {
    const seconds = tour?.stops[index]?.duration;
    return seconds ? seconds * 1000 : null;
  };

  // --- auto-advance ---------------------------------------------------------------------------

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    clearTimer();
    timer = setTimeout(fire, ms);
    set({ advanceAt: now() + ms, advanceLeft: null });
  };
  /** The countdown runs unless paused, blanked, or the corridor is still loading. */
  const running = () => !get().paused && get().blank === 'none' && shown();
  /** Starts the current screen's countdown afresh (or holds it, while it cannot run). */
  const restartTimer = () => {
    clearTimer();
    const ms = durationMs();
    if (ms === null) set({ advanceAt: null, advanceLeft: null });
    else if (!running()) set({ advanceAt: null, advanceLeft: ms });
    else schedule(ms);
  };
  const hold = () => {
    const { advanceAt } = get();
    if (timer === null || advanceAt === null) return;
    clearTimer();
    set({ advanceAt: null, advanceLeft: Math.max(0, advanceAt - now()) });
  };
  function release() {
    const { advanceLeft } = get();
    if (running() && advanceLeft !== null && timer === null) schedule(advanceLeft);
  }
  function fire() {
    timer = null;
    // A long panel shows each of its screens for the stop's duration before moving on.
    if (get().arrived && pager?.down()) {
      restartTimer();
      return;
    }
    const { index, count } = get();
    if (index < count - 1) go(index + 1);
    else afterLastStop();
  }

  // --- stops ----------------------------------------------------------------------------------

  const clearLeaveTimer = () => {
    if (leaveTimer !== null) clearTimeout(leaveTimer);
    leaveTimer = null;
  };

  /** The slide has gone: the camera sets off for the current stop. */
  function setOff() {
    clearLeaveTimer();
    if (!get().leaving) return;
    set({ leaving: false });
    const panelId = stopPanelId();
    if (panelId) exhibition.getState().openPanel(panelId, false);
  }

  function go(target: number) {
    if (!tour) return;
    // Home, End or a stop picked in the presenter view leave the quiz for that stop.
    const fromQuiz = get().quiz !== null;
    if (fromQuiz) {
      setQuiz(null);
      set({ ended: false });
    }
    const index = clampIndex(target, get().count);
    const panelId = stopPanelId(index);
    if (!panelId) return;
    const state = exhibition.getState();
    if (index === get().index && state.openPanelId === panelId && !get().leaving) {
      if (get().ended) set({ ended: false });
      pager?.toTop(); // e.g. Home on the first stop: back to its first screen
      if (fromQuiz) restartTimer();
      return;
    }
    const cut = get().motion === 'cut';
    // The same board as before (a lesson coming back to it) needs no camera move.
    const sameBoard = state.openPanelId === panelId;
    // A glide waits until the slide on the screen has faded out (a slide still fading out keeps
    // its place in that; the camera then goes to whichever stop is current when it has).
    const leaving = !cut && !sameBoard && (get().arrived || get().leaving);
    set({ index, stopStartedAt: now(), arrived: cut || sameBoard, leaving, ended: false, page: 1, pages: 1 });
    if (leaving) {
      if (leaveTimer === null) leaveTimer = setTimeout(setOff, pager ? SLIDE_FADE_GIVE_UP_WITH_VIEW_MS : SLIDE_FADE_GIVE_UP_MS);
    } else {
      clearLeaveTimer();
      exhibition.getState().openPanel(panelId, cut);
    }
    restartTimer();
  }

  /** The end slide: the lesson's last word, over the last stop (which stays as it was beneath). */
  function end() {
    clearTimer();
    set({ ended: true, advanceAt: null, advanceLeft: null });
    // After the quiz, a reload comes back to this slide, not to the quiz's closing one.
    if (get().quiz !== null) reportQuizPosition();
  }

  /** After the last stop: the tour's quiz, if it names one; else the end slide. */
  function afterLastStop() {
    if (get().quizId) enterQuiz();
    else end();
  }

  // --- the room quiz --------------------------------------------------------------------------

  const clearQuizTimer = () => {
    if (quizTimer !== null) clearTimeout(quizTimer);
    quizTimer = null;
  };

  /**
   * Tells the projector where the room quiz is, for a reload to come back to: its slide (while a
   * resumed quiz loads, the slide it will resume at), and whether the end slide shows over it.
   */
  function reportQuizPosition() {
    const slot = get().quiz;
    if (!options.onQuizPosition) return;
    if (slot === null) {
      options.onQuizPosition(null);
      return;
    }
    const position: RoomQuizPosition =
      slot.status === 'ready' ? roomQuizPosition(slot.run) : (resuming ?? { quizId: slot.quizId, phase: 'title', index: 0 });
    const { ended: _before, ...slide } = position;
    options.onQuizPosition(get().ended ? { ...slide, ended: true } : slide);
  }

  /** Shows a quiz slot and sets the quiz's timer for whatever it waits for next. */
  function setQuiz(quiz: RoomQuizSlot | null) {
    clearQuizTimer();
    set({ quiz });
    if (quiz?.status !== 'loading') resuming = null;
    reportQuizPosition();
    const due = quiz?.status === 'ready' ? nextDueAt(quiz.run) : null;
    if (due === null) return;
    quizTimer = setTimeout(
      () => {
        quizTimer = null;
        quizEvent({ type: 'tick', now: now() });
      },
      Math.max(0, due - now()),
    );
  }

  function quizEvent(event: RoomQuizEvent) {
    const slot = get().quiz;
    if (slot?.status !== 'ready') return;
    const run = roomQuizReducer(slot.run, event);
    if (run !== slot.run) setQuiz({ ...slot, run });
    else if (event.type === 'tick') setQuiz(slot); // the timer fired a moment early: wait again
  }

  /**
   * The quiz's title slide, over the stop the lesson is at (the stop's auto-advance waits); or,
   * after a reload in the quiz, the slide it was at.
   */
  function enterQuiz(resume: RoomQuizPosition | null = null) {
    const quizId = get().quizId;
    if (!quizId) return;
    clearTimer();
    set({ ended: false, advanceAt: null, advanceLeft: null });
    resuming = resume;
    setQuiz({ status: 'loading', quizId });
    let request = quizRequests.get(quizId);
    if (!request) {
      request = options.loadQuiz ? options.loadQuiz(quizId).catch(() => null) : Promise.resolve(null);
      quizRequests.set(quizId, request);
    }
    request.then((quiz) => {
      if (!quiz) quizRequests.delete(quizId);
      // The presenter may have left the quiz while it loaded.
      const slot = get().quiz;
      if (disposed || slot?.status !== 'loading' || slot.quizId !== quizId) return;
      if (!quiz || quiz.questions.length === 0) setQuiz({ status: 'unavailable', quizId });
      else {
        const held = get().blank !== 'none';
        const run = resume ? resumeRoomQuiz(quiz, resume, now(), held) : startRoomQuiz(quiz, held);
        setQuiz({ status: 'ready', quizId, run });
      }
    });
  }

  /** Back to the stop beneath, as it was (its auto-advance starts again). */
  function leaveQuiz() {
    if (get().quiz === null) return;
    setQuiz(null);
    set({ ended: false });
    restartTimer();
  }

  function quizNext() {
    const slot = get().quiz;
    if (!slot || slot.status === 'loading') return;
    // After the closing slide (or a quiz that could not be loaded): the lesson's end slide.
    if (slot.status === 'unavailable' || slot.run.phase === 'finished') end();
    else quizEvent({ type: 'next', now: now() });
  }

  function quizPrevious() {
    const slot = get().quiz;
    if (!slot) return;
    if (slot.status !== 'ready' || slot.run.phase === 'title') leaveQuiz();
    else quizEvent({ type: 'previous', now: now() });
  }

  const holdQuiz = (held: boolean) => {
    if (get().quiz?.status === 'ready') quizEvent({ type: 'hold', held, now: now() });
  };

  const unblank = () => {
    if (get().blank === 'none') return false;
    set({ blank: 'none' });
    release();
    holdQuiz(false);
    return true;
  };

  const toggleBlank = (kind: Exclude<BlankScreen, 'none'>) => {
    if (get().blank === kind) {
      unblank();
      return;
    }
    set({ blank: kind });
    hold();
    holdQuiz(true);
  };

  /** A navigation key while the screen is blank only brings the picture back, as in PowerPoint. */
  const navigate = (move: () => void, quizMove?: () => void) => {
    if (!get().ready || unblank()) return;
    // In the quiz the keys are the quiz's (the end slide after it is the lesson's again).
    if (get().quiz !== null && !get().ended && quizMove) {
      quizMove();
      return;
    }
    // The card was closed (e.g. the URL went to #/): the first key brings the current stop back.
    if (exhibition.getState().openPanelId === null && !get().leaving) {
      const panelId = stopPanelId();
      if (panelId) {
        set({ arrived: get().motion === 'cut', ended: false, stopStartedAt: now() });
        exhibition.getState().openPanel(panelId, get().motion === 'cut');
        restartTimer();
      }
      return;
    }
    move();
  };

  const run = (command: PresentCommand) => {
    if (disposed || commandTaker?.(command)) return;
    switch (command) {
      case 'next':
        navigate(() => {
          if (get().ended) return; // the end slide is the last thing there is
          if (get().arrived && pager?.down()) restartTimer();
          else if (get().index < get().count - 1) go(get().index + 1);
          else if (get().arrived) afterLastStop();
        }, quizNext);
        return;
      case 'previous':
        navigate(() => {
          // From the end slide back to the last stop, at the screen it was left at (or to the
          // quiz's closing slide, when the quiz came before the end).
          if (get().ended) {
            set({ ended: false });
            if (get().quiz === null) restartTimer();
            else reportQuizPosition();
          } else if (get().arrived && pager?.up()) restartTimer();
          else go(get().index - 1);
        }, quizPrevious);
        return;
      case 'first':
        navigate(() => go(0));
        return;
      case 'last':
        navigate(() => go(get().count - 1));
        return;
      case 'black':
      case 'white':
        toggleBlank(command);
        return;
      case 'escape':
        unblank();
        return;
      case 'pause': {
        // In the quiz P is the question's countdown's.
        if (get().quiz !== null) {
          quizEvent({ type: 'pause', now: now() });
          return;
        }
        const paused = !get().paused;
        set({ paused });
        if (paused) hold();
        else release();
        return;
      }
      case 'motion': {
        const motion = get().motion === 'glide' ? 'cut' : 'glide';
        set({ motion });
        options.onMotionChange?.(motion);
        return;
      }
      case 'lang':
        exhibition.getState().toggleLang();
        return;
      case 'quiz':
        // Q: straight into the quiz, from any stop; again, back to the stop. On a blank screen it
        // only brings the picture back, as the other keys that move do.
        if (!get().ready || !get().quizId || unblank()) return;
        if (get().quiz !== null) leaveQuiz();
        else enterQuiz();
        return;
      case 'contest':
        // Only a live lesson has phones to play on: its taker handles C, or nothing does.
        return;
    }
  };

  // --- following the exhibition store ---------------------------------------------------------

  const begin = () => {
    const state = exhibition.getState();
    if (tour || disposed || state.status !== 'ready' || !state.exhibition) return;
    const resolved = resolveTour(state.exhibition, options.tourId);
    tour = resolved.tour;
    const { index, resumed } = startIndex(tour, state.openPanelId);
    const panelId = stopPanelId(index);
    if (!panelId) return;
    set({
      ready: true,
      tourId: tour.id,
      unknownTourId: resolved.unknownId,
      count: tour.stops.length,
      index,
      quizId: tourQuizId(state.exhibition, tour),
      stopStartedAt: now(),
      // A reload at a stop has its card open and the camera there already.
      arrived: resumed || get().motion === 'cut',
    });
    options.onBegin?.(tour, panelId, resumed);
    if (!resumed) exhibition.getState().openPanel(panelId, get().motion === 'cut');
    restartTimer();
    const quizId = get().quizId;
    if (resumed && quizId && options.resumeQuiz?.quizId === quizId) {
      enterQuiz(options.resumeQuiz);
      // Reloaded on the end slide after the quiz: the end slide again, the quiz's last one beneath.
      if (options.resumeQuiz.ended) end();
    }
    // Not resumed into it: whatever was kept is over (also for the next reload).
    else options.onQuizPosition?.(null);
  };

  const unsubscribe = exhibition.subscribe((state, previous) => {
    if (!wasShown && shown()) release();
    if (!tour) {
      // Begin after the store has finished telling everyone it is ready (hashSync first).
      if (state.status === 'ready' && previous.status !== 'ready') queueMicrotask(begin);
      return;
    }
    if (state.openPanelId === previous.openPanelId || state.openPanelId === null) return;
    if (state.openPanelId === stopPanelId()) return;
    // Back/forward (or a link) opened another panel: follow it if the tour visits it.
    const index = stopIndexForPanel(tour, state.openPanelId, get().index);
    if (index < 0) return;
    const cut = get().motion === 'cut';
    // The camera is already on its way, so the slide cannot fade out first: it goes at once.
    clearLeaveTimer();
    setQuiz(null);
    set({ index, stopStartedAt: now(), arrived: cut, leaving: false, ended: false, page: 1, pages: 1 });
    if (cut) exhibition.getState().openPanel(state.openPanelId, true);
    restartTimer();
  });
  // Content already there (a session started late, or in tests).
  if (exhibition.getState().status === 'ready') begin();

  return {
    store,
    tour: () => tour,
    run,
    goTo(index) {
      if (!get().ready) return;
      unblank();
      go(index);
    },
    slideHidden() {
      setOff();
    },
    markArrived() {
      // Before the camera has even set off, it cannot have arrived.
      if (!get().arrived && !get().leaving) set({ arrived: true });
    },
    setPager(next) {
      pager = next;
    },
    setCommandTaker(taker) {
      commandTaker = taker;
    },
    reportPage(page, pages) {
      if (get().page !== page || get().pages !== pages) set({ page, pages });
    },
    dispose() {
      disposed = true;
      clearTimer();
      clearLeaveTimer();
      clearQuizTimer();
      unsubscribe();
    },
  };
}

/** The quiz a tour names (the default tour names none). */
function tourQuizId(exhibition: Exhibition, tour: PresentTour): string | null {
  if (tour.isDefault) return null;
  return exhibition.tours?.find((candidate) => candidate.id === tour.id)?.quiz ?? null;
}
