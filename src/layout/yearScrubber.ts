/**
 * The year scrubber's mapping: a year of the centenary timeline (1921–2021) to a point of the
 * corridor. Pure: plain numbers from the layout and the panels' dates, no React and no three.
 *
 * Each year that has a milestone board is anchored at that board (the first board of the year,
 * in exhibition order); a year between two anchors lies between their boards, in proportion.
 */
import type { Exhibition } from '../content/schema.ts';
import type { BoardPlacement, CorridorLayout, Vec3, Viewpoint } from './corridor.ts';

export interface YearMark {
  year: number;
  panelId: string;
  board: BoardPlacement;
}

/** The timeline's milestone boards with the year of their date, in exhibition order. */
export function timelineMarks(exhibition: Exhibition, layout: CorridorLayout): YearMark[] {
  const marks: YearMark[] = [];
  for (const section of exhibition.sections) {
    for (const panel of section.panels) {
      if (panel.kind !== 'milestone' || !panel.date) continue;
      const board = layout.boards.find((candidate) => candidate.panelId === panel.id);
      if (board) marks.push({ year: Number(panel.date.slice(0, 4)), panelId: panel.id, board });
    }
  }
  return marks;
}

/** The first mark of each year, in year order: the points a year is interpolated between. */
export function yearAnchors(marks: readonly YearMark[]): YearMark[] {
  const byYear = new Map<number, YearMark>();
  for (const mark of marks) if (!byYear.has(mark.year)) byYear.set(mark.year, mark);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface YearPlace {
  /** Where along the corridor the year stands (z, metres). */
  z: number;
  /** The board whose year is nearest (the earlier one on a tie); exact when `exact`. */
  nearest: YearMark;
  /** True when a board carries this very year. */
  exact: boolean;
  /** Where the visitor stands to see that point of the wall. */
  viewpoint: Viewpoint;
}

/**
 * Where a year stands in the corridor. Years before the first or after the last mark stand at
 * that mark. The viewpoint faces the wall of the nearest board, at the year's own z, from as far
 * off the wall as that board's own viewpoint; at an exact year it IS the board's viewpoint.
 * Returns null when there are no marks.
 */
export function placeForYear(marks: readonly YearMark[], year: number): YearPlace | null {
  const anchors = yearAnchors(marks);
  const first = anchors[0];
  const last = anchors.at(-1);
  if (!first || !last) return null;
  const clamped = Math.min(last.year, Math.max(first.year, year));
  let before = first;
  let after = first;
  for (const anchor of anchors) {
    if (anchor.year <= clamped) before = anchor;
    if (anchor.year >= clamped) {
      after = anchor;
      break;
    }
  }
  const span = after.year - before.year;
  const fraction = span === 0 ? 0 : (clamped - before.year) / span;
  const z = before.board.position[2] + (after.board.position[2] - before.board.position[2]) * fraction;
  const nearest = clamped - before.year <= after.year - clamped ? before : after;
  const exact = nearest.year === clamped && Number.isInteger(year) && year === clamped;
  if (exact) return { z, nearest, exact, viewpoint: nearest.board.viewpoint };
  const { position, target } = nearest.board.viewpoint;
  const viewpoint: Viewpoint = {
    position: [position[0], position[1], z] as Vec3,
    target: [target[0], target[1], z] as Vec3,
  };
  return { z, nearest, exact, viewpoint };
}

/** Where each mark's year sits along the scrubber, 0…1 between its first and last year. */
export function yearFraction(year: number, firstYear: number, lastYear: number): number {
  if (lastYear <= firstYear) return 0;
  return Math.min(1, Math.max(0, (year - firstYear) / (lastYear - firstYear)));
}
