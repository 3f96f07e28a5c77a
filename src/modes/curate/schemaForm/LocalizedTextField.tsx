/**
 * A visitor-facing text of the schema (localizedText): its Chinese and English side by side in
 * LocalizedField, the English optional, with its hint and the limits the schema sets.
 */
import { curateText } from '../../../i18n/curateStrings.ts';
import { withLanguage } from '../draftModel.ts';
import { LocalizedField } from '../ui/LocalizedField.tsx';
import type { FieldShape } from './describeSchema.ts';
import { type FieldWidgetProps, fullName } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { isRecord, storedValue } from './schemaValues.ts';

type LocalizedShape = Extract<FieldShape, { type: 'localized' }>;

export function LocalizedTextField({
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
}: FieldWidgetProps<LocalizedShape>) {
  const label = fullName(prefix, name);
  const problems = placed.get(path);
  if (value !== undefined && typeof value !== 'string' && !isRecord(value)) {
    return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  }
  const limits =
    shape.maxZh !== null && shape.maxEn !== null
      ? curateText('schemaTextLimits', lang, { zh: shape.maxZh, en: shape.maxEn })
      : '';
  const text = [hint?.[lang], limits].filter(Boolean).join(' ');
  return (
    <LocalizedField
      lang={lang}
      label={label}
      value={value}
      multiline={(shape.maxZh ?? 0) > 60}
      hint={text || undefined}
      problems={problems}
      onChange={(language, typed) => onChange(storedValue(withLanguage(value, language, typed), optional))}
    />
  );
}
