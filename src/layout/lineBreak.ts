/**
 * The one line-breaker for board text, shared by the 3D boards and the content check, so what
 * the check calls "too long" is exactly what the board cannot show. Widths come from the shipped
 * font's advance widths (see `FontMetrics`); the rules follow Chinese typesetting:
 * - a Chinese character may end a line anywhere, a Latin word or a number stays whole unless it
 *   is wider than the line;
 * - no line starts with closing punctuation (，。、：；！？）》」』】”’…%) and none ends with opening
 *   punctuation (（《「『【“‘) — 避头尾 (kinsoku);
 * - "\n" in the text is a hard break.
 */

/** Advance widths in em, per character, for the regular and bold faces of the board font. */
export interface FontMetrics {
  /** The characters, in the order of the advance arrays. */
  chars: string;
  regular: number[];
  bold: number[];
  /**
   * The characters the bold file the boards load carries (the others' bold is in a file for the
   * interface alone: src/build/fonts.ts). Absent in metrics written before the split.
   */
  boardBold?: string;
}

export type Advance = (char: string) => number;

/** An advance function for one face; characters the table lacks get a typical width. */
export function advanceOf(metrics: FontMetrics | null, bold = false): Advance {
  const table = new Map<string, number>();
  if (metrics) {
    const widths = bold ? metrics.bold : metrics.regular;
    Array.from(metrics.chars).forEach((char, index) => {
      const width = widths[index];
      if (width !== undefined) table.set(char, width);
    });
  }
  return (char) => table.get(char) ?? typicalAdvance(char);
}

/** A fallback estimate when no metrics are at hand: CJK is square, Latin about half as wide. */
export function typicalAdvance(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (char === ' ') return 0.25;
  if (code < 0x2000) return /[A-Z0-9MW]/.test(char) ? 0.62 : 0.5;
  return 1;
}

const NO_LINE_START = new Set(Array.from('，。、：；！？）》」』】〕”’…—·%％,.:;!?)]}'));
const NO_LINE_END = new Set(Array.from('（《「『【〔“‘([{'));

function isCjk(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x2e80;
}

/** Splits a paragraph into units that never break inside: a CJK character, a Latin word, a space. */
function units(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const char of text) {
    if (char === ' ' || isCjk(char)) {
      if (word) out.push(word);
      word = '';
      out.push(char);
    } else {
      word += char;
    }
  }
  if (word) out.push(word);
  return out;
}

export interface BreakOptions {
  /** Line width in em (the box's width divided by the font size). */
  maxEms: number;
  advance: Advance;
  /** Extra space after each character, in em (troika's letterSpacing). */
  letterSpacing?: number;
}

/** Breaks text into lines no wider than `maxEms`. Pure; never drops a character but leading spaces. */
export function breakLines(text: string, { maxEms, advance, letterSpacing = 0 }: BreakOptions): string[] {
  const widthOf = (piece: string) => {
    let width = 0;
    for (const char of piece) width += advance(char) + letterSpacing;
    return width;
  };
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let width = 0;
    const flush = () => {
      lines.push(line.join('').trimEnd());
      line = [];
      width = 0;
    };
    for (const unit of units(paragraph)) {
      if (unit === ' ' && line.length === 0) continue;
      const unitWidth = widthOf(unit);
      if (width + unitWidth <= maxEms + 1e-9) {
        line.push(unit);
        width += unitWidth;
        continue;
      }
      if (NO_LINE_START.has(unit) && line.length > 0) {
        // Closing punctuation may not start a line: carry the last unit over with it, and with that
        // any closing punctuation it ends ("X”。" moves as a whole: "”。" may not start a line either),
        // and an opening mark that would be left at the line's end ("“X”。").
        const carried: string[] = [];
        while (line.length > 1) {
          const last = line.pop() as string;
          carried.unshift(last);
          if (!NO_LINE_START.has(last)) break;
        }
        const before = line[line.length - 1];
        if (line.length > 1 && before !== undefined && NO_LINE_END.has(before)) carried.unshift(line.pop() as string);
        flush();
        for (const piece of carried[0] === ' ' ? carried.slice(1) : carried) {
          line.push(piece);
          width += widthOf(piece);
        }
        line.push(unit);
        width += unitWidth;
        continue;
      }
      if (line.length > 0) {
        // Opening punctuation may not end a line: move it to the next.
        const last = line[line.length - 1];
        const moved = last !== undefined && NO_LINE_END.has(last) && line.length > 1 ? line.pop() : undefined;
        flush();
        if (moved !== undefined) {
          line.push(moved);
          width += widthOf(moved);
        }
        if (unit === ' ') continue;
      }
      if (unitWidth <= maxEms) {
        line.push(unit);
        width += unitWidth;
        continue;
      }
      // A word wider than the whole line: break it where it must.
      for (const char of unit) {
        const charWidth = widthOf(char);
        if (width + charWidth > maxEms && line.length > 0) flush();
        line.push(char);
        width += charWidth;
      }
    }
    flush();
  }
  return lines;
}

export interface FittedText {
  lines: string[];
  /** True when the text needed more lines than the box has (the shown text ends with "…"). */
  overflow: boolean;
  /** How many lines the whole text needs. */
  neededLines: number;
}

/** Breaks text for a box of `maxLines` lines; an overflowing last line ends with an ellipsis. */
export function fitLines(text: string, options: BreakOptions & { maxLines: number }): FittedText {
  const lines = breakLines(text, options);
  if (lines.length <= options.maxLines) return { lines, overflow: false, neededLines: lines.length };
  const kept = lines.slice(0, Math.max(1, options.maxLines));
  const lastIndex = kept.length - 1;
  const ellipsis = '…';
  let last = kept[lastIndex] ?? '';
  const widthOf = (piece: string) =>
    Array.from(piece).reduce((sum, char) => sum + options.advance(char) + (options.letterSpacing ?? 0), 0);
  while (last.length > 0 && widthOf(last + ellipsis) > options.maxEms) last = Array.from(last).slice(0, -1).join('');
  kept[lastIndex] = `${last.replace(/[，。、：；,.;:\s]+$/u, '')}${ellipsis}`;
  return { lines: kept, overflow: true, neededLines: lines.length };
}
