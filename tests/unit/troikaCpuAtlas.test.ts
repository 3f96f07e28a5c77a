import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LinearFilter } from 'three';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { patchTroikaSource, TROIKA_EDITS, TROIKA_MODULE } from '../../src/build/troikaCpuAtlas.ts';
import {
  createCpuAtlasImage,
  createCpuAtlasTexture,
  resizeCpuAtlas,
  writeGlyphIntoCpuAtlas,
} from '../../src/scene/cpuSdfAtlas.ts';

const troikaSource = readFileSync(createRequire(import.meta.url).resolve(TROIKA_MODULE), 'utf8');

describe('the build-time patch of troika (its glyph atlas in memory)', () => {
  it('applies every edit once to the installed troika, and the module still parses', () => {
    const patched = patchTroikaSource(troikaSource);
    for (const edit of TROIKA_EDITS) {
      expect(patched.includes(edit.replace), edit.why).toBe(true);
    }
    expect(patched).toMatch(/^import \{ createCpuAtlasImage as __createCpuAtlasImage,.*cpuSdfAtlas\.ts";\n/);
    expect(() => parseAst(patched)).not.toThrow();
  });

  it('refuses a troika whose source no longer matches an edit, naming the edit', () => {
    const changed = troikaSource.replace('resizeWebGLCanvasWithoutClearing(sdfCanvas,', 'resizeCanvas(sdfCanvas,');
    expect(() => patchTroikaSource(changed)).toThrow(/growing is one copy/);
  });

  it('leaves troika as published unless configureTextBuilder asks for the option', () => {
    const patched = patchTroikaSource(troikaSource);
    expect(patched).toContain('cpuSdfAtlas: false,');
    // The canvas path is still the one taken without it.
    expect(patched).toContain("      : document.createElement('canvas');");
    // preloadFont passes no gpuAccelerateSDF, and generateSDF's default makes undefined mean WebGL:
    // an atlas in memory must say false, or the preload's glyphs would go to WebGL and fail over.
    expect(patched).toContain('sdfCanvas, x, y, channel, sdfCanvas.data ? false : useGPU)');
  });
});

describe('the glyph atlas in memory', () => {
  it('writes a field into its channel of its square, row r at row y + r, the other channels untouched', () => {
    const image = createCpuAtlasImage(8, 4);
    image.data.fill(7);
    const field = Uint8Array.from([1, 2, 3, 4]); // 2 × 2, row 0 first
    writeGlyphIntoCpuAtlas(image, field, 2, 1, 2, 2, 3);
    const texel = (x: number, y: number) => Array.from(image.data.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4));
    expect(texel(2, 1)).toEqual([7, 7, 7, 1]);
    expect(texel(3, 1)).toEqual([7, 7, 7, 2]);
    expect(texel(2, 2)).toEqual([7, 7, 7, 3]);
    expect(texel(3, 2)).toEqual([7, 7, 7, 4]);
    // Nothing outside the square changed.
    const changed = image.data.reduce((sum, value) => sum + (value === 7 ? 0 : 1), 0);
    expect(changed).toBe(4);
  });

  it('four glyphs share a square, one a channel', () => {
    const image = createCpuAtlasImage(2, 2);
    for (let channel = 0; channel < 4; channel++) {
      writeGlyphIntoCpuAtlas(image, new Uint8Array(4).fill(10 * (channel + 1)), 0, 0, 2, 2, channel);
    }
    expect(Array.from(image.data)).toEqual([10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40]);
  });

  it('grows keeping every glyph where it was, the new rows empty', () => {
    const image = createCpuAtlasImage(4, 2);
    writeGlyphIntoCpuAtlas(image, Uint8Array.from([5, 6, 7, 8]), 2, 0, 2, 2, 1);
    const before = Array.from(image.data);
    resizeCpuAtlas(image, 4, 8);
    expect(image.width).toBe(4);
    expect(image.height).toBe(8);
    expect(image.data.length).toBe(4 * 8 * 4);
    expect(Array.from(image.data.subarray(0, before.length))).toEqual(before);
    expect(image.data.subarray(before.length).every((value) => value === 0)).toBe(true);
  });

  it("is its texture's image, so the texture and troika's size uniform see it grow; sampled as troika's canvas", () => {
    const image = createCpuAtlasImage(16, 4);
    const texture = createCpuAtlasTexture(image);
    expect(texture.image).toBe(image);
    resizeCpuAtlas(image, 16, 8);
    expect(texture.image.height).toBe(8);
    expect(texture.image.data).toBe(image.data);
    // Rows are stored bottom first already: flipping would turn the atlas upside down.
    expect(texture.flipY).toBe(false);
    expect(texture.magFilter).toBe(LinearFilter);
    expect(texture.minFilter).toBe(LinearFilter);
    expect(texture.generateMipmaps).toBe(false);
  });

  it('once uploaded whole, sends up only the rows of new glyphs; after growing, the next upload is whole again', () => {
    const image = createCpuAtlasImage(8, 8);
    const texture = createCpuAtlasTexture(image);
    // Not uploaded yet: the first upload takes every byte, so no ranges are kept.
    writeGlyphIntoCpuAtlas(image, new Uint8Array(4).fill(1), 0, 0, 2, 2, 0);
    expect(texture.updateRanges).toEqual([]);
    // three.js calls onUpdate once it has uploaded the texture.
    texture.onUpdate?.(texture);
    writeGlyphIntoCpuAtlas(image, new Uint8Array(6).fill(2), 4, 2, 3, 2, 1);
    // One range a row, in bytes of the RGBA data: rows 2 and 3, from column 4, three texels wide.
    expect(texture.updateRanges).toEqual([
      { start: (2 * 8 + 4) * 4, count: 3 * 4 },
      { start: (3 * 8 + 4) * 4, count: 3 * 4 },
    ]);
    // Each range covers the written bytes exactly.
    for (const { start, count } of texture.updateRanges) {
      const bytes = image.data.subarray(start, start + count);
      expect(Array.from(bytes).filter((_, index) => index % 4 === 1)).toEqual([2, 2, 2]);
    }
    // Growing re-allocates the texture: pending ranges go, and nothing is added until the whole upload.
    resizeCpuAtlas(image, 8, 16);
    expect(texture.updateRanges).toEqual([]);
    writeGlyphIntoCpuAtlas(image, new Uint8Array(4).fill(3), 0, 10, 2, 2, 2);
    expect(texture.updateRanges).toEqual([]);
    texture.onUpdate?.(texture);
    writeGlyphIntoCpuAtlas(image, new Uint8Array(4).fill(4), 2, 10, 2, 2, 2);
    expect(texture.updateRanges).toEqual([
      { start: (10 * 8 + 2) * 4, count: 8 },
      { start: (11 * 8 + 2) * 4, count: 8 },
    ]);
  });
});
