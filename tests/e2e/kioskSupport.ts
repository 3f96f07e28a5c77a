/**
 * Helpers for the kiosk's end-to-end tests: a copy of the built site with a kiosk PIN (so a test
 * can also change it under a running kiosk), touch pages, the kiosk's state, a long press through
 * CDP, and heap figures after a forced garbage collection.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { KioskTestHooks } from '../../src/modes/kiosk/kioskTestHooks.ts';
import { DIST, waitForStillness } from './harness.ts';

export const ADMIN_PIN = '2468';
export const VIEWPORT = { width: 1280, height: 720 };

export interface SiteCopy {
  dir: string;
  /** Changes the exhibition's Chinese title in the copy, and the service worker so browsers see a new version. */
  publishNewTitle(title: string): Promise<void>;
  remove(): Promise<void>;
}

/** Copies `dist/` to a temporary folder, with `kiosk.adminPin` set in its exhibition.json. */
export async function copySite(kiosk: { adminPin?: string; idleSeconds?: number } = { adminPin: ADMIN_PIN }): Promise<SiteCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'dangshi-kiosk-'));
  await cp(DIST, dir, { recursive: true });
  const exhibitionFile = join(dir, 'content/exhibition.json');
  const exhibition = JSON.parse(await readFile(exhibitionFile, 'utf8')) as Record<string, unknown>;
  exhibition.kiosk = { idleSeconds: 90, ...kiosk };
  await writeFile(exhibitionFile, JSON.stringify(exhibition, null, 2));
  return {
    dir,
    async publishNewTitle(title) {
      const data = JSON.parse(await readFile(exhibitionFile, 'utf8')) as { title: { zh: string } | string };
      data.title = typeof data.title === 'string' ? title : { ...data.title, zh: title };
      await writeFile(exhibitionFile, JSON.stringify(data, null, 2));
      // What a new build does: the precache manifest names the file with a new revision.
      const swFile = join(dir, 'sw.js');
      const sw = await readFile(swFile, 'utf8');
      const pattern = /(url:"content\/exhibition\.json",revision:")([0-9a-f]+)(")/;
      if (!pattern.test(sw)) throw new Error('sw.js does not precache content/exhibition.json with a revision');
      await writeFile(swFile, sw.replace(pattern, `$1${Date.now().toString(16)}$3`));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A touch-screen context: taps, no mouse hover, a kiosk's landscape screen. */
export async function touchContext(browser: Browser, viewport = VIEWPORT): Promise<BrowserContext> {
  return browser.newContext({ hasTouch: true, isMobile: false, viewport, acceptDownloads: true });
}

export type KioskView = ReturnType<KioskTestHooks['state']>;

export function kioskState(page: Page): Promise<KioskView> {
  return page.evaluate(() => {
    const hooks = window.__kiosk;
    if (!hooks) throw new Error('no window.__kiosk: not in kiosk mode, or the content has not loaded');
    return hooks.state();
  });
}

/** Waits until the kiosk's state passes `check` (polling), returning it. */
export async function waitForKiosk(page: Page, check: (state: KioskView) => boolean, timeout = 90_000): Promise<KioskView> {
  const started = Date.now();
  let last: KioskView | null = null;
  while (Date.now() - started < timeout) {
    last = await page.evaluate(() => window.__kiosk?.state() ?? null);
    if (last && check(last)) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`the kiosk never reached the expected state; last: ${JSON.stringify(last)}`);
}

/** Holds a finger at a point for `ms` (Playwright's touchscreen only taps). */
export async function longPress(page: Page, cdp: CDPSession, x: number, y: number, ms: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
  await page.waitForTimeout(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/**
 * Holds a finger at a point until `answer` shows, then lifts it: the hidden admin corner's long
 * press. (A fixed hold can come out shorter than the corner's 5 s on a busy CPU, where the
 * pointerdown is handled late: the corner then takes it for a tap, which starts a visit.)
 */
export async function holdUntilVisible(cdp: CDPSession, x: number, y: number, answer: Locator): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
  await expect.poll(() => answer.isVisible(), { timeout: 60_000, interval: 250 }).toBe(true);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

export interface MemoryFigures {
  /** JS heap in use after a full garbage collection, bytes. */
  heapUsed: number;
  textures: number;
  geometries: number;
  nodes: number;
  listeners: number;
}

/** Collects garbage, then reads the JS heap (CDP), the renderer's GPU objects and the DOM counters. */
export async function memoryFigures(page: Page, cdp: CDPSession): Promise<MemoryFigures> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const gpu = await page.evaluate(() => window.__exhibit?.memory() ?? { textures: -1, geometries: -1 });
  return {
    heapUsed: heap.usedSize,
    textures: gpu.textures,
    geometries: gpu.geometries,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
  };
}

export async function panelPoint(page: Page, id: string): Promise<{ x: number; y: number; ndc: [number, number, number] }> {
  const point = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId) ?? null, id);
  if (!point) throw new Error(`panel ${id} is not in the scene`);
  return point;
}

const poseKey = (page: Page) =>
  page.evaluate(() => {
    const pose = window.__exhibit?.pose();
    return pose ? [...pose.position, pose.yaw].map((value) => value.toFixed(3)).join(' ') : '';
  });

/**
 * Does `action` (a tap that sends the camera somewhere), waits until the camera has begun to move,
 * then until it has settled. On CPU WebGL the first frame of a glide can come seconds after the
 * tap, so "no frames for a while" right after it does not yet mean "arrived".
 */
export async function afterGlide(page: Page, action: () => Promise<unknown>, timeout = 60_000): Promise<void> {
  const before = await poseKey(page);
  await action();
  await expect.poll(() => poseKey(page), { timeout, interval: 200 }).not.toBe(before);
  await waitForStillness(page);
}

/** Waits until the camera stands at the entrance (a cut is drawn with the next frame) and is still. */
export async function atEntrance(page: Page, timeout = 60_000): Promise<void> {
  await expect
    .poll(async () => (await page.evaluate(() => window.__exhibit?.pose()))?.position[2] ?? -99, { timeout })
    .toBeGreaterThan(-1.5);
  await waitForStillness(page);
}
