// @vitest-environment jsdom
/**
 * The camera rig itself (CameraRig.tsx) in @react-three/test-renderer, on the shipped corridor:
 * a board opened from the entrance — as a click, a search result and a kiosk tap all do, through
 * the store's openPanel — is reached turning the short way round, at 60 fps and with the long
 * frames of CPU WebGL; the projector's glide and the reduced-motion cut arrive too. The yaw is
 * sampled at every frame (livePose, which the rig publishes).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useThree } from '@react-three/fiber';
import ReactThreeTestRenderer, { type ReactThreeTest } from '@react-three/test-renderer';
import type * as THREE from 'three';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadExhibition } from '../../src/content/load.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { cardRegion } from '../../src/layout/cardRegion.ts';
import { type CorridorLayout, EYE_FOV_DEGREES, layoutCorridor } from '../../src/layout/corridor.ts';
import { boardById, fitViewpoint, yawPitchTowards } from '../../src/layout/queries.ts';
import { CameraRig } from '../../src/scene/CameraRig.tsx';
import { livePose } from '../../src/store/live.ts';
import { useExhibition } from '../../src/store/store.ts';
import { modeOptions } from '../support/modes.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SIZE = { width: 1280, height: 720 };
const FOV = EYE_FOV_DEGREES;

let exhibition: Exhibition;
let layout: CorridorLayout;
let renderer: ReactThreeTest.Renderer | null = null;

beforeAll(async () => {
  const result = await loadExhibition((name) => readFile(join(import.meta.dirname, '../../assets/content', name), 'utf8'));
  if (!result.exhibition) throw new Error('the shipped content did not load');
  exhibition = result.exhibition;
  layout = layoutCorridor(exhibition);
});

afterEach(async () => {
  await renderer?.unmount();
  renderer = null;
  useExhibition.setState({ ...modeOptions('visitor'), reducedMotion: false, openPanelId: null, focusPanelId: null });
});

/** The rig at the entrance, the corridor loaded (which cuts the camera to the start). */
async function rigAtEntrance(mode: 'visitor' | 'present' = 'visitor', reducedMotion = false) {
  useExhibition.setState({ ...modeOptions(mode), reducedMotion });
  useExhibition.getState().contentLoaded(exhibition, []);
  renderer = await ReactThreeTestRenderer.create(
    <>
      <CameraRig />
      <CaptureCamera />
    </>,
    {
      ...SIZE,
      camera: { fov: FOV, position: layout.start.position as [number, number, number] },
    },
  );
  await renderer.advanceFrames(1, 1 / 60);
  expect(livePose.position[2]).toBeCloseTo(layout.start.position[2], 9);
  expect(livePose.moving).toBe(false);
}

/** Runs frames until the rig stops moving, returning the yaw of every frame. */
async function framesUntilStill(delta: () => number, maxFrames: number): Promise<number[]> {
  const yaws = [livePose.yaw];
  for (let i = 0; i < maxFrames; i++) {
    await renderer?.advanceFrames(1, delta());
    yaws.push(livePose.yaw);
    if (!livePose.moving) break;
  }
  return yaws;
}

const totalTurn = (yaws: number[]) => yaws.slice(1).reduce((sum, yaw, i) => sum + Math.abs(yaw - (yaws[i] ?? yaw)), 0);

function boardLook(panelId: string) {
  const board = boardById(layout, panelId);
  if (!board) throw new Error(`no board ${panelId}`);
  const viewpoint = fitViewpoint(layout, board, SIZE.width / SIZE.height, FOV);
  return { viewpoint, ...yawPitchTowards(viewpoint.position, viewpoint.target) };
}

/** The camera the rig drives, as the scene sees it. */
let rigCamera: THREE.PerspectiveCamera | null = null;
function CaptureCamera() {
  rigCamera = useThree((state) => state.camera) as THREE.PerspectiveCamera;
  return null;
}
const camera = () => {
  if (!rigCamera) throw new Error('no camera');
  return rigCamera;
};

const FRAMES = [
  { name: 'at 60 fps', delta: () => 1 / 60, maxFrames: 300 },
  {
    name: 'with 100–300 ms frames',
    delta: (() => {
      let i = 0;
      return () => [0.1, 0.3, 0.17, 0.25, 0.12, 0.21][i++ % 6] ?? 0.1;
    })(),
    maxFrames: 45,
  },
];

describe('the camera rig', () => {
  for (const frames of FRAMES) {
    it(`opens the 1921 board from the entrance turning a quarter turn and no more, ${frames.name}`, async () => {
      await rigAtEntrance();
      const startYaw = livePose.yaw;
      const look = boardLook('cpc-founding-1921');
      useExhibition.getState().openPanel('cpc-founding-1921');
      const yaws = await framesUntilStill(frames.delta, frames.maxFrames);
      const shortest = Math.abs(look.yaw - startYaw);
      expect(shortest).toBeCloseTo(Math.PI / 2, 6);
      expect(totalTurn(yaws)).toBeLessThanOrEqual(shortest + 1e-9);
      expect(livePose.moving).toBe(false);
      expect(livePose.yaw).toBeCloseTo(look.yaw, 9);
      expect(livePose.position[0]).toBeCloseTo(look.viewpoint.position[0], 9);
      expect(livePose.position[2]).toBeCloseTo(look.viewpoint.position[2], 9);
      // The board stands beside the card: the view is shifted by half the card's width.
      const region = cardRegion(SIZE.width, SIZE.height);
      expect(camera().view?.offsetX).toBeCloseTo(region.kind === 'side' ? region.cardWidth / 2 : Number.NaN, 9);
    });
  }

  it('says once, when it comes to rest, which goal it reached and the board it framed', async () => {
    await rigAtEntrance();
    // The corridor's start (a cut at load) has been reached: no board.
    const start = useExhibition.getState().cameraGoal;
    expect(useExhibition.getState().cameraSettled).toEqual({ seq: start?.seq, panelId: null });
    useExhibition.getState().openPanel('cpc-founding-1921');
    const goal = useExhibition.getState().cameraGoal;
    await renderer?.advanceFrames(3, 1 / 60);
    expect(livePose.moving).toBe(true);
    expect(useExhibition.getState().cameraSettled?.seq).toBe(start?.seq); // still on its way
    const settled: unknown[] = [];
    const stop = useExhibition.subscribe((state, previous) => {
      if (state.cameraSettled !== previous.cameraSettled) settled.push(state.cameraSettled);
    });
    await framesUntilStill(() => 1 / 60, 300);
    await renderer?.advanceFrames(5, 1 / 60);
    stop();
    expect(settled).toEqual([{ seq: goal?.seq, panelId: 'cpc-founding-1921' }]);
    // Back to the entrance: a goal that is no board's.
    useExhibition.getState().goToEntrance();
    const back = useExhibition.getState().cameraGoal;
    await framesUntilStill(() => 1 / 60, 300);
    expect(useExhibition.getState().cameraSettled).toEqual({ seq: back?.seq, panelId: null });
  });

  it('the projector glides to a stop the short way round too (no card framing there)', async () => {
    await rigAtEntrance('present');
    const look = boardLook('member-activities');
    useExhibition.getState().openPanel('member-activities');
    const yaws = await framesUntilStill(() => 1 / 60, 400);
    expect(livePose.moving).toBe(false);
    expect(totalTurn(yaws)).toBeLessThanOrEqual(Math.abs(look.yaw) + 1e-9);
    expect(livePose.position[2]).toBeCloseTo(look.viewpoint.position[2], 9);
    expect(camera().view?.enabled ?? false).toBe(false);
  });

  it('cuts when the visitor prefers reduced motion: there in one frame, nothing in between', async () => {
    await rigAtEntrance('visitor', true);
    const look = boardLook('prc-founding-1949');
    useExhibition.getState().openPanel('prc-founding-1949');
    await renderer?.advanceFrames(1, 1 / 60);
    expect(livePose.yaw).toBeCloseTo(look.yaw, 12);
    expect(livePose.position[2]).toBeCloseTo(look.viewpoint.position[2], 12);
    expect(livePose.moving).toBe(false);
  });
});
