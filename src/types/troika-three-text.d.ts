// The parts of troika-three-text's API this project calls directly (the package's published types
// are not wired into its package.json).
declare module 'troika-three-text' {
  import type { BufferGeometry, Material, Mesh, Object3DEventMap } from 'three';

  export interface TextEventMap extends Object3DEventMap {
    syncstart: object;
    synccomplete: object;
  }

  export function configureTextBuilder(config: {
    defaultFontURL?: string | null;
    unicodeFontsURL?: string | null;
    sdfGlyphSize?: number;
    useWorker?: boolean;
  }): void;
  export function preloadFont(options: { font?: string; characters?: string | string[] }, callback: () => void): void;

  export class Text extends Mesh<BufferGeometry, Material, TextEventMap> {
    text: string;
    sync(callback?: () => void): void;
    dispose(): void;
  }

  /** Draws the Text objects added to it in one draw call (troika ≥ 0.50, "experimental"). */
  export class BatchedText extends Text {
    addText(text: Text): void;
    removeText(text: Text): void;
  }
}
