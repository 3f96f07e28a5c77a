/** Questions asked of a layout by the input layers; pure, so they are tested without a scene. */
import type { BoardPlacement, CorridorLayout, Vec3, Viewpoint } from './corridor.ts';

/** A camera pose as plain numbers: where it stands and which way it looks (yaw 0 = −z). */
export interface Pose {
  position: Vec3;
  yaw: number;
  pitch: number;
}

/** Unit vector of a yaw/pitch look direction. */
export function lookDirection(yaw: number, pitch: number): Vec3 {
  const cosPitch = Math.cos(pitch);
  return [-Math.sin(yaw) * cosPitch, Math.sin(pitch), -Math.cos(yaw) * cosPitch];
}

/** Yaw and pitch that look from `from` to `to`. */
export function yawPitchTowards(from: Vec3, to: Vec3): { yaw: number; pitch: number } {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const dz = to[2] - from[2];
  const horizontal = Math.hypot(dx, dz);
  return { yaw: Math.atan2(-dx, -dz), pitch: Math.atan2(dy, horizontal) };
}

/**
 * The board the visitor is looking at: within reach and closest to the centre of the view.
 * Returns null when no board is within `maxAngle` of the look direction.
 */
export function boardInView(
  layout: CorridorLayout,
  pose: Pose,
  maxDistance = 7,
  maxAngle = (32 * Math.PI) / 180,
): BoardPlacement | null {
  const look = lookDirection(pose.yaw, 0);
  let best: BoardPlacement | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const board of layout.boards) {
    const dx = board.position[0] - pose.position[0];
    const dz = board.position[2] - pose.position[2];
    const distance = Math.hypot(dx, dz);
    if (distance > maxDistance || distance < 1e-6) continue;
    const cos = (dx * look[0] + dz * look[2]) / distance;
    const angle = Math.acos(Math.min(1, Math.max(-1, cos)));
    if (angle > maxAngle) continue;
    // The board must face the visitor: its normal points back towards the eye.
    const normalX = board.wall === 'left' ? 1 : -1;
    if (-dx * normalX <= 0) continue;
    const score = angle * 4 + distance * 0.15;
    if (score < bestScore) {
      bestScore = score;
      best = board;
    }
  }
  return best;
}

/** The next board in exhibition order after `currentId`, or after where the visitor stands. */
export function neighbourBoard(
  layout: CorridorLayout,
  currentId: string | null,
  step: 1 | -1,
  standingZ: number,
): BoardPlacement | null {
  const { boards } = layout;
  if (boards.length === 0) return null;
  const current = currentId ? boards.findIndex((board) => board.panelId === currentId) : -1;
  if (current >= 0) {
    return boards[Math.min(boards.length - 1, Math.max(0, current + step))] ?? null;
  }
  // Nothing chosen yet: step from the visitor's place along the corridor (−z is forward).
  if (step === 1) return boards.find((board) => board.position[2] < standingZ - 0.01) ?? boards[boards.length - 1] ?? null;
  const behind = boards.filter((board) => board.position[2] > standingZ + 0.01);
  return behind[behind.length - 1] ?? boards[0] ?? null;
}

export function boardById(layout: CorridorLayout, panelId: string): BoardPlacement | undefined {
  return layout.boards.find((board) => board.panelId === panelId);
}

/**
 * A board's viewpoint, stepped back just enough for the whole board to fit a narrow screen
 * (a phone in portrait), but never through the opposite wall.
 */
export function fitViewpoint(
  layout: CorridorLayout,
  board: BoardPlacement,
  aspect: number,
  verticalFovDegrees: number,
  margin = 1.12,
): Viewpoint {
  const halfVertical = (verticalFovDegrees * Math.PI) / 360;
  const halfHorizontal = Math.atan(Math.tan(halfVertical) * aspect);
  const needed = Math.max(
    (board.width * margin) / 2 / Math.tan(halfHorizontal),
    (board.height * margin) / 2 / Math.tan(halfVertical),
  );
  const normalX = board.wall === 'left' ? 1 : -1;
  const current = Math.abs(board.viewpoint.position[0] - board.position[0]);
  const distance = Math.max(current, needed);
  const x = Math.min(layout.bounds.maxX, Math.max(layout.bounds.minX, board.position[0] + normalX * distance));
  return { position: [x, board.viewpoint.position[1], board.viewpoint.position[2]], target: board.viewpoint.target };
}

/** Horizontal distance (across the floor, ignoring height) from a point to a board's centre. */
export function boardDistance(board: BoardPlacement, position: Vec3): number {
  return Math.hypot(board.position[0] - position[0], board.position[2] - position[2]);
}

/** The boards whose centre is within `radius` metres of `position` across the floor, nearest first. */
export function boardsWithin(layout: CorridorLayout, position: Vec3, radius: number): BoardPlacement[] {
  return layout.boards
    .map((board) => ({ board, distance: boardDistance(board, position) }))
    .filter(({ distance }) => distance <= radius)
    .sort((a, b) => a.distance - b.distance || a.board.order - b.board.order)
    .map(({ board }) => board);
}

export interface NearBoardOptions {
  /** A board comes near within this distance… */
  loadRadius: number;
  /** …and stays near until it is farther than this, so a visitor at the edge does not make it flicker. */
  releaseRadius: number;
  /** At most this many boards are near at once (the nearest), whatever the layout's density. */
  maxBoards: number;
}

/** The streaming defaults: about five boards' length each way along each wall, never more than 28 boards. */
export const NEAR_BOARDS: NearBoardOptions = { loadRadius: 14, releaseRadius: 20, maxBoards: 28 };

/**
 * Boards whose text is set. Beyond 30 m a board's body text is a few pixels high: its frame, face
 * and title band (instanced, nearly free) stand for it, and a 500-panel corridor does not typeset
 * and draw 3,000 texts nobody can read. The release radius keeps a board passed at the edge from
 * being set and unset at every step.
 */
export const TEXT_BOARDS: NearBoardOptions = textBoardOptions(30);

/**
 * The text radii for boards set within `loadRadius` m (a device's choice: scene/deviceQuality.ts's
 * `textRadius`), released 8 m farther out.
 */
export function textBoardOptions(loadRadius: number): NearBoardOptions {
  return { loadRadius, releaseRadius: loadRadius + 8, maxBoards: 90 };
}

/**
 * The ids of the boards near the visitor, nearest first, with hysteresis: boards within the load
 * radius, plus those in `previous` still within the release radius, capped at `maxBoards`.
 */
export function nearBoardIds(
  layout: CorridorLayout,
  position: Vec3,
  previous: readonly string[],
  options: NearBoardOptions = NEAR_BOARDS,
): string[] {
  const held = new Set(previous);
  return boardsWithin(layout, position, Math.max(options.loadRadius, options.releaseRadius))
    .filter((board) => held.has(board.panelId) || boardDistance(board, position) <= options.loadRadius)
    .slice(0, options.maxBoards)
    .map((board) => board.panelId);
}

/** True when two id lists hold the same ids, in whatever order. */
export function sameIdSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/**
 * True when a board's centre is inside the camera's horizontal view: its bearing from `position`
 * within half the horizontal field of view (plus a margin, so a board half in view counts) of the
 * direction the camera faces. `yaw` 0 faces −z, as three's camera does; positive turns left.
 */
export function boardIsInView(board: BoardPlacement, position: Vec3, yaw: number, horizontalFovRadians: number): boolean {
  const dx = board.position[0] - position[0];
  const dz = board.position[2] - position[2];
  if (Math.hypot(dx, dz) < 1e-6) return true;
  const bearing = Math.atan2(-dx, -dz);
  const off = Math.abs(Math.atan2(Math.sin(bearing - yaw), Math.cos(bearing - yaw)));
  const halfWidth = Math.atan2(board.width / 2, Math.hypot(dx, dz));
  return off <= horizontalFovRadians / 2 + halfWidth;
}

/**
 * The order in which boards have their text set: those in view first, nearest first, then the
 * rest, nearest first (ties by the corridor's order). troika typesets in the order texts are
 * handed to it, so this is what the visitor sees filled in first.
 */
export function typesetOrder(
  boards: readonly BoardPlacement[],
  position: Vec3,
  yaw: number,
  horizontalFovRadians: number,
): { inView: string[]; rest: string[] } {
  const sorted = boards
    .map((board) => ({ board, distance: boardDistance(board, position) }))
    .sort((a, b) => a.distance - b.distance || a.board.order - b.board.order);
  const inView: string[] = [];
  const rest: string[] = [];
  for (const { board } of sorted) (boardIsInView(board, position, yaw, horizontalFovRadians) ? inView : rest).push(board.panelId);
  return { inView, rest };
}
