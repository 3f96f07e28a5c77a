/**
 * Checks the periods of the Party's history (exhibition.json `periods`) and the milestones that
 * name them: a period id that names nothing, a milestone dated outside its period's years, periods
 * out of order along a section's timeline, and a periods list that is not in the order of its
 * years. Each is an error with its file and JSON path; the panels still load (a heading that is
 * wrong is a heading to fix, not a board to hide).
 */
import { localize, yearOf } from './localize.ts';
import { type ContentProblem, formatJsonPath } from './problems.ts';
import type { ReferenceScope } from './references.ts';
import type { Period } from './schema.ts';

/** "1921–1949", or "2012 起" / "2012 on" for the period still going on. */
export function periodYears(period: Period, lang: 'zh' | 'en'): string {
  if (period.to !== undefined) return `${period.from}–${period.to}`;
  return lang === 'zh' ? `${period.from} 年起` : `${period.from} on`;
}

const named = (period: Period) => ({ zh: `“${localize(period.title, 'zh')}”`, en: `"${localize(period.title, 'en')}"` });

/** The problems of the periods list itself, in exhibition.json. */
function periodListProblems(file: string, periods: readonly Period[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (path: ReadonlyArray<PropertyKey>, zh: string, en: string) =>
    problems.push({ severity: 'error', file, path: formatJsonPath(path), zh, en });
  const seen = new Set<string>();
  periods.forEach((period, index) => {
    if (seen.has(period.id)) {
      at(['periods', index, 'id'], `时期 id “${period.id}” 重复`, `duplicate period id "${period.id}"`);
    }
    seen.add(period.id);
    if (period.to !== undefined && period.to < period.from) {
      at(
        ['periods', index, 'to'],
        `结束年份 ${period.to} 早于开始年份 ${period.from}`,
        `the last year ${period.to} comes before the first year ${period.from}`,
      );
    }
    const previous = periods[index - 1];
    if (!previous) return;
    if (previous.to === undefined) {
      at(
        ['periods', index - 1, 'to'],
        `只有最后一个时期可以不写结束年份，${named(previous).zh}之后还有时期`,
        `only the last period may leave out its last year, and ${named(previous).en} is followed by another`,
      );
    } else if (period.from < previous.to || period.from < previous.from) {
      at(
        ['periods', index, 'from'],
        `时期要按年份先后排列：这个时期从 ${period.from} 年开始，上一个时期${named(previous).zh}到 ${previous.to} 年才结束`,
        `periods go in the order of their years: this one starts in ${period.from}, but the previous one, ${named(previous).en}, only ends in ${previous.to}`,
      );
    }
  });
  return problems;
}

/** Every problem with the periods and the milestones that name them. */
export function periodProblems({ exhibitionFile, exhibition, panels }: ReferenceScope): ContentProblem[] {
  const periods = exhibition.periods ?? [];
  const problems = periodListProblems(exhibitionFile, periods);
  const order = new Map<string, number>();
  periods.forEach((period, index) => {
    if (!order.has(period.id)) order.set(period.id, index);
  });
  const known = periods.map((period) => period.id).join(', ');
  const knownZh = periods.map((period) => period.id).join('、');

  /** Per section file: the latest period so far along its timeline, and the panel that named it. */
  const latest = new Map<string, { index: number; panelId: string }>();
  for (const { file, index, panel } of panels) {
    if (panel.kind !== 'milestone') continue;
    const path = formatJsonPath(['panels', index, 'period']);
    const at = (zh: string, en: string) => problems.push({ severity: 'error', file, path, zh, en });
    const periodIndex = order.get(panel.period);
    const period = periodIndex === undefined ? undefined : periods[periodIndex];
    if (periodIndex === undefined || !period) {
      at(
        known
          ? `没有 id 为 “${panel.period}” 的时期（exhibition.json 的 periods 里有：${knownZh}）`
          : `没有 id 为 “${panel.period}” 的时期（exhibition.json 里还没有 periods）`,
        known
          ? `no period has the id "${panel.period}" (exhibition.json periods has: ${known})`
          : `no period has the id "${panel.period}" (exhibition.json has no periods yet)`,
      );
      continue;
    }
    const year = yearOf(panel.date);
    if (year < period.from || (period.to !== undefined && year > period.to)) {
      at(
        `日期 ${panel.date} 不在时期${named(period).zh}的年份（${periodYears(period, 'zh')}）之内`,
        `the date ${panel.date} is outside the years of the period ${named(period).en} (${periodYears(period, 'en')})`,
      );
    }
    const before = latest.get(file);
    const earlier = before ? periods[before.index] : undefined;
    if (before && earlier && periodIndex < before.index) {
      at(
        `时期顺序不对：这块展板属于${named(period).zh}，却排在属于${named(earlier).zh}的展板“${before.panelId}”之后（节点按 exhibition.json 里 periods 的顺序排列）`,
        `periods out of order: this panel belongs to ${named(period).en} but stands after "${before.panelId}", which belongs to the later period ${named(earlier).en} (milestones follow the order of the periods in exhibition.json)`,
      );
    } else {
      latest.set(file, { index: periodIndex, panelId: panel.id });
    }
  }
  return problems;
}

/** A run of consecutive panels of one section under one period's heading (or under none). */
export interface PeriodRun<P> {
  /** The period the run's milestones name, or null for panels outside any period (the 训词 board, other sections). */
  period: Period | null;
  panels: P[];
}

/**
 * A section's panels in exhibition order, cut where the period changes: the headings the
 * directory, the text twin, the floor plan and the corridor wall show. A milestone opens or
 * continues its period's run; a panel that names no period (a board beside the timeline) stands
 * in a run of its own without a heading. A period id that names nothing is treated as none (the
 * content check reports it). Pure and order-preserving: concatenating the runs gives the panels.
 */
export function periodRuns<P extends { kind: string; period?: string }>(
  panels: readonly P[],
  periods: readonly Period[],
): PeriodRun<P>[] {
  const byId = new Map(periods.map((period) => [period.id, period]));
  const runs: PeriodRun<P>[] = [];
  for (const panel of panels) {
    const period = (panel.kind === 'milestone' && panel.period ? byId.get(panel.period) : undefined) ?? null;
    const last = runs[runs.length - 1];
    if (last && last.period === period) last.panels.push(panel);
    else runs.push({ period, panels: [panel] });
  }
  return runs;
}

/** The period a year of the timeline falls in (the later one at a shared boundary year), or null. */
export function periodOfYear(periods: readonly Period[], year: number): Period | null {
  let found: Period | null = null;
  for (const period of periods) {
    if (year >= period.from && (period.to === undefined || year <= period.to)) found = period;
  }
  return found;
}
