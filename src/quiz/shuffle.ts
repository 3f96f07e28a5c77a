/**
 * 再来一次: the same quiz with its questions, and each question's options, in a new order drawn
 * from a seed. Ids never change, so an answer, a score or a statistic still names the same option
 * and question whatever order the visitor saw them in.
 */
import type { Quiz, QuizQuestion } from '../content/quizSchema.ts';
import { type Seed, seededRandom, shuffled } from './random.ts';

/**
 * The quiz in the order one seed gives: questions shuffled, then each question's options.
 * A true-false question keeps 正确 before 错误: that order is what everyone expects, and
 * swapping two options tests nothing.
 */
export function shuffleQuiz(quiz: Quiz, seed: Seed): Quiz {
  const random = seededRandom(seed);
  const questions = shuffled(quiz.questions, random).map(
    (question): QuizQuestion =>
      question.kind === 'true-false' ? question : { ...question, options: shuffled(question.options, random) },
  );
  return { ...quiz, questions };
}
