/**
 * The build's content check: everything the site itself would report (schema, JSON syntax,
 * duplicate ids), plus what only the build can see — image and narration files that are not there, and
 * characters no shipped font can draw.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_DIR_LABEL, EXHIBITION_FILE, loadExhibition, parseJsonText } from '../content/load.ts';
import { narrationFiles } from '../content/narration.ts';
import { type ContentProblem, formatJsonPath } from '../content/problems.ts';
import { loadQuizzes, locateQuizStrings, QUIZ_FILE_LABEL } from '../content/quizLoad.ts';
import type { Exhibition, Panel } from '../content/schema.ts';
import { KIOSK_STRINGS } from '../i18n/kioskStrings.ts';
import { OATH_STRINGS } from '../i18n/oathStrings.ts';
import { PRESENT_STRINGS } from '../i18n/presentStrings.ts';
import { QUIZ_STRINGS } from '../i18n/quizStrings.ts';
import { UI_STRINGS } from '../i18n/strings.ts';
import { boardTextWarnings } from './boardTextWarnings.ts';
import {
  codePointLabel,
  collectContentStrings,
  fontCharacters,
  locateContentStrings,
  needsGlyph,
  uiStrings,
} from './characters.ts';
import { fontMetricsFor, fontSourcePath, fsContentReader, missingCharacters } from './fonts.ts';
import { photoProblems } from './photos.ts';

const label = (name: string) => `${CONTENT_DIR_LABEL}/${name}`;

/** The raw JSON of a content file, or null when it cannot be read or parsed (the loader already said why). */
async function readRawJson(contentDir: string, name: string): Promise<unknown> {
  try {
    const parsed = parseJsonText(label(name), await readFile(join(contentDir, name), 'utf8'));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

/** The ids of a raw array's entries, in file order (undefined where an entry has no string id). */
function rawIds(list: unknown): Array<string | undefined> {
  if (!Array.isArray(list)) return [];
  return list.map((entry) => {
    const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : undefined;
  });
}

/**
 * Where the loaded exhibition's parts stand in the files. The loader leaves broken panels and
 * duplicate sections out, so a loaded index is not a file index: find each part by its id.
 * The loader keeps the first of duplicate ids, and so does indexOf.
 */
interface Locator {
  /** Index in exhibition.json `sections` of `exhibition.sections[section]`. */
  sectionIndex(section: number): number;
  /** Index in the section file's `panels` of `exhibition.sections[section].panels[panel]`. */
  panelIndex(section: number, panel: number): number;
}

async function locator(contentDir: string, exhibition: Exhibition): Promise<Locator> {
  const rawExhibition = await readRawJson(contentDir, EXHIBITION_FILE);
  const sectionIds = rawIds((rawExhibition as { sections?: unknown } | null)?.sections);
  const panelIds = await Promise.all(
    exhibition.sections.map(async (section) =>
      rawIds(((await readRawJson(contentDir, section.file)) as { panels?: unknown } | null)?.panels),
    ),
  );
  return {
    sectionIndex: (section) => {
      const id = exhibition.sections[section]?.id;
      const index = sectionIds.indexOf(id);
      return index === -1 ? section : index;
    },
    panelIndex: (section, panel) => {
      const id = exhibition.sections[section]?.panels[panel]?.id;
      const index = panelIds[section]?.indexOf(id) ?? -1;
      return index === -1 ? panel : index;
    },
  };
}

/** True when the file exists with exactly this spelling (static hosts are case-sensitive even where the disk is not). */
async function fileExists(root: string, relative: string): Promise<boolean> {
  try {
    if (!(await stat(join(root, relative))).isFile()) return false;
  } catch {
    return false;
  }
  let dir = root;
  for (const part of relative.split('/').filter((p) => p !== '' && p !== '.')) {
    try {
      if (!(await readdir(dir)).includes(part)) return false;
    } catch {
      return false;
    }
    dir = join(dir, part);
  }
  return true;
}

/** The file's real spelling when it exists under another upper/lower case (e.g. "IMG_01.JPG" for "img_01.jpg"). */
async function spelledOtherwise(root: string, relative: string): Promise<string | null> {
  let dir = root;
  const found: string[] = [];
  for (const part of relative.split('/').filter((p) => p !== '' && p !== '.')) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const match = names.find((name) => name === part) ?? names.find((name) => name.toLowerCase() === part.toLowerCase());
    if (match === undefined) return null;
    found.push(match);
    dir = join(dir, match);
  }
  const spelled = found.join('/');
  return spelled !== relative && (await fileExists(root, spelled)) ? spelled : null;
}

/** Every file a panel names (images, narration recordings and captions, an oath's recording), with its JSON path in the panel. */
function panelFiles(panel: Panel): Array<{ src: string; path: Array<string | number> }> {
  return [
    ...panel.images.map((image, i) => ({ src: image.src, path: ['images', i, 'src'] })),
    ...narrationFiles(panel.narration).map((file) => ({ src: file.src, path: ['narration', ...file.path] })),
    ...(panel.kind === 'oath' && panel.recording ? [{ src: panel.recording.src, path: ['recording', 'src'] }] : []),
  ];
}

async function missingFiles(exhibition: Exhibition, assetsDir: string, where: Locator): Promise<ContentProblem[]> {
  const checks = exhibition.sections.flatMap((section, s) =>
    section.panels.flatMap((panel, p) =>
      panelFiles(panel).map(async ({ src, path }): Promise<ContentProblem | null> => {
        if (await fileExists(assetsDir, src)) return null;
        const otherCase = await spelledOtherwise(assetsDir, src);
        return {
          severity: 'error',
          file: label(section.file),
          path: formatJsonPath(['panels', where.panelIndex(s, p), ...path]),
          zh: otherCase
            ? `找不到文件 "${src}"：有一个大小写不同的文件 "${otherCase}"，文件名的大小写必须完全一致`
            : `找不到文件 "${src}"`,
          en: otherCase
            ? `file not found "${src}": there is "${otherCase}", which differs in upper/lower case; the case must match exactly`
            : `file not found "${src}"`,
        };
      }),
    ),
  );
  return (await Promise.all(checks)).filter((problem): problem is ContentProblem => problem !== null);
}

function missingGlyphProblem(file: string, path: string, char: string): ContentProblem {
  return {
    severity: 'error',
    file,
    path,
    zh: `字体中没有这个字：“${char}”`,
    en: `no shipped font has the character "${char}" (${codePointLabel(char)})`,
  };
}

/** One problem per character and place, for every character the Regular font cannot draw. */
function missingGlyphs(
  exhibition: Exhibition | null,
  where: Locator | null,
  quizStrings: ReadonlyArray<{ text: string; path: string }>,
): ContentProblem[] {
  const located = exhibition ? locateContentStrings(exhibition) : [];
  // The interface's tables, each named by its own file.
  const tables: Record<string, Record<string, Record<string, string>>> = {
    'src/i18n/strings.ts': UI_STRINGS,
    'src/i18n/kioskStrings.ts': KIOSK_STRINGS,
    'src/i18n/presentStrings.ts': PRESENT_STRINGS,
    'src/i18n/quizStrings.ts': QUIZ_STRINGS,
    'src/i18n/oathStrings.ts': OATH_STRINGS,
  };
  const ui = Object.entries(tables).flatMap(([file, table]) =>
    Object.entries(table).flatMap(([key, entry]) =>
      Object.entries(entry).map(([lang, text]) => ({ text, file, path: `${key}.${lang}` })),
    ),
  );
  const all = [...located.map((entry) => entry.text), ...quizStrings.map((entry) => entry.text), ...uiStrings()].join('');
  const missing = new Set(missingCharacters(fontSourcePath('Regular'), all));
  if (missing.size === 0) return [];

  const problems: ContentProblem[] = [];
  const report = (text: string, file: string, path: string) => {
    const seen = new Set<string>();
    for (const char of Array.from(text)) {
      if (missing.has(char) && needsGlyph(char) && !seen.has(char)) {
        seen.add(char);
        problems.push(missingGlyphProblem(file, path, char));
      }
    }
  };
  for (const entry of located) {
    if (entry.section === undefined || !exhibition || !where) {
      report(entry.text, label(EXHIBITION_FILE), formatJsonPath(entry.path));
    } else if (entry.panel === undefined) {
      report(entry.text, label(EXHIBITION_FILE), formatJsonPath(['sections', where.sectionIndex(entry.section), ...entry.path]));
    } else {
      const file = exhibition.sections[entry.section]?.file ?? EXHIBITION_FILE;
      report(entry.text, label(file), formatJsonPath(['panels', where.panelIndex(entry.section, entry.panel), ...entry.path]));
    }
  }
  for (const entry of quizStrings) report(entry.text, QUIZ_FILE_LABEL, entry.path);
  for (const entry of ui) report(entry.text, entry.file, entry.path);
  return problems;
}

export interface CheckContentOptions {
  /** Also warn about text that fits its board only printed smaller (the curator's field checks). */
  shrink?: boolean;
}

type LoadedQuizzes = Awaited<ReturnType<typeof loadQuizzes>>;

/**
 * The checks of the content's text against the board and the font: every character no shipped
 * font covers, and every text too long for its board (with `shrink`, also every one printed
 * smaller to fit).
 */
function textProblems(
  exhibition: Exhibition | null,
  where: Locator | null,
  quizzes: LoadedQuizzes,
  { shrink = false }: CheckContentOptions,
): ContentProblem[] {
  const quizStrings = locateQuizStrings(quizzes);
  if (!exhibition || !where) return missingGlyphs(null, null, quizStrings);
  const metrics = fontMetricsFor(fontCharacters(collectContentStrings(exhibition)));
  const textWarnings = boardTextWarnings(
    exhibition,
    metrics,
    (section, panel) => ({
      file: label(exhibition.sections[section]?.file ?? EXHIBITION_FILE),
      index: where.panelIndex(section, panel),
    }),
    { shrink },
  );
  return [...missingGlyphs(exhibition, where, quizStrings), ...textWarnings];
}

/**
 * What the curator checks on each save besides the loaders: the files a panel names that are not
 * under `assetsDir`, and the text against the board and the font. No photo is opened (their
 * sizes and types are the whole check's), so it is quick enough to run as staff type.
 */
export async function savedContentProblems(
  contentDir: string,
  assetsDir: string,
  exhibition: Exhibition | null,
  quizzes: LoadedQuizzes,
  options: CheckContentOptions = {},
): Promise<ContentProblem[]> {
  if (!exhibition) return textProblems(null, null, quizzes, options);
  const where = await locator(contentDir, exhibition);
  return [...(await missingFiles(exhibition, assetsDir, where)), ...textProblems(exhibition, where, quizzes, options)];
}

/**
 * Checks the content folder: loads it (and its quizzes) as the site would, then adds an error for every image
 * file that does not exist under `assetsDir` and every character no shipped font covers.
 */
export async function checkContent(
  contentDir: string,
  assetsDir: string,
  options: CheckContentOptions = {},
): Promise<ContentProblem[]> {
  const { exhibition, problems } = await loadExhibition(fsContentReader(contentDir));
  // The quizzes are checked against the loaded panels (a question's panel, its answer's key text).
  const quizzes = await loadQuizzes(fsContentReader(contentDir), exhibition);
  problems.push(...quizzes.problems);
  if (!exhibition) return [...problems, ...textProblems(null, null, quizzes, options)];
  const where = await locator(contentDir, exhibition);
  problems.push(...(await photoProblems(exhibition, assetsDir, where)));
  const files = await missingFiles(exhibition, assetsDir, where);
  return [...problems, ...files, ...textProblems(exhibition, where, quizzes, options)];
}
