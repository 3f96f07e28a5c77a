/**
 * The camera rig's motion, one frame at a time, as plain numbers: walking and turning from the
 * visitor's input, the glide to a goal, the walls, and the framing beside an open card. The rig
 * (CameraRig.tsx) feeds it each frame and copies the result onto the three camera; tests drive it
 * directly with any frame times.
 *
 * Every damped quantity is a `Spring` that carries its own velocity. (The rig once damped yaw,
 * pitch and the card's view shift through one shared holder object, and maath keeps the velocity
 * on the holder: the view shift's hundreds of pixels per second became the yaw's radians per
 * second, and the corridor spun through many turns before a board settled.)
 */
import { clamp, type WalkableBounds } from '../layout/corridor.ts';

/** A damped quantity: its value and its velocity (units per second), kept together. */
export interface Spring {
  value: number;
  velocity: number;
}

export const spring = (value: number): Spring => ({ value, velocity: 0 });

/** Damping smooth time of a glide, s: about how long the approach takes to cover most of the way. */
export const GLIDE_TIME = 0.45;
/**
 * Longest step a frame advances the motion, s. A frame after a stall (a hidden tab, a long
 * typesetting pause) must not send the visitor metres down the corridor in one jump. Five frames
 * a second is still motion, though: a PC drawing on its CPU (150–200 ms a frame) glides in real
 * time, not in slow motion (with a 0.1 s cap its 2.4 s glide took 30 frames, 5–6 s).
 */
export const MAX_FRAME_DELTA = 0.2;
export const WALK_SPEED = 2.4; // m/s
export const TURN_SPEED = 1.7; // rad/s
export const MAX_PITCH = 1.1;

/**
 * Within these a spring lands exactly on its target (and stops asking for frames): a millimetre,
 * 0.03°, half a pixel — nothing one could see, and no CPU-drawn frames spent creeping closer.
 */
const LAND_POSITION = 1e-3; // m
const LAND_ANGLE = 5e-4; // rad
const LAND_PIXELS = 0.5; // CSS px

/**
 * Critically damped approach of a spring towards `target`, frame-rate independent: the smooth
 * damp of Game Programming Gems 4, ch. 1.10 (the law maath's `damp` follows). It never passes the
 * target: a step that would is stopped on it. Lands (value = target, velocity 0) within
 * `landWithin`. Returns true while it still moves.
 */
export function dampSpring(s: Spring, target: number, smoothTime: number, delta: number, landWithin: number): boolean {
  if (Math.abs(s.value - target) <= landWithin) {
    s.value = target;
    s.velocity = 0;
    return false;
  }
  if (delta <= 0) return true;
  const omega = 2 / Math.max(1e-4, smoothTime);
  const x = omega * delta;
  const decay = 1 / (1 + x + 0.48 * x * x + 0.235 * x * x * x);
  const change = s.value - target;
  const temp = (s.velocity + omega * change) * delta;
  const next = target + (change + temp) * decay;
  s.velocity = (s.velocity - omega * temp) * decay;
  // Passing the target (a velocity carried from a goal further away) stops on it.
  if (Math.sign(next - target) !== Math.sign(change)) {
    s.value = target;
    s.velocity = 0;
    return false;
  }
  s.value = next;
  if (Math.abs(next - target) <= landWithin) {
    s.value = target;
    s.velocity = 0;
    return false;
  }
  return true;
}

/** `to` expressed as the angle nearest `from`, so a turn towards it goes the short way round. */
export function nearestAngle(from: number, to: number): number {
  const turn = euclideanModulo(to - from + Math.PI, Math.PI * 2) - Math.PI;
  return from + turn;
}

function euclideanModulo(n: number, m: number): number {
  return ((n % m) + m) % m;
}

export interface GlideGoal {
  x: number;
  z: number;
  /** null: the glide keeps the visitor's look (a walk to a spot on the floor). */
  yaw: number | null;
  pitch: number | null;
}

export interface CameraMotion {
  x: Spring;
  z: Spring;
  yaw: Spring;
  pitch: Spring;
  /** CSS pixels the view is shifted left, to keep a board beside a side card. */
  viewShift: Spring;
  /** CSS pixels of view above a phone's bottom sheet (the full height without one). */
  visibleHeight: Spring;
  glide: GlideGoal | null;
}

export function createCameraMotion(
  pose: { x: number; z: number; yaw: number; pitch: number },
  visibleHeight: number,
): CameraMotion {
  return {
    x: spring(pose.x),
    z: spring(pose.z),
    yaw: spring(pose.yaw),
    pitch: spring(pose.pitch),
    viewShift: spring(0),
    visibleHeight: spring(visibleHeight),
    glide: null,
  };
}

function stopLooking(motion: CameraMotion): void {
  for (const s of [motion.x, motion.z, motion.yaw, motion.pitch]) s.velocity = 0;
}

/** Puts the camera at a pose at once (a deep link, a reduced-motion cut). */
export function cutTo(motion: CameraMotion, pose: { x: number; z: number; yaw?: number; pitch?: number }): void {
  motion.x.value = pose.x;
  motion.z.value = pose.z;
  if (pose.yaw !== undefined) motion.yaw.value = pose.yaw;
  if (pose.pitch !== undefined) motion.pitch.value = pose.pitch;
  stopLooking(motion);
  motion.glide = null;
}

/**
 * Starts a glide. The goal's yaw is taken the short way round from where the camera looks now.
 * A glide that replaces one under way carries on from its motion, so a quick second request
 * (next, next) bends the path instead of jerking it.
 */
export function glideTo(motion: CameraMotion, goal: GlideGoal): void {
  if (!motion.glide) stopLooking(motion);
  motion.glide = { ...goal, yaw: goal.yaw === null ? null : nearestAngle(motion.yaw.value, goal.yaw) };
}

/** The visitor took the controls: any glide ends where it is, and its momentum with it. */
export function takeOver(motion: CameraMotion): void {
  motion.glide = null;
  stopLooking(motion);
}

export interface MotionFrame {
  /** Seconds since the last frame, as measured (capped here at MAX_FRAME_DELTA). */
  delta: number;
  /** −1…1: forward/backward and right/left, from the held keys. */
  forward: number;
  strafe: number;
  /** −1…1: turning left (+) or right (−), from the held keys. */
  turn: number;
  /** Radians of look to add this frame (a drag). */
  lookYaw: number;
  lookPitch: number;
  /** The walls: no camera goes beyond them. */
  bounds: WalkableBounds;
  /** Where the visitor's own steps may go (a reading distance from the boards). */
  walkBounds: WalkableBounds;
  /** The card's framing this frame asks for, and whether to take it at once (reduced motion). */
  wantedShift: number;
  wantedVisibleHeight: number;
  cutFraming: boolean;
}

/**
 * Advances the motion by one frame. Returns true while a glide or the card's framing is still
 * under way (the rig then asks for another frame; walking keys are the rig's own concern).
 */
export function stepCameraMotion(motion: CameraMotion, frame: MotionFrame): boolean {
  const delta = Math.min(Math.max(frame.delta, 0), MAX_FRAME_DELTA);

  motion.yaw.value += frame.lookYaw + frame.turn * TURN_SPEED * delta;
  motion.pitch.value = clamp(motion.pitch.value + frame.lookPitch, -MAX_PITCH, MAX_PITCH);

  if (frame.forward !== 0 || frame.strafe !== 0) {
    const sin = Math.sin(motion.yaw.value);
    const cos = Math.cos(motion.yaw.value);
    const step = (WALK_SPEED * delta) / Math.hypot(frame.forward, frame.strafe);
    const { walkBounds } = frame;
    // The visitor's own steps stop a reading distance from the boards; one who stands nearer (at
    // a viewpoint a phone stepped back to) may step away but not closer.
    const x = motion.x.value;
    const z = motion.z.value;
    motion.x.value = clamp(
      x + (-sin * frame.forward + cos * frame.strafe) * step,
      Math.min(x, walkBounds.minX),
      Math.max(x, walkBounds.maxX),
    );
    motion.z.value = clamp(
      z + (-cos * frame.forward - sin * frame.strafe) * step,
      Math.min(z, walkBounds.minZ),
      Math.max(z, walkBounds.maxZ),
    );
  }

  const { bounds } = frame;
  let moving = false;
  const glide = motion.glide;
  if (glide) {
    // Each quantity on its own spring, with its own velocity: nothing of one leaks into another.
    // A goal beyond the walls is taken at the wall, or the glide would push against it for ever.
    let still = !dampSpring(motion.x, clamp(glide.x, bounds.minX, bounds.maxX), GLIDE_TIME, delta, LAND_POSITION);
    still = !dampSpring(motion.z, clamp(glide.z, bounds.minZ, bounds.maxZ), GLIDE_TIME, delta, LAND_POSITION) && still;
    if (glide.yaw !== null) still = !dampSpring(motion.yaw, glide.yaw, GLIDE_TIME, delta, LAND_ANGLE) && still;
    if (glide.pitch !== null) still = !dampSpring(motion.pitch, glide.pitch, GLIDE_TIME, delta, LAND_ANGLE) && still;
    if (still) motion.glide = null;
    else moving = true;
  }

  // Walls stop the visitor.
  for (const [s, min, max] of [
    [motion.x, bounds.minX, bounds.maxX],
    [motion.z, bounds.minZ, bounds.maxZ],
  ] as const) {
    const inside = clamp(s.value, min, max);
    if (inside !== s.value) {
      s.value = inside;
      s.velocity = 0;
    }
  }

  if (frame.cutFraming) {
    Object.assign(motion.viewShift, spring(frame.wantedShift));
    Object.assign(motion.visibleHeight, spring(frame.wantedVisibleHeight));
  } else {
    if (dampSpring(motion.viewShift, frame.wantedShift, GLIDE_TIME, delta, LAND_PIXELS)) moving = true;
    if (dampSpring(motion.visibleHeight, frame.wantedVisibleHeight, GLIDE_TIME, delta, LAND_PIXELS)) moving = true;
  }
  return moving;
}
