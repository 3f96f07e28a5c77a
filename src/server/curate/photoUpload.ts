/**
 * A photo sent by the station's staff (from a phone or a camera), taken into the content store:
 *
 * - **Streamed to a temporary file with a byte limit** (30 MB by default): an upload past it is
 *   cut off at the limit and its partial file removed, so a 1 GB upload cannot fill the disk.
 * - **The type is read from the content**, never from the name or the declared type: JPEG, PNG,
 *   WebP and AVIF (decoded by sharp, which proves they are images), HEIC from an iPhone (converted
 *   to JPEG with heic-convert, sharp's build here does not read it), and SVG (text, checked).
 * - **Upright and without metadata**: a raster photo is turned by its EXIF orientation and written
 *   again without EXIF, XMP or IPTC (GPS position above all): the store never keeps what a
 *   camera wrote about where it was. The build makes the board and card sizes from it later.
 * - **An SVG with a script or a reference outside itself is refused** (`<script>`, `on…=`
 *   handlers, `javascript:`, `<foreignObject>`, an `href` or `url()` to anything but its own
 *   `#ids`): it is drawn in pages of the station's origin.
 * - **The server names the file itself** (`photos/uploads/<date>-<random>.<ext>`): the client's file
 *   name is never a path, so no name (`..`, an absolute path, odd bytes) can place a file outside
 *   the photos folder.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import sharp from 'sharp';

export const MAX_PHOTO_BYTES = 30 * 1024 * 1024;
/** Where uploads go inside the store's `photos/` (content paths are relative to assets/). */
export const UPLOADS_FOLDER = 'photos/uploads';

export type PhotoType = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic' | 'svg';

export type UploadRefusal =
  /** Past the byte limit. */
  | 'too-large'
  /** Nothing sent. */
  | 'empty'
  /** Not a photo of a type the station takes (by its content). */
  | 'bad-type'
  /** A photo of that type that does not decode. */
  | 'unreadable'
  /** An HEIC photo the converter could not read. */
  | 'heic-unreadable'
  /** An SVG with a script or a reference outside itself. */
  | 'unsafe-svg';

export type UploadResult =
  | { ok: true; src: string; type: Exclude<PhotoType, 'heic'>; width: number | null; height: number | null; bytes: number }
  | { ok: false; error: UploadRefusal; message: string };

const MESSAGES: Record<UploadRefusal, string> = {
  'too-large': '照片太大（最大 30 MB）。Photo too large (at most 30 MB).',
  empty: '没有收到文件。No file arrived.',
  'bad-type':
    '只接受 JPEG、PNG、WebP、AVIF、HEIC 照片和 SVG 图。Only JPEG, PNG, WebP, AVIF and HEIC photos and SVG images are accepted.',
  unreadable: '照片无法读取，文件可能已损坏。The photo cannot be read; the file may be damaged.',
  'heic-unreadable':
    '这张 HEIC 照片无法转换。请在手机上改用“兼容性最佳”格式拍摄，或先导出为 JPEG。This HEIC photo cannot be converted: set the camera to “Most Compatible” or export it as JPEG first.',
  'unsafe-svg': 'SVG 里有脚本或外部引用，不能使用。The SVG contains a script or a reference outside itself and cannot be used.',
};

const refuse = (error: UploadRefusal): UploadResult => ({ ok: false, error, message: MESSAGES[error] });

/** The photo's type from its first bytes (and, for SVG, its text). */
export function sniffPhotoType(head: Uint8Array): PhotoType | null {
  const bytes = Buffer.from(head);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brand = bytes.subarray(8, 12).toString('latin1');
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  const text = bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  // An XML declaration, comments and a doctype (with an internal subset, which the check refuses) may come first.
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^[>]*(\[[\s\S]*?\])?\s*>\s*)?<svg[\s>]/i.test(text)) return 'svg';
  return null;
}

/** Why an SVG may not be drawn in the station's pages, or null when it keeps to itself. */
export function unsafeSvgReason(svg: string): string | null {
  if (/<script[\s>/]/i.test(svg)) return 'a <script>';
  if (/<foreignObject[\s>/]/i.test(svg)) return 'a <foreignObject>';
  if (/\son[a-z]+\s*=/i.test(svg)) return 'an event handler attribute';
  if (/javascript:/i.test(svg)) return 'a javascript: address';
  if (/<!ENTITY/i.test(svg)) return 'an XML entity';
  for (const match of svg.matchAll(/(?:xlink:)?href\s*=\s*["']([^"']*)["']/gi)) {
    if (!(match[1] ?? '').trim().startsWith('#')) return `a reference to ${match[1]}`;
  }
  for (const match of svg.matchAll(/url\(\s*["']?([^)"']*)/gi)) {
    if (!(match[1] ?? '').trim().startsWith('#')) return `a reference to ${match[1]}`;
  }
  if (/@import/i.test(svg)) return 'a style @import';
  return null;
}

/** Streams `body` to `file`, stopping at `maxBytes`; false when it went past (the partial file is removed). */
export async function streamWithLimit(body: Readable, file: string, maxBytes: number): Promise<{ ok: boolean; bytes: number }> {
  const out = createWriteStream(file, { flags: 'wx' });
  let bytes = 0;
  let over = false;
  try {
    for await (const chunk of body) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      if (bytes > maxBytes) {
        over = true;
        break;
      }
      if (!out.write(buffer)) await new Promise<void>((done) => out.once('drain', done));
    }
  } finally {
    await new Promise<void>((done) => out.end(done));
  }
  if (over) {
    body.destroy();
    await rm(file, { force: true });
    return { ok: false, bytes };
  }
  return { ok: true, bytes };
}

async function readHead(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface AcceptPhotoOptions {
  /** The content store's root (it holds `photos/`); the photo's `src` is relative to it. */
  storeDir: string;
  /** For the partial uploads (on the same disk as the store, so the final move is a rename). */
  tempDir: string;
  maxBytes?: number;
  now?: () => Date;
}

/** The name the server gives a photo: the day it came and 8 random bytes; never the client's. */
export function uploadName(type: Exclude<PhotoType, 'heic'>, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const extension = type === 'jpeg' ? 'jpg' : type;
  return `${UPLOADS_FOLDER}/${day}-${randomBytes(8).toString('hex')}.${extension}`;
}

/** Resolves a content path inside the store, or throws: the last guard, whatever made the path. */
export function insideStore(storeDir: string, src: string): string {
  const root = resolve(storeDir);
  const target = resolve(root, src);
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..') || resolve(target) !== target) {
    throw new Error(`a photo path outside the store: ${src}`);
  }
  return target;
}

export async function acceptPhoto(body: Readable, options: AcceptPhotoOptions): Promise<UploadResult> {
  const maxBytes = options.maxBytes ?? MAX_PHOTO_BYTES;
  await mkdir(options.tempDir, { recursive: true });
  const temp = join(options.tempDir, `upload-${randomBytes(8).toString('hex')}`);
  try {
    const streamed = await streamWithLimit(body, temp, maxBytes);
    if (!streamed.ok) return refuse('too-large');
    if (streamed.bytes === 0) return refuse('empty');
    const type = sniffPhotoType(await readHead(temp, 4096));
    if (!type) return refuse('bad-type');
    const now = options.now?.() ?? new Date();

    if (type === 'svg') {
      const text = await readFile(temp, 'utf8');
      if (unsafeSvgReason(text)) return refuse('unsafe-svg');
      const src = uploadName('svg', now);
      const target = insideStore(options.storeDir, src);
      await mkdir(join(target, '..'), { recursive: true });
      await rename(temp, target);
      return { ok: true, src, type: 'svg', width: null, height: null, bytes: streamed.bytes };
    }

    let input: Buffer | string = temp;
    const outType: Exclude<PhotoType, 'heic' | 'svg'> = type === 'heic' ? 'jpeg' : type;
    if (type === 'heic') {
      try {
        const { default: convert } = await import('heic-convert');
        input = Buffer.from(await convert({ buffer: await readFile(temp), format: 'JPEG', quality: 0.92 }));
      } catch {
        return refuse('heic-unreadable');
      }
    }
    const src = uploadName(outType, now);
    const target = insideStore(options.storeDir, src);
    await mkdir(join(target, '..'), { recursive: true });
    const written = `${target}.part`;
    try {
      // rotate() with no angle applies the EXIF orientation; sharp writes no metadata unless asked.
      const image = sharp(input, { failOn: 'error', limitInputPixels: 24_000 * 24_000 }).rotate();
      const encoded =
        outType === 'jpeg'
          ? image.jpeg({ quality: 92, mozjpeg: true })
          : outType === 'png'
            ? image.png()
            : outType === 'webp'
              ? image.webp({ quality: 92 })
              : image.avif({ quality: 70 });
      const info = await encoded.toFile(written);
      await rename(written, target);
      return { ok: true, src, type: outType, width: info.width, height: info.height, bytes: (await stat(target)).size };
    } catch {
      await rm(written, { force: true });
      return refuse('unreadable');
    }
  } finally {
    await rm(temp, { force: true });
  }
}
