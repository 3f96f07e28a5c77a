/**
 * The photo build on pictures made on the spot: a 6000×4000 phone JPEG, a PNG screenshot, a photo
 * taken with the camera turned (EXIF orientation 6), a small picture and an SVG; and the build
 * publishing none of the originals.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/build/checkContent.ts';
import { fsContentReader } from '../../src/build/fonts.ts';
import {
  BOARD_MAX_SIDE,
  type BuildPhotosResult,
  buildPhotos,
  cardWidthsFor,
  photoProblems,
  removePhotoOriginals,
} from '../../src/build/photos.ts';
import { exhibitionAssets } from '../../src/build/vitePlugin.ts';
import { loadExhibition } from '../../src/content/load.ts';
import { parsePhotoManifest, type RasterPhoto } from '../../src/content/photoManifest.ts';
import { writeContent, writePhoto } from '../support/photoPack.ts';

let assetsDir: string;
let outDir: string;
let first: BuildPhotosResult;

const build = () => buildPhotos({ assetsDir, contentDir: join(assetsDir, 'content'), outDir });
const file = (url: string) => join(assetsDir, url);
const raster = (result: BuildPhotosResult, src: string) => {
  const entry = result.manifest.photos[src];
  if (!entry || 'vector' in entry) throw new Error(`${src} has no raster entry`);
  return entry as RasterPhoto;
};
/** Every generated file of an entry, as paths under the site root. */
const outputs = (entry: RasterPhoto) => [
  entry.board.webp,
  entry.board.jpg,
  ...entry.card.flatMap((variant) => [variant.avif, variant.webp, variant.jpg]),
];

beforeAll(async () => {
  assetsDir = mkdtempSync(join(tmpdir(), 'photos-test-'));
  outDir = join(assetsDir, 'generated/photos');
  await writePhoto(join(assetsDir, 'photos/phone.jpg'), { width: 6000, height: 4000, format: 'jpeg', colour: '#3a6ea5' });
  await writePhoto(join(assetsDir, 'photos/screenshot.png'), { width: 1440, height: 900, format: 'png', colour: '#a53a6e' });
  await writePhoto(join(assetsDir, 'photos/turned.jpg'), {
    width: 1200,
    height: 800,
    format: 'jpeg',
    colour: '#3aa56e',
    orientation: 6,
  });
  await writePhoto(join(assetsDir, 'photos/small.jpg'), { width: 320, height: 200, format: 'jpeg', colour: '#a5a53a' });
  await writePhoto(join(assetsDir, 'photos/medium.png'), { width: 700, height: 500, format: 'png', colour: '#6e3aa5' });
  cpSync('assets/photos/placeholder-emergency-drill.svg', join(assetsDir, 'photos/drawing.svg'));
  await writeContent(assetsDir, [
    { id: 'phone', title: 'Photo 1', images: ['photos/phone.jpg'] },
    { id: 'screenshot', title: 'Photo 2', images: ['photos/screenshot.png'] },
    { id: 'turned', title: 'Photo 3', images: ['photos/turned.jpg', 'photos/drawing.svg'] },
    { id: 'small', title: 'Photo 4', images: ['photos/small.jpg'] },
    { id: 'medium', title: 'Photo 5', images: ['photos/medium.png', 'photos/not-there.jpg'] },
    // The same photo twice is processed once.
    { id: 'again', title: 'Photo 6', images: ['photos/phone.jpg'] },
  ]);
  first = await build();
}, 120_000);

afterAll(() => {
  rmSync(assetsDir, { recursive: true, force: true });
});

describe('buildPhotos', () => {
  it('processes every raster photo once and records SVGs as they are', () => {
    expect(first.failed).toEqual([]);
    expect(first.processed.sort()).toEqual(
      ['photos/medium.png', 'photos/phone.jpg', 'photos/screenshot.png', 'photos/small.jpg', 'photos/turned.jpg'].sort(),
    );
    expect(first.vector).toEqual(['photos/drawing.svg']);
    expect(first.manifest.photos['photos/drawing.svg']).toEqual({ vector: true, width: 1200, height: 800 });
    // A missing file has no entry (the content check reports it); the page falls back to its src.
    expect(first.manifest.photos['photos/not-there.jpg']).toBeUndefined();
  });

  it('writes a manifest the page accepts, with paths under the site root', async () => {
    const { readFile } = await import('node:fs/promises');
    const onDisk = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    expect(onDisk).toEqual(first.manifest);
    expect(parsePhotoManifest(onDisk)).toEqual(first.manifest);
    for (const url of outputs(raster(first, 'photos/phone.jpg'))) expect(url).toMatch(/^generated\/photos\/[0-9a-f]{16}-/);
  });

  it('turns a 6000×4000 phone photo into a 1024 px board texture and 640/1280/1920 card sizes', async () => {
    const entry = raster(first, 'photos/phone.jpg');
    expect(entry).toMatchObject({ width: 6000, height: 4000 });
    expect(entry.board).toMatchObject({ width: BOARD_MAX_SIDE, height: 683 });
    expect(entry.card.map((variant) => [variant.width, variant.height])).toEqual([
      [640, 427],
      [1280, 853],
      [1920, 1280],
    ]);
    const board = await sharp(file(entry.board.webp)).metadata();
    expect([board.format, board.width, board.height]).toEqual(['webp', 1024, 683]);
    expect((await sharp(file(entry.board.jpg)).metadata()).format).toBe('jpeg');
    for (const variant of entry.card) {
      const avif = await sharp(file(variant.avif)).metadata();
      expect([avif.format, avif.compression, avif.width]).toEqual(['heif', 'av1', variant.width]);
      expect((await sharp(file(variant.webp)).metadata()).format).toBe('webp');
      const jpg = await sharp(file(variant.jpg)).metadata();
      expect([jpg.format, jpg.width, jpg.height]).toEqual(['jpeg', variant.width, variant.height]);
    }
    // Far smaller than the source.
    const sourceBytes = statSync(join(assetsDir, 'photos/phone.jpg')).size;
    for (const url of outputs(entry)) expect(statSync(file(url)).size).toBeLessThan(sourceBytes);
  });

  it('never enlarges: a screenshot and a small picture keep their own width as the widest size', () => {
    const screenshot = raster(first, 'photos/screenshot.png');
    expect(screenshot.board).toMatchObject({ width: 1024, height: 640 });
    expect(screenshot.card.map((variant) => variant.width)).toEqual([640, 1280, 1440]);
    const medium = raster(first, 'photos/medium.png');
    expect(medium.board).toMatchObject({ width: 700, height: 500 });
    expect(medium.card.map((variant) => variant.width)).toEqual([640, 700]);
    const small = raster(first, 'photos/small.jpg');
    expect(small.board).toMatchObject({ width: 320, height: 200 });
    expect(small.card.map((variant) => [variant.width, variant.height])).toEqual([[320, 200]]);
    expect(cardWidthsFor(1920)).toEqual([640, 1280, 1920]);
    expect(cardWidthsFor(5000)).toEqual([640, 1280, 1920]);
    expect(cardWidthsFor(641)).toEqual([640, 641]);
  });

  it('turns an EXIF-rotated photo upright and drops its metadata', async () => {
    const entry = raster(first, 'photos/turned.jpg');
    // Stored 1200×800 with orientation 6: shown 800×1200.
    expect(entry).toMatchObject({ width: 800, height: 1200 });
    expect(entry.board).toMatchObject({ width: 683, height: 1024 });
    const jpg = await sharp(file(entry.board.jpg)).metadata();
    expect([jpg.width, jpg.height]).toEqual([683, 1024]);
    expect(jpg.orientation).toBeUndefined();
    expect(jpg.exif).toBeUndefined();
    // The pale band along the stored top edge is on the right after a quarter turn clockwise.
    const { data, info } = await sharp(file(entry.board.jpg)).raw().toBuffer({ resolveWithObject: true });
    const brightness = (x: number, y: number) => {
      const offset = (y * info.width + x) * info.channels;
      return ((data[offset] ?? 0) + (data[offset + 1] ?? 0) + (data[offset + 2] ?? 0)) / 3;
    };
    const middle = Math.round(info.height / 2);
    expect(brightness(info.width - 20, middle)).toBeGreaterThan(220);
    expect(brightness(20, middle)).toBeLessThan(200);
    expect(brightness(Math.round(info.width / 2), 20)).toBeLessThan(200);
  });

  it('skips unchanged photos on a rebuild, and redoes only a changed one under new URLs', async () => {
    const mtimes = new Map(readdirSync(outDir).map((name) => [name, statSync(join(outDir, name)).mtimeMs]));
    const again = await build();
    expect(again.processed).toEqual([]);
    expect(again.reused).toHaveLength(first.processed.length);
    expect(again.skipped).toBe(true);
    expect(again.manifest).toEqual(first.manifest);
    for (const [name, mtime] of mtimes) expect(statSync(join(outDir, name)).mtimeMs).toBe(mtime);

    // Replace the screenshot with another picture of the same name.
    const before = raster(first, 'photos/screenshot.png');
    await writePhoto(join(assetsDir, 'photos/screenshot.png'), { width: 1000, height: 1000, format: 'png', colour: '#123456' });
    const changed = await build();
    expect(changed.processed).toEqual(['photos/screenshot.png']);
    expect(changed.skipped).toBe(false);
    const after = raster(changed, 'photos/screenshot.png');
    expect(after.hash).not.toBe(before.hash);
    expect(after.board.webp).not.toBe(before.board.webp);
    expect(after.card.map((variant) => variant.width)).toEqual([640, 1000]);
    // The old files are gone; the others are untouched.
    for (const url of outputs(before)) expect(existsSync(file(url))).toBe(false);
    for (const url of outputs(after)) expect(existsSync(file(url))).toBe(true);
    expect(raster(changed, 'photos/phone.jpg')).toEqual(raster(first, 'photos/phone.jpg'));
  }, 60_000);

  it('redoes a photo whose outputs were deleted', async () => {
    const entry = raster(await build(), 'photos/medium.png');
    rmSync(file(entry.board.webp));
    const result = await build();
    expect(result.processed).toEqual(['photos/medium.png']);
    expect(existsSync(file(entry.board.webp))).toBe(true);
  });

  it('reports a file that is not a picture and carries on with the rest', async () => {
    writeFileSync(join(assetsDir, 'photos/small.jpg'), 'not a JPEG at all');
    try {
      const result = await build();
      expect(result.failed.map((failure) => failure.src)).toEqual(['photos/small.jpg']);
      expect(result.manifest.photos['photos/small.jpg']).toBeUndefined();
      expect(result.manifest.photos['photos/phone.jpg']).toBeDefined();
    } finally {
      await writePhoto(join(assetsDir, 'photos/small.jpg'), { width: 320, height: 200, format: 'jpeg', colour: '#a5a53a' });
    }
  });
});

describe('photo content check', () => {
  it('warns about a photo too small to look sharp, naming its file, place and size', async () => {
    const { exhibition } = await loadExhibition(fsContentReader(join(assetsDir, 'content')));
    if (!exhibition) throw new Error('the test content did not load');
    const problems = await photoProblems(exhibition, assetsDir, { panelIndex: (_section, panel) => panel });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      file: 'assets/content/photos-1.json',
      path: 'panels[3].images[0].src',
    });
    expect(problems[0]?.zh).toContain('图片太小（320×200），在展板上会模糊');
    expect(problems[0]?.en).toContain('image too small (320×200)');
  });

  it('is part of checkContent, beside the missing file error', async () => {
    const problems = await checkContent(join(assetsDir, 'content'), assetsDir);
    const small = problems.filter((problem) => problem.zh.startsWith('图片太小'));
    expect(small.map((problem) => [problem.severity, problem.path])).toEqual([['warning', 'panels[3].images[0].src']]);
    const missing = problems.filter((problem) => problem.zh.startsWith('找不到文件'));
    expect(missing.map((problem) => problem.path)).toEqual(['panels[4].images[1].src']);
  });

  it('calls a file that is not a picture an error', async () => {
    writeFileSync(join(assetsDir, 'photos/broken.png'), 'oops');
    await writeContent(assetsDir, [{ id: 'broken', title: 'Photo 7', images: ['photos/broken.png'] }]);
    const problems = await checkContent(join(assetsDir, 'content'), assetsDir);
    expect(problems.filter((problem) => problem.path === 'panels[0].images[0].src')).toMatchObject([
      { severity: 'error', en: expect.stringContaining('cannot read the image "photos/broken.png"') },
    ]);
  });
});

describe('the photos’ originals are never published', () => {
  it('leaves only the generated sizes and the SVGs in a built site', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dangshi-originals-'));
    try {
      const files = [
        'index.html',
        'content/exhibition.json',
        'photos/drill.jpg',
        'photos/Team.PNG',
        'photos/placeholder.svg',
        'photos/2021/camp.webp',
        'photos/2021/phone.heic',
        'generated/photos/drill-640-abc.webp',
        'generated/photos/manifest.json',
      ];
      for (const file of files) {
        mkdirSync(dirname(join(outDir, file)), { recursive: true });
        writeFileSync(join(outDir, file), 'x');
      }
      const plugin = exhibitionAssets();
      (plugin.configResolved as (config: unknown) => void)({ command: 'build', root: outDir, build: { outDir: 'dist' } });
      await (plugin.writeBundle as unknown as (options: { dir: string }) => Promise<void>).call({}, { dir: outDir });
      const left = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? left(join(dir, entry.name)).map((name) => `${entry.name}/${name}`) : [entry.name],
        );
      expect(left(outDir).sort()).toEqual(
        [
          'content/exhibition.json',
          'generated/photos/drill-640-abc.webp',
          'generated/photos/manifest.json',
          'index.html',
          'photos/placeholder.svg',
        ].sort(),
      );
      // Nothing else is touched, and a second pass finds nothing to remove.
      expect(await removePhotoOriginals(outDir)).toEqual([]);
      // Built from the station's content store: the store's own record beside its folders is not published.
      const store = mkdtempSync(join(tmpdir(), 'dangshi-store-'));
      writeFileSync(join(store, 'seed.json'), '{"root":"/home/station/checkout"}');
      writeFileSync(join(outDir, 'seed.json'), '{"root":"/home/station/checkout"}');
      process.env.DANGSHI_ASSETS_DIR = store;
      try {
        await (plugin.writeBundle as unknown as (options: { dir: string }) => Promise<void>).call({}, { dir: outDir });
      } finally {
        delete process.env.DANGSHI_ASSETS_DIR;
        rmSync(store, { recursive: true, force: true });
      }
      expect(existsSync(join(outDir, 'seed.json'))).toBe(false);
      expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
