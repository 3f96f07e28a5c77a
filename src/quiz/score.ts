/**
 * Scoring a quiz attempt: N correct of M questions. A question is correct when the options chosen
 * are exactly its answer: for a multiple-choice question every correct option and no other (no
 * part marks: that is how 多选题 are marked in Party-history contests). An unanswered question is
 * wrong.
 */
import type { QuizQuestion } from '../content/quizSchema.ts';

/** The option ids a visitor submitted, by question id. */
export type Answers = Readonly<Record<string, readonly string[]>>;

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  /** What the visitor chose (empty when unanswered), in the order of the question's options. */
  chosen: string[];
  /** The correct option ids. */
  answer: string[];
}

export interface Score {
  correct: number;
  total: number;
  /** One per question, in the order given. */
  results: QuestionResult[];
}

/** True when `chosen` is exactly the question's answer, as a set. */
export function isCorrect(question: QuizQuestion, chosen: readonly string[]): boolean {
  const picked = new Set(chosen);
  const answer = new Set(question.answer);
  return picked.size === answer.size && [...answer].every((id) => picked.has(id));
}

/** The score of the answers over these questions (all of them count, answered or not). */
export function scoreAttempt(questions: readonly QuizQuestion[], answers: Answers): Score {
  const results = questions.map((question): QuestionResult => {
    const submitted = new Set(answers[question.id] ?? []);
    const chosen = question.options.map((option) => option.id).filter((id) => submitted.has(id));
    return { questionId: question.id, correct: isCorrect(question, [...submitted]), chosen, answer: [...question.answer] };
  });
  return { correct: results.filter((result) => result.correct).length, total: questions.length, results };
}

/** "7 / 10": the score as the result card shows it. */
export function formatScore(score: Pick<Score, 'correct' | 'total'>): string {
  return `${score.correct} / ${score.total}`;
}
