/**
 * A small upright copy of one of the draft's photos, for the editor's form: the staff see which
 * photo they are captioning, where the form would otherwise show only a file name the server made
 * up ("photos/uploads/2026-12-07-…jpg"). Only the curator gets it (behind a session); it is
 * re-encoded by sharp, so no metadata (a phone's GPS position) goes along even for a photo
 * placed in the store by hand.
 *
 * `src` comes from the request: it must be a photo path as the content writes it, and resolve
 * inside the photos folder — `..`, absolute paths, odd bytes and links out of it name nothing.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { RASTER_EXTENSIONS } from '../../build/photos.ts';

/** The long side of the copy: a form's thumbnail, sharp on a high-density screen. */
export const THUMBNAIL_MAX_SIDE = 480;

/** What a panel's image may name: "photos/…", letters, digits, "-", "_", "." and "/" only. */
const PHOTO_SRC = /^photos\/[\w\-./]+$/;

/** The file's path inside `root` for `src`, or null when `src` is no photo path of it. */
export async function photoPathIn(root: string, src: string): Promise<string | null> {
  if (!PHOTO_SRC.test(src) || src.split('/').some((part) => part === '..' || part === '.' || part === '')) return null;
  // SVG too (the shipped placeholders): sharp draws it into the JPEG, so no script of it can run.
  if (![...RASTER_EXTENSIONS, '.svg'].includes(extname(src).toLowerCase())) return null;
  const path = join(root, src);
  try {
    const [realRoot, realPath] = await Promise.all([realpath(join(root, 'photos')), realpath(path)]);
    const inside = relative(realRoot, realPath);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
    return (await lstat(realPath)).isFile() ? realPath : null;
  } catch {
    return null;
  }
}

/** The JPEG thumbnail of a photo file: upright by its EXIF orientation, at most THUMBNAIL_MAX_SIDE. */
export async function thumbnailOf(path: string): Promise<Buffer> {
  return sharp(await readFile(path), { failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 78 })
    .toBuffer();
}
