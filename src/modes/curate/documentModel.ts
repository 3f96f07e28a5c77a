/**
 * The exhibition's own documents on the page's side (展览设置, 栏目, 讲解路线, 知识问答), as draftModel.ts
 * is for panels: each document read from a {@link DraftSnapshot} as the server cuts it
 * (src/server/curate/draftDocuments.ts: the settings are exhibition.json without its sections,
 * tours and `$schema`; a section entry, a tour, a quiz by its id), the list of each kind, the
 * problems that belong to one, the snapshot after a save, and the edits kept in `localStorage`
 * while the station cannot be reached. Everything here works on copies.
 */
import type { DocumentRef, DraftProblem, DraftSnapshot } from '../../live/curateDraftProtocol.ts';
import type { KeptEdit } from './autosave.ts';
import { fieldKey, type PendingStorage } from './draftModel.ts';

export type DocumentJson = Record<string, unknown>;
/** The kinds of document that come as a list of entries with ids. */
export type ListedKind = Exclude<DocumentRef['kind'], 'settings'>;

export const EXHIBITION_FILE = 'content/exhibition.json';
export const QUIZ_FILE = 'content/quiz.json';
/** exhibition.json's keys that are not its settings: each section and tour is its own document. */
export const NOT_SETTINGS = ['$schema', 'sections', 'tours'] as const;

const LISTS: Record<ListedKind, { file: string; list: string; versions: 'sections' | 'tours' | 'quizzes' }> = {
  section: { file: EXHIBITION_FILE, list: 'sections', versions: 'sections' },
  tour: { file: EXHIBITION_FILE, list: 'tours', versions: 'tours' },
  quiz: { file: QUIZ_FILE, list: 'quizzes', versions: 'quizzes' },
};

const isObject = (value: unknown): value is DocumentJson => typeof value === 'object' && value !== null && !Array.isArray(value);

function entriesOf(snapshot: DraftSnapshot, kind: ListedKind): DocumentJson[] {
  const { file, list } = LISTS[kind];
  const content = snapshot.files[file];
  const entries = isObject(content) ? content[list] : undefined;
  return Array.isArray(entries) ? entries.filter(isObject) : [];
}

export interface DocumentListing {
  id: string;
  title: unknown;
  version: string | null;
}

/** The documents of a kind in their files' order (the sections in the corridor's), each once. */
export function listDocuments(snapshot: DraftSnapshot, kind: ListedKind): DocumentListing[] {
  const seen = new Set<string>();
  const versions = snapshot.versions[LISTS[kind].versions];
  return entriesOf(snapshot, kind).flatMap((entry) => {
    if (typeof entry.id !== 'string' || seen.has(entry.id)) return [];
    seen.add(entry.id);
    return [{ id: entry.id, title: entry.title, version: versions[entry.id] ?? null }];
  });
}

/** A document's JSON (a copy) and version as the draft has them, or null when there is none. */
export function findDocument(snapshot: DraftSnapshot, ref: DocumentRef): { value: DocumentJson; version: string } | null {
  if (ref.kind === 'settings') {
    const exhibition = snapshot.files[EXHIBITION_FILE];
    const version = snapshot.versions.settings;
    if (!isObject(exhibition) || version === null) return null;
    const value = Object.fromEntries(
      Object.entries(exhibition).filter(([key]) => !(NOT_SETTINGS as readonly string[]).includes(key)),
    );
    return { value: structuredClone(value), version };
  }
  const entry = entriesOf(snapshot, ref.kind).find((candidate) => candidate.id === ref.id);
  const version = snapshot.versions[LISTS[ref.kind].versions][ref.id];
  return entry && version ? { value: structuredClone(entry), version } : null;
}

/**
 * The snapshot with one document's JSON and version replaced after a save (under its id as
 * saved: a tour's id may have changed), the rest untouched. The settings keep exhibition.json's
 * sections and tours.
 */
export function withDocument(snapshot: DraftSnapshot, ref: DocumentRef, value: DocumentJson, version: string): DraftSnapshot {
  if (ref.kind === 'settings') {
    const exhibition = snapshot.files[EXHIBITION_FILE];
    if (!isObject(exhibition)) return snapshot;
    const kept = Object.fromEntries(NOT_SETTINGS.filter((key) => key in exhibition).map((key) => [key, exhibition[key]]));
    return {
      ...snapshot,
      files: { ...snapshot.files, [EXHIBITION_FILE]: { ...value, ...kept } },
      versions: { ...snapshot.versions, settings: version },
    };
  }
  const { file, list, versions: versionKey } = LISTS[ref.kind];
  const content = snapshot.files[file];
  if (!isObject(content) || !Array.isArray(content[list])) return snapshot;
  const entries = (content[list] as unknown[]).map((entry) => (isObject(entry) && entry.id === ref.id ? value : entry));
  const { [ref.id]: _old, ...others } = snapshot.versions[versionKey];
  const newId = typeof value.id === 'string' ? value.id : ref.id;
  return {
    ...snapshot,
    files: { ...snapshot.files, [file]: { ...content, [list]: entries } },
    versions: { ...snapshot.versions, [versionKey]: { ...others, [newId]: version } },
  };
}

/** The problems of one document, each with its field's key (the dotted path inside the document). */
export function documentProblems(problems: readonly DraftProblem[], ref: DocumentRef): Array<DraftProblem & { key: string }> {
  return problems.flatMap((problem) => {
    const { target } = problem;
    const ours =
      (ref.kind === 'settings' && target.kind === 'settings') ||
      (ref.kind === 'section' && target.kind === 'section' && target.sectionId === ref.id) ||
      (ref.kind === 'tour' && target.kind === 'tour' && target.tourId === ref.id) ||
      (ref.kind === 'quiz' && target.kind === 'quiz' && target.quizId === ref.id);
    return ours && 'field' in target ? [{ ...problem, key: fieldKey(target.field) }] : [];
  });
}

/** A document's name in storage and in the page: "settings", "tour:new-recruits". */
export const documentKey = (ref: DocumentRef) => (ref.kind === 'settings' ? 'settings' : `${ref.kind}:${ref.id}`);

// --- Edits kept while offline ------------------------------------------------------------------

/** Beside draftModel.ts's panels (`curate-pending-panel:`), never under the same name. */
export const PENDING_DOCUMENT_PREFIX = 'curate-pending-document:';

export function keepPendingDocument(storage: PendingStorage, ref: DocumentRef, edit: KeptEdit): void {
  try {
    storage.setItem(PENDING_DOCUMENT_PREFIX + documentKey(ref), JSON.stringify(edit));
  } catch {
    // Storage full or refused (a private window): the edit stays in the page only.
  }
}

export function readPendingDocument(storage: PendingStorage, ref: DocumentRef): KeptEdit | null {
  try {
    const raw = storage.getItem(PENDING_DOCUMENT_PREFIX + documentKey(ref));
    if (!raw) return null;
    const edit = JSON.parse(raw) as Partial<KeptEdit>;
    if (typeof edit.baseVersion !== 'string' || !isObject(edit.value)) return null;
    return { baseVersion: edit.baseVersion, value: edit.value, at: typeof edit.at === 'number' ? edit.at : 0 };
  } catch {
    return null;
  }
}

export function dropPendingDocument(storage: PendingStorage, ref: DocumentRef): void {
  try {
    storage.removeItem(PENDING_DOCUMENT_PREFIX + documentKey(ref));
  } catch {
    // Nothing to do.
  }
}

/** The documents with an edit kept here, by {@link documentKey}. */
export function pendingDocumentKeys(storage: PendingStorage): string[] {
  const keys: string[] = [];
  try {
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key?.startsWith(PENDING_DOCUMENT_PREFIX)) keys.push(key.slice(PENDING_DOCUMENT_PREFIX.length));
    }
  } catch {
    // Storage refused.
  }
  return keys;
}
