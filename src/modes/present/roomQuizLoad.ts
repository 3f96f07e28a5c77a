/**
 * The room quiz's content, fetched the first time a lesson needs its quiz: quiz.json through the
 * same loader and checks as the build (`loadQuizzes`), so the room sees exactly the questions the
 * content check let through. The loader's code is a chunk of its own, loaded with it.
 */
import { fetchContentFile } from '../../content/load.ts';
import type { Quiz } from '../../content/quizSchema.ts';
import { seedFromText } from '../../quiz/random.ts';
import { shuffleOptions } from '../../quiz/shuffle.ts';
import type { ExhibitionStore } from '../../store/store.ts';

/**
 * A `loadQuiz` for the session: the quiz with that id, or null (no such quiz, no file, no
 * exhibition). Its questions come in the authored order, its options dealt from the quiz's id
 * (`shuffleOptions`): the same letters on every screen and in every session of the lesson.
 */
export function roomQuizLoader(store: ExhibitionStore, baseUrl: string): (quizId: string) => Promise<Quiz | null> {
  return async (quizId) => {
    const exhibition = store.getState().exhibition;
    if (!exhibition) return null;
    const { loadQuizzes } = await import('../../content/quizLoad.ts');
    const { quizzes } = await loadQuizzes(fetchContentFile(baseUrl), exhibition);
    const quiz = quizzes.find((candidate) => candidate.id === quizId);
    return quiz ? shuffleOptions(quiz, seedFromText(quiz.id)) : null;
  };
}
