/**
 * Generated photo fixtures for the photo build and the end-to-end walk: content folders whose
 * panels reference raster photos made on the spot with sharp (nothing large is checked in).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

export interface PackPanel {
  id: string;
  title: string;
  /** Paths relative to the assets folder, e.g. "photos/p001.jpg". */
  images: string[];
}

/** Writes `content/exhibition.json` and one section file, with titles the shipped font subset covers. */
export async function writeContent(assetsDir: string, panels: PackPanel[], sectionSize = panels.length): Promise<void> {
  const contentDir = join(assetsDir, 'content');
  await mkdir(contentDir, { recursive: true });
  const sections: Array<{ id: string; title: string; file: string }> = [];
  for (let start = 0, index = 1; start < panels.length; start += sectionSize, index++) {
    const file = `photos-${index}.json`;
    sections.push({ id: `photos-${index}`, title: `Photos ${index}`, file });
    const section = panels.slice(start, start + sectionSize).map((panel) => ({
      id: panel.id,
      kind: 'event',
      title: panel.title,
      images: panel.images.map((src) => ({ src, caption: panel.title })),
    }));
    await writeFile(join(contentDir, file), JSON.stringify({ panels: section }, null, 2));
  }
  const exhibition = { title: '党史长廊', host: '德清县消防救援大队', theme: '党史长廊', sections };
  await writeFile(join(contentDir, 'exhibition.json'), JSON.stringify(exhibition, null, 2));
}

export interface PhotoSpec {
  width: number;
  height: number;
  format: 'jpeg' | 'png';
  /** A colour that tells the photos apart, "#rrggbb". */
  colour: string;
  /** EXIF orientation tag (6 = the camera was turned 90° clockwise). */
  orientation?: number;
}

/**
 * A picture with some structure (a coloured field, a pale band across the top third and a dark
 * square in the left half), so a test can tell which way up it is: the band is at the top when
 * the picture is shown as stored.
 */
export async function writePhoto(path: string, spec: PhotoSpec): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const band = await sharp({
    create: { width: spec.width, height: Math.round(spec.height / 3), channels: 3, background: '#f0f0f0' },
  })
    .png()
    .toBuffer();
  const square = Math.round(Math.min(spec.width, spec.height) / 4);
  const mark = await sharp({ create: { width: square, height: square, channels: 3, background: '#101010' } })
    .png()
    .toBuffer();
  let image = sharp({ create: { width: spec.width, height: spec.height, channels: 3, background: spec.colour } }).composite([
    { input: band, top: 0, left: 0 },
    { input: mark, top: Math.round(spec.height / 2), left: Math.round(spec.width / 8) },
  ]);
  image = spec.format === 'png' ? image.png({ compressionLevel: 1 }) : image.jpeg({ quality: 85 });
  const data = await image.toBuffer();
  // Compositing flattens the pipeline; metadata goes on in a second pass.
  const tagged = spec.orientation ? await sharp(data).withMetadata({ orientation: spec.orientation }).toBuffer() : data;
  await writeFile(path, tagged);
}

/** A distinct, fairly saturated colour for photo number `index`. */
export function colourFor(index: number): string {
  const hue = (index * 137.508) % 360;
  const [r, g, b] = [0, 8, 4].map((offset) => {
    const k = (offset + hue / 30) % 12;
    return Math.round(255 * (0.5 - 0.4 * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  });
  return `#${[r, g, b].map((value) => (value ?? 0).toString(16).padStart(2, '0')).join('')}`;
}
