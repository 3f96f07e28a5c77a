// @vitest-environment jsdom
/**
 * The camera rig frames a board for the part of the screen its card leaves free; on a phone the
 * card is a bottom sheet and the board is framed in the strip above it. When the card closes the
 * board is framed again for the whole screen (else it stays cropped at both sides), unless the
 * visitor has taken the controls since; a desktop's side card changes nothing.
 */
import { useThree } from '@react-three/fiber';
import ReactThreeTestRenderer, { type ReactThreeTest } from '@react-three/test-renderer';
import type * as THREE from 'three';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import { cardRegion } from '../../src/layout/cardRegion.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import { fitViewpoint } from '../../src/layout/queries.ts';
import { CameraRig } from '../../src/scene/CameraRig.tsx';
import { motionInput } from '../../src/store/live.ts';
import { useExhibition } from '../../src/store/store.ts';
import { testExhibition, testSection } from '../support/exhibition.ts';
import { modeOptions } from '../support/modes.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const exhibition: Exhibition = testExhibition([testSection('a', 3, { title: '甲' })]);
const layout = layoutCorridor(exhibition);
const board = layout.boards[1];
if (!board) throw new Error('no board');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

let renderer: ReactThreeTest.Renderer | null = null;
let camera: THREE.PerspectiveCamera;

/** Hands the test the camera the rig drives (the scene's default one). */
function CameraProbe() {
  camera = useThree((state) => state.camera) as THREE.PerspectiveCamera;
  return null;
}

async function mount(size: { width: number; height: number }) {
  renderer = await ReactThreeTestRenderer.create(
    <>
      <CameraRig />
      <CameraProbe />
    </>,
    size,
  );
  await frames(2);
}

const frames = (count: number, delta = 1 / 60) => renderer?.advanceFrames(count, delta) ?? Promise.resolve();

const act = (change: () => void) => ReactThreeTestRenderer.act(async () => change());

/** Where the rig stands to frame the board for a view of this aspect. */
const fittedX = (aspect: number) => fitViewpoint(layout, board, aspect, camera.fov).position[0];

beforeEach(() => {
  useExhibition.setState({ ...modeOptions('visitor'), reducedMotion: true, openPanelId: null, focusPanelId: null });
  useExhibition.getState().contentLoaded(exhibition, []);
});

afterEach(async () => {
  await renderer?.unmount();
  renderer = null;
});

describe('framing a board as its card opens and closes', () => {
  it('on a phone: above the sheet while the card is open, on the whole screen again once it closes', async () => {
    await mount(PHONE);
    const region = cardRegion(PHONE.width, PHONE.height);
    if (region.kind !== 'sheet') throw new Error('a phone in portrait has a bottom sheet');
    await act(() => useExhibition.getState().openPanel(board.panelId, true));
    await frames(2);
    const overSheet = fittedX(PHONE.width / region.visibleHeight);
    const fullScreen = fittedX(PHONE.width / PHONE.height);
    // The two framings differ: the full screen is narrower, so the camera stands further back.
    expect(Math.abs(fullScreen - overSheet)).toBeGreaterThan(0.5);
    expect(camera.position.x).toBeCloseTo(overSheet, 6);

    await act(() => useExhibition.getState().closePanel());
    await frames(2);
    expect(camera.position.x).toBeCloseTo(fullScreen, 6);
    expect(camera.position.z).toBeCloseTo(board.viewpoint.position[2], 6);
  });

  it('glides back there when motion is allowed, without overshooting', async () => {
    useExhibition.setState({ reducedMotion: false });
    await mount(PHONE);
    await act(() => useExhibition.getState().openPanel(board.panelId, true));
    await frames(2);
    const start = camera.position.x;
    const end = fittedX(PHONE.width / PHONE.height);
    await act(() => useExhibition.getState().closePanel());
    const path: number[] = [];
    for (let frame = 0; frame < 240; frame++) {
      await frames(1);
      path.push(camera.position.x);
    }
    expect(path.at(-1)).toBeCloseTo(end, 3);
    // Every step goes the same way, from where the card left it to the whole-screen framing.
    const direction = Math.sign(end - start);
    for (let step = 1; step < path.length; step++) {
      expect(((path[step] ?? 0) - (path[step - 1] ?? 0)) * direction).toBeGreaterThanOrEqual(-1e-9);
    }
  });

  it('leaves the visitor where they are once they have taken the controls', async () => {
    await mount(PHONE);
    await act(() => useExhibition.getState().openPanel(board.panelId, true));
    await frames(2);
    const standing = camera.position.x;
    motionInput.takeover++;
    await frames(1);
    await act(() => useExhibition.getState().closePanel());
    await frames(2);
    expect(camera.position.x).toBeCloseTo(standing, 6);
  });

  it('changes nothing on a desktop, where the card stands at the side', async () => {
    await mount(DESKTOP);
    await act(() => useExhibition.getState().openPanel(board.panelId, true));
    await frames(2);
    const standing = camera.position.x;
    await act(() => useExhibition.getState().closePanel());
    await frames(2);
    expect(camera.position.x).toBeCloseTo(standing, 6);
  });
});
