import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  exportedNames,
  JSON_SCHEMA_MODULES,
  KEPT_HEADS,
  standInFor,
  standInSource,
  zodWithoutJsonSchema,
} from '../../src/build/zodWithoutJsonSchema.ts';

const require = createRequire(import.meta.url);
const zodRoot = require.resolve('zod/package.json').replace(/package\.json$/, '');
const modulePath = (module: string) => join(zodRoot, module.replace(/^zod\//, ''));
const dir = mkdtempSync(join(tmpdir(), 'zod-stand-in-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type LoadHook = (id: string) => string | null;
const load = zodWithoutJsonSchema().load as unknown as LoadHook;

/** A stand-in written to the temp folder, its relative imports pointed back at zod's own files. */
async function importStandIn(module: string, source: string): Promise<Record<string, unknown>> {
  const home = dirname(modulePath(module));
  const file = join(dir, `${module.replaceAll('/', '_')}.mjs`);
  writeFileSync(
    file,
    source.replace(/from "\.\/([^"]+)"/g, (_match, name: string) => `from "${pathToFileURL(join(home, name)).href}"`),
  );
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
}

describe('the browser build without zod’s JSON Schema generator', () => {
  it('stands in for each generator module with every name the real module exports', async () => {
    for (const module of JSON_SCHEMA_MODULES) {
      const real = (await import(/* @vite-ignore */ pathToFileURL(modulePath(module)).href)) as Record<string, unknown>;
      const source = load(modulePath(module));
      expect(source, module).not.toBeNull();
      const standIn = await importStandIn(module, source as string);
      expect(Object.keys(standIn).sort(), module).toEqual(Object.keys(real).sort());
    }
  });

  it('keeps the checks’ folding real: the schemas’ getters (isInt, minValue, maxLength …) use it at run time', async () => {
    const module = 'zod/v4/core/json-schema-processors.js';
    expect(Object.keys(KEPT_HEADS)).toEqual([module]);
    const real = (await import(/* @vite-ignore */ pathToFileURL(modulePath(module)).href)) as Record<
      string,
      (schema: unknown) => unknown
    >;
    const standIn = (await importStandIn(module, load(modulePath(module)) as string)) as typeof real;
    for (const schema of [z.number().int().min(2).max(9), z.string().min(1).max(40), z.number().multipleOf(5), z.email()]) {
      expect(standIn.aggregateChecks?.(schema)).toEqual(real.aggregateChecks?.(schema));
    }
    expect(standIn.aggregateChecks?.(z.number().int())).toMatchObject({ isInt: true });
    // The generator's processors after it are stand-ins.
    expect(() => (standIn.stringProcessor as unknown as () => unknown)()).toThrow(/left out of the browser build/);
    // A zod whose file no longer has the line the head ends before is refused, not half-kept.
    expect(() => standInFor(module, 'export function aggregateChecks() {}')).toThrow(/no longer has/);
  });

  it('says why when the page asks for a JSON Schema, and a schema’s ~standard can still be read', async () => {
    const file = join(dir, 'processors.mjs');
    writeFileSync(file, standInSource(['toJSONSchema', 'createStandardJSONSchemaMethod']));
    const standIn = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, () => unknown>;
    expect(() => standIn.toJSONSchema?.()).toThrow(/left out of the browser build/);
    const method = standIn.createStandardJSONSchemaMethod?.() as () => unknown;
    expect(() => method()).toThrow(/left out of the browser build/);
  });

  it('leaves every other module alone, zod’s own validators included', () => {
    expect(load(modulePath('zod/v4/core/schemas.js'))).toBeNull();
    expect(load(modulePath('zod/v4/classic/schemas.js'))).toBeNull();
    expect(load('/work/src/content/to-json-schema.js')).toBeNull();
  });

  it('reads declarations and export lists, renamed ones by their outside name', () => {
    const source = 'export function a() {}\nexport const b = 1;\nexport class C {}\nfunction d() {}\nexport { d as e };\n';
    expect(exportedNames(source)).toEqual(['C', 'a', 'b', 'e']);
    expect(exportedNames(readFileSync(modulePath('zod/v4/core/to-json-schema.js'), 'utf8'))).toContain('process');
  });

  it('applies to `vite build` only (the dev server and the tests keep the real modules)', () => {
    expect(zodWithoutJsonSchema().apply).toBe('build');
  });
});
