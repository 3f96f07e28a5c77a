/**
 * 先审后发 in words and shapes for the curator's 审核发布 and 历史版本 screens
 * (src/live/curateReviewProtocol.ts): a submission's status, a change's kind, a refusal, the
 * counts of a summary, a changed field's name (from the content schema's own titles, so a field is
 * called here what its form calls it), and a changed value as text lines, JSON, or nothing — never
 * markup. Pure.
 */

import { quizSchema } from '../../content/quizSchema.ts';
import { exhibitionFileSchema, panelSchema, sectionEntrySchema, tourSchema } from '../../content/schema.ts';
import { type CurateStringKey, curateErrorText, curateText } from '../../i18n/curateStrings.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { CurateErrorCode } from '../../live/curateProtocol.ts';
import type {
  ChangeKind,
  ChangeSummary,
  ContentChange,
  PublishPhase,
  Submission,
  SubmissionStatus,
} from '../../live/curateReviewProtocol.ts';
import { localizedParts } from './draftModel.ts';
import { describeSchema, type LabelPair } from './schemaForm/describeSchema.ts';

const STATUS_WORDS: Record<SubmissionStatus, CurateStringKey> = {
  pending: 'reviewStatusPending',
  returned: 'reviewStatusReturned',
  superseded: 'reviewStatusSuperseded',
  publishing: 'reviewStatusPublishing',
  failed: 'reviewStatusFailed',
  published: 'reviewStatusPublished',
};

/** A submission's status in words (已发布 版本 N names its version). */
export function submissionStatusText(submission: Pick<Submission, 'status' | 'version'>, lang: Lang): string {
  return curateText(STATUS_WORDS[submission.status], lang, { version: submission.version ?? '?' });
}

const CHANGE_WORDS: Record<ChangeKind, CurateStringKey> = {
  added: 'reviewChangeAdded',
  removed: 'reviewChangeRemoved',
  changed: 'reviewChangeChanged',
  moved: 'reviewChangeMoved',
};

export function changeKindText(change: ChangeKind, lang: Lang): string {
  return curateText(CHANGE_WORDS[change], lang);
}

/** The kinds of change, in the order the changes view groups them, with the group's heading. */
export const CHANGE_GROUPS: ReadonlyArray<{ kind: ContentChange['kind']; heading: CurateStringKey }> = [
  { kind: 'panel', heading: 'reviewGroupPanel' },
  { kind: 'settings', heading: 'reviewGroupSettings' },
  { kind: 'section', heading: 'reviewGroupSection' },
  { kind: 'tour', heading: 'reviewGroupTour' },
  { kind: 'quiz', heading: 'reviewGroupQuiz' },
  { kind: 'photo', heading: 'reviewGroupPhoto' },
];

/** The changes grouped by kind, in CHANGE_GROUPS' order (groups with none left out), each in the server's order. */
export function groupChanges(
  changes: readonly ContentChange[],
): Array<{ kind: ContentChange['kind']; heading: CurateStringKey; changes: ContentChange[] }> {
  return CHANGE_GROUPS.map((group) => ({ ...group, changes: changes.filter((change) => change.kind === group.kind) })).filter(
    (group) => group.changes.length > 0,
  );
}

const REFUSAL_WORDS: Partial<Record<string, CurateStringKey>> = {
  'no-changes': 'reviewNoChanges',
  'has-errors': 'reviewHasErrors',
  'not-pending': 'reviewNotPending',
  'own-submission': 'reviewOwnSubmission',
  busy: 'reviewBusy',
  'draft-has-changes': 'reviewDraftHasChanges',
};

/** A review refusal's code in words; the API's own codes (not-found, offline…) as the rest of the page says them. */
export function reviewRefusalText(error: string, lang: Lang): string {
  const key = REFUSAL_WORDS[error];
  return key ? curateText(key, lang) : curateErrorText(error as CurateErrorCode, lang);
}

export function summaryText(summary: ChangeSummary, lang: Lang, key: CurateStringKey = 'reviewSummary'): string {
  return curateText(key, lang, { panels: summary.panels, documents: summary.documents, photos: summary.photos });
}

/** A publish still under way: its status is asked again until it is over. */
export const publishRunning = (phase: PublishPhase) => phase === 'building' || phase === 'waiting-for-lesson';

// --- Field names -------------------------------------------------------------------------------

type DocumentKind = Exclude<ContentChange['kind'], 'photo'>;

/** Each kind's schemas: a panel's field may be any panel kind's. */
const SCHEMAS: Record<DocumentKind, readonly Parameters<typeof describeSchema>[0][]> = {
  panel: panelSchema.options,
  settings: [exhibitionFileSchema],
  section: [sectionEntrySchema],
  tour: [tourSchema],
  quiz: [quizSchema],
};

const fieldNames = new Map<DocumentKind, Map<string, LabelPair>>();

function namesOf(kind: DocumentKind): Map<string, LabelPair> {
  const cached = fieldNames.get(kind);
  if (cached) return cached;
  const names = new Map<string, LabelPair>();
  for (const schema of SCHEMAS[kind]) {
    for (const field of describeSchema(schema)?.fields ?? []) if (!names.has(field.key)) names.set(field.key, field.label);
  }
  fieldNames.set(kind, names);
  return names;
}

/** A changed field's name as its form calls it (标题, 摘要, 正文…); a key no schema names, as it is. */
export function fieldName(kind: DocumentKind, field: string, lang: Lang): string {
  const label = namesOf(kind).get(field);
  return (label && (label[lang] || label.zh)) || field;
}

// --- Values ------------------------------------------------------------------------------------

export type ShownValue =
  /** Not there (added or removed with its document, or a field left out). */
  | { type: 'none' }
  /** Text: a localized text "zh / en", a list of them one a line, a number, a flag. */
  | { type: 'lines'; lines: string[] }
  /** Anything else, pretty-printed. */
  | { type: 'json'; text: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ zh, en? }` and nothing else: a localized text. */
function isLocalized(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((key) => (key === 'zh' || key === 'en') && typeof value[key] === 'string') &&
    typeof value.zh === 'string'
  );
}

/** A localized text as "zh / en" (the Chinese alone when there is no English). */
export function localizedLine(value: unknown): string {
  const { zh, en } = localizedParts(value);
  return en ? `${zh} / ${en}` : zh;
}

export function shownValue(value: unknown, lang: Lang): ShownValue {
  if (value === undefined || value === null) return { type: 'none' };
  if (typeof value === 'boolean') return { type: 'lines', lines: [curateText(value ? 'reviewValueYes' : 'reviewValueNo', lang)] };
  if (typeof value === 'number') return { type: 'lines', lines: [String(value)] };
  if (isLocalized(value)) return { type: 'lines', lines: [localizedLine(value)] };
  if (Array.isArray(value) && value.length > 0 && value.every(isLocalized))
    return { type: 'lines', lines: value.map(localizedLine) };
  return { type: 'json', text: JSON.stringify(value, null, 2) };
}

/** A photo's src as the content names it (`photos/…`): what the thumbnail routes serve. */
const PHOTO_SRC = /^photos\/./;

/** The photos a value names (an image's src, a list of images…), each once, in order. */
export function photoSources(value: unknown): string[] {
  const found: string[] = [];
  const visit = (part: unknown) => {
    if (typeof part === 'string') {
      if (PHOTO_SRC.test(part) && !found.includes(part)) found.push(part);
    } else if (Array.isArray(part)) part.forEach(visit);
    else if (isRecord(part)) Object.values(part).forEach(visit);
  };
  visit(value);
  return found;
}
