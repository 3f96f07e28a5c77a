/**
 * The JSON Schemas that give editors (VS Code and others) autocomplete, hover text and checks
 * while staff edit `assets/content/*.json`. Generated from the zod schemas, the one source of the
 * content's shape, so the editor and the loader never disagree about what a field is. Pure: the
 * files are written by `src/build/writeJsonSchema.ts` (`npm run schema`).
 *
 * Draft-07, because that is what VS Code supports best. `io: 'input'` describes the JSON as
 * written, where fields with a default (`body`, `images`…) may be left out. A few checks have
 * no JSON Schema form (a day that does not exist in its month, ids that must name a panel,
 * duplicate ids, image files that must exist): editors skip them, `npm run check:content` does not.
 */
import { z } from 'zod';
import { quizFileFullSchema } from './quizSchema.ts';
import { exhibitionFileFullSchema, sectionFileFullSchema } from './schema.ts';
import { installSchemaHelp } from './schemaHelp.ts';

export type JsonSchema = Record<string, unknown>;

/** The file names the content files' `$schema` lines point at, next to the content. */
export const EXHIBITION_SCHEMA_FILE = 'exhibition.schema.json';
export const SECTION_SCHEMA_FILE = 'section.schema.json';
export const QUIZ_SCHEMA_FILE = 'quiz.schema.json';

function generate(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    // Every content type has a JSON Schema form; if one ever does not, fail loudly here rather
    // than ship a schema that silently accepts anything in its place.
    unrepresentable: 'throw',
    // Shared parts without a name of their own are written out in place; named ones (`id` in
    // their metadata: Panel, Image, Person…) become readable `definitions`.
    reused: 'inline',
  }) as JsonSchema;
}

/** The schemas for `exhibition.json`, for the section files and for `quiz.json`. */
export function contentJsonSchemas(): { exhibition: JsonSchema; section: JsonSchema; quiz: JsonSchema } {
  // Each field's title and hover text, which the schemas carry only once it is installed.
  installSchemaHelp();
  return {
    exhibition: generate(exhibitionFileFullSchema),
    section: generate(sectionFileFullSchema),
    quiz: generate(quizFileFullSchema),
  };
}

/** The text of a schema file: keys in a fixed order, two-space indent, a final newline. */
export function jsonSchemaText(schema: JsonSchema): string {
  return `${JSON.stringify(sortDefinitions(schema), null, 2)}\n`;
}

/**
 * Properties keep the order of the zod schema (editors list them in that order); only the
 * `definitions` are sorted by name, so adding a type does not reshuffle the file.
 */
function sortDefinitions(schema: JsonSchema): JsonSchema {
  const definitions = schema.definitions;
  if (definitions === null || typeof definitions !== 'object') return schema;
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...schema, definitions: sorted };
}
