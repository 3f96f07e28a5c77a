/**
 * A number of the schema (a figure's value, a stop's seconds, a cue): a text input that keeps
 * what is typed — "1." while the decimals come, "约 200" until it is a number. A number is
 * stored as soon as the text reads as one; anything else is stored as the text, said so here at
 * once, and named by the content check, so nothing typed is lost.
 */
import { useId, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { FieldShape } from './describeSchema.ts';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, hasErrors } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { typedNumberValue } from './schemaValues.ts';

type NumberShape = Extract<FieldShape, { type: 'number' }>;

const shown = (value: unknown) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');

export function NumberField({
  lang,
  shape,
  name,
  prefix,
  hint,
  optional,
  value,
  path,
  placed,
  onChange,
}: FieldWidgetProps<NumberShape>) {
  const id = useId();
  // What was typed last, shown while it still stands for the stored value ("1." for 1).
  const [typed, setTyped] = useState<string | null>(null);
  const label = fullName(prefix, name);
  const problems = placed.get(path);
  if (value !== undefined && typeof value !== 'number' && typeof value !== 'string') {
    return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  }
  const text = typed !== null && Object.is(typedNumberValue(typed, optional), value) ? typed : shown(value);
  const notNumber = typeof value === 'string' && value !== '';
  return (
    <div className="curate-field curate-field--number">
      <label htmlFor={id}>
        <FieldName lang={lang} label={label} name={name} />
      </label>
      <input
        id={id}
        type="text"
        inputMode={shape.int && (shape.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
        value={text}
        aria-describedby={describedBy(notNumber && `${id}-kept`, hint && `${id}-hint`, problems?.length && `${id}-problems`)}
        aria-invalid={notNumber || hasErrors(problems)}
        onChange={(event) => {
          setTyped(event.target.value);
          onChange(typedNumberValue(event.target.value, optional));
        }}
      />
      {notNumber && (
        <p id={`${id}-kept`} className="curate-field-note">
          {curateText('schemaNumberKept', lang)}
        </p>
      )}
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </div>
  );
}
