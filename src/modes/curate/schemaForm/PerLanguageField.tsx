/**
 * A panel's narration (narrationSchema): 不用录音 (when it may be left out), 一段录音 (one file,
 * Chinese) or 分中英文 (a file per language, each optional), and the file paths as text. Going
 * from one to per language keeps the file as the Chinese one; going back is offered once there is
 * no English recording to lose.
 */
import { useId } from 'react';
import { type CurateStringKey, curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { PerLanguageShape } from './describeSchema.ts';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, languageName, useNestedField } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { ObjectFields } from './ObjectFields.tsx';
import { initialValue, isRecord, type JsonObject, type NarrationMode, narrationModeOf, withKey } from './schemaValues.ts';

const MODE_WORDS: Record<NarrationMode, CurateStringKey> = {
  none: 'recordingNone',
  one: 'recordingOne',
  perLanguage: 'recordingPerLanguage',
};

export function PerLanguageField(props: FieldWidgetProps<PerLanguageShape>) {
  const { lang, shape, name, prefix, hint, optional, value, path, placed, refs, onChange } = props;
  const Field = useNestedField();
  const id = useId();
  const label = fullName(prefix, name);
  const problems = placed.get(path);
  if (value !== undefined && !isRecord(value)) return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  const mode = narrationModeOf(value);
  const record: JsonObject = value ?? {};
  const blocked = mode === 'perLanguage' && record.en !== undefined;

  const choose = (next: NarrationMode) => {
    if (next === mode) return;
    if (next === 'none') return onChange(undefined);
    if (next === 'perLanguage') return onChange(mode === 'one' ? { zh: record } : {});
    onChange(isRecord(record.zh) ? record.zh : initialValue(shape.item));
  };
  const modes: NarrationMode[] = optional ? ['none', 'one', 'perLanguage'] : ['one', 'perLanguage'];

  return (
    <fieldset
      className="curate-fieldset curate-per-language"
      aria-describedby={describedBy(hint && `${id}-hint`, problems?.length && `${id}-problems`)}
    >
      <legend>
        <FieldName lang={lang} label={label} name={name} />
      </legend>
      <div className="curate-choices">
        {modes.map((option) => (
          <span key={option} className="curate-choice">
            <input
              id={`${id}-${option}`}
              type="radio"
              name={`${id}-mode`}
              value={option}
              checked={mode === option}
              disabled={option === 'one' && blocked}
              aria-describedby={option === 'one' && blocked ? `${id}-blocked` : undefined}
              onChange={() => choose(option)}
            />
            <label htmlFor={`${id}-${option}`}>{curateText(MODE_WORDS[option], lang)}</label>
          </span>
        ))}
      </div>
      {blocked && (
        <p id={`${id}-blocked`} className="curate-hint">
          {curateText('recordingOneBlocked', lang)}
        </p>
      )}
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
      {mode === 'one' && (
        <ObjectFields
          lang={lang}
          shape={shape.item}
          value={record}
          path={path}
          prefix={label}
          placed={placed}
          refs={refs}
          onChange={onChange}
        />
      )}
      {mode === 'perLanguage' &&
        (['zh', 'en'] as const).map((language) => (
          <Field
            key={language}
            lang={lang}
            shape={shape.item}
            name={languageName(name, language)}
            prefix={prefix}
            hint={null}
            optional
            value={record[language]}
            path={`${path}.${language}`}
            placed={placed}
            refs={refs}
            onChange={(next) => onChange(withKey(record, language, next))}
          />
        ))}
    </fieldset>
  );
}
