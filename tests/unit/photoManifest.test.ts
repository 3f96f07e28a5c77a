import { describe, expect, it, vi } from 'vitest';
import {
  boardTextureUrl,
  boardTextureUrls,
  CARD_IMAGE_SIZES,
  cardImageSources,
  fetchPhotoManifest,
  PHOTO_MANIFEST_PATH,
  type PhotoManifest,
  parsePhotoManifest,
  photoAspect,
} from '../../src/content/photoManifest.ts';

const variant = (hash: string, width: number, height: number) => ({
  width,
  height,
  avif: `generated/photos/${hash}-${width}.avif`,
  webp: `generated/photos/${hash}-${width}.webp`,
  jpg: `generated/photos/${hash}-${width}.jpg`,
});

const manifest: PhotoManifest = {
  version: 1,
  photos: {
    'photos/phone.jpg': {
      hash: 'aaaaaaaaaaaaaaaa',
      width: 6000,
      height: 4000,
      board: {
        width: 1024,
        height: 683,
        webp: 'generated/photos/aaaaaaaaaaaaaaaa-board.webp',
        jpg: 'generated/photos/aaaaaaaaaaaaaaaa-board.jpg',
      },
      // Out of order on purpose: the resolver sorts by width.
      card: [
        variant('aaaaaaaaaaaaaaaa', 1920, 1280),
        variant('aaaaaaaaaaaaaaaa', 640, 427),
        variant('aaaaaaaaaaaaaaaa', 1280, 853),
      ],
    },
    'photos/small.png': {
      hash: 'bbbbbbbbbbbbbbbb',
      width: 500,
      height: 400,
      board: {
        width: 500,
        height: 400,
        webp: 'generated/photos/bbbbbbbbbbbbbbbb-board.webp',
        jpg: 'generated/photos/bbbbbbbbbbbbbbbb-board.jpg',
      },
      card: [variant('bbbbbbbbbbbbbbbb', 500, 400)],
    },
    'photos/drawing.svg': { vector: true, width: 1200, height: 800 },
  },
};

describe('parsePhotoManifest', () => {
  it('accepts what the build writes and rejects anything else', () => {
    expect(parsePhotoManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
    expect(parsePhotoManifest({ ...manifest, version: 2 })).toBeNull();
    expect(parsePhotoManifest({ version: 1 })).toBeNull();
    expect(parsePhotoManifest('<!doctype html>')).toBeNull();
    // A path to another host is never used.
    const hostile = structuredClone(manifest) as { photos: Record<string, { board?: { webp: string } }> };
    const phone = hostile.photos['photos/phone.jpg'];
    if (phone?.board) phone.board.webp = 'https://example.com/x.webp';
    expect(parsePhotoManifest(hostile)).toBeNull();
  });
});

describe('boardTextureUrls', () => {
  it('prefers the WebP texture, then its JPEG, then the original', () => {
    expect(boardTextureUrls(manifest, 'photos/phone.jpg')).toEqual([
      'generated/photos/aaaaaaaaaaaaaaaa-board.webp',
      'generated/photos/aaaaaaaaaaaaaaaa-board.jpg',
      'photos/phone.jpg',
    ]);
    expect(boardTextureUrl(manifest, 'photos/phone.jpg')).toBe('generated/photos/aaaaaaaaaaaaaaaa-board.webp');
  });

  it('uses the original file for an SVG, a photo the manifest does not know, or no manifest at all', () => {
    expect(boardTextureUrls(manifest, 'photos/drawing.svg')).toEqual(['photos/drawing.svg']);
    expect(boardTextureUrls(manifest, 'photos/new.jpg')).toEqual(['photos/new.jpg']);
    expect(boardTextureUrls(null, 'photos/phone.jpg')).toEqual(['photos/phone.jpg']);
    expect(boardTextureUrl(undefined, 'photos/phone.jpg')).toBe('photos/phone.jpg');
    // Inherited object keys are not photos.
    expect(boardTextureUrls(manifest, 'constructor')).toEqual(['constructor']);
  });
});

describe('photoAspect', () => {
  it('knows raster and vector shapes, and nothing else', () => {
    expect(photoAspect(manifest, 'photos/phone.jpg')).toBeCloseTo(1.5);
    expect(photoAspect(manifest, 'photos/drawing.svg')).toBeCloseTo(1.5);
    expect(photoAspect(manifest, 'photos/new.jpg')).toBeUndefined();
    expect(photoAspect(null, 'photos/phone.jpg')).toBeUndefined();
  });
});

describe('cardImageSources', () => {
  it('offers AVIF and WebP srcsets of every width, a JPEG fallback and the intrinsic size', () => {
    expect(cardImageSources(manifest, 'photos/phone.jpg', './')).toEqual({
      sources: [
        {
          type: 'image/avif',
          srcSet:
            './generated/photos/aaaaaaaaaaaaaaaa-640.avif 640w, ./generated/photos/aaaaaaaaaaaaaaaa-1280.avif 1280w, ./generated/photos/aaaaaaaaaaaaaaaa-1920.avif 1920w',
        },
        {
          type: 'image/webp',
          srcSet:
            './generated/photos/aaaaaaaaaaaaaaaa-640.webp 640w, ./generated/photos/aaaaaaaaaaaaaaaa-1280.webp 1280w, ./generated/photos/aaaaaaaaaaaaaaaa-1920.webp 1920w',
        },
      ],
      fallbackSrc: './generated/photos/aaaaaaaaaaaaaaaa-1280.jpg',
      fallbackSrcSet:
        './generated/photos/aaaaaaaaaaaaaaaa-640.jpg 640w, ./generated/photos/aaaaaaaaaaaaaaaa-1280.jpg 1280w, ./generated/photos/aaaaaaaaaaaaaaaa-1920.jpg 1920w',
      sizes: CARD_IMAGE_SIZES,
      width: 1920,
      height: 1280,
    });
  });

  it('falls back to the only size of a small photo', () => {
    const small = cardImageSources(manifest, 'photos/small.png');
    expect(small.fallbackSrc).toBe('generated/photos/bbbbbbbbbbbbbbbb-500.jpg');
    expect(small.sources.map((source) => source.srcSet)).toEqual([
      'generated/photos/bbbbbbbbbbbbbbbb-500.avif 500w',
      'generated/photos/bbbbbbbbbbbbbbbb-500.webp 500w',
    ]);
    expect([small.width, small.height]).toEqual([500, 400]);
  });

  it('shows the original file of an SVG (with its size) or of a photo without generated sizes', () => {
    expect(cardImageSources(manifest, 'photos/drawing.svg', '/base/')).toEqual({
      sources: [],
      fallbackSrc: '/base/photos/drawing.svg',
      width: 1200,
      height: 800,
    });
    expect(cardImageSources(manifest, 'photos/new.jpg', './')).toEqual({ sources: [], fallbackSrc: './photos/new.jpg' });
    expect(cardImageSources(null, 'photos/phone.jpg')).toEqual({ sources: [], fallbackSrc: 'photos/phone.jpg' });
  });
});

describe('fetchPhotoManifest', () => {
  it('fetches and validates the manifest from the site root', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(manifest), { status: 200 }));
    expect(await fetchPhotoManifest('./', fetchImpl)).toEqual(manifest);
    expect(fetchImpl).toHaveBeenCalledWith(`./${PHOTO_MANIFEST_PATH}`, { cache: 'no-cache' });
  });

  it('treats a missing, broken or unreachable manifest as none', async () => {
    expect(await fetchPhotoManifest('./', async () => new Response('not found', { status: 404 }))).toBeNull();
    expect(await fetchPhotoManifest('./', async () => new Response('<!doctype html>', { status: 200 }))).toBeNull();
    expect(
      await fetchPhotoManifest('./', async () => {
        throw new TypeError('offline');
      }),
    ).toBeNull();
  });
});
