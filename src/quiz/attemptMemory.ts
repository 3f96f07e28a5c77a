/**
 * An attempt written down so a reload does not lose it (the visitor's answers and the name they
 * typed): what to keep, how to read it back, and how to rebuild the attempt from it. The order is
 * kept as its seed (the same seed deals the same order), the answers by question and option ids.
 *
 * What is read back is checked twice: its shape (zod, for anything stored by another version or
 * by hand), then against the quiz as it is now. A quiz edited since (a question gone, an option
 * renamed, a question added) starts afresh rather than resuming an attempt that no longer fits.
 */
import { z } from 'zod';
import type { Quiz } from '../content/quizSchema.ts';
import { type AttemptState, startAttempt } from './attempt.ts';

export interface SavedAttempt {
  version: 1;
  quizId: string;
  seed: number;
  index: number;
  phase: AttemptState['phase'];
  selected: string[];
  answers: Record<string, string[]>;
  /** The name the visitor typed for the result card ('' for none). */
  name: string;
}

const savedAttemptSchema = z.object({
  version: z.literal(1),
  quizId: z.string().min(1),
  seed: z.number().int().min(0).max(0xffffffff),
  index: z.number().int().min(0),
  phase: z.enum(['answering', 'feedback', 'finished']),
  selected: z.array(z.string()),
  answers: z.record(z.string(), z.array(z.string())),
  name: z.string().max(200),
});

export function saveableAttempt(attempt: AttemptState, name: string): SavedAttempt {
  return {
    version: 1,
    quizId: attempt.source.id,
    seed: attempt.seed,
    index: attempt.index,
    phase: attempt.phase,
    selected: [...attempt.selected],
    answers: Object.fromEntries(Object.entries(attempt.answers).map(([id, chosen]) => [id, [...chosen]])),
    name,
  };
}

/** A stored attempt, or null for anything that is not one. */
export function parseSavedAttempt(value: unknown): SavedAttempt | null {
  const parsed = savedAttemptSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The attempt as it was, on the quiz as it is now; null when it no longer fits: another quiz, a
 * question index past the end, answers for questions or options the quiz lacks, a question before
 * the current one unanswered, or a phase that does not match the answers.
 */
export function resumeAttempt(quiz: Quiz, saved: SavedAttempt): AttemptState | null {
  if (saved.quizId !== quiz.id) return null;
  const fresh = startAttempt(quiz, saved.seed);
  const questions = fresh.quiz.questions;
  const current = questions[saved.index];
  if (!current) return null;
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const [questionId, chosen] of Object.entries(saved.answers)) {
    const question = byId.get(questionId);
    if (!question || !chosen.every((optionId) => question.options.some((option) => option.id === optionId))) return null;
  }
  const answered = (index: number) => (questions[index] as (typeof questions)[number]).id in saved.answers;
  for (let index = 0; index < saved.index; index++) if (!answered(index)) return null;
  const laterAnswered = questions.slice(saved.index + 1).some((question) => question.id in saved.answers);
  if (laterAnswered) return null;
  const currentAnswered = answered(saved.index);
  const selectedFits = saved.selected.every((optionId) => current.options.some((option) => option.id === optionId));
  switch (saved.phase) {
    case 'answering':
      if (currentAnswered || !selectedFits) return null;
      break;
    case 'feedback':
      if (!currentAnswered) return null;
      break;
    case 'finished':
      if (!currentAnswered || saved.index !== questions.length - 1) return null;
      break;
  }
  return {
    ...fresh,
    phase: saved.phase,
    index: saved.index,
    selected: selectedFits ? [...saved.selected] : [],
    answers: saved.answers,
  };
}
