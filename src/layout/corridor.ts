/**
 * The corridor, laid out from the content. A pure function of the exhibition: plain numbers in
 * metres and radians, no React and no three objects, so it is tested on its own and adding a panel
 * to the JSON adds it to the corridor.
 *
 * Frame of reference: x runs across the corridor (left wall at −width/2), y is up, and the visitor
 * enters at z = 0 looking down −z. Boards hang on both walls; each section starts with a header
 * board and a lintel across the ceiling, then its panels stand left, right, left… in order.
 */
import type { Exhibition, PanelKind } from '../content/schema.ts';

export type Vec3 = readonly [number, number, number];
export type Wall = 'left' | 'right';

export interface Viewpoint {
  /** Where the eye stands. */
  position: Vec3;
  /** What it looks at. */
  target: Vec3;
}

export interface BoardPlacement {
  panelId: string;
  kind: PanelKind;
  sectionId: string;
  /** Position in exhibition order across all sections (0-based). */
  order: number;
  indexInSection: number;
  wall: Wall;
  /** Centre of the board's face. */
  position: Vec3;
  /** Rotation about y that turns the board's face (+z in its own frame) towards the corridor. */
  rotationY: number;
  width: number;
  height: number;
  viewpoint: Viewpoint;
}

export interface SectionPlacement {
  sectionId: string;
  order: number;
  /** z where the section begins (nearer the entrance) and ends. */
  startZ: number;
  endZ: number;
  /** The header board that opens the section. */
  header: Omit<BoardPlacement, 'panelId' | 'kind' | 'order' | 'indexInSection'>;
  /** The lintel across the ceiling naming the section. */
  lintelZ: number;
}

export interface WalkableBounds {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

export interface CorridorLayout {
  width: number;
  height: number;
  length: number;
  /** z of the wall behind the entrance and of the far wall. */
  entranceZ: number;
  endZ: number;
  /** The arch with the theme slogan. */
  entranceArchZ: number;
  eyeHeight: number;
  start: Viewpoint;
  boards: BoardPlacement[];
  sections: SectionPlacement[];
  /** Where the camera may stand: inside the walls, and a reading distance from the far wall. */
  bounds: WalkableBounds;
  /**
   * Where the visitor's own steps (keys, drags, taps on the floor) may take them: within `bounds`,
   * and a reading distance from the boards on the side walls. A camera goal that frames a board
   * may stand nearer a wall (a phone steps back towards the opposite one).
   */
  walkBounds: WalkableBounds;
  /** Centres of the ceiling light panels. */
  ceilingLights: Vec3[];
}

export interface CorridorDimensions {
  width: number;
  height: number;
  eyeHeight: number;
  boardWidth: number;
  boardHeight: number;
  boardCentreY: number;
  /** Distance along a wall from one board's centre to the next. */
  slotLength: number;
  /** Space between the last board of a section and the next section. */
  sectionGap: number;
  /** From the entrance wall to the first section. */
  entranceDepth: number;
  /** From the last section to the far wall. */
  endDepth: number;
  /** How far in front of a board its viewpoint stands. */
  viewDistance: number;
  /** How close the visitor may come to a wall. */
  wallMargin: number;
  /**
   * How close the visitor may come to the far wall, whose lettering is far larger than a board's:
   * from here all of it is in a level view on a 16:10 or wider screen, letters about an eighth
   * of the view high (nearer, a few giant strokes fill the screen and nothing can be read).
   */
  wallTextDistance: number;
  /**
   * How near a board's face the visitor may walk: a board's whole width still fits a 16:9 view,
   * and its text is large print, not a few strokes across the screen.
   */
  boardReadingDistance: number;
  lightSpacing: number;
}

export const DEFAULT_DIMENSIONS: CorridorDimensions = {
  width: 4.6,
  height: 3.4,
  eyeHeight: 1.6,
  boardWidth: 1.9,
  boardHeight: 1.35,
  boardCentreY: 1.6,
  slotLength: 2.5,
  sectionGap: 1.6,
  entranceDepth: 7.5,
  endDepth: 3.5,
  viewDistance: 2.15,
  wallMargin: 0.45,
  wallTextDistance: 2.4,
  boardReadingDistance: 1.05,
  lightSpacing: 2.5,
};

/** The visitor's vertical field of view, degrees (the scene camera's). */
export const EYE_FOV_DEGREES = 55;

/**
 * The far wall's lettering, which Landmarks.tsx draws: each line's centre as a share of the
 * corridor's height and its letter size (m). The motto is fitted to the wall less `sideMargin`
 * on each side, never larger than `fontSize`. The walkable bounds keep `wallTextDistance` from it.
 */
export const FAR_WALL_LETTERING = {
  host: { heightShare: 0.72, fontSize: 0.08 },
  /** `letterSpacingZh`: the Chinese motto is spaced out (em); the English is not. */
  motto: { heightShare: 0.52, fontSize: 0.3, minFontSize: 0.12, sideMargin: 0.4, letterSpacingZh: 0.15 },
  caption: { heightShare: 0.4, fontSize: 0.09 },
} as const;

/** Boards stand this far off the wall surface (their frame depth). */
const BOARD_STANDOFF = 0.04;

export function layoutCorridor(exhibition: Exhibition, dims: CorridorDimensions = DEFAULT_DIMENSIONS): CorridorLayout {
  const halfWidth = dims.width / 2;
  const bounds: WalkableBounds = {
    minX: -halfWidth + dims.wallMargin,
    maxX: halfWidth - dims.wallMargin,
    minZ: 0, // set once the length is known
    maxZ: -dims.wallMargin,
  };

  const placeOnWall = (wall: Wall, z: number) => {
    const x = wall === 'left' ? -halfWidth + BOARD_STANDOFF : halfWidth - BOARD_STANDOFF;
    const normalX = wall === 'left' ? 1 : -1;
    const position: Vec3 = [x, dims.boardCentreY, z];
    const viewX = clamp(x + normalX * dims.viewDistance, bounds.minX, bounds.maxX);
    return {
      wall,
      position,
      rotationY: wall === 'left' ? Math.PI / 2 : -Math.PI / 2,
      width: dims.boardWidth,
      height: dims.boardHeight,
      viewpoint: { position: [viewX, dims.eyeHeight, z] as Vec3, target: position },
    };
  };

  const boards: BoardPlacement[] = [];
  const sections: SectionPlacement[] = [];
  let z = -dims.entranceDepth;
  let order = 0;

  exhibition.sections.forEach((section, sectionOrder) => {
    if (sectionOrder > 0) z -= dims.sectionGap;
    const startZ = z;
    // Slot positions: 0 is the header, then the panels, alternating left and right walls.
    const slotZ = (slotIndex: number) => startZ - dims.slotLength * (Math.floor(slotIndex / 2) + 0.5);
    const wallOf = (slotIndex: number): Wall => (slotIndex % 2 === 0 ? 'left' : 'right');

    const header = placeOnWall(wallOf(0), slotZ(0));
    section.panels.forEach((panel, indexInSection) => {
      const slot = indexInSection + 1;
      boards.push({
        panelId: panel.id,
        kind: panel.kind,
        sectionId: section.id,
        order: order++,
        indexInSection,
        ...placeOnWall(wallOf(slot), slotZ(slot)),
      });
    });
    const slotCount = section.panels.length + 1;
    z = startZ - dims.slotLength * Math.ceil(slotCount / 2);
    sections.push({
      sectionId: section.id,
      order: sectionOrder,
      startZ,
      endZ: z,
      header: { sectionId: section.id, ...header },
      lintelZ: startZ,
    });
  });

  const endZ = z - dims.endDepth;
  // The far wall's lettering is read from a distance, not pressed against (the entrance wall is
  // bare) — but never so far that the last section's boards cannot be reached.
  bounds.minZ = Math.min(z, endZ + Math.max(dims.wallMargin, dims.wallTextDistance));
  const length = -endZ;

  const ceilingLights: Vec3[] = [];
  for (let lightZ = -dims.lightSpacing / 2; lightZ > endZ + dims.lightSpacing / 4; lightZ -= dims.lightSpacing) {
    ceilingLights.push([0, dims.height, lightZ]);
  }

  const startZ = -dims.wallMargin - 0.3;
  return {
    width: dims.width,
    height: dims.height,
    length,
    entranceZ: 0,
    endZ,
    entranceArchZ: -dims.entranceDepth * 0.72,
    eyeHeight: dims.eyeHeight,
    start: { position: [0, dims.eyeHeight, startZ], target: [0, dims.eyeHeight, startZ - 10] },
    boards,
    sections,
    bounds,
    walkBounds: {
      minX: Math.min(0, Math.max(bounds.minX, -halfWidth + BOARD_STANDOFF + dims.boardReadingDistance)),
      maxX: Math.max(0, Math.min(bounds.maxX, halfWidth - BOARD_STANDOFF - dims.boardReadingDistance)),
      minZ: bounds.minZ,
      maxZ: bounds.maxZ,
    },
    ceilingLights,
  };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Keeps a point on the walkable floor: the walls stop the visitor. */
export function clampToBounds(x: number, z: number, bounds: WalkableBounds): [number, number] {
  return [clamp(x, bounds.minX, bounds.maxX), clamp(z, bounds.minZ, bounds.maxZ)];
}
