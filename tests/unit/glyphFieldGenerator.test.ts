/**
 * The quicker glyph field generator (src/scene/glyphFieldGenerator.ts) makes byte for byte the
 * fields webgl-sdf-generator's JavaScript version makes — the one troika's workers run as
 * published — for the exhibition's own glyphs, in both weights and at both field sizes the boards
 * use, and for the shapes a font can give (cubic curves, holes, an empty glyph, a field that is not
 * square). troika rebuilds it in its workers from its source text, so that must run on its own.
 */
import { readFileSync } from 'node:fs';
import { create as openFont } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import createSDFGenerator from 'webgl-sdf-generator';
import { collectContentStrings, fontCharacters } from '../../src/build/characters.ts';
import { fontSourcePath } from '../../src/build/fonts.ts';
import { loadExhibition } from '../../src/content/load.ts';
import { createGlyphFieldGenerator, type GenerateGlyphField } from '../../src/scene/glyphFieldGenerator.ts';
import { readShippedFile } from '../support/shippedContent.ts';

const published: GenerateGlyphField = createSDFGenerator().javascript.generate;
const quick = createGlyphFieldGenerator().javascript.generate;

/** troika's exponent for the distance scale (its CONFIG.sdfExponent). */
const SDF_EXPONENT = 9;

interface GlyphJob {
  label: string;
  path: string;
  viewBox: number[];
  maxDistance: number;
}

/** The part of fontkit's font read here (its declared types leave glyph outlines out). */
interface Font {
  glyphForCodePoint(codePoint: number): { path: { commands: Array<{ command: string; args: number[] }>; bbox: Bbox } };
}
interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const COMMAND: Record<string, string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };

/** A glyph as troika hands it to its workers: its path in troika's syntax, its box with troika's margin. */
function jobFor(label: string, path: string, bbox: Bbox, sdfGlyphSize: number): GlyphJob {
  // troika's margin: 1/16 of the field plus half a texel, in font units (getTextRenderInfo).
  const margin = (Math.max(bbox.maxX - bbox.minX, bbox.maxY - bbox.minY) / sdfGlyphSize) * (sdfGlyphSize / 16 + 0.5);
  const viewBox = [bbox.minX - margin, bbox.minY - margin, bbox.maxX + margin, bbox.maxY + margin];
  const maxDistance = Math.max(bbox.maxX - bbox.minX, bbox.maxY - bbox.minY) + 2 * margin;
  return { label, path, viewBox, maxDistance };
}

function glyphJob(font: Font, char: string, sdfGlyphSize: number): GlyphJob | null {
  const glyph = font.glyphForCodePoint(char.codePointAt(0) ?? 0);
  const path = glyph.path.commands.map(({ command, args }) => `${COMMAND[command]}${args.join(',')}`).join('');
  return path ? jobFor(char, path, glyph.path.bbox, sdfGlyphSize) : null;
}

/** The texels where the two fields differ, as "label (x, y): published vs quick". */
function differences(job: GlyphJob, width: number, height: number): string[] {
  const expected = published(width, height, job.path, job.viewBox, job.maxDistance, SDF_EXPONENT);
  const actual = quick(width, height, job.path, job.viewBox, job.maxDistance, SDF_EXPONENT);
  expect(actual).toHaveLength(expected.length);
  const found: string[] = [];
  for (let index = 0; index < expected.length; index++) {
    if (expected[index] !== actual[index]) {
      found.push(`${job.label} (${index % width}, ${Math.floor(index / width)}): ${expected[index]} vs ${actual[index]}`);
    }
  }
  return found;
}

let characters: string[];
const fonts: Record<'Regular' | 'Bold', Font> = {} as Record<'Regular' | 'Bold', Font>;

beforeAll(async () => {
  const { exhibition } = await loadExhibition(readShippedFile);
  if (!exhibition) throw new Error('the shipped content did not load');
  characters = Array.from(fontCharacters(collectContentStrings(exhibition))).filter((char) => char.trim() !== '');
  expect(characters.length).toBeGreaterThan(500);
  for (const weight of ['Regular', 'Bold'] as const)
    fonts[weight] = openFont(readFileSync(fontSourcePath(weight))) as unknown as Font;
});

describe('the quicker glyph field generator', () => {
  it("makes the published generator's bytes for a spread of the exhibition's glyphs, both weights, at 32 px", () => {
    // Every 6th character of the content: Chinese of every complexity, Latin, digits, punctuation.
    const sample = characters.filter((_, index) => index % 6 === 0);
    const found: string[] = [];
    let compared = 0;
    for (const weight of ['Regular', 'Bold'] as const) {
      for (const char of sample) {
        const job = glyphJob(fonts[weight], char, 32);
        if (!job) continue;
        found.push(...differences(job, 32, 32));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(found).toEqual([]);
  });

  it('and at 64 px (troika’s default size, where the GPU makes the fields instead)', () => {
    const found: string[] = [];
    for (const char of ['党', '德', '清', '消', '防', '廊', '誓', '词', 'A', 'g', '1', '《', '，']) {
      const job = glyphJob(fonts.Regular, char, 64);
      if (job) found.push(...differences(job, 64, 64));
    }
    expect(found).toEqual([]);
  });

  it('for cubic curves, a hole, a field that is not square, an odd size, and an empty glyph', () => {
    // A ring: an outer square of cubic curves and a hole drawn the other way.
    const ring = [
      'M100,0C155,0,200,45,200,100C200,155,155,200,100,200C45,200,0,155,0,100C0,45,45,0,100,0Z',
      'M100,50L50,100L100,150L150,100Z',
    ].join('');
    const box = { minX: 0, minY: 0, maxX: 200, maxY: 200 };
    const found = [
      ...differences(jobFor('ring 32', ring, box, 32), 32, 32),
      ...differences(jobFor('ring 24×40', ring, box, 40), 24, 40),
      ...differences(jobFor('ring 31', ring, box, 31), 31, 31),
    ];
    expect(found).toEqual([]);
    // No outline at all: every texel is as far as can be, outside.
    const empty = jobFor('empty', '', box, 8);
    expect(Array.from(quick(8, 8, empty.path, empty.viewBox, empty.maxDistance, SDF_EXPONENT))).toEqual(
      Array.from(published(8, 8, empty.path, empty.viewBox, empty.maxDistance, SDF_EXPONENT)),
    );
  });

  it("runs rebuilt from its own source text, as in troika's workers (it refers to nothing outside itself)", () => {
    // troika-worker-utils sends a dependency's `toString()` to the worker and evaluates it there.
    const rebuilt = new Function(`return (${createGlyphFieldGenerator.toString()})`)() as typeof createGlyphFieldGenerator;
    const job = glyphJob(fonts.Bold, '党', 32);
    if (!job) throw new Error('no glyph for 党');
    expect(Array.from(rebuilt().javascript.generate(32, 32, job.path, job.viewBox, job.maxDistance, SDF_EXPONENT))).toEqual(
      Array.from(published(32, 32, job.path, job.viewBox, job.maxDistance, SDF_EXPONENT)),
    );
  });
});
