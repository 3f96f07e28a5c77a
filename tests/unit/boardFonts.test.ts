// @vitest-environment jsdom
/**
 * The board fonts' preload (src/scene/fonts.ts): both files are handed to troika at once, the
 * regular one waited for, the bold one not.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const asked: Array<{ font?: string; done: () => void }> = [];
vi.mock('troika-three-text', () => ({
  configureTextBuilder: () => {},
  preloadFont: (options: { font?: string }, done: () => void) => asked.push({ font: options.font, done }),
}));

afterEach(() => {
  asked.length = 0;
  vi.unstubAllGlobals();
});

describe('preloadBoardFonts', () => {
  it('reads the bold font at once beside the regular one, and resolves without waiting for the bold', async () => {
    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    const { FONT_BOLD, FONT_REGULAR, preloadBoardFonts } = await import('../../src/scene/fonts.ts');
    let resolved = false;
    const loaded = preloadBoardFonts().then(() => {
      resolved = true;
    });
    expect(asked.map((request) => request.font).sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
    await Promise.resolve();
    expect(resolved).toBe(false); // the regular font is not read yet
    asked.find((request) => request.font === FONT_REGULAR)?.done();
    await loaded;
    expect(resolved).toBe(true); // while the bold one is still being read
    // troika reads the files in its worker; the advance widths are the boot's (boot/content.ts).
    expect(fetched).not.toHaveBeenCalled();
  });
});
