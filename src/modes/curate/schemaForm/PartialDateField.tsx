/**
 * A date at its precision (partialDate): how precise the source is — 年, 年月 or 年月日 — and the
 * inputs for it, written "YYYY", "YYYY-MM" or "YYYY-MM-DD". A finer precision chosen waits for its
 * month or day before the date changes (no day is invented); a coarser one drops them at once.
 * What the document has in another form ("1921年") stays in the year's input, shown and kept.
 */
import { useId, useState } from 'react';
import { type CurateStringKey, curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, type FieldWidgetProps, fullName, hasErrors } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import {
  composePartialDate,
  DATE_PRECISIONS,
  type DateParts,
  type DatePrecision,
  precisionOf,
  rankOf,
  splitPartialDate,
  storedValue,
} from './schemaValues.ts';

const PRECISION_WORDS: Record<DatePrecision, CurateStringKey> = {
  year: 'datePrecisionYear',
  month: 'datePrecisionMonth',
  day: 'datePrecisionDay',
};

const twoDigits = (n: number) => String(n).padStart(2, '0');
const MONTHS = Array.from({ length: 12 }, (_, index) => twoDigits(index + 1));
const DAYS = Array.from({ length: 31 }, (_, index) => twoDigits(index + 1));

export function PartialDateField({ lang, name, prefix, hint, optional, value, path, placed, onChange }: FieldWidgetProps) {
  const id = useId();
  // A finer precision chosen before its month or day is: kept here, since the date cannot say it yet.
  const [chosen, setChosen] = useState<DatePrecision | null>(null);
  const label = fullName(prefix, name);
  const problems = placed.get(path);
  if (value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
    return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  }
  const written = precisionOf(value);
  const precision = chosen && rankOf(chosen) > rankOf(written) ? chosen : written;
  const parts = splitPartialDate(value);
  const write = (next: DateParts, at: DatePrecision) => onChange(storedValue(composePartialDate(next, at), optional));
  const described = describedBy(hint && `${id}-hint`, problems?.length && `${id}-problems`);
  const invalid = hasErrors(problems);
  const partLabel = (key: CurateStringKey, control: string) => (
    <label htmlFor={`${id}-${control}`}>
      <span className="visually-hidden">{curateText('datePartOf', lang, { field: label[lang] })}</span>
      {curateText(key, lang)}
    </label>
  );
  const select = (part: 'month' | 'day', options: readonly string[], disabled: boolean) => {
    const current = parts[part];
    return (
      <select
        id={`${id}-${part}`}
        value={current}
        disabled={disabled}
        aria-describedby={describedBy(part === 'day' && disabled && `${id}-needs-month`, described)}
        aria-invalid={invalid}
        onChange={(event) => write({ ...parts, [part]: event.target.value }, precision)}
      >
        <option value="">{curateText('schemaNotChosen', lang)}</option>
        {/* A month or day written otherwise by hand stays a choice until another is made. */}
        {current !== '' && !options.includes(current) && <option value={current}>{current}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {curateText(part === 'month' ? 'dateMonthOption' : 'dateDayOption', lang, { n: Number(option) })}
          </option>
        ))}
      </select>
    );
  };
  return (
    <fieldset className="curate-fieldset curate-date" aria-describedby={described}>
      <legend>
        <FieldName lang={lang} label={label} name={name} />
      </legend>
      <div className="curate-date__parts">
        <div className="curate-field">
          {partLabel('datePrecision', 'precision')}
          <select
            id={`${id}-precision`}
            value={precision}
            onChange={(event) => {
              const next = event.target.value as DatePrecision;
              if (rankOf(next) < rankOf(written)) {
                setChosen(null);
                write(parts, next);
              } else setChosen(next);
            }}
          >
            {DATE_PRECISIONS.map((option) => (
              <option key={option} value={option}>
                {curateText(PRECISION_WORDS[option], lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="curate-field">
          {partLabel('dateYear', 'year')}
          <input
            id={`${id}-year`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={parts.year}
            aria-describedby={described}
            aria-invalid={invalid}
            onChange={(event) => write({ ...parts, year: event.target.value }, precision)}
          />
        </div>
        {rankOf(precision) >= rankOf('month') && (
          <div className="curate-field">
            {partLabel('dateMonth', 'month')}
            {select('month', MONTHS, false)}
          </div>
        )}
        {precision === 'day' && (
          <div className="curate-field">
            {partLabel('dateDay', 'day')}
            {select('day', DAYS, parts.month === '')}
          </div>
        )}
      </div>
      {precision === 'day' && parts.month === '' && (
        <p id={`${id}-needs-month`} className="curate-hint">
          {curateText('dateDayNeedsMonth', lang)}
        </p>
      )}
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </fieldset>
  );
}
