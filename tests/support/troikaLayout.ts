/**
 * troika-three-text's own font parser and glyph layout (the code its worker runs for the 3D
 * boards), loaded in node: where troika puts each glyph of a string in a given font file.
 */
import { readFileSync } from 'node:fs';

/** One glyph as troika sets it, in em (font size 1); `advance` is the distance to the next glyph. */
export interface TroikaGlyph {
  char: string;
  glyphIndex: number;
  x: number;
  y: number;
  advance: number;
  /** The glyph's ink box relative to its own origin, in em. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

interface ParsedGlyph {
  index: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

interface ParsedFont {
  unitsPerEm: number;
  forEachGlyph(
    text: string,
    fontSize: number,
    letterSpacing: number,
    callback: (glyph: ParsedGlyph, x: number, y: number, charIndex: number) => void,
  ): number;
}

let parser: ((buffer: ArrayBuffer) => Promise<ParsedFont>) | undefined;

async function loadParser(): Promise<(buffer: ArrayBuffer) => Promise<ParsedFont>> {
  if (!parser) {
    // troika's bundled Typr writes `self.window = self` when there is no window; node 20 has no `self`.
    const global = globalThis as { self?: unknown };
    global.self ??= globalThis;
    // Without a DOM, troika's worker module runs its function on the calling thread.
    const module = (await import('troika-three-text/src/FontParser.js')) as {
      default: (buffer: ArrayBuffer) => Promise<ParsedFont>;
    };
    parser = module.default;
  }
  return parser;
}

/** Opens a woff (or ttf/otf) file the way troika does; returns a function that lays out a string. */
export async function troikaLayout(path: string): Promise<(text: string) => TroikaGlyph[]> {
  const bytes = readFileSync(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const font = await (await loadParser())(buffer);
  const em = font.unitsPerEm;
  return (text) => {
    const glyphs: TroikaGlyph[] = [];
    const end = font.forEachGlyph(text, 1, 0, (glyph, x, y, charIndex) => {
      glyphs.push({
        char: String.fromCodePoint(text.codePointAt(charIndex) ?? 0),
        glyphIndex: glyph.index,
        x,
        y,
        advance: 0,
        xMin: glyph.xMin / em,
        xMax: glyph.xMax / em,
        yMin: glyph.yMin / em,
        yMax: glyph.yMax / em,
      });
    });
    glyphs.forEach((glyph, index) => {
      glyph.advance = (glyphs[index + 1]?.x ?? end) - glyph.x;
    });
    return glyphs;
  };
}
