/**
 * The physical parts of every board — gilt frame, face, red title band, the halo of light on the
 * wall and the picture lamp above — drawn as one instanced mesh per part for ALL boards, so the
 * draw calls do not grow with the number of panels. Clicking a board's face opens its card.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { TITLE_BAND_HEIGHT } from '../layout/boardText.ts';
import type { BoardPlacement, CorridorLayout } from '../layout/corridor.ts';
import { deviceQuality } from './deviceQuality.ts';
import { useSceneResources } from './SceneResources.tsx';

type Part = { offset: [number, number, number]; size: (width: number, height: number) => [number, number, number] };

const PARTS = {
  frame: { offset: [0, 0, -0.02], size: (w, h) => [w + 0.09, h + 0.09, 0.04] },
  face: { offset: [0, 0, 0.001], size: (w, h) => [w, h, 1] },
  band: { offset: [0, 0, 0.003], size: (w) => [w, TITLE_BAND_HEIGHT, 1] },
  halo: { offset: [0, 0.15, -0.035], size: (w, h) => [w * 1.75, h * 2.1, 1] },
  lamp: { offset: [0, 0, 0.16], size: (w) => [w * 0.55, 0.035, 0.05] },
} satisfies Record<string, Part>;

interface Mount {
  position: readonly [number, number, number];
  rotationY: number;
  width: number;
  height: number;
}

function writeMatrices(mesh: THREE.InstancedMesh | null, mounts: Mount[], part: Part, partY: (mount: Mount) => number = () => 0) {
  if (!mesh) return;
  const dummy = new THREE.Object3D();
  const offset = new THREE.Vector3();
  mounts.forEach((mount, index) => {
    const [sx, sy, sz] = part.size(mount.width, mount.height);
    offset
      .set(part.offset[0], part.offset[1] + partY(mount), part.offset[2])
      .applyAxisAngle(THREE.Object3D.DEFAULT_UP, mount.rotationY);
    dummy.position.set(mount.position[0] + offset.x, mount.position[1] + offset.y, mount.position[2] + offset.z);
    dummy.rotation.set(0, mount.rotationY, 0);
    dummy.scale.set(sx, sy, sz);
    dummy.updateMatrix();
    mesh.setMatrixAt(index, dummy.matrix);
  });
  mesh.count = mounts.length;
  mesh.instanceMatrix.needsUpdate = true;
  mesh.computeBoundingSphere();
}

export interface BoardFixturesProps {
  layout: CorridorLayout;
  onBoardClick(board: BoardPlacement, event: ThreeEvent<MouseEvent>): void;
}

export function BoardFixtures({ layout, onBoardClick }: BoardFixturesProps) {
  const { materials } = useSceneResources();
  const headers = useMemo(() => layout.sections.map((section) => section.header), [layout]);
  const allMounts: Mount[] = useMemo(() => [...layout.boards, ...headers], [layout, headers]);
  const frames = useRef<THREE.InstancedMesh>(null);
  const faces = useRef<THREE.InstancedMesh>(null);
  const headerFaces = useRef<THREE.InstancedMesh>(null);
  const bands = useRef<THREE.InstancedMesh>(null);
  const halos = useRef<THREE.InstancedMesh>(null);
  const lamps = useRef<THREE.InstancedMesh>(null);

  useLayoutEffect(() => {
    writeMatrices(frames.current, allMounts, PARTS.frame);
    writeMatrices(faces.current, layout.boards, PARTS.face);
    writeMatrices(headerFaces.current, headers, PARTS.face);
    writeMatrices(bands.current, layout.boards, PARTS.band, (mount) => mount.height / 2 - TITLE_BAND_HEIGHT / 2);
    writeMatrices(halos.current, allMounts, PARTS.halo);
    writeMatrices(lamps.current, allMounts, PARTS.lamp, (mount) => mount.height / 2 + 0.2);
  }, [allMounts, headers, layout.boards]);

  const boardCount = Math.max(1, layout.boards.length);
  const mountCount = Math.max(1, allMounts.length);
  const headerCount = Math.max(1, headers.length);

  const handleClick = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    const board = event.instanceId === undefined ? undefined : layout.boards[event.instanceId];
    if (board) onBoardClick(board, event);
  };

  return (
    <group name="board-fixtures">
      {deviceQuality().lightPools && (
        <instancedMesh ref={halos} args={[materials.plane, materials.halo, mountCount]} renderOrder={-1} frustumCulled={false} />
      )}
      <instancedMesh ref={frames} args={[materials.box, materials.frame, mountCount]} frustumCulled={false} />
      <instancedMesh
        ref={faces}
        name="board-faces"
        args={[materials.plane, materials.boardFace, boardCount]}
        frustumCulled={false}
        onClick={handleClick}
        onPointerOver={() => setCursor('pointer')}
        onPointerOut={() => setCursor('')}
      />
      <instancedMesh ref={headerFaces} args={[materials.plane, materials.headerFace, headerCount]} frustumCulled={false} />
      <instancedMesh ref={bands} args={[materials.plane, materials.titleBand, boardCount]} frustumCulled={false} />
      <instancedMesh ref={lamps} args={[materials.box, materials.lamp, mountCount]} frustumCulled={false} />
    </group>
  );
}

function setCursor(cursor: string) {
  document.body.style.cursor = cursor;
}
