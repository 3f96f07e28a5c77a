import { type Lang, localize } from '../../content/localize.ts';
import type { QuizQuestion } from '../../content/quizSchema.ts';

/** Between the items of a list, in the language's own punctuation (the enumeration comma in Chinese). */
const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: '; ' };

/** A question's answer in words: the correct options' texts, in the order shown. */
export function answerText(question: QuizQuestion, lang: Lang): string {
  return question.options
    .filter((option) => question.answer.includes(option.id))
    .map((option) => localize(option.text, lang))
    .join(LIST_SEPARATOR[lang]);
}
