/**
 * The classroom bench's simulated people, on real sockets: a presenter (the projector) and the
 * phones of one lesson, speaking the live protocol (src/live/protocol.ts) to the station server
 * as the projector's and the follower page's own code does, and timing what arrives.
 *
 * Times: steps and resyncs on this process's `performance.now()` (the presenter who sends a step
 * and the phones that receive it are all here, so one clock); a reveal against the question's
 * deadline, which is on the server's clock (`Date.now()` in the child process on the same
 * machine, so again one clock).
 */
import { io, type Socket } from 'socket.io-client';
import {
  type CreatedSession,
  type LessonResultsAnswer,
  LIVE_CLIENT_OPTIONS,
  LIVE_NAMESPACE,
  LIVE_SERVER_EVENTS,
  type LiveContestView,
  type LiveSnapshot,
  type ParticipantWelcome,
  type PresenterWelcome,
  type Refusal,
} from '../../../src/live/protocol.ts';
import { createLesson, postJson } from '../../server/stationHarness.ts';
import { type AnswerTally, emptyTally } from './report.ts';
import { between } from './stats.ts';

/** The tour the lessons follow: the shipped lesson that names a quiz. */
export const BENCH_TOUR = 'new-recruits';

export interface BenchQuestion {
  id: string;
  optionIds: string[];
  answer: string[];
}

/** What every simulated person of a scenario shares. */
export interface BenchContext {
  /** The station's address (the presenters', the results'); a restart keeps the port, so it stays right. */
  url: string;
  /** Where the phones join, each the next in turn (several processes); [url] for one. */
  phoneUrls: readonly string[];
  random: () => number;
  websocketOnly: boolean;
  questions: readonly BenchQuestion[];
  questionSeconds: number;
  timeoutMs: number;
  /** The share of phones answering a question right, and of those sending it twice (a double tap, a resend on a slow network). */
  rightShare: number;
  resendShare: number;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function socketTo(context: BenchContext, auth: Record<string, unknown>, url = context.url): Socket {
  return io(new URL(LIVE_NAMESPACE, url).href, {
    ...LIVE_CLIENT_OPTIONS,
    auth,
    forceNew: true,
    // A browser starts with long-polling and upgrades; --websocket-only skips it.
    ...(context.websocketOnly ? { transports: ['websocket'] } : {}),
  });
}

interface AnswerRecord {
  sent: number;
  resent: number;
  accepted: number;
  /** Whether the accepted answer was the right one. */
  correct: boolean | null;
  refusedAgain: number;
  refusedLate: number;
  otherwise: number;
}

interface Welcome {
  at: number;
  stopIndex: number;
  participantId: string;
}

export class SimPhone {
  private socket: Socket | null = null;
  participantId: string | null = null;
  /** From opening the socket to its first welcome; null until then. */
  joinMs: number | null = null;
  joinError: string | null = null;
  /** When each snapshot (by its seq) first arrived. */
  readonly seen = new Map<number, number>();
  /** By question index: how long after the question's deadline its reveal arrived. */
  readonly revealLag = new Map<number, number>();
  readonly welcomes: Welcome[] = [];
  /** By question index. */
  readonly answers = new Map<number, AnswerRecord>();
  private readonly answered = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly sending = new Set<Promise<void>>();

  constructor(
    readonly nickname: string,
    private readonly context: BenchContext,
    private readonly changed: (phone: SimPhone) => void,
    /** The process it joins through (and reconnects to). */
    private readonly url = context.url,
  ) {}

  /** Opens the phone's socket as the follower page does; resolves on its welcome or its refusal. */
  join(code: string): Promise<void> {
    const openedAt = performance.now();
    const socket = socketTo(this.context, { role: 'participant', code, nickname: this.nickname }, this.url);
    this.socket = socket;
    return new Promise((done) => {
      const giveUp = setTimeout(() => {
        this.joinError = 'no welcome in time';
        done();
      }, this.context.timeoutMs);
      socket.on(LIVE_SERVER_EVENTS.welcome, (welcome: ParticipantWelcome) => {
        const at = performance.now();
        if (this.joinMs === null) {
          this.joinMs = at - openedAt;
          this.participantId = welcome.you.participantId;
          // What the follower page keeps: every reconnect (a restart) resumes this participant.
          socket.auth = { role: 'participant', code, participantToken: welcome.participantToken };
          clearTimeout(giveUp);
          done();
        }
        this.welcomes.push({ at, stopIndex: welcome.snapshot.stopIndex, participantId: welcome.you.participantId });
        this.snapshot(welcome.snapshot, at);
      });
      socket.on(LIVE_SERVER_EVENTS.snapshot, (snapshot: LiveSnapshot) => this.snapshot(snapshot, performance.now()));
      socket.on('connect_error', (error: Error & { data?: Refusal }) => {
        // A refusal is final; anything else (the server away) socket.io-client retries by itself.
        if (this.joinMs !== null || !error.data) return;
        this.joinError = error.data.error;
        clearTimeout(giveUp);
        done();
      });
    });
  }

  private snapshot(snapshot: LiveSnapshot, at: number): void {
    if (!this.seen.has(snapshot.seq)) this.seen.set(snapshot.seq, at);
    const contest = snapshot.contest;
    if (contest?.phase === 'question') this.answerLater(contest);
    if (contest?.phase === 'revealed' && !this.revealLag.has(contest.questionIndex))
      this.revealLag.set(contest.questionIndex, Date.now() - contest.deadline);
    this.changed(this);
  }

  /** A person reading the question and tapping at some moment within its time; some right, some wrong, some twice. */
  private answerLater(contest: LiveContestView): void {
    const key = `${contest.contestId}:${contest.questionIndex}`;
    if (this.answered.has(key)) return;
    this.answered.add(key);
    const question = this.context.questions[contest.questionIndex];
    if (!question || question.id !== contest.questionId) return;
    const { random, questionSeconds } = this.context;
    const right = random() < this.context.rightShare;
    const wrongOption = question.optionIds.find((id) => !question.answer.includes(id)) ?? question.optionIds[0] ?? '';
    const optionIds = right ? [...question.answer] : [wrongOption];
    const twice = random() < this.context.resendShare;
    const index = contest.questionIndex;
    this.later(between(random, 0.05, 0.8) * questionSeconds * 1000, () => {
      this.send(index, question.id, optionIds, right, false);
      if (twice) this.later(between(random, 20, 400), () => this.send(index, question.id, optionIds, right, true));
    });
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private send(index: number, questionId: string, optionIds: string[], right: boolean, again: boolean): void {
    const socket = this.socket;
    if (!socket) return;
    const record = this.answers.get(index) ?? {
      sent: 0,
      resent: 0,
      accepted: 0,
      correct: null,
      refusedAgain: 0,
      refusedLate: 0,
      otherwise: 0,
    };
    this.answers.set(index, record);
    record.sent++;
    if (again) record.resent++;
    const sending = (async () => {
      try {
        const reply = (await socket.timeout(this.context.timeoutMs).emitWithAck('live:answer', { questionId, optionIds })) as {
          ok: boolean;
          error?: string;
        };
        if (reply.ok) {
          record.accepted++;
          record.correct = right;
        } else if (reply.error === 'already-answered') record.refusedAgain++;
        else if (reply.error === 'too-late') record.refusedLate++;
        else record.otherwise++;
      } catch {
        record.otherwise++;
      }
    })();
    this.sending.add(sending);
    void sending.finally(() => this.sending.delete(sending));
  }

  /** Resolves once every answer sent has its acknowledgement (or gave up waiting). */
  async idle(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.socket?.disconnect();
  }
}

export class SimPresenter {
  private socket: Socket | null = null;
  readonly welcomes: number[] = [];

  constructor(private readonly context: BenchContext) {}

  connect(lesson: CreatedSession): Promise<PresenterWelcome> {
    const socket = socketTo(this.context, {
      role: 'presenter',
      sessionId: lesson.sessionId,
      presenterSecret: lesson.presenterSecret,
    });
    this.socket = socket;
    return new Promise((done, fail) => {
      socket.on(LIVE_SERVER_EVENTS.welcome, (welcome: PresenterWelcome) => {
        this.welcomes.push(performance.now());
        done(welcome);
      });
      socket.once('connect_error', (error: Error & { data?: Refusal }) => {
        if (error.data) fail(new Error(`the presenter was refused: ${error.data.error}`));
      });
    });
  }

  /** A presenter message, resolved with its acknowledgement; a refusal is an error (the bench's lessons only do what is allowed). */
  async send<T extends { ok: boolean }>(event: string, payload: unknown = {}): Promise<T> {
    if (!this.socket) throw new Error('the presenter is not connected');
    const reply = (await this.socket.timeout(this.context.timeoutMs).emitWithAck(event, payload)) as T & { error?: string };
    if (!reply.ok) throw new Error(`${event} was refused: ${reply.error}`);
    return reply;
  }

  /** Resolves with the time of the next welcome after the `after`-th (a reconnect), or null after the timeout. */
  async welcomeAfter(after: number, timeoutMs: number): Promise<number | null> {
    const until = performance.now() + timeoutMs;
    while (this.welcomes.length <= after) {
      if (performance.now() > until) return null;
      await sleep(20);
    }
    return this.welcomes[after] ?? null;
  }

  close(): void {
    this.socket?.disconnect();
  }
}

interface Waiter {
  pending: Set<SimPhone>;
  test: (phone: SimPhone) => boolean;
  finish: () => void;
}

/** What a lesson's steps and reveals delivered, to be summed over the scenario. */
export interface LessonFigures {
  joinMs: number[];
  joinFailed: number;
  stepMs: number[];
  stepsExpected: number;
  stepsReceived: number;
  timeUpMs: number[];
  revealsExpected: number;
  revealsReceived: number;
}

/** One lesson: its presenter, its phones, and what they measured. */
export class BenchLesson {
  readonly phones: SimPhone[] = [];
  readonly presenter: SimPresenter;
  readonly figures: LessonFigures = {
    joinMs: [],
    joinFailed: 0,
    stepMs: [],
    stepsExpected: 0,
    stepsReceived: 0,
    timeUpMs: [],
    revealsExpected: 0,
    revealsReceived: 0,
  };
  stopIndex = 0;
  private readonly waiters = new Set<Waiter>();

  private constructor(
    private readonly context: BenchContext,
    readonly created: CreatedSession,
    phoneCount: number,
  ) {
    this.presenter = new SimPresenter(context);
    for (let index = 0; index < phoneCount; index++)
      this.phones.push(
        new SimPhone(
          `学员${index + 1}`,
          context,
          (phone) => this.phoneChanged(phone),
          context.phoneUrls[index % context.phoneUrls.length],
        ),
      );
  }

  /** Creates the lesson (the presenter's PIN, over HTTP) and connects its presenter. */
  static async open(context: BenchContext, phoneCount: number): Promise<BenchLesson> {
    const created = await createLesson(context.url, BENCH_TOUR);
    const lesson = new BenchLesson(context, created, phoneCount);
    const welcome = await lesson.presenter.connect(created);
    lesson.stopIndex = welcome.snapshot.stopIndex;
    return lesson;
  }

  get stopCount(): number {
    return this.created.snapshot.stopCount;
  }

  /** Every phone joins at its own moment within `spreadMs`, as a class scanning the QR code; resolves with the first refusal, if any. */
  async joinAll(spreadMs: number): Promise<string | null> {
    await Promise.all(
      this.phones.map(async (phone) => {
        await sleep(between(this.context.random, 0, spreadMs));
        await phone.join(this.created.code);
        if (phone.joinMs !== null) this.figures.joinMs.push(phone.joinMs);
        else this.figures.joinFailed++;
      }),
    );
    // A phone that is not in the lesson is counted once, here, not again as every step it missed.
    const refused = this.phones.filter((phone) => phone.joinMs === null);
    for (const phone of refused) {
      phone.close();
      this.phones.splice(this.phones.indexOf(phone), 1);
    }
    return refused[0]?.joinError ?? null;
  }

  /** The presenter steps to `stopIndex`; every phone must receive that very snapshot (by its seq). */
  async step(stopIndex: number): Promise<void> {
    const sentAt = performance.now();
    const ack = await this.presenter.send<{ ok: true; snapshot: LiveSnapshot }>('live:goto', { stopIndex });
    this.stopIndex = ack.snapshot.stopIndex;
    const { seq } = ack.snapshot;
    await this.waitForPhones((phone) => phone.seen.has(seq), this.context.timeoutMs);
    this.figures.stepsExpected += this.phones.length;
    for (const phone of this.phones) {
      const at = phone.seen.get(seq);
      if (at === undefined) continue;
      this.figures.stepsReceived++;
      this.figures.stepMs.push(at - sentAt);
    }
  }

  /** Steps on through the tour's stops (round and round if asked for more), pausing between. */
  async walk(steps: number, gapMs: number): Promise<void> {
    for (let index = 0; index < steps; index++) {
      await sleep(between(this.context.random, 0.5, 1.5) * gapMs);
      await this.step((this.stopIndex + 1) % this.stopCount);
    }
  }

  /**
   * 知识竞赛: the first `count` questions of the tour's quiz, each ended by the server's own
   * time-up; then the leaderboard, and the next. After the last, the podium (all played) or
   * the contest off the screens.
   */
  async playContest(count: number): Promise<void> {
    if (count === 0) return;
    const total = this.context.questions.length;
    await this.presenter.send('live:contest-start');
    for (let index = 0; index < count; index++) {
      await this.waitForPhones(
        (phone) => phone.revealLag.has(index),
        this.context.questionSeconds * 1000 + this.context.timeoutMs,
      );
      this.figures.revealsExpected += this.phones.length;
      for (const phone of this.phones) {
        const lag = phone.revealLag.get(index);
        if (lag === undefined) continue;
        this.figures.revealsReceived++;
        this.figures.timeUpMs.push(lag);
      }
      await sleep(between(this.context.random, 200, 600));
      await this.presenter.send('live:contest-next'); // the leaderboard
      if (index < count - 1) await this.presenter.send('live:contest-next'); // the next question
    }
    await this.presenter.send(count >= total ? 'live:contest-next' : 'live:contest-close');
    await Promise.all(this.phones.map((phone) => phone.idle()));
  }

  /** The phones' answers against the server's results for the lesson (the presenter's results route). */
  async tallyAnswers(played: number): Promise<AnswerTally> {
    const tally = emptyTally();
    if (played === 0) return tally;
    for (const phone of this.phones)
      for (const record of phone.answers.values()) {
        tally.sent += record.sent;
        tally.resent += record.resent;
        tally.accepted += record.accepted;
        if (record.accepted > 1) tally.acceptedTwice++;
        tally.refusedAgain += record.refusedAgain;
        tally.refusedLate += record.refusedLate;
        tally.otherwise += record.otherwise;
      }
    const url = new URL(`api/live/sessions/${this.created.sessionId}/results`, this.context.url).href;
    const { status, json } = await postJson(url, { presenterSecret: this.created.presenterSecret });
    if (status !== 200) throw new Error(`the lesson's results: ${status} ${JSON.stringify(json)}`);
    const contest = (json as LessonResultsAnswer).results.contests.at(-1);
    if (!contest) throw new Error('the results hold no contest');
    for (let index = 0; index < played; index++) {
      const question = contest.questions[index];
      const taken = this.phones.filter((phone) => (phone.answers.get(index)?.accepted ?? 0) > 0);
      const right = taken.filter((phone) => phone.answers.get(index)?.correct === true).length;
      tally.counted += question?.answeredCount ?? 0;
      if (question?.answeredCount !== taken.length || question.correctCount !== right) tally.countMismatches++;
    }
    const standings = new Map(contest.standings.map((standing) => [standing.nickname, standing]));
    for (const phone of this.phones) {
      const standing = standings.get(phone.nickname);
      for (let index = 0; index < played; index++) {
        const record = phone.answers.get(index);
        const expected = record && record.accepted > 0 ? (record.correct ? 'correct' : 'wrong') : null;
        if (standing?.marks[index] !== expected) tally.markMismatches++;
      }
    }
    return tally;
  }

  /** How many welcomes each phone and the presenter have had: a restart's resync is the next one. */
  welcomeMarks(): { phones: number[]; presenter: number } {
    return { phones: this.phones.map((phone) => phone.welcomes.length), presenter: this.presenter.welcomes.length };
  }

  /**
   * After a restart: every phone's next welcome, as the same participant at the lesson's stop,
   * timed from `since`; the phones that had none within the timeout are counted as not resynced.
   */
  async resync(
    marks: { phones: number[]; presenter: number },
    since: number,
  ): Promise<{ phoneMs: number[]; lastAt: number | null; notResynced: number }> {
    const index = new Map(this.phones.map((phone, position) => [phone, position]));
    const resynced = (phone: SimPhone) =>
      phone.welcomes
        .slice(marks.phones[index.get(phone) ?? 0] ?? 0)
        .find((welcome) => welcome.stopIndex === this.stopIndex && welcome.participantId === phone.participantId);
    const [missing, presenterAt] = await Promise.all([
      this.waitForPhones((phone) => resynced(phone) !== undefined, this.context.timeoutMs * 2),
      this.presenter.welcomeAfter(marks.presenter, this.context.timeoutMs * 2),
    ]);
    const phoneMs = this.phones.flatMap((phone) => {
      const welcome = resynced(phone);
      return welcome ? [welcome.at - since] : [];
    });
    const times = [...phoneMs.map((ms) => ms + since), ...(presenterAt === null ? [] : [presenterAt])];
    const lastAt = missing.length === 0 && presenterAt !== null ? Math.max(...times) : null;
    return { phoneMs, lastAt, notResynced: missing.length };
  }

  async end(): Promise<void> {
    try {
      await this.presenter.send('live:end');
    } finally {
      for (const phone of this.phones) phone.close();
      this.presenter.close();
    }
  }

  /** Resolves with the phones that still fail `test` when the timeout ran out (none: all passed). */
  private waitForPhones(test: (phone: SimPhone) => boolean, timeoutMs: number): Promise<SimPhone[]> {
    const pending = new Set(this.phones.filter((phone) => !test(phone)));
    if (pending.size === 0) return Promise.resolve([]);
    return new Promise((done) => {
      const waiter: Waiter = {
        pending,
        test,
        finish: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          done([...pending]);
        },
      };
      const timer = setTimeout(waiter.finish, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private phoneChanged(phone: SimPhone): void {
    for (const waiter of this.waiters) {
      if (!waiter.pending.has(phone) || !waiter.test(phone)) continue;
      waiter.pending.delete(phone);
      if (waiter.pending.size === 0) waiter.finish();
    }
  }
}
