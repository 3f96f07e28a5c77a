/**
 * The list of quizzes: each a real link to `#/quiz/<id>` (so it can be bookmarked or opened in a
 * new tab), which on the kiosk (no hash routes) opens the quiz through the store all the same. A
 * quiz begun and left says where it goes on from.
 */
import { useEffect, useId, useRef } from 'react';
import { type Lang, localize } from '../../content/localize.ts';
import type { Quiz } from '../../content/quizSchema.ts';
import { quizText } from '../../i18n/quizStrings.ts';
import type { AttemptState } from '../../quiz/attempt.ts';
import { quizHref } from '../../routing/routes.ts';
import { useExhibition } from '../../store/store.ts';
import { focusIfShown, quizFocusProps } from './quizFocus.ts';

export interface QuizListProps {
  quizzes: readonly Quiz[];
  /** The attempt under way, whichever quiz it is at. */
  attempt: AttemptState | null;
  lang: Lang;
}

export function QuizList({ quizzes, attempt, lang }: QuizListProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusIfShown(heading.current), []);

  return (
    <section className="quiz-list" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} className="quiz-list__heading" {...quizFocusProps}>
        {quizText('quizList', lang)}
      </h3>
      <p className="quiz__hint">{quizText('quizListHint', lang)}</p>
      {quizzes.length === 0 ? (
        <p>{quizText('quizNone', lang)}</p>
      ) : (
        <ul className="quiz-list__items">
          {quizzes.map((quiz) => {
            const underway = attempt?.source.id === quiz.id && attempt.phase !== 'finished' ? attempt : null;
            return (
              <li key={quiz.id}>
                <a
                  className="quiz-list__link"
                  href={quizHref(quiz.id)}
                  onClick={(event) => {
                    // A new tab or window is the browser's; here the store opens it (the hash follows
                    // where there is one): the kiosk has no hash routes.
                    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    useExhibition.getState().openQuiz(quiz.id);
                  }}
                >
                  <span className="quiz-list__title">{localize(quiz.title, lang)}</span>{' '}
                  <small className="quiz-list__meta">
                    {quizText('quizQuestionCount', lang, { n: quiz.questions.length })}
                    {underway && ` · ${quizText('quizResume', lang, { n: underway.index + 1 })}`}
                  </small>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
