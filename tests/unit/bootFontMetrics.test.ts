/**
 * The board fonts at the start (src/boot/content.ts): on a page that draws the boards, the advance
 * widths are asked for at once, before the 3D code has loaded, and the board texts wait for them
 * (`fontMetricsPending`); the font read by troika is reported on its own. A page that draws no
 * boards asks for neither. Broken or missing widths end the wait with none (troika then wraps).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootContent } from '../../src/boot/content.ts';
import { createExhibitionStore } from '../../src/store/store.ts';

const fontRead = vi.hoisted(() => ({ calls: 0, finish: () => {} }));
vi.mock('../../src/scene/fonts.ts', () => ({
  preloadBoardFonts: () => {
    fontRead.calls++;
    return new Promise<void>((resolve) => {
      fontRead.finish = resolve;
    });
  },
}));
vi.mock('../../src/ui/interfaceFont.ts', () => ({ loadInterfaceFont: async () => {} }));

const METRICS = { advances: { 党: 1 }, boardBold: '党' };

/** fetch, answering the widths file as told and every other file (content, photos) with a 404. */
function serve(metrics: () => Response | Promise<Response>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(String(url));
    return String(url).endsWith('generated/fonts/metrics.json') ? metrics() : new Response('', { status: 404 });
  });
  return asked;
}

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.unstubAllGlobals();
  fontRead.calls = 0;
});

describe('the board fonts at the start', () => {
  it('asks for the widths at once and holds the texts for them; the font read is reported apart', async () => {
    let answer: (response: Response) => void = () => {};
    const asked = serve(() => new Promise<Response>((resolve) => (answer = resolve)));
    const store = createExhibitionStore();
    stops.push(bootContent(store, { baseUrl: '/site/', drawsBoards: true }));
    await vi.waitFor(() => expect(store.getState().fontMetricsPending).toBe(true));
    expect(asked).toContain('/site/generated/fonts/metrics.json');
    await vi.waitFor(() => expect(fontRead.calls).toBe(1));

    // The font is read before the widths come: loading counts it, the texts still wait.
    fontRead.finish();
    await vi.waitFor(() => expect(store.getState().progress.fontReady).toBe(true));
    expect(store.getState()).toMatchObject({ fontMetricsPending: true, fontMetrics: null });

    answer(new Response(JSON.stringify(METRICS), { status: 200 }));
    await vi.waitFor(() => expect(store.getState().fontMetricsPending).toBe(false));
    expect(store.getState().fontMetrics).toEqual(METRICS);
  });

  it('ends the wait with no widths when the file is missing or broken', async () => {
    for (const response of [() => new Response('', { status: 404 }), () => new Response('{not json', { status: 200 })]) {
      serve(response);
      const store = createExhibitionStore();
      stops.push(bootContent(store, { baseUrl: '/', drawsBoards: true }));
      await vi.waitFor(() => expect(fontRead.calls).toBeGreaterThan(0));
      await vi.waitFor(() => expect(store.getState().fontMetricsPending).toBe(false));
      expect(store.getState().fontMetrics).toBeNull();
      fontRead.calls = 0;
    }
  });

  it('asks for nothing of the boards on a page that draws none', async () => {
    const asked = serve(() => new Response(JSON.stringify(METRICS), { status: 200 }));
    const store = createExhibitionStore();
    stops.push(bootContent(store, { baseUrl: '/', drawsBoards: Promise.resolve(false) }));
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked.some((url) => url.includes('metrics.json'))).toBe(false);
    expect(fontRead.calls).toBe(0);
    expect(store.getState().fontMetricsPending).toBe(false);
  });
});
