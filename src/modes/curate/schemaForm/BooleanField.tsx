/** A yes / no of the schema (an image still a placeholder): a checkbox; an optional one unticked is left out. */
import { useId } from 'react';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, hasErrors } from './fieldProps.ts';

export function BooleanField({ lang, name, prefix, hint, optional, value, path, placed, onChange }: FieldWidgetProps) {
  const id = useId();
  const problems = placed.get(path);
  return (
    <div className="curate-field curate-field--check">
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        aria-describedby={describedBy(hint && `${id}-hint`, problems?.length && `${id}-problems`)}
        aria-invalid={hasErrors(problems)}
        onChange={(event) => onChange(event.target.checked ? true : optional ? undefined : false)}
      />
      <label htmlFor={id}>
        <FieldName lang={lang} label={fullName(prefix, name)} name={name} />
      </label>
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </div>
  );
}
