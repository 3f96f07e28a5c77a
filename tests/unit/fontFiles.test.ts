// @vitest-environment jsdom
/**
 * Which font file a text is drawn from: the interface's CSS faces and the boards' troika fonts
 * share the build's files (src/build/fonts.ts), the bold split by characters.
 */
import { describe, expect, it } from 'vitest';
import { boardFontFor, FONT_BOLD, FONT_REGULAR } from '../../src/scene/fonts.ts';
import { interfaceFaces, unicodeRangeOf } from '../../src/ui/interfaceFont.ts';

describe('unicodeRangeOf', () => {
  it('merges neighbouring code points into runs, sorted, each once', () => {
    expect(unicodeRangeOf('CBA党D党')).toBe('U+41-44,U+515A');
    expect(unicodeRangeOf('党史')).toBe('U+515A,U+53F2');
    expect(unicodeRangeOf('𠀀')).toBe('U+20000');
    expect(unicodeRangeOf('')).toBeNull();
  });
});

describe('interfaceFaces', () => {
  const metrics = { chars: 'AB党史长廊的', boardBold: 'A党史' };

  it("uses the boards' own files, so a page with the corridor downloads each once", () => {
    const sources = interfaceFaces(metrics).map(([source]) => source);
    expect(sources[0]).toContain(new URL(FONT_REGULAR).pathname);
    expect(sources[1]).toContain(new URL(FONT_BOLD).pathname);
    for (const source of sources) expect(source).toMatch(/\.woff"\) format\("woff"\)$/);
  });

  it("splits bold: the boards' characters from their file, every other character from the rest", () => {
    const [regular, bold, rest] = interfaceFaces(metrics);
    expect(regular?.[1]).toEqual({ weight: '400' });
    expect(bold?.[1]).toEqual({ weight: '700', unicodeRange: unicodeRangeOf('A党史') });
    expect(rest?.[0]).toContain('NotoSansSC-BoldRest.woff');
    expect(rest?.[1]).toEqual({ weight: '700', unicodeRange: unicodeRangeOf('B长廊的') });
  });

  it('without the split (no metrics, or metrics from before it) uses one bold face for everything', () => {
    for (const faces of [interfaceFaces(null), interfaceFaces({ chars: 'AB' })]) {
      expect(faces.map(([, descriptors]) => descriptors)).toEqual([{ weight: '400' }, { weight: '700' }]);
    }
  });
});

describe('boardFontFor', () => {
  it('draws bold from the bold file when it has every character, spaces and line breaks aside', () => {
    expect(boardFontFor('党史 长\n廊', true, '党史长廊')).toBe(FONT_BOLD);
  });

  it('falls back to the regular file for a bold text with a character the bold file lacks (never a gap)', () => {
    expect(boardFontFor('党史长廊的', true, '党史长廊')).toBe(FONT_REGULAR);
  });

  it('draws regular text from the regular file, and bold from the bold file when the split is unknown', () => {
    expect(boardFontFor('党史', false, '党史')).toBe(FONT_REGULAR);
    expect(boardFontFor('党史', true, undefined)).toBe(FONT_BOLD);
  });
});
