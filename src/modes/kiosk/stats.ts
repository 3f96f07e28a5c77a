/**
 * Visit statistics of the lobby kiosk, kept on the machine only (localStorage), with no personal
 * data: per local calendar day, how many visits started and how long they lasted, per board
 * how often its card was opened and for how many seconds it was read, per oath wall how many
 * times its ceremony was read to the end (誓词诵读 人次), per quiz how many attempts were started
 * and finished (知识问答), and per question how often it was answered and answered correctly.
 *
 * The model is plain data and pure functions (tested on their own); `KioskStatsRecorder` holds the
 * one copy, writes it back after each change and never throws at the visitor (a full or missing
 * storage only loses statistics).
 */

export interface BoardStats {
  opens: number;
  /** Seconds the card was open, summed. */
  seconds: number;
}

export interface DayStats {
  visits: number;
  /** Seconds from the first touch to the idle reset, summed over the day's visits. */
  visitSeconds: number;
  boards: Record<string, BoardStats>;
  /**
   * Oath readings by oath panel id: ceremonies read to the last phrase. Absent on days without one
   * (and in every day stored before oath readings were counted), so older statistics load as they
   * are and the stored format stays version 1.
   */
  oaths?: Record<string, number>;
  /** Quiz attempts by quiz id; absent on days without one (as `oaths`, for the same reason). */
  quizzes?: Record<string, QuizStats>;
  /** Answers by question id (question ids are unique across quiz.json); absent on days without one. */
  questions?: Record<string, QuestionStats>;
}

export interface QuizStats {
  /** Attempts begun: the quiz opened afresh, or 再来一次. */
  started: number;
  /** Attempts answered to the last question (the score shown). */
  finished: number;
}

export interface QuestionStats {
  /** Answers submitted. */
  answered: number;
  /** Of those, correct. */
  correct: number;
}

export interface KioskStats {
  version: 1;
  /** By local date, "2025-07-01". */
  days: Record<string, DayStats>;
}

export const STATS_STORAGE_KEY = 'dangshi.kiosk.stats.v1';
/** Days kept; older days are dropped when the statistics are saved. */
export const KEEP_DAYS = 400;
/** A single reading never counts for more than this (a clock jump, a card left open and forgotten). */
export const MAX_READING_SECONDS = 30 * 60;
export const MAX_VISIT_SECONDS = 4 * 60 * 60;

export function emptyStats(): KioskStats {
  return { version: 1, days: {} };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day of a time, as "YYYY-MM-DD". */
export function dayKey(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function day(stats: KioskStats, time: number): DayStats {
  const key = dayKey(time);
  let entry = stats.days[key];
  if (!entry) {
    entry = { visits: 0, visitSeconds: 0, boards: {} };
    stats.days[key] = entry;
  }
  return entry;
}

function board(entry: DayStats, panelId: string): BoardStats {
  let stats = entry.boards[panelId];
  if (!stats) {
    stats = { opens: 0, seconds: 0 };
    entry.boards[panelId] = stats;
  }
  return stats;
}

const seconds = (from: number, to: number, max: number) => {
  const value = (to - from) / 1000;
  return Number.isFinite(value) && value > 0 ? Math.round(Math.min(value, max) * 10) / 10 : 0;
};

/** A visit started (the first touch on the attract screen). */
export function addVisit(stats: KioskStats, at: number): void {
  day(stats, at).visits++;
}

/** A visit's length, counted on the day it started. */
export function addVisitTime(stats: KioskStats, startedAt: number, endedAt: number): void {
  day(stats, startedAt).visitSeconds += seconds(startedAt, endedAt, MAX_VISIT_SECONDS);
}

export function addBoardOpen(stats: KioskStats, panelId: string, at: number): void {
  board(day(stats, at), panelId).opens++;
}

/** An oath ceremony read to its last phrase. */
export function addOathReading(stats: KioskStats, panelId: string, at: number): void {
  const entry = day(stats, at);
  const oaths = entry.oaths ?? {};
  oaths[panelId] = (oaths[panelId] ?? 0) + 1;
  entry.oaths = oaths;
}

function quiz(entry: DayStats, quizId: string): QuizStats {
  const quizzes = entry.quizzes ?? {};
  entry.quizzes = quizzes;
  let stats = quizzes[quizId];
  if (!stats) {
    stats = { started: 0, finished: 0 };
    quizzes[quizId] = stats;
  }
  return stats;
}

/** A quiz attempt begun. */
export function addQuizStart(stats: KioskStats, quizId: string, at: number): void {
  quiz(day(stats, at), quizId).started++;
}

/** A quiz attempt answered to its last question. */
export function addQuizFinish(stats: KioskStats, quizId: string, at: number): void {
  quiz(day(stats, at), quizId).finished++;
}

/** One answer to a question, right or wrong. */
export function addQuestionAnswer(stats: KioskStats, questionId: string, correct: boolean, at: number): void {
  const entry = day(stats, at);
  const questions = entry.questions ?? {};
  entry.questions = questions;
  const question = questions[questionId] ?? { answered: 0, correct: 0 };
  question.answered++;
  if (correct) question.correct++;
  questions[questionId] = question;
}

/** Time a card was open, counted on the day it was opened. */
export function addBoardTime(stats: KioskStats, panelId: string, openedAt: number, closedAt: number): void {
  const entry = board(day(stats, openedAt), panelId);
  entry.seconds = Math.round((entry.seconds + seconds(openedAt, closedAt, MAX_READING_SECONDS)) * 10) / 10;
}

/** Drops days older than `keepDays` before `now`. */
export function pruneStats(stats: KioskStats, now: number, keepDays = KEEP_DAYS): void {
  const oldest = dayKey(now - keepDays * 86_400_000);
  for (const key of Object.keys(stats.days)) if (key < oldest) delete stats.days[key];
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A stored map of id → counts, keeping the well-formed entries; undefined when none is. */
function parseCounts<Field extends string>(
  value: unknown,
  fields: readonly Field[],
): Record<string, Record<Field, number>> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: Record<string, Record<Field, number>> = {};
  for (const [id, item] of Object.entries(value as Record<string, unknown>)) {
    const record = (item ?? {}) as Record<string, unknown>;
    if (fields.every((field) => isCount(record[field]))) {
      out[id] = Object.fromEntries(fields.map((field) => [field, record[field] as number])) as Record<Field, number>;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reads stored statistics, keeping what is well-formed; anything else starts afresh. */
export function parseStats(text: string | null): KioskStats {
  if (!text) return emptyStats();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return emptyStats();
  }
  const stats = emptyStats();
  const days = (raw as { days?: unknown } | null)?.days;
  if (!days || typeof days !== 'object') return stats;
  for (const [key, value] of Object.entries(days as Record<string, unknown>)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || !value || typeof value !== 'object') continue;
    const { visits, visitSeconds, boards, oaths, quizzes, questions } = value as Partial<Record<keyof DayStats, unknown>>;
    const entry: DayStats = {
      visits: isCount(visits) ? visits : 0,
      visitSeconds: isCount(visitSeconds) ? visitSeconds : 0,
      boards: {},
    };
    if (boards && typeof boards === 'object') {
      for (const [id, item] of Object.entries(boards as Record<string, unknown>)) {
        const { opens, seconds: read } = (item ?? {}) as Partial<Record<keyof BoardStats, unknown>>;
        if (isCount(opens) && isCount(read)) entry.boards[id] = { opens, seconds: read };
      }
    }
    // Statistics saved before oath readings were counted have no `oaths`: the day stays without.
    if (oaths && typeof oaths === 'object') {
      const counted: Record<string, number> = {};
      for (const [id, count] of Object.entries(oaths as Record<string, unknown>)) if (isCount(count)) counted[id] = count;
      if (Object.keys(counted).length > 0) entry.oaths = counted;
    }
    const attempts = parseCounts(quizzes, ['started', 'finished'] as const);
    if (attempts) entry.quizzes = attempts;
    const answers = parseCounts(questions, ['answered', 'correct'] as const);
    if (answers) entry.questions = answers;
    stats.days[key] = entry;
  }
  return stats;
}

export interface DaySummary {
  day: string;
  visits: number;
  opens: number;
  /** Seconds with a card open. */
  readingSeconds: number;
  /** Average visit length in seconds (0 without visits). */
  averageVisitSeconds: number;
  /** Oath ceremonies read to the end, all oath panels together (誓词诵读 人次). */
  oathReadings: number;
}

/** The last `count` days up to `now`, newest first, including days without visits. */
export function summarizeDays(stats: KioskStats, now: number, count = 14): DaySummary[] {
  const out: DaySummary[] = [];
  for (let index = 0; index < count; index++) {
    // Noon steps are safe across daylight-saving changes.
    const date = new Date(now);
    date.setHours(12, 0, 0, 0);
    date.setDate(date.getDate() - index);
    const key = dayKey(date.getTime());
    const entry = stats.days[key];
    const boards = Object.values(entry?.boards ?? {});
    const visits = entry?.visits ?? 0;
    out.push({
      day: key,
      visits,
      opens: boards.reduce((sum, item) => sum + item.opens, 0),
      readingSeconds: Math.round(boards.reduce((sum, item) => sum + item.seconds, 0)),
      averageVisitSeconds: visits > 0 ? Math.round((entry?.visitSeconds ?? 0) / visits) : 0,
      oathReadings: Object.values(entry?.oaths ?? {}).reduce((sum, count) => sum + count, 0),
    });
  }
  return out;
}

export interface BoardSummary {
  panelId: string;
  opens: number;
  seconds: number;
  averageSeconds: number;
}

/** Boards by how often they were opened over the last `days` days (ties: longer reading first). */
export function topBoards(stats: KioskStats, now: number, days = 30): BoardSummary[] {
  const oldest = dayKey(now - (days - 1) * 86_400_000);
  const totals = new Map<string, BoardStats>();
  for (const [key, entry] of Object.entries(stats.days)) {
    if (key < oldest) continue;
    for (const [id, item] of Object.entries(entry.boards)) {
      const total = totals.get(id) ?? { opens: 0, seconds: 0 };
      total.opens += item.opens;
      total.seconds += item.seconds;
      totals.set(id, total);
    }
  }
  return [...totals.entries()]
    .map(([panelId, item]) => ({
      panelId,
      opens: item.opens,
      seconds: Math.round(item.seconds),
      averageSeconds: item.opens > 0 ? Math.round(item.seconds / item.opens) : 0,
    }))
    .sort((a, b) => b.opens - a.opens || b.seconds - a.seconds || a.panelId.localeCompare(b.panelId));
}

export interface OathSummary {
  panelId: string;
  /** Ceremonies read to the end. */
  readings: number;
}

/**
 * Oath readings per oath panel over the last `days` days, most read first. `panelIds` (the
 * exhibition's oath panels) are listed even when nobody has read them yet.
 */
export function oathReadings(stats: KioskStats, now: number, days = 30, panelIds: readonly string[] = []): OathSummary[] {
  const oldest = dayKey(now - (days - 1) * 86_400_000);
  const totals = new Map<string, number>(panelIds.map((id) => [id, 0]));
  for (const [key, entry] of Object.entries(stats.days)) {
    if (key < oldest) continue;
    for (const [id, count] of Object.entries(entry.oaths ?? {})) totals.set(id, (totals.get(id) ?? 0) + count);
  }
  return [...totals.entries()]
    .map(([panelId, readings]) => ({ panelId, readings }))
    .sort((a, b) => b.readings - a.readings || a.panelId.localeCompare(b.panelId));
}

export interface QuizSummary extends QuizStats {
  quizId: string;
}

/**
 * Quiz attempts per quiz over the last `days` days, most started first. `quizIds` (the loaded
 * quizzes) are listed even when nobody has tried them yet.
 */
export function quizAttempts(stats: KioskStats, now: number, days = 30, quizIds: readonly string[] = []): QuizSummary[] {
  const oldest = dayKey(now - (days - 1) * 86_400_000);
  const totals = new Map<string, QuizStats>(quizIds.map((id) => [id, { started: 0, finished: 0 }]));
  for (const [key, entry] of Object.entries(stats.days)) {
    if (key < oldest) continue;
    for (const [id, item] of Object.entries(entry.quizzes ?? {})) {
      const total = totals.get(id) ?? { started: 0, finished: 0 };
      total.started += item.started;
      total.finished += item.finished;
      totals.set(id, total);
    }
  }
  return [...totals.entries()]
    .map(([quizId, item]) => ({ quizId, ...item }))
    .sort((a, b) => b.started - a.started || b.finished - a.finished || a.quizId.localeCompare(b.quizId));
}

export interface QuestionSummary extends QuestionStats {
  questionId: string;
  /** correct / answered, 0…1 (0 without answers). */
  rate: number;
}

/** The share of right answers, as the admin screen and the CSV show it: "75%" ("—" without answers). */
export function formatRate(item: QuestionStats): string {
  return item.answered > 0 ? `${Math.round((item.correct / item.answered) * 100)}%` : '—';
}

/**
 * Each question's answers over the last `days` days, the hardest first (lowest correct rate, then
 * the most answered): the questions staff may want to look at, or the boards to make clearer.
 */
export function questionRates(stats: KioskStats, now: number, days = 30): QuestionSummary[] {
  const oldest = dayKey(now - (days - 1) * 86_400_000);
  const totals = new Map<string, QuestionStats>();
  for (const [key, entry] of Object.entries(stats.days)) {
    if (key < oldest) continue;
    for (const [id, item] of Object.entries(entry.questions ?? {})) {
      const total = totals.get(id) ?? { answered: 0, correct: 0 };
      total.answered += item.answered;
      total.correct += item.correct;
      totals.set(id, total);
    }
  }
  return [...totals.entries()]
    .map(([questionId, item]) => ({ questionId, ...item, rate: item.answered > 0 ? item.correct / item.answered : 0 }))
    .sort((a, b) => a.rate - b.rate || b.answered - a.answered || a.questionId.localeCompare(b.questionId));
}

function csvField(value: string | number): string {
  const text = String(value);
  // Quote anything a spreadsheet could misread, and defuse formulas (=, +, -, @ at the start).
  const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n']/.test(defused) || defused !== text ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export const CSV_HEADER = ['日期 date', '类别 kind', '展板编号 panel_id', '展板 panel', '次数 count', '时长(秒) seconds'];

/**
 * The statistics as CSV, oldest day first: per day one `visits` row (count, seconds of all visits),
 * one `board` row per board opened (count, seconds read), then one `oath` row per oath panel read
 * that day (readings in the count column; the seconds column is left empty, as no reading time is
 * measured for a ceremony — an empty cell, not 0, so a sum over the column stays the boards' time).
 * Then the quizzes: per quiz tried that day a `quiz started` and a `quiz finished` row (attempts in
 * the count column), and per question answered three rows: `answered`, `correct` (counts) and
 * `correct rate` (the percentage, rounded, in the count column), the quiz or question id in the id
 * column and its title or prompt beside it; their seconds column is empty too.
 * The columns and the visits and board rows are as before oath readings were counted. UTF-8 with a
 * byte-order mark and CRLF line ends, so Excel opens the Chinese text correctly.
 */
export function statsToCsv(
  stats: KioskStats,
  titleOf: (panelId: string) => string = (id) => id,
  quizTextOf: (quizOrQuestionId: string) => string = (id) => id,
): string {
  const rows: Array<Array<string | number>> = [CSV_HEADER];
  for (const key of Object.keys(stats.days).sort()) {
    const entry = stats.days[key] as DayStats;
    rows.push([key, '参观 visits', '', '', entry.visits, Math.round(entry.visitSeconds)]);
    const boards = Object.entries(entry.boards).sort(([a], [b]) => a.localeCompare(b));
    for (const [id, item] of boards) rows.push([key, '展板 board', id, titleOf(id), item.opens, Math.round(item.seconds)]);
    const oaths = Object.entries(entry.oaths ?? {}).sort(([a], [b]) => a.localeCompare(b));
    for (const [id, count] of oaths) rows.push([key, '誓词 oath', id, titleOf(id), count, '']);
    const quizzes = Object.entries(entry.quizzes ?? {}).sort(([a], [b]) => a.localeCompare(b));
    for (const [id, item] of quizzes) {
      rows.push([key, '问答开始 quiz started', id, quizTextOf(id), item.started, '']);
      rows.push([key, '问答完成 quiz finished', id, quizTextOf(id), item.finished, '']);
    }
    const questions = Object.entries(entry.questions ?? {}).sort(([a], [b]) => a.localeCompare(b));
    for (const [id, item] of questions) {
      rows.push([key, '作答 question answered', id, quizTextOf(id), item.answered, '']);
      rows.push([key, '答对 question correct', id, quizTextOf(id), item.correct, '']);
      const rate = item.answered > 0 ? Math.round((item.correct / item.answered) * 100) : '';
      rows.push([key, '正确率% question correct rate', id, quizTextOf(id), rate, '']);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

type StatsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Records a kiosk's visits as they happen. `visitStarted` / `visitEnded` bracket a visit;
 * `boardShown(id)` says which card is open now (null: none), and the time of the previous one is
 * counted; `oathRead(id)` counts an oath ceremony read to the end; `quizStarted`, `questionAnswered`
 * and `quizFinished` count a quiz attempt as it goes. Every change is saved at once,
 * so a reload or a crash loses nothing already counted.
 */
export class KioskStatsRecorder {
  private stats: KioskStats | null = null;
  private visitStartedAt: number | null = null;
  private open: { panelId: string; at: number } | null = null;

  constructor(
    private readonly storage: StatsStorage | null,
    private readonly now: () => number = Date.now,
    private readonly key = STATS_STORAGE_KEY,
  ) {}

  /** The statistics as stored (a copy). */
  snapshot(): KioskStats {
    return structuredClone(this.load());
  }

  get visiting(): boolean {
    return this.visitStartedAt !== null;
  }

  visitStarted(): void {
    if (this.visitStartedAt !== null) this.visitEnded();
    const at = this.now();
    this.visitStartedAt = at;
    this.change((stats) => addVisit(stats, at));
  }

  /** Ends the visit, closing the open board's reading time. */
  visitEnded(): void {
    const startedAt = this.visitStartedAt;
    if (startedAt === null) return;
    this.boardShown(null);
    this.visitStartedAt = null;
    const at = this.now();
    this.change((stats) => addVisitTime(stats, startedAt, at));
  }

  /** The card now open during the visit (null: none). Outside a visit nothing is counted. */
  boardShown(panelId: string | null): void {
    if (this.open?.panelId === panelId) return;
    const at = this.now();
    const previous = this.open;
    this.open = panelId !== null && this.visitStartedAt !== null ? { panelId, at } : null;
    const next = this.open;
    if (!previous && !next) return;
    this.change((stats) => {
      if (previous) addBoardTime(stats, previous.panelId, previous.at, at);
      if (next) addBoardOpen(stats, next.panelId, at);
    });
  }

  /**
   * An oath panel's ceremony was read to its last phrase. Outside a visit nothing is counted. Which
   * readings count (once per ceremony) is the caller's rule: see kioskController.ts.
   */
  oathRead(panelId: string): void {
    if (this.visitStartedAt === null) return;
    const at = this.now();
    this.change((stats) => addOathReading(stats, panelId, at));
  }

  /** A quiz attempt begun (the quiz opened afresh, or 再来一次). Outside a visit nothing is counted. */
  quizStarted(quizId: string): void {
    this.duringVisit((stats, at) => addQuizStart(stats, quizId, at));
  }

  /** A quiz attempt answered to its last question. */
  quizFinished(quizId: string): void {
    this.duringVisit((stats, at) => addQuizFinish(stats, quizId, at));
  }

  /** A question answered, right or wrong. */
  questionAnswered(questionId: string, correct: boolean): void {
    this.duringVisit((stats, at) => addQuestionAnswer(stats, questionId, correct, at));
  }

  clear(): void {
    this.stats = emptyStats();
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // nothing to do: the statistics are already empty in memory
    }
  }

  private duringVisit(update: (stats: KioskStats, at: number) => void): void {
    if (this.visitStartedAt === null) return;
    const at = this.now();
    this.change((stats) => update(stats, at));
  }

  private load(): KioskStats {
    if (!this.stats) {
      let text: string | null = null;
      try {
        text = this.storage?.getItem(this.key) ?? null;
      } catch {
        text = null;
      }
      this.stats = parseStats(text);
    }
    return this.stats;
  }

  private change(update: (stats: KioskStats) => void): void {
    const stats = this.load();
    update(stats);
    pruneStats(stats, this.now());
    try {
      this.storage?.setItem(this.key, JSON.stringify(stats));
    } catch {
      // Storage full or gone: keep counting in memory.
    }
  }
}
