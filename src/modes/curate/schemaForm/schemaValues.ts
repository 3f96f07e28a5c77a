/**
 * The schema form's edits on plain JSON (pure): a field set or left out, a number kept as typed
 * until it is one, a partial date from its parts, a new list entry, an entry moved, and every
 * field's key for placing the content check's problems. Every change is on a copy; keys the
 * schema does not know are carried along untouched.
 */
import type { FieldShape, ObjectShape } from './describeSchema.ts';

export type JsonObject = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object with `key` set to `value`, or without it when `value` is undefined (a copy; key order kept). */
export function withKey(object: JsonObject, key: string, value: unknown): JsonObject {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Nothing written: an empty text, an empty list, or no value. */
export const isEmptyValue = (value: unknown) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** What an edit stores: an optional field emptied is left out (undefined); a required one keeps what it is. */
export const storedValue = (value: unknown, optional: boolean) => (optional && isEmptyValue(value) ? undefined : value);

export type TypedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; text: string };

/** Full-width digits, point and minus, as an input method types them, read as their ASCII. */
const halfWidth = (text: string) => text.replace(/[０-９．－]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));

/**
 * What was typed in a number field: a number when it reads as one ("204", "3.5", "1." while the
 * decimals are still coming, "２０４"), else the text itself, so the content check names it and
 * nothing typed is lost.
 */
export function parseTypedNumber(typed: string): TypedNumber {
  const text = halfWidth(typed).trim();
  if (text === '') return { kind: 'empty' };
  if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { kind: 'number', value: Number(text) };
  return { kind: 'text', text: typed };
}

/** The stored value of a typed number (undefined: left out). */
export function typedNumberValue(typed: string, optional: boolean): unknown {
  const parsed = parseTypedNumber(typed);
  if (parsed.kind === 'number') return parsed.value;
  if (parsed.kind === 'text') return parsed.text;
  return optional ? undefined : '';
}

// --- Partial dates ---------------------------------------------------------------------------

export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface DateParts {
  year: string;
  month: string;
  day: string;
}

/**
 * A partial date's parts as written: "1921-07-23" → 1921 / 07 / 23. Whatever is not in the form
 * (a "1921年" typed by hand) stays in the parts as it is, so it is shown and never lost.
 */
export function splitPartialDate(value: unknown): DateParts {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const [year = '', month = '', ...day] = text.split('-');
  return { year, month, day: day.join('-') };
}

/** How precise a written date is: "1921" a year, "1921-07" a month, "1921-07-23" a day. */
export function precisionOf(value: unknown): DatePrecision {
  const text = typeof value === 'string' ? value : '';
  const segments = text.split('-').length;
  return segments >= 3 ? 'day' : segments === 2 ? 'month' : 'year';
}

/** The date as written at a precision: "YYYY", "YYYY-MM" or "YYYY-MM-DD", as far as its parts go. */
export function composePartialDate(parts: DateParts, precision: DatePrecision): string {
  let text = parts.year;
  if (precision === 'year' || parts.month === '') return text;
  text += `-${parts.month}`;
  if (precision === 'month' || parts.day === '') return text;
  return `${text}-${parts.day}`;
}

export const rankOf = (precision: DatePrecision) => DATE_PRECISIONS.indexOf(precision);

// --- One file, or one per language ------------------------------------------------------------

export type NarrationMode = 'none' | 'one' | 'perLanguage';

/** Which form a narration has: none, one file, or per language (`zh` / `en`, or neither yet). */
export function narrationModeOf(value: unknown): NarrationMode {
  if (value === undefined) return 'none';
  if (isRecord(value) && ('zh' in value || 'en' in value || Object.keys(value).length === 0)) return 'perLanguage';
  return 'one';
}

// --- Lists -----------------------------------------------------------------------------------

/** A new entry of a list: its required fields, empty (no number or choice invented beyond the first). */
export function initialValue(shape: FieldShape): unknown {
  switch (shape.type) {
    case 'object': {
      const entry: JsonObject = {};
      for (const field of shape.fields) {
        if (field.optional) continue;
        const value = initialValue(field.shape);
        if (value !== undefined) entry[field.key] = value;
      }
      return entry;
    }
    case 'perLanguage':
      return initialValue(shape.item);
    case 'array':
      return [];
    case 'localized':
    case 'string':
    case 'date':
    case 'reference':
      return '';
    case 'boolean':
      return false;
    case 'literal':
      return shape.value;
    case 'choice':
      return shape.options[0];
    default:
      // A number is the staff's to write: an invented 0 would look like a fact.
      return undefined;
  }
}

/** The list with the entry at `from` moved to `to` (a copy). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (to < 0 || to >= next.length || from < 0 || from >= next.length) return next;
  const [entry] = next.splice(from, 1);
  next.splice(to, 0, entry as T);
  return next;
}

// --- Where problems go -----------------------------------------------------------------------

const join = (prefix: string, key: string | number) => (prefix === '' ? String(key) : `${prefix}.${key}`);

function shapeKeys(shape: FieldShape, value: unknown, key: string): string[] {
  switch (shape.type) {
    case 'object':
      return isRecord(value) ? objectFieldKeys(shape, value, key) : [];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((entry, index) => [join(key, index), ...shapeKeys(shape.item.shape, entry, join(key, index))])
        : [];
    case 'perLanguage': {
      if (!isRecord(value)) return [];
      if ('zh' in value || 'en' in value) {
        return (['zh', 'en'] as const).flatMap((language) =>
          language in value ? [join(key, language), ...shapeKeys(shape.item, value[language], join(key, language))] : [],
        );
      }
      return shapeKeys(shape.item, value, key);
    }
    default:
      return [];
  }
}

/**
 * The key of every field the form shows for an object's value ("stats", "stats.0", "stats.0.value"),
 * the keys the schema does not know included (they are named where they are), under `prefix`.
 */
export function objectFieldKeys(shape: ObjectShape, value: JsonObject, prefix = '', omit: readonly string[] = []): string[] {
  const known = new Set(shape.fields.map((field) => field.key));
  const fields = shape.fields
    .filter((field) => !omit.includes(field.key))
    .flatMap((field) => [join(prefix, field.key), ...shapeKeys(field.shape, value[field.key], join(prefix, field.key))]);
  const unknown = Object.keys(value)
    .filter((key) => !known.has(key) && !omit.includes(key))
    .map((key) => join(prefix, key));
  return [...fields, ...unknown];
}

/** The keys of a document the schema does not name (kept untouched), leaving out `omit`. */
export function unknownKeys(shape: ObjectShape, value: JsonObject, omit: readonly string[] = []): string[] {
  const known = new Set(shape.fields.map((field) => field.key));
  return Object.keys(value).filter((key) => !known.has(key) && !omit.includes(key));
}
