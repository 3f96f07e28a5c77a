/**
 * Where the camera goes, judged by its whole path on the built site: a board opened from afar
 * (a click from the entrance, a search result's #/panel link) glides there turning the short way
 * round, with no spin; the year scrubber's readout follows the visitor's place on the timeline;
 * walking into a board or pushing against the far wall stops the visitor a reading distance from
 * its letters.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExhibition } from '../../src/content/load.ts';
import { cardRegion } from '../../src/layout/cardRegion.ts';
import { type CorridorLayout, DEFAULT_DIMENSIONS, layoutCorridor } from '../../src/layout/corridor.ts';
import { boardById, yawPitchTowards } from '../../src/layout/queries.ts';
import { openVisit, type PageWatch, ROOT, saveArtifact, type Visit, waitForStillness } from './harness.ts';

const VIEWPORT = { width: 1280, height: 720 };
/** Radians a glide may turn beyond the shortest angle (rounding, the pitch's own small motion). */
const TURN_TOLERANCE = 0.02;
/**
 * A glide comes to rest within this many drawn frames: about 4 s at 60 fps, and far more than the
 * ~30 frames it takes when every frame advances it by the rig's 0.1 s cap (CPU WebGL). The spinning
 * rig needed over 400 even at that cap.
 */
const MAX_GLIDE_FRAMES = 250;
/** A glide on CPU WebGL: dozens of frames, each up to a second or more on a busy machine. */
const GLIDE = { timeout: 200_000, interval: 250 };

let visit: Visit;
let page: Page;
let watch: PageWatch;
let layout: CorridorLayout;

const pose = async () => {
  const value = await page.evaluate(() => window.__exhibit?.pose());
  if (!value) throw new Error('no pose');
  return value;
};
/** How far along the corridor the camera stands (z, m; −z is deeper in). */
const standingZ = async () => (await pose()).position[2] ?? Number.NaN;

/** The turn from one yaw to another the short way round (radians, 0…π). */
const shortestTurn = (from: number, to: number) => Math.abs(Math.atan2(Math.sin(to - from), Math.cos(to - from)));

/** Yaw the camera ends with at a board: looking from its viewpoint at its face. */
function boardYaw(panelId: string): number {
  const board = boardById(layout, panelId);
  if (!board) throw new Error(`no board ${panelId}`);
  return yawPitchTowards(board.viewpoint.position, board.viewpoint.target).yaw;
}

/** Starts recording the camera's yaw at every animation frame (and how many frames were drawn). */
async function startYawTrace(): Promise<void> {
  await page.evaluate(() => {
    const trace: Array<{ yaw: number; frame: number; moving: boolean }> = [];
    const holder = window as unknown as { __yawTrace?: typeof trace };
    holder.__yawTrace = trace;
    const tick = () => {
      const hooks = window.__exhibit;
      if (hooks) {
        const { yaw, moving } = hooks.pose();
        trace.push({ yaw, frame: hooks.frames(), moving });
      }
      if (holder.__yawTrace === trace) requestAnimationFrame(tick);
    };
    tick();
  });
}

interface GlideSummary {
  /** Sum of |Δyaw| over the path. */
  turned: number;
  /** Frames drawn from the start of the trace to the first sample at rest after moving. */
  frames: number | null;
  lastYaw: number;
}

async function yawTrace(): Promise<GlideSummary> {
  const trace = await page.evaluate(
    () => (window as unknown as { __yawTrace?: Array<{ yaw: number; frame: number; moving: boolean }> }).__yawTrace ?? [],
  );
  let turned = 0;
  let started = false;
  let frames: number | null = null;
  for (let i = 1; i < trace.length; i++) {
    const [previous, sample] = [trace[i - 1], trace[i]];
    if (!previous || !sample) continue;
    turned += Math.abs(sample.yaw - previous.yaw);
    if (sample.moving) started = true;
    else if (started && frames === null) frames = sample.frame - (trace[0]?.frame ?? 0);
  }
  return { turned, frames, lastYaw: trace.at(-1)?.yaw ?? Number.NaN };
}

async function stopYawTrace(): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __yawTrace?: unknown }).__yawTrace = undefined;
  });
}

/**
 * Follows a glide to the end (or until it has plainly turned too far, so a spinning rig fails at
 * once instead of after minutes) and checks its path: no more turn than the shortest angle.
 */
async function expectShortGlide(fromYaw: number, panelId: string, screenshot: string): Promise<void> {
  const toYaw = boardYaw(panelId);
  const limit = shortestTurn(fromYaw, toYaw) + TURN_TOLERANCE;
  const started = Date.now();
  await expect
    .poll(async () => {
      const summary = await yawTrace();
      return summary.frames !== null || summary.turned > limit;
    }, GLIDE)
    .toBe(true);
  // A spinning rig fails here at once, not after minutes of whirling.
  expect((await yawTrace()).turned).toBeLessThanOrEqual(limit);
  await waitForStillness(page);
  const seconds = (Date.now() - started) / 1000;
  const summary = await yawTrace();
  await stopYawTrace();
  console.info(
    `glide to ${panelId}: turned ${summary.turned.toFixed(3)} rad (shortest ${(limit - TURN_TOLERANCE).toFixed(3)}), ${summary.frames} frames, ${seconds.toFixed(0)} s to rest`,
  );
  expect(summary.turned).toBeLessThanOrEqual(limit);
  expect(summary.frames).not.toBeNull();
  expect(summary.frames ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(MAX_GLIDE_FRAMES);
  // It rests facing the board, and the board stands in the middle of the part the card leaves.
  expect(shortestTurn((await pose()).yaw, toYaw)).toBeLessThan(1e-3);
  const region = cardRegion(VIEWPORT.width, VIEWPORT.height);
  if (region.kind !== 'side') throw new Error('a desktop screen has a side card');
  const onScreen = await page.evaluate((id) => window.__exhibit?.projectPanel(id), panelId);
  expect(onScreen?.ndc[0]).toBeCloseTo(-region.cardWidth / VIEWPORT.width, 1);
  expect(Math.abs(onScreen?.ndc[1] ?? 9)).toBeLessThan(0.5);
  await saveArtifact(screenshot, await page.screenshot({ timeout: 120_000 }));
}

/**
 * With a walking key held: waits until the visitor has stopped, then keeps pushing — at least
 * 3 s and 12 drawn frames without a step forward.
 */
async function pushUntilStopped(): Promise<void> {
  let last: number[] = [];
  let framesAtLastStep = 0;
  let timeAtLastStep = Date.now();
  await expect
    .poll(
      async () => {
        const [{ position }, frames] = await Promise.all([pose(), page.evaluate(() => window.__exhibit?.frames() ?? 0)]);
        // A step is centimetres at the least; rounding in a heading of "0" drifts by 1e-17 m.
        if (position.some((value, i) => Math.abs(value - (last[i] ?? Number.NaN)) > 1e-6 || last[i] === undefined)) {
          last = position;
          framesAtLastStep = frames;
          timeAtLastStep = Date.now();
        }
        return frames - framesAtLastStep >= 12 && Date.now() - timeAtLastStep >= 3000;
      },
      { timeout: 400_000, interval: 500 },
    )
    .toBe(true);
}

/** A walk down the corridor and a push at its end: a hundred frames of CPU WebGL on a busy machine. */
const LONG_WALK_MS = 600_000;

beforeAll(async () => {
  const { exhibition } = await loadExhibition((name) => readFile(join(ROOT, 'assets/content', name), 'utf8'));
  if (!exhibition) throw new Error('the shipped content did not load');
  layout = layoutCorridor(exhibition);
  visit = await openVisit({ viewport: VIEWPORT });
  ({ page, watch } = visit);
  await waitForStillness(page);
});

afterAll(() => visit?.close());

const slider = () => page.getByRole('slider', { name: /百年党史/ });
const readout = () => page.locator('output.year-scrubber__value');

describe('a board opened from afar', () => {
  it('from the entrance, a click on the 1921 board glides there turning the short way, and settles', async () => {
    const start = await pose();
    expect(start.position[2]).toBeGreaterThan(-1.5); // at the entrance
    const target = await page.evaluate(() => window.__exhibit?.projectPanel('cpc-founding-1921'));
    if (!target) throw new Error('the 1921 board is not in the scene');
    for (const value of target.ndc.slice(0, 2)) expect(Math.abs(value)).toBeLessThan(1);
    await startYawTrace();
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await expectShortGlide(start.yaw, 'cpc-founding-1921', 'glide-1921-card.png');
  });

  it('a #/panel link (as a search result opens it) glides to a board on the same wall with no turn at all', async () => {
    const start = await pose();
    await startYawTrace();
    await page.evaluate(() => {
      window.location.hash = '#/panel/prc-founding-1949';
    });
    await expectShortGlide(start.yaw, 'prc-founding-1949', 'glide-1949-card.png');
  });
});

describe('beside the 1949 board', () => {
  it('the year scrubber says 1949, with the slider there, reached without the scrubber', async () => {
    await expect.poll(() => readout().textContent()).toBe('1949年 · 中华人民共和国成立');
    expect(await slider().inputValue()).toBe('1949');
    expect(await slider().getAttribute('aria-valuetext')).toBe('1949年 · 中华人民共和国成立');
    // Closing the card leaves the visitor where they stand: still 1949.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    expect(await slider().inputValue()).toBe('1949');
  });

  it(
    'walking into the board stops a reading distance from it, the whole board in view',
    async () => {
      const board = boardById(layout, 'prc-founding-1949');
      if (!board) throw new Error('no 1949 board');
      await page.keyboard.down('w');
      await pushUntilStopped();
      await page.keyboard.up('w');
      await waitForStillness(page);
      const x = (await pose()).position[0] ?? Number.NaN;
      expect(x).toBeCloseTo(layout.walkBounds.maxX, 3);
      expect(Math.abs(board.position[0] - x)).toBeGreaterThanOrEqual(DEFAULT_DIMENSIONS.boardReadingDistance - 1e-6);
      // Both side edges of the board's face are on screen.
      const edges = await page.evaluate(
        ({ x: bx, y, z, half }) => [
          window.__exhibit?.projectPoint([bx, y, z - half]),
          window.__exhibit?.projectPoint([bx, y, z + half]),
        ],
        { x: board.position[0], y: board.position[1], z: board.position[2], half: board.width / 2 - 0.02 },
      );
      for (const edge of edges) expect(Math.abs(edge?.ndc[0] ?? 9)).toBeLessThanOrEqual(1);
      await saveArtifact('side-wall-pushed.png', await page.screenshot({ timeout: 120_000 }));
    },
    LONG_WALK_MS,
  );
});

describe('the year scrubber readout, walking on', () => {
  it('follows the walk: a few steps on, the years have moved on', async () => {
    const before = Number(await slider().inputValue());
    // Turn to look down the corridor, then walk on past the next boards.
    await page.keyboard.down('ArrowLeft');
    await expect.poll(async () => (await pose()).yaw, { timeout: 30_000 }).toBeGreaterThan(-0.2);
    await page.keyboard.up('ArrowLeft');
    const z = await standingZ();
    await page.keyboard.down('w');
    await expect.poll(standingZ, { timeout: 60_000 }).toBeLessThan(z - 4);
    await page.keyboard.up('w');
    await waitForStillness(page);
    await expect.poll(async () => Number(await slider().inputValue())).toBeGreaterThan(before);
  });

  it('back at the entrance, before the first board, it stands at the timeline’s first year', async () => {
    await page.getByRole('button', { name: /展厅目录/ }).click();
    await page.getByRole('link', { name: '回到入口' }).click();
    await expect.poll(standingZ, GLIDE).toBeGreaterThan(-1.5);
    await waitForStillness(page);
    await expect.poll(() => slider().inputValue()).toBe('1921');
    expect(await readout().textContent()).toMatch(/^1921年/);
  });
});

describe('the far wall', () => {
  it(
    'stops the visitor a reading distance from its lettering, however long they push',
    async () => {
      await page.locator('.floor-plan__legend button[data-section-id="members"]').click();
      const members = layout.sections.find((section) => section.sectionId === 'members');
      await expect.poll(standingZ, GLIDE).toBeLessThan((members?.startZ ?? 0) + 0.1);
      await waitForStillness(page);
      expect(Math.abs((await pose()).yaw)).toBeLessThan(1e-3); // looking down the corridor at the far wall
      await page.keyboard.down('w');
      await pushUntilStopped();
      await page.keyboard.up('w');
      await waitForStillness(page);
      const atWall = await standingZ();
      expect(atWall - layout.endZ).toBeGreaterThanOrEqual(DEFAULT_DIMENSIONS.wallTextDistance - 1e-6);
      expect(atWall).toBeCloseTo(layout.bounds.minZ, 3);
      await saveArtifact('far-wall-pushed.png', await page.screenshot({ timeout: 120_000 }));
    },
    LONG_WALK_MS,
  );

  it('said nothing wrong on the way', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
