import { describe, expect, it } from 'vitest';
import { allPanels } from '../../src/content/load.ts';
import { type Exhibition, type Panel, panelSchema } from '../../src/content/schema.ts';
import {
  type BoardPlacement,
  type CorridorDimensions,
  type CorridorLayout,
  clampToBounds,
  DEFAULT_DIMENSIONS,
  layoutCorridor,
  type Vec3,
  type Wall,
} from '../../src/layout/corridor.ts';
import {
  boardInView,
  fitViewpoint,
  lookDirection,
  neighbourBoard,
  type Pose,
  yawPitchTowards,
} from '../../src/layout/queries.ts';
import { estimateEms, fitFontSize } from '../../src/layout/textFit.ts';

// ---------------------------------------------------------------------------------------------
// Synthetic exhibitions
// ---------------------------------------------------------------------------------------------

const KINDS = ['milestone', 'event', 'member', 'stats', 'board', 'to-fill'] as const;

function makePanel(id: string, index: number): Panel {
  const kind = KINDS[index % KINDS.length];
  const base = { id, title: `展板 ${id}` };
  switch (kind) {
    case 'milestone':
      return panelSchema.parse({ ...base, kind, date: `${1921 + index}`, period: 'timeline' });
    case 'member':
      return panelSchema.parse({ ...base, kind, people: [{ name: '方杰', role: '党员' }] });
    case 'stats':
      return panelSchema.parse({ ...base, kind, stats: [{ label: '检查', value: index }] });
    case 'to-fill':
      return panelSchema.parse({ ...base, kind, note: '待补充' });
    default:
      return panelSchema.parse({ ...base, kind });
  }
}

/** One section per count, each with that many panels; ids are "s<section>-p<panel>". */
function exhibitionOf(counts: readonly number[]): Exhibition {
  let index = 0;
  return {
    title: '党史长廊',
    host: '德清县消防救援大队',
    theme: '学党史、悟思想、办实事、开新局',
    sections: counts.map((count, s) => ({
      id: `s${s}`,
      title: `栏目 ${s}`,
      file: `s${s}.json`,
      panels: Array.from({ length: count }, (_, p) => makePanel(`s${s}-p${p}`, index++)),
    })),
  };
}

const SHAPES: ReadonlyArray<readonly number[]> = [[1], [5], [0, 3], [2, 0, 1], [1, 4, 7], [16, 7, 7], [3, 3, 3, 3]];

const EPS = 1e-9;

function boardOf(layout: CorridorLayout, panelId: string): BoardPlacement {
  const board = layout.boards.find((candidate) => candidate.panelId === panelId);
  if (!board) throw new Error(`no board for ${panelId}`);
  return board;
}

/** The outward normal of a board's face: its own +z turned by rotationY. */
const faceNormal = (rotationY: number): [number, number] => [Math.sin(rotationY), Math.cos(rotationY)];

/** Every board hung on a wall, headers included. */
function wallBoards(layout: CorridorLayout): Array<{ wall: Wall; z: number; width: number; name: string }> {
  return [
    ...layout.sections.map((section) => ({
      wall: section.header.wall,
      z: section.header.position[2],
      width: section.header.width,
      name: `header ${section.sectionId}`,
    })),
    ...layout.boards.map((board) => ({ wall: board.wall, z: board.position[2], width: board.width, name: board.panelId })),
  ];
}

const insideBounds = (layout: CorridorLayout, x: number, z: number) =>
  x >= layout.bounds.minX - EPS &&
  x <= layout.bounds.maxX + EPS &&
  z >= layout.bounds.minZ - EPS &&
  z <= layout.bounds.maxZ + EPS;

// ---------------------------------------------------------------------------------------------
// layoutCorridor
// ---------------------------------------------------------------------------------------------

describe('layoutCorridor', () => {
  it.each(SHAPES)('gives every panel exactly one board, in exhibition order (%j)', (...counts) => {
    const exhibition = exhibitionOf(counts);
    const layout = layoutCorridor(exhibition);
    const panels = allPanels(exhibition);
    expect(layout.boards.map((board) => board.panelId)).toEqual(panels.map((panel) => panel.id));
    expect(layout.boards.map((board) => board.order)).toEqual(panels.map((_, i) => i));
    expect(layout.boards.map((board) => board.kind)).toEqual(panels.map((panel) => panel.kind));
    exhibition.sections.forEach((section) => {
      const inSection = layout.boards.filter((board) => board.sectionId === section.id);
      expect(inSection.map((board) => board.panelId)).toEqual(section.panels.map((panel) => panel.id));
      expect(inSection.map((board) => board.indexInSection)).toEqual(section.panels.map((_, i) => i));
    });
    expect(layout.sections.map((section) => section.sectionId)).toEqual(exhibition.sections.map((section) => section.id));
    expect(layout.sections.map((section) => section.order)).toEqual(exhibition.sections.map((_, i) => i));
  });

  it.each(SHAPES)('alternates walls, the header taking slot 0 on the left (%j)', (...counts) => {
    const layout = layoutCorridor(exhibitionOf(counts));
    for (const section of layout.sections) {
      const walls = [
        section.header.wall,
        ...layout.boards.filter((board) => board.sectionId === section.sectionId).map((b) => b.wall),
      ];
      expect(walls).toEqual(walls.map((_, slot) => (slot % 2 === 0 ? 'left' : 'right')));
    }
  });

  it.each(SHAPES)('hangs left boards facing +x and right boards facing −x, on their walls (%j)', (...counts) => {
    const layout = layoutCorridor(exhibitionOf(counts));
    const hung = [...layout.boards, ...layout.sections.map((section) => section.header)];
    for (const board of hung) {
      const [nx, nz] = faceNormal(board.rotationY);
      if (board.wall === 'left') {
        expect(board.rotationY).toBeCloseTo(Math.PI / 2, 12);
        expect(nx).toBeCloseTo(1, 12);
        expect(board.position[0]).toBeLessThan(-layout.width / 2 + 0.1);
      } else {
        expect(board.rotationY).toBeCloseTo(-Math.PI / 2, 12);
        expect(nx).toBeCloseTo(-1, 12);
        expect(board.position[0]).toBeGreaterThan(layout.width / 2 - 0.1);
      }
      expect(nz).toBeCloseTo(0, 12);
      // Inside the corridor, not in or behind a wall.
      expect(Math.abs(board.position[0])).toBeLessThan(layout.width / 2);
      expect(board.position[1] - board.height / 2).toBeGreaterThan(0);
      expect(board.position[1] + board.height / 2).toBeLessThan(layout.height);
    }
  });

  it.each(SHAPES)('never overlaps two boards on the same wall (%j)', (...counts) => {
    const layout = layoutCorridor(exhibitionOf(counts));
    const hung = wallBoards(layout);
    for (let i = 0; i < hung.length; i++) {
      for (let j = i + 1; j < hung.length; j++) {
        const a = hung[i];
        const b = hung[j];
        if (!a || !b || a.wall !== b.wall) continue;
        expect(Math.abs(a.z - b.z), `${a.name} / ${b.name}`).toBeGreaterThanOrEqual((a.width + b.width) / 2 - EPS);
      }
    }
  });

  it.each(SHAPES)('keeps each section’s boards between its start and end, sections one after another (%j)', (...counts) => {
    const layout = layoutCorridor(exhibitionOf(counts));
    layout.sections.forEach((section, i) => {
      expect(section.endZ).toBeLessThan(section.startZ);
      const hung = [section.header, ...layout.boards.filter((board) => board.sectionId === section.sectionId)];
      for (const board of hung) {
        expect(board.position[2] + board.width / 2).toBeLessThanOrEqual(section.startZ + EPS);
        expect(board.position[2] - board.width / 2).toBeGreaterThanOrEqual(section.endZ - EPS);
      }
      // The header is the first thing a visitor meets in the section.
      for (const board of hung) expect(board.position[2]).toBeLessThanOrEqual(section.header.position[2] + EPS);
      const next = layout.sections[i + 1];
      if (next) expect(next.startZ).toBeLessThanOrEqual(section.endZ + EPS);
    });
    // Sections stand between the entrance and the far wall.
    const first = layout.sections[0];
    const last = layout.sections[layout.sections.length - 1];
    expect(first?.startZ).toBeLessThan(layout.entranceZ);
    expect(last?.endZ).toBeGreaterThan(layout.endZ);
  });

  it.each(SHAPES)('walks down the corridor in exhibition order (%j)', (...counts) => {
    const layout = layoutCorridor(exhibitionOf(counts));
    for (let i = 1; i < layout.boards.length; i++) {
      expect(layout.boards[i]?.position[2]).toBeLessThanOrEqual((layout.boards[i - 1]?.position[2] ?? 0) + EPS);
    }
  });

  it('adding a panel never shortens the corridor, eventually lengthens it, and adds exactly one board', () => {
    for (const base of [[0], [3, 2], [1, 4, 7]]) {
      base.forEach((_, sectionIndex) => {
        let previous = layoutCorridor(exhibitionOf(base));
        const counts = [...base];
        const lengths = [previous.length];
        for (let added = 1; added <= 4; added++) {
          counts[sectionIndex] = (counts[sectionIndex] ?? 0) + 1;
          const exhibition = exhibitionOf(counts);
          const layout = layoutCorridor(exhibition);
          expect(layout.boards).toHaveLength(previous.boards.length + 1);
          expect(layout.boards.map((board) => board.panelId)).toEqual(allPanels(exhibition).map((panel) => panel.id));
          expect(layout.length).toBeGreaterThanOrEqual(previous.length - EPS);
          lengths.push(layout.length);
          previous = layout;
        }
        // Two panels more always take at least one more slot on each wall.
        for (let i = 2; i < lengths.length; i++) expect(lengths[i]).toBeGreaterThan((lengths[i - 2] ?? 0) + EPS);
      });
    }
  });

  it('a longer exhibition makes a longer corridor with its far wall farther away', () => {
    const short = layoutCorridor(exhibitionOf([2]));
    const long = layoutCorridor(exhibitionOf([2, 10, 10]));
    expect(long.length).toBeGreaterThan(short.length);
    expect(long.endZ).toBeLessThan(short.endZ);
    for (const layout of [short, long]) {
      expect(layout.length).toBeCloseTo(layout.entranceZ - layout.endZ, 12);
      for (const board of layout.boards) {
        expect(board.position[2]).toBeLessThan(layout.entranceZ);
        expect(board.position[2]).toBeGreaterThan(layout.endZ);
      }
    }
  });

  it.each([
    ['default', DEFAULT_DIMENSIONS],
    ['wide', { ...DEFAULT_DIMENSIONS, width: 6.2, wallMargin: 0.6, viewDistance: 2.6 }],
    ['narrow', { ...DEFAULT_DIMENSIONS, width: 3.2, wallMargin: 0.3 }],
  ] as Array<[string, CorridorDimensions]>)(
    'keeps bounds inside the walls by the margin and every viewpoint inside (%s)',
    (_, dims) => {
      for (const counts of SHAPES) {
        const layout = layoutCorridor(exhibitionOf(counts), dims);
        expect(layout.width).toBe(dims.width);
        expect(layout.bounds.minX).toBeCloseTo(-dims.width / 2 + dims.wallMargin, 12);
        expect(layout.bounds.maxX).toBeCloseTo(dims.width / 2 - dims.wallMargin, 12);
        expect(layout.bounds.maxZ).toBeCloseTo(layout.entranceZ - dims.wallMargin, 12);
        expect(layout.bounds.minZ).toBeCloseTo(layout.endZ + Math.max(dims.wallMargin, dims.wallTextDistance), 12);
        expect(insideBounds(layout, layout.start.position[0], layout.start.position[2])).toBe(true);
        const viewpoints = [...layout.boards, ...layout.sections.map((section) => section.header)].map(
          (board) => board.viewpoint,
        );
        for (const viewpoint of viewpoints) {
          expect(insideBounds(layout, viewpoint.position[0], viewpoint.position[2])).toBe(true);
          expect(viewpoint.position[1]).toBe(dims.eyeHeight);
        }
      }
    },
  );

  it.each(SHAPES)('has each viewpoint look at its board’s centre from in front of it (%j)', (...counts) => {
    const layout = layoutCorridor(exhibitionOf(counts));
    for (const board of [...layout.boards, ...layout.sections.map((section) => section.header)]) {
      const { position, target } = board.viewpoint;
      expect(target).toEqual(board.position);
      const [nx, nz] = faceNormal(board.rotationY);
      const toEye = [position[0] - board.position[0], position[2] - board.position[2]] as const;
      // In front of the face, straight on (same z), at a reading distance.
      expect(toEye[0] * nx + toEye[1] * nz).toBeGreaterThan(1);
      expect(position[2]).toBeCloseTo(board.position[2], 12);
    }
  });

  it('starts at the entrance looking down the corridor', () => {
    const layout = layoutCorridor(exhibitionOf([2, 2]));
    const { yaw } = yawPitchTowards(layout.start.position, layout.start.target);
    expect(yaw).toBeCloseTo(0, 12);
    const firstBoard = layout.boards[0];
    expect(firstBoard && layout.start.position[2] > firstBoard.position[2]).toBe(true);
    expect(layout.entranceArchZ).toBeLessThan(layout.start.position[2]);
    expect(layout.entranceArchZ).toBeGreaterThan(layout.sections[0]?.startZ ?? 0);
  });

  it.each(SHAPES)('hangs the ceiling lights inside the corridor (%j)', (...counts) => {
    const layout = layoutCorridor(exhibitionOf(counts));
    expect(layout.ceilingLights.length).toBeGreaterThan(0);
    for (const [x, y, z] of layout.ceilingLights) {
      expect(Math.abs(x)).toBeLessThan(layout.width / 2);
      expect(y).toBeLessThanOrEqual(layout.height);
      expect(y).toBeGreaterThan(layout.eyeHeight);
      expect(z).toBeLessThan(layout.entranceZ);
      expect(z).toBeGreaterThan(layout.endZ);
    }
    // They run the whole length, so a longer corridor has more of them.
    const longer = layoutCorridor(exhibitionOf([...counts, 12]));
    expect(longer.ceilingLights.length).toBeGreaterThan(layout.ceilingLights.length);
  });

  it('is pure: same input, deep-equal output, input not mutated', () => {
    const exhibition = exhibitionOf([3, 5, 2]);
    const before = structuredClone(exhibition);
    const dims = { ...DEFAULT_DIMENSIONS };
    const dimsBefore = structuredClone(dims);
    const first = layoutCorridor(exhibition, dims);
    const second = layoutCorridor(exhibition, dims);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(exhibition).toEqual(before);
    expect(dims).toEqual(dimsBefore);
    // A deep copy of the input lays out the same.
    expect(layoutCorridor(structuredClone(exhibition))).toEqual(first);
  });

  it('returns plain data that survives a JSON round trip', () => {
    const layout = layoutCorridor(exhibitionOf([16, 7, 7]));
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });
});

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

describe('clampToBounds', () => {
  const bounds = { minX: -1.5, maxX: 1.5, minZ: -40, maxZ: -0.5 };
  it('keeps points inside as they are', () => {
    expect(clampToBounds(0.3, -12, bounds)).toEqual([0.3, -12]);
    expect(clampToBounds(-1.5, -0.5, bounds)).toEqual([-1.5, -0.5]);
  });
  it('stops points at the walls and the ends', () => {
    expect(clampToBounds(-9, -12, bounds)).toEqual([-1.5, -12]);
    expect(clampToBounds(9, 3, bounds)).toEqual([1.5, -0.5]);
    expect(clampToBounds(0, -100, bounds)).toEqual([0, -40]);
  });
});

describe('yawPitchTowards and lookDirection', () => {
  it('yaw 0 looks down −z; a quarter turn left looks down −x', () => {
    const ahead = lookDirection(0, 0);
    expect(ahead[0]).toBeCloseTo(0, 12);
    expect(ahead[1]).toBeCloseTo(0, 12);
    expect(ahead[2]).toBeCloseTo(-1, 12);
    const left = lookDirection(Math.PI / 2, 0);
    expect(left[0]).toBeCloseTo(-1, 12);
    expect(left[2]).toBeCloseTo(0, 12);
    expect(lookDirection(0, Math.PI / 2)[1]).toBeCloseTo(1, 12);
  });

  it('the direction of yawPitchTowards(a, b) points from a to b', () => {
    const points: Vec3[] = [
      [0, 1.6, 0],
      [-2.2, 1.6, -8.75],
      [2.2, 1.2, -3],
      [0.5, 3, 4],
      [-1, 0.2, 1],
      [1, 1.6, -20],
    ];
    for (const from of points) {
      for (const to of points) {
        if (from === to) continue;
        const { yaw, pitch } = yawPitchTowards(from, to);
        const direction = lookDirection(yaw, pitch);
        const delta = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
        const length = Math.hypot(delta[0] ?? 0, delta[1] ?? 0, delta[2] ?? 0);
        direction.forEach((component, axis) => {
          expect(component).toBeCloseTo((delta[axis] ?? 0) / length, 10);
        });
        expect(Math.hypot(...direction)).toBeCloseTo(1, 12);
      }
    }
  });
});

describe('boardInView', () => {
  const layout = layoutCorridor(exhibitionOf([4, 5, 3]));

  const poseAt = (position: Vec3, yaw: number, pitch = 0): Pose => ({ position, yaw, pitch });

  it('finds the board a visitor looks straight at from its viewpoint', () => {
    for (const board of layout.boards) {
      const { yaw, pitch } = yawPitchTowards(board.viewpoint.position, board.position);
      expect(boardInView(layout, poseAt(board.viewpoint.position, yaw, pitch))?.panelId).toBe(board.panelId);
    }
  });

  it('looking down the corridor from the start finds nothing, or a board within the angle and reach', () => {
    const { yaw } = yawPitchTowards(layout.start.position, layout.start.target);
    const pose = poseAt(layout.start.position, yaw);
    const maxAngle = (32 * Math.PI) / 180;
    for (const maxDistance of [7, 12, 30]) {
      const found = boardInView(layout, pose, maxDistance, maxAngle);
      if (found === null) continue;
      const dx = found.position[0] - pose.position[0];
      const dz = found.position[2] - pose.position[2];
      const look = lookDirection(yaw, 0);
      expect(Math.hypot(dx, dz)).toBeLessThanOrEqual(maxDistance);
      expect(Math.acos((dx * look[0] + dz * look[2]) / Math.hypot(dx, dz))).toBeLessThanOrEqual(maxAngle + EPS);
    }
    // The first board stands beyond the default reach of 7 m.
    expect(boardInView(layout, pose)).toBeNull();
    // With reach enough, something ahead is found.
    expect(boardInView(layout, pose, 30)).not.toBeNull();
  });

  it('never picks a board behind the visitor', () => {
    const standingPoints = [layout.start.position, ...layout.boards.map((board) => board.viewpoint.position)];
    for (const position of standingPoints) {
      for (let degrees = -180; degrees < 180; degrees += 15) {
        const yaw = (degrees * Math.PI) / 180;
        const found = boardInView(layout, poseAt(position, yaw));
        if (!found) continue;
        const look = lookDirection(yaw, 0);
        const ahead = (found.position[0] - position[0]) * look[0] + (found.position[2] - position[2]) * look[2];
        expect(ahead).toBeGreaterThan(0);
      }
    }
  });

  it('turning round at a board finds only boards nearer the entrance', () => {
    const middle = layout.boards[6];
    if (!middle) throw new Error('layout too short');
    const found = boardInView(layout, poseAt(middle.viewpoint.position, Math.PI), 10);
    expect(found).not.toBeNull();
    expect(found?.position[2]).toBeGreaterThan(middle.position[2]);
  });

  it('finds nothing in an empty corridor', () => {
    const empty = layoutCorridor(exhibitionOf([0]));
    expect(boardInView(empty, poseAt(empty.start.position, 0), 100, Math.PI)).toBeNull();
  });
});

describe('neighbourBoard', () => {
  const exhibition = exhibitionOf([3, 2, 4]);
  const layout = layoutCorridor(exhibition);
  const order = allPanels(exhibition).map((panel) => panel.id);

  it('steps by id to the next and previous board in exhibition order, across sections', () => {
    order.forEach((id, i) => {
      const next = order[Math.min(order.length - 1, i + 1)];
      const previous = order[Math.max(0, i - 1)];
      expect(neighbourBoard(layout, id, 1, 0)?.panelId).toBe(next);
      expect(neighbourBoard(layout, id, -1, 0)?.panelId).toBe(previous);
    });
    expect(neighbourBoard(layout, 's0-p2', 1, 0)?.panelId).toBe('s1-p0');
    expect(neighbourBoard(layout, 's1-p0', -1, 0)?.panelId).toBe('s0-p2');
  });

  it('stays at the ends', () => {
    expect(neighbourBoard(layout, order[order.length - 1] ?? '', 1, 0)?.panelId).toBe(order[order.length - 1]);
    expect(neighbourBoard(layout, order[0] ?? '', -1, 0)?.panelId).toBe(order[0]);
  });

  it('without an id, steps from where the visitor stands', () => {
    // At the entrance: next is the first board, and nothing is behind.
    expect(neighbourBoard(layout, null, 1, layout.start.position[2])?.panelId).toBe(order[0]);
    expect(neighbourBoard(layout, null, -1, layout.start.position[2])?.panelId).toBe(order[0]);
    // Standing between two boards: next is ahead (lower z), previous is behind.
    const a = boardOf(layout, 's1-p0');
    const b = boardOf(layout, 's1-p1');
    const between = (a.position[2] + b.position[2]) / 2;
    expect(neighbourBoard(layout, null, 1, between)?.panelId).toBe('s1-p1');
    expect(neighbourBoard(layout, null, -1, between)?.panelId).toBe('s1-p0');
    // Past the last board: next stays at the last one.
    expect(neighbourBoard(layout, null, 1, layout.endZ)?.panelId).toBe(order[order.length - 1]);
    expect(neighbourBoard(layout, null, -1, layout.endZ)?.panelId).toBe(order[order.length - 1]);
  });

  it('an id that is not on a board counts from where the visitor stands', () => {
    expect(neighbourBoard(layout, 'no-such-panel', 1, layout.start.position[2])?.panelId).toBe(order[0]);
  });

  it('returns null in an empty corridor', () => {
    expect(neighbourBoard(layoutCorridor(exhibitionOf([0, 0])), null, 1, 0)).toBeNull();
  });
});

describe('fitViewpoint', () => {
  const layout = layoutCorridor(exhibitionOf([2, 2]));
  const left = layout.boards.find((board) => board.wall === 'left');
  const right = layout.boards.find((board) => board.wall === 'right');

  it.each([
    ['left', left],
    ['right', right],
  ])('steps back on a narrow (portrait) screen but stays inside the bounds (%s wall)', (_, board) => {
    if (!board) throw new Error('missing board');
    const fitted = fitViewpoint(layout, board, 0.5, 50);
    const defaultDistance = Math.abs(board.viewpoint.position[0] - board.position[0]);
    const fittedDistance = Math.abs(fitted.position[0] - board.position[0]);
    expect(fittedDistance).toBeGreaterThan(defaultDistance + 0.1);
    expect(insideBounds(layout, fitted.position[0], fitted.position[2])).toBe(true);
    // Still straight in front of the board, at eye height, looking at it.
    expect(fitted.position[1]).toBe(board.viewpoint.position[1]);
    expect(fitted.position[2]).toBe(board.viewpoint.position[2]);
    expect(fitted.target).toEqual(board.position);
    const [nx] = faceNormal(board.rotationY);
    expect((fitted.position[0] - board.position[0]) * nx).toBeGreaterThan(0);
  });

  it('keeps the default viewpoint on a wide screen', () => {
    for (const board of [left, right]) {
      if (!board) throw new Error('missing board');
      expect(fitViewpoint(layout, board, 16 / 9, 50)).toEqual(board.viewpoint);
    }
  });

  it('a narrower screen never brings the eye closer', () => {
    if (!left) throw new Error('missing board');
    let previous = 0;
    for (const aspect of [2, 1.5, 1, 0.8, 0.6, 0.45]) {
      const distance = Math.abs(fitViewpoint(layout, left, aspect, 50).position[0] - left.position[0]);
      expect(distance).toBeGreaterThanOrEqual(previous - EPS);
      previous = distance;
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Text fitting
// ---------------------------------------------------------------------------------------------

describe('estimateEms', () => {
  it('counts a CJK character as 1 em', () => {
    expect(estimateEms('党史长廊')).toBeCloseTo(4, 12);
    // Full-width CJK punctuation too.
    expect(estimateEms('学党史、悟思想，')).toBeCloseTo(8, 12);
  });

  it('counts Latin narrower than CJK, capitals and digits wider than lower case, spaces narrowest', () => {
    const lower = estimateEms('a');
    const upper = estimateEms('A');
    const digit = estimateEms('7');
    const space = estimateEms(' ');
    expect(lower).toBeGreaterThan(space);
    expect(upper).toBeGreaterThan(lower);
    expect(digit).toBe(upper);
    expect(upper).toBeLessThan(estimateEms('党'));
    expect(estimateEms('')).toBe(0);
  });

  it('adds up over the string', () => {
    const parts = ['1921', '年', ' ', 'Jiaxing', '南湖'];
    const sum = parts.reduce((total, part) => total + estimateEms(part), 0);
    expect(estimateEms(parts.join(''))).toBeCloseTo(sum, 12);
  });

  it('counts a character outside the BMP once', () => {
    expect(estimateEms('𠀀')).toBe(estimateEms('党'));
  });
});

describe('fitFontSize', () => {
  it('the chosen size fits the text on one line', () => {
    for (const text of ['德清县消防救援大队', 'Deqing County Fire and Rescue Brigade', '1921年 Jiaxing 南湖']) {
      const size = fitFontSize(text, 1.7, 1, 0.001);
      expect(size * estimateEms(text)).toBeLessThanOrEqual(1.7 + EPS);
      // And is the largest that does: a little larger would not fit.
      expect(size * 1.01 * estimateEms(text)).toBeGreaterThan(1.7);
    }
  });

  it('never goes above the maximum or below the minimum', () => {
    expect(fitFontSize('党', 10, 0.2, 0.05)).toBe(0.2);
    expect(fitFontSize('党'.repeat(200), 1, 0.2, 0.05)).toBe(0.05);
    expect(fitFontSize('', 1, 0.2, 0.05)).toBe(0.2);
  });

  it('longer text never gets a larger size', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let n = 1; n <= 30; n++) {
      const size = fitFontSize('火焰蓝'.repeat(n), 1.8, 0.3, 0.04);
      expect(size).toBeLessThanOrEqual(previous);
      previous = size;
    }
  });
});
