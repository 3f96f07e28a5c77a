/**
 * The id of another document (a tour stop's panel, a milestone's period, a tour's quiz, a related
 * panel): a `<select>` of what the draft has, each by its title and id. An id that names nothing
 * is kept, marked, and said so until another is chosen. Without choices (the caller has none) it
 * is written as text.
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { FieldShape } from './describeSchema.ts';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, hasErrors } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { storedValue } from './schemaValues.ts';
import { TextField } from './TextField.tsx';

type ReferenceShape = Extract<FieldShape, { type: 'reference' }>;

export function ReferenceField(props: FieldWidgetProps<ReferenceShape>) {
  const { lang, shape, name, prefix, hint, optional, value, path, placed, refs, onChange } = props;
  const id = useId();
  const choices = refs[shape.to];
  const label = fullName(prefix, name);
  const problems = placed.get(path);
  if (!choices) return <TextField {...props} />;
  if (value !== undefined && typeof value !== 'string') {
    return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  }
  const current = value ?? '';
  const missing = current !== '' && !choices.some((choice) => choice.id === current);
  return (
    <div className="curate-field" data-missing={missing || undefined}>
      <label htmlFor={id}>
        <FieldName lang={lang} label={label} name={name} />
      </label>
      <select
        id={id}
        value={current}
        aria-describedby={describedBy(missing && `${id}-missing`, hint && `${id}-hint`, problems?.length && `${id}-problems`)}
        aria-invalid={missing || hasErrors(problems)}
        onChange={(event) => onChange(storedValue(event.target.value, optional))}
      >
        <option value="">{curateText('schemaNotChosen', lang)}</option>
        {missing && <option value={current}>{curateText('schemaRefMissing', lang, { id: current })}</option>}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.title ? curateText('schemaRefOption', lang, { title: choice.title, id: choice.id }) : choice.id}
          </option>
        ))}
      </select>
      {missing && (
        <p id={`${id}-missing`} className="curate-field-note">
          {curateText('schemaRefMissingNote', lang, { id: current })}
        </p>
      )}
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </div>
  );
}
