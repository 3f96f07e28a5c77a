/**
 * Issue 20, the walk's adaptive resolution: is a board still legible at the least ratio a walk
 * draws at? Opens the built site (dist/) at 1280×720 on this machine's CPU rasteriser, stands at a
 * board's viewpoint, and holds W and S together (a walk that goes nowhere: the camera counts as
 * moving, so the walk's ratio applies, but the board stays where a reader stands). Once the ratio
 * has come down to the least, it takes a screenshot; then, released, one at rest (full ratio).
 *
 *   npx vite build && node --import tsx tests/bench/walkLegibility.ts [panel-id]
 *
 * Writes tests/artifacts/walk-least-ratio.png and walk-full-ratio.png (the whole view) and
 * *-board.png (the board's rectangle), and prints the ratios it saw. Look at them: that is the test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, serveStatic, shippedPanels } from '../e2e/harness.ts';

const VIEWPORT = { width: 1280, height: 720 };

async function still(page: Page, timeout = 120_000): Promise<void> {
  const started = Date.now();
  let quietSince = Date.now();
  let frames = -1;
  while (Date.now() - started < timeout) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(() => ({
      frames: window.__exhibit?.frames() ?? 0,
      busy:
        (window.__exhibit?.pose().moving ?? true) ||
        (window.__exhibit?.framesPending() ?? 1) > 0 ||
        (window.__exhibit?.textsPending() ?? 1) > 0,
    }));
    if (now.busy || now.frames !== frames) {
      frames = now.frames;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > 1500) return;
  }
  throw new Error('the scene never came to rest');
}

const panels = await shippedPanels();
const panelId = process.argv[2] ?? panels[1]?.id;
if (!panelId) throw new Error('no panel to look at');
const server = await serveStatic();
// GPU compositing (SwiftShader too), as the benchmark measures.
const browser = await launchBrowser([], { compositing: 'gpu' });
try {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(240_000);
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('exhibit:text-ready').length > 0);
  // The board's link frames it; Esc closes its card and leaves the camera at the viewpoint.
  await page.evaluate((id) => {
    location.hash = `#/panel/${id}`;
  }, panelId);
  await page.waitForFunction(() => [...document.querySelectorAll('[role="dialog"], dialog')].some((e) => e.checkVisibility()));
  await still(page);
  await page.keyboard.press('Escape');
  await still(page);
  const rect = await page.evaluate((id) => window.__exhibit?.boardRect(id), panelId);
  const clip = rect && {
    x: Math.max(0, rect.left),
    y: Math.max(0, rect.top),
    width: Math.min(VIEWPORT.width, rect.right) - Math.max(0, rect.left),
    height: Math.min(VIEWPORT.height, rect.bottom) - Math.max(0, rect.top),
  };
  mkdirSync(ARTIFACTS, { recursive: true });
  const shoot = async (name: string) => {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    if (clip) await page.screenshot({ path: join(ARTIFACTS, `${name}-board.png`), clip });
  };

  await page.keyboard.down('w');
  await page.keyboard.down('s');
  const started = Date.now();
  let quality = await page.evaluate(() => window.__exhibit?.quality());
  while (quality && quality.pixelRatio > quality.leastWalkPixelRatio && Date.now() - started < 20_000) {
    await page.waitForTimeout(200);
    quality = await page.evaluate(() => window.__exhibit?.quality());
  }
  const reachedLeastInMs = Date.now() - started;
  // A few more frames at that ratio, so the one on screen is surely drawn at it.
  await page.waitForTimeout(1000);
  quality = await page.evaluate(() => window.__exhibit?.quality());
  await shoot('walk-least-ratio');
  const walking = quality;
  await page.keyboard.up('s');
  await page.keyboard.up('w');
  await still(page);
  const resting = await page.evaluate(() => window.__exhibit?.quality());
  await shoot('walk-full-ratio');
  console.info(
    JSON.stringify({
      panelId,
      boardRect: clip,
      walking: walking && { pixelRatio: walking.pixelRatio, least: walking.leastWalkPixelRatio, full: walking.fullPixelRatio },
      reachedLeastInMs,
      resting: resting && { pixelRatio: resting.pixelRatio },
      written: ['walk-least-ratio', 'walk-full-ratio'].flatMap((name) =>
        [`${name}.png`, `${name}-board.png`].map((file) => join(ARTIFACTS, file)),
      ),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
