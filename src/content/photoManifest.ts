/**
 * The photo manifest written by the build (`assets/generated/photos/manifest.json`, see
 * `src/build/photos.ts`) and the questions the page asks of it: which file to use as a board's
 * texture, and which `<picture>` sources to offer on the card.
 *
 * Every path in the manifest is relative to `assets/` (the site root), like the content's `src`.
 * When the manifest or a photo's entry is missing — a dev server before the first build, a photo
 * added since — everything falls back to the original file, so a photo always shows.
 */
import { z } from 'zod';
import { assetPath } from './schema.ts';

/** Bump when the manifest's shape changes; the page ignores a manifest of another version. */
export const PHOTO_MANIFEST_VERSION = 1;
/** Where the manifest is served, relative to the site root. */
export const PHOTO_MANIFEST_PATH = 'generated/photos/manifest.json';

const dimension = z.number().int().positive();

export const boardVariantSchema = z.strictObject({ width: dimension, height: dimension, webp: assetPath, jpg: assetPath });
export type BoardVariant = z.infer<typeof boardVariantSchema>;

export const cardVariantSchema = z.strictObject({
  width: dimension,
  height: dimension,
  avif: assetPath,
  webp: assetPath,
  jpg: assetPath,
});
export type CardVariant = z.infer<typeof cardVariantSchema>;

/** A raster photo: its size after EXIF rotation, the board texture and the card sizes (narrowest first). */
export const rasterPhotoSchema = z.strictObject({
  /** Content hash of the source file (and the output settings); it names the generated files. */
  hash: z.string().regex(/^[0-9a-f]{8,64}$/),
  width: dimension,
  height: dimension,
  board: boardVariantSchema,
  card: z.array(cardVariantSchema).min(1),
});
export type RasterPhoto = z.infer<typeof rasterPhotoSchema>;

/** An SVG: used as it is at any size; only its intrinsic size is recorded. */
export const vectorPhotoSchema = z.strictObject({ vector: z.literal(true), width: dimension, height: dimension });
export type VectorPhoto = z.infer<typeof vectorPhotoSchema>;

export type PhotoEntry = RasterPhoto | VectorPhoto;

export const photoManifestSchema = z.strictObject({
  version: z.literal(PHOTO_MANIFEST_VERSION),
  /** By the image's `src` as written in the content, e.g. "photos/team.jpg". */
  photos: z.record(z.string(), z.union([vectorPhotoSchema, rasterPhotoSchema])),
});
export type PhotoManifest = z.infer<typeof photoManifestSchema>;

/** The manifest, or null when it is not one this page understands. */
export function parsePhotoManifest(json: unknown): PhotoManifest | null {
  const parsed = photoManifestSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function photoEntry(manifest: PhotoManifest | null | undefined, src: string): PhotoEntry | undefined {
  return manifest && Object.hasOwn(manifest.photos, src) ? manifest.photos[src] : undefined;
}

export function isRaster(entry: PhotoEntry | undefined): entry is RasterPhoto {
  return entry !== undefined && !('vector' in entry);
}

/**
 * The files to try for a board's texture, best first: the generated WebP, its JPEG fallback, then
 * the original (in case the generated files are gone). Just the original when nothing was generated.
 */
export function boardTextureUrls(
  manifest: PhotoManifest | null | undefined,
  src: string,
  maxSide: number = Number.POSITIVE_INFINITY,
): string[] {
  const entry = photoEntry(manifest, src);
  if (!isRaster(entry)) return [src];
  const full = [entry.board.webp, entry.board.jpg, src];
  // A device that wants smaller photos (a phone, see scene/deviceQuality.ts) takes the largest
  // card size within its limit, if that is smaller than the board texture; the board's after it.
  const boardSide = Math.max(entry.board.width, entry.board.height);
  if (maxSide >= boardSide) return full;
  const smaller = entry.card
    .filter(
      (variant) => Math.max(variant.width, variant.height) <= maxSide && Math.max(variant.width, variant.height) < boardSide,
    )
    .sort((a, b) => b.width - a.width)[0];
  return smaller ? [smaller.webp, smaller.jpg, ...full] : full;
}

/** The board texture a browser that decodes WebP (every current one) loads first. */
export function boardTextureUrl(manifest: PhotoManifest | null | undefined, src: string): string {
  return boardTextureUrls(manifest, src)[0] as string;
}

/** The photo's width / height, when the manifest knows it. */
export function photoAspect(manifest: PhotoManifest | null | undefined, src: string): number | undefined {
  const entry = photoEntry(manifest, src);
  return entry ? entry.width / entry.height : undefined;
}

export interface PictureSource {
  type: 'image/avif' | 'image/webp';
  srcSet: string;
}

export interface CardImageSources {
  /** `<source>`s in order of preference; empty when there is nothing but the original. */
  sources: PictureSource[];
  /** The `<img>`'s own `src` (JPEG, or the original file). */
  fallbackSrc: string;
  /** The `<img>`'s `srcset` of JPEG widths, when there are generated sizes. */
  fallbackSrcSet?: string;
  /** How wide the card shows the picture, for choosing among the `srcset` widths. */
  sizes?: string;
  /** Intrinsic size, so the card reserves the picture's space before it loads. */
  width?: number;
  height?: number;
}

/** The card is `min(560px, 42vw)` wide beside the scene, the full width below 900 px (see styles.css). */
export const CARD_IMAGE_SIZES = '(max-width: 899px) 100vw, 560px';

/** The JPEG used where `srcset` is not understood: the widest one not over 1280 px. */
const FALLBACK_WIDTH = 1280;

/**
 * The card's `<picture>`: AVIF and WebP `srcset`s of every generated width, a JPEG `<img>`
 * fallback, and the intrinsic size. URLs are prefixed with `baseUrl` (the site's base).
 */
export function cardImageSources(manifest: PhotoManifest | null | undefined, src: string, baseUrl = ''): CardImageSources {
  const entry = photoEntry(manifest, src);
  if (!entry) return { sources: [], fallbackSrc: `${baseUrl}${src}` };
  if (!isRaster(entry)) return { sources: [], fallbackSrc: `${baseUrl}${src}`, width: entry.width, height: entry.height };
  const card = [...entry.card].sort((a, b) => a.width - b.width);
  const srcSet = (format: 'avif' | 'webp' | 'jpg') =>
    card.map((variant) => `${baseUrl}${variant[format]} ${variant.width}w`).join(', ');
  const fallback = card.filter((variant) => variant.width <= FALLBACK_WIDTH).at(-1) ?? (card[0] as CardVariant);
  const largest = card.at(-1) as CardVariant;
  return {
    sources: [
      { type: 'image/avif', srcSet: srcSet('avif') },
      { type: 'image/webp', srcSet: srcSet('webp') },
    ],
    fallbackSrc: `${baseUrl}${fallback.jpg}`,
    fallbackSrcSet: srcSet('jpg'),
    sizes: CARD_IMAGE_SIZES,
    width: largest.width,
    height: largest.height,
  };
}

/**
 * Fetches the manifest. A missing or unreadable manifest is not an error: the page then uses the
 * original files. `fetchImpl` is injectable for tests.
 */
export async function fetchPhotoManifest(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<PhotoManifest | null> {
  try {
    const response = await fetchImpl(`${baseUrl}${PHOTO_MANIFEST_PATH}`, { cache: 'no-cache' });
    if (!response.ok) return null;
    return parsePhotoManifest(await response.json());
  } catch {
    return null;
  }
}
