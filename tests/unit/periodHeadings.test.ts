/**
 * The periods' plates on the corridor wall (layout/periodHeadings.ts): one over the first
 * milestone of each period, in order, turned like its board, between the board's top and the
 * section lintels, inside the wall.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import { type CorridorLayout, layoutCorridor } from '../../src/layout/corridor.ts';
import { PERIOD_PLATE_GAP, periodHeadings } from '../../src/layout/periodHeadings.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

let exhibition: Exhibition;
let layout: CorridorLayout;

beforeAll(async () => {
  exhibition = await loadShippedExhibition();
  layout = layoutCorridor(exhibition);
});

describe('periodHeadings', () => {
  it('hangs one plate over the first milestone of each shipped period, in order', () => {
    const headings = periodHeadings(exhibition, layout);
    expect(headings.map((heading) => heading.periodId)).toEqual((exhibition.periods ?? []).map((period) => period.id));
    const timeline = exhibition.sections.find((section) => section.id === 'timeline')?.panels ?? [];
    for (const heading of headings) {
      const first = timeline.find((panel) => panel.kind === 'milestone' && panel.period === heading.periodId);
      expect(heading.panelId).toBe(first?.id);
    }
    expect(headings[0]?.panelId).toBe('cpc-founding-1921');
  });

  it('places each plate on its board’s wall, turned like it, above its top edge and below the lintels and ceiling', () => {
    for (const heading of periodHeadings(exhibition, layout)) {
      const board = layout.boards.find((candidate) => candidate.panelId === heading.panelId);
      if (!board) throw new Error(`no board ${heading.panelId}`);
      expect(heading.wall).toBe(board.wall);
      expect(heading.rotationY).toBe(board.rotationY);
      expect(heading.position[0]).toBe(board.position[0]);
      expect(heading.position[2]).toBe(board.position[2]);
      expect(heading.width).toBe(board.width);
      const bottom = heading.position[1] - heading.height / 2;
      const top = heading.position[1] + heading.height / 2;
      expect(bottom).toBeCloseTo(board.position[1] + board.height / 2 + PERIOD_PLATE_GAP, 9);
      // The section lintels hang 0.42 m under the ceiling.
      expect(top).toBeLessThan(layout.height - 0.42);
    }
  });

  it('hangs none where the content has no periods', () => {
    expect(periodHeadings({ ...exhibition, periods: [] }, layout)).toEqual([]);
  });
});
