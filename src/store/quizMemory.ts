/**
 * A quiz attempt under way survives a reload of the visitor's tab: the answers given, the choice
 * not yet submitted and the name typed for the result card are written to sessionStorage as they
 * change, and read back at start-up for when that quiz opens again (src/quiz/attemptMemory.ts
 * checks they still fit it). Only where the mode says so (`remembersQuizAttempt`): the lobby
 * kiosk is a shared screen whose every visit starts afresh.
 *
 * Storage may be missing or throw (a private window, a full quota): then the attempt is simply
 * not kept, and the quiz goes on.
 */
import { parseSavedAttempt, saveableAttempt } from '../quiz/attemptMemory.ts';
import type { ExhibitionStore } from './store.ts';

export const QUIZ_ATTEMPT_KEY = 'dangshi.visitor.quizAttempt';

export type QuizAttemptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reads back the attempt from before a reload and keeps writing the current one. Returns the stop. */
export function rememberQuizAttempt(store: ExhibitionStore, storage: QuizAttemptStorage | null): () => void {
  if (!storage || !store.getState().capabilities.remembersQuizAttempt) return () => {};
  try {
    const saved = parseSavedAttempt(JSON.parse(storage.getItem(QUIZ_ATTEMPT_KEY) ?? 'null'));
    if (saved) store.getState().resumeQuizAttempt(saved);
  } catch {
    // Unreadable (not JSON): nothing to resume.
  }
  return store.subscribe((state, previous) => {
    if (state.quizAttempt === previous.quizAttempt && state.quizName === previous.quizName) return;
    try {
      if (state.quizAttempt)
        storage.setItem(QUIZ_ATTEMPT_KEY, JSON.stringify(saveableAttempt(state.quizAttempt, state.quizName)));
      else storage.removeItem(QUIZ_ATTEMPT_KEY);
    } catch {
      // Not kept: the attempt goes on in the page all the same.
    }
  });
}
