/**
 * The fields of one object value in the schema's order (a document's, a person's, a figure's),
 * each drawn by its widget, each change made on a copy with only that field changed. Keys the
 * schema does not name are kept untouched and named, with any problems placed at them. A field
 * naming entries of a list beside it (a question's answer) picks from that list as it is.
 */
import { useId, useMemo } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { ObjectShape } from './describeSchema.ts';
import { withSiblingChoices } from './draftRefs.ts';
import { useNestedField } from './fieldProps.ts';
import type { LabelPair, SchemaFieldRefs } from './schemaFormTypes.ts';
import { type JsonObject, unknownKeys, withKey } from './schemaValues.ts';

export interface ObjectFieldsProps {
  lang: Lang;
  shape: ObjectShape;
  value: JsonObject;
  /** The object's key inside the document ('' for the document itself). */
  path: string;
  /** The object's name, before each field's ("人物 1"), or null for the document itself. */
  prefix: LabelPair | null;
  /** Fields drawn by the caller, not here. */
  omit?: readonly string[] | undefined;
  placed: ReadonlyMap<string, readonly DraftProblem[]>;
  refs: SchemaFieldRefs;
  onChange(next: JsonObject): void;
}

const keyAt = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

export function ObjectFields({ lang, shape, value, path, prefix, omit = [], placed, refs, onChange }: ObjectFieldsProps) {
  const Field = useNestedField();
  const id = useId();
  const kept = unknownKeys(shape, value, omit);
  // A question's answer picks from the question's own options, as they are now.
  const ownRefs = useMemo(() => withSiblingChoices(refs, shape, value, lang), [refs, shape, value, lang]);
  return (
    <>
      {kept.length > 0 && (
        <div className="curate-kept" data-kept-keys={kept.join(' ')}>
          <p className="curate-hint">{curateText('keptFields', lang, { fields: kept.join(', ') })}</p>
          {kept.map((key) => (
            <FieldProblems key={key} lang={lang} id={`${id}-kept-${key}`} problems={placed.get(keyAt(path, key))} />
          ))}
        </div>
      )}
      {shape.fields
        .filter((field) => !omit.includes(field.key))
        .map((field) => (
          <Field
            key={field.key}
            lang={lang}
            shape={field.shape}
            name={field.label}
            prefix={prefix}
            hint={field.hint}
            optional={field.optional}
            value={value[field.key]}
            path={keyAt(path, field.key)}
            placed={placed}
            refs={ownRefs}
            onChange={(next) => onChange(withKey(value, field.key, next))}
          />
        ))}
    </>
  );
}
