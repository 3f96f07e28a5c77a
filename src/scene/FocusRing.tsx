/**
 * The keyboard focus ring in the scene: a bright outline around the board whose proxy button
 * (ui/BoardProxies.tsx) has the focus, so a keyboard visitor sees which board Tab reached.
 * Drawn from the store's `keyboardFocusPanelId`; one mesh, one draw call, only while focused.
 */
import { invalidate } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { CorridorLayout } from '../layout/corridor.ts';
import { boardById } from '../layout/queries.ts';
import { useExhibition } from '../store/store.ts';
import { useSceneResources } from './SceneResources.tsx';

/** The ring clears the gilt frame (board + 0.09 m) by this much, and is this wide. */
const RING_GAP = 0.05;
const RING_WIDTH = 0.06;
/** In front of the frame (0.02 m deep) and the halo, behind nothing. */
const RING_STANDOFF = 0.03;

/** A rectangular ring: `width × height` inside, `thickness` wide, centred on the origin. */
export function createRingGeometry(width: number, height: number, thickness: number): THREE.ShapeGeometry {
  const rectangle = (w: number, h: number) => {
    const path = new THREE.Path();
    path.moveTo(-w / 2, -h / 2);
    path.lineTo(w / 2, -h / 2);
    path.lineTo(w / 2, h / 2);
    path.lineTo(-w / 2, h / 2);
    path.closePath();
    return path;
  };
  const outer = new THREE.Shape(rectangle(width + thickness * 2, height + thickness * 2).getPoints());
  outer.holes.push(rectangle(width, height));
  return new THREE.ShapeGeometry(outer);
}

export function FocusRing({ layout }: { layout: CorridorLayout }) {
  const { materials } = useSceneResources();
  const panelId = useExhibition((state) => state.keyboardFocusPanelId);
  const board = panelId ? boardById(layout, panelId) : undefined;
  const width = board ? board.width + 0.09 + RING_GAP * 2 : 0;
  const height = board ? board.height + 0.09 + RING_GAP * 2 : 0;
  const geometry = useMemo(() => (width > 0 ? createRingGeometry(width, height, RING_WIDTH) : null), [width, height]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  // The canvas draws on demand: the ring appearing, moving or going is a change to draw.
  useEffect(
    () =>
      useExhibition.subscribe((state, previous) => {
        if (state.keyboardFocusPanelId !== previous.keyboardFocusPanelId) invalidate();
      }),
    [],
  );
  if (!board || !geometry) return null;
  const normalX = board.wall === 'left' ? 1 : -1;
  return (
    <mesh
      name={`focus-ring:${board.panelId}`}
      geometry={geometry}
      material={materials.focusRing}
      position={[board.position[0] + normalX * RING_STANDOFF, board.position[1], board.position[2]]}
      rotation={[0, board.rotationY, 0]}
      raycast={() => null}
    />
  );
}
