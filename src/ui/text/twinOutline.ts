/**
 * The text twin's outline: the exhibition as a plain document — its title, then each section
 * (h2) with its panels in exhibition order (h3; h4 under a period's h3 on the timeline), each panel with the anchor its `#/text/<id>`
 * link scrolls to. Pure data, in the visitor's language; the twin (TextTwin.tsx) renders it and
 * the panels' fields through the card's own PanelDetails.
 */
import { formatDate, type Lang, localize } from '../../content/localize.ts';
import { periodRuns, periodYears } from '../../content/periods.ts';
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

/** A period's heading in the twin ("新民主主义革命时期 1921–1949"), over the milestones it holds. */
export interface TwinPeriod {
  id: string;
  anchor: string;
  title: string;
  /** "1921–1949", "2012 年起". */
  years: string;
}

/** A run of a section's panels under one period's heading, or under none (period null). */
export interface TwinGroup {
  period: TwinPeriod | null;
  panels: TwinPanel[];
}

export interface TwinSection {
  id: string;
  anchor: string;
  title: string;
  subtitle: string;
  intro: string;
  /** Every panel of the section, in order (the contents list). */
  panels: TwinPanel[];
  /** The same panels cut into runs by period (the body: period headings over their milestones). */
  groups: TwinGroup[];
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
  const periods = exhibition.periods ?? [];
  const sections = exhibition.sections.map((section): TwinSection => {
    const panels = section.panels.map(
      (panel): TwinPanel => ({
        panel,
        id: panel.id,
        anchor: twinPanelAnchor(panel.id),
        title: localize(panel.title, lang),
        date: panel.date ? formatDate(panel.date, lang) : '',
        number: ++number,
      }),
    );
    const byPanel = new Map(panels.map((item) => [item.panel, item]));
    const groups = periodRuns(section.panels, periods).map(
      (run, index): TwinGroup => ({
        period: run.period
          ? {
              id: run.period.id,
              // A period could come back later in a section whose order is wrong: keep anchors unique.
              anchor: `text-period-${section.id}-${index}-${run.period.id}`,
              title: localize(run.period.title, lang),
              years: periodYears(run.period, lang),
            }
          : null,
        panels: run.panels.map((panel) => byPanel.get(panel) as TwinPanel),
      }),
    );
    return {
      id: section.id,
      anchor: `text-section-${section.id}`,
      title: localize(section.title, lang),
      subtitle: localize(section.subtitle, lang),
      intro: localize(section.intro, lang),
      panels,
      groups,
    };
  });
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
