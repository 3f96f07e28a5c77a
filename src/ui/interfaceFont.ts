/**
 * The interface's font (the DOM's, not the boards'): the build's Noto Sans SC subsets, registered
 * from script so `base` stays relative. They are the boards' own files at the same URLs
 * (scene/fonts.ts), so a page with the corridor downloads each once; a page without it loads
 * them without troika.
 *
 * Bold is split by characters (src/build/fonts.ts): the boards' bold file, with a unicode-range of
 * the characters it carries, and the rest of the bold, with the range of the others. The browser
 * fetches a face only when text on screen needs one of its characters, so neither bold file is
 * loaded for an interface showing no bold, and the rest only for bold text beyond the boards'.
 */
import type { FontMetrics } from '../layout/lineBreak.ts';

function siteUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;
}

const FAMILY = 'Exhibit Sans';
const fontUrl = (file: string) => `url("${siteUrl(`generated/fonts/${file}`)}") format("woff")`;

/**
 * A CSS unicode-range for these characters: code points sorted, runs of neighbours merged
 * ("U+20-7E,U+4E00"). An empty set gives null (a face that covers nothing).
 */
export function unicodeRangeOf(characters: string): string | null {
  const points = [...new Set(Array.from(characters, (char) => char.codePointAt(0) as number))].sort((a, b) => a - b);
  if (points.length === 0) return null;
  const hex = (point: number) => point.toString(16).toUpperCase();
  const ranges: string[] = [];
  let start = points[0] as number;
  let end = start;
  for (const point of [...points.slice(1), Number.NaN]) {
    if (point === end + 1) {
      end = point;
      continue;
    }
    ranges.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
    start = point;
    end = point;
  }
  return ranges.join(',');
}

/** The characters outside `characters` among `all`. */
function complement(all: string, characters: string): string {
  const inSet = new Set(Array.from(characters));
  return Array.from(all)
    .filter((char) => !inSet.has(char))
    .join('');
}

/**
 * The CSS faces of the interface: [family source, descriptors] for Regular (every character), and
 * the bold split by `metrics.boardBold`. Without the split (older metrics) one bold face, the boards'.
 */
export function interfaceFaces(metrics: Pick<FontMetrics, 'chars' | 'boardBold'> | null): Array<[string, FontFaceDescriptors]> {
  const faces: Array<[string, FontFaceDescriptors]> = [[fontUrl('NotoSansSC-Regular.woff'), { weight: '400' }]];
  const boardBold = metrics?.boardBold;
  if (!metrics || boardBold === undefined) {
    faces.push([fontUrl('NotoSansSC-Bold.woff'), { weight: '700' }]);
    return faces;
  }
  const boldRange = unicodeRangeOf(boardBold);
  const restRange = unicodeRangeOf(complement(metrics.chars, boardBold));
  if (boldRange) faces.push([fontUrl('NotoSansSC-Bold.woff'), { weight: '700', unicodeRange: boldRange }]);
  if (restRange) faces.push([fontUrl('NotoSansSC-BoldRest.woff'), { weight: '700', unicodeRange: restRange }]);
  return faces;
}

/**
 * Registers the faces; resolves when the regular one has loaded (or failed: the system's fonts
 * stand in, nothing to show the visitor). The bold faces load when text needs them.
 */
export function loadInterfaceFont(): Promise<void> {
  const regular = new FontFace(FAMILY, ...(interfaceFaces(null)[0] as [string, FontFaceDescriptors]));
  document.fonts.add(regular);
  const loaded = regular.load().then(
    () => undefined,
    () => undefined,
  );
  // The bold faces' ranges come from the build's metrics (the boards read the same file).
  void fetch(siteUrl('generated/fonts/metrics.json'))
    .then((response) => (response.ok ? (response.json() as Promise<FontMetrics>) : null))
    .catch(() => null)
    .then((metrics) => {
      for (const [source, descriptors] of interfaceFaces(metrics).slice(1))
        document.fonts.add(new FontFace(FAMILY, source, descriptors));
    });
  return loaded;
}
