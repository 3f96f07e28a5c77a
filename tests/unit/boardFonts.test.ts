// @vitest-environment jsdom
/**
 * The board fonts' preload (src/scene/fonts.ts): both files are handed to troika at once, the
 * regular one (and the metrics) waited for, the bold one not.
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
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ boardBold: '党史' }), { status: 200 }));
    const { FONT_BOLD, FONT_REGULAR, preloadBoardFonts } = await import('../../src/scene/fonts.ts');
    let resolved = false;
    const loaded = preloadBoardFonts().then((metrics) => {
      resolved = true;
      return metrics;
    });
    expect(asked.map((request) => request.font).sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
    await Promise.resolve();
    expect(resolved).toBe(false); // the regular font is not read yet
    asked.find((request) => request.font === FONT_REGULAR)?.done();
    expect(await loaded).toEqual({ boardBold: '党史' });
    expect(resolved).toBe(true); // while the bold one is still being read
  });
});
