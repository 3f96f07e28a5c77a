/**
 * Wall text is read from a reading distance: pushing against the far wall, or walking into a
 * board, used to fill the screen with a few giant strokes. The bounds keep the visitor far enough
 * from the far wall's lettering (FAR_WALL_LETTERING, drawn by Landmarks.tsx) that all of it is in
 * a level view at a reading size, and the visitor's own steps (walkBounds) far enough from the
 * boards on the side walls that a board's whole width is in a 16:9 view.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Lang, localize } from '../../src/content/localize.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import {
  type CorridorLayout,
  DEFAULT_DIMENSIONS,
  EYE_FOV_DEGREES,
  FAR_WALL_LETTERING,
  layoutCorridor,
} from '../../src/layout/corridor.ts';
import { estimateEms, fitFontSize } from '../../src/layout/textFit.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

let exhibition: Exhibition;
let layout: CorridorLayout;

beforeAll(async () => {
  exhibition = await loadShippedExhibition();
  layout = layoutCorridor(exhibition);
});

interface Line {
  name: string;
  /** Centre height, m. */
  y: number;
  /** Letter size, m. */
  size: number;
  /** Estimated width, m. */
  width: number;
}

/** The far wall's lines as Landmarks.tsx sets them, with their estimated extent. */
function lettering(lang: Lang): Line[] {
  const { host, motto, caption } = FAR_WALL_LETTERING;
  const lines: Line[] = [];
  const line = (name: string, text: string, share: number, size: number, spacing = 0) => {
    const chars = [...text].length;
    lines.push({ name, y: layout.height * share, size, width: (estimateEms(text) + chars * spacing) * size });
  };
  line('host', localize(exhibition.host, lang), host.heightShare, host.fontSize);
  const mottoText = localize(exhibition.motto, lang);
  if (mottoText) {
    const size = fitFontSize(mottoText, layout.width - 2 * motto.sideMargin, motto.fontSize, motto.minFontSize);
    line('motto', mottoText, motto.heightShare, size, lang === 'zh' ? motto.letterSpacingZh : 0);
  }
  const captionText = localize(exhibition.mottoCaption, lang);
  if (captionText) line('caption', captionText, caption.heightShare, caption.fontSize);
  return lines;
}

describe('the far wall', () => {
  it('the walkable floor ends a reading distance from it; the entrance end keeps the wall margin', () => {
    expect(layout.bounds.minZ - layout.endZ).toBeGreaterThanOrEqual(DEFAULT_DIMENSIONS.wallTextDistance - 1e-9);
    expect(layout.entranceZ - layout.bounds.maxZ).toBeCloseTo(DEFAULT_DIMENSIONS.wallMargin, 12);
    // Every board, and the start, can still be reached.
    for (const board of layout.boards) expect(board.viewpoint.position[2]).toBeGreaterThanOrEqual(layout.bounds.minZ);
    expect(layout.start.position[2]).toBeLessThanOrEqual(layout.bounds.maxZ);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`from the nearest spot, all its lettering is in a level view, letters at a reading size (${lang})`, () => {
      const distance = layout.bounds.minZ - layout.endZ;
      const halfHeight = Math.tan((EYE_FOV_DEGREES * Math.PI) / 360) * distance;
      const lines = lettering(lang);
      expect(lines.map((line) => line.name)).toEqual(['host', 'motto', 'caption']);
      for (const line of lines) {
        expect(line.y + line.size / 2 - layout.eyeHeight, `${line.name} above the view`).toBeLessThanOrEqual(halfHeight);
        expect(layout.eyeHeight - (line.y - line.size / 2), `${line.name} below the view`).toBeLessThanOrEqual(halfHeight);
        // No letter taller than an eighth of the view (pressed against the wall, the motto's were two thirds).
        expect(line.size / (2 * halfHeight), `${line.name}'s letters`).toBeLessThanOrEqual(1 / 8);
        // The whole line across the view on a 16:10 screen or anything wider.
        for (const aspect of [16 / 10, 16 / 9, 1366 / 768]) {
          expect(line.width / 2, `${line.name} across a ${aspect.toFixed(2)} view`).toBeLessThanOrEqual(halfHeight * aspect);
        }
      }
    });
  }
});

describe('the boards on the side walls', () => {
  it('the visitor’s own steps stop where a board’s whole width is in a 16:9 view', () => {
    const halfWidth16by9 = Math.tan((EYE_FOV_DEGREES * Math.PI) / 360) * (16 / 9);
    expect(layout.boards.length).toBeGreaterThan(0);
    for (const board of [...layout.boards, ...layout.sections.map((section) => section.header)]) {
      const nearest = board.wall === 'left' ? layout.walkBounds.minX : layout.walkBounds.maxX;
      const distance = Math.abs(board.position[0] - nearest);
      expect(distance).toBeGreaterThanOrEqual(DEFAULT_DIMENSIONS.boardReadingDistance - 1e-9);
      expect(board.width / 2).toBeLessThanOrEqual(distance * halfWidth16by9);
    }
  });

  it('still leaves the corridor walkable, with every board’s viewpoint and the start on the walkable floor', () => {
    const { walkBounds, bounds } = layout;
    expect(walkBounds.maxX - walkBounds.minX).toBeGreaterThan(2);
    expect(walkBounds.minX).toBeGreaterThanOrEqual(bounds.minX);
    expect(walkBounds.maxX).toBeLessThanOrEqual(bounds.maxX);
    expect([walkBounds.minZ, walkBounds.maxZ]).toEqual([bounds.minZ, bounds.maxZ]);
    for (const point of [layout.start, ...layout.boards.map((board) => board.viewpoint)]) {
      expect(point.position[0]).toBeGreaterThanOrEqual(walkBounds.minX);
      expect(point.position[0]).toBeLessThanOrEqual(walkBounds.maxX);
    }
  });
});
