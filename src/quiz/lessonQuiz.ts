/**
 * A lesson's quiz as every screen of the lesson shows it: the projector's room quiz, the
 * 知识竞赛's slides on the projector and its answer screens on the phones. quiz.json is read
 * through the same loader and checks as the build (`loadQuizzes`, a chunk of its own, loaded with
 * it), its questions in the authored order and each question's options dealt from the quiz's id
 * (`shuffleOptions`): the same letters on every screen and in every session of the lesson, and
 * the right answer not always 「A」.
 */
import { fetchContentFile } from '../content/load.ts';
import type { Quiz } from '../content/quizSchema.ts';
import type { Exhibition } from '../content/schema.ts';
import { seedFromText } from './random.ts';
import { shuffleOptions } from './shuffle.ts';

/** The quiz with that id, its options dealt for the lesson; null when the build has none by that id. */
export async function loadLessonQuiz(exhibition: Exhibition, baseUrl: string, quizId: string): Promise<Quiz | null> {
  const { loadQuizzes } = await import('../content/quizLoad.ts');
  const { quizzes } = await loadQuizzes(fetchContentFile(baseUrl), exhibition);
  const quiz = quizzes.find((candidate) => candidate.id === quizId);
  return quiz ? shuffleOptions(quiz, seedFromText(quiz.id)) : null;
}
