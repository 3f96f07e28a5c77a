/**
 * The text twin's outline: the exhibition as a plain document — its title, then each section
 * (h2) with its panels (h3) in exhibition order, each panel with the anchor its `#/text/<id>`
 * link scrolls to. Pure data, in the visitor's language; the twin (TextTwin.tsx) renders it and
 * the panels' fields through the card's own PanelDetails.
 */
import { formatDate, type Lang, localize } from '../../content/localize.ts';
import type { Exhibition, Panel } from '../../content/schema.ts';

export interface TwinPanel {
  panel: Panel;
  id: string;
  /** The element id of the panel's article, unique on the page. */
  anchor: string;
  title: string;
  /** "1921年7月" / "July 1921", or '' for an undated panel. */
  date: string;
  /** 1-based, across the whole exhibition (the card's "Panel n of total"). */
  number: number;
}

export interface TwinSection {
  id: string;
  anchor: string;
  title: string;
  subtitle: string;
  intro: string;
  panels: TwinPanel[];
}

export interface TwinOutline {
  title: string;
  subtitle: string;
  host: string;
  theme: string;
  motto: string;
  mottoCaption: string;
  source: string;
  sections: TwinSection[];
  panelCount: number;
}

/** The element id of a panel's place in the twin. Prefixed: a bare panel id could clash with the app's own ids. */
export function twinPanelAnchor(panelId: string): string {
  return `text-panel-${panelId}`;
}

export function twinOutline(exhibition: Exhibition, lang: Lang): TwinOutline {
  let number = 0;
  const sections = exhibition.sections.map(
    (section): TwinSection => ({
      id: section.id,
      anchor: `text-section-${section.id}`,
      title: localize(section.title, lang),
      subtitle: localize(section.subtitle, lang),
      intro: localize(section.intro, lang),
      panels: section.panels.map((panel) => ({
        panel,
        id: panel.id,
        anchor: twinPanelAnchor(panel.id),
        title: localize(panel.title, lang),
        date: panel.date ? formatDate(panel.date, lang) : '',
        number: ++number,
      })),
    }),
  );
  return {
    title: localize(exhibition.title, lang),
    subtitle: localize(exhibition.subtitle, lang),
    host: localize(exhibition.host, lang),
    theme: localize(exhibition.theme, lang),
    motto: localize(exhibition.motto, lang),
    mottoCaption: localize(exhibition.mottoCaption, lang),
    source: localize(exhibition.source, lang),
    sections,
    panelCount: number,
  };
}
