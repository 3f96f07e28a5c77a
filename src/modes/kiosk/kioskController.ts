/**
 * Runs the lobby kiosk: the attract loop while nobody is there, a visit from the first touch, the
 * idle clock during the visit, and the reset that puts everything back for the next visitor. It
 * drives the exhibition store only through its named actions and keeps its own phase in the
 * kiosk store; input listeners only record a time stamp (no state is set per pointermove).
 */

import { currentFeedback, currentQuestion } from '../../quiz/attempt.ts';
import { releaseMotion } from '../../store/live.ts';
import type { ExhibitionStore } from '../../store/store.ts';
import type { ExhibitionState } from '../../store/types.ts';
import { type AttractLoopOptions, startAttractLoop } from './attractLoop.ts';
import { IdleTimer, warningSecondsFor } from './idleTimer.ts';
import type { KioskStore } from './kioskStore.ts';
import type { KioskStatsRecorder } from './stats.ts';

export const DEFAULT_IDLE_SECONDS = 90;

/** Input that proves someone is at the screen. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'touchstart', 'wheel', 'keydown'] as const;

export interface KioskControllerOptions {
  store: ExhibitionStore;
  kiosk: KioskStore;
  idleSeconds: number;
  /** The warning's length in seconds (`?warn=`); by default `warningSecondsFor(idleSeconds)`. Capped at the idle time. */
  warningSeconds?: number | null;
  stats: KioskStatsRecorder;
  /** Where input is listened for (the window). */
  inputTarget: EventTarget;
  attract?: Partial<Omit<AttractLoopOptions, 'onStop' | 'onGlide'>>;
  /**
   * Called at each reset, after the visitor's changes are undone. Returns true when the page is
   * about to reload (a new version of the exhibition waits), so no attract loop is started.
   */
  onReset?(): boolean;
  now?: () => number;
}

export interface KioskController {
  /** The first touch on the attract screen: a visit starts at the entrance. */
  startVisit(): void;
  /** The 继续参观 button: the warning goes and the idle clock starts again. */
  continueVisit(): void;
  /** Ends the visit (or the admin screen) and resumes the attract loop. */
  reset(): void;
  /** The hidden gesture was made: the PIN pad (then the admin screen) takes over. */
  openAdmin(): void;
  /** Input seen (also wired to the input target). */
  activity(): void;
  stop(): void;
}

/** Undoes everything a visitor can change: card, quiz, directory, notice, view, language, walking keys, camera. */
export function resetVisitorState(store: ExhibitionStore): void {
  const state = store.getState();
  state.closePanel();
  // The quiz screen and its attempt: the next visitor starts afresh, and sees nobody's score.
  state.resetQuiz();
  state.setDirectoryOpen(false);
  state.dismissNotice();
  if (state.view !== 'corridor') state.showView('corridor');
  state.setLang('zh');
  releaseMotion();
  // Cut (not glide) back to the entrance: the overlay fades over the cut.
  state.goToEntrance(true);
}

/**
 * The rule for counting oath readings (誓词诵读 人次), fed every store change: true when this change
 * reads a ceremony to its end for the first time. A reading is the ceremony's `lit` reaching its
 * `phrases` from fewer. It counts once per ceremony: a ceremony begins when `oath` appears (from
 * null), turns to another oath panel or starts a new round, and ends when `oath` goes back to null (the ceremony or
 * its card closed, the idle reset). Putting the last phrase out and lighting it again, or stepping
 * back to the start and reading it through again, is the same ceremony and does not count again;
 * closing the ceremony and opening it anew does, and so does 再读一遍 (`restartOath`: a new `round`).
 */
export function oathReadingCounter(): (state: ExhibitionState, previous: ExhibitionState) => boolean {
  let readToTheEnd = false;
  return (state, previous) => {
    const { oath } = state;
    const before = previous.oath;
    if (oath === before) return false;
    const sameCeremony = oath !== null && before !== null && oath.panelId === before.panelId && oath.round === before.round;
    if (!sameCeremony) readToTheEnd = false;
    if (!oath || readToTheEnd) return false;
    const litBefore = sameCeremony ? before.lit : 0;
    if (oath.phrases > 0 && oath.lit >= oath.phrases && litBefore < oath.phrases) {
      readToTheEnd = true;
      return true;
    }
    return false;
  };
}

/** What one store change did to the quiz attempt, for the statistics. */
export type QuizAttemptEvent =
  | { kind: 'started'; quizId: string }
  | { kind: 'answered'; questionId: string; correct: boolean }
  | { kind: 'finished'; quizId: string };

/**
 * The rule for counting quizzes, fed every store change: a new round (`quizRound`: a quiz opened
 * afresh, 再来一次) with an attempt is an attempt started; within a round, the attempt going from
 * answering to its feedback is a question answered (right or wrong), and from the feedback to
 * finished is an attempt finished. Resuming a quiz left open, or coming back from its board, is the
 * same round and counts nothing again.
 */
export function quizAttemptEvents(
  state: Pick<ExhibitionState, 'quizAttempt' | 'quizRound'>,
  previous: Pick<ExhibitionState, 'quizAttempt' | 'quizRound'>,
): QuizAttemptEvent[] {
  const attempt = state.quizAttempt;
  const before = previous.quizAttempt;
  if (!attempt || attempt === before) return [];
  if (state.quizRound !== previous.quizRound) return [{ kind: 'started', quizId: attempt.source.id }];
  if (!before || before.source.id !== attempt.source.id) return [];
  if (before.phase === 'answering' && attempt.phase === 'feedback') {
    const question = currentQuestion(attempt);
    return question ? [{ kind: 'answered', questionId: question.id, correct: currentFeedback(attempt) === true }] : [];
  }
  if (before.phase === 'feedback' && attempt.phase === 'finished') return [{ kind: 'finished', quizId: attempt.source.id }];
  return [];
}

export function startKioskController(options: KioskControllerOptions): KioskController {
  const { store, kiosk, stats, inputTarget } = options;
  const idleSeconds = Math.max(1, options.idleSeconds);
  let stopAttract: (() => void) | null = null;
  let stopped = false;

  const idle = new IdleTimer({
    idleMs: idleSeconds * 1000,
    warningMs: Math.min(idleSeconds, options.warningSeconds ?? warningSecondsFor(idleSeconds)) * 1000,
    now: options.now,
    onWarning: (seconds) => kiosk.getState().setWarning(seconds),
    onResume: () => kiosk.getState().setWarning(null),
    onIdle: () => controller.reset(),
  });

  const startAttract = () => {
    stopAttract?.();
    stopAttract = null;
    if (stopped || store.getState().status !== 'ready') return;
    kiosk.getState().setAttractPanel(null);
    kiosk.getState().setAttractHeading(null);
    stopAttract = startAttractLoop(store, {
      ...options.attract,
      onStop: (panelId) => kiosk.getState().setAttractPanel(panelId),
      onGlide: (panelId) => kiosk.getState().setAttractHeading(panelId),
    });
  };

  const endAttract = () => {
    stopAttract?.();
    stopAttract = null;
  };

  // During the warning only its own dialog continues the visit (on the click, after the finger
  // lifts): dismissing it on pointerdown would let the same tap land on the card or corridor below.
  const onInput = () => {
    if (kiosk.getState().warning === null) idle.activity();
  };
  for (const type of ACTIVITY_EVENTS) inputTarget.addEventListener(type, onInput, { capture: true, passive: true });

  // Oath readings: see oathReadingCounter. A ceremony read to the end outside a visit (the admin
  // screen, the attract loop) is used up uncounted, so it cannot count later either.
  const oathReadToTheEnd = oathReadingCounter();

  // Reading time per board: which card is open, while a visit goes on.
  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.openPanelId !== previous.openPanelId && kiosk.getState().phase === 'visit') stats.boardShown(state.openPanelId);
    if (oathReadToTheEnd(state, previous) && kiosk.getState().phase === 'visit' && state.oath) stats.oathRead(state.oath.panelId);
    if (state.quizAttempt !== previous.quizAttempt && kiosk.getState().phase === 'visit') {
      for (const event of quizAttemptEvents(state, previous)) {
        if (event.kind === 'started') stats.quizStarted(event.quizId);
        else if (event.kind === 'answered') stats.questionAnswered(event.questionId, event.correct);
        else stats.quizFinished(event.quizId);
      }
    }
    // The attract loop starts once the corridor is there.
    if (state.status === 'ready' && previous.status !== 'ready' && kiosk.getState().phase === 'attract') {
      resetVisitorState(store);
      startAttract();
    }
  });

  const controller: KioskController = {
    startVisit() {
      if (stopped || kiosk.getState().phase !== 'attract' || store.getState().status !== 'ready') return;
      endAttract();
      const state = store.getState();
      state.closePanel();
      state.goToEntrance(true);
      kiosk.getState().setAttractPanel(null);
      kiosk.getState().setAttractHeading(null);
      kiosk.getState().setPhase('visit');
      stats.visitStarted();
      idle.start();
    },

    continueVisit() {
      idle.activity();
      kiosk.getState().setWarning(null);
    },

    reset() {
      if (stopped) return;
      idle.stop();
      stats.visitEnded();
      kiosk.getState().setWarning(null);
      resetVisitorState(store);
      kiosk.getState().setPhase('attract');
      kiosk.getState().countReset();
      const reloading = options.onReset?.() ?? false;
      if (!reloading) startAttract();
    },

    openAdmin() {
      if (stopped || kiosk.getState().phase === 'admin') return;
      endAttract();
      stats.visitEnded();
      const state = store.getState();
      state.closePanel();
      // The admin screen is no place for a visitor's quiz (a modal dialog would stay over it).
      state.resetQuiz();
      kiosk.getState().setWarning(null);
      kiosk.getState().setPhase('admin');
      idle.start();
    },

    activity() {
      idle.activity();
    },

    stop() {
      stopped = true;
      endAttract();
      idle.stop();
      stats.visitEnded();
      unsubscribeStore();
      for (const type of ACTIVITY_EVENTS) inputTarget.removeEventListener(type, onInput, { capture: true });
    },
  };

  if (store.getState().status === 'ready') {
    resetVisitorState(store);
    startAttract();
  }
  return controller;
}
