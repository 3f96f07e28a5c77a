/**
 * What every widget of the schema form is given (one field: its shape, its name, its value, its
 * problems, a way to change it), the names of fields inside others ("人物 1 · 姓名"), and the
 * renderer nested widgets draw their children with — handed down by context, so a list of
 * objects of lists needs no module to import the one that imports it.
 */
import { createContext, type FunctionComponent, useContext } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import type { FieldShape } from './describeSchema.ts';
import type { LabelPair, SchemaFieldRefs } from './schemaFormTypes.ts';

export interface FieldWidgetProps<S extends FieldShape = FieldShape> {
  lang: Lang;
  shape: S;
  /** The field's own name (姓名 / Name). */
  name: LabelPair;
  /** The names of what it is inside ("人物 1"), or null for a document's own field. */
  prefix: LabelPair | null;
  hint: LabelPair | null;
  /** The document may leave it out: emptied, it is removed. */
  optional: boolean;
  value: unknown;
  /** The field's key inside the document ("people.0.name"): its problems are `placed.get(path)`. */
  path: string;
  placed: ReadonlyMap<string, readonly DraftProblem[]>;
  refs: SchemaFieldRefs;
  /** The field's new value; undefined leaves it out of the document. */
  onChange(next: unknown): void;
}

/** A field's whole name: inside another, both names ("人物 1 · 姓名"). */
export function fullName(prefix: LabelPair | null, name: LabelPair): LabelPair {
  if (!prefix) return name;
  return {
    zh: curateText('schemaWithin', 'zh', { parent: prefix.zh, field: name.zh }),
    en: curateText('schemaWithin', 'en', { parent: prefix.en, field: name.en }),
  };
}

/** The name of a list's entry `n` (from 1): "人物 2". */
export function entryName(item: LabelPair, n: number): LabelPair {
  return {
    zh: curateText('schemaItem', 'zh', { item: item.zh, n }),
    en: curateText('schemaItem', 'en', { item: item.en, n }),
  };
}

/** A localized name in a language's words (讲解录音（中文）), for a field split by language. */
export function languageName(name: LabelPair, language: 'zh' | 'en'): LabelPair {
  const key = language === 'zh' ? 'inChinese' : 'inEnglish';
  return { zh: curateText(key, 'zh', { field: name.zh }), en: curateText(key, 'en', { field: name.en }) };
}

/** The ids the widgets' inputs are described by (hint, problems, notes), or undefined for none. */
export const describedBy = (...ids: Array<string | number | false | null | undefined>) =>
  ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ') || undefined;

export const hasErrors = (problems: readonly DraftProblem[] | undefined) =>
  problems?.some((problem) => problem.severity === 'error') || undefined;

/** The widget that draws any field: the schema form's own dispatcher, given by SchemaObjectFields. */
export const NestedFieldContext = createContext<FunctionComponent<FieldWidgetProps> | null>(null);

export function useNestedField(): FunctionComponent<FieldWidgetProps> {
  const field = useContext(NestedFieldContext);
  if (!field) throw new Error('a nested schema field is drawn outside SchemaObjectFields');
  return field;
}
