import { type Lang, localize } from '../../content/localize.ts';
import type { QuizQuestion } from '../../content/quizSchema.ts';
import { t } from '../../i18n/strings.ts';

/** A question's answer in words: the correct options' texts, in the order shown. */
export function answerText(question: QuizQuestion, lang: Lang): string {
  return question.options
    .filter((option) => question.answer.includes(option.id))
    .map((option) => localize(option.text, lang))
    .join(t('quizAnswerJoin', lang));
}
