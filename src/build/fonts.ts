/**
 * Ships only the glyphs the exhibition uses. Noto Sans SC is about 10 MB per weight; the
 * content and interface need a few hundred to a few thousand characters, a few hundred kB.
 *
 * `.woff` is for troika-three-text (the 3D boards), which cannot read woff2; `.woff2` is for the
 * page's CSS @font-face. Both weights come in both formats. The two differ in their OpenType
 * features: see BOARD_FONT_FEATURES.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Font, create as openFont } from 'fontkit';
import subsetFont, { type SubsetFontOptions } from 'subset-font';
import { loadExhibition, type ReadContentFile } from '../content/load.ts';
import type { ContentProblem } from '../content/problems.ts';
import { loadQuizzes, locateQuizStrings } from '../content/quizLoad.ts';
import type { FontMetrics } from '../layout/lineBreak.ts';
import { writeAtomic } from './atomicWrite.ts';
import { collectContentStrings, fontCharacters, needsGlyph } from './characters.ts';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
/** Bump when the output changes for the same characters (options, file set). */
const OUTPUT_FORMAT = 2;

/**
 * The only OpenType features the boards' woff keeps: horizontal kerning, ligatures and glyph
 * composition, the ones a browser applies to horizontal text by default.
 *
 * troika's font parser applies EVERY positioning (GPOS) lookup in the font to every glyph, whatever
 * feature or writing direction it belongs to. Noto Sans SC's optional 'halt' (half-width
 * punctuation) and vertical 'vhal' lookups then halved or zeroed the advance of "：；！？" (the next
 * character was drawn over the colon: "总目标：创优" read "总目标创优") and lifted "·" by a quarter em;
 * its 'palt'/'vpal' lookups are a format troika cannot read ("unsupported GPOS table LookupType 1
 * format 2"). Without them troika sets each glyph where a browser does (tests/unit/fonts.test.ts).
 * The page's woff2 keeps every feature: the browser applies each one only where it belongs.
 */
export const BOARD_FONT_FEATURES: readonly string[] = ['kern', 'liga', 'ccmp'];

/** What the subsetter keeps of the font's layout features, per format. */
function subsetOptions(format: FontFormat): SubsetFontOptions {
  return format === 'woff' ? { targetFormat: format, keepFeatures: [...BOARD_FONT_FEATURES] } : { targetFormat: format };
}

export type FontWeightName = 'Regular' | 'Bold';
export type FontFormat = 'woff' | 'woff2';
export const FONT_WEIGHTS: readonly FontWeightName[] = ['Regular', 'Bold'];
export const FONT_FORMATS: readonly FontFormat[] = ['woff', 'woff2'];
export const FONTS_MANIFEST = 'fonts.json';

/** The full source TTF of one weight, inside the font package. */
export function fontSourcePath(weight: FontWeightName): string {
  const packageDir = dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
  return weight === 'Regular'
    ? join(packageDir, '400Regular', 'NotoSansSC_400Regular.ttf')
    : join(packageDir, '700Bold', 'NotoSansSC_700Bold.ttf');
}

/** "NotoSansSC-Regular.woff". */
export function fontFileName(weight: FontWeightName, format: FontFormat): string {
  return `NotoSansSC-${weight}.${format}`;
}

export function fontPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(require.resolve(`${FONT_PACKAGE}/package.json`), 'utf8')) as { version: string };
  return manifest.version;
}

/** What `fonts.json` records about the last build. */
export interface FontsManifest {
  /** sha256 of the characters, the font package version and the output format. */
  hash: string;
  fontPackage: string;
  /** How many characters (code points) the subsets cover. */
  characters: number;
  /** Byte size of each generated file, by file name. */
  files: Record<string, number>;
}

export interface BuildFontsOptions {
  /** The content folder (`assets/content`). */
  contentDir: string;
  /** Where the subsets and `fonts.json` go (`assets/generated/fonts`). */
  outDir: string;
}

export interface BuildFontsResult {
  manifest: FontsManifest;
  /** True when the files on disk were already right and nothing was written. */
  skipped: boolean;
  /** The characters the subsets cover. */
  characters: string;
  /** What loading the content reported (the fonts are built from whatever did load). */
  problems: ContentProblem[];
}

/** Reads content files from a folder on disk (the build's twin of `fetchContentFile`). */
export function fsContentReader(contentDir: string): ReadContentFile {
  return (name) => readFile(join(contentDir, name), 'utf8');
}

/** The characters the fonts must cover: every content string (all languages) plus the UI strings. */
export async function exhibitionCharacters(contentDir: string): Promise<{ characters: string; problems: ContentProblem[] }> {
  const read = fsContentReader(contentDir);
  const { exhibition, problems } = await loadExhibition(read);
  // A broken exhibition.json still gets fonts: the error screen is written with the UI strings.
  const strings = exhibition ? collectContentStrings(exhibition) : [];
  // The quizzes' questions are shown in the same font (their own problems are the content check's).
  const quizzes = await loadQuizzes(read, exhibition);
  for (const { text } of locateQuizStrings(quizzes)) strings.push(text);
  return { characters: fontCharacters(strings), problems };
}

function hashOf(characters: string, version: string): string {
  return createHash('sha256').update(`${OUTPUT_FORMAT}\n${FONT_PACKAGE}@${version}\n${characters}`).digest('hex');
}

async function readManifest(outDir: string): Promise<FontsManifest | null> {
  try {
    return JSON.parse(await readFile(join(outDir, FONTS_MANIFEST), 'utf8')) as FontsManifest;
  } catch {
    return null;
  }
}

/** Subsets Regular and Bold to the exhibition's characters; skips the work when nothing changed. */
export async function buildFonts({ contentDir, outDir }: BuildFontsOptions): Promise<BuildFontsResult> {
  const { characters, problems } = await exhibitionCharacters(contentDir);
  const version = fontPackageVersion();
  const hash = hashOf(characters, version);

  const previous = await readManifest(outDir);
  const expectedFiles = [
    ...FONT_WEIGHTS.flatMap((weight) => FONT_FORMATS.map((format) => fontFileName(weight, format))),
    FONT_METRICS_FILE,
  ];
  if (previous?.hash === hash && expectedFiles.every((file) => existsSync(join(outDir, file)))) {
    return { manifest: previous, skipped: true, characters, problems };
  }

  await mkdir(outDir, { recursive: true });
  const files: Record<string, number> = {};
  for (const weight of FONT_WEIGHTS) {
    const source = await readFile(fontSourcePath(weight));
    const outputs = await Promise.all(FONT_FORMATS.map((format) => subsetFont(source, characters, subsetOptions(format))));
    for (const [index, format] of FONT_FORMATS.entries()) {
      const data = outputs[index] as Buffer;
      const file = fontFileName(weight, format);
      await writeAtomic(join(outDir, file), data);
      files[file] = data.byteLength;
    }
  }
  await writeAtomic(join(outDir, FONT_METRICS_FILE), JSON.stringify(fontMetricsFor(characters)));
  const manifest: FontsManifest = {
    hash,
    fontPackage: `${FONT_PACKAGE}@${version}`,
    characters: Array.from(characters).length,
    files,
  };
  await writeAtomic(join(outDir, FONTS_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, skipped: false, characters, problems };
}

const openedFonts = new Map<string, Font>();

function fontFrom(font: string | Uint8Array): Font {
  if (typeof font !== 'string') return openFont(font);
  let opened = openedFonts.get(font);
  if (!opened) {
    opened = openFont(readFileSync(font));
    openedFonts.set(font, opened);
  }
  return opened;
}

/** The characters (each once, in order of first appearance) that the font has no glyph for. */
export function missingCharacters(font: string | Uint8Array, characters: string): string[] {
  const opened = fontFrom(font);
  const missing = new Set<string>();
  for (const char of Array.from(characters)) {
    if (needsGlyph(char) && !opened.hasGlyphForCodePoint(char.codePointAt(0) as number)) missing.add(char);
  }
  return Array.from(missing);
}

/** "Regular 90 kB woff / 70 kB woff2, Bold 92 kB woff / 71 kB woff2". */
export function describeFontSizes(manifest: FontsManifest): string {
  const kB = (file: string) => `${Math.round((manifest.files[file] ?? 0) / 1024)} kB`;
  return FONT_WEIGHTS.map(
    (weight) => `${weight} ${kB(fontFileName(weight, 'woff'))} woff / ${kB(fontFileName(weight, 'woff2'))} woff2`,
  ).join(', ');
}

export const FONT_METRICS_FILE = 'metrics.json';

/**
 * Advance widths (in em, 3 decimals) of the given characters in both faces: what the board's
 * line-breaker measures with, at build time and, from `metrics.json`, in the browser.
 */
export function fontMetricsFor(characters: string): FontMetrics {
  const chars = Array.from(characters).filter((char) => needsGlyph(char));
  const widths = (weight: FontWeightName) => {
    const font = fontFrom(fontSourcePath(weight));
    return chars.map((char) => {
      const codePoint = char.codePointAt(0) ?? 0;
      if (!font.hasGlyphForCodePoint(codePoint)) return 1;
      return Math.round((font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm) * 1000) / 1000;
    });
  };
  return { chars: chars.join(''), regular: widths('Regular'), bold: widths('Bold') };
}
