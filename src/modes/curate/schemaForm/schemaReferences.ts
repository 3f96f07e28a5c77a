/**
 * What the schema's shape alone cannot tell the form: which id fields name another document (a
 * tour stop's panel, a milestone's period, a tour's quiz, a panel's related panels, a question's
 * panel: all plain id strings to zod, checked against the other files by the content check; a
 * question's answer, checked against its own options), and
 * the few fields whose only name is their shared type's (a stats board's `since` is a
 * `partialDate` like `date`, and would be called 日期 twice; a document's own `id` has only the id
 * type's name, the bare word "id"). Keyed by the field's own schema object, the one in its
 * object's shape.
 */
import type { z } from 'zod';
import { quizQuestionSchema } from '../../../content/quizSchema.ts';
import { idSchema, milestonePanel, statsPanel, tourSchema, tourStopSchema } from '../../../content/schema.ts';
import { type CurateStringKey, curateText } from '../../../i18n/curateStrings.ts';
import type { LabelPair, RefTarget } from './schemaFormTypes.ts';

const REFERENCES = new Map<unknown, RefTarget>([
  // The same schema stands in every panel kind's shape (`panelBase`).
  [milestonePanel.shape.related, 'panels'],
  [milestonePanel.shape.period, 'periods'],
  [tourStopSchema.shape.panel, 'panels'],
  [tourSchema.shape.quiz, 'quizzes'],
  [quizQuestionSchema.shape.panel, 'panels'],
  [quizQuestionSchema.shape.answer, 'options'],
]);

/**
 * The targets that are entries of a list beside the field, in the same object: a question's
 * answer names the ids of its `options`, each shown by its `text`.
 */
export const SIBLING_LISTS = [{ to: 'options', list: 'options', title: 'text' }] as const satisfies ReadonlyArray<{
  to: RefTarget;
  list: string;
  title: string;
}>;

/** The document a field (or each entry of a list field) names by id, if it does. */
export function referenceOf(field: z.core.$ZodType): RefTarget | null {
  return REFERENCES.get(field) ?? null;
}

const NAMES = new Map<unknown, { label?: CurateStringKey; hint: CurateStringKey }>([
  [statsPanel.shape.since, { label: 'schemaFieldSince', hint: 'schemaFieldSinceHint' }],
  // The schema's hint is for JSON ("[ "b" ]"); the form picks the options by their text.
  [quizQuestionSchema.shape.answer, { hint: 'schemaFieldAnswerHint' }],
]);

const pair = (key: CurateStringKey): LabelPair => ({ zh: curateText(key, 'zh'), en: curateText(key, 'en') });

/**
 * A document's own id (a panel's, a section's, a period's, a tour's): the key `id` holding the id
 * type as it is. Not the id type itself: a reference (a stop's 展板, the related panels' entries)
 * is the same type under its own name, and an id with its own title (a question's 题目编号) keeps it.
 */
const OWN_ID = { label: 'schemaFieldId', hint: 'schemaFieldIdHint' } as const satisfies {
  label: CurateStringKey;
  hint: CurateStringKey;
};

/** A field's own name (where its schema has only its type's) and hint (where the schema's is for JSON). */
export function fieldNameOverride(key: string, field: z.core.$ZodType): { label?: LabelPair; hint: LabelPair } | null {
  const names = NAMES.get(field) ?? (key === 'id' && field === idSchema ? OWN_ID : undefined);
  if (!names) return null;
  return names.label ? { label: pair(names.label), hint: pair(names.hint) } : { hint: pair(names.hint) };
}
