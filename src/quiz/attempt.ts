/**
 * One attempt at a quiz, as a pure state machine (no React, no timers): the screens later drive
 * it with events and draw whatever state it is in.
 *
 *   answering ──submit / time-up──▶ feedback ──next──▶ answering (the next question)
 *                                           └──next after the last──▶ finished
 *   any state ──restart(seed)──▶ answering the first question of a new shuffle (再来一次)
 *
 * An event that does not fit the state (submitting with nothing chosen, choosing during the
 * feedback, an option the question does not have) leaves the state as it is, so a double tap or a
 * stale timer can never skip a question or change an answer already marked.
 */
import type { Quiz, QuizQuestion } from '../content/quizSchema.ts';
import type { Seed } from './random.ts';
import { type Answers, isCorrect, type Score, scoreAttempt } from './score.ts';
import { shuffleQuiz } from './shuffle.ts';

export type AttemptPhase = 'answering' | 'feedback' | 'finished';

export interface AttemptState {
  /** The quiz as authored: what 再来一次 shuffles again. */
  source: Quiz;
  /** The seed of this attempt's order. */
  seed: Seed;
  /** The questions and options in this attempt's order. */
  quiz: Quiz;
  phase: AttemptPhase;
  /** The current question's index in `quiz.questions` (the last one once finished). */
  index: number;
  /** The options chosen so far for the current question, not yet submitted. */
  selected: readonly string[];
  /** The submitted answers, by question id. */
  answers: Answers;
}

export type AttemptEvent =
  /** Choose an option: for single and true-false it replaces the choice, for multiple it toggles. */
  | { type: 'select'; optionId: string }
  /** Mark the current choice (ignored while nothing is chosen). */
  | { type: 'submit' }
  /** The countdown ran out: mark whatever is chosen, even nothing (then the question is wrong). */
  | { type: 'time-up' }
  /** From the feedback, on to the next question or, after the last, to the score. */
  | { type: 'next' }
  /** 再来一次: start over with a new order. */
  | { type: 'restart'; seed: Seed };

/** A fresh attempt at the first question of the quiz shuffled by `seed`. */
export function startAttempt(source: Quiz, seed: Seed): AttemptState {
  return { source, seed, quiz: shuffleQuiz(source, seed), phase: 'answering', index: 0, selected: [], answers: {} };
}

/** The question on screen (during the feedback: the one just marked). */
export function currentQuestion(state: AttemptState): QuizQuestion | undefined {
  return state.quiz.questions[state.index];
}

/** Whether the current question was answered correctly; undefined before it is marked. */
export function currentFeedback(state: AttemptState): boolean | undefined {
  const question = currentQuestion(state);
  const answer = question ? state.answers[question.id] : undefined;
  return question && answer ? isCorrect(question, answer) : undefined;
}

/** The score so far (every question counts; unanswered ones are wrong), in this attempt's order. */
export function attemptScore(state: AttemptState): Score {
  return scoreAttempt(state.quiz.questions, state.answers);
}

function mark(state: AttemptState, question: QuizQuestion): AttemptState {
  return { ...state, phase: 'feedback', answers: { ...state.answers, [question.id]: [...state.selected] } };
}

export function attemptReducer(state: AttemptState, event: AttemptEvent): AttemptState {
  if (event.type === 'restart') return startAttempt(state.source, event.seed);
  const question = currentQuestion(state);
  if (!question) return state;
  switch (event.type) {
    case 'select': {
      if (state.phase !== 'answering' || !question.options.some((option) => option.id === event.optionId)) return state;
      if (question.kind !== 'multiple') return { ...state, selected: [event.optionId] };
      const selected = state.selected.includes(event.optionId)
        ? state.selected.filter((id) => id !== event.optionId)
        : [...state.selected, event.optionId];
      return { ...state, selected };
    }
    case 'submit':
      return state.phase === 'answering' && state.selected.length > 0 ? mark(state, question) : state;
    case 'time-up':
      return state.phase === 'answering' ? mark(state, question) : state;
    case 'next': {
      if (state.phase !== 'feedback') return state;
      const last = state.index >= state.quiz.questions.length - 1;
      return last ? { ...state, phase: 'finished' } : { ...state, phase: 'answering', index: state.index + 1, selected: [] };
    }
    default:
      return state;
  }
}
