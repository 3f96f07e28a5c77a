/**
 * The per-frame channels: continuous things (the camera's pose each frame, keys held down, drag
 * deltas) are NOT store state. They live in these plain mutable objects, written by the input
 * layer and the camera rig and read in `useFrame`, so nothing re-renders per frame.
 */

/** The camera's pose as of the last rendered frame, written by the camera rig. */
export const livePose: { position: [number, number, number]; yaw: number; pitch: number; moving: boolean } = {
  position: [0, 1.6, 0],
  yaw: 0,
  pitch: 0,
  /** True while the camera glides or walks and the rig keeps asking for frames. */
  moving: false,
};

const livePoseListeners = new Set<() => void>();

/**
 * Hears of every frame's pose (the floor plan's marker). Called by the camera rig after it
 * publishes `livePose`, so only while frames are drawn; a listener must not set store state.
 * Returns the unsubscribe.
 */
export function onLivePose(listener: () => void): () => void {
  livePoseListeners.add(listener);
  return () => livePoseListeners.delete(listener);
}

export function notifyLivePose(): void {
  for (const listener of livePoseListeners) listener();
}

/** Held walking keys and pending drag-look deltas, written by input handlers, read per frame. */
export const motionInput = {
  forward: 0,
  backward: 0,
  left: 0,
  right: 0,
  turnLeft: 0,
  turnRight: 0,
  /** Radians to add to yaw/pitch, accumulated from drags since the last frame. */
  lookYaw: 0,
  lookPitch: 0,
  /** Bumped whenever the visitor takes the controls, so a running camera glide yields to them. */
  takeover: 0,
};

export function isWalking(): boolean {
  return (
    motionInput.forward +
      motionInput.backward +
      motionInput.left +
      motionInput.right +
      motionInput.turnLeft +
      motionInput.turnRight >
    0
  );
}

/**
 * Lets go of everything held and drops pending look deltas: the window lost the focus (keys
 * released elsewhere never arrive), or the kiosk reset for the next visitor. `takeover` is kept:
 * it only ever counts up.
 */
export function releaseMotion(): void {
  motionInput.forward = 0;
  motionInput.backward = 0;
  motionInput.left = 0;
  motionInput.right = 0;
  motionInput.turnLeft = 0;
  motionInput.turnRight = 0;
  motionInput.lookYaw = 0;
  motionInput.lookPitch = 0;
}

let frameRequester: (() => void) | null = null;

/**
 * Asks the scene for a frame (it draws on demand): input that moves the camera calls this. The
 * scene lends its renderer's `invalidate` while it is mounted; until then (and on a page with no
 * 3D view, a phone following a lesson) nothing needs drawing, and the 3D code need not load for it.
 */
export function requestFrame(): void {
  frameRequester?.();
}

/** The scene lends its `invalidate` (and takes it back with `null` as it unmounts). */
export function setFrameRequester(requester: (() => void) | null): void {
  frameRequester = requester;
}
