/**
 * Shared materials and geometries for the whole corridor, created once and disposed together.
 *
 * The lighting is baked, not computed: gradients painted on small canvases stand in for the
 * light falling on walls, boards and the polished floor, so the scene needs no real-time light
 * and stays within the draw-call budget. All materials are unlit (`MeshBasicMaterial`).
 */
import * as THREE from 'three';
import { applyTextureQuality } from './textureQuality.ts';

export const PALETTE = {
  red: '#9b1b1e',
  deepRed: '#6e0f12',
  gold: '#d9b25f',
  brightGold: '#f3d48a',
  cream: '#f6efe1',
  ink: '#2a1a12',
  wall: '#efe7d8',
  ceiling: '#e9e4da',
  floor: '#5c4e47',
} as const;

type Paint = (context: CanvasRenderingContext2D, width: number, height: number) => void;

function bakedTexture(width: number, height: number, paint: Paint, repeat?: [number, number]): THREE.CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context) paint(context, width, height);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  applyTextureQuality(texture);
  if (repeat) {
    texture.wrapS = THREE.RepeatWrapping;
    texture.wrapT = THREE.RepeatWrapping;
    texture.repeat.set(repeat[0], repeat[1]);
  }
  return texture;
}

function verticalGradient(stops: Array<[number, string]>): Paint {
  return (context, width, height) => {
    const gradient = context.createLinearGradient(0, 0, 0, height);
    for (const [at, color] of stops) gradient.addColorStop(at, color);
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
  };
}

/** Wall: red wainscot with a gold rail below, warm plaster above, dimmer towards the ceiling. */
const paintWall: Paint = (context, width, height) => {
  verticalGradient([
    [0, '#cfc4b1'],
    [0.3, '#efe6d5'],
    [0.6, '#f4ecdc'],
    [0.7, '#e9dfcc'],
  ])(context, width, height);
  // The canvas spans the wall's full height: 0.735 of it is the 0.9 m wainscot line on a 3.4 m wall.
  const railY = Math.round(height * (1 - 0.9 / 3.4));
  const wainscot = context.createLinearGradient(0, railY, 0, height);
  wainscot.addColorStop(0, '#8a1619');
  wainscot.addColorStop(1, '#5a0c0e');
  context.fillStyle = wainscot;
  context.fillRect(0, railY, width, height - railY);
  context.fillStyle = PALETTE.gold;
  context.fillRect(0, railY - 5, width, 5);
  context.fillStyle = '#3b0709';
  context.fillRect(0, height - 10, width, 10);
};

/** Polished stone: large tiles with faint joints, the sheen is added separately. */
const paintFloor: Paint = (context, width, height) => {
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#665750');
  gradient.addColorStop(0.5, '#5a4c45');
  gradient.addColorStop(1, '#625349');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  context.strokeStyle = 'rgba(30, 18, 14, 0.55)';
  context.lineWidth = 2;
  context.strokeRect(1, 1, width - 2, height - 2);
  // A few soft veins so the stone does not look like flat paint.
  context.strokeStyle = 'rgba(255, 240, 225, 0.06)';
  context.lineWidth = 3;
  for (let i = 0; i < 5; i++) {
    context.beginPath();
    context.moveTo(0, height * (0.1 + i * 0.2));
    context.bezierCurveTo(
      width * 0.3,
      height * (0.05 + i * 0.2),
      width * 0.6,
      height * (0.25 + i * 0.17),
      width,
      height * (0.15 + i * 0.2),
    );
    context.stroke();
  }
};

/** A soft radial pool of light, used for board halos and floor sheen. */
const paintGlow: Paint = (context, width, height) => {
  const gradient = context.createRadialGradient(width / 2, height / 2, 0, width / 2, height / 2, width / 2);
  gradient.addColorStop(0, 'rgba(255, 236, 200, 1)');
  gradient.addColorStop(0.45, 'rgba(255, 226, 180, 0.45)');
  gradient.addColorStop(1, 'rgba(255, 220, 170, 0)');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
};

export interface CorridorMaterials {
  wall: THREE.MeshBasicMaterial;
  floor: THREE.MeshBasicMaterial;
  ceiling: THREE.MeshBasicMaterial;
  ceilingLight: THREE.MeshBasicMaterial;
  sheen: THREE.MeshBasicMaterial;
  halo: THREE.MeshBasicMaterial;
  boardFace: THREE.MeshBasicMaterial;
  headerFace: THREE.MeshBasicMaterial;
  titleBand: THREE.MeshBasicMaterial;
  frame: THREE.MeshBasicMaterial;
  lamp: THREE.MeshBasicMaterial;
  red: THREE.MeshBasicMaterial;
  redPanel: THREE.MeshBasicMaterial;
  gold: THREE.MeshBasicMaterial;
  imageMissing: THREE.MeshBasicMaterial;
  /** The keyboard focus ring around a board (see FocusRing.tsx). */
  focusRing: THREE.MeshBasicMaterial;
  plane: THREE.PlaneGeometry;
  box: THREE.BoxGeometry;
  dispose(): void;
}

/**
 * Creates the corridor's materials. `wallLength` sets how often the wall and floor textures
 * repeat so their detail keeps its real-world size whatever the corridor's length.
 */
export function createCorridorMaterials(corridorLength: number, corridorWidth: number): CorridorMaterials {
  const textures: THREE.Texture[] = [];
  const keep = <T extends THREE.Texture>(texture: T) => {
    textures.push(texture);
    return texture;
  };
  const wallTexture = keep(bakedTexture(16, 512, paintWall, [corridorLength / 2, 1]));
  const floorTexture = keep(bakedTexture(256, 256, paintFloor, [corridorWidth / 1.15, corridorLength / 1.15]));
  const glowTexture = keep(bakedTexture(128, 128, paintGlow));
  const boardTexture = keep(
    bakedTexture(
      8,
      256,
      verticalGradient([
        [0, '#fffaf0'],
        [0.55, '#f5ecdb'],
        [1, '#e6d8bf'],
      ]),
    ),
  );
  const headerTexture = keep(
    bakedTexture(
      8,
      256,
      verticalGradient([
        [0, '#b0232a'],
        [0.6, '#8d171c'],
        [1, '#650e12'],
      ]),
    ),
  );
  const bandTexture = keep(
    bakedTexture(
      8,
      64,
      verticalGradient([
        [0, '#b3262c'],
        [1, '#7d1317'],
      ]),
    ),
  );
  const frameTexture = keep(
    bakedTexture(
      8,
      64,
      verticalGradient([
        [0, '#f4d98f'],
        [0.5, '#b98b3e'],
        [1, '#e1bf6d'],
      ]),
    ),
  );
  const ceilingTexture = keep(
    bakedTexture(
      8,
      128,
      verticalGradient([
        [0, '#d8d2c6'],
        [0.5, '#ebe6dc'],
        [1, '#d8d2c6'],
      ]),
    ),
  );

  const basic = (parameters: THREE.MeshBasicMaterialParameters) => new THREE.MeshBasicMaterial(parameters);
  const additive = { transparent: true, depthWrite: false, blending: THREE.AdditiveBlending } as const;
  const materials = {
    wall: basic({ map: wallTexture }),
    floor: basic({ map: floorTexture }),
    ceiling: basic({ map: ceilingTexture }),
    ceilingLight: basic({ color: '#fff8e8' }),
    sheen: basic({ map: glowTexture, color: '#6f6257', ...additive }),
    halo: basic({ map: glowTexture, color: '#7d6a55', ...additive }),
    boardFace: basic({ map: boardTexture }),
    headerFace: basic({ map: headerTexture }),
    titleBand: basic({ map: bandTexture }),
    frame: basic({ map: frameTexture }),
    lamp: basic({ color: '#3a2b22' }),
    red: basic({ color: PALETTE.red }),
    redPanel: basic({ map: headerTexture }),
    gold: basic({ color: PALETTE.gold }),
    imageMissing: basic({ color: '#d9d0c0' }),
    // Brighter than anything else in the corridor, and unlike the gilt frames it surrounds.
    focusRing: basic({ color: '#7fe3ff', toneMapped: false }),
  };
  const plane = new THREE.PlaneGeometry(1, 1);
  const box = new THREE.BoxGeometry(1, 1, 1);

  return {
    ...materials,
    plane,
    box,
    dispose() {
      for (const material of Object.values(materials)) material.dispose();
      for (const texture of textures) texture.dispose();
      plane.dispose();
      box.dispose();
    },
  };
}
