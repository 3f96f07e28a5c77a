/**
 * Ships only the glyphs the exhibition uses. Noto Sans SC is about 10 MB per weight; the
 * content and interface need a few hundred to a few thousand characters, a few hundred kB.
 *
 * Every glyph is in exactly one file, and each file serves both the page's CSS @font-face and
 * troika-three-text (the 3D boards, which cannot read woff2) from one URL, so the browser fetches
 * it once:
 * - `NotoSansSC-Regular.woff`: every character, the regular weight (interface and boards);
 * - `NotoSansSC-Bold.woff`: the characters the boards draw in bold (`boardBoldStrings`), which a
 *   start in the corridor shows at once (titles);
 * - `NotoSansSC-BoldRest.woff`: the bold of every other character, for the interface alone; its
 *   @font-face's unicode-range lets the browser fetch it only when bold text needs one of them.
 * All keep only BOARD_FONT_FEATURES.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Font, create as openFont } from 'fontkit';
import subsetFont, { type SubsetFontOptions } from 'subset-font';
import { loadExhibition, type ReadContentFile } from '../content/load.ts';
import type { ContentProblem } from '../content/problems.ts';
import { loadQuizzes, locateQuizStrings } from '../content/quizLoad.ts';
import type { FontMetrics } from '../layout/lineBreak.ts';
import { writeAtomic } from './atomicWrite.ts';
import { boardBoldStrings, charactersWithin, collectContentStrings, fontCharacters, needsGlyph } from './characters.ts';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
/** Bump when the output changes for the same characters (options, file set). */
const OUTPUT_FORMAT = 3;

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
 * The interface reads the same files: its text is horizontal, and these are the features a
 * browser applies to horizontal Chinese and Latin text by default.
 */
export const BOARD_FONT_FEATURES: readonly string[] = ['kern', 'liga', 'ccmp'];

const SUBSET_OPTIONS: SubsetFontOptions = { targetFormat: 'woff', keepFeatures: [...BOARD_FONT_FEATURES] };

export type FontWeightName = 'Regular' | 'Bold';
export const FONT_WEIGHTS: readonly FontWeightName[] = ['Regular', 'Bold'];
/** The generated files: see the top of this file. */
export type FontFileKind = 'Regular' | 'Bold' | 'BoldRest';
export const FONT_FILE_KINDS: readonly FontFileKind[] = ['Regular', 'Bold', 'BoldRest'];
export const FONTS_MANIFEST = 'fonts.json';

/** The weight a generated file is cut from. */
export function fontFileWeight(kind: FontFileKind): FontWeightName {
  return kind === 'Regular' ? 'Regular' : 'Bold';
}

/** The full source TTF of one weight, inside the font package. */
export function fontSourcePath(weight: FontWeightName): string {
  const packageDir = dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
  return weight === 'Regular'
    ? join(packageDir, '400Regular', 'NotoSansSC_400Regular.ttf')
    : join(packageDir, '700Bold', 'NotoSansSC_700Bold.ttf');
}

/** "NotoSansSC-Regular.woff". */
export function fontFileName(kind: FontFileKind): string {
  return `NotoSansSC-${kind}.woff`;
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
  /** The characters of `NotoSansSC-Bold.woff` (what the boards draw in bold); BoldRest has the others. */
  boardBoldCharacters: string;
  /** What loading the content reported (the fonts are built from whatever did load). */
  problems: ContentProblem[];
}

/** Reads content files from a folder on disk (the build's twin of `fetchContentFile`). */
export function fsContentReader(contentDir: string): ReadContentFile {
  return (name) => readFile(join(contentDir, name), 'utf8');
}

/**
 * The characters the fonts must cover: every content string (all languages) plus the UI strings;
 * and, of them, those the boards draw in bold.
 */
export async function exhibitionCharacters(
  contentDir: string,
): Promise<{ characters: string; boardBoldCharacters: string; problems: ContentProblem[] }> {
  const read = fsContentReader(contentDir);
  const { exhibition, problems } = await loadExhibition(read);
  // A broken exhibition.json still gets fonts: the error screen is written with the UI strings.
  const strings = exhibition ? collectContentStrings(exhibition) : [];
  // The quizzes' questions are shown in the same font (their own problems are the content check's).
  const quizzes = await loadQuizzes(read, exhibition);
  for (const { text } of locateQuizStrings(quizzes)) strings.push(text);
  const characters = fontCharacters(strings);
  const bold = exhibition ? boardBoldStrings(exhibition) : [];
  return { characters, boardBoldCharacters: charactersWithin(bold, characters), problems };
}

function hashOf(characters: string, boardBold: string, version: string): string {
  return createHash('sha256').update(`${OUTPUT_FORMAT}\n${FONT_PACKAGE}@${version}\n${characters}\n${boardBold}`).digest('hex');
}

async function readManifest(outDir: string): Promise<FontsManifest | null> {
  try {
    return JSON.parse(await readFile(join(outDir, FONTS_MANIFEST), 'utf8')) as FontsManifest;
  } catch {
    return null;
  }
}

/** The characters each generated file carries. */
function fileCharacters(kind: FontFileKind, characters: string, boardBold: string): string {
  if (kind === 'Regular') return characters;
  if (kind === 'Bold') return boardBold;
  const inBold = new Set(Array.from(boardBold));
  return Array.from(characters)
    .filter((char) => !inBold.has(char))
    .join('');
}

/** Subsets Regular and Bold to the exhibition's characters; skips the work when nothing changed. */
export async function buildFonts({ contentDir, outDir }: BuildFontsOptions): Promise<BuildFontsResult> {
  const { characters, boardBoldCharacters, problems } = await exhibitionCharacters(contentDir);
  const version = fontPackageVersion();
  const hash = hashOf(characters, boardBoldCharacters, version);

  const previous = await readManifest(outDir);
  const expectedFiles = [...FONT_FILE_KINDS.map(fontFileName), FONT_METRICS_FILE];
  await removeStaleFontFiles(outDir, new Set(expectedFiles));
  if (previous?.hash === hash && expectedFiles.every((file) => existsSync(join(outDir, file)))) {
    return { manifest: previous, skipped: true, characters, boardBoldCharacters, problems };
  }

  await mkdir(outDir, { recursive: true });
  const files: Record<string, number> = {};
  const sources = new Map<FontWeightName, Buffer>();
  for (const weight of FONT_WEIGHTS) sources.set(weight, await readFile(fontSourcePath(weight)));
  const outputs = await Promise.all(
    FONT_FILE_KINDS.map((kind) =>
      subsetFont(
        sources.get(fontFileWeight(kind)) as Buffer,
        fileCharacters(kind, characters, boardBoldCharacters),
        SUBSET_OPTIONS,
      ),
    ),
  );
  for (const [index, kind] of FONT_FILE_KINDS.entries()) {
    const data = outputs[index] as Buffer;
    const file = fontFileName(kind);
    await writeAtomic(join(outDir, file), data);
    files[file] = data.byteLength;
  }
  await writeAtomic(join(outDir, FONT_METRICS_FILE), JSON.stringify(fontMetricsFor(characters, boardBoldCharacters)));
  const manifest: FontsManifest = {
    hash,
    fontPackage: `${FONT_PACKAGE}@${version}`,
    characters: Array.from(characters).length,
    files,
  };
  await writeAtomic(join(outDir, FONTS_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, skipped: false, characters, boardBoldCharacters, problems };
}

/**
 * An older build's font files (the woff2 of before issue 20, a weight no longer made) would be
 * copied into every build and every kiosk's sync: only the current set stays. Nothing else in the
 * folder (the unicode fallbacks, the manifests) is touched.
 */
async function removeStaleFontFiles(outDir: string, current: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (/^NotoSansSC-[\w-]+\.(woff2?|ttf|otf)$/.test(name) && !current.has(name)) await rm(join(outDir, name), { force: true });
  }
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

/** "Regular 201 kB, Bold 52 kB, BoldRest 160 kB". */
export function describeFontSizes(manifest: FontsManifest): string {
  return FONT_FILE_KINDS.map((kind) => `${kind} ${Math.round((manifest.files[fontFileName(kind)] ?? 0) / 1024)} kB`).join(', ');
}

export const FONT_METRICS_FILE = 'metrics.json';

/**
 * Advance widths (in em, 3 decimals) of the given characters in both faces: what the board's
 * line-breaker measures with, at build time and, from `metrics.json`, in the browser. With the
 * characters of the boards' bold file (`boardBold`), which the interface's bold faces and the
 * boards' choice of face need too.
 */
export function fontMetricsFor(characters: string, boardBold?: string): FontMetrics {
  const chars = Array.from(characters).filter((char) => needsGlyph(char));
  const widths = (weight: FontWeightName) => {
    const font = fontFrom(fontSourcePath(weight));
    return chars.map((char) => {
      const codePoint = char.codePointAt(0) ?? 0;
      if (!font.hasGlyphForCodePoint(codePoint)) return 1;
      return Math.round((font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm) * 1000) / 1000;
    });
  };
  const metrics: FontMetrics = { chars: chars.join(''), regular: widths('Regular'), bold: widths('Bold') };
  return boardBold === undefined ? metrics : { ...metrics, boardBold };
}
