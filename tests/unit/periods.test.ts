/**
 * The periods of the Party's history: exhibition.json `periods` and each milestone's `period`.
 * An id that names no period, a date outside its period's years, a milestone of an earlier period
 * after one of a later period, and a periods list out of the order of its years are errors with
 * their file and JSON path, in Chinese and English; the panels still load.
 */
import { describe, expect, it } from 'vitest';
import { fsContentReader } from '../../src/build/fonts.ts';
import { type LoadResult, loadExhibition, type ReadContentFile } from '../../src/content/load.ts';
import { localize } from '../../src/content/localize.ts';
import { periodOfYear, periodRuns, periodYears } from '../../src/content/periods.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { twinOutline } from '../../src/ui/text/twinOutline.ts';

const PERIODS = [
  {
    id: 'new-democratic-revolution',
    title: { zh: '新民主主义革命时期', en: 'The New-Democratic Revolution' },
    from: 1921,
    to: 1949,
  },
  { id: 'socialist', title: '社会主义革命和建设时期', from: 1949, to: 1978 },
  { id: 'reform', title: { zh: '改革开放和社会主义现代化建设新时期', en: 'Reform and Opening Up' }, from: 1978, to: 2012 },
  { id: 'new-era', title: '中国特色社会主义新时代', from: 2012 },
];

const milestone = (id: string, date: string, period: string) => ({ id, kind: 'milestone', title: `节点 ${id}`, date, period });

/** Loads sections (file name → panels) under an exhibition.json with these periods. */
/** `periods: null` leaves the list out of exhibition.json. */
function load(sections: Record<string, unknown[]>, periods: unknown[] | null = PERIODS): Promise<LoadResult> {
  const files = new Map<string, string>([
    [
      'exhibition.json',
      JSON.stringify({
        title: '党史长廊',
        host: '德清县消防救援大队',
        theme: '学党史、悟思想、办实事、开新局',
        ...(periods ? { periods } : {}),
        sections: Object.keys(sections).map((file) => ({ id: file.replace('.json', ''), title: file, file })),
      }),
    ],
    ...Object.entries(sections).map(([file, panels]) => [file, JSON.stringify({ panels })] as [string, string]),
  ]);
  const read: ReadContentFile = async (name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`ENOENT: ${name}`);
    return text;
  };
  return loadExhibition(read);
}

const lines = (result: LoadResult) => result.problems.map(formatProblem);

describe('periods and the milestones that name them', () => {
  it('loads cleanly when every milestone names a known period, within its years and in order (boundary years shared)', async () => {
    const result = await load({
      'timeline.json': [
        milestone('a', '1921-07-23', 'new-democratic-revolution'),
        milestone('b', '1949-10-01', 'new-democratic-revolution'),
        milestone('c', '1949-10', 'socialist'),
        { id: 'between', kind: 'event', title: '不是节点' },
        milestone('d', '1978-12', 'reform'),
        milestone('e', '2012-11', 'new-era'),
        milestone('f', '2021', 'new-era'),
      ],
    });
    expect(lines(result)).toEqual([]);
    expect(result.exhibition?.periods?.map((period) => period.id)).toEqual(PERIODS.map((period) => period.id));
  });

  it('an unknown period id is an error at the milestone’s period, naming the ids there are; the panel still loads', async () => {
    const result = await load({
      'timeline.json': [milestone('a', '1921', 'new-democratic-revolution'), milestone('b', '1950', 'socailist')],
    });
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'assets/content/timeline.json',
        path: 'panels[1].period',
        zh: '没有 id 为 “socailist” 的时期（exhibition.json 的 periods 里有：new-democratic-revolution、socialist、reform、new-era）',
        en: 'no period has the id "socailist" (exhibition.json periods has: new-democratic-revolution, socialist, reform, new-era)',
      },
    ]);
    expect(result.exhibition?.sections[0]?.panels.map((panel) => panel.id)).toEqual(['a', 'b']);
  });

  it('says so when exhibition.json has no periods at all', async () => {
    const result = await load({ 'timeline.json': [milestone('a', '1921', 'new-democratic-revolution')] }, null);
    expect(lines(result)).toEqual([
      'assets/content/timeline.json: panels[0].period: 没有 id 为 “new-democratic-revolution” 的时期（exhibition.json 里还没有 periods） (no period has the id "new-democratic-revolution" (exhibition.json has no periods yet))',
    ]);
  });

  it('a date outside its period’s years is an error, with the years (an open period counts from its first year)', async () => {
    const result = await load({
      'timeline.json': [
        milestone('early', '1919-05-04', 'new-democratic-revolution'),
        milestone('late', '1979', 'socialist'),
        milestone('before-era', '2011', 'new-era'),
      ],
    });
    expect(result.problems.map(({ path, zh, en }) => ({ path, zh, en }))).toEqual([
      {
        path: 'panels[0].period',
        zh: '日期 1919-05-04 不在时期“新民主主义革命时期”的年份（1921–1949）之内',
        en: 'the date 1919-05-04 is outside the years of the period "The New-Democratic Revolution" (1921–1949)',
      },
      {
        path: 'panels[1].period',
        zh: '日期 1979 不在时期“社会主义革命和建设时期”的年份（1949–1978）之内',
        en: 'the date 1979 is outside the years of the period "社会主义革命和建设时期" (1949–1978)',
      },
      {
        path: 'panels[2].period',
        zh: '日期 2011 不在时期“中国特色社会主义新时代”的年份（2012 年起）之内',
        en: 'the date 2011 is outside the years of the period "中国特色社会主义新时代" (2012 on)',
      },
    ]);
    // The later milestones are not also called out of order: only the dates are wrong.
    expect(result.problems).toHaveLength(3);
  });

  it('a milestone of an earlier period after one of a later period is out of order, each time it happens', async () => {
    const result = await load({
      'timeline.json': [
        milestone('a', '1921', 'new-democratic-revolution'),
        milestone('b', '1978', 'reform'),
        milestone('c', '1949', 'socialist'),
        milestone('d', '1949', 'new-democratic-revolution'),
        milestone('e', '2001', 'reform'),
      ],
    });
    expect(result.problems.map((problem) => [problem.path, problem.en])).toEqual([
      [
        'panels[2].period',
        'periods out of order: this panel belongs to "社会主义革命和建设时期" but stands after "b", which belongs to the later period "Reform and Opening Up" (milestones follow the order of the periods in exhibition.json)',
      ],
      [
        'panels[3].period',
        'periods out of order: this panel belongs to "The New-Democratic Revolution" but stands after "b", which belongs to the later period "Reform and Opening Up" (milestones follow the order of the periods in exhibition.json)',
      ],
    ]);
    expect(result.problems[0]?.zh).toBe(
      '时期顺序不对：这块展板属于“社会主义革命和建设时期”，却排在属于“改革开放和社会主义现代化建设新时期”的展板“b”之后（节点按 exhibition.json 里 periods 的顺序排列）',
    );
  });

  it('orders each section’s timeline on its own, and counts the file’s own index past a broken panel', async () => {
    const result = await load({
      'one.json': [milestone('a', '2021', 'new-era')],
      'two.json': [
        { id: 'broken', kind: 'milestone', title: '没有日期' },
        milestone('b', '1921', 'new-democratic-revolution'),
        milestone('c', '1921', 'new-democratic-revolution'),
      ],
    });
    // The broken panel's own errors only: a new section may start again from the first period.
    expect(result.problems.map((problem) => `${problem.file}: ${problem.path}`)).toEqual([
      'assets/content/two.json: panels[0].date',
      'assets/content/two.json: panels[0].period',
    ]);
  });

  it('the periods list: a duplicate id, a last year before the first, an open period before another, and years out of order', async () => {
    const result = await load({ 'timeline.json': [] }, [
      { id: 'a', title: '甲', from: 1921, to: 1949 },
      { id: 'a', title: '乙', from: 1949, to: 1930 },
      { id: 'c', title: '丙', from: 1978 },
      { id: 'd', title: '丁', from: 2012 },
    ]);
    expect(lines(result)).toEqual([
      'assets/content/exhibition.json: periods[1].id: 时期 id “a” 重复 (duplicate period id "a")',
      'assets/content/exhibition.json: periods[1].to: 结束年份 1930 早于开始年份 1949 (the last year 1930 comes before the first year 1949)',
      'assets/content/exhibition.json: periods[2].to: 只有最后一个时期可以不写结束年份，“丙”之后还有时期 (only the last period may leave out its last year, and "丙" is followed by another)',
    ]);
  });

  it('a period that starts before the previous one ends is out of order', async () => {
    const result = await load({ 'timeline.json': [] }, [
      { id: 'a', title: '甲', from: 1949, to: 1978 },
      { id: 'b', title: '乙', from: 1921, to: 1949 },
    ]);
    expect(lines(result)).toEqual([
      'assets/content/exhibition.json: periods[1].from: 时期要按年份先后排列：这个时期从 1921 年开始，上一个时期“甲”到 1978 年才结束 (periods go in the order of their years: this one starts in 1921, but the previous one, "甲", only ends in 1978)',
    ]);
  });

  it('a period’s years must be whole numbers: the schema reports its path', async () => {
    const result = await load({ 'timeline.json': [] }, [{ id: 'a', title: '甲', from: '1921', to: 1949 }]);
    expect(result.exhibition).toBeNull();
    expect(lines(result)).toEqual([
      'assets/content/exhibition.json: periods[0].from: 类型错误，应为数字（现在是文字） (wrong type, expected number (got string))',
    ]);
  });

  it('periodYears writes a closed and an open period', () => {
    expect(periodYears({ id: 'a', title: '甲', from: 1921, to: 1949 }, 'zh')).toBe('1921–1949');
    expect(periodYears({ id: 'b', title: '乙', from: 2012 }, 'zh')).toBe('2012 年起');
    expect(periodYears({ id: 'b', title: '乙', from: 2012 }, 'en')).toBe('2012 on');
  });
});

describe('periodRuns and periodOfYear: the headings over the timeline', () => {
  const periods = PERIODS.map((period) => ({ ...period })) as Parameters<typeof periodRuns>[1];
  const panel = (id: string, kind: string, period?: string) => ({ id, kind, period });

  it('cuts a section where the period changes, keeps every panel in order, and gives a board outside any period no heading', () => {
    const panels = [
      panel('a', 'milestone', 'new-democratic-revolution'),
      panel('b', 'milestone', 'new-democratic-revolution'),
      panel('c', 'milestone', 'socialist'),
      panel('d', 'milestone', 'new-era'),
      panel('instructions', 'board'),
    ];
    const runs = periodRuns(panels, periods);
    expect(runs.map((run) => [run.period?.id ?? null, run.panels.map((item) => item.id)])).toEqual([
      ['new-democratic-revolution', ['a', 'b']],
      ['socialist', ['c']],
      ['new-era', ['d']],
      [null, ['instructions']],
    ]);
    expect(runs.flatMap((run) => run.panels)).toEqual(panels);
  });

  it('treats a section without milestones as one run without a heading, and an unknown period id as none', () => {
    expect(periodRuns([panel('x', 'board'), panel('y', 'stats')], periods).map((run) => run.period)).toEqual([null]);
    expect(periodRuns([panel('z', 'milestone', 'no-such-period')], periods)[0]?.period).toBeNull();
    expect(periodRuns([], periods)).toEqual([]);
  });

  it('finds the period of a year, the later one at a shared boundary, none before the first', () => {
    expect(periodOfYear(periods, 1935)?.id).toBe('new-democratic-revolution');
    expect(periodOfYear(periods, 1949)?.id).toBe('socialist');
    expect(periodOfYear(periods, 1992)?.id).toBe('reform');
    expect(periodOfYear(periods, 2021)?.id).toBe('new-era');
    expect(periodOfYear(periods, 1900)).toBeNull();
  });

  it('puts every shipped milestone under its own period, at least five to a period, in the twin outline', async () => {
    const { exhibition } = await loadExhibition(fsContentReader('assets/content'));
    if (!exhibition) throw new Error('the shipped content does not load');
    const timeline = twinOutline(exhibition, 'zh').sections.find((section) => section.id === 'timeline');
    const headed = timeline?.groups.filter((group) => group.period) ?? [];
    expect(headed.map((group) => group.period?.title)).toEqual(
      (exhibition.periods ?? []).map((period) => localize(period.title, 'zh')),
    );
    for (const group of headed) {
      expect(group.panels.length).toBeGreaterThanOrEqual(5);
      for (const item of group.panels) expect(item.panel.kind === 'milestone' && item.panel.period).toBe(group.period?.id);
    }
    // The 训词 board closes the timeline without a period heading over it.
    expect(timeline?.groups.at(-1)?.period).toBeNull();
    expect(timeline?.groups.at(-1)?.panels.map((item) => item.id)).toEqual(['fire-and-rescue-instructions']);
    expect(new Set(timeline?.groups.map((group) => group.period?.anchor ?? null)).size).toBe(timeline?.groups.length);
  });
});
