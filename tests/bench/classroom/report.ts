/**
 * What the classroom bench measured, as data (the `--json` file), and as the table and checks it
 * prints. Pure: tested in tests/unit/classroomBenchReport.test.ts.
 */
import type { Summary } from './stats.ts';

export interface Delivery {
  /** Messages every phone had to receive (a step or a reveal, times the phones in its lesson). */
  expected: number;
  received: number;
  lost: number;
}

export interface AnswerTally {
  /** Every `live:answer` the phones sent, re-sends included. */
  sent: number;
  /** Of those, a phone sending the same question's answer again (the server must refuse it). */
  resent: number;
  /** Answers the server acknowledged as taken. */
  accepted: number;
  /** Acknowledged twice for one phone and question: a double count. */
  acceptedTwice: number;
  /** Refused as `already-answered` (the re-sends). */
  refusedAgain: number;
  /** Refused as `too-late` (sent as the question's time ran out). */
  refusedLate: number;
  /** Refused for anything else, or never acknowledged. */
  otherwise: number;
  /** What the server's results (the presenter's results route) count as answered, over the questions played. */
  counted: number;
  /** Phones whose mark on a question in the results is not what their own acknowledged answer makes it. */
  markMismatches: number;
  /** Questions whose answered or correct count in the results differs from the phones' own tally. */
  countMismatches: number;
}

export interface RestartFigures {
  signal: string;
  /** From the kill until the new process printed STATION_READY. */
  serverBackMs: number;
  /** From the kill until the last phone (and presenter) had its welcome again at the lesson's stop. */
  allResyncedMs: number | null;
  /** Each phone's time from the kill to its welcome. */
  phoneResyncMs: Summary;
  /** Phones with no welcome at the right stop (and as the same participant) within the timeout. */
  notResynced: number;
}

export interface MemoryFigures {
  /** The idle server before any phone joined (the least of its samples over 2 s). */
  beforeMb: number | null;
  /** The most while the lessons ran. */
  duringMaxMb: number | null;
  /** Right after the lessons ended and the phones went. */
  afterMb: number | null;
  /** After the settle (`--settle-ms`). */
  settledMb: number | null;
  /** settled / before: 1.0 is back at the baseline. */
  settledRatio: number | null;
  samples: number;
}

export interface ScenarioReport {
  name: string;
  /** Station processes (--processes); the memory figures are the first's, which holds the lessons. */
  processes: number;
  lessons: number;
  phonesPerLesson: number;
  steps: number;
  questions: number;
  joinMs: Summary;
  /** Phones that got no welcome (a refusal or the timeout). */
  joinFailed: number;
  stepMs: Summary;
  timeUpMs: Summary;
  stepsDelivered: Delivery;
  revealsDelivered: Delivery;
  answers: AnswerTally;
  restarts: RestartFigures[];
  memory: MemoryFigures;
  wallMs: number;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface Check {
  name: string;
  value: string;
  limit: string;
  pass: boolean;
}

export interface BenchReport {
  date: string;
  machine: Machine;
  options: Record<string, unknown>;
  scenarios: ScenarioReport[];
  checks: Check[];
  pass: boolean;
  wallMs: number;
}

/** A tally with nothing counted yet (a lesson's, or the sum of a scenario's lessons). */
export function emptyTally(): AnswerTally {
  return {
    sent: 0,
    resent: 0,
    accepted: 0,
    acceptedTwice: 0,
    refusedAgain: 0,
    refusedLate: 0,
    otherwise: 0,
    counted: 0,
    markMismatches: 0,
    countMismatches: 0,
  };
}

const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
const mb = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} MB`);
const spread = (summary: Summary) => (summary.count === 0 ? '—' : `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.max)}`);
const delivered = ({ expected, received, lost }: Delivery) => `${received} of ${expected} (lost ${lost})`;

/** One row per figure, one column per scenario. */
export function reportRows(scenarios: readonly ScenarioReport[]): string[][] {
  const row = (figure: string, cell: (scenario: ScenarioReport) => string) => [figure, ...scenarios.map(cell)];
  const rows = [
    row('lessons × phones', (s) => `${s.lessons} × ${s.phonesPerLesson}`),
    row('station processes (phones spread over them)', (s) => (s.processes > 1 ? `${s.processes}, sharing Redis` : '1')),
    row('steps, questions per lesson', (s) => `${s.steps}, ${s.questions}`),
    row('join: connect → welcome (p50 / p95 / max)', (s) => spread(s.joinMs)),
    row('phones that could not join', (s) => String(s.joinFailed)),
    row('step → every phone (p50 / p95 / max)', (s) => spread(s.stepMs)),
    row('time-up → every phone’s reveal (p50 / p95 / max)', (s) => spread(s.timeUpMs)),
    row('steps received', (s) => delivered(s.stepsDelivered)),
    row('reveals received', (s) => delivered(s.revealsDelivered)),
    row('answers sent (of them re-sends)', (s) => `${s.answers.sent} (${s.answers.resent})`),
    row('answers taken / counted in the results', (s) => `${s.answers.accepted} / ${s.answers.counted}`),
    row(
      're-sends refused / late refused / other',
      (s) => `${s.answers.refusedAgain} / ${s.answers.refusedLate} / ${s.answers.otherwise}`,
    ),
    row(
      'double counts, mismatched marks, counts',
      (s) => `${s.answers.acceptedTwice}, ${s.answers.markMismatches}, ${s.answers.countMismatches}`,
    ),
  ];
  const signals = [...new Set(scenarios.flatMap((s) => s.restarts.map((restart) => restart.signal)))];
  for (const signal of signals) {
    const of = (s: ScenarioReport) => s.restarts.find((restart) => restart.signal === signal);
    rows.push(row(`restart (${signal}): server back`, (s) => ms(of(s)?.serverBackMs ?? null)));
    rows.push(
      row(`restart (${signal}): every phone resynced`, (s) => {
        const restart = of(s);
        if (!restart) return '—';
        return `${ms(restart.allResyncedMs)}${restart.notResynced ? ` (${restart.notResynced} not)` : ''}`;
      }),
    );
    rows.push(
      row(`restart (${signal}): a phone's resync (p50 / p95 / max)`, (s) =>
        of(s) ? spread((of(s) as RestartFigures).phoneResyncMs) : '—',
      ),
    );
  }
  rows.push(
    row('server RSS: before / during (max)', (s) => `${mb(s.memory.beforeMb)} / ${mb(s.memory.duringMaxMb)}`),
    row('server RSS: after the lessons / settled', (s) => `${mb(s.memory.afterMb)} / ${mb(s.memory.settledMb)}`),
    row('settled ÷ before', (s) => (s.memory.settledRatio === null ? '—' : `${s.memory.settledRatio.toFixed(2)}×`)),
    row('wall time', (s) => `${(s.wallMs / 1000).toFixed(1)} s`),
  );
  return rows;
}

/** A Markdown table, columns padded to their widest cell (in code points: a terminal's double-width characters are not reckoned). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const columns = Math.max(...all.map((cells) => cells.length));
  const width = (text: string) => [...text].length;
  const widths = Array.from({ length: columns }, (_, column) => Math.max(...all.map((cells) => width(cells[column] ?? ''))));
  const pad = (text: string, size: number) => text + ' '.repeat(size - width(text));
  const line = (cells: readonly string[]) => `| ${widths.map((size, column) => pad(cells[column] ?? '', size)).join(' | ')} |`;
  const rule = `|${widths.map((size) => '-'.repeat(size + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The bench's verdicts: the step goal (issue 19), and what must hold at any load (nothing lost, each answer once, everyone back). */
export function checksOf(scenarios: readonly ScenarioReport[], stepGoalMs: number): Check[] {
  const checks: Check[] = [];
  for (const s of scenarios) {
    const p95 = s.stepMs.p95;
    checks.push({
      name: `${s.name}: step p95 ≤ ${stepGoalMs} ms`,
      value: ms(p95),
      limit: `${stepGoalMs} ms`,
      pass: p95 !== null && p95 <= stepGoalMs,
    });
    const lost = s.stepsDelivered.lost + s.revealsDelivered.lost;
    checks.push({ name: `${s.name}: messages lost`, value: String(lost), limit: '0', pass: lost === 0 });
    const { answers } = s;
    const wrong =
      answers.acceptedTwice + answers.markMismatches + answers.countMismatches + Math.abs(answers.counted - answers.accepted);
    checks.push({
      name: `${s.name}: answers counted exactly once`,
      value: `${answers.counted} counted of ${answers.accepted} taken; ${wrong} wrong`,
      limit: '0 wrong',
      pass: wrong === 0,
    });
    for (const restart of s.restarts)
      checks.push({
        name: `${s.name}: every phone resynced after ${restart.signal}`,
        value: `${restart.notResynced} not`,
        limit: '0',
        pass: restart.notResynced === 0 && restart.allResyncedMs !== null,
      });
  }
  return checks;
}

export function formatChecks(checks: readonly Check[]): string {
  return formatTable(
    ['check', 'value', 'limit', 'verdict'],
    checks.map((check) => [check.name, check.value, check.limit, check.pass ? 'PASS' : 'FAIL']),
  );
}
