/**
 * Turns the photos the content references into what the page can afford to load. A phone photo is
 * 6000×4000 pixels and several megabytes; a board shows it about 0.9 m wide and the card at most
 * 560 CSS pixels (1120 device pixels on a high-density screen). So, for every raster image:
 *
 * - a **board texture**, longest side at most 1024 px, as WebP with a JPEG fallback;
 * - **card sizes** 640, 1280 and 1920 px wide (never wider than the original) as AVIF, WebP and a
 *   JPEG fallback, for the card's `<picture>`.
 *
 * Each is turned upright by its EXIF orientation, converted to sRGB and stripped of metadata
 * (phone photos carry GPS positions). Files are named by a hash of the source, so a changed photo
 * gets new URLs and an unchanged one is not processed again. SVGs are used as they are; an
 * animated GIF or a multi-page TIFF gives its first frame; transparency is flattened onto white.
 * `manifest.json` records what exists; see `src/content/photoManifest.ts` for its shape.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { CONTENT_DIR_LABEL, loadExhibition } from '../content/load.ts';
import {
  type CardVariant,
  PHOTO_MANIFEST_VERSION,
  type PhotoEntry,
  type PhotoManifest,
  parsePhotoManifest,
  type RasterPhoto,
} from '../content/photoManifest.ts';
import { type ContentProblem, formatJsonPath } from '../content/problems.ts';
import type { Exhibition } from '../content/schema.ts';
import { writeAtomic } from './atomicWrite.ts';
import { fsContentReader } from './fonts.ts';

/** Bump when the output changes for the same source (sizes, formats, quality): every photo is redone. */
const OUTPUT_FORMAT = 1;
export const PHOTOS_MANIFEST = 'manifest.json';
/** Longest side of a board texture. A board shows a photo about 0.9 m wide; 1024 px is sharp from a step away. */
export const BOARD_MAX_SIDE = 1024;
/** Card widths: the card is 560 CSS px at most, so 640 / 1280 cover 1× and 2× screens, 1920 a full-width phone at 3×. */
export const CARD_WIDTHS: readonly number[] = [640, 1280, 1920];
/** Below this on the long side a photo looks blurry on a board (the content check warns). */
export const SMALL_IMAGE_MIN_SIDE = 400;
export const RASTER_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff'];

const QUALITY = { jpg: 82, webp: 80, avif: 52 } as const;
/** libaom's speed/size trade-off: effort 2 encodes about ten times faster than the default 4 for ~5 % more bytes. */
const AVIF_EFFORT = 2;
/** A flattened transparent PNG sits on the board's paper colour, not on black. */
const FLATTEN_BACKGROUND = '#ffffff';

export type PhotoKind = 'raster' | 'vector' | 'other';

export function photoKind(src: string): PhotoKind {
  const extension = extname(src).toLowerCase();
  if (extension === '.svg') return 'vector';
  return RASTER_EXTENSIONS.includes(extension) ? 'raster' : 'other';
}

export interface BuildPhotosOptions {
  /** The site root the content's `src` paths are relative to (`assets`). */
  assetsDir: string;
  /** The content folder (`assets/content`). */
  contentDir: string;
  /** Where the generated files and `manifest.json` go (`assets/generated/photos`). */
  outDir: string;
  /** `outDir` as seen from the site root; by default its path relative to `assetsDir`. */
  publicPath?: string;
}

export interface BuildPhotosResult {
  manifest: PhotoManifest;
  /** Raster sources processed by this run. */
  processed: string[];
  /** Raster sources whose outputs were already there. */
  reused: string[];
  /** SVGs recorded as they are. */
  vector: string[];
  /** Sources that could not be read or converted (the page falls back to the original file). */
  failed: Array<{ src: string; error: string }>;
  /** True when nothing was written at all. */
  skipped: boolean;
}

/** Every image `src` of the content, each once, in corridor order. */
export function contentImageSources(exhibition: Exhibition): string[] {
  const sources = exhibition.sections.flatMap((section) =>
    section.panels.flatMap((panel) => panel.images.map((image) => image.src)),
  );
  return [...new Set(sources)];
}

/** The card widths for a photo of this width: never wider than the photo itself. */
export function cardWidthsFor(width: number): number[] {
  const widths = CARD_WIDTHS.filter((candidate) => candidate < width);
  const widest = Math.min(width, CARD_WIDTHS[CARD_WIDTHS.length - 1] as number);
  if (!widths.includes(widest)) widths.push(widest);
  return widths;
}

function sourceHash(data: Uint8Array): string {
  const settings = JSON.stringify({ OUTPUT_FORMAT, BOARD_MAX_SIDE, CARD_WIDTHS, QUALITY, AVIF_EFFORT, FLATTEN_BACKGROUND });
  return createHash('sha256').update(settings).update('\n').update(data).digest('hex').slice(0, 16);
}

async function readManifest(outDir: string): Promise<PhotoManifest | null> {
  try {
    return parsePhotoManifest(JSON.parse(await readFile(join(outDir, PHOTOS_MANIFEST), 'utf8')));
  } catch {
    return null;
  }
}

/** Every generated file an entry names, as paths relative to the site root. */
function entryFiles(entry: PhotoEntry): string[] {
  if ('vector' in entry) return [];
  return [entry.board.webp, entry.board.jpg, ...entry.card.flatMap((variant) => [variant.avif, variant.webp, variant.jpg])];
}

/** The file name of a generated file's URL, when the URL is in `outDir` as served now. */
function outputName(url: string, urlPrefix: string): string | null {
  const name = url.slice(urlPrefix.length + 1);
  return url.startsWith(`${urlPrefix}/`) && name === basename(url) ? name : null;
}

/** The size of an image as shown, i.e. after its EXIF orientation is applied. */
function orientedSize(metadata: Metadata): { width: number; height: number } {
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  return (metadata.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

/**
 * Decodes, turns upright, converts to sRGB and scales down to the widest card size once, as raw
 * pixels; every output is encoded from that. A 6000×4000 JPEG is decoded only once (and at a
 * reduced scale, thanks to JPEG shrink-on-load), so memory stays around 10 MB per photo.
 */
async function uprightPixels(data: Uint8Array): Promise<{ pixels: Buffer; width: number; height: number; original: Metadata }> {
  const original = await sharp(data, { failOn: 'error' }).metadata();
  const { data: pixels, info } = await sharp(data, { failOn: 'error' })
    .rotate()
    .resize({ width: CARD_WIDTHS[CARD_WIDTHS.length - 1], withoutEnlargement: true })
    .flatten({ background: FLATTEN_BACKGROUND })
    .toColourspace('srgb')
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`unexpected ${info.channels} channels after conversion`);
  return { pixels, width: info.width, height: info.height, original };
}

async function processRaster(data: Uint8Array, hash: string, outDir: string, publicPath: string): Promise<RasterPhoto> {
  const upright = await uprightPixels(data);
  const { width, height } = orientedSize(upright.original);
  const raw = () => sharp(upright.pixels, { raw: { width: upright.width, height: upright.height, channels: 3 } });
  const write = async (name: string, image: Sharp) => {
    const { data: bytes, info } = await image.toBuffer({ resolveWithObject: true });
    await writeAtomic(join(outDir, name), bytes);
    return { url: `${publicPath}/${name}`, width: info.width, height: info.height };
  };

  const fitBoard = () => raw().resize({ width: BOARD_MAX_SIDE, height: BOARD_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const [boardWebp, boardJpg] = await Promise.all([
    write(`${hash}-board.webp`, fitBoard().webp({ quality: QUALITY.webp })),
    write(`${hash}-board.jpg`, fitBoard().jpeg({ quality: QUALITY.jpg, mozjpeg: true })),
  ]);

  const card: CardVariant[] = [];
  // One width at a time: AVIF encoding is the costly part and already uses several threads.
  for (const cardWidth of cardWidthsFor(upright.width)) {
    const sized = () => raw().resize({ width: cardWidth, withoutEnlargement: true });
    const [avif, webp, jpg] = await Promise.all([
      write(`${hash}-${cardWidth}.avif`, sized().avif({ quality: QUALITY.avif, effort: AVIF_EFFORT })),
      write(`${hash}-${cardWidth}.webp`, sized().webp({ quality: QUALITY.webp })),
      write(`${hash}-${cardWidth}.jpg`, sized().jpeg({ quality: QUALITY.jpg, mozjpeg: true, progressive: true })),
    ]);
    card.push({ width: jpg.width, height: jpg.height, avif: avif.url, webp: webp.url, jpg: jpg.url });
  }
  return {
    hash,
    width,
    height,
    board: { width: boardJpg.width, height: boardJpg.height, webp: boardWebp.url, jpg: boardJpg.url },
    card,
  };
}

async function vectorSize(path: string): Promise<{ width: number; height: number } | null> {
  try {
    const metadata = await sharp(path).metadata();
    return metadata.width && metadata.height ? { width: metadata.width, height: metadata.height } : null;
  } catch {
    return null;
  }
}

/**
 * Generates the board and card sizes of every raster photo the content references, skipping
 * photos already done, removes outputs no photo uses any more and writes `manifest.json`.
 * Missing files are left to the content check. Photos go one at a time, so memory stays bounded
 * however many there are.
 */
export async function buildPhotos({ assetsDir, contentDir, outDir, publicPath }: BuildPhotosOptions): Promise<BuildPhotosResult> {
  // Decoded tiles of a 24-megapixel photo are of no use for the next photo.
  sharp.cache(false);
  const urlPrefix = (publicPath ?? relative(assetsDir, outDir).split(sep).join('/')).replace(/\/+$/, '');
  const previous = await readManifest(outDir);
  const result: BuildPhotosResult = {
    manifest: { version: PHOTO_MANIFEST_VERSION, photos: {} },
    processed: [],
    reused: [],
    vector: [],
    failed: [],
    skipped: false,
  };

  const { exhibition } = await loadExhibition(fsContentReader(contentDir));
  // A broken exhibition.json (mid-edit in dev) says nothing about the photos: keep what is there.
  if (!exhibition) {
    if (previous) return { ...result, manifest: previous, skipped: true };
    result.skipped = true;
    return result;
  }

  await mkdir(outDir, { recursive: true });
  const photos: Record<string, PhotoEntry> = {};
  for (const src of contentImageSources(exhibition)) {
    const kind = photoKind(src);
    const path = join(assetsDir, src);
    if (kind === 'other' || !existsSync(path)) continue;
    if (kind === 'vector') {
      const size = await vectorSize(path);
      if (size) {
        photos[src] = { vector: true, ...size };
        result.vector.push(src);
      }
      continue;
    }
    try {
      const data = await readFile(path);
      const hash = sourceHash(data);
      const before = previous?.photos[src];
      const reusable = before && !('vector' in before) && before.hash === hash ? before : undefined;
      if (
        reusable &&
        entryFiles(reusable).every((file) => outputName(file, urlPrefix) && existsSync(join(outDir, basename(file))))
      ) {
        photos[src] = reusable;
        result.reused.push(src);
        continue;
      }
      photos[src] = await processRaster(data, hash, outDir, urlPrefix);
      result.processed.push(src);
    } catch (error) {
      result.failed.push({ src, error: error instanceof Error ? error.message : String(error) });
    }
  }
  result.manifest = { version: PHOTO_MANIFEST_VERSION, photos };

  // Outputs of photos that were replaced or dropped from the content.
  const keep = new Set(Object.values(photos).flatMap((entry) => entryFiles(entry).map((file) => basename(file))));
  let removed = 0;
  for (const name of await readdir(outDir)) {
    if (name === PHOTOS_MANIFEST || keep.has(name) || !/^[0-9a-f]{16}-/.test(name)) continue;
    await rm(join(outDir, name), { force: true });
    removed++;
  }

  const text = `${JSON.stringify(result.manifest, null, 2)}\n`;
  const manifestPath = join(outDir, PHOTOS_MANIFEST);
  const unchanged = existsSync(manifestPath) && (await readFile(manifestPath, 'utf8')) === text;
  if (!unchanged) await writeAtomic(manifestPath, text);
  result.skipped = unchanged && result.processed.length === 0 && removed === 0;
  return result;
}

/** "3 photos processed, 97 unchanged, 8 SVG". */
export function describePhotos(result: BuildPhotosResult): string {
  const parts = [`${result.processed.length} processed`, `${result.reused.length} unchanged`, `${result.vector.length} SVG`];
  if (result.failed.length > 0) parts.push(`${result.failed.length} failed`);
  return parts.join(', ');
}

/**
 * Content-check problems about the photos themselves: a warning for a raster image too small to
 * look sharp on a board (under 400 px on its long side), an error for a file that is not a
 * readable image. Missing files are reported elsewhere. `where` maps a loaded panel to its index
 * in its file (broken panels are left out when loading).
 */
export async function photoProblems(
  exhibition: Exhibition,
  assetsDir: string,
  where: { panelIndex(section: number, panel: number): number },
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const [s, section] of exhibition.sections.entries()) {
    for (const [p, panel] of section.panels.entries()) {
      for (const [i, image] of panel.images.entries()) {
        const path = join(assetsDir, image.src);
        if (photoKind(image.src) !== 'raster' || !existsSync(path)) continue;
        const at = {
          file: `${CONTENT_DIR_LABEL}/${section.file}`,
          path: formatJsonPath(['panels', where.panelIndex(s, p), 'images', i, 'src']),
        };
        let size: { width: number; height: number };
        try {
          size = orientedSize(await sharp(path).metadata());
        } catch {
          problems.push({
            severity: 'error',
            ...at,
            zh: `无法读取图片 "${image.src}"（文件已损坏或不是图片）`,
            en: `cannot read the image "${image.src}" (the file is damaged or not an image)`,
          });
          continue;
        }
        if (Math.max(size.width, size.height) < SMALL_IMAGE_MIN_SIDE) {
          const dimensions = `${size.width}×${size.height}`;
          problems.push({
            severity: 'warning',
            ...at,
            zh: `图片太小（${dimensions}），在展板上会模糊，请换一张长边至少 ${SMALL_IMAGE_MIN_SIDE} 像素的图片`,
            en: `image too small (${dimensions}): it will look blurry on the board; use one at least ${SMALL_IMAGE_MIN_SIDE} px on its long side`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * Removes the photos' originals from a built site: every raster file outside `generated/`, which
 * vite's public-dir copy puts there as it is (camera originals, with their EXIF, GPS included).
 * Only the generated sizes may reach the site; the content's SVGs are used as they are and stay.
 * Returns the removed files, relative to `outDir`.
 */
export async function removePhotoOriginals(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string): Promise<boolean> => {
    const entries = await readdir(dir, { withFileTypes: true });
    let kept = 0;
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const inside = relative(outDir, path);
      if (entry.isDirectory()) {
        if (inside === 'generated' || (await walk(path))) kept++;
        else await rm(path, { recursive: true, force: true });
      } else if (RASTER_EXTENSIONS.includes(extname(entry.name).toLowerCase()) || /\.(heic|heif)$/i.test(entry.name)) {
        await rm(path, { force: true });
        removed.push(inside.split(sep).join('/'));
      } else kept++;
    }
    return kept > 0;
  };
  if (existsSync(outDir)) await walk(outDir);
  return removed.sort();
}
