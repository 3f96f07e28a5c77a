/**
 * What a submission changes, for its reviewer (先审后发): panel by panel and field by field (the
 * JSON before and after of each top-level field), the exhibition's settings, each section, tour
 * and quiz the same way, and the photos added, removed or replaced. Pure: two trees' parsed JSON
 * files and their photos' hashes in, the list of changes out, in the corridor's order.
 */
import type { ChangeSummary, ContentChange, FieldChange } from '../../live/curateReviewProtocol.ts';
import {
  changedFields,
  type DraftFiles,
  exhibitionOf,
  isObject,
  type JsonObject,
  panelsOf,
  QUIZ_PATH,
  settingsOf,
} from './draftDocuments.ts';

/** One side of the comparison: the content JSON (as the draft reads it) and each photo's hash by its src. */
export interface ContentSide {
  files: DraftFiles;
  photos: ReadonlyMap<string, string>;
}

/**
 * The ids that moved between two orders of the same ids: those outside a longest common
 * subsequence, so two neighbours swapped make one move, not two, and everything after an
 * inserted or removed entry does not count as moved.
 */
export function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const width = after.length + 1;
  // lengths[i * width + j]: the longest common subsequence of before[i…] and after[j…].
  const lengths = new Array<number>((before.length + 1) * width).fill(0);
  const at = (i: number, j: number) => lengths[i * width + j] ?? 0;
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lengths[i * width + j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const stayed = new Set<string>();
  for (let i = 0, j = 0; i < before.length && j < after.length; ) {
    if (before[i] === after[j]) {
      stayed.add(before[i] as string);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return new Set(after.filter((id) => !stayed.has(id)));
}

function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  return changedFields(a, b).map((field) => ({
    field,
    ...(field in a ? { before: a[field] } : {}),
    ...(field in b ? { after: b[field] } : {}),
  }));
}

const idOf = (value: unknown) => (isObject(value) && typeof value.id === 'string' ? value.id : null);

function entries(document: unknown, key: string): JsonObject[] {
  const list = isObject(document) ? document[key] : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** Sections, tours and quizzes: added, removed, changed, or moved within their list. */
function listChanges(kind: 'section' | 'tour' | 'quiz', before: JsonObject[], after: JsonObject[]): ContentChange[] {
  const changes: ContentChange[] = [];
  const beforeIds = before.map(idOf);
  const afterIds = after.map(idOf);
  const moves = movedIds(
    beforeIds.filter((id): id is string => id !== null && afterIds.includes(id)),
    afterIds.filter((id): id is string => id !== null && beforeIds.includes(id)),
  );
  for (const entry of after) {
    const id = idOf(entry);
    if (id === null) continue;
    const old = before.find((candidate) => idOf(candidate) === id);
    if (!old) {
      changes.push({ kind, id, change: 'added', title: entry.title, fields: fieldChanges({}, entry) });
      continue;
    }
    const fields = fieldChanges(old, entry);
    const moved = moves.has(id);
    if (fields.length > 0) changes.push({ kind, id, change: 'changed', title: entry.title, fields });
    else if (moved) changes.push({ kind, id, change: 'moved', title: entry.title, fields: [] });
  }
  for (const entry of before) {
    const id = idOf(entry);
    if (id !== null && !afterIds.includes(id)) {
      changes.push({ kind, id, change: 'removed', title: entry.title, fields: fieldChanges(entry, {}) });
    }
  }
  return changes;
}

/** The changes from `before` (the published content) to `after` (a submission). */
export function diffContent(before: ContentSide, after: ContentSide): ContentChange[] {
  const changes: ContentChange[] = [];

  const settingsBefore = settingsOf(exhibitionOf(before.files) ?? {});
  const settingsAfter = settingsOf(exhibitionOf(after.files) ?? {});
  const settingsFields = fieldChanges(settingsBefore, settingsAfter);
  if (settingsFields.length > 0) {
    changes.push({ kind: 'settings', id: null, change: 'changed', title: settingsAfter.title, fields: settingsFields });
  }
  changes.push(
    ...listChanges('section', entries(exhibitionOf(before.files), 'sections'), entries(exhibitionOf(after.files), 'sections')),
  );

  // A moved panel's sections by their titles as each side has them (the reviewer reads names, not ids).
  const sectionTitle = (side: ContentSide, id: string | null): unknown =>
    id === null ? undefined : entries(exhibitionOf(side.files), 'sections').find((entry) => idOf(entry) === id)?.title;

  // Panels in the corridor's order after; one that changed section (or place in it) is moved.
  const panelsBefore = panelsOf(before.files);
  const panelsAfter = panelsOf(after.files);
  const moves = movedIds(
    panelsBefore.map((placed) => placed.id).filter((id) => panelsAfter.some((placed) => placed.id === id)),
    panelsAfter.map((placed) => placed.id).filter((id) => panelsBefore.some((placed) => placed.id === id)),
  );
  for (const placed of panelsAfter) {
    const old = panelsBefore.find((candidate) => candidate.id === placed.id);
    const sectionBefore = old?.sectionId ?? null;
    if (!old) {
      changes.push({
        kind: 'panel',
        id: placed.id,
        change: 'added',
        title: placed.panel.title,
        sectionBefore,
        sectionAfter: placed.sectionId,
        fields: fieldChanges({}, placed.panel),
      });
      continue;
    }
    const fields = fieldChanges(old.panel, placed.panel);
    const moved = old.sectionId !== placed.sectionId || moves.has(placed.id);
    if (fields.length === 0 && !moved) continue;
    changes.push({
      kind: 'panel',
      id: placed.id,
      change: fields.length > 0 ? 'changed' : 'moved',
      title: placed.panel.title,
      sectionBefore,
      sectionAfter: placed.sectionId,
      ...(sectionBefore !== placed.sectionId
        ? { sectionBeforeTitle: sectionTitle(before, sectionBefore), sectionAfterTitle: sectionTitle(after, placed.sectionId) }
        : {}),
      fields,
    });
  }
  for (const old of panelsBefore) {
    if (panelsAfter.some((placed) => placed.id === old.id)) continue;
    changes.push({
      kind: 'panel',
      id: old.id,
      change: 'removed',
      title: old.panel.title,
      sectionBefore: old.sectionId,
      sectionAfter: null,
      fields: fieldChanges(old.panel, {}),
    });
  }

  changes.push(
    ...listChanges('tour', entries(exhibitionOf(before.files), 'tours'), entries(exhibitionOf(after.files), 'tours')),
    ...listChanges('quiz', entries(before.files[QUIZ_PATH], 'quizzes'), entries(after.files[QUIZ_PATH], 'quizzes')),
  );

  for (const [src, hash] of after.photos) {
    const old = before.photos.get(src);
    if (old === undefined) changes.push({ kind: 'photo', src, change: 'added' });
    else if (old !== hash) changes.push({ kind: 'photo', src, change: 'changed' });
  }
  for (const src of before.photos.keys()) {
    if (!after.photos.has(src)) changes.push({ kind: 'photo', src, change: 'removed' });
  }
  return changes;
}

/** How many panels, other documents and photos the changes touch. */
export function summarize(changes: readonly ContentChange[]): ChangeSummary {
  return {
    panels: changes.filter((change) => change.kind === 'panel').length,
    documents: changes.filter((change) => change.kind !== 'panel' && change.kind !== 'photo').length,
    photos: changes.filter((change) => change.kind === 'photo').length,
  };
}
