/**
 * A small exhibition for the projector-mode tests: three sections (a: 3 panels, b: 2, c: 4 —
 * nine panels in corridor order a1…c4) and one lesson that goes back and forth along the corridor.
 */
import { type Exhibition, type Tour, tourSchema } from '../../src/content/schema.ts';
import { testExhibition, testSection } from '../support/exhibition.ts';

export const PANEL_ORDER = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2', 'c3', 'c4'];

export function makeExhibition(tours: unknown[] = [LESSON]): Exhibition {
  const section = (id: string, count: number) =>
    testSection(id, count, {
      title: { zh: `栏目 ${id}`, en: `Section ${id}` },
      panel: (panelId) => ({ title: { zh: `展板 ${panelId}`, en: `Panel ${panelId}` }, summary: `摘要 ${panelId}` }),
    });
  return testExhibition([section('a', 3), section('b', 2), section('c', 4)], {
    tours: tours.map((tour) => tourSchema.parse(tour)),
  });
}

/** Four stops: c2 → a1 → b2 → c4, with notes on the first. */
export const LESSON = {
  id: 'lesson',
  title: { zh: '新队员课', en: 'Recruits' },
  stops: [
    { panel: 'c2', notes: ['要点一', { zh: '要点二', en: 'Point two' }] },
    { panel: 'a1' },
    { panel: 'b2' },
    { panel: 'c4' },
  ],
} satisfies Record<string, unknown>;

/** Auto-advance: 10 s, none, 5 s. */
export const TIMED = {
  id: 'timed',
  title: '自动放映',
  stops: [{ panel: 'a1', duration: 10 }, { panel: 'a2' }, { panel: 'a3', duration: 5 }],
} satisfies Record<string, unknown>;

export type { Tour };
