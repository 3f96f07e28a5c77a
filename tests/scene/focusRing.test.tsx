// @vitest-environment jsdom
/**
 * The keyboard focus ring in the scene (FocusRing.tsx), in @react-three/test-renderer: drawn
 * around the board whose proxy has the focus, in front of it and facing the corridor; moved to
 * the next board as the focus moves; gone, with its geometry released, when the focus leaves.
 * (No drei <Text> here: the ring is rendered on its own, inside the scene's shared resources.)
 */
import ReactThreeTestRenderer, { type ReactThreeTest } from '@react-three/test-renderer';
import * as THREE from 'three';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import { FocusRing } from '../../src/scene/FocusRing.tsx';
import { SceneResourcesProvider } from '../../src/scene/SceneResources.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { testExhibition, testSection } from '../support/exhibition.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const exhibition: Exhibition = testExhibition([testSection('a', 3, { title: '甲' })]);
const layout = layoutCorridor(exhibition);

let renderer: ReactThreeTest.Renderer | null = null;
afterEach(async () => {
  await renderer?.unmount();
  renderer = null;
  useExhibition.setState({ keyboardFocusPanelId: null });
});

const rings = () =>
  (renderer?.scene.findAll((node) => node.instance.name.startsWith('focus-ring:')) ?? []).map(
    (node) => node.instance as THREE.Mesh,
  );

async function focus(panelId: string | null) {
  await ReactThreeTestRenderer.act(async () => {
    useExhibition.getState().setKeyboardFocus(panelId);
  });
}

describe('the focus ring', () => {
  it('rings the focused board, follows the focus and goes when it leaves', async () => {
    renderer = await ReactThreeTestRenderer.create(
      <SceneResourcesProvider corridorLength={layout.length} corridorWidth={layout.width}>
        <FocusRing layout={layout} />
      </SceneResourcesProvider>,
    );
    expect(rings()).toEqual([]);

    await focus('a2');
    const [ring] = rings();
    const board = layout.boards[1];
    if (!ring || !board) throw new Error('no ring drawn');
    expect(ring.name).toBe('focus-ring:a2');
    // Just in front of the board's face (towards the corridor), turned like the board.
    const normalX = board.wall === 'left' ? 1 : -1;
    expect((ring.position.x - board.position[0]) * normalX).toBeGreaterThan(0.02);
    expect(ring.position.y).toBeCloseTo(board.position[1], 9);
    expect(ring.position.z).toBeCloseTo(board.position[2], 9);
    expect(ring.rotation.y).toBeCloseTo(board.rotationY, 9);
    // Around the frame, not over the board: its hole is wider than the board and its frame.
    ring.geometry.computeBoundingBox();
    const size = ring.geometry.boundingBox?.getSize(new THREE.Vector3());
    expect(size?.x).toBeGreaterThan(board.width + 0.09);
    expect(size?.y).toBeGreaterThan(board.height + 0.09);
    // It must never take a click meant for the board.
    const hits: THREE.Intersection[] = [];
    ring.raycast(new THREE.Raycaster(), hits);
    expect(hits).toEqual([]);

    const geometry = ring.geometry;
    const dispose = vi.spyOn(geometry, 'dispose');
    await focus('a3');
    expect(rings().map((mesh) => mesh.name)).toEqual(['focus-ring:a3']);
    // The boards are all one size: the same ring geometry moves along.
    expect(rings()[0]?.geometry).toBe(geometry);

    await focus(null);
    expect(rings()).toEqual([]);
    expect(dispose).toHaveBeenCalled();
  });
});
