/**
 * Which characters the exhibition shows. The font subsetter ships exactly these glyphs, and the
 * content check names every one that no shipped font has. Pure: runs in node and in the browser.
 */

import { contentJsonSchemas } from '../content/jsonSchema.ts';
import { formatDate, LANGS, variants } from '../content/localize.ts';
import { periodYears } from '../content/periods.ts';
import type { Exhibition, LocalizedString, Panel, PartialDate } from '../content/schema.ts';
import { curateFontStrings } from '../i18n/curateStrings.ts';
import { followFontStrings } from '../i18n/followStrings.ts';
import { KIOSK_STRINGS } from '../i18n/kioskStrings.ts';
import { liveFontStrings } from '../i18n/liveStrings.ts';
import { OATH_STRINGS } from '../i18n/oathStrings.ts';
import { PRESENT_STRINGS } from '../i18n/presentStrings.ts';
import { QUIZ_STRINGS } from '../i18n/quizStrings.ts';
import { UI_STRINGS } from '../i18n/strings.ts';
import { statFigureText } from '../layout/boardText.ts';
import { boardTextWarningWords } from './boardTextWarnings.ts';

/** One visitor-facing string and where it stands, so a problem with it can name its place. */
export interface LocatedString {
  text: string;
  /** Index into `exhibition.sections`; absent for the exhibition's own fields. */
  section?: number;
  /** Index into that section's loaded `panels`; absent for the section's own fields. */
  panel?: number;
  /** JSON path relative to the panel, the section entry or the exhibition file, e.g. ["images", 0, "caption", "en"]. */
  path: Array<string | number>;
}

type Path = Array<string | number>;

/** The language variants of one localized field, each with the path of the key it came from. */
function localized(text: LocalizedString | undefined, path: Path): Array<{ text: string; path: Path }> {
  if (text === undefined) return [];
  if (typeof text === 'string') return [{ text, path }];
  // variants() gives [zh] or [zh, en], in that order.
  return variants(text).map((variant, index) => ({ text: variant, path: [...path, index === 0 ? 'zh' : 'en'] }));
}

/** A date is shown formatted ("1921年7月23日" / "23 July 1921"), so its formatted forms count too. */
function dates(date: PartialDate | undefined, path: Path): Array<{ text: string; path: Path }> {
  if (date === undefined) return [];
  return LANGS.map((lang) => ({ text: formatDate(date, lang), path }));
}

function panelStrings(panel: Panel): Array<{ text: string; path: Path }> {
  const out = [
    ...localized(panel.title, ['title']),
    ...localized(panel.summary, ['summary']),
    ...panel.body.flatMap((paragraph, i) => localized(paragraph, ['body', i])),
    ...dates(panel.date, ['date']),
    ...panel.images.flatMap((image, i) => [
      ...localized(image.caption, ['images', i, 'caption']),
      ...localized(image.alt, ['images', i, 'alt']),
    ]),
    ...localized(panel.source, ['source']),
  ];
  switch (panel.kind) {
    case 'member':
      panel.people.forEach((person, i) => {
        out.push(...localized(person.name, ['people', i, 'name']), ...localized(person.role, ['people', i, 'role']));
        person.honours.forEach((honour, j) => {
          out.push(...localized(honour, ['people', i, 'honours', j]));
        });
      });
      break;
    case 'stats':
      out.push(...dates(panel.since, ['since']));
      panel.stats.forEach((stat, i) => {
        out.push(
          ...localized(stat.label, ['stats', i, 'label']),
          { text: String(stat.value), path: ['stats', i, 'value'] },
          ...localized(stat.unit, ['stats', i, 'unit']),
        );
      });
      break;
    case 'board':
      panel.points.forEach((point, i) => {
        out.push(...localized(point, ['points', i]));
      });
      break;
    case 'to-fill':
      out.push(...localized(panel.note, ['note']));
      break;
    case 'oath':
      panel.phrases.forEach((phrase, i) => {
        out.push(...localized(phrase, ['phrases', i]));
      });
      break;
    case 'milestone':
    case 'event':
      break;
  }
  return out;
}

/** Every visitor-facing string of the exhibition, in every language, with where it stands. */
export function locateContentStrings(exhibition: Exhibition): LocatedString[] {
  const out: LocatedString[] = [
    ...localized(exhibition.title, ['title']),
    ...localized(exhibition.subtitle, ['subtitle']),
    ...localized(exhibition.host, ['host']),
    ...localized(exhibition.theme, ['theme']),
    ...localized(exhibition.motto, ['motto']),
    ...localized(exhibition.mottoCaption, ['mottoCaption']),
    ...localized(exhibition.source, ['source']),
    // The periods' names head the timeline's parts (wall, directory, floor plan, text twin).
    ...(exhibition.periods ?? []).flatMap((period, p) => localized(period.title, ['periods', p, 'title'])),
    // Tours (projector lessons): titles on the projector, talking points in the presenter view.
    ...(exhibition.tours ?? []).flatMap((tour, t) => [
      ...localized(tour.title, ['tours', t, 'title']),
      ...tour.stops.flatMap((stop, s) => stop.notes.flatMap((note, n) => localized(note, ['tours', t, 'stops', s, 'notes', n]))),
    ]),
  ];
  exhibition.sections.forEach((section, sectionIndex) => {
    for (const entry of [
      ...localized(section.title, ['title']),
      ...localized(section.subtitle, ['subtitle']),
      ...localized(section.intro, ['intro']),
    ]) {
      out.push({ ...entry, section: sectionIndex });
    }
    section.panels.forEach((panel, panelIndex) => {
      for (const entry of panelStrings(panel)) out.push({ ...entry, section: sectionIndex, panel: panelIndex });
    });
  });
  return out;
}

/** Every visitor-facing string of the exhibition, in every language. */
export function collectContentStrings(exhibition: Exhibition): string[] {
  return locateContentStrings(exhibition).map((entry) => entry.text);
}

const bothLanguages = (table: Record<string, Record<(typeof LANGS)[number], string>>): string[] =>
  Object.values(table).flatMap((entry) => LANGS.map((lang) => entry[lang]));

/**
 * Every interface string (`src/i18n/strings.ts`), in every language, the words kept with their
 * screens (the kiosk's, the projector's, the quizzes', the oath's; the follower page and the
 * projector's 课堂互动) and the curator's (布展).
 */
export function uiStrings(): string[] {
  return [
    ...bothLanguages(UI_STRINGS),
    ...bothLanguages(KIOSK_STRINGS),
    ...bothLanguages(PRESENT_STRINGS),
    ...bothLanguages(QUIZ_STRINGS),
    ...bothLanguages(OATH_STRINGS),
    ...followFontStrings(),
    ...liveFontStrings(),
    ...curateFontStrings(),
    // The curator's form labels and explains each field with the content schema's own titles and
    // hints (src/modes/curate/schemaForm/), and shows the board's text warnings at the field.
    ...schemaHelpStrings(),
    ...boardTextWarningWords(),
  ];
}

/** Every title and description of the content's JSON Schemas (the zod schemas' hints). */
function schemaHelpStrings(): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        // A description is its Chinese and its English on two lines: the line break draws nothing.
        if ((key === 'title' || key === 'description') && typeof entry === 'string') found.push(...entry.split('\n'));
        else walk(entry);
      }
    }
  };
  walk(contentJsonSchemas());
  return found;
}

const range = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/**
 * Characters the font always carries, whatever the content says today: printable ASCII, the
 * common Chinese punctuation, the full-width forms staff type by habit, and the date characters.
 */
export const ALWAYS_INCLUDED =
  range(0x20, 0x7e) +
  '“”‘’、。，：；！？（）《》〈〉—…·「」『』【】〔〕～' +
  '０１２３４５６７８９％＋－／＝＜＞＃＆＊＠［］｛｝｜＿．' +
  '年月日' +
  // Symbols the app itself draws: honour stars on boards, arrows and × on buttons.
  '★‹›×←→▶■';

/**
 * Characters that draw nothing and need no glyph: control and format characters, line and
 * paragraph separators, lone surrogates. Space separators (" ", U+3000 used to indent Chinese
 * paragraphs, no-break space) stay: troika looks a string's first character up in the font even
 * when it is a space, and falls back to fetching a font from the web when it is missing.
 */
const NO_GLYPH = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** True for a character (one code point) that needs a glyph in the font. */
export function needsGlyph(char: string): boolean {
  return !NO_GLYPH.test(char);
}

/** The code points a font must cover to show these strings, the UI strings and the always-included set; sorted, each once. */
export function fontCharacters(strings: string[]): string {
  const codePoints = new Set<number>();
  for (const text of [...strings, ...uiStrings(), ALWAYS_INCLUDED]) {
    // Array.from walks code points, so an astral character such as 𠀀 stays whole.
    for (const char of Array.from(text)) {
      if (needsGlyph(char)) codePoints.add(char.codePointAt(0) as number);
    }
  }
  return Array.from(codePoints)
    .sort((a, b) => a - b)
    .map((codePoint) => String.fromCodePoint(codePoint))
    .join('');
}

/**
 * The strings the 3D boards draw in bold (src/scene: BoardText with `bold`): titles, the entrance's
 * title and theme, section lintels and headers, period headings, the motto, dates and years,
 * figures, names and honours, the "to be filled in" tag. The bold font the boards load at the
 * start carries only these characters; the interface's other bold text comes from a second file
 * the browser fetches only when it shows such text (src/build/fonts.ts). A board text with a
 * character outside this set is drawn in the regular face (scene/BoardText.tsx), never as a gap.
 */
export function boardBoldStrings(exhibition: Exhibition): string[] {
  const out: string[] = [ALWAYS_INCLUDED, ...variants(UI_STRINGS.toFill).map((text) => `【${text}】`)];
  const add = (text: LocalizedString | undefined) => {
    if (text !== undefined) out.push(...variants(text));
  };
  add(exhibition.title);
  add(exhibition.theme);
  add(exhibition.motto);
  for (const period of exhibition.periods ?? []) {
    add(period.title);
    for (const lang of LANGS) out.push(periodYears(period, lang));
  }
  for (const section of exhibition.sections) {
    add(section.title);
    add(section.subtitle);
    for (const panel of section.panels) {
      add(panel.title);
      if (panel.date) for (const lang of LANGS) out.push(formatDate(panel.date, lang));
      if (panel.kind === 'member') {
        for (const person of panel.people) {
          add(person.name);
          for (const honour of person.honours) add(honour);
        }
      }
      if (panel.kind === 'stats') for (const stat of panel.stats) for (const lang of LANGS) out.push(statFigureText(stat, lang));
    }
  }
  return out;
}

/** The characters of `strings` (each once, sorted) that are also in `within`. */
export function charactersWithin(strings: readonly string[], within: string): string {
  const allowed = new Set(Array.from(within));
  const found = new Set<string>();
  for (const text of strings) for (const char of Array.from(text)) if (allowed.has(char)) found.add(char);
  return Array.from(found)
    .sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0))
    .join('');
}

/** "U+20000", "U+56E7". */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
