/**
 * A new panel of each kind, ready to edit: every field the kind requires is there, so the new
 * panel passes the content check at once and the curator sees it on the board while filling it
 * in. The texts say what to write ("待填写…"); issue 18's review is where a placeholder left in
 * is caught before publishing.
 *
 * Two kinds carry more than text: a milestone must name a period whose years hold its date and
 * stand in the periods' order along the timeline, so it takes the period of its neighbours; the
 * oath panel gets the Party Constitution's oath, which is never the exhibition's own words.
 */
import { PARTY_OATH } from '../../content/oath.ts';
import type { CuratePanelKind } from '../../live/curateDraftProtocol.ts';
import { isObject, type JsonObject } from './draftDocuments.ts';

export interface TemplatePeriod {
  id: string;
  from: number;
}

export interface TemplateContext {
  id: string;
  title?: string;
  /** The period a milestone at this place belongs to (see {@link periodForPlace}); null when there are none. */
  period: TemplatePeriod | null;
}

const DEFAULT_TITLES: Record<CuratePanelKind, string> = {
  milestone: '新的党史节点（待填写标题）',
  event: '新的大事记（待填写标题）',
  member: '新的人物展板（待填写标题）',
  stats: '新的数据展板（待填写标题）',
  board: '新的公开栏（待填写标题）',
  'to-fill': '待补充的展板',
  oath: '重温入党誓词',
};

/** The oath as phrases, each with its closing "，" or "。" (the oath panel's rule). */
export function oathPhrases(): string[] {
  return PARTY_OATH.match(/[^，。]+[，。]/g) ?? [PARTY_OATH];
}

export function panelTemplate(kind: CuratePanelKind, context: TemplateContext): JsonObject {
  const base = { kind, id: context.id, title: context.title ?? DEFAULT_TITLES[kind], body: [] as unknown[], images: [] };
  switch (kind) {
    case 'milestone':
      // Without periods in exhibition.json the check says so at `period`: what to fill.
      return {
        ...base,
        date: String(context.period?.from ?? new Date().getFullYear()),
        period: context.period?.id ?? 'to-fill',
      };
    case 'event':
      return base;
    case 'member':
      return { ...base, people: [{ name: '待填写姓名', role: '待填写职务', honours: [] }] };
    case 'stats':
      return { ...base, stats: [{ label: '待填写名称', value: 0 }] };
    case 'board':
      return { ...base, points: ['待填写要点'] };
    case 'to-fill':
      // The note is for visitors (GUIDE.md): what the board will show, not a note to editors.
      return { ...base, note: '这块展板的内容正在整理中，敬请期待。' };
    case 'oath':
      return { ...base, phrases: oathPhrases() };
  }
}

/**
 * The period for a milestone put at `index` among `panels`: the nearest milestone's before it,
 * else after it, else the first period. Its first year is then a date inside it.
 */
export function periodForPlace(panels: readonly unknown[], index: number, periods: readonly unknown[]): TemplatePeriod | null {
  const known = periods.filter(
    (period): period is { id: string; from: number } =>
      isObject(period) && typeof period.id === 'string' && typeof period.from === 'number',
  );
  const periodOf = (panel: unknown) =>
    isObject(panel) && panel.kind === 'milestone' ? known.find((period) => period.id === panel.period) : undefined;
  for (let i = Math.min(index, panels.length) - 1; i >= 0; i--) {
    const found = periodOf(panels[i]);
    if (found) return { id: found.id, from: found.from };
  }
  for (let i = index; i < panels.length; i++) {
    const found = periodOf(panels[i]);
    if (found) return { id: found.id, from: found.from };
  }
  const first = known[0];
  return first ? { id: first.id, from: first.from } : null;
}
