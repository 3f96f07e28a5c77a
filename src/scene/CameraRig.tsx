/**
 * The one owner of the camera. Each frame it reads the store's discrete camera goal (via
 * `getState()`, never a React re-render) and the mutable walking/looking input, eases the camera
 * with critically damped springs, keeps it inside the walls, and publishes its pose to `livePose`.
 *
 * The canvas renders on demand: the rig asks for another frame only while something moves, so an
 * idle corridor costs no GPU time.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { easing } from 'maath';
import { useEffect, useRef } from 'react';
import * as THREE from 'three';
import { clamp } from '../layout/corridor.ts';
import { boardById, fitViewpoint, yawPitchTowards } from '../layout/queries.ts';
import { isWalking, livePose, motionInput, useExhibition } from '../store/store.ts';

const WALK_SPEED = 2.4; // m/s
const TURN_SPEED = 1.7; // rad/s
const MAX_PITCH = 1.1;
const GLIDE_TIME = 0.45; // damping smooth time, s
/** The card covers the right of a wide screen; this shifts the view so the board stays visible. */
export const CARD_SIDE_MIN_WIDTH = 900;
export const cardWidthFor = (viewportWidth: number) => Math.min(560, viewportWidth * 0.42);

interface Glide {
  position: THREE.Vector3;
  yaw: number | null;
  pitch: number | null;
}

export function CameraRig() {
  const camera = useThree((state) => state.camera) as THREE.PerspectiveCamera;
  const invalidate = useThree((state) => state.invalidate);
  const rig = useRef({
    yaw: 0,
    pitch: 0,
    goalSeq: -1,
    takeover: motionInput.takeover,
    glide: null as Glide | null,
    viewShift: 0,
  });

  useEffect(() => {
    camera.rotation.order = 'YXZ';
    // Any change of goal or card wakes the render loop; the rig then runs until things settle.
    return useExhibition.subscribe((state, previous) => {
      if (state.cameraGoal !== previous.cameraGoal || state.openPanelId !== previous.openPanelId) invalidate();
    });
  }, [camera, invalidate]);

  useFrame((frame, rawDelta) => {
    const { layout, cameraGoal, openPanelId, mode } = useExhibition.getState();
    if (!layout) return;
    const state = rig.current;
    const delta = Math.min(rawDelta, 0.1);

    if (cameraGoal && cameraGoal.seq !== state.goalSeq) {
      state.goalSeq = cameraGoal.seq;
      if (cameraGoal.kind === 'viewpoint') {
        // Boards get a viewpoint fitted to this screen's shape; other goals are used as given.
        const board = openOrFocusedBoard();
        const viewpoint =
          board && board.viewpoint === cameraGoal.viewpoint
            ? fitViewpoint(layout, board, frame.size.width / frame.size.height, camera.fov)
            : cameraGoal.viewpoint;
        const look = yawPitchTowards(viewpoint.position, viewpoint.target);
        const position = new THREE.Vector3(...viewpoint.position);
        if (cameraGoal.instant) {
          camera.position.copy(position);
          state.yaw = look.yaw;
          state.pitch = look.pitch;
          state.glide = null;
        } else {
          state.glide = { position, yaw: nearestAngle(state.yaw, look.yaw), pitch: look.pitch };
        }
      } else {
        state.glide = { position: new THREE.Vector3(cameraGoal.x, layout.eyeHeight, cameraGoal.z), yaw: null, pitch: null };
      }
    }

    // The visitor taking the controls ends any glide in progress.
    if (motionInput.takeover !== state.takeover) {
      state.takeover = motionInput.takeover;
      state.glide = null;
    }

    state.yaw += motionInput.lookYaw + (motionInput.turnLeft - motionInput.turnRight) * TURN_SPEED * delta;
    state.pitch = clamp(state.pitch + motionInput.lookPitch, -MAX_PITCH, MAX_PITCH);
    motionInput.lookYaw = 0;
    motionInput.lookPitch = 0;

    const forward = motionInput.forward - motionInput.backward;
    const strafe = motionInput.right - motionInput.left;
    if (forward !== 0 || strafe !== 0) {
      const sin = Math.sin(state.yaw);
      const cos = Math.cos(state.yaw);
      const step = (WALK_SPEED * delta) / Math.hypot(forward, strafe);
      camera.position.x += (-sin * forward + cos * strafe) * step;
      camera.position.z += (-cos * forward - sin * strafe) * step;
    }

    let moving = isWalking();
    const glide = state.glide;
    if (glide) {
      easing.damp3(camera.position, glide.position, GLIDE_TIME, delta);
      if (glide.yaw !== null) state.yaw = dampScalar(state.yaw, glide.yaw, delta);
      if (glide.pitch !== null) state.pitch = dampScalar(state.pitch, glide.pitch, delta);
      const settled =
        camera.position.distanceToSquared(glide.position) < 1e-6 &&
        (glide.yaw === null || Math.abs(state.yaw - glide.yaw) < 1e-4) &&
        (glide.pitch === null || Math.abs(state.pitch - glide.pitch) < 1e-4);
      if (settled) {
        camera.position.copy(glide.position);
        if (glide.yaw !== null) state.yaw = glide.yaw;
        if (glide.pitch !== null) state.pitch = glide.pitch;
        state.glide = null;
      } else moving = true;
    }

    // Walls stop the visitor.
    camera.position.x = clamp(camera.position.x, layout.bounds.minX, layout.bounds.maxX);
    camera.position.z = clamp(camera.position.z, layout.bounds.minZ, layout.bounds.maxZ);
    camera.position.y = layout.eyeHeight;
    camera.rotation.set(state.pitch, state.yaw, 0);

    // Keep the board in the uncovered part of a wide screen while its card is open. (The projector
    // card covers the whole screen, and the board shows centred while the camera goes to it.)
    const { width, height } = frame.size;
    const wantedShift = openPanelId && mode !== 'present' && width >= CARD_SIDE_MIN_WIDTH ? cardWidthFor(width) / 2 : 0;
    const shift = dampScalar(state.viewShift, wantedShift, delta);
    state.viewShift = Math.abs(shift - wantedShift) < 0.5 ? wantedShift : shift;
    if (state.viewShift !== wantedShift) moving = true;
    if (state.viewShift === 0) {
      if (camera.view?.enabled) camera.clearViewOffset();
    } else {
      camera.setViewOffset(width, height, state.viewShift, 0, width, height);
    }

    livePose.position[0] = camera.position.x;
    livePose.position[1] = camera.position.y;
    livePose.position[2] = camera.position.z;
    livePose.yaw = state.yaw;
    livePose.pitch = state.pitch;
    livePose.moving = moving;

    if (moving) invalidate();
  });

  return null;
}

function openOrFocusedBoard() {
  const { layout, openPanelId, focusPanelId } = useExhibition.getState();
  const id = openPanelId ?? focusPanelId;
  return layout && id ? boardById(layout, id) : undefined;
}

/** The target angle expressed next to `from`, so the camera turns the short way round. */
function nearestAngle(from: number, to: number): number {
  const turn = THREE.MathUtils.euclideanModulo(to - from + Math.PI, Math.PI * 2) - Math.PI;
  return from + turn;
}

/** Critically damped approach of a scalar, frame-rate independent (same law as maath's damp). */
const scalarHolder = { value: 0 };
function dampScalar(current: number, target: number, delta: number): number {
  scalarHolder.value = current;
  easing.damp(scalarHolder, 'value', target, GLIDE_TIME, delta);
  return scalarHolder.value;
}
