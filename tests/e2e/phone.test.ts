/**
 * A phone visit on the built site: 390 × 844, touch only (`hasTouch`, `isMobile`). The canvas
 * is capped in pixel ratio; a tap on the floor walks, a finger drag looks around, a tap on a
 * board opens its card as a bottom sheet (full width, at the bottom, text ≥ 16 px, no sideways
 * scroll, the board still in view above it); the card's buttons step through the panels; turned
 * to landscape, the card moves to the side.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVisit, type PageWatch, shippedPanels, type Visit, waitForStillness } from './harness.ts';

const WIDTH = 390;
const HEIGHT = 844;

let visit: Visit;
let page: Page;
let watch: PageWatch;
let panels: Awaited<ReturnType<typeof shippedPanels>>;

const exhibitState = () => page.evaluate(() => window.__exhibit?.state());
const pose = () => page.evaluate(() => window.__exhibit?.pose());

beforeAll(async () => {
  panels = await shippedPanels();
  visit = await openVisit({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  ({ page, watch } = visit);
});

afterAll(() => visit?.close());

describe('a phone visit', () => {
  it('draws at a capped pixel ratio with phone-sized photos, and leaves touches to the scene', async () => {
    const quality = await page.evaluate(() => window.__exhibit?.quality());
    expect(quality?.deviceClass).toBe('phone');
    expect(quality?.boardTextureMaxSide).toBe(640);
    expect(quality?.pixelRatio).toBeLessThanOrEqual(1.5); // not the phone's 3
    const touchAction = await page.locator('.exhibit-canvas').evaluate((element) => getComputedStyle(element).touchAction);
    expect(touchAction).toBe('none');
    // The on-screen previous / next buttons are big enough for a finger.
    for (const name of ['上一块展板', '下一块展板']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await waitForStillness(page);
    await page.screenshot({ path: 'tests/artifacts/phone-portrait.png' });
  });

  it('walks to a tapped point of the floor', async () => {
    const before = await pose();
    await page.touchscreen.tap(WIDTH / 2, HEIGHT * 0.62);
    await expect.poll(async () => (await pose())?.position[2] ?? 0).toBeLessThan((before?.position[2] ?? 0) - 0.5);
    await waitForStillness(page);
  });

  it('looks around when a finger drags, without walking or opening anything', async () => {
    const before = await pose();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: x === undefined ? [] : [{ x, y: HEIGHT * 0.6, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    await touch('touchStart', 120);
    for (let step = 1; step <= 6; step++) await touch('touchMove', 120 + step * 25);
    await touch('touchEnd');
    await cdp.detach();
    // Dragging the world to the right turns the view to the left (yaw grows).
    await expect.poll(async () => (await pose())?.yaw ?? 0).toBeGreaterThan((before?.yaw ?? 0) + 0.3);
    await waitForStillness(page);
    const after = await pose();
    expect(after?.position).toEqual(before?.position);
    expect((await exhibitState())?.openPanelId).toBeNull();
  });

  it('opens a tapped board as a bottom sheet, readable without zooming, the board above it', async () => {
    await page.getByRole('button', { name: '下一块展板', exact: true }).tap();
    await expect.poll(async () => (await exhibitState())?.focusPanelId).toBeTruthy();
    await waitForStillness(page);
    const id = (await exhibitState())?.focusPanelId as string;
    const panel = panels.find((candidate) => candidate.id === id);
    const point = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId), id);
    if (!point || !panel) throw new Error(`board ${id} is not on screen`);
    await page.touchscreen.tap(point.x, point.y);
    const dialog = page.getByRole('dialog', { name: panel.title });
    await dialog.waitFor({ state: 'visible' });
    await waitForStillness(page);

    const box = await dialog.boundingBox();
    expect(box?.x).toBeCloseTo(0, 0);
    expect(box?.width).toBeCloseTo(WIDTH, 0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeCloseTo(HEIGHT, 0);
    expect(box?.y).toBeGreaterThan(HEIGHT * 0.3);
    const body = page.locator('.panel-card__body');
    const text = await body.evaluate((element) => ({
      fontSize: Number.parseFloat(getComputedStyle(element.querySelector('p') ?? element).fontSize),
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(text.fontSize).toBeGreaterThanOrEqual(16);
    expect(text.scrollWidth).toBeLessThanOrEqual(text.clientWidth);
    // The board stands in the strip above the sheet.
    const board = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId), id);
    expect(board?.y).toBeGreaterThan(0);
    expect(board?.y).toBeLessThan(box?.y ?? 0);
    expect(board?.x).toBeGreaterThan(0);
    expect(board?.x).toBeLessThan(WIDTH);
    await page.screenshot({ path: 'tests/artifacts/phone-bottom-sheet.png' });
  });

  it('steps to the next and previous panel with the card’s buttons', async () => {
    const openId = (await exhibitState())?.openPanelId;
    const index = panels.findIndex((panel) => panel.id === openId);
    const next = panels[index + 1];
    const current = panels[index];
    if (!next || !current) throw new Error('no next panel');
    await page.locator('.panel-card__footer button').last().tap();
    await page.getByRole('dialog', { name: next.title }).waitFor({ state: 'visible' });
    expect((await exhibitState())?.openPanelId).toBe(next.id);
    await page.locator('.panel-card__footer button').first().tap();
    await page.getByRole('dialog', { name: current.title }).waitFor({ state: 'visible' });
    expect((await exhibitState())?.openPanelId).toBe(current.id);
  });

  it('moves the card to the side in landscape, with the board beside it', async () => {
    await page.setViewportSize({ width: HEIGHT, height: WIDTH });
    await waitForStillness(page);
    const box = await page.getByRole('dialog').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeCloseTo(HEIGHT, 0);
    expect(box?.x).toBeGreaterThan(HEIGHT * 0.4);
    expect(box?.height).toBeCloseTo(WIDTH, 0);
    const id = (await exhibitState())?.openPanelId as string;
    const board = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId), id);
    expect(board?.x).toBeLessThan(box?.x ?? 0);
    await page.screenshot({ path: 'tests/artifacts/phone-landscape.png' });
    await page.getByRole('button', { name: '关闭', exact: true }).tap();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  });

  it('said nothing wrong on the way', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
