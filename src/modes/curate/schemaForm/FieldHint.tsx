/** What a field is for, under it, in the page's language (nothing when the schema says nothing). */
import type { Lang } from '../../../i18n/lang.ts';
import type { LabelPair } from './schemaFormTypes.ts';

export interface FieldHintProps {
  lang: Lang;
  id: string;
  hint: LabelPair | null;
}

export function FieldHint({ lang, id, hint }: FieldHintProps) {
  if (!hint?.[lang]) return null;
  return (
    <p id={id} className="curate-hint">
      {hint[lang]}
    </p>
  );
}
