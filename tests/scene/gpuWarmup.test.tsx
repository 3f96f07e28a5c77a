// @vitest-environment jsdom
/**
 * The start's warm-up in the scene (GpuWarmup.tsx), in @react-three/test-renderer with three's own
 * renderer: what the corridor mounts later (board texts, plain texts, photos, plates) finds its
 * program already made, so its first draw links nothing.
 */
import { type RootState, useThree } from '@react-three/fiber';
import ReactThreeTestRenderer, { type ReactThreeTest } from '@react-three/test-renderer';
import * as THREE from 'three';
import { Text } from 'troika-three-text';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import { GpuWarmup } from '../../src/scene/GpuWarmup.tsx';
import { SceneResourcesProvider, useSceneResources } from '../../src/scene/SceneResources.tsx';
import { TextBatchMesh } from '../../src/scene/TextBatch.tsx';
import { testExhibition, testSection } from '../support/exhibition.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const layout = layoutCorridor(testExhibition([testSection('a', 3, { title: '甲' })]));

let renderer: ReactThreeTest.Renderer | null = null;
afterEach(async () => {
  await renderer?.unmount();
  renderer = null;
});

let shared: ReturnType<typeof useSceneResources> | null = null;
let root: RootState | null = null;
function KeepResources() {
  shared = useSceneResources();
  root = useThree();
  return null;
}

describe('GpuWarmup', () => {
  it('makes, before the first frame, the programs of everything the corridor mounts later', async () => {
    renderer = await ReactThreeTestRenderer.create(
      <SceneResourcesProvider corridorLength={layout.length} corridorWidth={layout.width}>
        <KeepResources />
        <GpuWarmup />
      </SceneResourcesProvider>,
    );
    if (!root) throw new Error('no root');
    const { gl, scene, camera } = root;
    const made = gl.info.programs?.length ?? 0;
    expect(made).toBeGreaterThan(2);
    // What comes once the font is in: a board's batch, a plain text, a photo, a plate in a shared material.
    const photo = new THREE.DataTexture(new Uint8Array(4), 1, 1);
    photo.colorSpace = THREE.SRGBColorSpace;
    const later = [
      new TextBatchMesh(),
      new Text(),
      new THREE.Mesh(shared?.materials.plane, new THREE.MeshBasicMaterial({ map: photo, toneMapped: false })),
      new THREE.Mesh(shared?.materials.plane, shared?.materials.redPanel),
      new THREE.Mesh(shared?.materials.plane, shared?.materials.gold),
    ];
    for (const object of later) gl.compile(object, camera, scene);
    expect(gl.info.programs?.length).toBe(made);
  });
});
