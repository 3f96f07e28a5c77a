/**
 * The one reader of the shipped content (assets/content/) for the unit and scene tests: the
 * folder, a reader of its files, and the exhibition loaded through the app's own loader.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadExhibition, type ReadContentFile } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import type { Exhibition } from '../../src/content/schema.ts';

export const SHIPPED_CONTENT_DIR = resolve(import.meta.dirname, '../../assets/content');

/** Reads a file of the shipped content by its name (`exhibition.json`, `timeline.json`…). */
export const readShippedFile: ReadContentFile = (name) => readFile(join(SHIPPED_CONTENT_DIR, name), 'utf8');

/**
 * The shipped exhibition as the app loads it, fresh on every call (a test may change its copy);
 * throws, naming every problem, where it does not load.
 */
export async function loadShippedExhibition(): Promise<Exhibition> {
  const { exhibition, problems } = await loadExhibition(readShippedFile);
  if (!exhibition) throw new Error(`the shipped content did not load:\n${problems.map(formatProblem).join('\n')}`);
  return exhibition;
}
