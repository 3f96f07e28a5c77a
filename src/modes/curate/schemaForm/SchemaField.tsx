/**
 * One field of the schema form, drawn by the widget for its shape. The nested widgets (lists,
 * objects, narration) draw their own fields with this one, given to them by SchemaObjectFields.
 */

import type { ReactNode } from 'react';
import { ArrayField } from './ArrayField.tsx';
import { BooleanField } from './BooleanField.tsx';
import { ChoiceField } from './ChoiceField.tsx';
import type { ArrayShape, FieldShape, ObjectShape, PerLanguageShape } from './describeSchema.ts';
import { FixedField } from './FixedField.tsx';
import type { FieldWidgetProps } from './fieldProps.ts';
import { fullName } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { LocalizedTextField } from './LocalizedTextField.tsx';
import { NumberField } from './NumberField.tsx';
import { ObjectField } from './ObjectField.tsx';
import { PartialDateField } from './PartialDateField.tsx';
import { PerLanguageField } from './PerLanguageField.tsx';
import { ReferenceField } from './ReferenceField.tsx';
import { TextField } from './TextField.tsx';

type Of<T extends FieldShape['type']> = FieldWidgetProps<Extract<FieldShape, { type: T }>>;

/** The field drawn by its widget, in a box that says which field it is (`data-field`: its key). */
export function SchemaField(props: FieldWidgetProps) {
  return (
    <div className="curate-schema-field" data-field={props.path}>
      {widget(props)}
    </div>
  );
}

function widget(props: FieldWidgetProps): ReactNode {
  const { shape } = props;
  switch (shape.type) {
    case 'localized':
      return <LocalizedTextField {...(props as Of<'localized'>)} />;
    case 'string':
      return <TextField {...props} />;
    case 'date':
      return <PartialDateField {...props} />;
    case 'number':
      return <NumberField {...(props as Of<'number'>)} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'literal':
      return <FixedField {...(props as Of<'literal'>)} />;
    case 'choice':
      return <ChoiceField {...(props as Of<'choice'>)} />;
    case 'reference':
      return <ReferenceField {...(props as Of<'reference'>)} />;
    case 'array':
      return <ArrayField {...(props as FieldWidgetProps<ArrayShape>)} />;
    case 'object':
      return <ObjectField {...(props as FieldWidgetProps<ObjectShape>)} />;
    case 'perLanguage':
      return <PerLanguageField {...(props as FieldWidgetProps<PerLanguageShape>)} />;
    default:
      return (
        <KeptValue
          lang={props.lang}
          label={fullName(props.prefix, props.name)}
          value={props.value}
          problems={props.placed.get(props.path)}
        />
      );
  }
}
