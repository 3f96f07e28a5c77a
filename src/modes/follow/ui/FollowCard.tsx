/**
 * A board as a phone-sized card: the card's own rendering of the panel (PanelDetails), named by
 * the panel's title. A related panel's link reads that board here instead of changing the URL
 * (the follower page has no hash routes).
 */
import { useId } from 'react';
import { formatDate, type Lang, localize } from '../../../content/localize.ts';
import type { Panel } from '../../../content/schema.ts';
import { panelHref } from '../../../routing/routes.ts';
import { PanelDetails } from '../../../ui/PanelDetails.tsx';
import { FollowProgress } from './FollowProgress.tsx';

export interface FollowCardProps {
  panel: Panel;
  lang: Lang;
  /** The lesson's progress ("3 / 12") while following the guide; null while looking around. */
  progress: { stop: number; count: number; label: string } | null;
  onRelated(panelId: string): void;
}

const RELATED_PREFIX = '#/panel/';

export function FollowCard({ panel, lang, progress, onRelated }: FollowCardProps) {
  const titleId = useId();
  return (
    // A non-modal card that fills the phone: a <section> with the dialog role (a <dialog> would
    // bring the UA's centred box, and there is nothing behind it to make inert).
    <section
      role="dialog"
      aria-labelledby={titleId}
      className="follow-card"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      onClickCapture={(event) => {
        const link = (event.target as Element).closest?.('a[href]');
        const href = link?.getAttribute('href') ?? '';
        if (!href.startsWith(RELATED_PREFIX)) return;
        event.preventDefault();
        onRelated(decodeURIComponent(href.slice(RELATED_PREFIX.length)));
      }}
    >
      <header className="follow-card__header">
        {progress && <FollowProgress progress={progress} className="follow-card__progress" />}
        <h2 id={titleId} className="follow-card__title">
          {localize(panel.title, lang)}
        </h2>
        {panel.date && <p className="follow-card__date">{formatDate(panel.date, lang)}</p>}
      </header>
      <div className="follow-card__body">
        <PanelDetails panel={panel} lang={lang} relatedHref={panelHref} />
      </div>
    </section>
  );
}
