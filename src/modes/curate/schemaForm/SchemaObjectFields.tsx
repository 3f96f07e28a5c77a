/**
 * The fields of one object value drawn by the schema form's widgets (ObjectFields with the
 * form's own field renderer around it): the root of SchemaFields, and of a caller's part of a
 * document it draws itself (CuratePanelForm's images, whose file, caption and alt it shows).
 */
import { NestedFieldContext } from './fieldProps.ts';
import { ObjectFields, type ObjectFieldsProps } from './ObjectFields.tsx';
import { SchemaField } from './SchemaField.tsx';

export function SchemaObjectFields(props: ObjectFieldsProps) {
  return (
    <NestedFieldContext.Provider value={SchemaField}>
      <ObjectFields {...props} />
    </NestedFieldContext.Provider>
  );
}
