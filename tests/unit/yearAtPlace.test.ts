/**
 * The year scrubber's readout follows the visitor (yearAtPlace in src/layout/yearScrubber.ts):
 * beside a milestone board, facing it, its year; walking down the corridor, the years go by;
 * at the entrance the timeline's first year. On the shipped corridor, where boards of different
 * years face each other across it (1927 and 1935, 1945 and 1949).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CorridorLayout, layoutCorridor, type Vec3 } from '../../src/layout/corridor.ts';
import { yawPitchTowards } from '../../src/layout/queries.ts';
import { placeForYear, timelineMarks, type YearMark, yearAnchors, yearAtPlace } from '../../src/layout/yearScrubber.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

let layout: CorridorLayout;
let marks: YearMark[];

beforeAll(async () => {
  const exhibition = await loadShippedExhibition();
  layout = layoutCorridor(exhibition);
  marks = timelineMarks(exhibition, layout);
});

const DOWN_THE_CORRIDOR = 0;
const at = (x: number, z: number, yaw: number) => ({ position: [x, layout.eyeHeight, z] as Vec3, yaw });

describe('yearAtPlace', () => {
  it('beside each milestone board, facing it, says that board’s year (both 1945 boards too)', () => {
    expect(marks.length).toBeGreaterThan(10);
    for (const mark of marks) {
      const { position, target } = mark.board.viewpoint;
      const { yaw } = yawPitchTowards(position, target);
      expect(yearAtPlace(marks, { position, yaw }), mark.panelId).toBe(mark.year);
      // A step along the wall, still beside it and looking at it a little askew.
      expect(yearAtPlace(marks, at(position[0] + 0.4, position[2] - 0.5, yaw + 0.3)), mark.panelId).toBe(mark.year);
    }
    const board1949 = marks.find((mark) => mark.panelId === 'prc-founding-1949');
    expect(board1949?.year).toBe(1949);
  });

  it('at the entrance, before the first board, says the timeline’s first year', () => {
    const { position, target } = layout.start;
    expect(yearAtPlace(marks, { position, yaw: yawPitchTowards(position, target).yaw })).toBe(1921);
    expect(yearAtPlace(marks, at(0, layout.bounds.maxZ, Math.PI))).toBe(1921); // looking back at the entrance
  });

  it('walking down the middle of the corridor, the years only go forward, from 1921 to 2021', () => {
    const seen: number[] = [];
    for (let z = layout.bounds.maxZ; z >= layout.bounds.minZ; z -= 0.1) {
      const year = yearAtPlace(marks, at(0, z, DOWN_THE_CORRIDOR));
      if (year === null) throw new Error('no year');
      if (seen.at(-1) !== year) seen.push(year);
    }
    expect(seen[0]).toBe(1921);
    expect(seen.at(-1)).toBe(2021);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? Number.POSITIVE_INFINITY);
    expect(seen).toContain(1949);
    expect(seen.length).toBeGreaterThan(40); // the years between the boards go by too
  });

  it('between two boards along the corridor, says the year placeForYear puts there', () => {
    const anchors = yearAnchors(marks);
    let checked = 0;
    for (let i = 1; i < anchors.length; i++) {
      const [before, after] = [anchors[i - 1], anchors[i]];
      if (!before || !after) continue;
      // Boards facing each other across the corridor share one z: no years lie between them there.
      if (before.board.position[2] === after.board.position[2]) continue;
      for (let year = before.year + 1; year < after.year; year++) {
        const place = placeForYear(marks, year);
        if (!place) throw new Error(`no place for ${year}`);
        expect(yearAtPlace(marks, at(0, place.z, DOWN_THE_CORRIDOR)), `${year} down the corridor`).toBe(year);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('past the last board, says the last year; with no boards, nothing', () => {
    expect(yearAtPlace(marks, at(0, layout.bounds.minZ, DOWN_THE_CORRIDOR))).toBe(2021);
    expect(yearAtPlace([], at(0, -10, 0))).toBeNull();
  });
});
