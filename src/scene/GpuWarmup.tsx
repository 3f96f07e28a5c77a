/**
 * Before the first frame: primes three's state (unpack parameters, extensions) and links, and
 * reads back, every program the corridor will draw (scene/gpuWarmup.ts says why). What is not in
 * the scene yet (texts and plates wait for the font's advance widths, photos load) is stood in
 * for by objects that are never drawn: a board's text batch, a plain text, a photo, and a plain
 * mesh for each shared material. They live as long as the scene, so that their programs stay linked for the
 * things they stand in for.
 */
import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { DataTexture, type Material, Mesh, MeshBasicMaterial, type Object3D, SRGBColorSpace } from 'three';
import { Text } from 'troika-three-text';
import { primeRendererState, warmUpPrograms } from './gpuWarmup.ts';
import { useSceneResources } from './SceneResources.tsx';
import { TextBatchMesh } from './TextBatch.tsx';

export function GpuWarmup() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const { materials } = useSceneResources();
  useLayoutEffect(() => {
    primeRendererState(gl);
    // A photo: as BoardImage draws one (a texture in sRGB, not tone mapped).
    const photo = new DataTexture(new Uint8Array(4), 1, 1);
    photo.colorSpace = SRGBColorSpace;
    photo.needsUpdate = true;
    const photoMaterial = new MeshBasicMaterial({ map: photo, toneMapped: false });
    const shared = Object.values(materials).filter((value): value is Material => (value as Material).isMaterial === true);
    const standIns: Object3D[] = [
      new TextBatchMesh(),
      new Text(),
      new Mesh(materials.plane, photoMaterial),
      ...shared.map((material) => new Mesh(materials.plane, material)),
    ];
    warmUpPrograms(gl, scene, camera, standIns);
    return () => {
      for (const standIn of standIns) if (standIn instanceof Text) standIn.dispose();
      photoMaterial.dispose();
      photo.dispose();
    };
  }, [gl, scene, camera, materials]);
  return null;
}
