/** Minimal declarations for the untyped font tools the build uses. */
declare module 'fontkit' {
  export interface Font {
    readonly type: string;
    readonly postscriptName: string | null;
    readonly familyName: string;
    readonly numGlyphs: number;
    readonly characterSet: number[];
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { readonly advanceWidth: number };
    /** Shapes a string with the features a browser applies to horizontal text by default. */
    layout(text: string): GlyphRun;
  }
  export interface GlyphRun {
    readonly glyphs: ReadonlyArray<{ readonly id: number }>;
    readonly positions: ReadonlyArray<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
  export function openSync(path: string, postscriptName?: string): Font;
}

declare module 'subset-font' {
  export interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
