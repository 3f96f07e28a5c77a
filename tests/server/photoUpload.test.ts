/**
 * Photos from the station's staff into the content store (src/server/curate/photoUpload.ts): a
 * phone's JPEG with its GPS and a turned orientation comes out upright with no metadata; PNG, WebP
 * and AVIF are taken as what their bytes say, whatever they are called; a text file called .jpg,
 * a damaged JPEG, an HEIC the converter cannot read and an SVG with a script or an outside
 * reference are refused in words; a real phone's HEIC (tests/fixtures/photos/phone-turned.heic)
 * becomes an upright JPEG without its EXIF, and the same file cut short is refused in words; an upload past the limit is cut off there without its partial
 * file left behind (a 1 GB one never reaches the disk); the file is named by the server inside
 * the store's photos folder, never by the client.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptPhoto,
  insideStore,
  sniffPhotoType,
  UPLOADS_FOLDER,
  unsafeSvgReason,
} from '../../src/server/curate/photoUpload.ts';

let storeDir: string;
let tempDir: string;

beforeEach(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'dangshi-store-'));
  tempDir = join(storeDir, '..', `${storeDir.split('/').at(-1)}-tmp`);
});

afterEach(async () => {
  await rm(storeDir, { recursive: true, force: true });
  await rm(tempDir, { recursive: true, force: true });
});

/** Every file under a folder (empty folders do not count). */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const upload = (bytes: Buffer | string, maxBytes?: number) =>
  acceptPhoto(Readable.from([Buffer.from(bytes)]), { storeDir, tempDir, ...(maxBytes ? { maxBytes } : {}) });

/** A phone's photo: 60×40 px stored sideways (EXIF orientation 6), with a GPS position and a camera model. */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 40, channels: 3, background: '#c33' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 32/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 58/1 0/1' },
    })
    .toBuffer();
}

describe('a photo from a phone', () => {
  it('comes out upright, without EXIF (no GPS), named by the server inside the store', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true);
    const result = await upload(original);
    if (!result.ok) throw new Error(result.message);
    expect(result.type).toBe('jpeg');
    expect(result.src).toMatch(new RegExp(`^${UPLOADS_FOLDER}/\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{16}\\.jpg$`));
    // Turned by its orientation: 40 wide, 60 high.
    expect([result.width, result.height]).toEqual([40, 60]);
    const stored = await readFile(join(storeDir, result.src));
    const metadata = await sharp(stored).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation ?? 1).toBe(1);
    expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
    // Nothing left in the temporary folder.
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('takes PNG, WebP and AVIF by their bytes, whatever the name says', async () => {
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#36c' } });
    for (const [type, bytes] of [
      ['png', await image.clone().png().toBuffer()],
      ['webp', await image.clone().webp().toBuffer()],
      ['avif', await image.clone().avif().toBuffer()],
    ] as const) {
      expect(sniffPhotoType(bytes)).toBe(type);
      const result = await upload(bytes);
      expect(result).toMatchObject({ ok: true, type });
      if (result.ok) expect(result.src.endsWith(`.${type}`)).toBe(true);
    }
  });

  it('refuses in words what is not a photo, a damaged one, and an HEIC it cannot convert', async () => {
    expect(await upload('just some text, called photo.jpg')).toMatchObject({ ok: false, error: 'bad-type' });
    const damaged = (await phoneJpeg()).subarray(0, 300);
    expect(await upload(damaged)).toMatchObject({ ok: false, error: 'unreadable' });
    const heicHeader = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(200, 7)]);
    expect(sniffPhotoType(heicHeader)).toBe('heic');
    const heic = await upload(heicHeader);
    expect(heic).toMatchObject({ ok: false, error: 'heic-unreadable' });
    if (!heic.ok) expect(heic.message).toContain('JPEG');
    expect(await upload('')).toMatchObject({ ok: false, error: 'empty' });
    // Nothing was stored for any of them.
    expect(await filesIn(storeDir)).toEqual([]);
  });
});

/** A real phone HEIC: stored sideways with an `irot` turn, shows 64×48, red top half, blue bottom half; EXIF with GPS. */
const phoneHeicFile = fileURLToPath(new URL('../fixtures/photos/phone-turned.heic', import.meta.url));

/** The colour of the pixel at (x, y) of an encoded image, as [r, g, b]. */
async function pixelAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const start = (y * info.width + x) * info.channels;
  return [...data.subarray(start, start + 3)];
}

describe('a real HEIC from a phone', () => {
  it('becomes an upright JPEG of its shown size, without the EXIF it carried', async () => {
    const heic = await readFile(phoneHeicFile);
    expect(sniffPhotoType(heic)).toBe('heic');
    // The camera's words are in the file before it is taken.
    expect(heic.includes(Buffer.from('PhoneMaker'))).toBe(true);
    const result = await upload(heic);
    if (!result.ok) throw new Error(result.message);
    expect(result.type).toBe('jpeg');
    expect(result.src).toMatch(new RegExp(`^${UPLOADS_FOLDER}/\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{16}\\.jpg$`));
    // Turned as the file's irot says: 64 wide, 48 high (its pixels are stored 48 × 64).
    expect([result.width, result.height]).toEqual([64, 48]);
    const stored = await readFile(join(storeDir, result.src));
    const metadata = await sharp(stored).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 64, 48]);
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation ?? 1).toBe(1);
    expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
    // Upright: red on top, blue below (a sideways or upside-down photo would differ).
    const [topRed, topGreen, topBlue] = await pixelAt(stored, 32, 6);
    const [bottomRed, , bottomBlue] = await pixelAt(stored, 32, 42);
    expect(topRed).toBeGreaterThan(150);
    expect(Math.max(topGreen ?? 255, topBlue ?? 255)).toBeLessThan(80);
    expect(bottomBlue).toBeGreaterThan(150);
    expect(bottomRed).toBeLessThan(80);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('cut short, is refused with the words that say what to do, and nothing is stored', async () => {
    const heic = await readFile(phoneHeicFile);
    const truncated = heic.subarray(0, Math.floor(heic.length * 0.6));
    expect(sniffPhotoType(truncated)).toBe('heic');
    const result = await upload(truncated);
    expect(result).toMatchObject({ ok: false, error: 'heic-unreadable' });
    if (!result.ok) {
      expect(result.message).toContain('HEIC');
      expect(result.message).toContain('兼容性最佳');
      expect(result.message).toContain('JPEG');
    }
    expect(await filesIn(storeDir)).toEqual([]);
    expect(await readdir(tempDir)).toEqual([]);
  });
});

describe('an upload past the limit', () => {
  it('is cut off at the limit, leaving nothing behind', async () => {
    const result = await upload(Buffer.alloc(5_000, 1), 4_096);
    expect(result).toMatchObject({ ok: false, error: 'too-large' });
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('stops reading a 1 GB stream at 30 MB: it never reaches the disk', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0xab);
    const gigabyte = new Readable({
      read() {
        if (sent >= 1024) this.push(null);
        else {
          sent++;
          this.push(chunk);
        }
      },
    });
    const result = await acceptPhoto(gigabyte, { storeDir, tempDir });
    expect(result).toMatchObject({ ok: false, error: 'too-large' });
    // Read up to the limit and a little past it, never the whole gigabyte.
    expect(sent).toBeLessThan(40);
    expect(await readdir(tempDir)).toEqual([]);
  });
});

describe('SVG', () => {
  const plain =
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>';

  it('keeps one that keeps to itself', async () => {
    expect(unsafeSvgReason(plain)).toBeNull();
    const result = await upload(plain);
    expect(result).toMatchObject({ ok: true, type: 'svg' });
    if (result.ok) expect(await readFile(join(storeDir, result.src), 'utf8')).toBe(plain);
  });

  it('refuses scripts, handlers, javascript: and references outside itself', async () => {
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/track.png"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="other.svg#a"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://example.com/x)"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>',
      '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    ]) {
      expect(unsafeSvgReason(svg), svg).not.toBeNull();
      expect(await upload(svg), svg).toMatchObject({ ok: false, error: 'unsafe-svg' });
    }
    expect(await filesIn(storeDir)).toEqual([]);
  });
});

describe('paths', () => {
  it('never leave the store, whatever made them', async () => {
    for (const src of ['../outside.jpg', '/etc/passwd', 'photos/../../x.jpg', '']) {
      expect(() => insideStore(storeDir, src), src).toThrow();
    }
    expect(insideStore(storeDir, 'photos/uploads/a.jpg')).toBe(join(storeDir, 'photos/uploads/a.jpg'));
    expect((await stat(storeDir)).isDirectory()).toBe(true);
  });
});
