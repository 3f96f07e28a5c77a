/**
 * The room quiz's content, fetched the first time a lesson needs its quiz (src/quiz/lessonQuiz.ts:
 * the build's checks, the lesson's letters).
 */
import type { Quiz } from '../../content/quizSchema.ts';
import { loadLessonQuiz } from '../../quiz/lessonQuiz.ts';
import type { ExhibitionStore } from '../../store/store.ts';

/** A `loadQuiz` for the session: the quiz with that id, or null (no such quiz, no file, no exhibition). */
export function roomQuizLoader(store: ExhibitionStore, baseUrl: string): (quizId: string) => Promise<Quiz | null> {
  return async (quizId) => {
    const exhibition = store.getState().exhibition;
    return exhibition ? loadLessonQuiz(exhibition, baseUrl, quizId) : null;
  };
}
