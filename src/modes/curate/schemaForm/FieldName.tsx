/**
 * A field's name as its label shows it: in the page's language, and on the Chinese page with the
 * field's own English name beside it in small (日期 Date), as the JSON Schema titles have them.
 */
import type { Lang } from '../../../i18n/lang.ts';
import type { LabelPair } from './schemaFormTypes.ts';

export interface FieldNameProps {
  lang: Lang;
  /** The whole name ("人物 1 · 荣誉"). */
  label: LabelPair;
  /** The field's own name, whose English goes beside the Chinese. */
  name: LabelPair;
}

export function FieldName({ lang, label, name }: FieldNameProps) {
  return (
    <>
      {label[lang]}
      {lang === 'zh' && name.en !== name.zh && <span lang="en"> {name.en}</span>}
    </>
  );
}
