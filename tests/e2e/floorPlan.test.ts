/**
 * The floor plan and the year scrubber on the built site: a section in the legend, and a tap on
 * the map, take the visitor there and the marker follows; the scrubber set to 1949 brings the
 * visitor to the 1949 board, and names the year and its board for a screen reader. Each board on
 * the map has a target of at least 24 CSS pixels, while its drawn bar stays small.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExhibition } from '../../src/content/load.ts';
import { type CorridorLayout, layoutCorridor } from '../../src/layout/corridor.ts';
import { openVisit, type PageWatch, ROOT, type Visit, waitForExhibit, waitForStillness, watchPage } from './harness.ts';
import { shownRect } from './rects.ts';

let visit: Visit;
let page: Page;
let watch: PageWatch;
let layout: CorridorLayout;

const pose = () => page.evaluate(() => window.__exhibit?.pose());
const markerTransform = () => page.getByTestId('floor-plan-marker').getAttribute('transform');
/** A glide down the corridor takes dozens of frames, and CPU WebGL draws about one a second. */
const GLIDE = { timeout: 150_000, interval: 250 };

function section(id: string) {
  const found = layout.sections.find((candidate) => candidate.sectionId === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

beforeAll(async () => {
  const { exhibition } = await loadExhibition((name) => readFile(join(ROOT, 'assets/content', name), 'utf8'));
  if (!exhibition) throw new Error('the shipped content did not load');
  layout = layoutCorridor(exhibition);
  visit = await openVisit();
  ({ page, watch } = visit);
  await waitForStillness(page);
});

afterAll(() => visit?.close());

describe('the floor plan', () => {
  it('takes the visitor to a section from its legend, and the marker follows', async () => {
    const markerBefore = await markerTransform();
    expect(markerBefore).toMatch(/^translate\(/);
    const members = section('members');
    await page.locator('.floor-plan__legend button[data-section-id="members"]').click();
    await expect.poll(async () => (await pose())?.position[2] ?? 0, GLIDE).toBeLessThan(members.startZ);
    await waitForStillness(page);
    const arrived = await pose();
    expect(arrived?.position[2]).toBeLessThan(members.startZ);
    expect(arrived?.position[2]).toBeGreaterThan(members.endZ);
    const markerAfter = await markerTransform();
    expect(markerAfter).not.toBe(markerBefore);
    const u = (transform: string | null) => Number(/translate\(([-\d.]+)/.exec(transform ?? '')?.[1]);
    expect(u(markerAfter)).toBeGreaterThan(u(markerBefore) + 100); // far along the plan, to the right
    await page.screenshot({ path: 'tests/artifacts/floor-plan.png' });
  });

  it('takes the visitor to the section tapped on the map', async () => {
    const timeline = section('timeline');
    const band = page.locator('.floor-plan__section[data-section-id="timeline"]');
    const box = await band.boundingBox();
    if (!box) throw new Error('the timeline band is not drawn');
    // The middle of the band, between the boards on its two walls.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await pose())?.position[2] ?? 0, GLIDE).toBeLessThan(timeline.startZ);
    await waitForStillness(page);
    const arrived = await pose();
    expect(arrived?.position[2]).toBeLessThan(timeline.startZ);
    expect(arrived?.position[2]).toBeGreaterThan(timeline.endZ);
  });
});

describe('the year scrubber', () => {
  it('brings the visitor to the first 1949 board and names the year', async () => {
    const slider = page.getByRole('slider', { name: /百年党史/ });
    await slider.evaluate((input: HTMLInputElement) => {
      // As a drag does: the value changes, then an input event (React's onChange listens to it).
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(input, '1949');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Two boards carry 1949 (七届二中全会 in March, 开国大典 in October): a year goes to its first.
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('1949年 · 七届二中全会');
    await expect
      .poll(async () => (await page.evaluate(() => window.__exhibit?.state()))?.focusPanelId)
      .toBe('second-plenary-session-1949');
    const board = layout.boards.find((candidate) => candidate.panelId === 'second-plenary-session-1949');
    await expect
      .poll(async () => Math.abs(((await pose())?.position[2] ?? 0) - (board?.position[2] ?? 0)), GLIDE)
      .toBeLessThan(0.3);
    await waitForStillness(page);
    const onScreen = await page.evaluate(() => window.__exhibit?.projectPanel('second-plenary-session-1949'));
    expect(Math.abs(onScreen?.ndc[0] ?? 9)).toBeLessThan(0.5);
    await page.screenshot({ path: 'tests/artifacts/year-scrubber-1949.png' });
  });

  it('moves a year at a time with the arrow keys, to a board and between the boards', async () => {
    const slider = page.getByRole('slider', { name: /百年党史/ });
    await slider.focus();
    const z = (id: string) => layout.boards.find((board) => board.panelId === id)?.position[2] ?? Number.NaN;
    // 1950 has its own board (抗美援朝).
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('1950年 · 抗美援朝');
    const z1950 = z('resist-us-aggression-aid-korea-1950');
    await expect.poll(async () => Math.abs(((await pose())?.position[2] ?? 0) - z1950), GLIDE).toBeLessThan(0.3);
    // 1951 has none: a quarter of the way from the 1950 board to the 1954 one.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('1951年');
    const expected = z1950 + (z('first-constitution-1954') - z1950) / 4;
    await expect.poll(async () => Math.abs(((await pose())?.position[2] ?? 0) - expected), GLIDE).toBeLessThan(0.05);
  });

  it('gives each board on the map a target of at least 24 px, and a click at its edge opens that board', async () => {
    const map = await shownRect(page.locator('.floor-plan__map'));
    const targets = await page.locator('.floor-plan__target').evaluateAll((elements) =>
      elements.map((element) => {
        const id = element.getAttribute('data-panel-id') ?? '';
        const box = element.getBoundingClientRect();
        const bar = document.querySelector(`.floor-plan__board[data-panel-id="${id}"]`)?.getBoundingClientRect();
        return {
          id,
          box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
          bar: bar ? { left: bar.left, top: bar.top, right: bar.right, bottom: bar.bottom } : null,
        };
      }),
    );
    expect(targets).toHaveLength(layout.boards.length);
    for (const { id, box, bar } of targets) {
      expect(box.right - box.left, id).toBeGreaterThanOrEqual(24 - 0.5);
      expect(box.bottom - box.top, id).toBeGreaterThanOrEqual(24 - 0.5);
      // The drawn bar is as small as before, and its target covers it, within the drawing.
      expect((bar?.right ?? 0) - (bar?.left ?? 0), id).toBeLessThan(24);
      expect(box.left).toBeLessThanOrEqual(bar?.left ?? 0);
      expect(box.right).toBeGreaterThanOrEqual(bar?.right ?? 0);
      expect(box.left).toBeGreaterThanOrEqual((map?.left ?? 0) - 0.5);
      expect(box.right).toBeLessThanOrEqual((map?.right ?? 0) + 0.5);
      expect(box.top).toBeGreaterThanOrEqual((map?.top ?? 0) - 0.5);
      expect(box.bottom).toBeLessThanOrEqual((map?.bottom ?? 0) + 0.5);
    }
    // The board nearest the entrance, clicked 9 px from its bar towards the middle of the
    // corridor: off the bar (and beyond the old reach round its middle), nearer to it than to
    // any other board.
    const first = [...targets].sort((a, b) => (a.bar?.left ?? 0) - (b.bar?.left ?? 0))[0];
    if (!first?.bar || !map) throw new Error('no board target');
    const onTopWall = first.bar.top < (map.top + map.bottom) / 2;
    const x = (first.bar.left + first.bar.right) / 2;
    const y = onTopWall ? first.bar.bottom + 9 : first.bar.top - 9;
    expect(y).toBeGreaterThan(first.box.top);
    expect(y).toBeLessThan(first.box.bottom);
    // A cut, not a glide down the corridor: this test is about where the click lands.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(async () => (await page.evaluate(() => window.__exhibit?.state()))?.reducedMotion).toBe(true);
    await page.mouse.click(x, y);
    await expect.poll(async () => (await page.evaluate(() => window.__exhibit?.state()))?.openPanelId).toBe(first.id);
    // The card's code loads when a card first opens: Escape closes it once it is shown, as a visitor sees it.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it("an Esc pressed while the card's code is still loading cancels the card: #/, and it never shows", async () => {
    // A page of its own, whose card chunk has not loaded yet; the test holds it back (as a slow
    // network or a busy CPU does) until the Esc has been pressed.
    const fresh = await visit.browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    fresh.setDefaultTimeout(90_000);
    const freshWatch = watchPage(fresh, visit.server.url.replace(/\/$/, ''));
    let releaseCard = () => {};
    const cardHeld = new Promise<void>((resolve) => {
      releaseCard = resolve;
    });
    let cardRequested = false;
    await fresh.route(/\/assets\/PanelCard-[\w-]+\.js$/, async (route) => {
      cardRequested = true;
      await cardHeld;
      await route.continue();
    });
    const freshState = () => fresh.evaluate(() => window.__exhibit?.state());
    await fresh.goto(visit.server.url);
    await waitForExhibit(fresh);
    await waitForStillness(fresh);
    const board = layout.boards[0];
    if (!board) throw new Error('no board');
    // At the board's bar on the map (its target is see-through: a click lands by coordinates).
    const bar = await fresh.locator(`.floor-plan__board[data-panel-id="${board.panelId}"]`).boundingBox();
    if (!bar) throw new Error('the board is not on the map');
    await fresh.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await expect.poll(async () => (await freshState())?.openPanelId).toBeTruthy();
    const opened = (await freshState())?.openPanelId;
    expect(new URL(fresh.url()).hash).toBe(`#/panel/${opened}`);
    await expect.poll(() => cardRequested).toBe(true);
    expect(await fresh.getByRole('dialog').count()).toBe(0);
    await fresh.keyboard.press('Escape');
    await expect.poll(async () => (await freshState())?.openPanelId).toBeNull();
    expect(new URL(fresh.url()).hash).toBe('#/');
    // The code arrives (the card's closed dialog is in the page), and the card stays shut.
    releaseCard();
    await expect.poll(() => fresh.locator('dialog.panel-card').count()).toBe(1);
    await fresh.waitForTimeout(1_000);
    expect(await fresh.getByRole('dialog').count()).toBe(0);
    expect(new URL(fresh.url()).hash).toBe('#/');
    // History as for any closed card: back reopens it, now at once.
    await fresh.goBack();
    await expect.poll(() => fresh.getByRole('dialog').count()).toBe(1);
    expect(new URL(fresh.url()).hash).toBe(`#/panel/${opened}`);
    expect(freshWatch.errors).toEqual([]);
    expect(freshWatch.offOrigin).toEqual([]);
    await fresh.close();
  });

  it('said nothing wrong on the way', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
