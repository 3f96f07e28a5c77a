/**
 * The classroom bench's scenarios, run against the real station server (`npm run serve`'s entry)
 * as a child process on loopback, serving a fixture build (no vite build needed).
 *
 * Each scenario has its own process and DATA_DIR, in two rounds:
 * 1. The lessons: the idle server's memory, then every phone joins, each lesson steps through its
 *    tour and plays its contest questions, the phones' answers are checked against the server's
 *    results, the lessons end, and the memory is read again right away and after a settle.
 * 2. The restarts: new lessons, everyone joined, a step; then for each signal the server is
 *    stopped and started again on the same port and DATA_DIR, timed until every phone has its
 *    welcome again at the lesson's stop; and a step after it, which must reach every phone too.
 * Round 1's memory stays clean of the restarts (a restarted process has no idle baseline).
 */
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { startRedis, type TestRedis } from '../../server/redisHarness.ts';
import { type ChildStation, makeFixtureBuild, spawnStation, tempDir } from '../../server/stationHarness.ts';
import { BENCH_TOUR, type BenchContext, BenchLesson, type BenchQuestion } from './classroom.ts';
import type { BenchOptions, Scenario } from './options.ts';
import {
  type AnswerTally,
  type BenchReport,
  checksOf,
  emptyTally,
  type Machine,
  type MemoryFigures,
  type RestartFigures,
  type ScenarioReport,
} from './report.ts';
import { seededRandom, summarise, vmRssKb } from './stats.ts';

const SAMPLE_INTERVAL_MS = 500;
/** The idle server is sampled this long before anyone joins. */
const BASELINE_MS = 2000;
/** Everyone's new participants come from 127.0.0.1: the per-address join limit raised for the bench (config.ts). */
const JOINS_PER_ADDRESS = 1_000_000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

type Phase = 'idle' | 'lessons' | 'after' | 'restarts';

/** The server's resident memory from `/proc/<pid>/status`, every half second, labelled by what the bench was doing. */
class RssSampler {
  readonly samples: Array<{ phase: Phase; kb: number }> = [];
  phase: Phase = 'idle';
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private pid: number) {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
  }

  /** After a restart: the new process. */
  follow(pid: number): void {
    this.pid = pid;
  }

  sample(): number | null {
    let kb: number | null = null;
    try {
      kb = vmRssKb(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    } catch {
      // Between a kill and the next start there is no process to read.
    }
    if (kb !== null) this.samples.push({ phase: this.phase, kb });
    return kb;
  }

  of(phase: Phase): number[] {
    return this.samples.filter((sample) => sample.phase === phase).map((sample) => sample.kb);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const toMb = (kb: number | null) => (kb === null ? null : kb / 1024);

/** The fixture build's quiz with every question on a short clock; its questions as the phones need them. */
async function shortenQuiz(dist: string, seconds: number): Promise<BenchQuestion[]> {
  const file = join(dist, 'content/quiz.json');
  const quizzes = JSON.parse(await readFile(file, 'utf8')) as {
    quizzes: Array<{
      id: string;
      questions: Array<{ id: string; options: Array<{ id: string }>; answer: string[]; seconds?: number }>;
    }>;
  };
  const quiz = quizzes.quizzes.find((candidate) => candidate.id === BENCH_TOUR);
  if (!quiz) throw new Error(`the shipped content has no quiz ${BENCH_TOUR}`);
  for (const question of quiz.questions) question.seconds = seconds;
  await writeFile(file, JSON.stringify(quizzes));
  return quiz.questions.map((question) => ({
    id: question.id,
    optionIds: question.options.map((option) => option.id),
    answer: [...question.answer],
  }));
}

function sumTallies(tallies: readonly AnswerTally[]): AnswerTally {
  const total = emptyTally();
  for (const tally of tallies) for (const key of Object.keys(total) as Array<keyof AnswerTally>) total[key] += tally[key];
  return total;
}

async function openLessons(
  context: BenchContext,
  scenario: Scenario,
  joinSpreadMs: number,
  log: (line: string) => void,
): Promise<BenchLesson[]> {
  const lessons: BenchLesson[] = [];
  // Created one after another (each a PIN check over HTTP), then everyone joins at once.
  for (let index = 0; index < scenario.lessons; index++) lessons.push(await BenchLesson.open(context, scenario.phonesPerLesson));
  const refusals = await Promise.all(lessons.map((lesson) => lesson.joinAll(joinSpreadMs)));
  const refusal = refusals.find((error) => error !== null);
  if (refusal) log(`${scenario.name}: phones could not join: ${refusal}`);
  return lessons;
}

export async function runScenario(
  scenario: Scenario,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<ScenarioReport> {
  const startedAt = performance.now();
  const work = await tempDir('classroom');
  const dataDir = join(work, 'data');
  let station: ChildStation | null = null;
  // --processes N: the others, each with its own DATA_DIR, sharing a redis-server with the first.
  let redis: TestRedis | null = null;
  const others: ChildStation[] = [];
  let sampler: RssSampler | null = null;
  const all: BenchLesson[] = [];
  try {
    const dist = (await makeFixtureBuild(join(work, 'dist'))).dir;
    const questions = await shortenQuiz(dist, options.questionSeconds);
    const env: Record<string, string> = { STATION_JOINS_PER_ADDRESS: String(JOINS_PER_ADDRESS) };
    if (options.processes > 1) {
      redis = await startRedis();
      env.REDIS_URL = redis.url;
    }
    const processEnv = (index: number) => (redis ? { ...env, STATION_PROCESS_ID: `bench-${index + 1}` } : env);
    station = await spawnStation({ dataDir, serveDist: dist, env: processEnv(0) });
    for (let index = 1; index < options.processes; index++)
      others.push(await spawnStation({ dataDir: join(work, `data-${index + 1}`), serveDist: dist, env: processEnv(index) }));
    sampler = new RssSampler(station.child.pid as number);
    const context: BenchContext = {
      url: station.url,
      phoneUrls: [station.url, ...others.map((other) => other.url)],
      random: seededRandom(options.seed),
      websocketOnly: options.websocketOnly,
      questions,
      questionSeconds: options.questionSeconds,
      timeoutMs: options.timeoutMs,
      rightShare: options.rightShare,
      resendShare: options.resendShare,
    };
    const played = Math.min(options.questions, questions.length);
    await sleep(BASELINE_MS);

    // Round 1: the lessons.
    sampler.phase = 'lessons';
    log(`${scenario.name}: ${scenario.lessons * scenario.phonesPerLesson} phones joining`);
    const lessons = await openLessons(context, scenario, options.joinSpreadMs, log);
    all.push(...lessons);
    const steps = options.steps ?? (lessons[0]?.stopCount ?? 1) - 1;
    log(`${scenario.name}: ${steps} steps and ${played} question(s) in each lesson`);
    await Promise.all(
      lessons.map(async (lesson) => {
        await lesson.walk(steps, options.stepGapMs);
        await lesson.playContest(played);
      }),
    );
    const tally = sumTallies(await Promise.all(lessons.map((lesson) => lesson.tallyAnswers(played))));
    sampler.sample();
    await Promise.all(lessons.map((lesson) => lesson.end()));
    sampler.phase = 'after';
    await sleep(SAMPLE_INTERVAL_MS);
    const afterKb = sampler.sample();
    log(`${scenario.name}: lessons ended; settling ${options.settleMs} ms`);
    await sleep(options.settleMs);
    const settledKb = sampler.sample();
    const idle = sampler.of('idle');
    // The least of the idle samples: a fresh process still holds its start's garbage for a while.
    const beforeKb = idle.length ? Math.min(...idle) : null;
    const during = sampler.of('lessons');
    const memory: MemoryFigures = {
      beforeMb: toMb(beforeKb),
      duringMaxMb: toMb(during.length ? Math.max(...during) : null),
      afterMb: toMb(afterKb),
      settledMb: toMb(settledKb),
      settledRatio: beforeKb && settledKb ? settledKb / beforeKb : null,
      samples: sampler.samples.length,
    };

    // Round 2: the restarts.
    const restarts: RestartFigures[] = [];
    const again: BenchLesson[] = [];
    if (options.restartSignals.length > 0) {
      sampler.phase = 'restarts';
      log(`${scenario.name}: new lessons for the restarts`);
      again.push(...(await openLessons(context, scenario, options.joinSpreadMs, log)));
      all.push(...again);
      await Promise.all(again.map((lesson) => lesson.step(1 % lesson.stopCount)));
      for (const signal of options.restartSignals) {
        const marks = again.map((lesson) => lesson.welcomeMarks());
        const killedAt = performance.now();
        const { port } = station;
        await station.kill(signal);
        station = await spawnStation({ dataDir, serveDist: dist, port, env: processEnv(0) });
        const backAt = performance.now();
        sampler.follow(station.child.pid as number);
        const resynced = await Promise.all(
          again.map((lesson, index) => lesson.resync(marks[index] as (typeof marks)[number], killedAt)),
        );
        const lastAt = resynced.some((result) => result.lastAt === null)
          ? null
          : Math.max(...resynced.map((result) => result.lastAt as number));
        const figures: RestartFigures = {
          signal,
          serverBackMs: backAt - killedAt,
          allResyncedMs: lastAt === null ? null : lastAt - killedAt,
          phoneResyncMs: summarise(resynced.flatMap((result) => result.phoneMs)),
          notResynced: resynced.reduce((sum, result) => sum + result.notResynced, 0),
        };
        restarts.push(figures);
        log(
          `${scenario.name}: ${signal}: back in ${Math.round(figures.serverBackMs)} ms, everyone resynced in ${
            figures.allResyncedMs === null ? '(not all)' : `${Math.round(figures.allResyncedMs)} ms`
          }`,
        );
        // The lesson goes on: the next step must reach every phone.
        await Promise.all(again.map((lesson) => lesson.step((lesson.stopIndex + 1) % lesson.stopCount)));
      }
      await Promise.all(again.map((lesson) => lesson.end()));
    }

    const figures = [...lessons, ...again].map((lesson) => lesson.figures);
    const sum = (pick: (lesson: (typeof figures)[number]) => number) => figures.reduce((total, one) => total + pick(one), 0);
    return {
      name: scenario.name,
      processes: options.processes,
      lessons: scenario.lessons,
      phonesPerLesson: scenario.phonesPerLesson,
      steps,
      questions: played,
      joinMs: summarise(lessons.flatMap((lesson) => lesson.figures.joinMs)),
      joinFailed: sum((one) => one.joinFailed),
      stepMs: summarise(figures.flatMap((one) => one.stepMs)),
      timeUpMs: summarise(figures.flatMap((one) => one.timeUpMs)),
      stepsDelivered: {
        expected: sum((one) => one.stepsExpected),
        received: sum((one) => one.stepsReceived),
        lost: sum((one) => one.stepsExpected - one.stepsReceived),
      },
      revealsDelivered: {
        expected: sum((one) => one.revealsExpected),
        received: sum((one) => one.revealsReceived),
        lost: sum((one) => one.revealsExpected - one.revealsReceived),
      },
      answers: tally,
      restarts,
      memory,
      wallMs: performance.now() - startedAt,
    };
  } catch (error) {
    if (station) log(`the station's output:\n${station.output().slice(-4000)}`);
    throw error;
  } finally {
    sampler?.stop();
    for (const lesson of all) for (const phone of lesson.phones) phone.close();
    for (const lesson of all) lesson.presenter.close();
    await station?.kill('SIGTERM');
    await Promise.all(others.map((other) => other.kill('SIGTERM')));
    await redis?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

export function machineOf(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

/** Every scenario in turn, then the checks. */
export async function runClassroomBench(options: BenchOptions, log: (line: string) => void = () => {}): Promise<BenchReport> {
  const startedAt = performance.now();
  const scenarios: ScenarioReport[] = [];
  for (const scenario of options.scenarios) scenarios.push(await runScenario(scenario, options, log));
  const checks = checksOf(scenarios, options.stepGoalMs);
  return {
    date: new Date().toISOString(),
    machine: machineOf(),
    options: { ...options, scenarios: options.scenarios.map((scenario) => scenario.name) },
    scenarios,
    checks,
    pass: checks.every((check) => check.pass),
    wallMs: performance.now() - startedAt,
  };
}
