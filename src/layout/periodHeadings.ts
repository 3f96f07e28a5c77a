/**
 * Where the corridor names the periods of the Party's history: a plate on the wall above the first
 * milestone board of each period ("新民主主义革命时期 1921–1949"), turned like that board, between
 * its top edge and the section lintels under the ceiling. Pure numbers from the layout and the
 * content, so the scene draws what this returns and a unit test can hold it.
 */
import { periodRuns } from '../content/periods.ts';
import type { Exhibition } from '../content/schema.ts';
import type { CorridorLayout, Vec3, Wall } from './corridor.ts';

export interface PeriodHeadingPlacement {
  periodId: string;
  /** The first board of the period: the plate hangs over it. */
  panelId: string;
  wall: Wall;
  /** The plate's centre, just off the wall like the boards. */
  position: Vec3;
  rotationY: number;
  width: number;
  height: number;
}

/**
 * Plate height and the gap between it and the board under it (m): the gap clears the board's
 * picture lamp, which hangs 0.2 m over the board's top edge and 0.16 m out (scene/BoardFixtures.tsx), also as seen from the board's reading place.
 */
export const PERIOD_PLATE_HEIGHT = 0.27;
export const PERIOD_PLATE_GAP = 0.3;

export function periodHeadings(exhibition: Exhibition, layout: CorridorLayout): PeriodHeadingPlacement[] {
  const periods = exhibition.periods ?? [];
  const boards = new Map(layout.boards.map((board) => [board.panelId, board]));
  const headings: PeriodHeadingPlacement[] = [];
  for (const section of exhibition.sections) {
    for (const run of periodRuns(section.panels, periods)) {
      const first = run.panels[0];
      const board = first ? boards.get(first.id) : undefined;
      if (!run.period || !board) continue;
      const top = board.position[1] + board.height / 2;
      headings.push({
        periodId: run.period.id,
        panelId: board.panelId,
        wall: board.wall,
        position: [board.position[0], top + PERIOD_PLATE_GAP + PERIOD_PLATE_HEIGHT / 2, board.position[2]],
        rotationY: board.rotationY,
        width: board.width,
        height: PERIOD_PLATE_HEIGHT,
      });
    }
  }
  return headings;
}
