/**
 * The board texts' glyphs as plain quads (src/scene/uninstancedGlyphs.ts): what troika writes per
 * glyph must come out per vertex, so that the same shader draws the same glyphs without instancing.
 */
import { BufferAttribute } from 'three';
import { GlyphsGeometry } from 'troika-three-text';
import { describe, expect, it } from 'vitest';
import { UninstancedGlyphsGeometry } from '../../src/scene/uninstancedGlyphs.ts';

/** What troika's instanced draw feeds vertex `corner` of instance `glyph`: every attribute's value. */
function instancedVertex(geometry: GlyphsGeometry, glyph: number, corner: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, attribute] of Object.entries(geometry.attributes)) {
    const at = 'isInstancedBufferAttribute' in attribute ? glyph : corner;
    out[name] = Array.from(attribute.array.slice(at * attribute.itemSize, (at + 1) * attribute.itemSize));
  }
  return out;
}

/** What the plain draw feeds the vertex that index entry `entry` names. */
function plainVertex(geometry: UninstancedGlyphsGeometry, vertex: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, attribute] of Object.entries(geometry.attributes)) {
    out[name] = Array.from(attribute.array.slice(vertex * attribute.itemSize, (vertex + 1) * attribute.itemSize));
  }
  return out;
}

/** Per-glyph data as troika's BatchedText writes it: bounds (4 floats), atlas index, batch member. */
function glyphData(count: number, seed = 0) {
  return {
    bounds: Float32Array.from({ length: count * 4 }, (_, i) => seed + i * 0.25 - 3),
    atlas: Float32Array.from({ length: count }, (_, i) => seed + i * 7),
    members: Uint16Array.from({ length: count }, (_, i) => Math.floor(i / 2)),
  };
}

function write(geometry: GlyphsGeometry, data: ReturnType<typeof glyphData>): void {
  geometry.updateAttributeData('aTroikaTextBatchMemberIndex', data.members, 1);
  geometry.updateAttributeData('aTroikaGlyphIndex', data.atlas, 1);
  geometry.updateAttributeData('aTroikaGlyphBounds', data.bounds, 4);
}

/** Every triangle corner each geometry draws, in draw order, with all its attributes. */
function drawnByInstancing(geometry: GlyphsGeometry, glyphs: number) {
  const index = Array.from(geometry.getIndex()?.array ?? []);
  const drawn = [];
  for (let glyph = 0; glyph < glyphs; glyph++) for (const corner of index) drawn.push(instancedVertex(geometry, glyph, corner));
  return drawn;
}

function drawnPlainly(geometry: UninstancedGlyphsGeometry) {
  return Array.from(geometry.getIndex()?.array ?? []).map((vertex) => plainVertex(geometry, vertex));
}

describe('UninstancedGlyphsGeometry', () => {
  it('is drawn without instancing and holds nothing before troika writes', () => {
    const geometry = new UninstancedGlyphsGeometry();
    expect(geometry.isInstancedBufferGeometry).toBe(false);
    expect(geometry.glyphCount).toBe(0);
    expect(geometry.getIndex()?.count).toBe(0);
    expect(geometry.getAttribute('position').count).toBe(0);
  });

  it('draws exactly the triangle corners troika’s instanced quads draw, with the same attributes', () => {
    const instanced = new GlyphsGeometry();
    const plain = new UninstancedGlyphsGeometry();
    const data = glyphData(5);
    write(instanced, data);
    write(plain, data);
    expect(plain.glyphCount).toBe(5);
    for (const attribute of Object.values(plain.attributes)) {
      expect(attribute).toBeInstanceOf(BufferAttribute);
      expect('isInstancedBufferAttribute' in attribute).toBe(false);
    }
    expect(drawnPlainly(plain)).toEqual(drawnByInstancing(instanced, 5));
    // The batch member index keeps its integer type (the shader reads it as a float either way).
    expect(plain.getAttribute('aTroikaTextBatchMemberIndex').array).toBeInstanceOf(Uint16Array);
  });

  it('follows troika when the glyph count changes, freeing the old buffers', () => {
    const instanced = new GlyphsGeometry();
    const plain = new UninstancedGlyphsGeometry();
    write(instanced, glyphData(6));
    write(plain, glyphData(6));
    let disposed = 0;
    plain.addEventListener('dispose', () => disposed++);
    const fewer = glyphData(2, 100);
    write(instanced, fewer);
    write(plain, fewer);
    expect(disposed).toBeGreaterThan(0);
    expect(plain.glyphCount).toBe(2);
    expect(plain.getAttribute('position').count).toBe(8);
    expect(drawnPlainly(plain)).toEqual(drawnByInstancing(instanced, 2));
  });

  it('updates the same buffers in place when only the values change', () => {
    const plain = new UninstancedGlyphsGeometry();
    write(plain, glyphData(3));
    const bounds = plain.getAttribute('aTroikaGlyphBounds') as BufferAttribute;
    const version = bounds.version;
    let disposed = 0;
    plain.addEventListener('dispose', () => disposed++);
    write(plain, glyphData(3, 50));
    expect(plain.getAttribute('aTroikaGlyphBounds')).toBe(bounds);
    expect(bounds.version).toBeGreaterThan(version);
    expect(disposed).toBe(0);
    expect(Array.from(bounds.array.slice(0, 4))).toEqual([47, 47.25, 47.5, 47.75]);
    expect(Array.from(bounds.array.slice(4, 8))).toEqual([47, 47.25, 47.5, 47.75]); // the same glyph's next corner
  });

  it('stays right when troika hands back the array it found in `attributes` (it reuses one whose length fits)', () => {
    const instanced = new GlyphsGeometry();
    const plain = new UninstancedGlyphsGeometry();
    // 2 glyphs make an 8-vertex atlas-index array; 8 glyphs then fit it exactly, so troika would fill it.
    write(instanced, glyphData(2));
    write(plain, glyphData(2));
    const data = glyphData(8, 10);
    const reused = plain.getAttribute('aTroikaGlyphIndex').array as Float32Array;
    expect(reused.length).toBe(8);
    reused.set(data.atlas);
    write(instanced, data);
    plain.updateAttributeData('aTroikaTextBatchMemberIndex', data.members, 1);
    plain.updateAttributeData('aTroikaGlyphIndex', reused, 1);
    plain.updateAttributeData('aTroikaGlyphBounds', data.bounds, 4);
    expect(drawnPlainly(plain)).toEqual(drawnByInstancing(instanced, 8));
  });

  it('removes an attribute troika removes', () => {
    const plain = new UninstancedGlyphsGeometry();
    write(plain, glyphData(2));
    plain.updateAttributeData('aTroikaGlyphIndex', null, 1);
    expect(plain.getAttribute('aTroikaGlyphIndex')).toBeUndefined();
  });

  it('lays the glyphs out again when troika’s quad gets more detail', () => {
    const instanced = new GlyphsGeometry();
    const plain = new UninstancedGlyphsGeometry();
    instanced.detail = 2;
    plain.detail = 2;
    write(instanced, glyphData(3));
    write(plain, glyphData(3));
    expect(plain.getAttribute('position').count).toBe(3 * 9); // a 2×2 quad has 9 corners
    expect(drawnPlainly(plain)).toEqual(drawnByInstancing(instanced, 3));
    plain.detail = 1;
    instanced.detail = 1;
    expect(drawnPlainly(plain)).toEqual(drawnByInstancing(instanced, 3));
  });
});

describe('TextBatchMesh', () => {
  it('draws its glyphs with the plain geometry', async () => {
    const { TextBatchMesh } = await import('../../src/scene/TextBatch.tsx');
    const batch = new TextBatchMesh();
    expect(batch.geometry).toBeInstanceOf(UninstancedGlyphsGeometry);
    batch.dispose();
  });
});
