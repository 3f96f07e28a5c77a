/**
 * The draft editor's pure side (展板编辑, src/modes/curate/ui/CurateEditor.tsx): the sections and
 * their panels in corridor order from a {@link DraftSnapshot}, a localized field's two languages,
 * which field a problem belongs to, and the edits kept in `localStorage` while the station cannot
 * be reached. A panel travels as plain JSON: every change here is on a copy, and only the field
 * named changes — fields the form does not show are kept as they were.
 */
import type { DraftProblem, DraftSnapshot, JsonPath } from '../../live/curateDraftProtocol.ts';

export type PanelJson = Record<string, unknown>;

export interface PanelListing {
  id: string;
  kind: string;
  title: unknown;
  version: string | null;
}

export interface SectionListing {
  id: string;
  title: unknown;
  /** The section's file in the store's layout ("content/deqing.json"). */
  file: string;
  panels: PanelListing[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function panelsOf(snapshot: DraftSnapshot, file: string): PanelJson[] {
  const content = snapshot.files[file];
  if (!isObject(content) || !Array.isArray(content.panels)) return [];
  return content.panels.filter(isObject);
}

function sectionEntries(snapshot: DraftSnapshot): Array<{ id: string; title: unknown; file: string }> {
  const exhibition = snapshot.files['content/exhibition.json'];
  if (!isObject(exhibition) || !Array.isArray(exhibition.sections)) return [];
  return exhibition.sections
    .filter(isObject)
    .flatMap((section) =>
      typeof section.id === 'string' && typeof section.file === 'string'
        ? [{ id: section.id, title: section.title, file: `content/${section.file}` }]
        : [],
    );
}

/** The sections in the exhibition's order, each with its panels in the corridor's order. */
export function listSections(snapshot: DraftSnapshot): SectionListing[] {
  return sectionEntries(snapshot).map((section) => ({
    ...section,
    panels: panelsOf(snapshot, section.file).flatMap((panel) =>
      typeof panel.id === 'string'
        ? [
            {
              id: panel.id,
              kind: typeof panel.kind === 'string' ? panel.kind : '',
              title: panel.title,
              version: snapshot.versions.panels[panel.id]?.version ?? null,
            },
          ]
        : [],
    ),
  }));
}

/** A panel's JSON as the draft has it (a copy), or null. */
export function findPanel(snapshot: DraftSnapshot, panelId: string): PanelJson | null {
  for (const section of sectionEntries(snapshot)) {
    const found = panelsOf(snapshot, section.file).find((panel) => panel.id === panelId);
    if (found) return structuredClone(found);
  }
  return null;
}

/** The snapshot with one panel's JSON and version replaced (after a save), the rest untouched. */
export function withPanel(snapshot: DraftSnapshot, panelId: string, value: PanelJson, version: string): DraftSnapshot {
  const entry = snapshot.versions.panels[panelId];
  if (!entry) return snapshot;
  const content = snapshot.files[entry.file];
  if (!isObject(content) || !Array.isArray(content.panels)) return snapshot;
  const panels = content.panels.map((panel) => (isObject(panel) && panel.id === panelId ? value : panel));
  return {
    ...snapshot,
    files: { ...snapshot.files, [entry.file]: { ...content, panels } },
    versions: { ...snapshot.versions, panels: { ...snapshot.versions.panels, [panelId]: { ...entry, version } } },
  };
}

/** A localized text's two languages (`string` is Chinese only). */
export function localizedParts(value: unknown): { zh: string; en: string } {
  if (typeof value === 'string') return { zh: value, en: '' };
  if (isObject(value)) {
    return { zh: typeof value.zh === 'string' ? value.zh : '', en: typeof value.en === 'string' ? value.en : '' };
  }
  return { zh: '', en: '' };
}

/**
 * A localized text with one language changed: `{ zh, en }`, or the plain Chinese string when there
 * is no English (as the content is written by hand). Other keys of the object are kept.
 */
export function withLanguage(value: unknown, lang: 'zh' | 'en', text: string): unknown {
  const parts = { ...localizedParts(value), [lang]: text };
  const rest = isObject(value) ? value : {};
  if (parts.en === '') {
    const { en: _en, zh: _zh, ...others } = rest;
    return Object.keys(others).length === 0 ? parts.zh : { ...others, zh: parts.zh };
  }
  return { ...rest, zh: parts.zh, en: parts.en };
}

/** A localized text in the page's language (the Chinese when there is no English). */
export function textIn(value: unknown, lang: 'zh' | 'en'): string {
  const parts = localizedParts(value);
  return (lang === 'en' && parts.en) || parts.zh;
}

/** A field's key: its JSON path inside the panel, joined by dots ("body.0", "images.1.caption"). */
export const fieldKey = (path: JsonPath) => path.join('.');

/** The problems of one panel, each with its field's key. */
export function panelProblems(problems: readonly DraftProblem[], panelId: string): Array<DraftProblem & { key: string }> {
  return problems.flatMap((problem) =>
    problem.target.kind === 'panel' && problem.target.panelId === panelId
      ? [{ ...problem, key: fieldKey(problem.target.field) }]
      : [],
  );
}

/**
 * Each problem placed at the most precise field the form shows (`title.en` at `title`,
 * `images.0.src` at `images.0`); `''` gathers those no field claims (shown at the form's top).
 */
export function placeProblems(
  problems: ReadonlyArray<DraftProblem & { key: string }>,
  fieldKeys: readonly string[],
): Map<string, DraftProblem[]> {
  const placed = new Map<string, DraftProblem[]>();
  for (const problem of problems) {
    let best = '';
    for (const key of fieldKeys)
      if ((problem.key === key || problem.key.startsWith(`${key}.`)) && key.length > best.length) best = key;
    placed.set(best, [...(placed.get(best) ?? []), problem]);
  }
  return placed;
}

// --- Edits kept while offline ------------------------------------------------------------------

export const PENDING_PREFIX = 'curate-pending-panel:';

export interface PendingEdit {
  /** The version the edit was made on: sent as `baseVersion`, so a newer one on the server is a conflict. */
  baseVersion: string;
  panel: PanelJson;
  at: number;
}

export type PendingStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function keepPending(storage: PendingStorage, panelId: string, edit: PendingEdit): void {
  try {
    storage.setItem(PENDING_PREFIX + panelId, JSON.stringify(edit));
  } catch {
    // Storage full or refused (a private window): the edit stays in the page only.
  }
}

export function readPending(storage: PendingStorage, panelId: string): PendingEdit | null {
  try {
    const raw = storage.getItem(PENDING_PREFIX + panelId);
    if (!raw) return null;
    const edit = JSON.parse(raw) as Partial<PendingEdit>;
    if (typeof edit.baseVersion !== 'string' || !isObject(edit.panel)) return null;
    return { baseVersion: edit.baseVersion, panel: edit.panel, at: typeof edit.at === 'number' ? edit.at : 0 };
  } catch {
    return null;
  }
}

export function dropPending(storage: PendingStorage, panelId: string): void {
  try {
    storage.removeItem(PENDING_PREFIX + panelId);
  } catch {
    // Nothing to do.
  }
}

/** The ids of the panels with an edit kept here. */
export function pendingPanelIds(storage: PendingStorage): string[] {
  const ids: string[] = [];
  try {
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key?.startsWith(PENDING_PREFIX)) ids.push(key.slice(PENDING_PREFIX.length));
    }
  } catch {
    // Storage refused.
  }
  return ids;
}
