/**
 * The floor plan's geometry: the corridor seen from above, drawn lying on its side (the entrance
 * on the left, the far wall on the right, the left wall at the top) in plan units of an SVG
 * viewBox. Pure: plain numbers from the layout, so the map and its tests need no scene.
 *
 * The corridor is long and narrow (about 60 × 4.6 m), so the plan stretches its width to stay
 * legible and tappable: x and z have separate scales, and headings are computed in plan space.
 */
import type { CorridorLayout, Wall } from './corridor.ts';

export interface PlanSize {
  width: number;
  height: number;
}

export interface PlanPoint {
  u: number;
  v: number;
}

export interface PlanRect {
  u: number;
  v: number;
  width: number;
  height: number;
}

export interface FloorPlanSection {
  sectionId: string;
  rect: PlanRect;
}

export interface FloorPlanBoard {
  panelId: string;
  sectionId: string;
  wall: Wall;
  /** The board as a short bar against its wall. */
  rect: PlanRect;
  /** The middle of the bar, for hit targets and labels. */
  centre: PlanPoint;
  /**
   * Where a tap opens this board: an invisible square around the bar at least the plan's
   * minimum target size, kept inside the drawing's box. Neighbours' targets overlap (boards
   * stand closer together than a fingertip is wide); `hitFloorPlan` gives a tap to the nearest.
   */
  target: PlanRect;
}

export interface FloorPlan {
  size: PlanSize;
  /** The drawing's box (an SVG viewBox): the plan with a margin round it. */
  viewBox: PlanRect;
  /** The walkable floor. */
  walkable: PlanRect;
  sections: FloorPlanSection[];
  boards: FloorPlanBoard[];
}

/** From corridor coordinates (x across, z along: 0 at the entrance, negative inwards) to plan units. */
export function toPlan(layout: CorridorLayout, size: PlanSize, x: number, z: number): PlanPoint {
  return {
    u: ((layout.entranceZ - z) / layout.length) * size.width,
    v: ((x + layout.width / 2) / layout.width) * size.height,
  };
}

/** The inverse of `toPlan`: a point of the plan back to the corridor's floor. */
export function fromPlan(layout: CorridorLayout, size: PlanSize, point: PlanPoint): { x: number; z: number } {
  return {
    x: (point.v / size.height) * layout.width - layout.width / 2,
    z: layout.entranceZ - (point.u / size.width) * layout.length,
  };
}

/**
 * The direction a camera yaw points in on the plan, as SVG degrees (0 = towards +u, the far wall;
 * clockwise positive, as SVG's y axis points down). Yaw 0 looks down −z, i.e. along +u.
 */
export function planHeadingDegrees(layout: CorridorLayout, size: PlanSize, yaw: number): number {
  // Look direction on the floor: (−sin yaw, −cos yaw) in (x, z); scaled into plan units.
  const du = Math.cos(yaw) * (size.width / layout.length);
  const dv = -Math.sin(yaw) * (size.height / layout.width);
  return (Math.atan2(dv, du) * 180) / Math.PI;
}

function rectBetween(a: PlanPoint, b: PlanPoint): PlanRect {
  return { u: Math.min(a.u, b.u), v: Math.min(a.v, b.v), width: Math.abs(b.u - a.u), height: Math.abs(b.v - a.v) };
}

/** Boards are drawn this deep into the corridor, as a share of its drawn width. */
const BOARD_DEPTH_SHARE = 0.16;

/** Plan units of margin round the plan in its box, so the outline and the marker are not cut. */
export const PLAN_MARGIN = 4;

/** The smallest board target in CSS pixels: for a mouse (WCAG 2.5.8), and for a finger. */
export const MIN_TARGET_PX = 24;
export const MIN_TOUCH_TARGET_PX = 44;

export function planViewBox(size: PlanSize): PlanRect {
  return { u: -PLAN_MARGIN, v: -PLAN_MARGIN, width: size.width + 2 * PLAN_MARGIN, height: size.height + 2 * PLAN_MARGIN };
}

/** A length in CSS pixels as plan units, for a drawing whose box is shown `renderedWidth` pixels wide. */
export function pixelsToPlanUnits(pixels: number, renderedWidth: number, size: PlanSize): number {
  return renderedWidth > 0 ? (pixels * planViewBox(size).width) / renderedWidth : 0;
}

/** A square of side `side` (no smaller than `rect`) centred on `rect`, moved to lie inside `box`. */
function targetAround(rect: PlanRect, side: number, box: PlanRect): PlanRect {
  const width = Math.min(box.width, Math.max(rect.width, side));
  const height = Math.min(box.height, Math.max(rect.height, side));
  const within = (start: number, length: number, min: number, extent: number) =>
    Math.min(Math.max(start, min), min + extent - length);
  return {
    u: within(rect.u - (width - rect.width) / 2, width, box.u, box.width),
    v: within(rect.v - (height - rect.height) / 2, height, box.v, box.height),
    width,
    height,
  };
}

/**
 * The whole plan: walkable floor, the band of each section, each board against its wall with a
 * tap target at least `minTarget` plan units square (see `pixelsToPlanUnits`).
 */
export function floorPlan(layout: CorridorLayout, size: PlanSize, minTarget = 0): FloorPlan {
  const viewBox = planViewBox(size);
  const { bounds } = layout;
  const halfWidth = layout.width / 2;
  const walkable = rectBetween(toPlan(layout, size, bounds.minX, bounds.maxZ), toPlan(layout, size, bounds.maxX, bounds.minZ));
  const sections = layout.sections.map((section) => ({
    sectionId: section.sectionId,
    rect: rectBetween(toPlan(layout, size, -halfWidth, section.startZ), toPlan(layout, size, halfWidth, section.endZ)),
  }));
  const depth = BOARD_DEPTH_SHARE * size.height;
  const boards = layout.boards.map((board) => {
    const from = toPlan(layout, size, board.position[0], board.position[2] + board.width / 2);
    const to = toPlan(layout, size, board.position[0], board.position[2] - board.width / 2);
    const wallV = board.wall === 'left' ? 0 : size.height;
    const innerV = board.wall === 'left' ? depth : size.height - depth;
    const rect = rectBetween({ u: from.u, v: wallV }, { u: to.u, v: innerV });
    return {
      panelId: board.panelId,
      sectionId: board.sectionId,
      wall: board.wall,
      rect,
      centre: { u: rect.u + rect.width / 2, v: rect.v + rect.height / 2 },
      target: targetAround(rect, minTarget, viewBox),
    };
  });
  return { size, viewBox, walkable, sections, boards };
}

export type PlanHit = { kind: 'board'; panelId: string } | { kind: 'section'; sectionId: string } | null;

const inside = (point: PlanPoint, rect: PlanRect) =>
  point.u >= rect.u && point.u <= rect.u + rect.width && point.v >= rect.v && point.v <= rect.v + rect.height;

/**
 * What a tap at `point` on the plan means: of the boards whose target holds it, the one whose
 * bar's middle is nearest (targets overlap where boards stand close); else the section under it.
 */
export function hitFloorPlan(plan: FloorPlan, point: PlanPoint): PlanHit {
  let best: FloorPlanBoard | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const board of plan.boards) {
    if (!inside(point, board.target)) continue;
    const distance = Math.hypot(board.centre.u - point.u, board.centre.v - point.v);
    if (distance < bestDistance) {
      best = board;
      bestDistance = distance;
    }
  }
  if (best) return { kind: 'board', panelId: best.panelId };
  const section = plan.sections.find(({ rect }) => point.u >= rect.u && point.u <= rect.u + rect.width);
  return section ? { kind: 'section', sectionId: section.sectionId } : null;
}

/** A period's stretch of the corridor on the plan: from its first board to its last, along u. */
export interface FloorPlanPeriod {
  periodId: string;
  sectionId: string;
  /** Where the stretch starts and ends along the plan (u, plan units). */
  from: number;
  to: number;
}

/** A section's panels cut by period (content/periods.ts `periodRuns`), as ids: what the plan needs. */
export interface PlanPeriodRun {
  sectionId: string;
  periodId: string | null;
  panelIds: readonly string[];
}

/**
 * Each period's stretch of its section on the plan. Boards of neighbouring periods face each other
 * across the corridor, so a stretch ends halfway between its last board's middle and the next
 * run's first; the first run starts at the section's start and the last ends at its end. Runs
 * without a period (a board beside the timeline) take their part of the section but get no stretch.
 */
export function floorPlanPeriods(plan: FloorPlan, runs: readonly PlanPeriodRun[]): FloorPlanPeriod[] {
  const centreOf = new Map(plan.boards.map((board) => [board.panelId, board.centre.u]));
  const periods: FloorPlanPeriod[] = [];
  for (const section of plan.sections) {
    const placed = runs
      .filter((run) => run.sectionId === section.sectionId)
      .map((run) => {
        const us = run.panelIds.map((id) => centreOf.get(id)).filter((u): u is number => u !== undefined);
        return { run, first: Math.min(...us), last: Math.max(...us) };
      })
      .filter(({ first }) => Number.isFinite(first));
    placed.forEach(({ run, first, last }, index) => {
      if (!run.periodId) return;
      const before = placed[index - 1];
      const after = placed[index + 1];
      const start = section.rect.u;
      const end = section.rect.u + section.rect.width;
      periods.push({
        periodId: run.periodId,
        sectionId: section.sectionId,
        from: before ? (before.last + first) / 2 : start,
        to: after ? (last + after.first) / 2 : end,
      });
    });
  }
  return periods;
}
