/**
 * One of a few words of the schema (a question's kind): a `<select>`. A value that is none of
 * them is kept, shown as such, until another is chosen.
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { FieldShape } from './describeSchema.ts';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, hasErrors } from './fieldProps.ts';

type ChoiceShape = Extract<FieldShape, { type: 'choice' }>;

export function ChoiceField({
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
}: FieldWidgetProps<ChoiceShape>) {
  const id = useId();
  const problems = placed.get(path);
  const current = value === undefined ? '' : String(value);
  const odd = current !== '' && !shape.options.includes(current);
  return (
    <div className="curate-field">
      <label htmlFor={id}>
        <FieldName lang={lang} label={fullName(prefix, name)} name={name} />
      </label>
      <select
        id={id}
        value={current}
        aria-describedby={describedBy(hint && `${id}-hint`, problems?.length && `${id}-problems`)}
        aria-invalid={odd || hasErrors(problems)}
        onChange={(event) => onChange(event.target.value === '' && optional ? undefined : event.target.value)}
      >
        {(optional || current === '') && <option value="">{curateText('schemaNotChosen', lang)}</option>}
        {odd && <option value={current}>{curateText('schemaChoiceUnknown', lang, { value: current })}</option>}
        {shape.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </div>
  );
}
