import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allPanels, type LoadResult, loadExhibition, type ReadContentFile } from '../../src/content/load.ts';
import { localize, yearOf } from '../../src/content/localize.ts';
import { type ContentProblem, formatJsonPath, formatProblem } from '../../src/content/problems.ts';
import { localizedString, type Panel, type Section } from '../../src/content/schema.ts';

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

const shippedReader: ReadContentFile = (name) =>
  readFile(fileURLToPath(new URL(`../../assets/content/${name}`, import.meta.url)), 'utf8');

/** Reads from a Map of file name → text; a name that is not there fails like a missing file. */
function memoryReader(files: Map<string, string>): ReadContentFile {
  return async (name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${name}'`);
    return text;
  };
}

interface SectionSpec {
  id: string;
  file: string;
}

function exhibitionJson(sections: SectionSpec[]): string {
  return JSON.stringify({
    title: { zh: '党史长廊', en: 'Party History Corridor' },
    host: '德清县消防救援大队',
    theme: '学党史、悟思想、办实事、开新局',
    sections: sections.map((section) => ({ ...section, title: `栏目 ${section.id}` })),
  });
}

const sectionJson = (panels: unknown[]) => JSON.stringify({ panels }, null, 2);

const event = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'event', title: `展板 ${id}`, ...extra });

/** Loads one section file `x.json` (as section "x") holding `panels`. */
function loadOne(panels: unknown[]): Promise<LoadResult> {
  return loadExhibition(
    memoryReader(
      new Map([
        ['exhibition.json', exhibitionJson([{ id: 'x', file: 'x.json' }])],
        ['x.json', sectionJson(panels)],
      ]),
    ),
  );
}

function section(result: LoadResult, id: string): Section {
  const found = result.exhibition?.sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`section ${id} not loaded`);
  return found;
}

const ids = (panels: Panel[]) => panels.map((panel) => panel.id);

const problemAt = (problems: ContentProblem[], path: string) => problems.find((problem) => problem.path === path);

// ---------------------------------------------------------------------------------------------
// Shipped content
// ---------------------------------------------------------------------------------------------

describe('shipped content (assets/content)', () => {
  const loaded = loadExhibition(shippedReader);

  it('loads with zero problems', async () => {
    const result = await loaded;
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.exhibition).not.toBeNull();
  });

  it('has the four sections in order: timeline, deqing, members, oath', async () => {
    const { exhibition } = await loaded;
    expect(exhibition?.sections.map((entry) => entry.id)).toEqual(['timeline', 'deqing', 'members', 'oath']);
    for (const entry of exhibition?.sections ?? []) expect(entry.panels.length).toBeGreaterThan(0);
  });

  it('timeline: at least 12 milestones from 1921 to 2021 in chronological order', async () => {
    const result = await loaded;
    const timeline = section(result, 'timeline').panels;
    const milestones = timeline.filter((panel) => panel.kind === 'milestone');
    expect(milestones.length).toBeGreaterThanOrEqual(12);
    const dates = milestones.map((panel) => panel.date);
    const years = dates.map(yearOf);
    expect(Math.min(...years)).toBe(1921);
    expect(Math.max(...years)).toBe(2021);
    // "YYYY", "YYYY-MM" and "YYYY-MM-DD" sort correctly as text when compared by their parts.
    const key = (date: string) => {
      const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
      return year * 10_000 + month * 100 + day;
    };
    for (let i = 1; i < dates.length; i++) {
      expect(key(dates[i] ?? ''), `${dates[i - 1]} then ${dates[i]}`).toBeGreaterThanOrEqual(key(dates[i - 1] ?? ''));
    }
  });

  it('timeline: the four periods of the 2021 historical resolution, in order, at least five milestones in each', async () => {
    const { exhibition } = await loaded;
    expect((exhibition?.periods ?? []).map((period) => [localize(period.title, 'zh'), period.from, period.to])).toEqual([
      ['新民主主义革命时期', 1921, 1949],
      ['社会主义革命和建设时期', 1949, 1978],
      ['改革开放和社会主义现代化建设新时期', 1978, 2012],
      ['中国特色社会主义新时代', 2012, undefined],
    ]);
    const milestones = section(await loaded, 'timeline').panels.flatMap((panel) => (panel.kind === 'milestone' ? [panel] : []));
    expect(milestones).toHaveLength(32);
    for (const period of exhibition?.periods ?? []) {
      expect(milestones.filter((panel) => panel.period === period.id).length, period.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('timeline: the 16 milestones added for the centenary periods, with the dates the records give', async () => {
    const dates = new Map(section(await loaded, 'timeline').panels.map((panel) => [panel.id, panel.date]));
    expect(
      Object.fromEntries(
        [
          'second-congress-1922',
          'gutian-conference-1929',
          'july-seventh-incident-1937',
          'second-plenary-session-1949',
          'resist-us-aggression-aid-korea-1950',
          'first-constitution-1954',
          'first-atomic-bomb-1964',
          'dong-fang-hong-1-1970',
          'shenzhen-special-economic-zone-1980',
          'twelfth-congress-1982',
          'macao-return-1999',
          'shenzhou-5-2003',
          'beijing-olympics-2008',
          'eight-point-rules-2012',
          'fire-and-rescue-flag-2018',
          'poverty-alleviation-2021',
        ].map((id) => [id, dates.get(id)]),
      ),
    ).toEqual({
      'second-congress-1922': '1922-07',
      'gutian-conference-1929': '1929-12',
      'july-seventh-incident-1937': '1937-07-07',
      'second-plenary-session-1949': '1949-03',
      'resist-us-aggression-aid-korea-1950': '1950-10',
      'first-constitution-1954': '1954-09',
      'first-atomic-bomb-1964': '1964-10-16',
      'dong-fang-hong-1-1970': '1970-04-24',
      'shenzhen-special-economic-zone-1980': '1980-08',
      'twelfth-congress-1982': '1982-09',
      'macao-return-1999': '1999-12-20',
      'shenzhou-5-2003': '2003-10-15',
      'beijing-olympics-2008': '2008-08-08',
      'eight-point-rules-2012': '2012-12-04',
      'fire-and-rescue-flag-2018': '2018-11-09',
      'poverty-alleviation-2021': '2021-02-25',
    });
  });

  it('timeline: ends with the 训词 board, beside the last milestone: the 2018 flag and exactly its four phrases', async () => {
    const panels = section(await loaded, 'timeline').panels;
    const last = panels.at(-1);
    expect(last?.id).toBe('fire-and-rescue-instructions');
    expect(panels.at(-2)?.kind).toBe('milestone');
    expect(last?.kind === 'board' ? last.points.map((point) => localize(point, 'zh')) : []).toEqual([
      '对党忠诚',
      '纪律严明',
      '赴汤蹈火',
      '竭诚为民',
    ]);
    expect(localize(last?.summary, 'zh')).toContain('2018年11月9日');
  });

  it('oath: the shipped oath, its phrases joined, is word for word the Party Constitution’s (Chapter 1, Article 6)', async () => {
    const oath = section(await loaded, 'oath').panels.find((panel) => panel.kind === 'oath');
    if (oath?.kind !== 'oath') throw new Error('no oath panel');
    expect(oath.phrases.map((phrase) => localize(phrase, 'zh')).join('')).toBe(
      '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，随时准备为党和人民牺牲一切，永不叛党。',
    );
    // One phrase per comma-separated clause, so the wall lights it a clause at a time.
    expect(oath.phrases).toHaveLength(12);
    for (const phrase of oath.phrases) expect(localize(phrase, 'zh')).toMatch(/^[^，。]+[，。]$/u);
    // Who says it how: members renew it, anyone else may read it aloud.
    const words = [oath.summary, ...oath.body].map((text) => localize(text, 'zh')).join('');
    expect(words).toContain('重温');
    expect(words).toContain('诵读');
  });

  it('timeline: a 1921 panel tells of 嘉兴 南湖 in its text', async () => {
    const result = await loaded;
    const founding = section(result, 'timeline').panels.filter(
      (panel) => panel.date !== undefined && yearOf(panel.date) === 1921,
    );
    expect(founding.length).toBeGreaterThan(0);
    const mentions = founding.some((panel) => {
      const text = [panel.summary, ...panel.body].map((part) => localize(part, 'zh')).join('\n');
      return text.includes('嘉兴') && text.includes('南湖');
    });
    expect(mentions).toBe(true);
  });

  it('deqing: has a to-fill panel titled 德清县党史', async () => {
    const result = await loaded;
    const toFill = section(result, 'deqing').panels.filter((panel) => panel.kind === 'to-fill');
    expect(toFill.map((panel) => localize(panel.title, 'zh'))).toContain('德清县党史');
  });

  it('members: names 方杰, 周峰, 王彦平 and 黄勇', async () => {
    const result = await loaded;
    const names = section(result, 'members')
      .panels.flatMap((panel) => (panel.kind === 'member' ? panel.people : []))
      .map((person) => localize(person.name, 'zh'));
    for (const name of ['方杰', '周峰', '王彦平', '黄勇']) expect(names).toContain(name);
  });

  it('members: a statistics board with the figures 204, 246, 233, 125, 15, 5, 2, 1', async () => {
    const result = await loaded;
    const stats = section(result, 'members').panels.flatMap((panel) => (panel.kind === 'stats' ? [panel] : []));
    expect(stats.map((panel) => panel.stats.map((figure) => figure.value))).toContainEqual([204, 246, 233, 125, 15, 5, 2, 1]);
  });

  it('every panel id is unique across the exhibition', async () => {
    const { exhibition } = await loaded;
    const all = exhibition ? ids(allPanels(exhibition)) : [];
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all).size).toBe(all.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Schema and loader, with an in-memory reader
// ---------------------------------------------------------------------------------------------

describe('localized strings', () => {
  it('accept plain text and { zh, en } and { zh }', () => {
    expect(localizedString.safeParse('中国共产党诞生').success).toBe(true);
    expect(localizedString.safeParse({ zh: '南昌起义', en: 'The Nanchang Uprising' }).success).toBe(true);
    expect(localizedString.safeParse({ zh: '遵义会议' }).success).toBe(true);
  });

  it('reject English only, empty strings, unknown languages and other types', () => {
    expect(localizedString.safeParse({ en: 'English only' }).success).toBe(false);
    expect(localizedString.safeParse('').success).toBe(false);
    expect(localizedString.safeParse({ zh: '' }).success).toBe(false);
    expect(localizedString.safeParse({ zh: '中文', en: '' }).success).toBe(false);
    expect(localizedString.safeParse({ zh: '中文', fr: 'français' }).success).toBe(false);
    expect(localizedString.safeParse(42).success).toBe(false);
  });

  it('a panel titled in English only is reported at its path and left out', async () => {
    const result = await loadOne([event('ok'), { id: 'en-only', kind: 'event', title: { en: 'English only' } }]);
    expect(ids(section(result, 'x').panels)).toEqual(['ok']);
    const problem = problemAt(result.problems, 'panels[1].title');
    expect(problem).toMatchObject({ severity: 'error', file: 'assets/content/x.json' });
    expect(problem?.en).toMatch(/string or \{/);
  });

  it('an empty title is reported as empty at its path', async () => {
    const result = await loadOne([event('empty-title', { title: '' })]);
    expect(section(result, 'x').panels).toEqual([]);
    expect(problemAt(result.problems, 'panels[0].title')?.en).toMatch(/must not be empty/);
  });

  it('plain and bilingual strings both load', async () => {
    const result = await loadOne([
      event('plain', { title: '中文标题' }),
      event('bilingual', { title: { zh: '中文', en: 'English' } }),
    ]);
    expect(result.problems).toEqual([]);
    expect(section(result, 'x').panels.map((panel) => [localize(panel.title, 'zh'), localize(panel.title, 'en')])).toEqual([
      ['中文标题', '中文标题'],
      ['中文', 'English'],
    ]);
  });
});

describe('panel validation through loadExhibition', () => {
  it('rejects a bad id with the JSON path panels[0].id', async () => {
    const result = await loadOne([event('Bad Id'), event('good-id')]);
    expect(ids(section(result, 'x').panels)).toEqual(['good-id']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', file: 'assets/content/x.json', path: 'panels[0].id' });
  });

  it('reports an unknown kind, naming the kinds allowed', async () => {
    const result = await loadOne([{ id: 'odd', kind: 'poster', title: '海报' }]);
    expect(section(result, 'x').panels).toEqual([]);
    const problem = problemAt(result.problems, 'panels[0].kind');
    expect(problem).toBeDefined();
    for (const kind of ['milestone', 'event', 'member', 'stats', 'board', 'to-fill']) expect(problem?.en).toContain(kind);
  });

  it('reports an unknown field by name', async () => {
    const result = await loadOne([event('coloured', { colour: 'red' })]);
    expect(section(result, 'x').panels).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('panels[0]');
    expect(result.problems[0]?.zh).toContain('colour');
    expect(result.problems[0]?.en).toContain('colour');
  });

  it('reports a missing required field', async () => {
    const result = await loadOne([{ id: 'no-date', kind: 'milestone', title: '没有日期' }]);
    expect(problemAt(result.problems, 'panels[0].date')?.zh).toBe('缺少必填项');
  });

  it('leaves a broken panel out while the others load', async () => {
    const result = await loadOne([event('first'), { id: 'second', kind: 'event' }, event('third')]);
    expect(ids(section(result, 'x').panels)).toEqual(['first', 'third']);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.file).toBe('assets/content/x.json');
      expect(problem.path.startsWith('panels[1]')).toBe(true);
    }
    expect(problemAt(result.problems, 'panels[1].title')).toBeDefined();
  });

  it('fills defaults for optional lists', async () => {
    const result = await loadOne([event('bare')]);
    expect(section(result, 'x').panels[0]).toMatchObject({ body: [], images: [] });
  });

  it('a section file that is not { panels: [...] } is reported and its section stays empty', async () => {
    const result = await loadExhibition(
      memoryReader(
        new Map([
          ['exhibition.json', exhibitionJson([{ id: 'x', file: 'x.json' }])],
          ['x.json', JSON.stringify([event('a')])],
        ]),
      ),
    );
    expect(section(result, 'x').panels).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((problem) => problem.file === 'assets/content/x.json')).toBe(true);
  });
});

describe('loading several files', () => {
  it('leaves out the second of two panels that share an id across section files', async () => {
    const result = await loadExhibition(
      memoryReader(
        new Map([
          [
            'exhibition.json',
            exhibitionJson([
              { id: 'one', file: 'one.json' },
              { id: 'two', file: 'two.json' },
            ]),
          ],
          ['one.json', sectionJson([event('shared'), event('only-one')])],
          ['two.json', sectionJson([event('only-two'), event('shared')])],
        ]),
      ),
    );
    expect(ids(section(result, 'one').panels)).toEqual(['shared', 'only-one']);
    expect(ids(section(result, 'two').panels)).toEqual(['only-two']);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ severity: 'error', file: 'assets/content/two.json', path: 'panels[1].id' });
    expect(problem?.en).toContain('"shared"');
    // It says where the id was first used.
    expect(problem?.en).toContain('assets/content/one.json');
  });

  it('leaves out a duplicate id within one file too', async () => {
    const result = await loadOne([event('same'), event('same')]);
    expect(ids(section(result, 'x').panels)).toEqual(['same']);
    expect(result.problems.map((problem) => problem.path)).toEqual(['panels[1].id']);
  });

  it('leaves out a section whose id repeats another', async () => {
    const result = await loadExhibition(
      memoryReader(
        new Map([
          [
            'exhibition.json',
            exhibitionJson([
              { id: 'same', file: 'one.json' },
              { id: 'same', file: 'two.json' },
            ]),
          ],
          ['one.json', sectionJson([event('a')])],
          ['two.json', sectionJson([event('b')])],
        ]),
      ),
    );
    expect(result.exhibition?.sections.map((entry) => entry.file)).toEqual(['one.json']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'assets/content/exhibition.json', path: 'sections[1].id' });
  });

  const threeSections = (middle: string | undefined) => {
    const files = new Map([
      [
        'exhibition.json',
        exhibitionJson([
          { id: 'first', file: 'first.json' },
          { id: 'middle', file: 'middle.json' },
          { id: 'last', file: 'last.json' },
        ]),
      ],
      ['first.json', sectionJson([event('a1'), event('a2')])],
      ['last.json', sectionJson([event('c1')])],
    ]);
    if (middle !== undefined) files.set('middle.json', middle);
    return loadExhibition(memoryReader(files));
  };

  const expectOthersLoaded = (result: LoadResult) => {
    expect(result.exhibition?.sections.map((entry) => entry.id)).toEqual(['first', 'middle', 'last']);
    expect(ids(section(result, 'first').panels)).toEqual(['a1', 'a2']);
    expect(ids(section(result, 'last').panels)).toEqual(['c1']);
    expect(section(result, 'middle').panels).toEqual([]);
  };

  it('a section file with invalid JSON: problem with line and column; its section stays with 0 panels', async () => {
    // The second panel lacks the comma before it: line 4, column 5.
    const text = [
      '{',
      '  "panels": [',
      '    { "id": "b1", "kind": "event", "title": "甲" }',
      '    { "id": "b2", "kind": "event", "title": "乙" }',
      '  ]',
      '}',
    ].join('\n');
    const result = await threeSections(text);
    expectOthersLoaded(result);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', file: 'assets/content/middle.json', path: '' });
    expect(result.problems[0]?.zh).toContain('第 4 行，第 5 列');
    expect(result.problems[0]?.en).toContain('line 4, column 5');
  });

  it('line and column are counted the same with Windows line ends', async () => {
    const text = [
      '{',
      '  "panels": [',
      '    { "id": "b1", "kind": "event", "title": "甲" }',
      '    { "id": "b2" }',
      '  ]',
      '}',
    ].join('\r\n');
    const result = await threeSections(text);
    expect(result.problems[0]?.zh).toContain('第 4 行，第 5 列');
  });

  it('a trailing comma (a common slip) is also located by line and column', async () => {
    // V8 words this error "Unexpected token ']'" without a position; staff still need to know where.
    const text = ['{', '  "panels": [', '    { "id": "b1", "kind": "event", "title": "甲" },', '  ]', '}'].join('\n');
    const result = await threeSections(text);
    expectOthersLoaded(result);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.file).toBe('assets/content/middle.json');
    expect(result.problems[0]?.zh).toContain('第 4 行，第 3 列');
  });

  it('a missing section file is reported by name and the other sections load', async () => {
    const result = await threeSections(undefined);
    expectOthersLoaded(result);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem?.file).toBe('assets/content/middle.json');
    expect(problem?.zh).toContain('无法读取文件');
    expect(problem?.en).toContain('sections[1].file');
  });

  it('an empty section file is reported as empty', async () => {
    for (const empty of ['', '  \n\t\n']) {
      const result = await threeSections(empty);
      expectOthersLoaded(result);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ file: 'assets/content/middle.json', zh: '文件是空的' });
    }
  });

  it('a file that was not saved as UTF-8 is named as such', async () => {
    // "德清" in GBK, decoded as UTF-8 the way the browser reader does.
    const gbk = new Uint8Array([0x7b, 0x22, 0x70, 0x22, 0x3a, 0x22, 0xb5, 0xc2, 0xc7, 0xe5, 0x22, 0x7d]);
    const result = await threeSections(new TextDecoder('utf-8').decode(gbk));
    expectOthersLoaded(result);
    expect(result.problems[0]?.en).toMatch(/not UTF-8/);
  });

  it('accepts files that start with a byte-order mark, with a warning per file', async () => {
    const result = await loadExhibition(
      memoryReader(
        new Map([
          ['exhibition.json', `\uFEFF${exhibitionJson([{ id: 'x', file: 'x.json' }])}`],
          ['x.json', `\uFEFF${sectionJson([event('bom')])}`],
        ]),
      ),
    );
    expect(result.problems.map((problem) => [problem.severity, problem.file, problem.path, problem.zh.slice(0, 13)])).toEqual([
      ['warning', 'assets/content/exhibition.json', '', '文件开头有 BOM，已忽略'],
      ['warning', 'assets/content/x.json', '', '文件开头有 BOM，已忽略'],
    ]);
    expect(ids(section(result, 'x').panels)).toEqual(['bom']);
  });
});

describe('a broken exhibition.json', () => {
  const load = (text: string | undefined) => {
    const files = new Map([['x.json', sectionJson([event('a')])]]);
    if (text !== undefined) files.set('exhibition.json', text);
    return loadExhibition(memoryReader(files));
  };

  it('invalid JSON: no exhibition, one problem naming the file', async () => {
    const result = await load('{ "title": "党史长廊", }');
    expect(result.exhibition).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.file).toBe('assets/content/exhibition.json');
  });

  it('schema errors: no exhibition, problems at their paths', async () => {
    const result = await load(JSON.stringify({ title: '党史长廊', theme: '主题', sections: [] }));
    expect(result.exhibition).toBeNull();
    expect(result.problems.map((problem) => problem.path).sort()).toEqual(['host', 'sections']);
    expect(result.problems.every((problem) => problem.file === 'assets/content/exhibition.json')).toBe(true);
  });

  it('missing: no exhibition, a problem saying it cannot be read', async () => {
    const result = await load(undefined);
    expect(result.exhibition).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.zh).toContain('无法读取文件');
  });

  it('empty: no exhibition, reported as empty', async () => {
    const result = await load('');
    expect(result.exhibition).toBeNull();
    expect(result.problems[0]?.zh).toBe('文件是空的');
  });
});

describe('problems', () => {
  it('formatJsonPath joins keys and indices', () => {
    expect(formatJsonPath(['panels', 2, 'images', 0, 'src'])).toBe('panels[2].images[0].src');
    expect(formatJsonPath([])).toBe('');
    expect(formatJsonPath([3, 'id'])).toBe('[3].id');
  });

  it('formatProblem writes `file: path: 中文 (English)`', () => {
    expect(
      formatProblem({
        severity: 'error',
        file: 'assets/content/members.json',
        path: 'panels[2].id',
        zh: '中文说明',
        en: 'English text',
      }),
    ).toBe('assets/content/members.json: panels[2].id: 中文说明 (English text)');
  });

  it('formatProblem leaves out an empty path and tags warnings', () => {
    expect(
      formatProblem({ severity: 'error', file: 'assets/content/x.json', path: '', zh: '文件是空的', en: 'the file is empty' }),
    ).toBe('assets/content/x.json: 文件是空的 (the file is empty)');
    expect(formatProblem({ severity: 'warning', file: 'f.json', path: 'a', zh: '注意', en: 'note' })).toBe(
      '[warning] f.json: a: 注意 (note)',
    );
  });

  it('a loader problem formats with its file and path', async () => {
    const result = await loadOne([event('Bad Id')]);
    const [line] = result.problems.map(formatProblem);
    expect(line).toMatch(/^assets\/content\/x\.json: panels\[0\]\.id: \S.* \(.+\)$/);
  });
});
