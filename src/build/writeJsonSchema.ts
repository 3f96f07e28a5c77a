/**
 * `tsx src/build/writeJsonSchema.ts [contentDir]` (`npm run schema`) — writes the JSON Schemas
 * that editors use for the content files: `exhibition.schema.json`, `section.schema.json` and `quiz.schema.json` in
 * `assets/content/`, next to the files whose `$schema` lines name them. Run it after changing
 * `src/content/schema.ts`; a unit test fails while the checked-in files are stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  contentJsonSchemas,
  EXHIBITION_SCHEMA_FILE,
  jsonSchemaText,
  QUIZ_SCHEMA_FILE,
  SECTION_SCHEMA_FILE,
} from '../content/jsonSchema.ts';

const contentDir = resolve(process.argv[2] ?? 'assets/content');
const schemas = contentJsonSchemas();

for (const [file, schema] of [
  [EXHIBITION_SCHEMA_FILE, schemas.exhibition],
  [SECTION_SCHEMA_FILE, schemas.section],
  [QUIZ_SCHEMA_FILE, schemas.quiz],
] as const) {
  const path = join(contentDir, file);
  const text = jsonSchemaText(schema);
  const before = await readFile(path, 'utf8').catch(() => null);
  if (before === text) {
    console.log(`${path}: unchanged`);
  } else {
    await writeFile(path, text);
    console.log(`${path}: written`);
  }
}
