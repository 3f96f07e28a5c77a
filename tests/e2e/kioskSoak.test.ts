/**
 * A soak of the lobby kiosk: visit after visit with real touches (start, tap a board, its card
 * opens, then nobody touches it until the reset), while the JS heap (after forced garbage
 * collection), the renderer's GPU objects and the DOM stay flat.
 *
 *   npm run test:soak                       500 cycles (the default; not part of `npm test`)
 *   SOAK_CYCLES=50 npm run test:soak        any other count
 *
 * Needs a build (`npx vite build`). SOAK_IDLE sets the kiosk's idle seconds (default 12: a 6 s
 * warning after 6 s); the figures are printed as the soak goes.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type StaticServer, serveStatic, shippedPanels, waitForExhibit, watchPage } from './harness.ts';
import {
  atEntrance,
  copySite,
  kioskState,
  type MemoryFigures,
  memoryFigures,
  type SiteCopy,
  touchContext,
  waitForKiosk,
} from './kioskSupport.ts';

const CYCLES = Math.max(1, Number(process.env.SOAK_CYCLES ?? 500));
const IDLE = Math.max(2, Number(process.env.SOAK_IDLE ?? 12));
/**
 * The soak's screen, `SOAK_VIEWPORT=WIDTHxHEIGHT` (default 960x540, the kiosk's 16:9 at a quarter
 * fewer pixels than the e2e tests' 1280x720): on CPU WebGL every frame costs in proportion to its
 * pixels, and what leaks does not depend on the size of the screen.
 */
const [SOAK_WIDTH, SOAK_HEIGHT] = (process.env.SOAK_VIEWPORT ?? '960x540').split('x').map(Number);
const VIEWPORT = { width: SOAK_WIDTH || 960, height: SOAK_HEIGHT || 540 };
/**
 * Cycles before the baseline is taken: shader programs, text atlases, the JIT's code and inline
 * caches settle first (the heap grows by a few hundred KB over the first two dozen cycles, then
 * stays put).
 */
const WARM_UP = Math.min(CYCLES - 1, Math.max(2, Math.min(25, Math.floor(CYCLES / 20))));
/** How much the JS heap may grow from the baseline to the end, bytes. */
const HEAP_BOUND = 4 * 1024 * 1024;

let site: SiteCopy;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;

const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const row = (label: string, figures: MemoryFigures) =>
  `${label.padEnd(10)} heap ${MB(figures.heapUsed).padStart(7)} MB · textures ${String(figures.textures).padStart(3)} · geometries ${String(
    figures.geometries,
  ).padStart(3)} · DOM nodes ${String(figures.nodes).padStart(5)} · listeners ${String(figures.listeners).padStart(4)}`;

beforeAll(async () => {
  // A private copy of the build: a rebuild of dist/ during a long soak must not reach the kiosk
  // (its service worker would take the new version at a reset and reload).
  site = await copySite({});
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
  context = await touchContext(browser, VIEWPORT);
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  await page.goto(`${server.url}?mode=kiosk&idle=${IDLE}`);
  await waitForExhibit(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

/** The boards a visitor at the entrance can see and tap, in exhibition order. */
function boardsInView(ids: string[]): Promise<Array<{ id: string; x: number; y: number }>> {
  return page.evaluate((candidates) => {
    const out: Array<{ id: string; x: number; y: number }> = [];
    for (const id of candidates) {
      const point = window.__exhibit?.projectPanel(id);
      const [x, y, z] = point?.ndc ?? [9, 9, 9];
      // On screen, not behind a HUD bar, in front of the camera.
      if (point && Math.abs(x) < 0.85 && Math.abs(y) < 0.6 && z < 1) out.push({ id, x: point.x, y: point.y });
    }
    return out;
  }, ids);
}

describe(`kiosk soak: ${CYCLES} visit cycles`, () => {
  it(
    'stays flat: JS heap, GPU objects and DOM after every reset',
    async () => {
      const watch = watchPage(page, server.url.replace(/\/$/, ''));
      // The nearest board on each wall: seen from the entrance, nothing stands in front of them.
      const nearEntrance = (await shippedPanels()).slice(0, 2).map((panel) => panel.id);
      await waitForKiosk(page, (state) => state.phase === 'attract');

      const figures: MemoryFigures[] = [];
      let retries = 0;
      let baseline: MemoryFigures | null = null;
      const every = Math.max(1, Math.round(CYCLES / 20));
      const started = Date.now();
      console.info(`[soak] ${CYCLES} cycles, idle ${IDLE} s`);
      console.info(row('start', await memoryFigures(page, cdp)));

      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        // 1. A touch on the attract screen starts a visit at the entrance.
        await page.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height * 0.45);
        await waitForKiosk(page, (state) => state.phase === 'visit');
        await atEntrance(page);
        // 2. Tap one of the boards in view (left and right in turn); 3. its card opens. On a
        // busy CPU the warning can come up first: then the visitor answers it and taps again.
        let opened: string | null = null;
        for (let attempt = 0; attempt < 3 && !opened; attempt++) {
          if (attempt > 0) retries++;
          if ((await kioskState(page)).warning !== null) {
            // (It may be gone by now: the kiosk reset while we looked.)
            await page
              .getByTestId('kiosk-warning')
              .getByRole('button')
              .tap({ timeout: 5000 })
              .catch(() => undefined);
          }
          const state = await kioskState(page);
          if (state.phase === 'attract') {
            await page.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height * 0.45);
            await waitForKiosk(page, (next) => next.phase === 'visit');
          }
          await atEntrance(page);
          const boards = await boardsInView(nearEntrance);
          expect(boards.length, 'boards in view from the entrance').toBeGreaterThan(0);
          const board = boards[cycle % boards.length] as (typeof boards)[number];
          await page.touchscreen.tap(board.x, board.y);
          await expect
            .poll(() => page.evaluate(() => window.__exhibit?.state().openPanelId ?? null), { timeout: 10_000 })
            .toBe(board.id)
            .then(
              () => {
                opened = board.id;
              },
              () => undefined,
            );
        }
        expect(opened, 'a tapped board opened its card').not.toBeNull();
        const resetsAtOpen = (await kioskState(page)).resets;
        expect(await page.getByRole('dialog').count()).toBe(1);
        // 4. Nobody touches it: warning, then the reset back to the attract loop.
        const reset = await waitForKiosk(page, (state) => state.resets > resetsAtOpen, (IDLE + 60) * 1000);
        expect(reset.phase).toBe('attract');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
        expect(await page.evaluate(() => window.__exhibit?.state())).toMatchObject({ openPanelId: null, lang: 'zh' });
        await atEntrance(page);

        const now = await memoryFigures(page, cdp);
        figures.push(now);
        if (cycle === WARM_UP + 1 || (CYCLES === 1 && cycle === 1)) baseline = now;
        if (cycle % every === 0 || cycle === CYCLES || cycle === WARM_UP + 1) {
          const perCycle = ((Date.now() - started) / cycle / 1000).toFixed(1);
          console.info(row(`cycle ${cycle}`, now), `· ${perCycle} s/cycle`);
        }
      }

      const first = baseline as MemoryFigures;
      const last = figures[figures.length - 1] as MemoryFigures;
      const peak = Math.max(...figures.slice(WARM_UP).map((figure) => figure.heapUsed));
      console.info(row('baseline', first));
      console.info(row('end', last));
      const span = Math.max(1, CYCLES - WARM_UP - 1);
      console.info(
        `[soak] heap growth ${MB(last.heapUsed - first.heapUsed)} MB (peak ${MB(peak)} MB) from cycle ${WARM_UP + 1} to ${CYCLES} ` +
          `(${Math.round((last.heapUsed - first.heapUsed) / span)} bytes/cycle); ` +
          `taps repeated after a warning: ${retries}; visits recorded: ${Object.values((await page.evaluate(() => window.__kiosk?.stats()))?.days ?? {}).reduce((sum, day) => sum + day.visits, 0)}`,
      );

      expect(last.heapUsed - first.heapUsed).toBeLessThan(HEAP_BOUND);
      expect(Math.abs(last.textures - first.textures)).toBeLessThanOrEqual(2);
      expect(Math.abs(last.geometries - first.geometries)).toBeLessThanOrEqual(2);
      expect(last.nodes - first.nodes).toBeLessThan(300);
      expect(last.listeners - first.listeners).toBeLessThan(30);
      expect(watch.errors).toEqual([]);
      expect(watch.offOrigin).toEqual([]);
    },
    CYCLES * 90_000 + 240_000,
  );
});
