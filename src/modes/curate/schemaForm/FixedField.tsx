/** A value the schema fixes (a panel's kind): shown, never edited; what the document has is kept. */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { FieldShape } from './describeSchema.ts';
import { type FieldWidgetProps, fullName } from './fieldProps.ts';

type LiteralShape = Extract<FieldShape, { type: 'literal' }>;

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function FixedField({ lang, shape, name, prefix, value, path, placed }: FieldWidgetProps<LiteralShape>) {
  const id = useId();
  return (
    <div className="curate-field curate-field--fixed">
      <p className="curate-hint">
        {curateText('schemaFixedValue', lang, {
          field: fullName(prefix, name)[lang],
          value: shown(value === undefined ? shape.value : value),
        })}
      </p>
      <FieldProblems lang={lang} id={`${id}-problems`} problems={placed.get(path)} />
    </div>
  );
}
