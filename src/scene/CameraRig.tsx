/**
 * The one owner of the camera. Each frame it reads the store's discrete camera goal (via
 * `getState()`, never a React re-render) and the mutable walking/looking input, eases the camera
 * with critically damped springs, keeps it inside the walls, and publishes its pose to `livePose`.
 *
 * The canvas renders on demand: the rig asks for another frame only while something moves, so an
 * idle corridor costs no GPU time.
 */
import { useFrame, useThree } from '@react-three/fiber';
import * as easing from 'maath/easing';
import { useEffect, useRef } from 'react';
import * as THREE from 'three';
import { cardRegion } from '../layout/cardRegion.ts';
import { clamp } from '../layout/corridor.ts';
import { boardById, fitViewpoint, yawPitchTowards } from '../layout/queries.ts';
import { isWalking, livePose, motionInput, notifyLivePose, useExhibition } from '../store/store.ts';

const WALK_SPEED = 2.4; // m/s
const TURN_SPEED = 1.7; // rad/s
const MAX_PITCH = 1.1;
const GLIDE_TIME = 0.45; // damping smooth time, s

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
    /** CSS pixels of view above a phone's bottom sheet (the full height without one). */
    visibleHeight: 0,
    screenHeight: 0,
    /** The view's aspect the current board goal was fitted to; 0: no board goal, or the visitor moved since. */
    fittedAspect: 0,
  });

  useEffect(() => {
    camera.rotation.order = 'YXZ';
    // Any change of goal or card wakes the render loop; the rig then runs until things settle.
    return useExhibition.subscribe((state, previous) => {
      if (state.cameraGoal !== previous.cameraGoal || state.openPanelId !== previous.openPanelId) invalidate();
    });
  }, [camera, invalidate]);

  useFrame((frame, rawDelta) => {
    const { layout, cameraGoal, openPanelId, mode, reducedMotion } = useExhibition.getState();
    if (!layout) return;
    const state = rig.current;
    const delta = Math.min(rawDelta, 0.1);
    // A visitor who asked for reduced motion gets cuts, never glides (projector mode has its own
    // setting, M, which starts from the same preference; the kiosk's attract tour always glides).
    const cut = reducedMotion && mode === 'visitor';
    const { width, height } = frame.size;
    // The card covers part of the screen (a phone's bottom sheet, the side of a wider one): the
    // board is framed in the part left uncovered. The projector card covers everything.
    const region = cardRegion(width, height);
    const cardOpen = openPanelId !== null && mode !== 'present';

    const framedHeight = cardOpen && region.kind === 'sheet' ? region.visibleHeight : height;
    // A board is framed again when the view it was fitted to changes shape: fitted to the strip
    // above a phone's bottom sheet, it would stay cropped on the full screen once the card closes
    // (or the phone is turned round). Not once the visitor has moved on, and not in projector
    // mode, whose stops and their motion are the presenter's (src/modes/presentSession.ts).
    const aspect = width / framedHeight;
    const refit =
      mode !== 'present' && framedHeight > 0 && state.fittedAspect !== 0 && Math.abs(aspect / state.fittedAspect - 1) > 1e-3;
    if (cameraGoal && (cameraGoal.seq !== state.goalSeq || refit)) {
      state.goalSeq = cameraGoal.seq;
      state.fittedAspect = 0;
      if (cameraGoal.kind === 'viewpoint') {
        // Boards get a viewpoint fitted to this screen's shape; other goals are used as given.
        const board = openOrFocusedBoard();
        const fitted = board !== undefined && board.viewpoint === cameraGoal.viewpoint;
        const viewpoint = fitted ? fitViewpoint(layout, board, aspect, camera.fov) : cameraGoal.viewpoint;
        if (fitted) state.fittedAspect = aspect;
        const look = yawPitchTowards(viewpoint.position, viewpoint.target);
        const position = new THREE.Vector3(...viewpoint.position);
        if ((cameraGoal.instant && !refit) || cut) {
          camera.position.copy(position);
          state.yaw = look.yaw;
          state.pitch = look.pitch;
          state.glide = null;
        } else {
          state.glide = { position, yaw: nearestAngle(state.yaw, look.yaw), pitch: look.pitch };
        }
      } else if (cut) {
        camera.position.set(cameraGoal.x, layout.eyeHeight, cameraGoal.z);
        state.glide = null;
      } else {
        state.glide = { position: new THREE.Vector3(cameraGoal.x, layout.eyeHeight, cameraGoal.z), yaw: null, pitch: null };
      }
    }

    // The visitor taking the controls ends any glide in progress.
    if (motionInput.takeover !== state.takeover) {
      state.takeover = motionInput.takeover;
      state.glide = null;
      state.fittedAspect = 0;
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

    // Keep the board in the uncovered part of the screen while its card is open: beside a side
    // card the view shifts left; above a bottom sheet the view is framed in the strip left at the
    // top (a view offset whose full frame is that strip, so nothing is stretched).
    const wantedShift = cardOpen && region.kind === 'side' ? region.cardWidth / 2 : 0;
    const wantedVisible = cardOpen && region.kind === 'sheet' ? region.visibleHeight : height;
    // A new screen size (a phone turned round) takes the new framing at once.
    if (state.screenHeight !== height) {
      state.screenHeight = height;
      state.visibleHeight = wantedVisible;
    }
    state.viewShift = cut ? wantedShift : settleScalar(state.viewShift, wantedShift, delta);
    state.visibleHeight = cut ? wantedVisible : settleScalar(state.visibleHeight, wantedVisible, delta);
    if (state.viewShift !== wantedShift || state.visibleHeight !== wantedVisible) moving = true;
    if (state.viewShift === 0 && state.visibleHeight === height) {
      if (camera.view?.enabled) camera.clearViewOffset();
      if (camera.aspect !== width / height) {
        camera.aspect = width / height;
        camera.updateProjectionMatrix();
      }
    } else {
      camera.aspect = width / state.visibleHeight;
      camera.setViewOffset(width, state.visibleHeight, state.viewShift, 0, width, height);
    }

    livePose.position[0] = camera.position.x;
    livePose.position[1] = camera.position.y;
    livePose.position[2] = camera.position.z;
    livePose.yaw = state.yaw;
    livePose.pitch = state.pitch;
    livePose.moving = moving;
    notifyLivePose();

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

/** Damps towards the target, landing on it once within half a pixel. */
function settleScalar(current: number, target: number, delta: number): number {
  const next = dampScalar(current, target, delta);
  return Math.abs(next - target) < 0.5 ? target : next;
}

/** Critically damped approach of a scalar, frame-rate independent (same law as maath's damp). */
const scalarHolder = { value: 0 };
function dampScalar(current: number, target: number, delta: number): number {
  scalarHolder.value = current;
  easing.damp(scalarHolder, 'value', target, GLIDE_TIME, delta);
  return scalarHolder.value;
}
