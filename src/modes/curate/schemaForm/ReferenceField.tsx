/**
 * The id of another document (a tour stop's panel, a milestone's period, a tour's quiz, a related
 * panel): a `<select>` of what the draft has, each by its title and id. An id that names nothing
 * is kept, marked, and said so until another is chosen. Without choices (the caller has none) it
 * is written as text. A question's answer picks among the question's options, each by its text
 * alone (its id only where the text is empty or shared): the staff wrote the texts, not the ids.
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { FieldShape } from './describeSchema.ts';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, hasErrors } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { storedValue } from './schemaValues.ts';
import { TextField } from './TextField.tsx';

type ReferenceShape = Extract<FieldShape, { type: 'reference' }>;
type Choice = { id: string; title: string };

/** A choice as the select shows it. */
function choiceText(to: ReferenceShape['to'], choice: Choice, choices: readonly Choice[], lang: Lang): string {
  if (to !== 'options') return choice.title ? curateText('schemaRefOption', lang, choice) : choice.id;
  if (!choice.title) return curateText('schemaOptionUntitled', lang, { id: choice.id });
  const shared = choices.some((other) => other !== choice && other.title === choice.title);
  return shared ? curateText('schemaRefOption', lang, choice) : choice.title;
}

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
  const options = shape.to === 'options';
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
        {missing && (
          <option value={current}>
            {curateText(options ? 'schemaOptionMissing' : 'schemaRefMissing', lang, { id: current })}
          </option>
        )}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choiceText(shape.to, choice, choices, lang)}
          </option>
        ))}
      </select>
      {missing && (
        <p id={`${id}-missing`} className="curate-field-note">
          {curateText(options ? 'schemaOptionMissingNote' : 'schemaRefMissingNote', lang, { id: current })}
        </p>
      )}
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </div>
  );
}
