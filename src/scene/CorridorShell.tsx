/**
 * The room itself: polished floor, walls with a red wainscot, ceiling with light panels, and a
 * faked floor sheen under each light. Repeated parts are instanced; nothing here is lit at run
 * time, the light is painted into the materials.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import * as THREE from 'three';
import type { CorridorLayout } from '../layout/corridor.ts';
import { deviceQuality } from './deviceQuality.ts';
import { useSceneResources } from './SceneResources.tsx';

export interface CorridorShellProps {
  layout: CorridorLayout;
  onFloorClick(x: number, z: number, event: ThreeEvent<MouseEvent>): void;
}

const LIGHT_SIZE: [number, number] = [1.3, 0.42];

export function CorridorShell({ layout, onFloorClick }: CorridorShellProps) {
  const { materials } = useSceneResources();
  const { width, height, length } = layout;
  const centreZ = -length / 2;
  const lights = useRef<THREE.InstancedMesh>(null);
  const sheens = useRef<THREE.InstancedMesh>(null);

  useLayoutEffect(() => {
    const dummy = new THREE.Object3D();
    layout.ceilingLights.forEach(([x, y, z], index) => {
      dummy.position.set(x, y - 0.005, z);
      dummy.rotation.set(Math.PI / 2, 0, 0);
      dummy.scale.set(LIGHT_SIZE[0], LIGHT_SIZE[1], 1);
      dummy.updateMatrix();
      lights.current?.setMatrixAt(index, dummy.matrix);
      // The light's reflection on the polished floor: a soft elongated pool right below it.
      dummy.position.set(x, 0.004, z);
      dummy.rotation.set(-Math.PI / 2, 0, 0);
      dummy.scale.set(2.2, 3.2, 1);
      dummy.updateMatrix();
      sheens.current?.setMatrixAt(index, dummy.matrix);
    });
    for (const mesh of [lights.current, sheens.current]) {
      if (!mesh) continue;
      mesh.count = layout.ceilingLights.length;
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
    }
  }, [layout]);

  const lightCount = Math.max(1, layout.ceilingLights.length);
  const stopAtWall = (event: ThreeEvent<MouseEvent>) => event.stopPropagation();

  return (
    <group name="corridor-shell">
      <mesh
        name="floor"
        geometry={materials.plane}
        material={materials.floor}
        rotation={[-Math.PI / 2, 0, 0]}
        position={[0, 0, centreZ]}
        scale={[width, length, 1]}
        onClick={(event) => {
          event.stopPropagation();
          onFloorClick(event.point.x, event.point.z, event);
        }}
      />
      {deviceQuality().lightPools && (
        <instancedMesh ref={sheens} args={[materials.plane, materials.sheen, lightCount]} frustumCulled={false} />
      )}
      <mesh
        name="left-wall"
        geometry={materials.plane}
        material={materials.wall}
        rotation={[0, Math.PI / 2, 0]}
        position={[-width / 2, height / 2, centreZ]}
        scale={[length, height, 1]}
        onClick={stopAtWall}
      />
      <mesh
        name="right-wall"
        geometry={materials.plane}
        material={materials.wall}
        rotation={[0, -Math.PI / 2, 0]}
        position={[width / 2, height / 2, centreZ]}
        scale={[length, height, 1]}
        onClick={stopAtWall}
      />
      <mesh
        name="entrance-wall"
        geometry={materials.plane}
        material={materials.redPanel}
        rotation={[0, Math.PI, 0]}
        position={[0, height / 2, layout.entranceZ]}
        scale={[width, height, 1]}
      />
      <mesh
        name="ceiling"
        geometry={materials.plane}
        material={materials.ceiling}
        rotation={[Math.PI / 2, 0, 0]}
        position={[0, height, centreZ]}
        scale={[width, length, 1]}
      />
      <instancedMesh ref={lights} args={[materials.plane, materials.ceilingLight, lightCount]} frustumCulled={false} />
    </group>
  );
}
