/**
 * `npm run bench:classroom` end to end at a classroom's smallest: one lesson of five phones, two
 * steps, one contest question in which every phone sends its answer twice, a SIGKILL restart;
 * against the real server as a child process, as the full bench runs. The figures are not
 * asserted (they depend on the machine); the report's shape and what must hold at any load are:
 * nothing lost, each answer counted once, everyone back after the restart.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../bench/classroom/options.ts';
import { runClassroomBench } from '../bench/classroom/run.ts';
import { closeAllSockets, connectPhone, createLesson, makeFixtureBuild, spawnStation, tempDir } from './stationHarness.ts';

afterAll(() => closeAllSockets());

describe('the classroom bench', () => {
  it('runs a lesson of five phones through steps, a question and a restart, and reports it', async () => {
    const report = await runClassroomBench({
      ...DEFAULT_OPTIONS,
      scenarios: [{ name: '5 phones in one lesson', lessons: 1, phonesPerLesson: 5 }],
      steps: 2,
      questions: 1,
      joinSpreadMs: 100,
      stepGapMs: 50,
      restartSignals: ['SIGKILL'],
      settleMs: 0,
      resendShare: 1,
    });
    expect(report.scenarios).toHaveLength(1);
    const [scenario] = report.scenarios;
    if (!scenario) throw new Error('no scenario');
    expect(scenario).toMatchObject({ lessons: 1, phonesPerLesson: 5, steps: 2, questions: 1, joinFailed: 0 });
    expect(scenario.joinMs.count).toBe(5);
    // Two steps in round 1; in the restart round one before the restart and one after it.
    expect(scenario.stepsDelivered).toEqual({ expected: 4 * 5, received: 4 * 5, lost: 0 });
    expect(scenario.stepMs.count).toBe(20);
    expect(scenario.revealsDelivered).toEqual({ expected: 5, received: 5, lost: 0 });
    // A reveal comes at the server's own time-up, never before it.
    expect(scenario.timeUpMs.count).toBe(5);
    expect(scenario.timeUpMs.p50).toBeGreaterThanOrEqual(0);

    const { answers } = scenario;
    // Every phone answered and sent it again: one taken, one refused, each counted once in the results.
    expect(answers.resent).toBe(5);
    expect(answers.sent).toBe(10);
    expect(answers.accepted + answers.refusedLate).toBe(5);
    expect(answers.refusedAgain + answers.refusedLate).toBe(5);
    expect(answers).toMatchObject({ acceptedTwice: 0, otherwise: 0, markMismatches: 0, countMismatches: 0 });
    expect(answers.counted).toBe(answers.accepted);

    expect(scenario.restarts).toHaveLength(1);
    const [restart] = scenario.restarts;
    expect(restart).toMatchObject({ signal: 'SIGKILL', notResynced: 0 });
    expect(restart?.phoneResyncMs.count).toBe(5);
    expect(restart?.allResyncedMs).toBeGreaterThanOrEqual(restart?.serverBackMs ?? Number.POSITIVE_INFINITY);

    expect(scenario.memory.beforeMb).toBeGreaterThan(10);
    expect(scenario.memory.duringMaxMb).toBeGreaterThan(0);
    expect(scenario.memory.settledRatio).toBeGreaterThan(0);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.checks.map((check) => [check.name, check.pass])).toEqual([
      ['5 phones in one lesson: step p95 ≤ 250 ms', expect.any(Boolean)],
      ['5 phones in one lesson: messages lost', true],
      ['5 phones in one lesson: answers counted exactly once', true],
      ['5 phones in one lesson: every phone resynced after SIGKILL', true],
    ]);
  });

  it('lets STATION_JOINS_PER_ADDRESS bound the new participants one address makes', async () => {
    const dataDir = await tempDir('joins');
    const serveDist = (await makeFixtureBuild(join(dataDir, 'dist'))).dir;
    const station = await spawnStation({ dataDir, serveDist, env: { STATION_JOINS_PER_ADDRESS: '2' } });
    try {
      const lesson = await createLesson(station.url, 'new-recruits');
      await connectPhone(station.url, { code: lesson.code });
      await connectPhone(station.url, { code: lesson.code });
      await expect(connectPhone(station.url, { code: lesson.code }, { reconnection: false })).rejects.toMatchObject({
        refusal: { error: 'rate-limited' },
      });
    } finally {
      closeAllSockets();
      await station.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
