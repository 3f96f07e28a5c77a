/**
 * An object inside a document (an oath's recording, one narration file, the kiosk's settings): a
 * group of its own fields under its name. An optional one absent is offered by 添加…, and one
 * present can be removed; a value that is no object is kept as it is.
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { ObjectShape } from './describeSchema.ts';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { ObjectFields } from './ObjectFields.tsx';
import { initialValue, isRecord, type JsonObject } from './schemaValues.ts';

export function ObjectField({
  lang,
  shape,
  name,
  prefix,
  hint,
  optional,
  value,
  path,
  placed,
  refs,
  onChange,
}: FieldWidgetProps<ObjectShape>) {
  const id = useId();
  const label = fullName(prefix, name);
  const problems = placed.get(path);
  if (value !== undefined && !isRecord(value)) return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  if (value === undefined && optional) {
    return (
      <div className="curate-field">
        <button type="button" className="curate-button" onClick={() => onChange(initialValue(shape))}>
          {curateText('schemaAdd', lang, { item: label[lang] })}
        </button>
        <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
        <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
      </div>
    );
  }
  return (
    <fieldset
      className="curate-fieldset curate-object"
      aria-describedby={describedBy(hint && `${id}-hint`, problems?.length && `${id}-problems`)}
    >
      <legend>
        <FieldName lang={lang} label={label} name={name} />
      </legend>
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
      <ObjectFields
        lang={lang}
        shape={shape}
        value={(value as JsonObject | undefined) ?? {}}
        path={path}
        prefix={label}
        placed={placed}
        refs={refs}
        onChange={onChange}
      />
      {optional && (
        <button type="button" className="curate-button" onClick={() => onChange(undefined)}>
          {curateText('schemaRemoveOf', lang, { item: label[lang] })}
        </button>
      )}
    </fieldset>
  );
}
