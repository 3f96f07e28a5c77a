/**
 * The timeline's periods on the floor plan (layout/floorPlan.ts `floorPlanPeriods`): each a
 * stretch of the walkway from its first board to its last, in order, without overlap, holding
 * its own boards' middles and none of another period's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { periodRuns } from '../../src/content/periods.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import { type FloorPlan, floorPlan, floorPlanPeriods, type PlanPeriodRun } from '../../src/layout/floorPlan.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

let exhibition: Exhibition;
let plan: FloorPlan;
let runs: PlanPeriodRun[];

beforeAll(async () => {
  exhibition = await loadShippedExhibition();
  plan = floorPlan(layoutCorridor(exhibition), { width: 340, height: 56 });
  runs = exhibition.sections.flatMap((section) =>
    periodRuns(section.panels, exhibition.periods ?? []).map((run) => ({
      sectionId: section.id,
      periodId: run.period?.id ?? null,
      panelIds: run.panels.map((panel) => panel.id),
    })),
  );
});

describe('floorPlanPeriods', () => {
  it('gives the four shipped periods a stretch each of the timeline band, in order and without overlap', () => {
    const periods = floorPlanPeriods(plan, runs);
    expect(periods.map((period) => period.periodId)).toEqual((exhibition.periods ?? []).map((period) => period.id));
    const band = plan.sections.find((section) => section.sectionId === 'timeline')?.rect;
    if (!band) throw new Error('no timeline band');
    expect(periods[0]?.from).toBe(band.u);
    periods.forEach((period, index) => {
      expect(period.sectionId).toBe('timeline');
      expect(period.to).toBeGreaterThan(period.from);
      expect(period.to).toBeLessThanOrEqual(band.u + band.width);
      if (index > 0) expect(period.from).toBeCloseTo(periods[index - 1]?.to ?? Number.NaN, 9);
    });
    // The 训词 board after the last period keeps its own part of the band.
    expect(periods.at(-1)?.to).toBeLessThan(band.u + band.width);
  });

  it('holds the middle of each of its milestones, and no other period holds it but at its very edge', () => {
    // Boards face each other in pairs, so the last board of one period can stand across from the
    // first of the next: the boundary then runs through both their middles.
    const periods = floorPlanPeriods(plan, runs);
    for (const board of plan.boards) {
      const run = runs.find((candidate) => candidate.panelIds.includes(board.panelId));
      const u = board.centre.u;
      const strictly = periods.filter((period) => u > period.from + 1e-9 && u < period.to - 1e-9);
      if (run?.periodId) {
        const own = periods.find((period) => period.periodId === run.periodId);
        expect(own && u >= own.from - 1e-9 && u <= own.to + 1e-9, board.panelId).toBe(true);
        expect(
          strictly.filter((period) => period.periodId !== run.periodId),
          board.panelId,
        ).toEqual([]);
      } else {
        expect(strictly, board.panelId).toEqual([]);
      }
    }
  });

  it('draws nothing for sections without periods, or runs whose boards are not on the plan', () => {
    expect(floorPlanPeriods(plan, [{ sectionId: 'deqing', periodId: null, panelIds: ['red-culture'] }])).toEqual([]);
    expect(floorPlanPeriods(plan, [{ sectionId: 'timeline', periodId: 'x', panelIds: ['no-such-board'] }])).toEqual([]);
  });
});
