/**
 * The pure pieces behind the visitor's phone, keyboard and map features: the device quality
 * decision, where the card leaves the board visible, tap tolerance, the floor plan's projection
 * and hit testing, the year scrubber's mapping, and the store actions they call.
 */
import { describe, expect, it } from 'vitest';
import { boardTextureUrls, type PhotoManifest } from '../../src/content/photoManifest.ts';
import { type Exhibition, panelSchema } from '../../src/content/schema.ts';
import { CLICK_TOLERANCE_PX, isTap, TAP_TOLERANCE_PX } from '../../src/input/tapTolerance.ts';
import { CARD_SIDE_MIN_WIDTH, cardRegion, SHEET_HEIGHT_SHARE } from '../../src/layout/cardRegion.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import {
  type FloorPlan,
  floorPlan,
  fromPlan,
  hitFloorPlan,
  MIN_TARGET_PX,
  MIN_TOUCH_TARGET_PX,
  pixelsToPlanUnits,
  planHeadingDegrees,
  planViewBox,
  toPlan,
} from '../../src/layout/floorPlan.ts';
import { placeForYear, timelineMarks, yearAnchors, yearFraction } from '../../src/layout/yearScrubber.ts';
import { chooseQuality, type DeviceTraits, isSoftwareRenderer } from '../../src/scene/deviceQuality.ts';
import { createExhibitionStore } from '../../src/store/store.ts';
import type { CameraGoal } from '../../src/store/types.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

const desktop: DeviceTraits = {
  screenWidth: 1920,
  screenHeight: 1080,
  devicePixelRatio: 1,
  deviceMemory: 8,
  hardwareConcurrency: 8,
  coarsePointer: false,
};
const phone: DeviceTraits = {
  screenWidth: 390,
  screenHeight: 844,
  devicePixelRatio: 3,
  deviceMemory: 4,
  hardwareConcurrency: 8,
  coarsePointer: true,
};

describe('chooseQuality', () => {
  it('lets a desktop draw at its own pixel ratio, up to 2, with full-size board photos', () => {
    expect(chooseQuality(desktop)).toEqual({
      deviceClass: 'desktop',
      lowEnd: false,
      dpr: [1, 1],
      boardTextureMaxSide: 1024,
      anisotropy: 4,
      blendMipmaps: true,
      lightPools: true,
      textRadius: 30,
      antialias: true,
      textSdfOnGpu: true,
      textSdfSize: 64,
    });
    expect(chooseQuality({ ...desktop, devicePixelRatio: 2 }).dpr).toEqual([1, 2]);
    expect(chooseQuality({ ...desktop, devicePixelRatio: 3 }).dpr).toEqual([1, 2]);
  });

  it('caps a phone at 1.5 device pixels per CSS pixel and gives it smaller photos, in either orientation', () => {
    const portrait = chooseQuality(phone);
    expect(portrait).toEqual({
      deviceClass: 'phone',
      lowEnd: false,
      dpr: [1, 1.5],
      boardTextureMaxSide: 640,
      anisotropy: 4,
      blendMipmaps: true,
      lightPools: true,
      textRadius: 30,
      antialias: true,
      textSdfOnGpu: true,
      textSdfSize: 64,
    });
    expect(chooseQuality({ ...phone, screenWidth: 844, screenHeight: 390 })).toEqual(portrait);
  });

  it('caps a low-memory or few-core device lower still', () => {
    expect(chooseQuality({ ...phone, deviceMemory: 2 })).toMatchObject({ lowEnd: true, dpr: [1, 1.25] });
    expect(chooseQuality({ ...phone, hardwareConcurrency: 4 })).toMatchObject({ lowEnd: true, dpr: [1, 1.25] });
    expect(chooseQuality({ ...desktop, devicePixelRatio: 2, hardwareConcurrency: 2 })).toMatchObject({
      lowEnd: true,
      dpr: [1, 1.5],
      boardTextureMaxSide: 1024,
    });
  });

  it('treats unknown memory and cores as enough, and a touch tablet as a tablet', () => {
    const unknown = chooseQuality({ ...desktop, deviceMemory: undefined, hardwareConcurrency: undefined, devicePixelRatio: 2 });
    expect(unknown).toMatchObject({ lowEnd: false, dpr: [1, 2] });
    expect(chooseQuality({ ...phone, screenWidth: 820, screenHeight: 1180 })).toMatchObject({
      deviceClass: 'tablet',
      dpr: [1, 1.75],
      boardTextureMaxSide: 1024,
    });
    // A small screen driven by a mouse is a desktop: full-size photos.
    expect(chooseQuality({ ...phone, coarsePointer: false })).toMatchObject({
      deviceClass: 'desktop',
      boardTextureMaxSide: 1024,
    });
    // Never below 1, whatever the device reports.
    expect(chooseQuality({ ...phone, devicePixelRatio: 0 }).dpr).toEqual([1, 1]);
  });
});

describe('a CPU rasteriser', () => {
  it('is recognised by its renderer name', () => {
    expect(
      isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('Apple GPU')).toBe(false);
    expect(isSoftwareRenderer('')).toBe(false);
  });

  it('draws CSS pixels only, without multisampling, filters textures plainly and sets glyphs in a worker at half size, whatever the device', () => {
    expect(chooseQuality({ ...desktop, devicePixelRatio: 2, softwareRenderer: true })).toMatchObject({
      dpr: [1, 1],
      anisotropy: 1,
      blendMipmaps: false,
      lightPools: false,
      textRadius: 18,
      antialias: false,
      textSdfOnGpu: false,
      textSdfSize: 32,
    });
    expect(chooseQuality({ ...desktop, softwareRenderer: false })).toMatchObject({
      textSdfOnGpu: true,
      textSdfSize: 64,
      blendMipmaps: true,
    });
    expect(chooseQuality({ ...phone, softwareRenderer: true })).toMatchObject({
      deviceClass: 'phone',
      dpr: [1, 1],
      anisotropy: 1,
      blendMipmaps: false,
      boardTextureMaxSide: 640,
    });
  });
});

describe('boardTextureUrls with a size limit', () => {
  const manifest = {
    version: 1,
    photos: {
      'photos/a.jpg': {
        width: 4000,
        height: 3000,
        board: { width: 1024, height: 768, webp: 'g/a-board.webp', jpg: 'g/a-board.jpg' },
        card: [
          { width: 640, height: 480, avif: 'g/a-640.avif', webp: 'g/a-640.webp', jpg: 'g/a-640.jpg' },
          { width: 1280, height: 960, avif: 'g/a-1280.avif', webp: 'g/a-1280.webp', jpg: 'g/a-1280.jpg' },
        ],
      },
    },
  } as unknown as PhotoManifest;

  it('takes the largest card size within the limit first, the board texture after it', () => {
    expect(boardTextureUrls(manifest, 'photos/a.jpg', 640)).toEqual([
      'g/a-640.webp',
      'g/a-640.jpg',
      'g/a-board.webp',
      'g/a-board.jpg',
      'photos/a.jpg',
    ]);
  });

  it('keeps the board texture when the limit allows it or nothing smaller fits', () => {
    const full = ['g/a-board.webp', 'g/a-board.jpg', 'photos/a.jpg'];
    expect(boardTextureUrls(manifest, 'photos/a.jpg', 1024)).toEqual(full);
    expect(boardTextureUrls(manifest, 'photos/a.jpg')).toEqual(full);
    expect(boardTextureUrls(manifest, 'photos/a.jpg', 300)).toEqual(full);
  });
});

describe('cardRegion', () => {
  it('puts the card at the side of a wide screen and of a phone in landscape', () => {
    expect(cardRegion(1280, 720)).toEqual({ kind: 'side', cardWidth: 537.6 });
    expect(cardRegion(1920, 1080)).toEqual({ kind: 'side', cardWidth: 560 });
    expect(cardRegion(844, 390)).toMatchObject({ kind: 'side' });
    expect(cardRegion(CARD_SIDE_MIN_WIDTH, 1400)).toMatchObject({ kind: 'side' });
  });

  it('makes it a bottom sheet on a narrow portrait screen, leaving the top for the board', () => {
    expect(cardRegion(390, 844)).toEqual({ kind: 'sheet', visibleHeight: Math.round(844 * (1 - SHEET_HEIGHT_SHARE)) });
  });

  it('gives the kiosk a card as wide as its larger type needs (kiosk.css: min(78vmin, 50vw))', () => {
    expect(cardRegion(1920, 1080, { kiosk: true })).toEqual({ kind: 'side', cardWidth: 0.78 * 1080 });
    expect(cardRegion(1366, 768, { kiosk: true })).toEqual({ kind: 'side', cardWidth: 0.78 * 768 });
    // A squarer screen: never more than half the width, so the board keeps its half.
    expect(cardRegion(1024, 900, { kiosk: true })).toEqual({ kind: 'side', cardWidth: 512 });
    expect(cardRegion(1920, 1080, { kiosk: false })).toEqual(cardRegion(1920, 1080));
    expect(cardRegion(390, 844, { kiosk: true })).toEqual(cardRegion(390, 844));
  });
});

describe('tap tolerance', () => {
  it('lets a finger wobble further than a mouse', () => {
    expect(TAP_TOLERANCE_PX).toBeGreaterThan(CLICK_TOLERANCE_PX);
    expect(isTap(CLICK_TOLERANCE_PX, 'mouse')).toBe(true);
    expect(isTap(CLICK_TOLERANCE_PX + 1, 'mouse')).toBe(false);
    expect(isTap(CLICK_TOLERANCE_PX + 1, undefined)).toBe(false);
    expect(isTap(TAP_TOLERANCE_PX, 'touch')).toBe(true);
    expect(isTap(TAP_TOLERANCE_PX + 1, 'touch')).toBe(false);
  });
});

/** A timeline of four dated milestones (two in 1945) and a chronicle section after it. */
function makeExhibition(): Exhibition {
  const milestone = (id: string, date: string) =>
    panelSchema.parse({ id, kind: 'milestone', title: `标题 ${id}`, date, period: 'timeline', summary: '摘要' });
  return {
    title: '党史长廊',
    host: '德清县消防救援大队',
    theme: '学党史',
    sections: [
      {
        id: 'timeline',
        title: '百年党史',
        file: 'timeline.json',
        accent: '#b3121a',
        panels: [
          milestone('y1921', '1921-07-23'),
          milestone('y1945a', '1945-04'),
          milestone('y1945b', '1945-09'),
          milestone('y1949', '1949-10-01'),
          milestone('y2021', '2021'),
        ],
      },
      {
        id: 'deqing',
        title: '德清',
        file: 'deqing.json',
        panels: [panelSchema.parse({ id: 'e1', kind: 'event', title: '事件', date: '2021-05' })],
      },
    ],
  } as Exhibition;
}

const exhibition = makeExhibition();
const layout = layoutCorridor(exhibition);
const boardZ = (id: string) => layout.boards.find((board) => board.panelId === id)?.position[2] ?? Number.NaN;

describe('year scrubber mapping', () => {
  const marks = timelineMarks(exhibition, layout);

  it('marks the milestone boards by year, in exhibition order, and anchors each year at its first board', () => {
    expect(marks.map((mark) => [mark.panelId, mark.year])).toEqual([
      ['y1921', 1921],
      ['y1945a', 1945],
      ['y1945b', 1945],
      ['y1949', 1949],
      ['y2021', 2021],
    ]);
    expect(yearAnchors(marks).map((mark) => mark.panelId)).toEqual(['y1921', 'y1945a', 'y1949', 'y2021']);
  });

  it('puts a year with a board at that board, its viewpoint exactly', () => {
    const place = placeForYear(marks, 1949);
    expect(place?.exact).toBe(true);
    expect(place?.nearest.panelId).toBe('y1949');
    expect(place?.z).toBe(boardZ('y1949'));
    expect(place?.viewpoint).toBe(layout.boards.find((board) => board.panelId === 'y1949')?.viewpoint);
  });

  it('puts a year between two boards between them, in proportion, facing the nearer one', () => {
    const place = placeForYear(marks, 1947);
    expect(place?.exact).toBe(false);
    expect(place?.z).toBeCloseTo(boardZ('y1945a') + (boardZ('y1949') - boardZ('y1945a')) / 2, 6);
    expect(place?.nearest.panelId).toBe('y1945a'); // a tie goes to the earlier board
    expect(placeForYear(marks, 1948)?.nearest.panelId).toBe('y1949');
    expect(place?.viewpoint.position[2]).toBeCloseTo(place?.z ?? 0, 6);
    expect(place?.viewpoint.target[2]).toBeCloseTo(place?.z ?? 0, 6);
  });

  it('keeps years outside the timeline at its ends, and moves monotonically along the corridor', () => {
    expect(placeForYear(marks, 1900)?.z).toBe(boardZ('y1921'));
    expect(placeForYear(marks, 2050)?.z).toBe(boardZ('y2021'));
    let previous = Number.POSITIVE_INFINITY;
    for (let year = 1921; year <= 2021; year++) {
      const z = placeForYear(marks, year)?.z ?? Number.NaN;
      expect(z).toBeLessThanOrEqual(previous); // deeper into the corridor (−z) as the years pass
      previous = z;
    }
    expect(placeForYear([], 1949)).toBeNull();
  });

  it('places ticks along the slider', () => {
    expect(yearFraction(1921, 1921, 2021)).toBe(0);
    expect(yearFraction(1971, 1921, 2021)).toBe(0.5);
    expect(yearFraction(2030, 1921, 2021)).toBe(1);
    expect(yearFraction(1950, 1950, 1950)).toBe(0);
  });
});

describe('floor plan', () => {
  const size = { width: 340, height: 56 };
  const plan = floorPlan(layout, size);

  it('lays the corridor on its side: the entrance at the left, the left wall at the top', () => {
    expect(toPlan(layout, size, 0, 0)).toEqual({ u: 0, v: 28 });
    expect(toPlan(layout, size, -layout.width / 2, layout.endZ)).toEqual({ u: 340, v: 0 });
    const back = fromPlan(layout, size, toPlan(layout, size, 1.2, -17.5));
    expect(back.x).toBeCloseTo(1.2, 9);
    expect(back.z).toBeCloseTo(-17.5, 9);
  });

  it('turns the camera yaw into a heading on the plan', () => {
    expect(planHeadingDegrees(layout, size, 0)).toBeCloseTo(0, 9); // down the corridor: right
    expect(Math.abs(planHeadingDegrees(layout, size, Math.PI))).toBeCloseTo(180, 9); // back to the entrance
    expect(planHeadingDegrees(layout, size, Math.PI / 2)).toBeCloseTo(-90, 9); // turned left: the top wall
    expect(planHeadingDegrees(layout, size, -Math.PI / 2)).toBeCloseTo(90, 9);
  });

  it('draws each section as a band and each board against its own wall, in order', () => {
    expect(plan.sections.map((section) => section.sectionId)).toEqual(['timeline', 'deqing']);
    const [timeline, deqing] = plan.sections;
    expect(timeline?.rect.u).toBeLessThan(deqing?.rect.u ?? 0);
    expect(timeline?.rect.height).toBe(56);
    expect(plan.boards).toHaveLength(layout.boards.length);
    for (const board of plan.boards) {
      const placement = layout.boards.find((candidate) => candidate.panelId === board.panelId);
      expect(board.rect.v === 0 || board.rect.v + board.rect.height === 56).toBe(true);
      expect(board.rect.v === 0).toBe(placement?.wall === 'left');
    }
    expect(plan.walkable.u).toBeGreaterThan(0);
    expect(plan.walkable.v).toBeGreaterThan(0);
  });

  it('hits the board near a tap, else the section under it', () => {
    const board = plan.boards[3];
    if (!board) throw new Error('no board');
    // Without a minimum size a board's target is its bar.
    expect(board.target).toEqual(board.rect);
    expect(hitFloorPlan(plan, { u: board.centre.u + 2, v: board.centre.v + 3 })).toEqual({
      kind: 'board',
      panelId: board.panelId,
    });
    const deqing = plan.sections[1];
    if (!deqing) throw new Error('no section');
    expect(hitFloorPlan(plan, { u: deqing.rect.u + 1, v: 28 })).toEqual({ kind: 'section', sectionId: 'deqing' });
    expect(hitFloorPlan(plan, { u: 0.5, v: 28 })).toBeNull(); // the entrance hall
  });
});

describe('floor plan tap targets (the shipped corridor, drawn 280 CSS px wide)', async () => {
  const shipped = await loadShippedExhibition();
  const shippedLayout = layoutCorridor(shipped);
  const size = { width: 340, height: 56 };
  const drawnWidth = 280;
  const box = planViewBox(size);
  const nearestBoard = (plan: FloorPlan, point: { u: number; v: number }) =>
    [...plan.boards].sort(
      (a, b) => Math.hypot(a.centre.u - point.u, a.centre.v - point.v) - Math.hypot(b.centre.u - point.u, b.centre.v - point.v),
    )[0]?.panelId;

  it('converts CSS pixels to plan units by the drawing’s width on screen', () => {
    expect(pixelsToPlanUnits(24, drawnWidth, size)).toBeCloseTo((24 * box.width) / drawnWidth, 9);
    expect(pixelsToPlanUnits(24, 0, size)).toBe(0); // not shown yet: no size to speak of
  });

  it('draws the boards as bars far smaller than a fingertip, which is why they need targets', () => {
    const bars = floorPlan(shippedLayout, size).boards;
    const px = (units: number) => (units * drawnWidth) / box.width;
    expect(Math.max(...bars.map((board) => px(board.rect.width)))).toBeLessThan(MIN_TARGET_PX);
    expect(Math.max(...bars.map((board) => px(board.rect.height)))).toBeLessThan(MIN_TARGET_PX);
  });

  for (const [pointer, pixels] of [
    ['a mouse', MIN_TARGET_PX],
    ['a finger', MIN_TOUCH_TARGET_PX],
  ] as const) {
    it(`gives every board a target of at least ${pixels} px for ${pointer}, inside the drawing, round its bar`, () => {
      const minTarget = pixelsToPlanUnits(pixels, drawnWidth, size);
      const plan = floorPlan(shippedLayout, size, minTarget);
      expect(plan.viewBox).toEqual(box);
      expect(plan.boards).toHaveLength(shippedLayout.boards.length);
      for (const board of plan.boards) {
        const { target, rect } = board;
        expect(target.width, board.panelId).toBeGreaterThanOrEqual(minTarget - 1e-9);
        expect(target.height, board.panelId).toBeGreaterThanOrEqual(minTarget - 1e-9);
        // Inside the SVG's box (a target beyond it could not be hit), and over the bar it stands for.
        expect(target.u).toBeGreaterThanOrEqual(box.u);
        expect(target.v).toBeGreaterThanOrEqual(box.v);
        expect(target.u + target.width).toBeLessThanOrEqual(box.u + box.width + 1e-9);
        expect(target.v + target.height).toBeLessThanOrEqual(box.v + box.height + 1e-9);
        expect(target.u).toBeLessThanOrEqual(rect.u);
        expect(target.v).toBeLessThanOrEqual(rect.v);
        expect(target.u + target.width).toBeGreaterThanOrEqual(rect.u + rect.width);
        expect(target.v + target.height).toBeGreaterThanOrEqual(rect.v + rect.height);
      }
    });

    it(`sends a tap anywhere in a board’s target (${pointer}) to a board, the nearest where targets overlap`, () => {
      const minTarget = pixelsToPlanUnits(pixels, drawnWidth, size);
      const plan = floorPlan(shippedLayout, size, minTarget);
      for (const board of plan.boards) {
        const { target } = board;
        for (const fu of [0.02, 0.25, 0.5, 0.75, 0.98]) {
          for (const fv of [0.02, 0.25, 0.5, 0.75, 0.98]) {
            const point = { u: target.u + fu * target.width, v: target.v + fv * target.height };
            const hit = hitFloorPlan(plan, point);
            expect(hit?.kind, `${board.panelId} at ${fu}, ${fv}`).toBe('board');
            // Every board's target holds this point, or it is nearer to the board hit.
            const candidates = plan.boards.filter(
              (other) =>
                point.u >= other.target.u &&
                point.u <= other.target.u + other.target.width &&
                point.v >= other.target.v &&
                point.v <= other.target.v + other.target.height,
            );
            expect(hit?.kind === 'board' ? hit.panelId : null).toBe(nearestBoard({ ...plan, boards: candidates }, point));
          }
        }
        // A tap on the bar itself always opens its board.
        expect(hitFloorPlan(plan, board.centre)).toEqual({ kind: 'board', panelId: board.panelId });
      }
    });
  }

  it('reaches a board from a fingertip’s width away, where the bare bar was missed', () => {
    const plan = floorPlan(shippedLayout, size, pixelsToPlanUnits(MIN_TOUCH_TARGET_PX, drawnWidth, size));
    const first = [...plan.boards].sort((a, b) => a.centre.u - b.centre.u)[0];
    if (!first) throw new Error('no board');
    // 16 CSS px from the bar's middle, towards the entrance and the middle of the corridor.
    const away = pixelsToPlanUnits(16 / Math.SQRT2, drawnWidth, size);
    const towardsMiddle = first.wall === 'left' ? away : -away;
    const tap = { u: first.centre.u - away, v: first.centre.v + towardsMiddle };
    expect(hitFloorPlan(floorPlan(shippedLayout, size), tap)?.kind).not.toBe('board');
    expect(hitFloorPlan(plan, tap)).toEqual({ kind: 'board', panelId: first.panelId });
  });
});

describe('store: going places from the map, the scrubber and the keyboard', () => {
  function readyStore() {
    const store = createExhibitionStore();
    store.getState().contentLoaded(exhibition, []);
    return store;
  }
  const viewpointOf = (goal: CameraGoal | null) => (goal?.kind === 'viewpoint' ? goal.viewpoint : null);

  it('goes to a section: just inside it, looking down the corridor, with no card open', () => {
    const store = readyStore();
    store.getState().openPanel('y1949');
    store.getState().goToSection('deqing');
    const state = store.getState();
    const section = layout.sections[1];
    expect(state.openPanelId).toBeNull();
    expect(state.focusPanelId).toBeNull();
    const viewpoint = viewpointOf(state.cameraGoal);
    expect(viewpoint?.position[2]).toBeCloseTo((section?.startZ ?? 0) - 0.4, 9);
    expect(viewpoint?.target[2]).toBeLessThan(viewpoint?.position[2] ?? 0);
    store.getState().goToSection('nowhere');
    expect(store.getState().cameraGoal).toBe(state.cameraGoal);
  });

  it('goes to a year: to its board when it has one, and next/previous carry on from there', () => {
    const store = readyStore();
    store.getState().goToYear(1949);
    expect(store.getState().focusPanelId).toBe('y1949');
    expect(viewpointOf(store.getState().cameraGoal)).toEqual(layout.boards.find((board) => board.panelId === 'y1949')?.viewpoint);
    store.getState().stepPanel(1);
    expect(store.getState().focusPanelId).toBe('y2021');
    store.getState().goToYear(1930);
    expect(store.getState().focusPanelId).toBe('y1921');
    expect(viewpointOf(store.getState().cameraGoal)?.position[2]).toBeLessThan(boardZ('y1921'));
  });

  it('keeps the keyboard focus and the reduced-motion preference, changing only when they change', () => {
    const store = readyStore();
    let changes = 0;
    store.subscribe(() => changes++);
    store.getState().setKeyboardFocus('y1921');
    store.getState().setKeyboardFocus('y1921');
    store.getState().setReducedMotion(true);
    store.getState().setReducedMotion(true);
    expect(store.getState().keyboardFocusPanelId).toBe('y1921');
    expect(store.getState().reducedMotion).toBe(true);
    expect(changes).toBe(2);
    store.getState().setKeyboardFocus(null);
    expect(store.getState().keyboardFocusPanelId).toBeNull();
  });
});
