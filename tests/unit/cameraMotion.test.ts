/**
 * The camera's motion, frame by frame (src/scene/cameraMotion.ts): glides from many places and
 * headings to every board of the shipped corridor, with the card open and closed, at 60 fps and
 * with the 100–300 ms frames of a CPU rasteriser, judged by the whole path sampled every frame.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cardRegion } from '../../src/layout/cardRegion.ts';
import { type CorridorLayout, EYE_FOV_DEGREES, layoutCorridor } from '../../src/layout/corridor.ts';
import { fitViewpoint, yawPitchTowards } from '../../src/layout/queries.ts';
import { seededRandom } from '../../src/quiz/random.ts';
import {
  type CameraMotion,
  createCameraMotion,
  cutTo,
  dampSpring,
  GLIDE_TIME,
  glideTo,
  MAX_FRAME_DELTA,
  type MotionFrame,
  nearestAngle,
  spring,
  stepCameraMotion,
  takeOver,
  WALK_SPEED,
} from '../../src/scene/cameraMotion.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

const FOV = EYE_FOV_DEGREES;
/** Radians (or metres, or pixels) a path may stray beyond the ideal: rounding only. */
const TOLERANCE = 1e-9;

let layout: CorridorLayout;

beforeAll(async () => {
  const exhibition = await loadShippedExhibition();
  layout = layoutCorridor(exhibition);
});

/** A small seeded generator (the quiz's), so the long frames are irregular but the same on every run. */
const random = seededRandom;

const idleFrame = (delta: number, overrides: Partial<MotionFrame> = {}): MotionFrame => ({
  delta,
  forward: 0,
  strafe: 0,
  turn: 0,
  lookYaw: 0,
  lookPitch: 0,
  bounds: layout.bounds,
  walkBounds: layout.walkBounds,
  wantedShift: 0,
  wantedVisibleHeight: 720,
  cutFraming: false,
  ...overrides,
});

interface Start {
  x: number;
  z: number;
  yaw: number;
  pitch: number;
}

interface Screen {
  name: string;
  width: number;
  height: number;
}

const DESKTOP: Screen = { name: 'desktop 1280×720 (side card)', width: 1280, height: 720 };
const PHONE: Screen = { name: 'phone 390×844 (bottom sheet)', width: 390, height: 844 };

/** What the rig asks of a board on this screen: its fitted viewpoint and, with the card open, the card's framing. */
function goalFor(screen: Screen, boardIndex: number, cardOpen: boolean) {
  const board = layout.boards[boardIndex];
  if (!board) throw new Error(`no board ${boardIndex}`);
  const region = cardRegion(screen.width, screen.height);
  const framedHeight = cardOpen && region.kind === 'sheet' ? region.visibleHeight : screen.height;
  const viewpoint = fitViewpoint(layout, board, screen.width / framedHeight, FOV);
  const look = yawPitchTowards(viewpoint.position, viewpoint.target);
  return {
    goal: { x: viewpoint.position[0], z: viewpoint.position[2], yaw: look.yaw, pitch: look.pitch },
    wantedShift: cardOpen && region.kind === 'side' ? region.cardWidth / 2 : 0,
    wantedVisibleHeight: cardOpen && region.kind === 'sheet' ? region.visibleHeight : screen.height,
  };
}

/** The turn from one heading to another the short way round, 0…π. */
const shortestTurn = (from: number, to: number) => Math.abs(Math.atan2(Math.sin(to - from), Math.cos(to - from)));

interface GlideRun {
  frames: number;
  seconds: number;
  turned: number;
  problems: string[];
}

/**
 * Runs one glide to the end, sampling every frame, and lists whatever is wrong with its path:
 * more turn than the shortest angle, a step away from the goal (in yaw, pitch, position or the
 * card's framing), passing the goal, or not coming to rest.
 */
function runGlide(
  start: Start,
  screen: Screen,
  boardIndex: number,
  cardOpen: boolean,
  nextDelta: () => number,
  maxFrames: number,
): GlideRun {
  const { goal, wantedShift, wantedVisibleHeight } = goalFor(screen, boardIndex, cardOpen);
  const motion = createCameraMotion(start, screen.height);
  glideTo(motion, goal);
  const targetYaw = motion.glide?.yaw ?? Number.NaN;
  const problems: string[] = [];
  const shortest = shortestTurn(start.yaw, goal.yaw);
  if (Math.abs(Math.abs(targetYaw - start.yaw) - shortest) > 1e-9) problems.push('the glide does not aim the short way round');
  const gap = (m: CameraMotion) => ({
    yaw: m.yaw.value - targetYaw,
    pitch: m.pitch.value - goal.pitch,
    distance: Math.hypot(m.x.value - goal.x, m.z.value - goal.z),
    shift: m.viewShift.value - wantedShift,
    visible: m.visibleHeight.value - wantedVisibleHeight,
  });
  let previous = gap(motion);
  let turned = 0;
  let seconds = 0;
  let frames = 0;
  let moving = true;
  while (moving && frames < maxFrames) {
    const delta = nextDelta();
    const yawBefore = motion.yaw.value;
    moving = stepCameraMotion(motion, idleFrame(delta, { wantedShift, wantedVisibleHeight }));
    frames++;
    seconds += Math.min(delta, MAX_FRAME_DELTA);
    turned += Math.abs(motion.yaw.value - yawBefore);
    const now = gap(motion);
    for (const key of ['yaw', 'pitch', 'shift', 'visible'] as const) {
      if (Math.abs(now[key]) > Math.abs(previous[key]) + TOLERANCE)
        problems.push(`frame ${frames}: ${key} moved away from its goal`);
      if (Math.sign(now[key]) * Math.sign(previous[key]) < 0 && Math.abs(now[key]) > TOLERANCE) {
        problems.push(`frame ${frames}: ${key} passed its goal by ${now[key]}`);
      }
    }
    if (now.distance > previous.distance + TOLERANCE) problems.push(`frame ${frames}: the camera moved away from the board`);
    previous = now;
  }
  if (turned > shortest + TOLERANCE) problems.push(`turned ${turned.toFixed(4)} rad, the shortest way is ${shortest.toFixed(4)}`);
  if (moving) problems.push(`still moving after ${frames} frames`);
  const final = gap(motion);
  if (Object.values(final).some((value) => Math.abs(value) > TOLERANCE))
    problems.push(`came to rest off the goal: ${JSON.stringify(final)}`);
  return { frames, seconds, turned, problems: [...new Set(problems)].slice(0, 5) };
}

/** Starts all over the walkable floor, facing every way (and after turning round a few times). */
function startsOverTheFloor(): Start[] {
  const { minX, maxX, minZ, maxZ } = layout.bounds;
  const starts: Start[] = [];
  const yaws = [0, 0.7, Math.PI / 2, 2.4, Math.PI, -Math.PI, -2.4, -Math.PI / 2, -0.7, 4 * Math.PI + 1.1, -6 * Math.PI - 2];
  for (const zShare of [0, 0.3, 0.55, 1]) {
    for (const x of [minX, 0, maxX]) {
      for (const [i, yaw] of yaws.entries()) {
        starts.push({ x, z: maxZ + (minZ - maxZ) * zShare, yaw, pitch: [0, 0.6, -0.9][i % 3] ?? 0 });
      }
    }
  }
  // The entrance, and standing at each board looking at it (opening another from there).
  const entrance = yawPitchTowards(layout.start.position, layout.start.target);
  starts.push({ x: layout.start.position[0], z: layout.start.position[2], ...entrance });
  for (const board of layout.boards) {
    starts.push({
      x: board.viewpoint.position[0],
      z: board.viewpoint.position[2],
      ...yawPitchTowards(board.viewpoint.position, board.viewpoint.target),
    });
  }
  return starts;
}

const FRAME_TIMES = [
  { name: '16 ms frames', delta: () => () => 1 / 60, maxFrames: 300, maxSeconds: 4 },
  {
    name: '100–300 ms frames (CPU WebGL)',
    delta: (seed: number) => {
      const next = random(seed);
      return () => 0.1 + 0.2 * next();
    },
    maxFrames: 45,
    maxSeconds: 4.5,
  },
];

describe('a glide to a board', () => {
  for (const frameTimes of FRAME_TIMES) {
    for (const cardOpen of [true, false]) {
      it(`turns no more than the shortest angle, never away or past, and settles: ${frameTimes.name}, card ${cardOpen ? 'open' : 'closed'}`, () => {
        const starts = startsOverTheFloor();
        const failures: string[] = [];
        let longest = 0;
        let seed = 1;
        for (const [s, start] of starts.entries()) {
          for (let b = 0; b < layout.boards.length; b++) {
            const run = runGlide(start, DESKTOP, b, cardOpen, frameTimes.delta(seed++), frameTimes.maxFrames);
            longest = Math.max(longest, run.seconds);
            if (run.problems.length > 0 && failures.length < 10) {
              failures.push(`start ${s} ${JSON.stringify(start)} → ${layout.boards[b]?.panelId}: ${run.problems.join('; ')}`);
            }
          }
        }
        expect(failures).toEqual([]);
        expect(longest).toBeLessThanOrEqual(frameTimes.maxSeconds);
        // Every start to every board, frame by frame: seconds of arithmetic on a busy 2-core machine.
      }, 60_000);
    }
  }

  it('on a phone too, above the bottom sheet and without it', () => {
    const failures: string[] = [];
    const starts = startsOverTheFloor().filter((_, i) => i % 3 === 0);
    let seed = 7;
    for (const start of starts) {
      for (let b = 0; b < layout.boards.length; b++) {
        for (const cardOpen of [true, false]) {
          for (const frameTimes of FRAME_TIMES) {
            const run = runGlide(start, PHONE, b, cardOpen, frameTimes.delta(seed++), frameTimes.maxFrames);
            if (run.problems.length > 0 && failures.length < 10)
              failures.push(`${layout.boards[b]?.panelId}: ${run.problems.join('; ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('from the entrance to the 1921 board: a quarter turn to the right, beside the opening card', () => {
    const entrance = {
      x: layout.start.position[0],
      z: layout.start.position[2],
      ...yawPitchTowards(layout.start.position, layout.start.target),
    };
    const index = layout.boards.findIndex((board) => board.panelId === 'cpc-founding-1921');
    const run = runGlide(entrance, DESKTOP, index, true, () => 1 / 60, 300);
    expect(run.problems).toEqual([]);
    expect(run.turned).toBeCloseTo(Math.PI / 2, 9);
  });
});

describe('dampSpring', () => {
  it('comes to rest on the target from rest, the same path whatever the frame rate', () => {
    const fine = spring(0);
    const coarse = spring(0);
    for (let i = 0; i < 60; i++) dampSpring(fine, 1, GLIDE_TIME, 1 / 60, 1e-4);
    for (let i = 0; i < 5; i++) dampSpring(coarse, 1, GLIDE_TIME, 0.2, 1e-4);
    // One second either way: the same place, to within the law's approximation of e^−x.
    expect(coarse.value).toBeCloseTo(fine.value, 2);
    expect(fine.value).toBeGreaterThan(0.9);
    for (let i = 0; i < 600; i++) dampSpring(fine, 1, GLIDE_TIME, 1 / 60, 1e-4);
    expect(fine).toEqual({ value: 1, velocity: 0 });
  });

  it('stops on the target rather than pass it, however fast it arrives', () => {
    const fast = { value: 0, velocity: 500 };
    expect(dampSpring(fast, 1, GLIDE_TIME, 0.1, 1e-4)).toBe(false);
    expect(fast).toEqual({ value: 1, velocity: 0 });
  });

  it('keeps its velocity to itself: two springs damped in turn move as each would alone', () => {
    const yawAlone = spring(0);
    const yaw = spring(0);
    const shift = spring(0);
    for (let i = 0; i < 30; i++) {
      dampSpring(yawAlone, -Math.PI / 2, GLIDE_TIME, 1 / 60, 1e-4);
      dampSpring(yaw, -Math.PI / 2, GLIDE_TIME, 1 / 60, 1e-4);
      dampSpring(shift, 268.8, GLIDE_TIME, 1 / 60, 0.5);
    }
    expect(yaw).toEqual(yawAlone);
  });
});

describe('nearestAngle', () => {
  it('expresses the goal next to the current heading, so a turn is never more than half a turn', () => {
    expect(nearestAngle(0, Math.PI / 2)).toBeCloseTo(Math.PI / 2, 12);
    expect(nearestAngle(4 * Math.PI, -Math.PI / 2)).toBeCloseTo(4 * Math.PI - Math.PI / 2, 12);
    expect(nearestAngle(3, -3)).toBeCloseTo(2 * Math.PI - 3, 12);
    for (let from = -20; from <= 20; from += 0.37) {
      for (let to = -4; to <= 4; to += 0.41) expect(Math.abs(nearestAngle(from, to) - from)).toBeLessThanOrEqual(Math.PI + 1e-12);
    }
  });
});

describe('the visitor’s own motion', () => {
  it('walks at walking speed whatever the frame rate, a long stall counting as one short step', () => {
    const motion = createCameraMotion({ x: 0, z: -10, yaw: 0, pitch: 0 }, 720);
    for (let i = 0; i < 60; i++) stepCameraMotion(motion, idleFrame(1 / 60, { forward: 1 }));
    expect(motion.z.value).toBeCloseTo(-10 - WALK_SPEED, 6);
    stepCameraMotion(motion, idleFrame(30, { forward: 1 })); // a tab that was hidden for half a minute
    expect(motion.z.value).toBeCloseTo(-10 - WALK_SPEED - WALK_SPEED * MAX_FRAME_DELTA, 6);
  });

  it('is stopped by the walls, and a glide aimed beyond them comes to rest at the wall', () => {
    const motion = createCameraMotion({ x: 0, z: layout.bounds.minZ + 0.5, yaw: 0, pitch: 0 }, 720);
    for (let i = 0; i < 40; i++) stepCameraMotion(motion, idleFrame(0.1, { forward: 1 }));
    expect(motion.z.value).toBe(layout.bounds.minZ);
    glideTo(motion, { x: layout.bounds.maxX + 3, z: layout.bounds.minZ - 5, yaw: null, pitch: null });
    let moving = true;
    for (let i = 0; i < 100 && moving; i++) moving = stepCameraMotion(motion, idleFrame(0.1));
    expect(moving).toBe(false);
    expect([motion.x.value, motion.z.value]).toEqual([layout.bounds.maxX, layout.bounds.minZ]);
  });

  it('the visitor’s own steps stop a reading distance from the boards; nearer (a phone’s viewpoint), only away', () => {
    const motion = createCameraMotion({ x: 0, z: -20, yaw: -Math.PI / 2, pitch: 0 }, 720); // facing the right wall
    for (let i = 0; i < 40; i++) stepCameraMotion(motion, idleFrame(0.1, { forward: 1 }));
    expect(motion.x.value).toBe(layout.walkBounds.maxX);
    expect(layout.walkBounds.maxX).toBeLessThan(layout.bounds.maxX);
    // A glide may stand nearer the wall than the visitor could walk.
    glideTo(motion, { x: layout.bounds.maxX, z: -20, yaw: -Math.PI / 2, pitch: 0 });
    for (let i = 0; i < 100 && stepCameraMotion(motion, idleFrame(0.1)); i++);
    expect(motion.x.value).toBe(layout.bounds.maxX);
    stepCameraMotion(motion, idleFrame(0.1, { forward: 1 }));
    expect(motion.x.value).toBe(layout.bounds.maxX); // no nearer
    stepCameraMotion(motion, idleFrame(0.1, { forward: -1 }));
    expect(motion.x.value).toBeCloseTo(layout.bounds.maxX - WALK_SPEED * 0.1, 9); // but away, yes
  });

  it('taking the controls ends a glide where it is, with no drift after', () => {
    const motion = createCameraMotion({ x: 0, z: -1, yaw: 0, pitch: 0 }, 720);
    glideTo(motion, { x: 0, z: -20, yaw: Math.PI / 2, pitch: 0 });
    for (let i = 0; i < 5; i++) stepCameraMotion(motion, idleFrame(1 / 60));
    takeOver(motion);
    const held = { x: motion.x.value, z: motion.z.value, yaw: motion.yaw.value };
    expect(stepCameraMotion(motion, idleFrame(1 / 60))).toBe(false);
    expect({ x: motion.x.value, z: motion.z.value, yaw: motion.yaw.value }).toEqual(held);
  });

  it('a cut puts the camera there at once; the reduced-motion framing takes the card at once', () => {
    const motion = createCameraMotion({ x: 0, z: -1, yaw: 0, pitch: 0 }, 720);
    glideTo(motion, { x: 0, z: -20, yaw: Math.PI / 2, pitch: 0 });
    stepCameraMotion(motion, idleFrame(1 / 60));
    cutTo(motion, { x: 1, z: -30, yaw: -1, pitch: 0.1 });
    expect(stepCameraMotion(motion, idleFrame(1 / 60, { wantedShift: 268.8, cutFraming: true }))).toBe(false);
    expect([motion.x.value, motion.z.value, motion.yaw.value, motion.pitch.value, motion.viewShift.value]).toEqual([
      1, -30, -1, 0.1, 268.8,
    ]);
  });
});
