import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { boardTextWarnings } from '../../src/build/boardTextWarnings.ts';
import { collectContentStrings, fontCharacters } from '../../src/build/characters.ts';
import { fontMetricsFor } from '../../src/build/fonts.ts';
import type { Exhibition, Panel } from '../../src/content/schema.ts';
import { boardTextItems, fitBox, layoutTitle, TITLE_MIN_SIZE } from '../../src/layout/boardText.ts';
import { DEFAULT_DIMENSIONS } from '../../src/layout/corridor.ts';
import { type Advance, advanceOf, breakLines, type FontMetrics, fitLines, typicalAdvance } from '../../src/layout/lineBreak.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

/** Every character 1 em wide: line capacity in characters equals maxEms. */
const square: Advance = () => 1;

describe('breakLines', () => {
  it('breaks Chinese anywhere, filling each line', () => {
    expect(breakLines('一二三四五六七八九十', { maxEms: 4, advance: square })).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('never starts a line with closing punctuation (避头尾): the last character moves down with it', () => {
    const lines = breakLines('一二三四。五六', { maxEms: 4, advance: square });
    expect(lines).toEqual(['一二三', '四。五六']);
    for (const line of lines) expect(line[0]).not.toMatch(/[，。、：；！？）》」』】”’]/);
  });

  it('carries a closing quote and the stop after it down together, never starting a line with "”。"', () => {
    // "”" fits the first line and "。" does not: "五”" must move down as a whole with "。".
    const lines = breakLines('一二三“五”。六七', { maxEms: 5, advance: square });
    expect(lines).toEqual(['一二三', '“五”。六', '七']);
    for (const line of lines) expect(line[0]).not.toMatch(/[，。、：；！？）》」』】”’]/);
    for (const line of lines) expect(line.at(-1)).not.toMatch(/[（《「『【“‘]/);
    expect(lines.join('')).toBe('一二三“五”。六七');
  });

  it('never ends a line with opening punctuation', () => {
    const lines = breakLines('一二三《四五》六', { maxEms: 4, advance: square });
    expect(lines[0]).toBe('一二三');
    expect(lines[1]?.startsWith('《')).toBe(true);
  });

  it('keeps Latin words and numbers whole, and drops the space at a break', () => {
    const advance: Advance = (char) => (char === ' ' ? 0.3 : 0.5);
    const lines = breakLines('the Red Boat on South Lake', { maxEms: 5, advance });
    expect(lines.join(' ')).toBe('the Red Boat on South Lake');
    for (const line of lines) {
      expect(line).toBe(line.trim());
      expect(Array.from(line).reduce((sum, char) => sum + advance(char), 0)).toBeLessThanOrEqual(5);
    }
    expect(breakLines('1921年7月23日', { maxEms: 3, advance: (c) => (/\d/.test(c) ? 0.55 : 1) })).toEqual([
      '1921',
      '年7月',
      '23日',
    ]);
  });

  it('breaks a word longer than the line where it must', () => {
    const lines = breakLines('abcdefghij', { maxEms: 4, advance: () => 1 });
    expect(lines).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('honours hard line breaks', () => {
    expect(breakLines('一二\n三', { maxEms: 10, advance: square })).toEqual(['一二', '三']);
  });
});

describe('fitLines and fitBox', () => {
  it('cuts an overflowing text with an ellipsis that fits the last line', () => {
    const fitted = fitLines('一二三四五六七八九十', { maxEms: 4, advance: square, maxLines: 2 });
    expect(fitted.overflow).toBe(true);
    expect(fitted.neededLines).toBe(3);
    expect(fitted.lines).toEqual(['一二三四', '五六七…']);
  });

  it('shrinks text a little before cutting it', () => {
    const box = { fontSize: 0.1, minFontSize: 0.08, lineHeight: 1, maxWidth: 0.4, height: 0.2, maxLines: 2, bold: false };
    // 9 characters: at 0.1 m, 4 per line × 2 lines = 8 do not hold them; at 0.08 m, 5 × 2 = 10 do.
    const fitted = fitBox('一二三四五六七八九', box, square);
    expect(fitted.overflow).toBe(false);
    expect(fitted.fontSize).toBeLessThan(0.1);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(0.08);
    expect(fitted.lines.join('')).toBe('一二三四五六七八九');
  });

  it('titles shrink to one line, then wrap at the smallest size', () => {
    expect(layoutTitle('短标题', square, 1.7).lines).toEqual(['短标题']);
    const long = layoutTitle('一'.repeat(60), square, 1.7);
    expect(long.fontSize).toBe(TITLE_MIN_SIZE);
    expect(long.lines.length).toBe(2);
    expect(long.overflow).toBe(true);
  });
});

describe('font metrics', () => {
  let metrics: FontMetrics;
  beforeAll(() => {
    metrics = fontMetricsFor('中国A1，');
  });

  it('reads real advance widths from the shipped font', () => {
    const regular = advanceOf(metrics);
    expect(regular('中')).toBeCloseTo(1, 2);
    expect(regular('A')).toBeGreaterThan(0.4);
    expect(regular('A')).toBeLessThan(0.8);
    expect(regular('1')).toBeLessThan(0.7);
    // Unknown characters fall back to a typical width.
    expect(regular('屿')).toBe(typicalAdvance('屿'));
  });
});

describe('content check: text too long for its board', () => {
  const panel = (summary: string): Panel => ({
    id: 'p',
    kind: 'event',
    title: '标题',
    summary,
    body: [],
    images: [],
  });
  const exhibitionWith = (panels: Panel[]): Exhibition => ({
    title: 't',
    host: 'h',
    theme: 'x',
    sections: [{ id: 's', title: 'S', file: 'a.json', panels }],
  });

  it('warns with file and JSON path when a summary cannot fit, and not when it can', async () => {
    const metrics = fontMetricsFor('标题短文字长'.repeat(1));
    const locate = (_section: number, index: number) => ({ file: 'assets/content/a.json', index });
    const problems = boardTextWarnings(exhibitionWith([panel('短文字'), panel('长'.repeat(400))]), metrics, locate);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file: 'assets/content/a.json', path: 'panels[1].summary' });
    expect(problems[0]?.zh).toContain('文字太长');
    expect(problems[0]?.en).toContain('too long');
  });

  it('with `shrink`, also names a text that fits only printed smaller, with its share of the size', () => {
    const metrics = fontMetricsFor('标题短文字长');
    const locate = (_section: number, index: number) => ({ file: 'assets/content/a.json', index });
    const long = { ...panel('短文字'), title: '标题'.repeat(10) };
    const exhibition = exhibitionWith([panel('短文字'), long]);
    // The build says nothing of a title that shrinks to fit: that is how a board makes room.
    expect(boardTextWarnings(exhibition, metrics, locate)).toEqual([]);
    const problems = boardTextWarnings(exhibition, metrics, locate, { shrink: true });
    expect(problems.map((problem) => [problem.severity, problem.path])).toEqual([['warning', 'panels[1].title']]);
    const percent = Number(/(\d+)%/.exec(problems[0]?.zh ?? '')?.[1]);
    expect(percent).toBeGreaterThanOrEqual(62);
    expect(percent).toBeLessThan(100);
    expect(problems[0]?.en).toContain(`${percent}%`);
    // English, three times as long, nearly always prints smaller: only its overflow is named.
    const english = { ...panel('短文字'), title: { zh: '标题', en: 'Title '.repeat(6) } };
    expect(boardTextWarnings(exhibitionWith([english]), metrics, locate, { shrink: true })).toEqual([]);
  });

  it('measures what the board prints: title, summary, points, stats labels', () => {
    const items = boardTextItems(
      { id: 's', kind: 'stats', title: 'T', body: [], images: [], stats: [{ label: '单位', value: 1 }] },
      DEFAULT_DIMENSIONS.boardWidth,
      DEFAULT_DIMENSIONS.boardHeight,
    );
    expect(items.map((item) => item.path)).toEqual(['title', 'stats[0].label']);
  });

  it('the shipped content fits its boards, in both languages', async () => {
    const exhibition = await loadShippedExhibition();
    const metrics = fontMetricsFor(fontCharacters(collectContentStrings(exhibition)));
    const locate = (section: number, index: number) => ({ file: exhibition.sections[section]?.file ?? '', index });
    expect(boardTextWarnings(exhibition, metrics, locate)).toEqual([]);
    // Sanity: the content files exist where the check reads them.
    expect((await readFile('assets/content/exhibition.json', 'utf8')).length).toBeGreaterThan(0);
  });
});
