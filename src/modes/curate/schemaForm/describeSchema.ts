/**
 * What a form needs to know of a content schema (src/content/schema.ts, quizSchema.ts), read from
 * the zod 4 schema itself so the form never lists a field twice: an object's fields in the
 * schema's order, each with its Chinese and English name and hint (from `.meta()`), whether it may
 * be left out, and its shape — a localized text and its limits, a plain string, a partial date, a
 * number, a flag, a fixed value, a list, one narration file or one per language, a reference to
 * another document. Pure: the same schema always gives the same description (cached).
 */
import { z } from 'zod';
import { partialDate } from '../../../content/schema.ts';
import { installSchemaHelp } from '../../../content/schemaHelp.ts';
import type { LabelPair, RefTarget } from './schemaFormTypes.ts';
import { fieldNameOverride, referenceOf } from './schemaReferences.ts';

export type { LabelPair } from './schemaFormTypes.ts';

// The fields' names and hints come from the schemas' metadata, which carry them once installed
// (src/content/schemaHelp.ts: kept out of the visitor's first load). Before any form reads them.
installSchemaHelp();

export interface ObjectShape {
  type: 'object';
  fields: FieldDescription[];
  /** True when keys the schema does not name are refused (a strict object). */
  strict: boolean;
}

export interface ArrayShape {
  type: 'array';
  item: ItemDescription;
  /** The fewest entries the schema accepts (0 when it says nothing). */
  minItems: number;
  maxItems: number | null;
}

/**
 * "One X, or one X per language" (a panel's narration): the schema's union of an object and
 * `{ zh?: X, en?: X }`.
 */
export interface PerLanguageShape {
  type: 'perLanguage';
  item: ObjectShape;
}

export type FieldShape =
  | ObjectShape
  | ArrayShape
  | PerLanguageShape
  /** A visitor-facing text: plain Chinese, or `{ zh, en? }`; the longest each language may be. */
  | { type: 'localized'; maxZh: number | null; maxEn: number | null }
  | { type: 'string'; patterns: readonly RegExp[]; minLength: number | null; maxLength: number | null }
  /** A date as precise as the source: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  | { type: 'date' }
  | { type: 'number'; int: boolean; min: number | null; max: number | null }
  | { type: 'boolean' }
  /** A value the document must have as it is (a panel's `kind`). */
  | { type: 'literal'; value: string | number | boolean | null }
  /** One of a few words (a question's kind). */
  | { type: 'choice'; options: readonly string[] }
  /** The id of another document: a panel, a period, a quiz. */
  | { type: 'reference'; to: RefTarget }
  /** Something this form does not edit (kept as it is): the zod type it is. */
  | { type: 'unsupported'; zodType: string };

export interface FieldDescription {
  key: string;
  /** The field's own name (标题 / Title). */
  label: LabelPair;
  hint: LabelPair | null;
  /** True when the document may leave the field out (optional, or the schema has a default). */
  optional: boolean;
  shape: FieldShape;
}

/** What every entry of a list is: its name (人物 / Person), hint and shape. */
export interface ItemDescription {
  label: LabelPair;
  hint: LabelPair | null;
  shape: FieldShape;
}

type Schema = z.core.$ZodType;

const defOf = (schema: Schema): z.core.$ZodTypeDef => schema._zod.def;

/** The wrappers that only say "may be left out" or "this when left out". */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'readonly', 'nonoptional']);

interface Unwrapped {
  inner: Schema;
  optional: boolean;
  /** The `.meta()` of each layer, outermost first (the field's own before its type's). */
  metas: Array<Record<string, unknown>>;
}

function unwrap(schema: Schema): Unwrapped {
  const metas: Array<Record<string, unknown>> = [];
  let optional = false;
  let current = schema;
  for (;;) {
    const meta = z.globalRegistry.get(current);
    if (meta) metas.push(meta as Record<string, unknown>);
    const def = defOf(current);
    if (!WRAPPERS.has(def.type)) break;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    current = (def as z.core.$ZodOptionalDef).innerType;
  }
  return { inner: current, optional, metas };
}

const first = (metas: Unwrapped['metas'], key: 'title' | 'description') =>
  metas.map((meta) => meta[key]).find((text): text is string => typeof text === 'string' && text !== '');

/**
 * A schema title's two names: "标题 Title" → 标题 / Title (the Chinese is the first word). A title
 * with no Chinese ("id", "$schema") is both.
 */
export function splitTitle(title: string): LabelPair {
  const space = title.indexOf(' ');
  const head = space > 0 ? title.slice(0, space) : title;
  if (space > 0 && /[^\x20-\x7e]/.test(head)) return { zh: head, en: title.slice(space + 1).trim() };
  return { zh: title, en: title };
}

/** A schema description's two lines: the Chinese, then the English. */
export function splitDescription(description: string): LabelPair {
  const [zh = '', ...rest] = description.split('\n');
  const en = rest.join(' ').trim();
  return { zh: zh.trim(), en: en || zh.trim() };
}

/**
 * A localized text's hint without its tail on how to write it in JSON (`textHint` in schema.ts:
 * "写中文，或写成 { … }；中文最多 … 个字"): the form has its two inputs, and says the limits itself.
 */
function formHint(hint: LabelPair): LabelPair {
  return {
    zh: hint.zh.replace(/写中文，或写成[\s\S]*$/, '').trim() || hint.zh,
    en: hint.en.replace(/\s*Plain Chinese, or [\s\S]*$/, '').trim() || hint.en,
  };
}

const hasChinese = (label: LabelPair) => label.zh !== label.en;

function lengthLimits(schema: Schema): { min: number | null; max: number | null } {
  let min: number | null = null;
  let max: number | null = null;
  for (const check of defOf(schema).checks ?? []) {
    const def = check._zod.def as z.core.$ZodCheckDef & { minimum?: number; maximum?: number; length?: number };
    if (def.check === 'min_length' && def.minimum !== undefined) min = Math.max(min ?? 0, def.minimum);
    if (def.check === 'max_length' && def.maximum !== undefined) max = Math.min(max ?? Number.POSITIVE_INFINITY, def.maximum);
    if (def.check === 'length_equals' && def.length !== undefined) min = max = def.length;
  }
  return { min, max };
}

function regexes(schema: Schema): RegExp[] {
  return (defOf(schema).checks ?? []).flatMap((check) => {
    const def = check._zod.def as z.core.$ZodCheckDef & { format?: string; pattern?: RegExp };
    return def.check === 'string_format' && def.format === 'regex' && def.pattern ? [def.pattern] : [];
  });
}

const isType = (schema: Schema | undefined, type: string) => schema !== undefined && defOf(schema).type === type;

/** `localizedText(max)`: the union of a string and `{ zh: string, en?: string }`. */
function localizedShape(options: readonly Schema[]): FieldShape | null {
  const [text, object] = options;
  if (options.length !== 2 || !text || !object || !isType(text, 'string') || !isType(object, 'object')) return null;
  const shape = (defOf(object) as z.core.$ZodObjectDef).shape;
  const keys = Object.keys(shape);
  const zh = shape.zh;
  const en = shape.en ? unwrap(shape.en).inner : undefined;
  if (keys.length !== 2 || !isType(zh, 'string') || !isType(en, 'string') || !zh || !en) return null;
  return { type: 'localized', maxZh: lengthLimits(zh).max, maxEn: lengthLimits(en).max };
}

/** `narrationSchema`: the union of an object X and `{ zh?: X, en?: X }`. */
function perLanguageShape(options: readonly Schema[]): FieldShape | null {
  const [single, split] = options;
  if (options.length !== 2 || !single || !split || !isType(single, 'object') || !isType(split, 'object')) return null;
  const shape = (defOf(split) as z.core.$ZodObjectDef).shape;
  const keys = Object.keys(shape).sort();
  if (keys.join() !== 'en,zh') return null;
  const sameAsSingle = (schema: Schema | undefined) => schema !== undefined && defOf(unwrap(schema).inner) === defOf(single);
  if (!sameAsSingle(shape.zh) || !sameAsSingle(shape.en)) return null;
  return { type: 'perLanguage', item: describeObjectShape(single) };
}

function shapeOf(schema: Schema): FieldShape {
  if (defOf(schema) === defOf(partialDate)) return { type: 'date' };
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return describeObjectShape(schema);
    case 'array': {
      const element = (def as z.core.$ZodArrayDef).element;
      const { min, max } = lengthLimits(schema);
      return { type: 'array', item: describeItem(element), minItems: min ?? 0, maxItems: max };
    }
    case 'union': {
      const options = (def as z.core.$ZodUnionDef).options;
      return localizedShape(options) ?? perLanguageShape(options) ?? { type: 'unsupported', zodType: 'union' };
    }
    case 'string': {
      const { min, max } = lengthLimits(schema);
      return { type: 'string', patterns: regexes(schema), minLength: min, maxLength: max };
    }
    case 'number': {
      const number = schema as unknown as z.ZodNumber;
      const finite = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);
      return { type: 'number', int: number.isInt, min: finite(number.minValue), max: finite(number.maxValue) };
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'literal': {
      const values = (def as z.core.$ZodLiteralDef<z.core.util.Literal>).values;
      const plain = values.filter(
        (value): value is string | number | boolean | null =>
          ['string', 'number', 'boolean'].includes(typeof value) || value === null,
      );
      if (plain.length === 1 && plain[0] !== undefined) return { type: 'literal', value: plain[0] };
      return { type: 'choice', options: plain.map(String) };
    }
    case 'enum':
      return { type: 'choice', options: Object.values((def as z.core.$ZodEnumDef).entries).map(String) };
    default:
      return { type: 'unsupported', zodType: def.type };
  }
}

/** A shape with its references marked: a field the content names as an id of another document. */
function withReference(shape: FieldShape, to: RefTarget | null): FieldShape {
  if (!to) return shape;
  if (shape.type === 'string') return { type: 'reference', to };
  // Each entry's hint was its id type's ("unique in the whole exhibition"): the list's says what to pick.
  if (shape.type === 'array' && shape.item.shape.type === 'string') {
    return { ...shape, item: { ...shape.item, hint: null, shape: { type: 'reference', to } } };
  }
  return shape;
}

function describeItem(element: Schema): ItemDescription {
  const { inner, metas } = unwrap(element);
  const title = first(metas, 'title');
  const description = first(metas, 'description');
  const shape = shapeOf(inner);
  const hint = description ? splitDescription(description) : null;
  return {
    label: title ? splitTitle(title) : { zh: '', en: '' },
    hint: hint && shape.type === 'localized' ? formHint(hint) : hint,
    shape,
  };
}

/** One field of an object: its names, its hint, whether it may be left out, its shape. */
export function describeField(key: string, schema: Schema): FieldDescription {
  const { inner, optional, metas } = unwrap(schema);
  const override = fieldNameOverride(key, schema);
  const title = first(metas, 'title');
  const description = first(metas, 'description');
  let shape = withReference(shapeOf(inner), referenceOf(schema));
  const entry = shape.type === 'array' ? shape.item.label : null;
  // A list with no name of its own is named by its entries (a tour's stops: 讲解站).
  const label = override?.label ?? (title ? splitTitle(title) : entry && hasChinese(entry) ? entry : { zh: key, en: key });
  // Entries named by their type alone ("id" of a related panel) or not at all take the list's name.
  if (shape.type === 'array' && !hasChinese(shape.item.label)) shape = { ...shape, item: { ...shape.item, label } };
  const hint = override?.hint ?? (description ? splitDescription(description) : null);
  return { key, label, hint: hint && shape.type === 'localized' ? formHint(hint) : hint, optional, shape };
}

const objects = new WeakMap<object, ObjectShape>();

function describeObjectShape(schema: Schema): ObjectShape {
  const def = defOf(schema) as z.core.$ZodObjectDef;
  const cached = objects.get(def);
  if (cached) return cached;
  const described: ObjectShape = {
    type: 'object',
    fields: Object.entries(def.shape).map(([key, field]) => describeField(key, field)),
    strict: def.catchall !== undefined && defOf(def.catchall).type === 'never',
  };
  objects.set(def, described);
  return described;
}

/** An object schema's fields, or null when the schema is no object (after optional / default). */
export function describeSchema(schema: z.ZodType | Schema): ObjectShape | null {
  const { inner } = unwrap(schema);
  return isType(inner, 'object') ? describeObjectShape(inner) : null;
}

/** The field of an object description named `key`. */
export function fieldOf(shape: ObjectShape, key: string): FieldDescription | undefined {
  return shape.fields.find((field) => field.key === key);
}
