/**
 * The broken-content fixture set: each folder under tests/fixtures/broken/ is a small content
 * set (`content/` + `photos/`) with exactly one defect, checked by the same entry point as
 * `npm run check:content`. Each case names every problem it must produce: severity, file,
 * JSON path, and a distinctive part of the Chinese and the English text.
 *
 * A few cases are made in code because their file cannot sensibly be committed (GBK bytes, a
 * megabyte of text): they start from the `valid` folder, copied to a temp folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/build/checkContent.ts';
import { fsContentReader } from '../../src/build/fonts.ts';
import { allPanels, type LoadResult, loadExhibition } from '../../src/content/load.ts';
import { type ContentProblem, formatProblem } from '../../src/content/problems.ts';

const BROKEN = 'tests/fixtures/broken';

const check = (dir: string) => checkContent(join(dir, 'content'), dir);
const load = (dir: string) => loadExhibition(fsContentReader(join(dir, 'content')));

/** [severity, file in assets/content/, JSON path, part of the Chinese, part of the English]. */
type Expected = [ContentProblem['severity'], string, string, string, string];

function expectProblems(problems: ContentProblem[], expected: Expected[]): void {
  expect(problems.map((problem) => [problem.severity, problem.file, problem.path])).toEqual(
    expected.map(([severity, file, path]) => [severity, `assets/content/${file}`, path]),
  );
  expected.forEach(([, , , zh, en], index) => {
    expect(problems[index]?.zh).toContain(zh);
    expect(problems[index]?.en).toContain(en);
  });
}

const panelIds = (result: LoadResult, section: string) =>
  result.exhibition?.sections.find((candidate) => candidate.id === section)?.panels.map((panel) => panel.id);

interface Case {
  dir: string;
  what: string;
  problems: Expected[];
}

const KINDS_ZH = 'milestone、event、member、stats、board、to-fill、oath';
const KINDS_EN = 'milestone, event, member, stats, board, to-fill, oath';

/** One folder each under tests/fixtures/broken/. */
const CASES: Case[] = [
  // Files the loader cannot read as JSON.
  {
    dir: 'json-missing-comma',
    what: 'a missing comma between two panels: invalid JSON with line and column',
    problems: [['error', 'members.json', '', 'JSON 格式错误（第 27 行，第 5 列）', 'invalid JSON at line 27, column 5']],
  },
  {
    dir: 'json-trailing-comma',
    what: 'a trailing comma after the last point: located at the closing bracket',
    problems: [['error', 'members.json', '', 'JSON 格式错误（第 46 行，第 7 列）', 'invalid JSON at line 46, column 7']],
  },
  {
    dir: 'exhibition-json-syntax',
    what: 'invalid JSON in exhibition.json itself',
    problems: [['error', 'exhibition.json', '', 'JSON 格式错误（第 8 行，第 3 列）', 'invalid JSON at line 8, column 3']],
  },
  {
    dir: 'bom',
    what: 'a byte-order mark: a warning, and the file still loads',
    problems: [['warning', 'members.json', '', '文件开头有 BOM，已忽略', 'byte-order mark (BOM); it was ignored']],
  },
  {
    dir: 'empty-file',
    what: 'a 0-byte section file',
    problems: [['error', 'members.json', '', '文件是空的', 'the file is empty']],
  },
  {
    dir: 'whitespace-only-file',
    what: 'a section file of spaces, tabs and line breaks only',
    problems: [['error', 'members.json', '', '文件是空的', 'the file is empty']],
  },
  {
    dir: 'section-file-is-array',
    what: 'a section file that is a list instead of { "panels": [ … ] }',
    problems: [
      ['error', 'members.json', '', '类型错误，应为对象 { }（现在是列表 [ ]）', 'wrong type, expected object (got array)'],
    ],
  },
  {
    dir: 'missing-section-file',
    what: 'a section file named in exhibition.json that does not exist',
    problems: [
      [
        'error',
        'members.json',
        '',
        '无法读取文件（exhibition.json 的 sections[1].file 指向它）：文件不存在',
        'cannot read the file (named by exhibition.json sections[1].file): the file does not exist',
      ],
    ],
  },
  {
    dir: 'no-sections',
    what: 'exhibition.json with an empty sections list',
    problems: [['error', 'exhibition.json', 'sections', '展览至少需要一个栏目', 'the exhibition needs at least one section']],
  },
  // Panels that break the schema: each is left out, the rest load.
  {
    dir: 'wrong-type-title',
    what: 'a number for a title; the link to the left-out panel warns',
    problems: [
      [
        'error',
        'members.json',
        'panels[1].title',
        '类型错误，应为文字，或 { "zh": "中文", "en": "English" }（现在是数字）',
        '(got number)',
      ],
      [
        'warning',
        'members.json',
        'panels[0].related[0]',
        '“wang-yanping-figures” 的展板有错误，未显示',
        'has errors and is left out',
      ],
    ],
  },
  {
    dir: 'stat-value-as-text',
    what: 'a figure written in quotes ("204")',
    problems: [
      [
        'error',
        'members.json',
        'panels[1].stats[0].value',
        '类型错误，应为数字（现在是文字）',
        'wrong type, expected number (got string)',
      ],
      ['warning', 'members.json', 'panels[0].related[0]', '有错误，未显示', 'left out'],
    ],
  },
  {
    dir: 'negative-stat',
    what: 'a negative figure',
    problems: [
      [
        'error',
        'members.json',
        'panels[1].stats[0].value',
        '数字不能小于 0（现在是 -5）',
        'the number must be 0 or more (it is -5)',
      ],
      ['warning', 'members.json', 'panels[0].related[0]', '有错误，未显示', 'left out'],
    ],
  },
  {
    dir: 'missing-title',
    what: 'a panel without its required title',
    problems: [['error', 'members.json', 'panels[2].title', '缺少必填项', 'required field is missing']],
  },
  {
    dir: 'missing-kind',
    what: 'a panel without a kind',
    problems: [
      [
        'error',
        'members.json',
        'panels[2].kind',
        `缺少展板类型 kind，应为 ${KINDS_ZH} 之一`,
        `kind is missing; it must be one of ${KINDS_EN}`,
      ],
    ],
  },
  {
    dir: 'unknown-kind',
    what: 'a kind that does not exist',
    problems: [
      ['error', 'members.json', 'panels[2].kind', `kind 必须是 ${KINDS_ZH} 之一（现在是 "poster"）`, '(it is "poster")'],
    ],
  },
  {
    dir: 'unknown-field-typo',
    what: 'a typo in a field name (titel): unknown field, and the real one is missing',
    problems: [
      ['error', 'members.json', 'panels[2].title', '缺少必填项', 'required field is missing'],
      ['error', 'members.json', 'panels[2]', '未知字段：titel', 'unknown field(s): titel'],
    ],
  },
  {
    dir: 'bad-id',
    what: 'an id with capitals and a space',
    problems: [['error', 'members.json', 'panels[2].id', 'id 只能用小写字母 a–z、数字 0–9 和 "-"', '(it is "Party Affairs")']],
  },
  {
    dir: 'bad-date-month',
    what: 'a 13th month (2021-13-01)',
    problems: [
      ['error', 'timeline.json', 'panels[1].date', '日期应写成 "YYYY"、"YYYY-MM" 或 "YYYY-MM-DD"', '(it is "2021-13-01")'],
    ],
  },
  {
    dir: 'bad-date-day',
    what: 'a day its month does not have (2021-02-30)',
    problems: [
      [
        'error',
        'timeline.json',
        'panels[1].date',
        '这个月没有这一天',
        'this day does not exist in that month (it is "2021-02-30")',
      ],
    ],
  },
  {
    dir: 'empty-zh',
    what: 'an empty Chinese text { "zh": "" }',
    problems: [['error', 'members.json', 'panels[2].title.zh', '不能为空', 'must not be empty']],
  },
  {
    dir: 'title-too-long',
    what: 'a title over the limit, with the limit named',
    problems: [
      [
        'error',
        'members.json',
        'panels[2].title',
        '超出字数上限：最多 60 个字（现在 64 个）',
        'too long: at most 60 characters (this has 64)',
      ],
    ],
  },
  {
    dir: 'wrong-schema-ref',
    what: 'a $schema line that is not the expected name (the panels still load)',
    problems: [
      [
        'error',
        'members.json',
        '$schema',
        '应为 "./section.schema.json"（现在是 "./schema.json"）',
        'should be "./section.schema.json"',
      ],
    ],
  },
  // Periods of the Party's history (exhibition.json `periods`, a milestone's `period`).
  {
    dir: 'missing-period',
    what: 'a milestone without its period',
    problems: [['error', 'timeline.json', 'panels[1].period', '缺少必填项', 'required field is missing']],
  },
  {
    dir: 'unknown-period',
    what: 'a period id with a typo, the ids there are named',
    problems: [
      [
        'error',
        'timeline.json',
        'panels[1].period',
        '没有 id 为 “new-democratic-revoltion” 的时期（exhibition.json 的 periods 里有：new-democratic-revolution、',
        'no period has the id "new-democratic-revoltion" (exhibition.json periods has: new-democratic-revolution, ',
      ],
    ],
  },
  {
    dir: 'period-date-outside',
    what: 'a 1949 milestone in the reform period (1978–2012)',
    problems: [
      [
        'error',
        'timeline.json',
        'panels[1].period',
        '日期 1949-10-01 不在时期“改革开放和社会主义现代化建设新时期”的年份（1978–2012）之内',
        'the date 1949-10-01 is outside the years of the period',
      ],
    ],
  },
  {
    dir: 'period-out-of-order',
    what: 'a milestone of an earlier period standing after one of a later period',
    problems: [
      [
        'error',
        'timeline.json',
        'panels[1].period',
        '这块展板属于“新民主主义革命时期”，却排在属于“社会主义革命和建设时期”的展板“prc-founding-1949”之后',
        'periods out of order: this panel belongs to "新民主主义革命时期" but stands after "prc-founding-1949"',
      ],
    ],
  },
  {
    dir: 'periods-out-of-year-order',
    what: 'the periods list itself not in the order of its years',
    problems: [
      [
        'error',
        'exhibition.json',
        'periods[1].from',
        '时期要按年份先后排列：这个时期从 1921 年开始，上一个时期“社会主义革命和建设时期”到 1978 年才结束',
        'periods go in the order of their years: this one starts in 1921',
      ],
    ],
  },
  // Ids.
  {
    dir: 'duplicate-id-same-file',
    what: 'an id used twice in one file',
    problems: [
      [
        'error',
        'members.json',
        'panels[2].id',
        'id “wang-yanping” 重复（已用于 assets/content/members.json: panels[0]）',
        'this panel is left out',
      ],
    ],
  },
  {
    dir: 'duplicate-id-across-files',
    what: 'an id already used in another file',
    problems: [
      [
        'error',
        'members.json',
        'panels[2].id',
        '已用于 assets/content/timeline.json: panels[0]',
        'duplicate id "cpc-founding-1921"',
      ],
    ],
  },
  {
    dir: 'dangling-related',
    what: 'a related id that names no panel',
    problems: [
      [
        'error',
        'members.json',
        'panels[0].related[1]',
        '找不到 id 为 “wang-yanping-stats” 的展板',
        'no panel has the id "wang-yanping-stats"',
      ],
    ],
  },
  // Images.
  {
    dir: 'missing-image',
    what: 'an image file that is not there',
    problems: [
      ['error', 'members.json', 'panels[0].images[0].src', '找不到文件 "photos/drill.jpg"', 'file not found "photos/drill.jpg"'],
    ],
  },
  {
    dir: 'wrong-case-image',
    what: 'an image name that differs from the file only in case',
    problems: [
      [
        'error',
        'members.json',
        'panels[0].images[0].src',
        '有一个大小写不同的文件 "photos/team.svg"',
        'there is "photos/team.svg"',
      ],
    ],
  },
  {
    dir: 'image-path-dotdot',
    what: 'an image path that climbs out with ".."',
    problems: [
      ['error', 'members.json', 'panels[0].images[0].src', '图片路径里不能有 ".."', 'image paths must not contain ".."'],
    ],
  },
  {
    dir: 'image-path-url',
    what: 'an image on another website (http://)',
    problems: [['error', 'members.json', 'panels[0].images[0].src', '不能是网址', 'not web addresses']],
  },
  {
    dir: 'image-path-windows',
    what: 'a Windows path to a photo on the office computer',
    problems: [['error', 'members.json', 'panels[0].images[0].src', '不要写 C:\\ 这样的电脑路径', 'folders separated by "/"']],
  },
  // Texts that load, with a warning.
  {
    dir: 'html-markup',
    what: 'HTML tags and a <script> in texts: warnings, shown as text',
    problems: [
      [
        'warning',
        'members.json',
        'panels[0].body[0]',
        '看起来包含 HTML 标记，将按原样显示为文字',
        'looks like it contains HTML markup',
      ],
      ['warning', 'members.json', 'panels[2].points[1]', '看起来包含 HTML 标记，将按原样显示为文字', 'shown as is, as text'],
    ],
  },
];

describe('broken-content fixtures (checkContent, as npm run check:content)', () => {
  it('the valid starting point has no problems at all', async () => {
    expect(await check(join(BROKEN, 'valid'))).toEqual([]);
  });

  it.each(CASES)('$dir: $what', async ({ dir, problems }) => {
    expectProblems(await check(join(BROKEN, dir)), problems);
  });

  it('every problem of every case is a single line with Chinese and English text', async () => {
    for (const { dir } of CASES) {
      for (const problem of await check(join(BROKEN, dir))) {
        expect(formatProblem(problem), dir).not.toMatch(/[\r\n]/);
        expect(problem.zh, dir).toMatch(/[\u4e00-\u9fff]/);
        expect(problem.en, dir).toMatch(/[a-z]{3,}/);
      }
    }
  });
});

describe('what still loads', () => {
  it('a broken panel is left out while the others of the same file load', async () => {
    const result = await load(join(BROKEN, 'wrong-type-title'));
    expect(panelIds(result, 'members')).toEqual(['wang-yanping', 'party-affairs']);
    expect(panelIds(result, 'timeline')).toEqual(['cpc-founding-1921', 'prc-founding-1949']);
  });

  it('a file with a BOM loads all its panels', async () => {
    const result = await load(join(BROKEN, 'bom'));
    expect(panelIds(result, 'members')).toEqual(['wang-yanping', 'wang-yanping-figures', 'party-affairs']);
  });

  it('HTML stays in the text as typed (it is shown as text, never run)', async () => {
    const result = await load(join(BROKEN, 'html-markup'));
    const panels = result.exhibition ? allPanels(result.exhibition) : [];
    const board = panels.find((panel) => panel.id === 'party-affairs');
    expect(board?.kind === 'board' ? board.points : []).toEqual(['三会一课', '<script>alert("党务")</script>']);
  });

  it('a wrong $schema line is an error, yet the file’s panels load', async () => {
    const result = await load(join(BROKEN, 'wrong-schema-ref'));
    expect(panelIds(result, 'members')).toHaveLength(3);
  });

  it('a missing or empty section file leaves its section empty and the others whole', async () => {
    for (const dir of ['missing-section-file', 'empty-file']) {
      const result = await load(join(BROKEN, dir));
      expect(panelIds(result, 'members'), dir).toEqual([]);
      expect(panelIds(result, 'timeline'), dir).toEqual(['cpc-founding-1921', 'prc-founding-1949']);
    }
  });

  it('exhibition.json without sections stops the visit (no exhibition), with its message', async () => {
    const result = await load(join(BROKEN, 'no-sections'));
    expect(result.exhibition).toBeNull();
  });
});

describe('cases made in code', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A temp copy of the valid fixture. */
  function copyOfValid(): string {
    dir = mkdtempSync(join(tmpdir(), 'broken-content-'));
    cpSync(join(BROKEN, 'valid'), dir, { recursive: true });
    return dir;
  }

  it('a file saved as GBK instead of UTF-8', async () => {
    const root = copyOfValid();
    // {"panels":[{"id":"a","kind":"event","title":"德清"}]} with 德清 in GBK (B5 C2 C7 E5).
    const gbk = Buffer.concat([
      Buffer.from('{"panels":[{"id":"a","kind":"event","title":"'),
      Buffer.from([0xb5, 0xc2, 0xc7, 0xe5]),
      Buffer.from('"}]}'),
    ]);
    writeFileSync(join(root, 'content', 'members.json'), gbk);
    expectProblems(await check(root), [
      ['error', 'members.json', '', '文件不是 UTF-8 编码，请用 UTF-8 保存', 'the file is not UTF-8 encoded'],
    ]);
  });

  it('a megabyte paragraph is an error naming the limit, not a hang', async () => {
    const root = copyOfValid();
    const file = join(root, 'content', 'members.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.panels[0].body = ['火'.repeat(1_000_000)];
    writeFileSync(file, JSON.stringify(json));
    const started = Date.now();
    const problems = await check(root);
    expect(Date.now() - started).toBeLessThan(4000);
    expectProblems(problems, [
      [
        'error',
        'members.json',
        'panels[0].body[0]',
        '超出字数上限：最多 4000 个字（现在 1000000 个）',
        'too long: at most 4000 characters (this has 1000000)',
      ],
    ]);
    // The problem names the limit, not the text: one short line.
    expect(formatProblem(problems[0] as ContentProblem).length).toBeLessThan(200);
  });

  it('English may be three times as long as the Chinese limit, not more', async () => {
    const root = copyOfValid();
    const file = join(root, 'content', 'members.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.panels[2].title = { zh: '党务公开栏', en: 'a'.repeat(180) };
    json.panels[1].title = { zh: '王彦平的监督检查', en: 'a'.repeat(181) };
    writeFileSync(file, JSON.stringify(json));
    // The loader's problems only: the build also warns that such a title does not fit its board.
    expectProblems((await load(root)).problems, [
      ['error', 'members.json', 'panels[1].title.en', '最多 180 个字（现在 181 个）', 'at most 180 characters'],
      ['warning', 'members.json', 'panels[0].related[0]', '有错误，未显示', 'left out'],
    ]);
  });
});

describe('the CLI (npm run check:content)', () => {
  const runCli = (dir: string) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/build/checkContentCli.ts', join(dir, 'content'), dir], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints each problem on its own line as `file: JSON path: 中文 (English)` and exits 1 on an error', async () => {
    const dir = join(BROKEN, 'negative-stat');
    const run = runCli(dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'assets/content/members.json: panels[1].stats[0].value: 数字不能小于 0（现在是 -5） (the number must be 0 or more (it is -5))',
      '[warning] assets/content/members.json: panels[0].related[0]: id 为 “wang-yanping-figures” 的展板有错误，未显示，这个链接暂不显示 (the panel with the id "wang-yanping-figures" has errors and is left out, so this link is not shown)',
      '内容检查：1 个错误，1 个警告 (content check: 1 error(s), 1 warning(s))',
    ]);
    // The same lines as the function's problems, formatted.
    expect(lines.slice(0, -1)).toEqual((await check(dir)).map(formatProblem));
  }, 60_000);

  it('exits 0 on the shipped content', () => {
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/build/checkContentCli.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/0 个错误|内容检查通过/);
  }, 60_000);
});
