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
  return { ...quiz, questions: shuffled(quiz.questions, random).map((question) => shuffleQuestionOptions(question, random)) };
}

/**
 * The quiz with its questions in the authored order and each question's options in the order one
 * seed gives (true-false kept as it is). The room quiz asks in the lesson's order, but its options
 * are dealt: authors, staff included, tend to write the right answer first, and a room that sees
 * 「A」 right three times running stops reading the question.
 */
export function shuffleOptions(quiz: Quiz, seed: Seed): Quiz {
  const random = seededRandom(seed);
  return { ...quiz, questions: quiz.questions.map((question) => shuffleQuestionOptions(question, random)) };
}

function shuffleQuestionOptions(question: QuizQuestion, random: () => number): QuizQuestion {
  return question.kind === 'true-false' ? question : { ...question, options: shuffled(question.options, random) };
}
