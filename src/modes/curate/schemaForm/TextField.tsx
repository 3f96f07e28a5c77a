/** A plain string of the schema (an id, a file path, a colour, a PIN): one text input, kept as typed. */
import { useId } from 'react';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, hasErrors } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { storedValue } from './schemaValues.ts';

export function TextField({ lang, name, prefix, hint, optional, value, path, placed, onChange }: FieldWidgetProps) {
  const id = useId();
  const label = fullName(prefix, name);
  const problems = placed.get(path);
  if (value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
    return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  }
  return (
    <div className="curate-field">
      <label htmlFor={id}>
        <FieldName lang={lang} label={label} name={name} />
      </label>
      <input
        id={id}
        type="text"
        value={value === undefined ? '' : String(value)}
        spellCheck={false}
        aria-describedby={describedBy(hint && `${id}-hint`, problems?.length && `${id}-problems`)}
        aria-invalid={hasErrors(problems)}
        onChange={(event) => onChange(storedValue(event.target.value, optional))}
      />
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </div>
  );
}
