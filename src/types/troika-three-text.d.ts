// The parts of troika-three-text's API this project calls directly (the package's published types
// are not wired into its package.json).
declare module 'troika-three-text' {
  import type { BufferGeometry, InstancedBufferGeometry, Material, Mesh, Object3DEventMap } from 'three';

  export interface TextEventMap extends Object3DEventMap {
    syncstart: object;
    synccomplete: object;
  }

  export function configureTextBuilder(config: {
    defaultFontURL?: string | null;
    unicodeFontsURL?: string | null;
    sdfGlyphSize?: number;
    useWorker?: boolean;
    /**
     * Added by this project's build (src/build/troikaCpuAtlas.ts): keep the glyph atlas in memory
     * and make every field in the workers. Ignored by troika as published (the dev server, tests).
     */
    cpuSdfAtlas?: boolean;
  }): void;
  export function preloadFont(options: { font?: string; characters?: string | string[] }, callback: () => void): void;

  /** What troika's typesetter made of a text (its `textRenderInfo`), the parts we read. */
  export interface TextRenderInfo {
    /** [minX, minY, maxX, maxY] of each drawn glyph's quad (the glyph's ink plus its SDF margin), in the text's frame. */
    readonly glyphBounds: Float32Array;
    /** Each drawn glyph's index in the SDF atlas. */
    readonly glyphAtlasIndices: Float32Array;
    /** [startX, endX, bottomY, topY] of each character's caret cell. */
    readonly caretPositions?: Float32Array;
    readonly topBaseline: number;
    readonly blockBounds: number[];
  }

  export class Text extends Mesh<BufferGeometry, Material, TextEventMap> {
    text: string;
    fontSize: number;
    // The layout and look properties this project sets (troika reads them at its next sync).
    font: string | null;
    color: import('three').ColorRepresentation | null;
    maxWidth: number;
    lineHeight: number | 'normal';
    letterSpacing: number;
    textAlign: 'left' | 'right' | 'center' | 'justify';
    anchorX: number | 'left' | 'center' | 'right' | `${number}%`;
    anchorY: number | 'top' | 'top-baseline' | 'top-cap' | 'top-ex' | 'middle' | 'bottom-baseline' | 'bottom' | `${number}%`;
    clipRect: [number, number, number, number] | null;
    overflowWrap: 'normal' | 'break-word';
    whiteSpace: 'normal' | 'nowrap';
    sdfGlyphSize: number | null;
    gpuAccelerateSDF: boolean;
    depthOffset: number;
    fillOpacity: number;
    readonly textRenderInfo: TextRenderInfo | null;
    sync(callback?: () => void): void;
    dispose(): void;
  }

  /** The instanced quads troika draws a text's glyphs with. */
  export class GlyphsGeometry extends InstancedBufferGeometry {
    get detail(): number;
    set detail(detail: number);
    curveRadius: number;
    /** Sets one of the per-glyph (instanced) attributes; `null` removes it. */
    updateAttributeData(name: string, array: import('three').TypedArray | null, itemSize: number): void;
    applyClipRect(clipRect: import('three').Vector4): void;
  }

  /** Draws the Text objects added to it in one draw call (troika ≥ 0.50, "experimental"). */
  export class BatchedText extends Text {
    addText(text: Text): void;
    removeText(text: Text): void;
    /** Packs every member's matrix and uniforms into the batch's float textures (`_dataTextures`) before a draw. */
    protected _prepareForRender(material: Material): void;
  }
}

// troika's own distance-field maker (its JavaScript version is what src/scene/glyphFieldGenerator.ts
// matches byte for byte; only the tests call it directly).
declare module 'webgl-sdf-generator' {
  type Generate = import('../scene/glyphFieldGenerator.ts').GenerateGlyphField;
  export default function createSDFGenerator(): { javascript: { generate: Generate } };
}

// troika's own dependencies, which only the tests import (to run the build's patched troika).
declare module 'troika-three-utils';
declare module 'troika-worker-utils';
