/**
 * The room quiz (课堂知识问答) on the projector, as a pure state machine: no React, no timers and
 * no clock of its own. Every event carries `now` (epoch ms), so tests drive it with plain numbers
 * and the session (presentSession.ts) owns the one timer, set for `nextDueAt`.
 *
 *   title ─next─▶ answering(1) ─next / time-up─▶ revealed(1) ─next─▶ answering(2) … revealed(n) ─next─▶ finished
 *
 * "previous" walks the same line backwards, one slide at a time (so an answer revealed by a
 * double click can be taken back); from the title the session leaves the quiz, and from the
 * closing slide "next" is the session's too (the lesson's end slide).
 *
 * The whole room answers at once with no phones, so nothing here records answers or scores: the
 * slide asks, the presenter reveals, the room compares.
 *
 * A question's countdown (its `seconds`) runs while it is being answered, unless the presenter
 * paused it (P) or the screen is blanked (held): both keep the time left exactly, and it runs on
 * from there. It is said aloud twice, not every second: at ten seconds left and at time-up.
 */
import type { Quiz, QuizQuestion } from '../../content/quizSchema.ts';

export type RoomQuizPhase = 'title' | 'answering' | 'revealed' | 'finished';

/** The last call: a screen reader hears it once, at this much time left. */
export const LAST_CALL_MS = 10_000;

/** A question's countdown: running (`endsAt` set) or stopped (`leftMs` set), never both. */
export interface Countdown {
  /** The question's whole time. */
  totalMs: number;
  /** While running: when it runs out (epoch ms); else null. */
  endsAt: number | null;
  /** While stopped (paused, or the screen blanked): the time left; else null. */
  leftMs: number | null;
}

export interface RoomQuizState {
  quiz: Quiz;
  phase: RoomQuizPhase;
  /** The current question's index in `quiz.questions` (0 on the title, the last on the closing slide). */
  index: number;
  /** The current question's countdown while it is answered; null untimed, or in any other phase. */
  countdown: Countdown | null;
  /** The presenter paused this question's countdown (P). */
  paused: boolean;
  /** The screen is blanked (black or white): the countdown waits, as auto-advance does. */
  held: boolean;
  /** The ten-seconds-left call has been made for this question. */
  lastCall: boolean;
  /** The answer shows because the time ran out (not because the presenter revealed it early). */
  timeUp: boolean;
}

export type RoomQuizEvent =
  /** The clicker's next key: reveal, or on to the next question, or the closing slide. */
  | { type: 'next'; now: number }
  /** The clicker's previous key: one slide back. */
  | { type: 'previous'; now: number }
  /** P: pause or resume the countdown. */
  | { type: 'pause'; now: number }
  /** The screen blanked (held) or back. */
  | { type: 'hold'; held: boolean; now: number }
  /** The session's timer fired: the last call or time-up, whichever is due at `now` (a stale one does nothing). */
  | { type: 'tick'; now: number };

/** The quiz on its title slide; `held` when it starts on a blanked screen. */
export function startRoomQuiz(quiz: Quiz, held = false): RoomQuizState {
  return { quiz, phase: 'title', index: 0, countdown: null, paused: false, held, lastCall: false, timeUp: false };
}

/** Where the room quiz stands, as kept over a reload of the projector window. */
export interface RoomQuizPosition {
  quizId: string;
  phase: RoomQuizPhase;
  /** The question's index in `quiz.questions` (0 on the title slide). */
  index: number;
  /** The lesson's end slide shows over the finished quiz (kept by the projector, for a reload there). */
  ended?: boolean;
}

export function roomQuizPosition(state: RoomQuizState): RoomQuizPosition {
  return { quizId: state.quiz.id, phase: state.phase, index: state.index };
}

/**
 * The quiz back at a kept position: the same slide, a question's countdown with its whole time
 * again (the room lost the seconds it spent on the reload). A position the quiz no longer has (the
 * file changed in between) falls back to the title slide.
 */
export function resumeRoomQuiz(quiz: Quiz, position: RoomQuizPosition, now: number, held = false): RoomQuizState {
  const start = startRoomQuiz(quiz, held);
  const last = quiz.questions.length - 1;
  if (position.quizId !== quiz.id || !Number.isInteger(position.index) || position.index < 0 || position.index > last)
    return start;
  switch (position.phase) {
    case 'title':
      return start;
    case 'answering':
      return ask(start, position.index, now);
    case 'revealed':
      return reveal(start, position.index, false);
    case 'finished':
      return { ...reveal(start, last, false), phase: 'finished' };
  }
}

export function currentRoomQuestion(state: RoomQuizState): QuizQuestion | undefined {
  return state.quiz.questions[state.index];
}

/** The milliseconds the countdown has left at `now`. */
export function countdownLeft(countdown: Countdown, now: number): number {
  return Math.max(0, countdown.endsAt !== null ? countdown.endsAt - now : (countdown.leftMs ?? 0));
}

const running = (state: Pick<RoomQuizState, 'paused' | 'held'>) => !state.paused && !state.held;

function stopped(countdown: Countdown, now: number): Countdown {
  return countdown.endsAt === null ? countdown : { ...countdown, endsAt: null, leftMs: countdownLeft(countdown, now) };
}

function resumed(countdown: Countdown, now: number): Countdown {
  return countdown.endsAt !== null ? countdown : { ...countdown, endsAt: now + (countdown.leftMs ?? 0), leftMs: null };
}

/** The countdown as it should be for the state's pause and hold. */
function paced(state: RoomQuizState, now: number): RoomQuizState {
  if (!state.countdown) return state;
  return { ...state, countdown: running(state) ? resumed(state.countdown, now) : stopped(state.countdown, now) };
}

/**
 * Question `index` put to the room, with its whole time. A new question's countdown runs even if
 * the last one was paused: a pause is for talking over that question, and a fresh question
 * sitting paused would only puzzle the room.
 */
function ask(state: RoomQuizState, index: number, now: number): RoomQuizState {
  const question = state.quiz.questions[index];
  const totalMs = question?.seconds ? question.seconds * 1000 : null;
  const next: RoomQuizState = {
    ...state,
    phase: 'answering',
    index,
    paused: false,
    lastCall: false,
    timeUp: false,
    countdown: totalMs === null ? null : { totalMs, endsAt: null, leftMs: totalMs },
  };
  return paced(next, now);
}

function reveal(state: RoomQuizState, index: number, timeUp: boolean): RoomQuizState {
  return { ...state, phase: 'revealed', index, countdown: null, paused: false, timeUp };
}

/** The question starts late enough (short enough) that a last call would only interrupt it. */
const wantsLastCall = (countdown: Countdown) => countdown.totalMs > LAST_CALL_MS;

export function roomQuizReducer(state: RoomQuizState, event: RoomQuizEvent): RoomQuizState {
  const last = state.quiz.questions.length - 1;
  switch (event.type) {
    case 'next':
      if (state.phase === 'title') return ask(state, 0, event.now);
      if (state.phase === 'answering') return reveal(state, state.index, false);
      if (state.phase === 'revealed')
        return state.index < last ? ask(state, state.index + 1, event.now) : { ...state, phase: 'finished' };
      return state; // the closing slide: what follows is the session's
    case 'previous':
      if (state.phase === 'finished') return reveal(state, last, false);
      if (state.phase === 'revealed') return ask(state, state.index, event.now);
      if (state.phase === 'answering')
        return state.index > 0 ? reveal(state, state.index - 1, false) : { ...startRoomQuiz(state.quiz, state.held) };
      return state; // the title: leaving the quiz is the session's
    case 'pause':
      if (state.phase !== 'answering' || !state.countdown) return state;
      return paced({ ...state, paused: !state.paused }, event.now);
    case 'hold':
      return state.held === event.held ? state : paced({ ...state, held: event.held }, event.now);
    case 'tick': {
      const { countdown } = state;
      if (state.phase !== 'answering' || !countdown || countdown.endsAt === null) return state;
      const left = countdownLeft(countdown, event.now);
      if (left <= 0) return reveal(state, state.index, true);
      if (!state.lastCall && wantsLastCall(countdown) && left <= LAST_CALL_MS) return { ...state, lastCall: true };
      return state;
    }
    default:
      return state;
  }
}

/** When the session's timer should fire next (epoch ms): the last call, else time-up; null while nothing runs. */
export function nextDueAt(state: RoomQuizState): number | null {
  const { countdown } = state;
  if (state.phase !== 'answering' || !countdown || countdown.endsAt === null) return null;
  if (!state.lastCall && wantsLastCall(countdown)) return Math.min(countdown.endsAt, countdown.endsAt - LAST_CALL_MS);
  return countdown.endsAt;
}

/**
 * What the projector shows and where the quiz stands, while the lesson is in it: loading
 * quiz.json (fetched the first time the quiz is needed), unavailable (no such quiz, a file that
 * cannot be read), or running.
 */
export type RoomQuizSlot =
  | { status: 'loading'; quizId: string }
  | { status: 'unavailable'; quizId: string }
  | { status: 'ready'; quizId: string; run: RoomQuizState };
