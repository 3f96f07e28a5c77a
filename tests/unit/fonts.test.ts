import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create as openFont } from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardBoldStrings, charactersWithin, collectContentStrings, fontCharacters } from '../../src/build/characters.ts';
import {
  type BuildFontsResult,
  buildFonts,
  FONT_FILE_KINDS,
  FONT_METRICS_FILE,
  FONT_WEIGHTS,
  FONTS_MANIFEST,
  type FontFileKind,
  fontFileName,
  fontFileWeight,
  fontSourcePath,
  fsContentReader,
  missingCharacters,
} from '../../src/build/fonts.ts';
import { loadExhibition } from '../../src/content/load.ts';
import { loadQuizzes, locateQuizStrings } from '../../src/content/quizLoad.ts';
import { troikaLayout } from '../support/troikaLayout.ts';

/** The shipped content; the fixture stands in until `assets/content` has been written. */
const SHIPPED = 'assets/content';
const contentDir = existsSync(join(SHIPPED, 'exhibition.json')) ? SHIPPED : 'tests/fixtures/content-valid/content';

let outDir: string;
let built: BuildFontsResult;
let characters: string;
let contentStrings: string[];
let boardBold: string;
/** The characters each generated file must carry: all in Regular, the boards' bold in Bold, the rest in BoldRest. */
let expected: Record<FontFileKind, string>;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fonts-test-'));
  // What an older build left: the woff2 of before issue 20, beside a file that is not a font.
  writeFileSync(join(outDir, 'NotoSansSC-Bold.woff2'), 'old');
  writeFileSync(join(outDir, 'keep.txt'), 'not a font');
  const read = fsContentReader(contentDir);
  const { exhibition } = await loadExhibition(read);
  expect(exhibition, `${contentDir}/exhibition.json must load`).not.toBeNull();
  // The panels' strings and the quizzes' (quiz.json): the site writes both in this font.
  const quizStrings = locateQuizStrings(await loadQuizzes(read, exhibition)).map(({ text }) => text);
  contentStrings = [...(exhibition ? collectContentStrings(exhibition) : []), ...quizStrings];
  characters = fontCharacters(contentStrings);
  boardBold = charactersWithin(exhibition ? boardBoldStrings(exhibition) : [], characters);
  expected = {
    Regular: characters,
    Bold: boardBold,
    BoldRest: Array.from(characters)
      .filter((char) => !boardBold.includes(char))
      .join(''),
  };
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

  it('the generated subsets have every character of the content and the UI, each bold glyph in one file', () => {
    expect(built.characters).toBe(characters);
    expect(built.boardBoldCharacters).toBe(boardBold);
    for (const kind of FONT_FILE_KINDS) {
      const subset = readFileSync(join(outDir, fontFileName(kind)));
      expect(missingCharacters(subset, expected[kind]), `missing from ${fontFileName(kind)}`).toEqual([]);
    }
    // Together the two bold files cover every character, and neither carries the other's.
    expect(Array.from(expected.Bold).length + Array.from(expected.BoldRest).length).toBe(Array.from(characters).length);
    const rest = readFileSync(join(outDir, fontFileName('BoldRest')));
    const titleChars = Array.from(boardBold).filter((char) => /\p{Script=Han}/u.test(char));
    expect(titleChars.length).toBeGreaterThan(0);
    expect(missingCharacters(rest, titleChars.join(''))).toEqual(titleChars);
  });

  it("the boards' bold file carries every character of their bold strings, and is much smaller than all of them", async () => {
    const { exhibition } = await loadExhibition(fsContentReader(contentDir));
    const boldText = boardBoldStrings(exhibition as NonNullable<typeof exhibition>).join('');
    expect(boldText).toContain(localizeTitle(exhibition));
    const bold = readFileSync(join(outDir, fontFileName('Bold')));
    expect(missingCharacters(bold, charactersWithin([boldText], characters))).toEqual([]);
    expect(bold.byteLength).toBeLessThan(statSync(join(outDir, fontFileName('Regular'))).size / 2);
    const metrics = JSON.parse(readFileSync(join(outDir, FONT_METRICS_FILE), 'utf8'));
    expect(metrics.boardBold).toBe(boardBold);
  });

  it('the subsets are a small fraction of the full font', () => {
    const full = statSync(fontSourcePath('Regular')).size;
    for (const kind of FONT_FILE_KINDS) {
      const size = statSync(join(outDir, fontFileName(kind))).size;
      expect(size).toBeLessThan(500 * 1024);
      expect(size).toBeLessThan(full / 10);
    }
  });

  it('removes an older build’s font files, and nothing else', () => {
    expect(readdirSync(outDir).sort()).toEqual(
      [...FONT_FILE_KINDS.map(fontFileName), FONTS_MANIFEST, 'metrics.json', 'keep.txt'].sort(),
    );
  });

  it('records the characters and sizes in fonts.json, and skips an unchanged rebuild', async () => {
    const manifest = JSON.parse(readFileSync(join(outDir, FONTS_MANIFEST), 'utf8'));
    expect(manifest.characters).toBe(Array.from(characters).length);
    expect(Object.keys(manifest.files).sort()).toEqual(FONT_FILE_KINDS.map(fontFileName).sort());
    for (const [file, bytes] of Object.entries(manifest.files)) expect(statSync(join(outDir, file)).size).toBe(bytes);

    const again = await buildFonts({ contentDir, outDir });
    expect(again.skipped).toBe(true);
    expect(again.manifest).toEqual(manifest);
  });
});

function localizeTitle(exhibition: Awaited<ReturnType<typeof loadExhibition>>['exhibition']): string {
  const title = exhibition?.title;
  return typeof title === 'string' ? title : (title?.zh ?? '');
}

/** The full-width punctuation the content uses, and the middle dot of bullets and name lists. */
const PUNCTUATION = Array.from('：，。、；！？“”《》·');

describe(`board text in troika, for ${contentDir}`, () => {
  for (const kind of ['Regular', 'Bold'] as const) {
    it(`${kind}: troika sets every glyph of the content where a browser's shaper does`, async () => {
      const file = join(outDir, fontFileName(kind));
      const layout = await troikaLayout(file);
      // The card reads the same file, shaped by fontkit with the default horizontal features: the card's layout.
      const cardFont = openFont(readFileSync(file));
      const misplaced: string[] = [];
      // Bold: the strings the boards draw in bold (the file carries only their characters).
      const { exhibition } = await loadExhibition(fsContentReader(contentDir));
      const strings = kind === 'Regular' ? contentStrings : boardBoldStrings(exhibition as NonNullable<typeof exhibition>);
      for (const text of [...strings, PUNCTUATION.join('党')]) {
        const board = layout(text);
        const run = cardFont.layout(text);
        let penX = 0;
        const card = run.positions.map((position) => {
          const at = { x: (penX + position.xOffset) / cardFont.unitsPerEm, y: position.yOffset / cardFont.unitsPerEm };
          penX += position.xAdvance;
          return at;
        });
        const first = board.findIndex(
          (glyph, index) =>
            Math.abs(glyph.x - (card[index]?.x ?? Number.NaN)) > 0.002 ||
            Math.abs(glyph.y - (card[index]?.y ?? Number.NaN)) > 0.002,
        );
        if (board.length !== card.length || first !== -1) {
          const glyph = board[first];
          misplaced.push(
            `${text.slice(0, 24)}… at “${glyph?.char}”: board x ${glyph?.x.toFixed(3)} y ${glyph?.y.toFixed(3)}, card x ${card[first]?.x.toFixed(3)} y ${card[first]?.y.toFixed(3)}`,
          );
        }
      }
      expect(misplaced).toEqual([]);
    }, 60_000);

    it(`${kind}: each full-width punctuation mark has its glyph, a full advance, and sits on the line`, async () => {
      const layout = await troikaLayout(join(outDir, fontFileName(kind)));
      const source = openFont(readFileSync(fontSourcePath(fontFileWeight(kind))));
      for (const mark of PUNCTUATION) {
        const [before, glyph, after] = layout(`党${mark}史`);
        const where = `“${mark}” in 党${mark}史`;
        expect(glyph?.char, where).toBe(mark);
        if (!before || !glyph || !after) throw new Error(`${where}: three glyphs expected`);
        expect(glyph.glyphIndex, `${where}: .notdef`).toBeGreaterThan(0);
        // Full width, as in the font's own metrics (what the line-breaker measures with).
        const fullAdvance = source.glyphForCodePoint(mark.codePointAt(0) ?? 0).advanceWidth / source.unitsPerEm;
        expect(fullAdvance, where).toBeGreaterThan(0.9);
        expect(glyph.advance, `${where}: advance`).toBeCloseTo(fullAdvance, 3);
        expect(before.advance, `${where}: advance of 党`).toBeCloseTo(1, 3);
        // On the baseline, and its ink inside its own cell: the next character does not cover it.
        expect(glyph.y, `${where}: raised or lowered`).toBe(0);
        expect(glyph.x + glyph.xMin, `${where}: ink starts in its cell`).toBeGreaterThanOrEqual(glyph.x);
        expect(glyph.x + glyph.xMax, `${where}: ink ends before the next character`).toBeLessThanOrEqual(after.x);
        // Within the height of the Han characters beside it (give or take the tail of "；" or "，").
        expect(glyph.yMin, `${where}: below the line`).toBeGreaterThanOrEqual(Math.min(before.yMin, after.yMin) - 0.12);
        expect(glyph.yMax, `${where}: above the line`).toBeLessThanOrEqual(Math.max(before.yMax, after.yMax) + 0.05);
      }
      // The middle dot centred on the Han characters' height, not lifted like a stray mark.
      const [han, dot] = layout('党·');
      if (!han || !dot) throw new Error('党· lays out as two glyphs');
      const hanMiddle = (han.yMin + han.yMax) / 2;
      expect(Math.abs(dot.y + (dot.yMin + dot.yMax) / 2 - hanMiddle)).toBeLessThan(0.1);
    }, 60_000);
  }
});

describe('missingCharacters', () => {
  it('reports 𠀀 (U+20000) and accepts 囧', () => {
    expect(missingCharacters(fontSourcePath('Regular'), '囧𠀀党')).toEqual(['𠀀']);
    expect(missingCharacters(fontSourcePath('Regular'), '囧')).toEqual([]);
  });

  it('reads a font from a buffer and lists each missing character once', () => {
    const subset = readFileSync(join(outDir, fontFileName('Regular')));
    expect(missingCharacters(subset, '𠀀𠀀A')).toEqual(['𠀀']);
  });
});
