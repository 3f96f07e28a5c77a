/**
 * `npm run bench:classroom`'s options, from the command line (pure: tested in
 * tests/unit/classroomBenchOptions.test.ts). Without `--phones` or `--lessons` the bench runs
 * both scenarios of issue 19; with either, one scenario of those counts.
 */

export interface Scenario {
  name: string;
  lessons: number;
  phonesPerLesson: number;
}

export interface BenchOptions {
  scenarios: Scenario[];
  /** Steps each lesson takes; null: one to each stop of its tour after the first. */
  steps: number | null;
  /** Contest questions each lesson plays (the quiz's first ones). */
  questions: number;
  /** Each question's countdown (the fixture build's quiz.json is rewritten to it; the content allows 5 and up). */
  questionSeconds: number;
  /** Phones join at random moments within this window. */
  joinSpreadMs: number;
  /** A lesson's pause between steps, on average (each is drawn from half to one and a half of it). */
  stepGapMs: number;
  /** How the server is stopped before each restart, in order; empty: no restart measured. */
  restartSignals: NodeJS.Signals[];
  /** The wait after the lessons ended before the last memory figure. */
  settleMs: number;
  /** How long to wait for every phone to receive something before counting the rest as lost. */
  timeoutMs: number;
  /** Phones connect with WebSocket only; by default as a browser does (long-polling first, then the upgrade). */
  websocketOnly: boolean;
  /**
   * Station processes sharing one redis-server (issue 19): the presenters on the first, the phones
   * joining through each in turn. 1: one process alone, no Redis.
   */
  processes: number;
  /** Of the phones, the share answering each question right, and the share sending their answer twice. */
  rightShare: number;
  resendShare: number;
  seed: number;
  /** The step latency goal for p95 (issue 19: 250 ms on this machine). */
  stepGoalMs: number;
  json: string | null;
  /** Exit 1 when a check fails (`--no-fail`: report only). */
  fail: boolean;
}

export const DEFAULT_SCENARIOS: readonly Scenario[] = [
  { name: '200 phones in one lesson', lessons: 1, phonesPerLesson: 200 },
  { name: '20 lessons × 40 phones', lessons: 20, phonesPerLesson: 40 },
];

export const DEFAULT_OPTIONS: Omit<BenchOptions, 'scenarios'> = {
  steps: null,
  questions: 3,
  questionSeconds: 5,
  joinSpreadMs: 3000,
  stepGapMs: 500,
  restartSignals: ['SIGTERM', 'SIGKILL'],
  settleMs: 10_000,
  timeoutMs: 15_000,
  websocketOnly: false,
  processes: 1,
  rightShare: 0.6,
  resendShare: 0.15,
  seed: 19,
  stepGoalMs: 250,
  json: null,
  fail: true,
};

export const USAGE = `npm run bench:classroom -- [options]

  (no --phones/--lessons)   both scenarios: 200 phones in one lesson, then 20 lessons × 40 phones
  --phones N                phones per lesson (one scenario; default 40)
  --lessons N               lessons at once (one scenario; default 1)
  --steps N                 steps per lesson (default: every stop of the tour once)
  --questions N             contest questions per lesson (default 3)
  --question-seconds N      each question's countdown, 5 and up (default 5)
  --join-spread-ms N        phones join within this window (default 3000)
  --step-gap-ms N           mean pause between a lesson's steps (default 500)
  --restart LIST            signals for the restarts, comma-separated, or none (default SIGTERM,SIGKILL)
  --settle-ms N             wait after the lessons end before the last memory figure (default 10000)
  --timeout-ms N            wait for every phone before counting a message lost (default 15000)
  --websocket-only          phones skip long-polling (default: as a browser, polling then upgrade)
  --processes N             N station processes sharing a redis-server, 1 to 8 (default 1: one alone);
                            presenters on the first, phones through each in turn; the restarts are the first's
  --seed N                  the random choices' seed (default 19)
  --step-goal-ms N          the p95 step latency that passes (default 250)
  --json FILE               also write the report as JSON
  --no-fail                 exit 0 even when a check fails`;

const MAX_PROCESSES = 8;
const SIGNALS = new Set(['SIGTERM', 'SIGKILL', 'SIGINT']);

/** The options, or a message saying what is wrong with the command line (`help` for --help). */
export function parseBenchArgs(args: readonly string[]): BenchOptions | { error: string } | 'help' {
  const options: BenchOptions = { ...DEFAULT_OPTIONS, restartSignals: [...DEFAULT_OPTIONS.restartSignals], scenarios: [] };
  const counts: { phones: number | null; lessons: number | null } = { phones: null, lessons: null };
  const numbers: Record<string, { min: number; set: (value: number) => void }> = {
    '--phones': { min: 1, set: (value) => (counts.phones = value) },
    '--lessons': { min: 1, set: (value) => (counts.lessons = value) },
    '--steps': { min: 0, set: (value) => (options.steps = value) },
    '--questions': { min: 0, set: (value) => (options.questions = value) },
    '--question-seconds': { min: 5, set: (value) => (options.questionSeconds = value) },
    '--join-spread-ms': { min: 0, set: (value) => (options.joinSpreadMs = value) },
    '--step-gap-ms': { min: 0, set: (value) => (options.stepGapMs = value) },
    '--settle-ms': { min: 0, set: (value) => (options.settleMs = value) },
    '--timeout-ms': { min: 100, set: (value) => (options.timeoutMs = value) },
    '--seed': { min: 0, set: (value) => (options.seed = value) },
    '--step-goal-ms': { min: 1, set: (value) => (options.stepGoalMs = value) },
    '--processes': { min: 1, set: (value) => (options.processes = value) },
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? args[++index];
    if (name === '--help' || name === '-h') return 'help';
    if (name === '--no-fail') options.fail = false;
    else if (name === '--websocket-only') options.websocketOnly = true;
    else if (name === '--json') {
      const file = value();
      if (!file) return { error: '--json needs a file name' };
      options.json = file;
    } else if (name === '--restart') {
      const list = value();
      if (!list) return { error: '--restart needs a list of signals, or none' };
      const signals = list === 'none' ? [] : list.split(',').map((signal) => signal.trim().toUpperCase());
      const unknown = signals.find((signal) => !SIGNALS.has(signal));
      if (unknown !== undefined) return { error: `--restart: ${unknown} is not SIGTERM, SIGKILL or SIGINT` };
      options.restartSignals = signals as NodeJS.Signals[];
    } else if (Object.hasOwn(numbers, name)) {
      const text = value();
      const number = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.NaN;
      const { min, set } = numbers[name] as { min: number; set: (value: number) => void };
      if (!(number >= min)) return { error: `${name} needs a whole number of at least ${min}${text ? `, not ${text}` : ''}` };
      set(number);
    } else return { error: `unknown option ${arg}` };
  }
  if (options.processes > MAX_PROCESSES) return { error: `--processes needs at most ${MAX_PROCESSES}, not ${options.processes}` };
  if (counts.phones === null && counts.lessons === null)
    options.scenarios = DEFAULT_SCENARIOS.map((scenario) => ({ ...scenario }));
  else {
    const count = { lessons: counts.lessons ?? 1, phonesPerLesson: counts.phones ?? 40 };
    options.scenarios = [{ name: scenarioName(count.lessons, count.phonesPerLesson), ...count }];
  }
  return options;
}

export function scenarioName(lessons: number, phonesPerLesson: number): string {
  return lessons === 1 ? `${phonesPerLesson} phones in one lesson` : `${lessons} lessons × ${phonesPerLesson} phones`;
}
