/** The classroom bench's table and checks, from a report made up here (the figures themselves come from real runs). */
import { describe, expect, it } from 'vitest';
import { checksOf, formatChecks, formatTable, reportRows, type ScenarioReport } from '../bench/classroom/report.ts';
import { summarise } from '../bench/classroom/stats.ts';

function scenario(overrides: Partial<ScenarioReport> = {}): ScenarioReport {
  return {
    name: '200 phones in one lesson',
    processes: 1,
    lessons: 1,
    phonesPerLesson: 200,
    steps: 11,
    questions: 3,
    joinMs: summarise([12, 30, 18]),
    joinFailed: 0,
    stepMs: summarise([20, 40, 60, 80, 100]),
    timeUpMs: summarise([3, 5, 9]),
    stepsDelivered: { expected: 2600, received: 2600, lost: 0 },
    revealsDelivered: { expected: 600, received: 600, lost: 0 },
    answers: {
      sent: 690,
      resent: 90,
      accepted: 600,
      acceptedTwice: 0,
      refusedAgain: 90,
      refusedLate: 0,
      otherwise: 0,
      counted: 600,
      markMismatches: 0,
      countMismatches: 0,
    },
    restarts: [
      {
        signal: 'SIGTERM',
        serverBackMs: 1500,
        allResyncedMs: 3200,
        phoneResyncMs: summarise([2000, 2500, 3200]),
        notResynced: 0,
      },
    ],
    memory: { beforeMb: 120, duringMaxMb: 180.25, afterMb: 150, settledMb: 132, settledRatio: 1.1, samples: 90 },
    wallMs: 61_234,
    ...overrides,
  };
}

describe('formatTable', () => {
  it('pads every column to its widest cell, as a Markdown table', () => {
    const table = formatTable(
      ['figure', 'value'],
      [
        ['join', '12 ms'],
        ['restart (SIGKILL)', '1 ms'],
      ],
    );
    expect(table.split('\n')).toEqual([
      '| figure            | value |',
      '|-------------------|-------|',
      '| join              | 12 ms |',
      '| restart (SIGKILL) | 1 ms  |',
    ]);
  });

  it('counts a Chinese character as one, and fills a short row', () => {
    const lines = formatTable(['名', 'b'], [['课堂规模', '1'], ['x']]).split('\n');
    expect(lines[0]).toBe('| 名    | b |');
    expect(lines[2]).toBe('| 课堂规模 | 1 |');
    expect(lines[3]).toBe('| x    |   |');
  });
});

describe('reportRows', () => {
  it('gives one column per scenario with its figures written out', () => {
    const rows = reportRows([
      scenario(),
      scenario({ name: '20 lessons × 40 phones', processes: 2, lessons: 20, phonesPerLesson: 40, restarts: [] }),
    ]);
    const byFigure = new Map(rows.map(([figure, ...cells]) => [figure, cells]));
    expect(byFigure.get('lessons × phones')).toEqual(['1 × 200', '20 × 40']);
    expect(byFigure.get('station processes (phones spread over them)')).toEqual(['1', '2, sharing Redis']);
    expect(byFigure.get('step → every phone (p50 / p95 / max)')?.[0]).toBe('60 ms / 100 ms / 100 ms');
    expect(byFigure.get('steps received')?.[0]).toBe('2600 of 2600 (lost 0)');
    expect(byFigure.get('answers sent (of them re-sends)')?.[0]).toBe('690 (90)');
    expect(byFigure.get('restart (SIGTERM): every phone resynced')).toEqual(['3200 ms', '—']);
    expect(byFigure.get('server RSS: before / during (max)')?.[0]).toBe('120.0 MB / 180.3 MB');
    expect(byFigure.get('settled ÷ before')?.[0]).toBe('1.10×');
    expect(byFigure.get('wall time')?.[0]).toBe('61.2 s');
    for (const cells of byFigure.values()) expect(cells).toHaveLength(2);
  });

  it('shows a dash for what was not measured', () => {
    const rows = reportRows([scenario({ timeUpMs: summarise([]), memory: { ...scenario().memory, settledRatio: null } })]);
    const byFigure = new Map(rows.map(([figure, ...cells]) => [figure, cells]));
    expect(byFigure.get('time-up → every phone’s reveal (p50 / p95 / max)')).toEqual(['—']);
    expect(byFigure.get('settled ÷ before')).toEqual(['—']);
  });
});

describe('checksOf', () => {
  const verdicts = (report: ScenarioReport, goal = 250) =>
    Object.fromEntries(checksOf([report], goal).map((check) => [check.name.replace(`${report.name}: `, ''), check.pass]));

  it('passes a run that met the goal, lost nothing, counted each answer once and resynced everyone', () => {
    expect(verdicts(scenario())).toEqual({
      'step p95 ≤ 250 ms': true,
      'messages lost': true,
      'answers counted exactly once': true,
      'every phone resynced after SIGTERM': true,
    });
  });

  it('fails the step goal above it, and passes it exactly at it', () => {
    expect(verdicts(scenario(), 99)['step p95 ≤ 99 ms']).toBe(false);
    expect(verdicts(scenario(), 100)['step p95 ≤ 100 ms']).toBe(true);
    expect(verdicts(scenario({ stepMs: summarise([]) }))['step p95 ≤ 250 ms']).toBe(false);
  });

  it('fails on one lost step or reveal', () => {
    expect(verdicts(scenario({ stepsDelivered: { expected: 10, received: 9, lost: 1 } }))['messages lost']).toBe(false);
    expect(verdicts(scenario({ revealsDelivered: { expected: 10, received: 9, lost: 1 } }))['messages lost']).toBe(false);
  });

  it('fails on a double count, a wrong mark, or results that count otherwise than the phones were told', () => {
    const answers = scenario().answers;
    for (const wrong of [{ acceptedTwice: 1 }, { markMismatches: 1 }, { countMismatches: 1 }, { counted: 601 }])
      expect(verdicts(scenario({ answers: { ...answers, ...wrong } }))['answers counted exactly once']).toBe(false);
  });

  it('fails a restart that left a phone behind', () => {
    const restart = { ...scenario().restarts[0], notResynced: 1, allResyncedMs: null } as ScenarioReport['restarts'][number];
    expect(verdicts(scenario({ restarts: [restart] }))['every phone resynced after SIGTERM']).toBe(false);
  });

  it('prints PASS and FAIL beside each', () => {
    const text = formatChecks(checksOf([scenario({ stepMs: summarise([400]) })], 250));
    expect(text).toMatch(/step p95 ≤ 250 ms +\| 400 ms +\| 250 ms +\| FAIL/);
    expect(text).toMatch(/messages lost +\| 0 +\| 0 +\| PASS/);
  });
});
