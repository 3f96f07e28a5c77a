/**
 * What troika really typesets on the boards, in the built site: read from each text mesh's
 * `textRenderInfo` (glyph quads and caret cells) through the test hooks, and photographed.
 * - 党务公开栏: every full-width punctuation mark has its glyph, a full-width cell of its own
 *   that the next character does not cover, at the height of the Han characters beside it
 *   ("总目标：创优" once read "总目标创优", and "·" sat raised like a stray mark).
 * - 王彦平的监督检查 in English: every label whole, one size for all of them.
 * - 德清县党史: a board to be filled, telling the visitor what will be here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardTextLayout } from '../../src/scene/testHooks.ts';
import {
  launchBrowser,
  ROOT,
  saveArtifact,
  serveStatic,
  type Visit,
  waitForExhibit,
  waitForStillness,
  watchPage,
} from './harness.ts';

let visit: Visit;
let page: Page;
/** troika's font parser reports GPOS lookups it cannot read on the console (debug level). */
const fontWarnings: string[] = [];

/** The full-width punctuation the content uses, and the middle dot of bullets and name lists. */
const PUNCTUATION = new Set(Array.from('：，。、；！？“”《》·'));
const isHan = (char: string) => /\p{Script=Han}/u.test(char);
/** What troika draws no glyph for (its own test: whitespace but the no-break space). */
const DRAWS_NOTHING = /[^\S\u00A0]/;

/** troika's SDF margin around a glyph's ink, as a share of its larger side (sdfMargin 1/16 at 64 px, plus 0.5 px). */
const SDF_MARGIN = (64 / 16 + 0.5) / 64;

interface PlacedChar {
  char: string;
  index: number;
  /** The glyph's ink box: its quad without the SDF margin. */
  ink: { x0: number; y0: number; x1: number; y1: number };
  /** The caret cell troika gives the character: its advance, and its line's bottom. */
  cell: { x0: number; x1: number; bottom: number };
}

/** Pairs each drawn glyph of a text with its character (troika draws one per visible character, in order). */
function placedChars(layout: BoardTextLayout): PlacedChar[] {
  const placed: PlacedChar[] = [];
  let glyph = 0;
  for (let index = 0; index < layout.text.length; index++) {
    const char = layout.text[index] as string;
    if (DRAWS_NOTHING.test(char)) continue;
    const [qx0, qy0, qx1, qy1] = layout.glyphBounds.slice(glyph * 4, glyph * 4 + 4) as [number, number, number, number];
    const [cx0, cx1, bottom] = layout.caretPositions.slice(index * 4, index * 4 + 3) as [number, number, number];
    const margin = (Math.max(qx1 - qx0, qy1 - qy0) / (1 + 2 * SDF_MARGIN)) * SDF_MARGIN;
    placed.push({
      char,
      index,
      ink: { x0: qx0 + margin, y0: qy0 + margin, x1: qx1 - margin, y1: qy1 - margin },
      cell: { x0: cx0, x1: cx1, bottom },
    });
    glyph++;
  }
  expect(glyph * 4, `glyphs of “${layout.text.slice(0, 20)}…”`).toBe(layout.glyphBounds.length);
  return placed;
}

async function boardTexts(panelId: string): Promise<BoardTextLayout[]> {
  return page.evaluate((id) => window.__exhibit?.boardTexts(id) ?? [], panelId);
}

/** Opens a panel's card (the camera brings its board beside it) and waits until its text is typeset. */
async function showBoard(panelId: string): Promise<BoardTextLayout[]> {
  await page.evaluate((id) => {
    window.location.hash = `#/panel/${id}`;
  }, panelId);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  // Even a cut's frame can be long in coming on a busy CPU rasteriser.
  await waitForStillness(page, 600, 240_000);
  await expect
    .poll(
      async () => {
        const texts = await boardTexts(panelId);
        return texts.length > 0 && texts.every((text) => text.typeset);
      },
      { timeout: 120_000, interval: 250 },
    )
    .toBe(true);
  await waitForStillness(page, 600, 240_000);
  return boardTexts(panelId);
}

/** A picture of the board alone, cut from the page. */
async function photographBoard(panelId: string, name: string): Promise<void> {
  const rect = await page.evaluate((id) => window.__exhibit?.boardRect(id) ?? null, panelId);
  if (!rect) throw new Error(`${panelId} is not on screen`);
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const x = Math.max(0, Math.floor(rect.left));
  const y = Math.max(0, Math.floor(rect.top));
  const clip = {
    x,
    y,
    width: Math.min(viewport.width - x, Math.ceil(rect.right - x)),
    height: Math.min(viewport.height - y, Math.ceil(rect.bottom - y)),
  };
  await saveArtifact(name, await page.screenshot({ clip, timeout: 120_000 }));
}

async function englishLabels(): Promise<string[]> {
  const json = JSON.parse(await readFile(join(ROOT, 'assets/content/members.json'), 'utf8')) as {
    panels: Array<{ id: string; stats?: Array<{ label: { en: string } }> }>;
  };
  return json.panels.find((panel) => panel.id === 'wang-yanping-figures')?.stats?.map((stat) => stat.label.en) ?? [];
}

beforeAll(async () => {
  const server = await serveStatic();
  const browser = await launchBrowser();
  // A large, sharp picture of the boards: twice the pixels per CSS pixel. Reduced motion: the
  // camera cuts from board to board (this file reads what troika typeset, not the way there; a
  // glide is dozens of CPU-rendered frames, a cut is one).
  page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  page.setDefaultTimeout(90_000);
  const watch = watchPage(page, server.url.replace(/\/$/, ''));
  page.on('console', (message) => {
    if (/unsupported GPOS/i.test(message.text())) fontWarnings.push(message.text());
  });
  // Arrive at the first board by its link: the camera starts there (a glide down the corridor takes
  // minutes of CPU-rendered frames).
  await page.goto(`${server.url}#/panel/party-affairs`);
  await waitForExhibit(page);
  visit = {
    server,
    browser,
    page,
    watch,
    async close() {
      await browser.close();
      await server.close();
    },
  };
  await waitForStillness(page, 600, 240_000);
  // The floor plan lies over the left of the screen, where a board beside the card stands: fold it
  // for the photographs (what it hides there is another matter, not this file's).
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const floorPlan = page.locator('.floor-plan__toggle[aria-expanded="true"]');
  if ((await floorPlan.count()) > 0) await floorPlan.click();
});

afterAll(() => visit?.close());

describe('the boards as troika typesets them', () => {
  it('党务公开栏: every punctuation mark has its glyph, a full cell, and stands on the line', async () => {
    const texts = await showBoard('party-affairs');
    await photographBoard('party-affairs', 'board-party-affairs.png');
    const points = texts.find((text) => text.text.includes('总目标'));
    if (!points) throw new Error(`no points on the board: ${texts.map((text) => text.text.slice(0, 10)).join(' | ')}`);
    const { fontSize } = points;
    const placed = placedChars(points);
    const seen = new Set<string>();
    placed.forEach((mark, at) => {
      if (!PUNCTUATION.has(mark.char)) return;
      seen.add(mark.char);
      const where = `“${mark.char}” at ${mark.index} of “${points.text.slice(Math.max(0, mark.index - 4), mark.index + 4)}”`;
      // A full-width cell of its own, holding its ink; the next character starts after it.
      expect(mark.cell.x1 - mark.cell.x0, `${where}: advance`).toBeGreaterThan(0.9 * fontSize);
      expect(mark.ink.x1 - mark.ink.x0, `${where}: glyph width`).toBeGreaterThan(0.05 * fontSize);
      expect(mark.ink.x0, `${where}: ink before its cell`).toBeGreaterThanOrEqual(mark.cell.x0 - 0.02 * fontSize);
      expect(mark.ink.x1, `${where}: ink past its cell`).toBeLessThanOrEqual(mark.cell.x1 + 0.02 * fontSize);
      const next = placed[at + 1];
      if (next && next.cell.bottom === mark.cell.bottom) {
        expect(next.ink.x0, `${where}: covered by “${next.char}”`).toBeGreaterThanOrEqual(mark.ink.x1);
      }
      // At the height of the Han characters on its line.
      const han = placed.filter((other) => isHan(other.char) && other.cell.bottom === mark.cell.bottom);
      expect(han.length, where).toBeGreaterThan(0);
      const hanTop = Math.max(...han.map((other) => other.ink.y1));
      const hanBottom = Math.min(...han.map((other) => other.ink.y0));
      expect(mark.ink.y1, `${where}: above the line`).toBeLessThanOrEqual(hanTop + 0.05 * fontSize);
      expect(mark.ink.y0, `${where}: below the line`).toBeGreaterThanOrEqual(hanBottom - 0.12 * fontSize);
      const centre = (mark.ink.y0 + mark.ink.y1) / 2;
      if (mark.char === '·') {
        // A bullet is centred on the Han characters, not lifted like a stray mark.
        expect(Math.abs(centre - (hanTop + hanBottom) / 2), `${where}: off centre`).toBeLessThan(0.1 * fontSize);
      }
      if (mark.char === '：') {
        // Both dots inside the line: from near the foot of the Han characters to below their middle.
        expect(mark.ink.y0 - hanBottom, `${where}: foot`).toBeLessThan(0.15 * fontSize);
        expect(mark.ink.y1, `${where}: top`).toBeLessThan(hanTop - 0.1 * fontSize);
      }
    });
    // The board's text has these (the check above ran on each of them).
    for (const char of '：、“”《》·') expect(seen.has(char), `“${char}” on the board`).toBe(true);
    expect(fontWarnings).toEqual([]);
  });

  it('王彦平的监督检查 in English: every label whole, all at one size', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const texts = await showBoard('wang-yanping-figures');
    await photographBoard('wang-yanping-figures', 'board-stats-en.png');
    expect(texts.filter((text) => text.text.includes('…')).map((text) => text.text)).toEqual([]);
    const labels = await englishLabels();
    expect(labels.length).toBe(8);
    const printed = labels.map((label) => texts.find((text) => text.text.replace(/\n/g, ' ') === label));
    expect(
      labels.filter((_, index) => !printed[index]),
      'labels not printed whole',
    ).toEqual([]);
    expect(new Set(printed.map((text) => text?.fontSize)).size).toBe(1);
    // Every label's glyphs were drawn: as many as its visible characters.
    for (const text of printed) if (text) placedChars(text);
  });

  it('德清县党史: a board to be filled, saying what will be here', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const english = await showBoard('deqing-party-history');
    await photographBoard('deqing-party-history', 'board-to-fill-en.png');
    expect(english.map((text) => text.text)).toContain('【To be filled in】');
    expect(english.some((text) => text.text.replace(/\n/g, ' ').startsWith('This board will present'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const chinese = await showBoard('deqing-party-history');
    await photographBoard('deqing-party-history', 'board-to-fill-zh.png');
    expect(chinese.map((text) => text.text)).toContain('【待补充】');
    expect(chinese.some((text) => text.text.replace(/\n/g, '').startsWith('这里将介绍德清县的党建党史'))).toBe(true);
    expect(chinese.filter((text) => text.text.includes('…')).map((text) => text.text)).toEqual([]);
  });

  it('stayed clean: no console error, nothing off the origin', () => {
    expect(visit.watch.errors).toEqual([]);
    expect(visit.watch.offOrigin).toEqual([]);
  });
});
