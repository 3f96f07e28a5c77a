import { describe, expect, it } from 'vitest';
import {
  danglingReferences,
  idList,
  type PlacedPanel,
  REFERENCE_RULES,
  type ReferenceRule,
} from '../../src/content/references.ts';
import { type Exhibition, type Panel, panelSchema } from '../../src/content/schema.ts';
import { htmlWarnings, looksLikeHtml } from '../../src/content/textWarnings.ts';

const panel = (id: string, related?: string[]): Panel => panelSchema.parse({ id, kind: 'event', title: id, related });

const FILE = 'assets/content/members.json';
const placed = (panels: Array<[number, Panel]>): PlacedPanel[] => panels.map(([index, p]) => ({ file: FILE, index, panel: p }));

const exhibition: Exhibition = { title: '党史长廊', host: '大队', theme: '主题', sections: [] };

describe('danglingReferences', () => {
  it('reports an id that names no panel as an error at its file path (file index, not loaded index)', () => {
    // The panel at file index 1 was left out, so the one at index 2 is the second loaded.
    const panels = placed([
      [0, panel('a')],
      [2, panel('c', ['a', 'x', 'c'])],
    ]);
    expect(danglingReferences({ exhibitionFile: 'assets/content/exhibition.json', exhibition, panels })).toEqual([
      {
        severity: 'error',
        file: FILE,
        path: 'panels[2].related[1]',
        zh: '找不到 id 为 “x” 的展板',
        en: 'no panel has the id "x"',
      },
    ]);
  });

  it('a link to a panel left out for its own errors is a warning, not a second error', () => {
    const panels = placed([[0, panel('a', ['b'])]]);
    const problems = danglingReferences({ exhibitionFile: 'x', exhibition, panels, leftOutIds: new Set(['b']) });
    expect(problems.map((problem) => [problem.severity, problem.path])).toEqual([['warning', 'panels[0].related[0]']]);
    expect(problems[0]?.zh).toContain('有错误，未显示');
  });

  it('takes a new kind of reference as one more rule (e.g. tour stops in exhibition.json)', () => {
    const tours = [{ stops: [{ panel: 'a' }, { panel: 'gone' }] }];
    const tourRule: ReferenceRule = ({ exhibitionFile }) =>
      tours.flatMap((tour, t) =>
        idList(
          exhibitionFile,
          ['tours', t, 'stops'],
          tour.stops.map((stop) => stop.panel),
        ),
      );
    const problems = danglingReferences(
      { exhibitionFile: 'assets/content/exhibition.json', exhibition, panels: placed([[0, panel('a')]]) },
      [...REFERENCE_RULES, tourRule],
    );
    expect(problems.map((problem) => `${problem.file}: ${problem.path}: ${problem.en}`)).toEqual([
      'assets/content/exhibition.json: tours[0].stops[1]: no panel has the id "gone"',
    ]);
  });
});

describe('HTML in texts', () => {
  it('recognises tags, comments and entities', () => {
    for (const text of [
      '<b>粗体</b>',
      '第一行<br/>第二行',
      '<script>alert(1)</script>',
      '<p class="x">段落',
      '<!-- 注释 -->',
      '空&nbsp;格',
      '&#169; 2021',
    ]) {
      expect(looksLikeHtml(text), text).toBe(true);
    }
  });

  it('leaves ordinary text alone: book-title marks, comparisons, ampersands', () => {
    for (const text of ['《永远在路上》', '温度 < 30 度', '1<2 且 3>2', '消防 & 救援', 'R&D 部门', '“一厂多租”']) {
      expect(looksLikeHtml(text), text).toBe(false);
    }
  });

  it('warns once per string, at its JSON path', () => {
    const problems = htmlWarnings(FILE, ['panels', 3], {
      title: { zh: '<b>标题</b>', en: 'Title' },
      body: ['正文', '<i>斜体</i>'],
    });
    expect(problems.map((problem) => [problem.severity, problem.path])).toEqual([
      ['warning', 'panels[3].title.zh'],
      ['warning', 'panels[3].body[1]'],
    ]);
  });
});
