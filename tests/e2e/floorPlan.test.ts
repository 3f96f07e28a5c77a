/**
 * The floor plan and the year scrubber on the built site: a section in the legend, and a tap on
 * the map, take the visitor there and the marker follows; the scrubber set to 1949 brings the
 * visitor to the 1949 board, and names the year and its board for a screen reader.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExhibition } from '../../src/content/load.ts';
import { type CorridorLayout, layoutCorridor } from '../../src/layout/corridor.ts';
import { openVisit, type PageWatch, ROOT, type Visit, waitForStillness } from './harness.ts';

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
  it('brings the visitor to the 1949 board and names the year', async () => {
    const slider = page.getByRole('slider', { name: /百年党史/ });
    await slider.evaluate((input: HTMLInputElement) => {
      // As a drag does: the value changes, then an input event (React's onChange listens to it).
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(input, '1949');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('1949年 · 中华人民共和国成立');
    await expect.poll(async () => (await page.evaluate(() => window.__exhibit?.state()))?.focusPanelId).toBe('prc-founding-1949');
    const board = layout.boards.find((candidate) => candidate.panelId === 'prc-founding-1949');
    await expect
      .poll(async () => Math.abs(((await pose())?.position[2] ?? 0) - (board?.position[2] ?? 0)), GLIDE)
      .toBeLessThan(0.3);
    await waitForStillness(page);
    const onScreen = await page.evaluate(() => window.__exhibit?.projectPanel('prc-founding-1949'));
    expect(Math.abs(onScreen?.ndc[0] ?? 9)).toBeLessThan(0.5);
    await page.screenshot({ path: 'tests/artifacts/year-scrubber-1949.png' });
  });

  it('moves a year at a time with the arrow keys, between the boards', async () => {
    const slider = page.getByRole('slider', { name: /百年党史/ });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('1950年');
    const z1949 = layout.boards.find((board) => board.panelId === 'prc-founding-1949')?.position[2] ?? 0;
    const z1956 = layout.boards.find((board) => board.panelId === 'eighth-congress-1956')?.position[2] ?? 0;
    // A seventh of the way from the 1949 board to the 1956 one.
    const expected = z1949 + (z1956 - z1949) / 7;
    await expect.poll(async () => Math.abs(((await pose())?.position[2] ?? 0) - expected), GLIDE).toBeLessThan(0.05);
  });

  it('said nothing wrong on the way', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
