/**
 * The directory's way into projector mode: one link per tour (the authored lessons, then every
 * panel in order). Each is a real link to `?mode=present&tour=<id>`, so it can be bookmarked,
 * opened on the projector PC or copied into a lesson plan. A lesson that names its quiz (`tour.quiz`)
 * has a link to it beside, for the visitor to take the lesson's quiz here (`#/quiz/<id>`).
 */
import { useId } from 'react';
import { type Lang, localize } from '../../content/localize.ts';
import type { Exhibition } from '../../content/schema.ts';
import { presentTour, toursOf } from '../../content/tours.ts';
import { labelSeparator, t } from '../../i18n/strings.ts';
import { formatModeParams } from '../../routing/modeParams.ts';
import { quizHref } from '../../routing/routes.ts';

export interface PresentLinksProps {
  exhibition: Exhibition;
  lang: Lang;
  /** The mode offers the quizzes: a lesson's quiz is linked beside it. */
  quizLinks?: boolean;
  /** A quiz link was followed (the directory closes). */
  onQuizLink?(): void;
}

export function PresentLinks({ exhibition, lang, quizLinks = false, onQuizLink }: PresentLinksProps) {
  const headingId = useId();
  const quizOf = new Map(toursOf(exhibition).map((tour) => [tour.id, tour.quiz]));
  const tours = toursOf(exhibition)
    .map((tour) => presentTour(exhibition, tour))
    .filter((tour) => tour.stops.length > 0);
  if (tours.length === 0) return null;
  return (
    <section className="directory__present" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('presentMode', lang)}</h3>
      <p className="directory__present-hint">{t('presentModeHint', lang)}</p>
      <ul>
        {tours.map((tour) => {
          const quizId = quizLinks ? quizOf.get(tour.id) : undefined;
          return (
            <li key={tour.id}>
              <a href={formatModeParams({ mode: 'present', tourId: tour.id })}>
                {localize(tour.title, lang)} <small>{t('presentStops', lang, { n: tour.stops.length })}</small>
              </a>
              {quizId && (
                <>
                  {' · '}
                  <a className="directory__lesson-quiz" href={quizHref(quizId)} onClick={onQuizLink}>
                    {t('quizLessonLink', lang)}
                    <span className="visually-hidden">
                      {labelSeparator(lang)}
                      {localize(tour.title, lang)}
                    </span>
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
