/**
 * The JSON Schemas editors use for the content files: generated from the zod schemas, checked
 * in next to the content, and in step with the loader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentJsonSchemas, EXHIBITION_SCHEMA_FILE, jsonSchemaText, SECTION_SCHEMA_FILE } from '../../src/content/jsonSchema.ts';
import { EXHIBITION_SCHEMA_REF, SECTION_SCHEMA_REF, TEXT_LIMITS } from '../../src/content/schema.ts';

const CONTENT = 'assets/content';
const schemas = contentJsonSchemas();
const read = (file: string) => readFileSync(join(CONTENT, file), 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: walking generated JSON Schema.
type Json = any;
const section: Json = schemas.section;
const exhibition: Json = schemas.exhibition;

describe('checked-in schema files', () => {
  it.each([
    [EXHIBITION_SCHEMA_FILE, schemas.exhibition],
    [SECTION_SCHEMA_FILE, schemas.section],
  ])('%s is up to date with src/content/schema.ts', (file, schema) => {
    const onDisk = read(file);
    expect(onDisk === jsonSchemaText(schema), `${CONTENT}/${file} is stale: run \`npm run schema\` and commit the result`).toBe(
      true,
    );
  });

  it('the content files point at them with their $schema lines', () => {
    expect(JSON.parse(read('exhibition.json')).$schema).toBe(EXHIBITION_SCHEMA_REF);
    const sectionFiles = (JSON.parse(read('exhibition.json')).sections as Array<{ file: string }>).map((entry) => entry.file);
    expect(sectionFiles.length).toBeGreaterThan(0);
    for (const file of sectionFiles) expect(JSON.parse(read(file)).$schema, file).toBe(SECTION_SCHEMA_REF);
    expect(EXHIBITION_SCHEMA_REF).toBe(`./${EXHIBITION_SCHEMA_FILE}`);
    expect(SECTION_SCHEMA_REF).toBe(`./${SECTION_SCHEMA_FILE}`);
  });
});

describe('the generated schemas', () => {
  it('are draft-07 (what VS Code supports best) and self-contained', () => {
    for (const schema of [section, exhibition]) {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      const refs = JSON.stringify(schema).match(/"\$ref":"[^"]*"/g) ?? [];
      for (const ref of refs) expect(ref).toMatch(/^"\$ref":"#\/definitions\/\w+"$/);
    }
  });

  it('describe the JSON as written: defaulted lists are optional, required fields required', () => {
    const event = section.definitions.EventPanel;
    expect(event.required).toEqual(['id', 'title', 'kind']);
    expect(event.properties.body.default).toEqual([]);
    expect(event.additionalProperties).toBe(false);
    expect(section.definitions.MilestonePanel.required).toContain('date');
    expect(section.definitions.MilestonePanel.required).toContain('period');
    expect(section.definitions.OathPanel.required).toContain('phrases');
    expect(exhibition.properties.periods.items).toEqual({ $ref: '#/definitions/Period' });
    expect(exhibition.definitions.Period.required).toEqual(['id', 'title', 'from']);
    expect(section.definitions.MemberPanel.required).toContain('people');
    expect(section.required).toEqual(['panels']);
    expect(section.properties.panels.items).toEqual({ $ref: '#/definitions/Panel' });
  });

  it('offer the seven kinds, each in its own panel type', () => {
    const kinds = section.definitions.Panel.oneOf.map(
      (option: { $ref: string }) => section.definitions[option.$ref.replace('#/definitions/', '')].properties.kind.const,
    );
    expect(kinds).toEqual(['milestone', 'event', 'member', 'stats', 'board', 'to-fill', 'oath']);
  });

  it('carry the text limits and the expected $schema value', () => {
    const title = section.definitions.EventPanel.properties.title;
    expect(title.anyOf[0]).toMatchObject({ type: 'string', minLength: 1, maxLength: TEXT_LIMITS.title });
    expect(title.anyOf[1].properties.zh.maxLength).toBe(TEXT_LIMITS.title);
    expect(title.anyOf[1].properties.en.maxLength).toBe(TEXT_LIMITS.title * 3);
    expect(section.definitions.EventPanel.properties.body.items.anyOf[0].maxLength).toBe(TEXT_LIMITS.paragraph);
    expect(section.properties.$schema.const).toBe(SECTION_SCHEMA_REF);
    expect(exhibition.properties.$schema.const).toBe(EXHIBITION_SCHEMA_REF);
    expect(exhibition.properties.sections.minItems).toBe(1);
  });

  it('give the main fields hover text in Chinese and English', () => {
    const fields = section.definitions.EventPanel.properties;
    for (const name of ['title', 'summary', 'body', 'images', 'source', 'related', 'kind']) {
      expect(fields[name].description, name).toMatch(/[\u4e00-\u9fff][\s\S]*\n[\s\S]*[A-Za-z]{4,}/);
    }
    expect(section.definitions.Id.description).toContain('#/panel/<id>');
    expect(fields.title.description).toContain('最多 60 个字');
    expect(exhibition.properties.sections.items.$ref).toBe('#/definitions/Section');
    expect(exhibition.definitions.Section.properties.file.description).toContain('timeline.json');
  });
});

/**
 * The shipped content against the generated schema with a real JSON Schema validator. Ajv is not
 * a dependency of this project yet; the test runs as soon as it is installed.
 */
const OPTIONAL_VALIDATOR: string = 'ajv';
const ajvModule = await import(/* @vite-ignore */ OPTIONAL_VALIDATOR).catch(() => null);

describe.skipIf(!ajvModule)('validated with Ajv', () => {
  // biome-ignore lint/suspicious/noExplicitAny: optional dependency without types here.
  const Ajv: any = ajvModule?.default ?? ajvModule;
  const validator = (schema: unknown) => new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('the shipped content is valid', () => {
    const exhibitionFile = JSON.parse(read('exhibition.json'));
    const validateExhibition = validator(schemas.exhibition);
    expect(validateExhibition(exhibitionFile), JSON.stringify(validateExhibition.errors)).toBe(true);
    const validateSection = validator(schemas.section);
    for (const { file } of exhibitionFile.sections as Array<{ file: string }>) {
      expect(validateSection(JSON.parse(read(file))), `${file}: ${JSON.stringify(validateSection.errors)}`).toBe(true);
    }
  });

  it('a broken fixture is invalid', () => {
    const validateSection = validator(schemas.section);
    const members = (dir: string) => JSON.parse(readFileSync(`tests/fixtures/broken/${dir}/content/members.json`, 'utf8'));
    expect(validateSection(members('valid'))).toBe(true);
    for (const dir of ['unknown-kind', 'title-too-long', 'image-path-url', 'negative-stat', 'wrong-schema-ref']) {
      expect(validateSection(members(dir)), dir).toBe(false);
    }
  });
});
