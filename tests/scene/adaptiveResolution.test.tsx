// @vitest-environment jsdom
/**
 * The walk's adaptive resolution in the scene (AdaptiveResolution.tsx beside the real CameraRig,
 * in @react-three/test-renderer, on the shipped corridor): with the frame times of a CPU
 * rasteriser the walk draws fewer pixels, never under the legible floor; the frame in which the
 * camera comes to rest is drawn at the full ratio and asks for no frame after it; with a fast
 * device's frame times the ratio never leaves the full one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RootState, useThree } from '@react-three/fiber';
import ReactThreeTestRenderer, { type ReactThreeTest } from '@react-three/test-renderer';
import { Vector4 } from 'three';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadExhibition } from '../../src/content/load.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { type CorridorLayout, EYE_FOV_DEGREES, layoutCorridor } from '../../src/layout/corridor.ts';
import { AdaptiveResolution } from '../../src/scene/AdaptiveResolution.tsx';
import { CameraRig } from '../../src/scene/CameraRig.tsx';
import { drawnPixelRatio, stretchFilter } from '../../src/scene/reducedResolutionRender.ts';
import { leastWalkPixelRatio } from '../../src/scene/walkResolution.ts';
import { livePose, motionInput, releaseMotion } from '../../src/store/live.ts';
import { useExhibition } from '../../src/store/store.ts';
import { modeOptions } from '../support/modes.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SIZE = { width: 1280, height: 720 };

let exhibition: Exhibition;
let layout: CorridorLayout;
let renderer: ReactThreeTest.Renderer | null = null;
let root: RootState | null = null;
/** The clock the component reads (performance.now()), advanced by each simulated frame. */
let now = 0;

beforeAll(async () => {
  const result = await loadExhibition((name) => readFile(join(import.meta.dirname, '../../assets/content', name), 'utf8'));
  if (!result.exhibition) throw new Error('the shipped content did not load');
  exhibition = result.exhibition;
  layout = layoutCorridor(exhibition);
});

afterEach(async () => {
  releaseMotion();
  await renderer?.unmount();
  renderer = null;
  root = null;
  vi.restoreAllMocks();
});

function CaptureRoot() {
  root = useThree();
  return null;
}

async function sceneAtEntrance() {
  useExhibition.setState({ ...modeOptions('visitor'), reducedMotion: false, openPanelId: null, focusPanelId: null });
  useExhibition.getState().contentLoaded(exhibition, []);
  now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  renderer = await ReactThreeTestRenderer.create(
    <>
      <CameraRig />
      <AdaptiveResolution />
      <CaptureRoot />
    </>,
    { ...SIZE, dpr: 1, camera: { fov: EYE_FOV_DEGREES, position: layout.start.position as [number, number, number] } },
  );
  await frame(16);
  expect(livePose.moving).toBe(false);
}

/** One frame that took `ms`; returns the ratio it was drawn at (nothing changes it after the rig's frame). */
async function frame(ms: number): Promise<number> {
  now += ms;
  await renderer?.advanceFrames(1, ms / 1000);
  return root ? drawnPixelRatio(root.gl) : Number.NaN;
}

describe('adaptive resolution while walking', () => {
  it('draws a slow walk at fewer pixels, never under the floor, and the rest frame at full', async () => {
    await sceneAtEntrance();
    const least = leastWalkPixelRatio(1, SIZE.width, SIZE.height);
    motionInput.forward = 1;
    const walking: number[] = [];
    // SwiftShader at 1280×720: 280 ms a frame, a little more than a second of frames.
    for (let index = 0; index < 6; index++) walking.push(await frame(280));
    expect(livePose.moving).toBe(true);
    expect(Math.min(...walking)).toBeLessThan(1);
    expect(Math.min(...walking)).toBeGreaterThanOrEqual(least);
    // The visitor lets go: frames go on while the walk eases to a stop, then the rest frame.
    motionInput.forward = 0;
    let restRatio = Number.NaN;
    for (let index = 0; index < 200 && Number.isNaN(restRatio); index++) {
      const ratio = await frame(280);
      if (!livePose.moving) restRatio = ratio;
      else expect(ratio).toBeLessThan(1);
    }
    expect(restRatio).toBe(1);
    // Nothing more is asked for: the canvas stays idle after the one full frame.
    expect(root?.get().internal.frames).toBe(0);
    // R3F's own ratio was the full one all along.
    expect(root?.get().viewport.dpr).toBe(1);
  });

  it('keeps the full ratio all along a walk on a fast device', async () => {
    await sceneAtEntrance();
    motionInput.forward = 1;
    const ratios: number[] = [];
    for (let index = 0; index < 60; index++) ratios.push(await frame(16.7));
    motionInput.forward = 0;
    for (let index = 0; index < 200 && livePose.moving; index++) ratios.push(await frame(16.7));
    expect(new Set(ratios)).toEqual(new Set([1]));
  });

  it('starts the next walk at the ratio learned, and is full again at every stop', async () => {
    await sceneAtEntrance();
    motionInput.forward = 1;
    for (let index = 0; index < 8; index++) await frame(280);
    const learned = root ? drawnPixelRatio(root.gl) : 1;
    expect(learned).toBeLessThan(1);
    motionInput.forward = 0;
    for (let index = 0; index < 200 && livePose.moving; index++) await frame(280);
    expect(root ? drawnPixelRatio(root.gl) : Number.NaN).toBe(1);
    // A while later, another walk: its first frame is already at the learned ratio.
    now += 10_000;
    motionInput.forward = 1;
    expect(await frame(280)).toBe(learned);
  });

  it('never resizes the canvas: a walking frame is drawn into a corner and stretched over the canvas', async () => {
    await sceneAtEntrance();
    const gl = root?.gl;
    if (!gl) throw new Error('no renderer');
    const resized = vi.spyOn(gl, 'setPixelRatio');
    const sized = vi.spyOn(gl, 'setSize');
    const viewports: number[][] = [];
    vi.spyOn(gl, 'setViewport').mockImplementation(function (this: typeof gl, x, y, width, height) {
      viewports.push([x as number, y as number, width as number, height as number]);
    });
    const copied = vi.spyOn(gl, 'copyFramebufferToTexture');
    // The corner's scene is drawn (and cleared) inside a scissor of the corner, not the whole canvas.
    const scissored: Array<{ box: number[]; test: boolean }> = [];
    const render = gl.render.bind(gl);
    vi.spyOn(gl, 'render').mockImplementation((scene, camera) => {
      const box = new Vector4();
      gl.getScissor(box);
      scissored.push({ box: [box.x, box.y, box.z, box.w], test: gl.getScissorTest() });
      render(scene, camera);
    });
    motionInput.forward = 1;
    let ratio = 1;
    for (let index = 0; index < 8 && ratio === 1; index++) ratio = await frame(280);
    expect(ratio).toBeLessThan(1);
    // The reduced frame: the scene into the lower left corner at the ratio, copied, then the whole canvas.
    const corner = [0, 0, Math.round(SIZE.width * ratio), Math.round(SIZE.height * ratio)];
    expect(viewports.slice(-2)).toEqual([corner, [0, 0, SIZE.width, SIZE.height]]);
    expect(copied).toHaveBeenCalled();
    const texture = copied.mock.calls.at(-1)?.[0] as { image: { width: number; height: number }; magFilter: number } | undefined;
    expect([texture?.image.width, texture?.image.height]).toEqual(corner.slice(2));
    // Stretched by repeating pixels where the canvas is a whole multiple of the corner, else blended.
    expect(texture?.magFilter).toBe(stretchFilter(SIZE.width, SIZE.height, { width: corner[2] ?? 0, height: corner[3] ?? 0 }));
    // The last two renders: the scene in the scissored corner, then the quad with no scissor.
    expect(scissored.slice(-2)).toEqual([
      { box: corner, test: true },
      { box: expect.any(Array), test: false },
    ]);
    motionInput.forward = 0;
    for (let index = 0; index < 200 && livePose.moving; index++) await frame(280);
    expect(drawnPixelRatio(gl)).toBe(1);
    expect(resized).not.toHaveBeenCalled();
    expect(sized).not.toHaveBeenCalled();
    expect(gl.getPixelRatio()).toBe(1);
  });
});
