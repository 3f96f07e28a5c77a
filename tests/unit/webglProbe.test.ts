// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetWebglProbe, probeWebgl } from '../../src/scene/webglProbe.ts';

/** A canvas whose getContext returns `context` for the kinds listed, counting every context made. */
function fakeCanvases(kinds: string[], renderer = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))') {
  const made: string[] = [];
  const lost: string[] = [];
  const context = (kind: string) => ({
    RENDERER: 0x1f01,
    getParameter: (name: number) => (name === 0x1f01 ? 'WebKit WebGL' : renderer),
    getExtension: (name: string) =>
      name === 'WEBGL_debug_renderer_info'
        ? { UNMASKED_RENDERER_WEBGL: 0x9246 }
        : name === 'WEBGL_lose_context'
          ? { loseContext: () => lost.push(kind) }
          : null,
  });
  const createElement = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation((tag: string) => {
    if (tag !== 'canvas') return createElement(tag);
    return {
      getContext: (kind: string) => {
        if (!kinds.includes(kind)) return null;
        made.push(kind);
        return context(kind);
      },
    } as unknown as HTMLCanvasElement;
  });
  return { made, lost };
}

afterEach(() => {
  vi.restoreAllMocks();
  forgetWebglProbe();
});

describe('the page’s one WebGL probe', () => {
  it('answers both questions from one context, made once per page and released', () => {
    const { made, lost } = fakeCanvases(['webgl2', 'webgl']);
    const first = probeWebgl();
    const again = probeWebgl();
    expect(first).toEqual({
      available: true,
      rendererName: 'WebKit WebGL ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))',
    });
    expect(again).toBe(first);
    expect(made).toEqual(['webgl2']);
    expect(lost).toEqual(['webgl2']);
  });

  it('falls back to WebGL 1', () => {
    const { made } = fakeCanvases(['webgl'], 'Mali-G78');
    expect(probeWebgl()).toEqual({ available: true, rendererName: 'WebKit WebGL Mali-G78' });
    expect(made).toEqual(['webgl']);
  });

  it('says no WebGL when there is none, or when asking throws', () => {
    fakeCanvases([]);
    expect(probeWebgl()).toEqual({ available: false, rendererName: '' });
    forgetWebglProbe();
    vi.restoreAllMocks();
    vi.spyOn(document, 'createElement').mockImplementation(() => {
      throw new Error('blocked');
    });
    expect(probeWebgl()).toEqual({ available: false, rendererName: '' });
  });
});
