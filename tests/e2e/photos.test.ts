/**
 * A hundred photos, end to end: a generated pack of 100 panels, each with its own raster photo,
 * is run through the photo build and shown by the built site (its content, photos and generated
 * sizes served in place of the shipped ones). The visitor walks from the first board to the last;
 * GPU texture memory must stay bounded all the way, while the photos near the visitor do load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildPhotosResult, buildPhotos } from '../../src/build/photos.ts';
import { NEAR_BOARDS, TEXT_BOARDS } from '../../src/layout/queries.ts';
import { colourFor, type PackPanel, writeContent, writePhoto } from '../support/photoPack.ts';
import {
  launchBrowser,
  type PageWatch,
  type StaticServer,
  serveStatic,
  waitForExhibit,
  waitForStillness,
  watchPage,
} from './harness.ts';

const PHOTOS = 100;
const MISSING = 'photos/not-supplied.jpg';
/**
 * Textures that are not photos: the corridor's baked textures (wall, floor, glow, board faces and
 * headers: 8 in `corridorMaterials.ts`) and troika's glyph atlas, with room to spare for a few more
 * of either. (The text batches' data textures are counted apart.)
 */
const NON_PHOTO_TEXTURES = 14;
/**
 * Boards passed between two stops. The camera needs a few seconds to settle after each glide on
 * CPU WebGL, so stopping at every one of the 101 boards would take many minutes; every fifth board
 * is 6 m of corridor, well inside the 14 m load radius (a longer stride let a glide, drawn in few
 * frames on the CPU, skip past boards without ever counting them near), and the page records the
 * texture count every 100 ms in between, so no peak goes unseen.
 */
const STRIDE = 5;
/**
 * Stops reached by gliding: half the corridor. After them the walk asks for reduced motion, so the
 * camera cuts to each stop. A glide costs the CPU about 5 s of drawing; what only a glide shows is
 * the textures of the boards seen on the way (a camera that cuts faces one board and uploads few),
 * uploaded and let go again as the corridor goes by, which half the walk shows as well as all of
 * it. The cuts take the walk on to the far end, each stop changing the neighbourhood by a whole
 * stride at once.
 */
const GLIDING_STOPS = 10;
/** At most this many boards hold a photo at once (the streaming cap), whatever the number of photos. */
const TEXTURE_BOUND = NON_PHOTO_TEXTURES + NEAR_BOARDS.maxBoards;

let packDir: string;
let built: BuildPhotosResult;
let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: PageWatch;
const notFound: string[] = [];

const photoId = (index: number) => `photo-${String(index).padStart(3, '0')}`;

beforeAll(async () => {
  packDir = mkdtempSync(join(tmpdir(), 'photo-pack-'));
  const panels: PackPanel[] = [];
  for (let index = 1; index <= PHOTOS; index++) {
    // Landscape JPEGs, some portrait, some PNG screenshots: every one a different picture. Most
    // are 640 px on their long side (one card size: the build encodes each photo 5 times, and a
    // hundred of them cost the CPU the e2e suite shares); every tenth is 900 px, which the build
    // also makes at the card's 640 (8 encodes), so the walk meets photos of several sizes.
    const portrait = index % 5 === 0;
    const png = index % 4 === 0;
    const long = index % 10 === 0 ? 900 : 640;
    const short = Math.round((long * 2) / 3);
    const src = `photos/p${String(index).padStart(3, '0')}.${png ? 'png' : 'jpg'}`;
    await writePhoto(join(packDir, src), {
      width: portrait ? short : long,
      height: portrait ? long : short,
      format: png ? 'png' : 'jpeg',
      colour: colourFor(index),
    });
    panels.push({ id: photoId(index), title: `Photo ${index}`, images: [src] });
  }
  // One more board whose photo was never supplied: it must still name its file.
  panels.push({ id: 'photo-missing', title: 'Photo 0', images: [MISSING] });
  await writeContent(packDir, panels, 51);
  const started = Date.now();
  built = await buildPhotos({
    assetsDir: packDir,
    contentDir: join(packDir, 'content'),
    outDir: join(packDir, 'generated/photos'),
  });
  console.info(`[photos e2e] built ${built.processed.length} photos in ${Date.now() - started} ms`);

  server = await serveStatic(undefined, {
    '/content/': join(packDir, 'content'),
    '/photos/': join(packDir, 'photos'),
    '/generated/photos/': join(packDir, 'generated/photos'),
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  watch = watchPage(page, server.url.replace(/\/$/, ''));
  page.on('response', (response) => {
    if (response.status() === 404) notFound.push(new URL(response.url()).pathname);
  });
  await page.goto(server.url);
  await waitForExhibit(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

interface Sample {
  textBatches: number;
  step: number;
  textures: number;
  held: number;
  ready: number;
  near: string[];
}

const sample = async (step: number): Promise<Sample> => {
  const result = await page.evaluate(() => ({ memory: window.__exhibit?.memory(), photos: window.__exhibit?.photos() }));
  if (!result.memory || !result.photos) throw new Error('no test hooks');
  return {
    step,
    // Each board with text set also holds its text batch's small data texture: counted apart.
    textures: result.memory.textures - result.memory.textBatches,
    textBatches: result.memory.textBatches,
    held: result.photos.held,
    ready: result.photos.ready,
    near: result.photos.near,
  };
};

describe('a hundred photos', () => {
  it('built every photo of the pack', () => {
    expect(built.failed).toEqual([]);
    expect(built.processed).toHaveLength(PHOTOS);
  });

  it('holds GPU texture memory under a bound while walking past all of them', async () => {
    await waitForStillness(page);
    // Between samples too: the page itself records the peak every 100 ms.
    await page.evaluate(() => {
      const peak = { textures: 0, held: 0 };
      Object.assign(window, { __peak: peak });
      setInterval(() => {
        const memory = window.__exhibit?.memory();
        peak.textures = Math.max(peak.textures, memory ? memory.textures - memory.textBatches : 0);
        peak.held = Math.max(peak.held, window.__exhibit?.photos().held ?? 0);
      }, 100);
    });
    // The first stops glide (no reduced motion asked for yet).
    expect(await page.evaluate(() => window.__exhibit?.state().reducedMotion)).toBe(false);
    const samples: Sample[] = [await sample(0)];
    const startedAt = Date.now();
    // From the entrance down the corridor to the last board, STRIDE boards at a time.
    let step = 0;
    for (;;) {
      if (step === GLIDING_STOPS) {
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await expect.poll(() => page.evaluate(() => window.__exhibit?.state().reducedMotion)).toBe(true);
      }
      for (let press = 0; press < STRIDE; press++) await page.keyboard.press('n', { delay: 30 });
      step++;
      await waitForStillness(page, 300);
      // Every photo the neighbourhood asked for has arrived (or failed) before the reading, so each
      // stop is read at its fullest, not while its photos are still on the way.
      await expect
        .poll(() => page.evaluate(() => window.__exhibit?.photos()), { timeout: 60_000, interval: 200 })
        .toMatchObject({ loading: 0, queued: 0 });
      samples.push(await sample(step));
      const focus = (await page.evaluate(() => window.__exhibit?.state().focusPanelId)) ?? null;
      if (focus === 'photo-missing' || step > PHOTOS) break;
    }
    const walkMs = Date.now() - startedAt;
    const boards = PHOTOS + 1;
    const peak = (await page.evaluate(() => (window as unknown as { __peak: { textures: number; held: number } }).__peak)) ?? {
      textures: 0,
      held: 0,
    };
    const most = Math.max(...samples.map((entry) => entry.textures), peak.textures);
    const fewest = Math.min(...samples.map((entry) => entry.textures));
    console.info(
      `[photos e2e] ${boards} boards, ${step} stops in ${Math.round(walkMs / 1000)} s; GPU textures: start ${samples[0]?.textures}, ` +
        `min ${fewest}, max ${most} (bound ${TEXTURE_BOUND} = ${NON_PHOTO_TEXTURES} non-photo + ${NEAR_BOARDS.maxBoards} near photos); ` +
        `photos held at most ${Math.max(peak.held, ...samples.map((entry) => entry.held))}, ${PHOTOS} in the pack`,
    );
    console.info(`[photos e2e] textures by step: ${samples.map((entry) => entry.textures).join(' ')}`);

    // The walk reached the far end, past every board.
    expect(step).toBe(Math.ceil(boards / STRIDE));
    // Bounded all the way, far below one texture per photo.
    expect(most).toBeLessThanOrEqual(TEXTURE_BOUND);
    for (const entry of samples) expect(entry.held).toBeLessThanOrEqual(NEAR_BOARDS.maxBoards);
    // Text batches (one per board whose text is set, and the landmarks') follow the neighbourhood too.
    for (const entry of samples) expect(entry.textBatches).toBeLessThanOrEqual(TEXT_BOARDS.maxBoards + 8);
    // The photos near the visitor did load: more textures than at the emptiest moment, and ready photos at every stop.
    expect(most).toBeGreaterThan(fewest);
    for (const entry of samples.slice(1)) expect(entry.ready, `photos ready at step ${entry.step}`).toBeGreaterThan(0);
    // At the far end the boards near the entrance have let go of their photos.
    const last = samples.at(-1) as Sample;
    expect(last.near).toContain(photoId(PHOTOS));
    expect(last.near).not.toContain(photoId(1));
    // Board textures came from the generated WebP files, not the originals.
    const requested = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /\/(generated\/)?photos\//.test(path)),
    );
    expect(requested.filter((path) => path.endsWith('-board.webp')).length).toBeGreaterThanOrEqual(PHOTOS);
    expect(requested.filter((path) => /\/photos\/p\d+\.(jpg|png)$/.test(path))).toEqual([]);
    // CPU WebGL is slow, and slower still when the machine is busy: allow the walk twice its usual time.
  }, 480_000);

  it('shows the card’s photo at a generated size, and names a photo that was never supplied', async () => {
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, photoId(PHOTOS));
    const image = page.getByRole('dialog').locator('figure img');
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth))
      .toBeGreaterThan(0);
    const current = await image.evaluate((element: HTMLImageElement) => new URL(element.currentSrc).pathname);
    expect(current).toMatch(/^\/generated\/photos\/[0-9a-f]{16}-\d+\.(avif|webp)$/);
    expect(await image.getAttribute('width')).toBeTruthy();

    await page.evaluate(() => {
      window.location.hash = '#/panel/photo-missing';
    });
    const missing = page.getByRole('dialog').locator('figure.card-image--missing');
    await expect.poll(() => missing.getAttribute('data-missing')).toContain(MISSING);
    // The only files not found are that photo's; every other error is a real one.
    expect([...new Set(notFound)]).toEqual([`/${MISSING}`]);
    expect(watch.errors.filter((error) => !error.includes('404'))).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
