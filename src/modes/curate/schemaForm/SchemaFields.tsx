/**
 * A document's form generated from its zod schema (issue 17: "a form per panel generated from the
 * zod schema"): every field in the schema's order, named in Chinese and English from its
 * `.meta()`, with its hint and the content check's problems placed at it. The caller keeps the
 * document; each change hands back a copy with only the edited field changed — an optional field
 * emptied is left out, keys the schema does not name are kept untouched and named.
 */
import { useId, useMemo } from 'react';
import type { z } from 'zod';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import { placeProblems } from '../draftModel.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import { describeSchema } from './describeSchema.ts';
import { SchemaObjectFields } from './SchemaObjectFields.tsx';
import type { SchemaFieldRefs } from './schemaFormTypes.ts';
import { objectFieldKeys } from './schemaValues.ts';

export type { SchemaFieldRefs } from './schemaFormTypes.ts';

export interface SchemaFieldsProps {
  lang: Lang;
  /** An object schema, e.g. milestonePanel, tourSchema. */
  schema: z.ZodType;
  /** The document's JSON (may be unfinished or invalid). */
  value: Record<string, unknown>;
  /** A copy with only the edited field changed. */
  onChange(next: Record<string, unknown>): void;
  /** Each with its key: the dotted path inside `value` ("stats.0.value"). */
  problems: ReadonlyArray<DraftProblem & { key: string }>;
  /** Top-level fields the caller renders itself. */
  omit?: readonly string[];
  /** Choices for id references. */
  refs?: SchemaFieldRefs;
}

const NO_REFS: SchemaFieldRefs = {};
const NOTHING: readonly string[] = [];

export function SchemaFields({ lang, schema, value, onChange, problems, omit = NOTHING, refs = NO_REFS }: SchemaFieldsProps) {
  const id = useId();
  const shape = useMemo(() => describeSchema(schema), [schema]);
  if (!shape) return null;
  // The caller's own fields' problems are the caller's to show.
  const ours = problems.filter((problem) => !omit.includes(problem.key.split('.')[0] ?? ''));
  const placed = placeProblems(ours, objectFieldKeys(shape, value, '', omit));
  const others = placed.get('');
  return (
    <div className="curate-schema-fields">
      {others && others.length > 0 && (
        <div className="curate-form-problems">
          <p className="curate-form-problems__title">{curateText('schemaOtherProblems', lang)}</p>
          <FieldProblems lang={lang} id={`${id}-other`} problems={others} />
        </div>
      )}
      <SchemaObjectFields
        lang={lang}
        shape={shape}
        value={value}
        path=""
        prefix={null}
        omit={omit}
        placed={placed}
        refs={refs}
        onChange={onChange}
      />
    </div>
  );
}
