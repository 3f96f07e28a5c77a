/**
 * troika's glyph geometry drawn without instancing, for the board texts' batches (issue 20: the
 * walk on a CPU rasteriser).
 *
 * troika draws text as one instanced quad per glyph. On SwiftShader (the CPU rasteriser of a kiosk
 * PC whose GPU driver Chromium blocklists) every instance costs like a small draw of its own:
 * measured on the corridor's start view, ~2200 glyphs in 31 batches took 12–14 ms of the GPU
 * process per frame at any resolution, and the same glyphs as plain indexed quads about 1 ms. So a
 * batch's glyphs are laid out as ordinary vertices: each glyph's quad corners carry that glyph's
 * values (bounds, atlas index, batch member), and the shader, which reads them as attributes
 * either way, draws the very same pixels. On a GPU the two cost the same at these counts; the
 * price is memory, about 250 bytes a glyph instead of 24.
 *
 * troika keeps writing its per-glyph arrays through `updateAttributeData`, as for the instanced
 * geometry; this class turns each into per-vertex data as it arrives.
 */
import { BufferAttribute, type TypedArray } from 'three';
import { GlyphsGeometry } from 'troika-three-text';

/** The quad troika instances (its `detail` template): the corners' attributes and the index. */
interface Template {
  corners: number;
  attributes: Map<string, { array: ArrayLike<number>; itemSize: number }>;
  index: ArrayLike<number>;
}

export class UninstancedGlyphsGeometry extends GlyphsGeometry {
  private template: Template | null = null;
  /** troika's per-glyph arrays, as it last wrote them. */
  private readonly perGlyph = new Map<string, { array: TypedArray; itemSize: number }>();
  private glyphs = 0;

  constructor() {
    super();
    // three draws instances only for a geometry that says it is instanced.
    (this as { isInstancedBufferGeometry: boolean }).isInstancedBufferGeometry = false;
    this.takeTemplate();
  }

  /** How many glyphs the geometry holds (quads drawn). */
  get glyphCount(): number {
    return this.glyphs;
  }

  override set detail(detail: number) {
    super.detail = detail;
    // The constructor of GlyphsGeometry sets it before this class has its fields.
    if (this.perGlyph) this.takeTemplate();
  }

  override get detail(): number {
    return super.detail;
  }

  override updateAttributeData(name: string, array: TypedArray | null, itemSize: number): void {
    if (!array) {
      this.perGlyph.delete(name);
      this.deleteAttribute(name);
      return;
    }
    // troika may hand back the (per-vertex) array it found in `attributes`, filled with per-glyph
    // data: harmless, as the per-vertex array for that many glyphs is 4× longer and so is new.
    this.perGlyph.set(name, { array, itemSize });
    const glyphs = Math.floor(array.length / itemSize);
    if (glyphs !== this.glyphs) {
      this.glyphs = glyphs;
      this.layOutQuads();
    }
    this.spread(name);
  }

  /** Takes the quad GlyphsGeometry's `detail` set into `attributes` and `index`, and lays it out per glyph. */
  private takeTemplate(): void {
    const attributes = new Map<string, { array: ArrayLike<number>; itemSize: number }>();
    for (const name of ['position', 'normal', 'uv']) {
      const attribute = this.getAttribute(name);
      if (attribute) attributes.set(name, { array: Array.from(attribute.array), itemSize: attribute.itemSize });
    }
    const index = this.getIndex();
    const corners = this.getAttribute('position')?.count ?? 0;
    if (!index || corners === 0) return;
    this.template = { corners, attributes, index: Array.from(index.array) };
    this.layOutQuads();
    for (const name of this.perGlyph.keys()) this.spread(name);
  }

  /** The template quad repeated once per glyph: its corners' attributes and the index. */
  private layOutQuads(): void {
    const template = this.template;
    if (!template) return;
    const { corners, index } = template;
    // New buffers: three frees the old ones (and the vertex array state) on `dispose`, which must
    // therefore come while the old attributes are still in place.
    this.dispose();
    for (const [name, { array, itemSize }] of template.attributes) {
      const repeated = new Float32Array(this.glyphs * corners * itemSize);
      for (let glyph = 0; glyph < this.glyphs; glyph++) repeated.set(array, glyph * corners * itemSize);
      this.setAttribute(name, new BufferAttribute(repeated, itemSize));
    }
    const vertices = this.glyphs * corners;
    const indices = vertices > 65535 ? new Uint32Array(this.glyphs * index.length) : new Uint16Array(this.glyphs * index.length);
    for (let glyph = 0; glyph < this.glyphs; glyph++) {
      for (let i = 0; i < index.length; i++) indices[glyph * index.length + i] = (index[i] as number) + glyph * corners;
    }
    this.setIndex(new BufferAttribute(indices, 1));
  }

  /** One of troika's per-glyph arrays as per-vertex data: each glyph's value on each of its corners. */
  private spread(name: string): void {
    const data = this.perGlyph.get(name);
    const template = this.template;
    if (!data || !template) return;
    const { array, itemSize } = data;
    const { corners } = template;
    const length = this.glyphs * corners * itemSize;
    const existing = this.getAttribute(name);
    const Values = array.constructor as new (length: number) => TypedArray;
    const reuse =
      existing instanceof BufferAttribute && existing.array.length === length && existing.array.constructor === Values;
    const values = reuse ? (existing.array as TypedArray) : new Values(length);
    for (let glyph = 0; glyph < this.glyphs; glyph++) {
      for (let corner = 0; corner < corners; corner++) {
        const to = (glyph * corners + corner) * itemSize;
        for (let k = 0; k < itemSize; k++) values[to + k] = array[glyph * itemSize + k] as number;
      }
    }
    if (reuse) existing.needsUpdate = true;
    else this.setAttribute(name, new BufferAttribute(values, itemSize));
  }
}
