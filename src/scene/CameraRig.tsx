/**
 * The one owner of the camera. Each frame it reads the store's discrete camera goal (via
 * `getState()`, never a React re-render) and the mutable walking/looking input, eases the camera
 * with critically damped springs (cameraMotion.ts: each quantity with its own velocity), keeps it
 * inside the walls, and publishes its pose to `livePose`. Once it comes to rest at a goal it says
 * so, once, in the store's `cameraSettled` (the goal's seq and the board it framed): the one
 * "the camera arrived" that the kiosk's attract tour and the projector wait on.
 *
 * The canvas renders on demand: the rig asks for another frame only while something moves, so an
 * idle corridor costs no GPU time.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type * as THREE from 'three';
import { cardRegion } from '../layout/cardRegion.ts';
import { boardById, fitViewpoint, yawPitchTowards } from '../layout/queries.ts';
import { isWalking, livePose, motionInput, notifyLivePose } from '../store/live.ts';
import { useExhibition } from '../store/store.ts';
import { createCameraMotion, cutTo, glideTo, spring, stepCameraMotion, takeOver } from './cameraMotion.ts';

export function CameraRig() {
  const camera = useThree((state) => state.camera) as THREE.PerspectiveCamera;
  const invalidate = useThree((state) => state.invalidate);
  const rig = useRef({
    goalSeq: -1,
    /** The board the current goal frames (null: a goal that is no board's viewpoint). */
    goalPanelId: null as string | null,
    /** The goal whose arrival has been told (or that the visitor took over from): told no more. */
    settledSeq: -1,
    takeover: motionInput.takeover,
    // The pose and the card's framing, each quantity damped on its own (see cameraMotion.ts).
    motion: createCameraMotion({ x: camera.position.x, z: camera.position.z, yaw: 0, pitch: 0 }, 0),
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

  useFrame((frame, delta) => {
    const { layout, cameraGoal, openPanelId, capabilities, reducedMotion } = useExhibition.getState();
    if (!layout) return;
    const state = rig.current;
    const { motion } = state;
    // A visitor who asked for reduced motion gets cuts, never glides (projector mode has its own
    // setting, M, which starts from the same preference; the kiosk's attract tour always glides).
    const cut = reducedMotion && capabilities.cameraTransitions === 'cutWhenReducedMotion';
    const { width, height } = frame.size;
    // The card covers part of the screen (a phone's bottom sheet, the side of a wider one): the
    // board is framed in the part left uncovered. The projector card covers everything.
    const region = cardRegion(width, height, { kiosk: capabilities.cardRoom === 'kiosk' });
    const cardOpen = openPanelId !== null && capabilities.cardRoom !== 'none';

    const framedHeight = cardOpen && region.kind === 'sheet' ? region.visibleHeight : height;
    // A board is framed again when the view it was fitted to changes shape: fitted to the strip
    // above a phone's bottom sheet, it would stay cropped on the full screen once the card closes
    // (or the phone is turned round). Not once the visitor has moved on, and not in projector
    // mode, whose stops and their motion are the presenter's (src/modes/present/presentSession.ts).
    const aspect = width / framedHeight;
    const refit =
      capabilities.cardRoom !== 'none' &&
      framedHeight > 0 &&
      state.fittedAspect !== 0 &&
      Math.abs(aspect / state.fittedAspect - 1) > 1e-3;
    if (cameraGoal && (cameraGoal.seq !== state.goalSeq || refit)) {
      state.goalSeq = cameraGoal.seq;
      state.fittedAspect = 0;
      if (cameraGoal.kind === 'viewpoint') {
        // Boards get a viewpoint fitted to this screen's shape; other goals are used as given.
        const board = openOrFocusedBoard();
        const fitted = board !== undefined && board.viewpoint === cameraGoal.viewpoint;
        state.goalPanelId = fitted ? board.panelId : null;
        const viewpoint = fitted ? fitViewpoint(layout, board, aspect, camera.fov) : cameraGoal.viewpoint;
        if (fitted) state.fittedAspect = aspect;
        const look = yawPitchTowards(viewpoint.position, viewpoint.target);
        const [x, , z] = viewpoint.position;
        if ((cameraGoal.instant && !refit) || cut) cutTo(motion, { x, z, yaw: look.yaw, pitch: look.pitch });
        else glideTo(motion, { x, z, yaw: look.yaw, pitch: look.pitch });
      } else if (cut) {
        state.goalPanelId = null;
        cutTo(motion, { x: cameraGoal.x, z: cameraGoal.z });
      } else {
        state.goalPanelId = null;
        glideTo(motion, { x: cameraGoal.x, z: cameraGoal.z, yaw: null, pitch: null });
      }
    }

    // The visitor taking the controls ends any glide in progress.
    if (motionInput.takeover !== state.takeover) {
      state.takeover = motionInput.takeover;
      takeOver(motion);
      state.fittedAspect = 0;
      // The goal is given up for the visitor's own steps: it will not be reached, nor told.
      state.settledSeq = state.goalSeq;
    }

    // Keep the board in the uncovered part of the screen while its card is open: beside a side
    // card the view shifts left; above a bottom sheet the view is framed in the strip left at the
    // top (a view offset whose full frame is that strip, so nothing is stretched).
    const wantedShift = cardOpen && region.kind === 'side' ? region.cardWidth / 2 : 0;
    const wantedVisible = cardOpen && region.kind === 'sheet' ? region.visibleHeight : height;
    // A new screen size (a phone turned round) takes the new framing at once.
    if (state.screenHeight !== height) {
      state.screenHeight = height;
      Object.assign(motion.visibleHeight, spring(wantedVisible));
    }

    let moving = stepCameraMotion(motion, {
      delta,
      forward: motionInput.forward - motionInput.backward,
      strafe: motionInput.right - motionInput.left,
      turn: motionInput.turnLeft - motionInput.turnRight,
      lookYaw: motionInput.lookYaw,
      lookPitch: motionInput.lookPitch,
      bounds: layout.bounds,
      walkBounds: layout.walkBounds,
      wantedShift,
      wantedVisibleHeight: wantedVisible,
      cutFraming: cut,
    });
    motionInput.lookYaw = 0;
    motionInput.lookPitch = 0;
    if (isWalking()) moving = true;

    camera.position.set(motion.x.value, layout.eyeHeight, motion.z.value);
    camera.rotation.set(motion.pitch.value, motion.yaw.value, 0);
    const viewShift = motion.viewShift.value;
    const visibleHeight = motion.visibleHeight.value;
    if (viewShift === 0 && visibleHeight === height) {
      if (camera.view?.enabled) camera.clearViewOffset();
      if (camera.aspect !== width / height) {
        camera.aspect = width / height;
        camera.updateProjectionMatrix();
      }
    } else {
      camera.aspect = width / visibleHeight;
      camera.setViewOffset(width, visibleHeight, viewShift, 0, width, height);
    }

    livePose.position[0] = camera.position.x;
    livePose.position[1] = camera.position.y;
    livePose.position[2] = camera.position.z;
    livePose.yaw = motion.yaw.value;
    livePose.pitch = motion.pitch.value;
    livePose.moving = moving;
    notifyLivePose();

    // Come to rest at the goal: say so once (a store update per arrival, never per frame).
    if (!moving && state.goalSeq >= 0 && state.settledSeq !== state.goalSeq) {
      state.settledSeq = state.goalSeq;
      useExhibition.getState().cameraSettledAt(state.goalSeq, state.goalPanelId);
    }

    if (moving) invalidate();
  });

  return null;
}

function openOrFocusedBoard() {
  const { layout, openPanelId, focusPanelId } = useExhibition.getState();
  const id = openPanelId ?? focusPanelId;
  return layout && id ? boardById(layout, id) : undefined;
}
