/** The camera slice: the goal the rig moves towards, and the signal that it has come to rest there. */
import type { StateCreator } from 'zustand';
import type { Viewpoint } from '../../layout/corridor.ts';
import type { CameraGoal, CameraSlice, ExhibitionState } from '../types.ts';

let goalSeq = 0;

/** A new seq for each goal, so asking twice for the same place still moves the rig. */
export const nextGoalSeq = (): number => ++goalSeq;

export const viewpointGoal = (viewpoint: Viewpoint, instant = false): CameraGoal => ({
  kind: 'viewpoint',
  viewpoint,
  instant,
  seq: nextGoalSeq(),
});

export const createCameraSlice: StateCreator<ExhibitionState, [], [], CameraSlice> = (set, get) => ({
  cameraGoal: null,
  cameraSettled: null,
  reducedMotion: false,

  setReducedMotion(reduced) {
    if (get().reducedMotion !== reduced) set({ reducedMotion: reduced });
  },

  cameraSettledAt(seq, panelId) {
    const current = get().cameraSettled;
    if (current?.seq !== seq || current.panelId !== panelId) set({ cameraSettled: { seq, panelId } });
  },
});
