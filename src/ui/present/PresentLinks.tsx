/**
 * The directory's way into projector mode: one link per tour (the authored lessons, then every
 * panel in order). Each is a real link to `?mode=present&tour=<id>`, so it can be bookmarked,
 * opened on the projector PC or copied into a lesson plan.
 */
import { useId } from 'react';
import { type Lang, localize } from '../../content/localize.ts';
import type { Exhibition } from '../../content/schema.ts';
import { presentTour, toursOf } from '../../content/tours.ts';
import { t } from '../../i18n/strings.ts';
import { formatModeParams } from '../../routing/modeParams.ts';

export function PresentLinks({ exhibition, lang }: { exhibition: Exhibition; lang: Lang }) {
  const headingId = useId();
  const tours = toursOf(exhibition)
    .map((tour) => presentTour(exhibition, tour))
    .filter((tour) => tour.stops.length > 0);
  if (tours.length === 0) return null;
  return (
    <section className="directory__present" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('presentMode', lang)}</h3>
      <p className="directory__present-hint">{t('presentModeHint', lang)}</p>
      <ul>
        {tours.map((tour) => (
          <li key={tour.id}>
            <a href={formatModeParams({ mode: 'present', tourId: tour.id })}>
              {localize(tour.title, lang)} <small>{t('presentStops', lang, { n: tour.stops.length })}</small>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
