/**
 * A value this form cannot edit where it stands (a list where a text belongs, a shape the schema
 * form does not draw): shown as the JSON it is, as text, and kept untouched with its problems.
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { LabelPair } from './schemaFormTypes.ts';

export interface KeptValueProps {
  lang: Lang;
  label: LabelPair;
  value: unknown;
  problems: readonly DraftProblem[] | undefined;
}

export function KeptValue({ lang, label, value, problems }: KeptValueProps) {
  const id = useId();
  return (
    <div className="curate-field curate-kept" data-kept="true">
      <p>{curateText('schemaKeptValue', lang, { field: label[lang] })}</p>
      <pre className="curate-kept__json">{JSON.stringify(value, null, 2) ?? String(value)}</pre>
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
    </div>
  );
}
