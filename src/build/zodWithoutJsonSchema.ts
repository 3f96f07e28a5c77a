/**
 * The browser build's zod without its JSON Schema generator (issue 20: the initial-JS budget).
 *
 * zod 4's classic API gives every schema a `.toJSONSchema()` method, so importing `zod` brings
 * `zod/v4/core/to-json-schema.js` and `json-schema-processors.js` along (about 7 kB gzip, in the
 * chunk the first frame waits for) even though the page never writes a JSON Schema: the editors'
 * schemas are written by `npm run schema` (src/content/jsonSchema.ts, run in Node, where this
 * plugin does not apply). In the browser build those modules are replaced by stand-ins that keep
 * every name they export and throw, with a message saying why, if one is ever called.
 *
 * Only `vite build`, never the dev server or the tests (they run the real modules).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The modules replaced, as their paths end inside the zod package. */
export const JSON_SCHEMA_MODULES = [
  'zod/v4/core/to-json-schema.js',
  'zod/v4/core/json-schema-processors.js',
  'zod/v4/core/json-schema-generator.js',
] as const;

const MESSAGE = 'zod JSON Schema generation is left out of the browser build (src/build/zodWithoutJsonSchema.ts)';

/** The names an ES module's source exports (declarations and `export { a as b }` lists). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/g)) {
    names.add(match[1] as string);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of (match[1] as string).split(',')) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  }
  if (/export\s+\*/.test(source))
    throw new Error('zodWithoutJsonSchema: a module that re-exports everything cannot be stood in for');
  return [...names].sort();
}

/**
 * The stand-in's source: each name a function that throws. The `create…Method` factories run
 * when a schema's `~standard` property is read, so they hand back the throwing function instead.
 */
export function standInSource(names: readonly string[]): string {
  const lines = [`function unavailable() { throw new Error(${JSON.stringify(MESSAGE)}); }`];
  for (const name of names) {
    const body = /^create\w*Method$/.test(name) ? '() => unavailable' : 'unavailable';
    lines.push(name === 'default' ? `export default ${body};` : `export const ${name} = ${body};`);
  }
  return `${lines.join('\n')}\n`;
}

const replaced = (id: string): boolean => {
  const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
  return JSON_SCHEMA_MODULES.some((module) => path.endsWith(`/node_modules/${module}`));
};

/**
 * What a stand-in keeps of its module, as the line its kept head ends before. The schemas' own
 * getters (`isInt`, `minValue`, `maxLength`, … which the curator's forms read) fold a schema's
 * checks with `aggregateChecks`, which lives in the processors' module: its head (the folding
 * helpers and `aggregateChecks`) stays real, the processors after it are stood in for.
 */
export const KEPT_HEADS: Readonly<Record<string, string>> = {
  'zod/v4/core/json-schema-processors.js': 'const formatMap = {',
};

/** The stand-in for one module's source: its kept head, if it has one, and throwing stand-ins for the rest. */
export function standInFor(module: string, source: string): string {
  const marker = KEPT_HEADS[module];
  if (marker === undefined) return standInSource(exportedNames(source));
  const cut = source.indexOf(marker);
  if (cut < 0) throw new Error(`zodWithoutJsonSchema: ${module} no longer has "${marker}" (a zod upgrade?): check what it keeps`);
  const head = source.slice(0, cut);
  const kept = new Set(exportedNames(head));
  return `${head}\n${standInSource(exportedNames(source).filter((name) => !kept.has(name)))}`;
}

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'dangshi:zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!replaced(id)) return null;
      const path = (id.split('?')[0] as string).replaceAll('\\', '/');
      const module = JSON_SCHEMA_MODULES.find((candidate) => path.endsWith(`/node_modules/${candidate}`)) as string;
      return standInFor(module, readFileSync(path, 'utf8'));
    },
  };
}
