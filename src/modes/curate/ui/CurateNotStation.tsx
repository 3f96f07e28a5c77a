/** A page the station server did not serve (a static host, a local preview): nothing here can log in, and it says so. */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';

export function CurateNotStation({ lang }: { lang: Lang }) {
  const headingId = useId();
  return (
    <section className="curate-card curate-not-station" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('notStationTitle', lang)}
      </h2>
      <p>{curateText('notStationDetail', lang)}</p>
    </section>
  );
}
