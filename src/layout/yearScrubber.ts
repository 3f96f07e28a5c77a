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

/** Turned at least this far from the corridor's axis towards a wall (30°), the visitor faces it. */
const FACING_WALL = 0.5;

/**
 * The milestone board the visitor stands beside (within its width along the wall) and faces, or
 * null. Two boards of one year (1949: 七届二中全会 and 开国大典) are told apart by this.
 */
export function markBeside(marks: readonly YearMark[], pose: { position: Vec3; yaw: number }): YearMark | null {
  const z = pose.position[2];
  const lookX = -Math.sin(pose.yaw);
  if (Math.abs(lookX) < FACING_WALL) return null;
  const wall = lookX < 0 ? 'left' : 'right';
  let beside: YearMark | null = null;
  for (const mark of marks) {
    if (mark.board.wall !== wall) continue;
    const along = Math.abs(mark.board.position[2] - z);
    if (along > mark.board.width / 2) continue;
    if (!beside || along < Math.abs(beside.board.position[2] - z)) beside = mark;
  }
  return beside;
}

/**
 * The year of the timeline at the visitor's place, for the scrubber's readout as they walk.
 * Standing beside a milestone board (within its width along the wall) and facing its wall: that
 * board's year — boards face each other across the corridor, so where one stands alone cannot
 * tell 1927 from 1935. Elsewhere: the year of the point of the corridor where they stand, between
 * the year anchors as `placeForYear` spreads them, to the nearest whole year; before the first
 * board the timeline's first year, past the last its last. Null when there are no marks.
 */
export function yearAtPlace(marks: readonly YearMark[], pose: { position: Vec3; yaw: number }): number | null {
  const [, , z] = pose.position;
  const beside = markBeside(marks, pose);
  if (beside) return beside.year;
  const anchors = yearAnchors(marks);
  let previous: YearMark | null = null;
  for (const anchor of anchors) {
    const anchorZ = anchor.board.position[2];
    if (z >= anchorZ) {
      // −z is deeper into the corridor: the visitor stands between the previous anchor and this one.
      if (!previous || previous.board.position[2] <= anchorZ) return anchor.year;
      const previousZ = previous.board.position[2];
      const fraction = (previousZ - z) / (previousZ - anchorZ);
      return Math.round(previous.year + fraction * (anchor.year - previous.year));
    }
    previous = anchor;
  }
  return anchors.at(-1)?.year ?? null;
}
