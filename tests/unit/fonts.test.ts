import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuildFontsResult,
  buildFonts,
  FONT_FORMATS,
  FONT_WEIGHTS,
  FONTS_MANIFEST,
  fontFileName,
  fontSourcePath,
  fsContentReader,
  missingCharacters,
} from '../../src/build/fonts.ts';
import { collectContentStrings, fontCharacters } from '../../src/content/characters.ts';
import { loadExhibition } from '../../src/content/load.ts';

/** The shipped content; the fixture stands in until `assets/content` has been written. */
const SHIPPED = 'assets/content';
const contentDir = existsSync(join(SHIPPED, 'exhibition.json')) ? SHIPPED : 'tests/fixtures/content-valid/content';

let outDir: string;
let built: BuildFontsResult;
let characters: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fonts-test-'));
  const { exhibition } = await loadExhibition(fsContentReader(contentDir));
  expect(exhibition, `${contentDir}/exhibition.json must load`).not.toBeNull();
  characters = fontCharacters(exhibition ? collectContentStrings(exhibition) : []);
  built = await buildFonts({ contentDir, outDir });
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe(`fonts for ${contentDir}`, () => {
  it('the full fonts have every character of the content and the UI', () => {
    for (const weight of FONT_WEIGHTS) {
      expect(missingCharacters(fontSourcePath(weight), characters), `missing from NotoSansSC ${weight}`).toEqual([]);
    }
  });

  it('the generated subsets have every character of the content and the UI', () => {
    expect(built.characters).toBe(characters);
    for (const weight of FONT_WEIGHTS) {
      // fontkit reads woff (troika's format) and woff2 alike.
      for (const format of FONT_FORMATS) {
        const subset = readFileSync(join(outDir, fontFileName(weight, format)));
        expect(missingCharacters(subset, characters), `missing from ${fontFileName(weight, format)}`).toEqual([]);
      }
    }
  });

  it('the subsets are a small fraction of the full font', () => {
    const full = statSync(fontSourcePath('Regular')).size;
    for (const weight of FONT_WEIGHTS) {
      for (const format of FONT_FORMATS) {
        const size = statSync(join(outDir, fontFileName(weight, format))).size;
        expect(size).toBeLessThan(500 * 1024);
        expect(size).toBeLessThan(full / 10);
      }
    }
  });

  it('records the characters and sizes in fonts.json, and skips an unchanged rebuild', async () => {
    const manifest = JSON.parse(readFileSync(join(outDir, FONTS_MANIFEST), 'utf8'));
    expect(manifest.characters).toBe(Array.from(characters).length);
    expect(Object.keys(manifest.files).sort()).toEqual(
      FONT_WEIGHTS.flatMap((weight) => FONT_FORMATS.map((format) => fontFileName(weight, format))).sort(),
    );
    for (const [file, bytes] of Object.entries(manifest.files)) expect(statSync(join(outDir, file)).size).toBe(bytes);

    const again = await buildFonts({ contentDir, outDir });
    expect(again.skipped).toBe(true);
    expect(again.manifest).toEqual(manifest);
  });
});

describe('missingCharacters', () => {
  it('reports 𠀀 (U+20000) and accepts 囧', () => {
    expect(missingCharacters(fontSourcePath('Regular'), '囧𠀀党')).toEqual(['𠀀']);
    expect(missingCharacters(fontSourcePath('Regular'), '囧')).toEqual([]);
  });

  it('reads a font from a buffer and lists each missing character once', () => {
    const subset = readFileSync(join(outDir, fontFileName('Regular', 'woff')));
    expect(missingCharacters(subset, '𠀀𠀀A')).toEqual(['𠀀']);
  });
});
