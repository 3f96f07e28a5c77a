/**
 * The house's shape, kept by a test over src/'s imports (static, dynamic and type-only alike,
 * parsed with the TypeScript API): no import cycle; the store neither imports routing nor reads
 * the window at module top level; and no layer imports one above it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/**
 * The client's layers, lowest first. A file may import its own layer and those below it, never
 * one above. Files directly in src/ (main.tsx, App.tsx) are the top.
 */
const CLIENT_LAYERS: readonly (readonly string[])[] = [
  ['i18n', 'live'], // the interface's words and languages; the live-lesson protocol (shared with the server)
  ['content'], // the content's schema, loading, localizing, search, tours
  ['layout', 'quiz'], // where things stand in the corridor and on the boards: pure geometry; a quiz attempt's rules (scoring, shuffling)
  ['store'], // the one store in slices, the per-frame channels
  ['routing'], // the URL: hash routes, mode parameters
  ['input'], // the key table, taps and drags, shared by the modes and the scene
  ['scene', 'ui'], // the 3D corridor; the shared screens
  ['modes'], // each mode a module: visitor, present, kiosk
  ['boot', '(root)'], // content start-up; main.tsx and App.tsx
];

/** Folders outside the client's stack, and what each may import. */
const SEPARATE: Record<string, readonly string[]> = {
  // Build-time code (vite plugin, fonts, photos, content check): over the content and its layout.
  build: ['build', 'i18n', 'content', 'layout'],
  // The station server (Node): the content, the live protocol, the build's headers.
  server: ['server', 'live', 'i18n', 'content', 'layout', 'build'],
  // The kiosk PC's tools (Node; src/deploy/kiosk/): the site manifest's protocol, and the station's way of listing a build.
  deploy: ['deploy', 'live', 'server'],
};

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of a file: `import … from`, `export … from`, `import()` and `import type`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.')).map((specifier) => resolve(dirname(file), specifier));
}

const files = sourceFiles(SRC);
const fileSet = new Set(files);
const edges: Edge[] = files.flatMap((from) =>
  importsOf(from)
    .filter((to) => !/\.(css|json|svg)$/.test(to))
    .map((to) => ({ from, to })),
);
const rel = (path: string) => relative(ROOT, path);
/** The top folder of src/ a file is in; '(root)' for src/main.tsx and src/App.tsx. */
const folderOf = (path: string) => {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length === 1 ? '(root)' : (parts[0] ?? '(root)');
};
const layerOf = (folder: string) => CLIENT_LAYERS.findIndex((layer) => layer.includes(folder));

/** The cycles of the graph: strongly connected components of more than one file (or a self-import). */
function cycles(): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfImport = (next.get(node) ?? []).includes(node);
      if (component.length > 1 || selfImport) found.push(component.map(rel).sort());
    }
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return found;
}

/** Names of the page's globals read while a module is first evaluated (not inside a function). */
const PAGE_GLOBALS = new Set(['window', 'location', 'document', 'localStorage', 'sessionStorage', 'navigator']);

function topLevelGlobalReads(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const reads: string[] = [];
  const visit = (node: ts.Node) => {
    // Code inside a function runs when called, not at import.
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isIdentifier(node) && PAGE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isPropertySignature(parent) ||
        ts.isTypeReferenceNode(parent) ||
        ts.isQualifiedName(parent);
      if (!isPropertyName) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        reads.push(`${rel(file)}:${line + 1}: ${node.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

describe('the import graph of src/', () => {
  it('is read: every relative import resolves to a file in src/', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
    const unresolved = edges
      .filter(({ to }) => to.startsWith(SRC) && !fileSet.has(to))
      .map(({ from, to }) => `${rel(from)} → ${rel(to)}`);
    expect(unresolved).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    edges.push({ from: a, to: b }, { from: b, to: a });
    files.push(a, b);
    try {
      expect(cycles()).toContainEqual(['src/a.ts', 'src/b.ts']);
    } finally {
      edges.splice(-2, 2);
      files.splice(-2, 2);
    }
  });

  it('keeps the store clear of routing, and of the window at import', () => {
    const storeFiles = files.filter((file) => folderOf(file) === 'store');
    expect(storeFiles.length).toBeGreaterThan(5);
    const intoRouting = edges
      .filter(({ from, to }) => folderOf(from) === 'store' && folderOf(to) === 'routing')
      .map(({ from, to }) => `${rel(from)} → ${rel(to)}`);
    expect(intoRouting).toEqual([]);
    expect(storeFiles.flatMap(topLevelGlobalReads)).toEqual([]);
  });

  it('sees a window read at module top level, and not one inside a function', () => {
    const probe = join(ROOT, 'tests/fixtures/importGraph/topLevelWindow.ts');
    expect(topLevelGlobalReads(probe)).toEqual([
      'tests/fixtures/importGraph/topLevelWindow.ts:4: window',
      'tests/fixtures/importGraph/topLevelWindow.ts:5: location',
    ]);
  });

  it('places every folder of src/ in a layer or among the separate parts', () => {
    const folders = [...new Set(files.map(folderOf))].sort();
    const unplaced = folders.filter((folder) => layerOf(folder) < 0 && !(folder in SEPARATE));
    expect(unplaced).toEqual([]);
  });

  it('has no layer import one above it, and the separate parts import only what they may', () => {
    const wrong = edges.flatMap(({ from, to }) => {
      const source = folderOf(from);
      const target = folderOf(to);
      const allowed = SEPARATE[source];
      if (allowed)
        return allowed.includes(target) ? [] : [`${rel(from)} → ${rel(to)} (${source} may import ${allowed.join(', ')})`];
      if (target in SEPARATE) return [`${rel(from)} → ${rel(to)} (the client imports ${target})`];
      return layerOf(target) > layerOf(source) ? [`${rel(from)} → ${rel(to)} (${source} is below ${target})`] : [];
    });
    expect(wrong).toEqual([]);
  });
});
