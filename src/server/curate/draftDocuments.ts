/**
 * The draft's documents, as pure functions over its files (parsed JSON, keyed by their path in
 * the store's layout: "content/exhibition.json", "content/timeline.json"…). No fs here: draft.ts
 * reads and writes the files; this says where each panel and document stands, what its version
 * is, and how a change makes new files.
 *
 * The files hold whatever was saved, finished or not (nothing typed is lost), so everything here
 * reads them as plain JSON and never assumes they pass the content schema: the content check
 * (draftCheck.ts) says what is wrong, next to the field.
 *
 * A version is a hash of the document's JSON: the same content has the same version in every
 * browser, with nothing extra to store, and it changes exactly when the content does.
 */
import { createHash } from 'node:crypto';
import type { DocumentRef, DraftVersions, JsonPath, PanelEntry, ProblemTarget } from '../../live/curateDraftProtocol.ts';

export type DraftFiles = Record<string, unknown>;
export type JsonObject = Record<string, unknown>;

export const EXHIBITION_PATH = 'content/exhibition.json';
export const QUIZ_PATH = 'content/quiz.json';
/** A section's file as exhibition.json may name it (the content schema's rule): never a path. */
const SECTION_FILE_NAME = /^[\w-]+\.json$/;
/** Files a section may not name: writing its panels there would overwrite another document. */
const NOT_SECTION_FILES = new Set([EXHIBITION_PATH, QUIZ_PATH]);
/** The keys of exhibition.json that are not its settings: each section and tour is its own document. */
const NOT_SETTINGS = ['$schema', 'sections', 'tours'] as const;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function versionOf(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value) ?? 'undefined')
    .digest('hex')
    .slice(0, 16);
}

const idOf = (value: unknown): string | undefined => (isObject(value) && typeof value.id === 'string' ? value.id : undefined);

export function exhibitionOf(files: DraftFiles): JsonObject | null {
  const exhibition = files[EXHIBITION_PATH];
  return isObject(exhibition) ? exhibition : null;
}

function listOf(document: unknown, key: string): unknown[] {
  const list = isObject(document) ? document[key] : undefined;
  return Array.isArray(list) ? list : [];
}

export interface PlacedSection {
  id: string;
  /** The section's file in the store's layout, e.g. "content/timeline.json". */
  file: string;
  /** Its index in exhibition.json `sections`. */
  index: number;
  entry: JsonObject;
}

/** The sections exhibition.json lists with an id and a usable file name (the first of a duplicate id). */
export function sectionsOf(files: DraftFiles): PlacedSection[] {
  const seen = new Set<string>();
  const sections: PlacedSection[] = [];
  listOf(exhibitionOf(files), 'sections').forEach((entry, index) => {
    const id = idOf(entry);
    const file = isObject(entry) ? entry.file : undefined;
    if (!isObject(entry) || id === undefined || seen.has(id) || typeof file !== 'string' || !SECTION_FILE_NAME.test(file)) {
      return;
    }
    if (NOT_SECTION_FILES.has(`content/${file}`)) return;
    seen.add(id);
    sections.push({ id, file: `content/${file}`, index, entry });
  });
  return sections;
}

export interface PlacedPanel {
  id: string;
  sectionId: string;
  file: string;
  index: number;
  panel: JsonObject;
}

/** Every panel with an id, in corridor order; of two with one id, the first (as the loader keeps it). */
export function panelsOf(files: DraftFiles): PlacedPanel[] {
  const seen = new Set<string>();
  const placed: PlacedPanel[] = [];
  for (const section of sectionsOf(files)) {
    listOf(files[section.file], 'panels').forEach((panel, index) => {
      const id = idOf(panel);
      if (!isObject(panel) || id === undefined || seen.has(id)) return;
      seen.add(id);
      placed.push({ id, sectionId: section.id, file: section.file, index, panel });
    });
  }
  return placed;
}

export function findPanel(files: DraftFiles, panelId: string): PlacedPanel | undefined {
  return panelsOf(files).find((placed) => placed.id === panelId);
}

/** exhibition.json without its sections and tours (and `$schema`, which is not for curators). */
export function settingsOf(exhibition: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(exhibition).filter(([key]) => !(NOT_SETTINGS as readonly string[]).includes(key)));
}

/** Where a document lives: the file, the list in it (null for the settings) and its index there. */
interface DocumentPlace {
  file: string;
  list: 'sections' | 'tours' | 'quizzes' | null;
  index: number;
  value: JsonObject;
}

function placeOf(files: DraftFiles, ref: DocumentRef): DocumentPlace | null {
  if (ref.kind === 'settings') {
    const exhibition = exhibitionOf(files);
    return exhibition ? { file: EXHIBITION_PATH, list: null, index: -1, value: settingsOf(exhibition) } : null;
  }
  const file = ref.kind === 'quiz' ? QUIZ_PATH : EXHIBITION_PATH;
  const list = ref.kind === 'quiz' ? 'quizzes' : ref.kind === 'tour' ? 'tours' : 'sections';
  const entries = listOf(files[file], list);
  const index = entries.findIndex((entry) => idOf(entry) === ref.id);
  const value = entries[index];
  return index >= 0 && isObject(value) ? { file, list, index, value } : null;
}

export interface PlacedDocument {
  value: JsonObject;
  version: string;
  file: string;
  /** Its JSON path in the file: [] for the settings, e.g. ["tours", 0] for a tour. */
  path: JsonPath;
}

/** The document, its version and its place, or null when the draft has none by that id. */
export function documentOf(files: DraftFiles, ref: DocumentRef): PlacedDocument | null {
  const place = placeOf(files, ref);
  if (!place) return null;
  const path = place.list === null ? [] : [place.list, place.index];
  return { value: place.value, version: versionOf(place.value), file: place.file, path };
}

/** The document's new JSON in its file: the other documents and the file's key order stay as they were. */
export function withDocument(files: DraftFiles, ref: DocumentRef, value: JsonObject): DraftFiles {
  const place = placeOf(files, ref);
  if (!place) throw new Error(`no ${ref.kind} to replace`);
  const document = files[place.file] as JsonObject;
  if (place.list === null) {
    const kept = Object.fromEntries(NOT_SETTINGS.filter((key) => key in document).map((key) => [key, document[key]]));
    // Sections and tours sent along with the settings are not theirs to change: each is its own document.
    return { ...files, [place.file]: mergeInOrder(document, { ...settingsOf(value), ...kept }) };
  }
  const entries = [...listOf(document, place.list)];
  entries[place.index] = value;
  return { ...files, [place.file]: { ...document, [place.list]: entries } };
}

/** `next` with the keys `before` had in `before`'s order first (a saved file keeps its shape), then new ones. */
function mergeInOrder(before: JsonObject, next: JsonObject): JsonObject {
  const merged: JsonObject = {};
  for (const key of Object.keys(before)) if (key in next) merged[key] = next[key];
  for (const [key, value] of Object.entries(next)) if (!(key in merged)) merged[key] = value;
  return merged;
}

export function draftVersions(files: DraftFiles): DraftVersions {
  const exhibition = exhibitionOf(files);
  const byId = (list: unknown[]) => {
    const versions: Record<string, string> = {};
    for (const entry of list) {
      const id = idOf(entry);
      if (id !== undefined && !(id in versions)) versions[id] = versionOf(entry);
    }
    return versions;
  };
  const panels: Record<string, PanelEntry> = {};
  for (const placed of panelsOf(files)) {
    panels[placed.id] = { sectionId: placed.sectionId, file: placed.file, index: placed.index, version: versionOf(placed.panel) };
  }
  return {
    settings: exhibition ? versionOf(settingsOf(exhibition)) : null,
    sections: byId(listOf(exhibition, 'sections')),
    tours: byId(listOf(exhibition, 'tours')),
    quizzes: byId(listOf(files[QUIZ_PATH], 'quizzes')),
    panels,
  };
}

/** A section file's panels replaced (the file's other keys, `$schema`, stay). */
export function withPanels(files: DraftFiles, file: string, panels: unknown[]): DraftFiles {
  const document = isObject(files[file]) ? (files[file] as JsonObject) : {};
  return { ...files, [file]: { ...document, panels } };
}

export function panelListOf(files: DraftFiles, file: string): unknown[] {
  return [...listOf(files[file], 'panels')];
}

/** The top-level fields whose JSON differs (changed, added or removed), in the new document's order. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const keys = [...Object.keys(b), ...Object.keys(a).filter((key) => !(key in b))];
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** Ids are at most 64 characters (the content schema's); a suffix must fit. */
const ID_MAX = 64;

/**
 * An id made from `text` (a title, often Chinese): its Latin letters and digits joined by "-", or
 * `fallback` when none are left, made unique against `taken` with "-2", "-3"….
 */
export function uniqueId(text: string, fallback: string, taken: ReadonlySet<string>): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = (slug === '' ? fallback : slug).slice(0, ID_MAX - 4).replace(/-+$/, '');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** "panels[2].images[0].src" (formatJsonPath's form) back into ["panels", 2, "images", 0, "src"]. */
export function parseJsonPath(path: string): JsonPath {
  const parts: JsonPath = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) parts.push(Number(match[1]));
    else if (match[2] !== undefined) parts.push(match[2]);
  }
  return parts;
}

/** Which panel or document a place in the files belongs to, and the field inside it. */
export function locate(files: DraftFiles, file: string, path: JsonPath): ProblemTarget {
  const [list, index] = path;
  const entryId = (document: unknown) => (typeof index === 'number' ? idOf(listOf(document, String(list))[index]) : undefined);
  const field = path.slice(2);
  if (file === EXHIBITION_PATH) {
    if (list === 'sections' || list === 'tours') {
      const id = entryId(files[file]);
      if (id === undefined) return { kind: 'file' };
      return list === 'sections' ? { kind: 'section', sectionId: id, field } : { kind: 'tour', tourId: id, field };
    }
    if (list === undefined || list === '$schema') return { kind: 'file' };
    return { kind: 'settings', field: path };
  }
  if (file === QUIZ_PATH) {
    const id = list === 'quizzes' ? entryId(files[file]) : undefined;
    return id === undefined ? { kind: 'file' } : { kind: 'quiz', quizId: id, field };
  }
  if (list === 'panels' && sectionsOf(files).some((section) => section.file === file)) {
    const id = entryId(files[file]);
    if (id !== undefined) return { kind: 'panel', panelId: id, field };
  }
  return { kind: 'file' };
}

/** True when a problem's target is this document (or this panel). */
export function targets(target: ProblemTarget, what: DocumentRef | { kind: 'panel'; id: string }): boolean {
  switch (what.kind) {
    case 'panel':
      return target.kind === 'panel' && target.panelId === what.id;
    case 'settings':
      return target.kind === 'settings';
    case 'section':
      return target.kind === 'section' && target.sectionId === what.id;
    case 'tour':
      return target.kind === 'tour' && target.tourId === what.id;
    case 'quiz':
      return target.kind === 'quiz' && target.quizId === what.id;
  }
}

// --- Sections, tours and quizzes added, moved and deleted (the exhibition's own documents) ------

/**
 * The lists a document can be added to, moved in or deleted from: sections and tours in
 * exhibition.json, quizzes in quiz.json. A section's panels live in its own file beside them
 * (draft.ts makes and removes that file).
 */
export type ListedDocumentKind = 'section' | 'tour' | 'quiz';

const LISTED: Record<ListedDocumentKind, { file: string; list: 'sections' | 'tours' | 'quizzes' }> = {
  section: { file: EXHIBITION_PATH, list: 'sections' },
  tour: { file: EXHIBITION_PATH, list: 'tours' },
  quiz: { file: QUIZ_PATH, list: 'quizzes' },
};

/** The file a kind lives in ("content/quiz.json"). */
export const listedFileOf = (kind: ListedDocumentKind) => LISTED[kind].file;

/** The ids the kind's list has: a new one must be none of them. */
export function documentIds(files: DraftFiles, kind: ListedDocumentKind): Set<string> {
  const { file, list } = LISTED[kind];
  return new Set(listOf(files[file], list).flatMap((entry) => idOf(entry) ?? []));
}

/**
 * The files with `value` at the end of its kind's list. A draft without quiz.json gets one (a
 * content set may have no quizzes at all); the file's other keys, `$schema`, stay.
 */
export function withAddedDocument(files: DraftFiles, kind: ListedDocumentKind, value: JsonObject): DraftFiles {
  const { file, list } = LISTED[kind];
  const document = isObject(files[file]) ? (files[file] as JsonObject) : {};
  return { ...files, [file]: { ...document, [list]: [...listOf(document, list), value] } };
}

/** The files without the document (the first entry with its id, as {@link documentOf} finds it). */
export function withoutDocument(files: DraftFiles, ref: { kind: ListedDocumentKind; id: string }): DraftFiles {
  const { file, list } = LISTED[ref.kind];
  const document = files[file] as JsonObject;
  const entries = [...listOf(document, list)];
  const index = entries.findIndex((entry) => idOf(entry) === ref.id);
  if (index < 0) return files;
  entries.splice(index, 1);
  return { ...files, [file]: { ...document, [list]: entries } };
}

/**
 * The files with the document at `index` of its list after the move (clamped to the list's end),
 * and that index; null when the list has no document by that id.
 */
export function withMovedDocument(
  files: DraftFiles,
  ref: { kind: ListedDocumentKind; id: string },
  index: number,
): { files: DraftFiles; index: number } | null {
  const { file, list } = LISTED[ref.kind];
  const document = files[file];
  if (!isObject(document)) return null;
  const entries = [...listOf(document, list)];
  const from = entries.findIndex((entry) => idOf(entry) === ref.id);
  if (from < 0) return null;
  const [moved] = entries.splice(from, 1);
  const to = Math.max(0, Math.min(Math.floor(index), entries.length));
  entries.splice(to, 0, moved);
  return { files: { ...files, [file]: { ...document, [list]: entries } }, index: to };
}
