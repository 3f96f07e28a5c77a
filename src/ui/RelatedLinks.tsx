/**
 * 相关展板: a panel's `related` ids as links to those panels' cards (`#/panel/<id>`), each named
 * by the panel's title in the visitor's language. An id that names no loaded panel (the content
 * check reports it as an error) is simply not shown.
 */
import { allPanels } from '../content/load.ts';
import { type Lang, localize } from '../content/localize.ts';
import type { Exhibition, Panel } from '../content/schema.ts';
import { t } from '../i18n/strings.ts';
import { formatHash } from '../routing/routes.ts';
import { useExhibition } from '../store/store.ts';

/** The related panels that exist, in the order the content lists them, without repeats or the panel itself. */
export function relatedPanels(panel: Panel, exhibition: Exhibition | null): Panel[] {
  if (!exhibition || !panel.related?.length) return [];
  const byId = new Map(allPanels(exhibition).map((candidate) => [candidate.id, candidate]));
  const ids = [...new Set(panel.related)].filter((id) => id !== panel.id);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const cardHref = (panelId: string) => formatHash({ kind: 'panel', id: panelId });

export interface RelatedLinksProps {
  panel: Panel;
  lang: Lang;
  /** One below the heading of the panel they belong to. */
  headingLevel?: 3 | 4 | 5;
  /** Where a link goes; by default the related panel's card. */
  href?: (panelId: string) => string;
}

export function RelatedLinks({ panel, lang, headingLevel = 3, href = cardHref }: RelatedLinksProps) {
  const exhibition = useExhibition((state) => state.exhibition);
  const related = relatedPanels(panel, exhibition);
  if (related.length === 0) return null;
  const heading = t('related', lang);
  const Heading = (['h3', 'h4', 'h5'] as const)[headingLevel - 3] ?? 'h3';
  return (
    <nav className="panel-card__related" aria-label={heading}>
      <Heading className="panel-card__related-title">{heading}</Heading>
      <ul>
        {related.map((target) => (
          <li key={target.id}>
            <a href={href(target.id)}>{localize(target.title, lang)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
