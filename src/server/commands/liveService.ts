/**
 * The checked way into live lessons. Every HTTP body, handshake and socket message arrives here
 * as `unknown`, is parsed by its zod schema (src/live/protocol.ts), becomes a command for the pure
 * session rules (live/session.ts), and only a command they accept is stored (storage/) and then
 * broadcast. A refusal is `{ ok: false, error }` and changes nothing, in memory or on disk.
 *
 * The running lessons are held in memory and written through to SQLite before anyone is told, so
 * a restart resumes exactly what the clients last saw. With several processes (issue 19) each
 * lesson is held by one of them, its authority: the directory (cluster/lessonDirectory.ts) keeps
 * the join codes unique across processes and tells the others where to relay (lessonRouter.ts).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  type CreatedSession,
  createSessionBodySchema,
  type LessonResults,
  type LiveEndReason,
  type LiveErrorCode,
  liveAuthSchema,
  PARTICIPANT_MESSAGES,
  type ParticipantWelcome,
  type PastLesson,
  PRESENTER_MESSAGES,
  type PresenterWelcome,
  type Refusal,
  resultsBodySchema,
  resultsCsvFilename,
  SESSION_LIFETIME_MS,
  sessionIdSchema,
} from '../../live/protocol.ts';
import type { LessonDirectory } from '../cluster/lessonDirectory.ts';
import type { ContestQuiz } from '../live/contest.ts';
import {
  activeParticipants,
  applyCommand,
  createSession,
  findParticipant,
  isLive,
  type SessionCommand,
  type SessionEvent,
  type SessionState,
  withoutConnections,
} from '../live/session.ts';
import { contestStandings, rosterOf, selfOf, snapshotOf } from '../live/views.ts';
import type { LiveRepository } from '../storage/liveRepository.ts';
import type { LiveBroadcaster } from './broadcaster.ts';
import { contestResultsCsv, lessonResultsOf, type ResultsNames } from './contestResults.ts';
import { AttemptLimiter, type AttemptLimits } from './limits.ts';
import { hashSecret, matchesHash, newSecret, sameSecret } from './secrets.ts';

export type Result<T> = ({ ok: true } & T) | Refusal;

/** A message's answer: at once, or once something it needs has been read (the contest's quiz). */
export type Reply<T> = Result<T> | Promise<Result<T>>;

/** What a socket message's ack carries besides `ok`. */
export type MessageReply = { [field: string]: unknown };

/** Where the tours come from: the served build's content. */
export interface TourSource {
  stopsOf(tourId: string): Promise<{ ok: true; stops: string[] } | { ok: false; error: 'no-build' | 'unknown-tour' }>;
  /** The quiz a tour names, as the contest needs it (ids, answers, seconds), from the same build. */
  quizOf(tourId: string): Promise<{ ok: true; quiz: ContestQuiz } | { ok: false; error: 'no-build' | 'no-quiz' }>;
  /** Tour and quiz titles for the results (ids where the served build has none). */
  resultsNames(): Promise<ResultsNames>;
}

/** Who a connection is, once its handshake was accepted. */
export type LiveConnection =
  | { role: 'presenter'; sessionId: string }
  | { role: 'participant'; sessionId: string; participantId: string };

export interface LiveServiceOptions {
  repository: LiveRepository;
  broadcaster: LiveBroadcaster;
  tours: TourSource;
  /** The station's presenter PIN; null: live sessions cannot start. */
  presenterPin: string | null;
  /** The address phones use, e.g. "http://192.168.1.20:8080/" (read when needed: the port may come late). */
  publicUrl: () => string;
  clock?: () => number;
  lifetimeMs?: number;
  maxLiveSessions?: number;
  /** Roster changes (joins, follows) within this many ms go out as one broadcast. */
  rosterDelayMs?: number;
  limits?: Partial<ServiceLimits>;
  /** Several processes: where codes are claimed and lessons found (null: this process is the only one). */
  directory?: LessonDirectory | null;
  log?: (message: string) => void;
}

export interface ServiceLimits {
  pin: AttemptLimits;
  joinCode: AttemptLimits;
  presenterAuth: AttemptLimits;
  /** New participants per address (a script opening connection after connection). */
  newParticipants: AttemptLimits;
}

/**
 * If the Wi-Fi router puts the phones behind NAT, a whole class shares one address: the join
 * limits leave room for a class's typos and joins, and still make guessing codes hopeless (30 a
 * minute against a million codes) and flooding a room with made-up participants slow.
 */
export const DEFAULT_LIMITS: ServiceLimits = {
  pin: { maxFailures: 5, windowMs: 10 * 60_000, lockoutMs: 15 * 60_000 },
  joinCode: { maxFailures: 30, windowMs: 60_000, lockoutMs: 60_000 },
  presenterAuth: { maxFailures: 10, windowMs: 60_000, lockoutMs: 5 * 60_000 },
  newParticipants: { maxFailures: 600, windowMs: 10 * 60_000, lockoutMs: 10 * 60_000 },
};

/** lastSeen is written at most this often per participant (a ping is not worth a disk write). */
const SEEN_WRITE_INTERVAL_MS = 30_000;

const refuse = (error: LiveErrorCode): Refusal => ({ ok: false, error });

/** Parses with a schema; any failure is the same `bad-request` (the details help nobody hostile). */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

export class LiveService {
  private readonly sessions = new Map<string, SessionState>();
  private readonly byCode = new Map<string, string>();
  private readonly rosterTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly seenWritten = new Map<string, number>();
  /** Each lesson's time-up timer for the contest question under way (its key: contest and question). */
  private readonly contestTimers = new Map<string, { key: string; timer: ReturnType<typeof setTimeout> }>();
  private readonly clock: () => number;
  private readonly lifetimeMs: number;
  private readonly maxLiveSessions: number;
  private readonly rosterDelayMs: number;
  private readonly pinLimiter: AttemptLimiter;
  private readonly codeLimiter: AttemptLimiter;
  private readonly presenterLimiter: AttemptLimiter;
  private readonly newParticipantLimiter: AttemptLimiter;

  constructor(private readonly options: LiveServiceOptions) {
    this.clock = options.clock ?? Date.now;
    this.lifetimeMs = options.lifetimeMs ?? SESSION_LIFETIME_MS;
    this.maxLiveSessions = options.maxLiveSessions ?? 50;
    this.rosterDelayMs = options.rosterDelayMs ?? 100;
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.pinLimiter = new AttemptLimiter(limits.pin, this.clock);
    this.codeLimiter = new AttemptLimiter(limits.joinCode, this.clock);
    this.presenterLimiter = new AttemptLimiter(limits.presenterAuth, this.clock);
    this.newParticipantLimiter = new AttemptLimiter(limits.newParticipants, this.clock);
  }

  /** Takes up the lessons a previous process left running; those past their time end now. */
  resume(): { resumed: number; expired: number } {
    let resumed = 0;
    let expired = 0;
    for (const stored of this.options.repository.loadUnended()) {
      const state = withoutConnections(stored);
      if (!isLive(state, this.clock())) {
        const result = applyCommand(state, { type: 'end', reason: 'expired' }, this.clock());
        if (result.ok) this.options.repository.save(result.state, state);
        expired++;
        continue;
      }
      this.sessions.set(state.id, state);
      this.byCode.set(state.code, state.id);
      // A question under way goes on against its own deadline (or is revealed now, if past it).
      this.armContestTimer(state);
      resumed++;
    }
    return { resumed, expired };
  }

  /**
   * Writes the lessons {@link resume} took up into the directory again, under this process's name
   * (a restarted process has a new one): the other processes relay to it from now on.
   */
  async reclaimResumed(): Promise<void> {
    const directory = this.options.directory;
    if (!directory) return;
    const now = this.clock();
    for (const state of this.sessions.values()) {
      await directory.reclaim({ sessionId: state.id, code: state.code, expiresAt: state.expiresAt }, now);
    }
  }

  /** The ids of the lessons running here. */
  heldSessionIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** Whether this process holds the lesson (the other processes relay its commands here). */
  holds(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  /** Whether a join code is a lesson held here. */
  holdsCode(code: string): boolean {
    return this.byCode.has(code);
  }

  get presenterPinSet(): boolean {
    return this.options.presenterPin !== null;
  }

  /** The state of a running lesson (tests read it back after each refused message). */
  peek(sessionId: string): SessionState | undefined {
    return this.sessions.get(sessionId);
  }

  joinUrl(code: string): string {
    return new URL(`join/${code}`, this.options.publicUrl()).href;
  }

  // --- HTTP ------------------------------------------------------------------------------

  async createSession(body: unknown, address: string): Promise<Result<Omit<CreatedSession, 'ok'>>> {
    const request = parse(createSessionBodySchema, body);
    if (!request) return refuse('bad-request');
    if (this.pinLimiter.isLocked(address)) return refuse('locked');
    const expected = this.options.presenterPin;
    if (expected === null) return refuse('pin-not-configured');
    if (!sameSecret(request.pin, expected)) {
      return refuse(this.pinLimiter.fail(address) ? 'locked' : 'wrong-pin');
    }
    this.pinLimiter.succeed(address);
    this.sweep();
    if (this.sessions.size >= this.maxLiveSessions) return refuse('too-many-sessions');
    const tour = await this.options.tours.stopsOf(request.tourId);
    if (!tour.ok) return refuse(tour.error);
    const id = randomUUID();
    // Alone, the code is found and taken in one synchronous step; with a directory, Redis's NX decides.
    const code = this.options.directory ? await this.claimFreeCode(this.options.directory, id) : this.freeCode();
    if (code === 'unavailable') return refuse('server-error');
    if (!code) return refuse('too-many-sessions');
    const presenterSecret = newSecret();
    const now = this.clock();
    const state = createSession({
      id,
      code,
      tourId: request.tourId,
      stops: tour.stops,
      presenterSecretHash: hashSecret(presenterSecret),
      now,
      lifetimeMs: this.lifetimeMs,
    });
    try {
      this.options.repository.save(state, null);
    } catch {
      return refuse('server-error');
    }
    this.sessions.set(state.id, state);
    this.byCode.set(code, state.id);
    return {
      ok: true,
      sessionId: state.id,
      code,
      presenterSecret,
      joinUrl: this.joinUrl(code),
      snapshot: snapshotOf(state, now),
    };
  }

  /** `/join/<code>`: which lesson a code opens (rate-limited per address like a socket join). */
  lookUpCode(code: string, address: string): Result<{ code: string }> {
    if (this.codeLimiter.isLocked(address)) return refuse('rate-limited');
    if (!/^\d{6}$/.test(code)) {
      this.codeLimiter.fail(address);
      return refuse('bad-code');
    }
    if (!this.liveByCode(code)) {
      this.codeLimiter.fail(address);
      return refuse('unknown-code');
    }
    return { ok: true, code };
  }

  /** The join link of a running lesson, for its QR. */
  joinUrlOf(sessionId: string): Result<{ joinUrl: string }> {
    const state = this.sessions.get(sessionId);
    if (!state || !isLive(state, this.clock())) return refuse('not-found');
    return { ok: true, joinUrl: this.joinUrl(state.code) };
  }

  // --- Results ---------------------------------------------------------------------------

  /** The lessons that ran a contest, newest first: for the station's presenter PIN only. */
  async pastResults(body: unknown, address: string): Promise<Result<{ lessons: PastLesson[] }>> {
    const request = parse(resultsBodySchema, body);
    if (!request || !('pin' in request)) return refuse('bad-request');
    const pin = this.checkPin(request.pin, address);
    if (pin) return pin;
    return { ok: true, lessons: await this.pastLessons() };
  }

  /**
   * The lessons that ran a contest, newest first, for a caller that has checked who asks (the
   * presenter's PIN above; a curator's session, transport/curateResultsRoutes.ts). Never a phone's.
   */
  async pastLessons(): Promise<PastLesson[]> {
    const names = await this.options.tours.resultsNames();
    return this.options.repository.sessionsWithContests(200).map((session): PastLesson => {
      const live = this.sessions.get(session.id) ?? session;
      return {
        sessionId: live.id,
        tourId: live.tourId,
        tourTitle: names.tourTitle(live.tourId),
        code: live.code,
        startedAt: live.createdAt,
        endedAt: live.endedAt,
        participantCount: activeParticipants(live).length,
        contests: this.options.repository.contestsOf(live.id).map((contest) => ({
          contestId: contest.id,
          quizId: contest.quizId,
          quizTitle: names.quizTitle(contest.quizId),
          startedAt: contest.startedAt,
          finishedAt: contest.finishedAt,
          questionCount: contest.questions.length,
        })),
      };
    });
  }

  /** A lesson's contest results as data: the station's PIN, or that lesson's own presenter secret. */
  async lessonResults(sessionId: unknown, body: unknown, address: string): Promise<Result<{ results: LessonResults }>> {
    const id = parse(sessionIdSchema, sessionId);
    const request = parse(resultsBodySchema, body);
    if (!id || !request) return refuse('bad-request');
    const stored = this.sessions.get(id) ?? this.options.repository.load(id);
    if ('pin' in request) {
      const pin = this.checkPin(request.pin, address);
      if (pin) return pin;
    } else {
      if (this.presenterLimiter.isLocked(address)) return refuse('locked');
      if (!stored || !matchesHash(request.presenterSecret, stored.presenterSecretHash))
        return refuse(this.presenterLimiter.fail(address) ? 'locked' : 'unauthorized');
    }
    if (!stored) return refuse('not-found');
    return this.resultsOf(id);
  }

  /** A lesson's contest results, for a caller that has checked who asks (as {@link pastLessons}). */
  async resultsOf(sessionId: unknown): Promise<Result<{ results: LessonResults }>> {
    const id = parse(sessionIdSchema, sessionId);
    if (!id) return refuse('bad-request');
    const stored = this.sessions.get(id) ?? this.options.repository.load(id);
    if (!stored) return refuse('not-found');
    const contests = this.options.repository.contestsOf(id);
    if (contests.length === 0) return refuse('no-contest');
    return { ok: true, results: lessonResultsOf(stored, contests, await this.options.tours.resultsNames()) };
  }

  /** The same results as a CSV file for Excel, with the same checks. */
  async resultsCsv(sessionId: unknown, body: unknown, address: string): Promise<Result<{ csv: string; filename: string }>> {
    const answer = await this.lessonResults(sessionId, body, address);
    if (!answer.ok) return answer;
    const { results } = answer;
    return { ok: true, csv: contestResultsCsv(results), filename: resultsCsvFilename(results.startedAt, results.code) };
  }

  /** The presenter PIN, counted like the one that starts a lesson (wrong ones lock the address out). */
  private checkPin(pin: string, address: string): Refusal | null {
    if (this.pinLimiter.isLocked(address)) return refuse('locked');
    const expected = this.options.presenterPin;
    if (expected === null) return refuse('pin-not-configured');
    if (!sameSecret(pin, expected)) return refuse(this.pinLimiter.fail(address) ? 'locked' : 'wrong-pin');
    this.pinLimiter.succeed(address);
    return null;
  }

  // --- Handshakes ------------------------------------------------------------------------

  /** Checks a socket's handshake; an accepted one joins (or resumes) and gets its welcome. */
  connect(
    auth: unknown,
    address: string,
  ): Result<{ connection: LiveConnection; welcome: PresenterWelcome | ParticipantWelcome }> {
    const request = parse(liveAuthSchema, auth);
    if (!request) return refuse('bad-request');
    if (request.role === 'presenter') {
      if (this.presenterLimiter.isLocked(address)) return refuse('locked');
      const state = this.sessions.get(request.sessionId);
      if (!state || !matchesHash(request.presenterSecret, state.presenterSecretHash)) {
        // An ended lesson's presenter is told so (it knows the id and the secret already).
        const ended = this.options.repository.load(request.sessionId);
        if (!state && ended && matchesHash(request.presenterSecret, ended.presenterSecretHash)) return refuse('session-ended');
        return refuse(this.presenterLimiter.fail(address) ? 'locked' : 'unauthorized');
      }
      if (!isLive(state, this.clock())) {
        this.expire(state);
        return refuse('session-ended');
      }
      return { ok: true, connection: { role: 'presenter', sessionId: state.id }, welcome: this.presenterWelcome(state) };
    }

    if (this.codeLimiter.isLocked(address)) return refuse('rate-limited');
    const state = this.liveByCode(request.code);
    if (!state) {
      this.codeLimiter.fail(address);
      return refuse('unknown-code');
    }
    // Hashes of random tokens are compared as they are: their timing tells nothing about a token.
    const tokenHash = request.participantToken ? hashSecret(request.participantToken) : null;
    const known = tokenHash ? state.participants.find((participant) => participant.tokenHash === tokenHash) : undefined;
    if (known?.status === 'removed') return refuse('removed');
    if (known?.status === 'joined') {
      const result = this.run(state.id, { type: 'connect', participantId: known.id });
      if (!result.ok) return result;
      const participant = findParticipant(result.state, known.id);
      if (!participant) return refuse('server-error');
      return {
        ok: true,
        connection: { role: 'participant', sessionId: state.id, participantId: known.id },
        welcome: {
          ok: true,
          role: 'participant',
          snapshot: snapshotOf(result.state, this.clock()),
          you: selfOf(result.state, participant),
        },
      };
    }
    // No token, another lesson's, or one that left: a new participant.
    if (this.newParticipantLimiter.isLocked(address)) return refuse('rate-limited');
    const participantToken = newSecret();
    const participantId = randomUUID();
    const result = this.run(state.id, {
      type: 'join',
      participantId,
      tokenHash: hashSecret(participantToken),
      nickname: request.nickname ?? null,
    });
    if (!result.ok) return result;
    this.newParticipantLimiter.fail(address);
    const participant = findParticipant(result.state, participantId);
    if (!participant) return refuse('server-error');
    return {
      ok: true,
      connection: { role: 'participant', sessionId: state.id, participantId },
      welcome: {
        ok: true,
        role: 'participant',
        snapshot: snapshotOf(result.state, this.clock()),
        you: selfOf(result.state, participant),
        participantToken,
      },
    };
  }

  /** A socket closed. */
  disconnect(connection: LiveConnection): void {
    if (connection.role !== 'participant') return;
    if (!this.sessions.has(connection.sessionId)) return;
    this.run(connection.sessionId, { type: 'disconnect', participantId: connection.participantId });
  }

  // --- Messages --------------------------------------------------------------------------

  /** One socket message from an accepted connection. */
  message(connection: LiveConnection, event: string, payload: unknown): Reply<MessageReply> {
    return connection.role === 'presenter'
      ? this.presenterMessage(connection.sessionId, event, payload)
      : this.participantMessage(connection.sessionId, connection.participantId, event, payload);
  }

  private presenterMessage(sessionId: string, event: string, payload: unknown): Reply<MessageReply> {
    if (!Object.hasOwn(PRESENTER_MESSAGES, event)) return refuse('unknown-event');
    const name = event as keyof typeof PRESENTER_MESSAGES;
    const message = parse(PRESENTER_MESSAGES[name], payload);
    if (!message) return refuse('bad-request');
    let command: SessionCommand;
    switch (name) {
      case 'live:goto': {
        const goto = message as z.output<(typeof PRESENTER_MESSAGES)['live:goto']>;
        command = { type: 'goto', stopIndex: goto.stopIndex, page: goto.page ?? 1 };
        break;
      }
      case 'live:blank':
        command = { type: 'blank', blank: (message as { blank: 'none' | 'black' | 'white' }).blank };
        break;
      case 'live:gather':
        command = { type: 'gather' };
        break;
      case 'live:nicknames':
        command = { type: 'nicknames', visible: (message as { visible: boolean }).visible };
        break;
      case 'live:remove':
        command = { type: 'remove', participantId: (message as { participantId: string }).participantId };
        break;
      case 'live:end':
        command = { type: 'end', reason: 'ended' };
        break;
      case 'live:sync': {
        const state = this.liveSession(sessionId);
        if (typeof state === 'string') return refuse(state);
        return { ...this.presenterWelcome(state) };
      }
      case 'live:contest-start':
        return this.startContest(sessionId);
      case 'live:contest-reveal':
        command = { type: 'contest-reveal' };
        break;
      case 'live:contest-next':
        command = { type: 'contest-next' };
        break;
      case 'live:contest-close':
        command = { type: 'contest-close' };
        break;
    }
    const result = this.run(sessionId, command);
    if (!result.ok) return result;
    return { ok: true, snapshot: snapshotOf(result.state, this.clock()) };
  }

  private participantMessage(sessionId: string, participantId: string, event: string, payload: unknown): Result<MessageReply> {
    if (!Object.hasOwn(PARTICIPANT_MESSAGES, event)) return refuse('unknown-event');
    const name = event as keyof typeof PARTICIPANT_MESSAGES;
    const message = parse(PARTICIPANT_MESSAGES[name], payload);
    if (!message) return refuse('bad-request');
    switch (name) {
      case 'live:follow': {
        const result = this.run(sessionId, {
          type: 'follow',
          participantId,
          following: (message as { following: boolean }).following,
        });
        if (!result.ok) return result;
        const participant = findParticipant(result.state, participantId);
        if (!participant) return refuse('server-error');
        return { ok: true, you: selfOf(result.state, participant), snapshot: snapshotOf(result.state, this.clock()) };
      }
      case 'live:leave': {
        const result = this.run(sessionId, { type: 'leave', participantId });
        return result.ok ? { ok: true } : result;
      }
      case 'live:ping': {
        const result = this.run(sessionId, { type: 'seen', participantId });
        return result.ok ? { ok: true, serverTime: this.clock() } : result;
      }
      case 'live:sync': {
        const state = this.liveSession(sessionId);
        if (typeof state === 'string') return refuse(state);
        const participant = findParticipant(state, participantId);
        if (!participant) return refuse('unknown-participant');
        if (participant.status === 'removed') return refuse('removed');
        const welcome: ParticipantWelcome = {
          ok: true,
          role: 'participant',
          snapshot: snapshotOf(state, this.clock()),
          you: selfOf(state, participant),
        };
        return { ...welcome };
      }
      case 'live:answer': {
        const answer = message as { questionId: string; optionIds: string[] };
        const result = this.run(sessionId, {
          type: 'contest-answer',
          participantId,
          questionId: answer.questionId,
          optionIds: answer.optionIds,
        });
        if (!result.ok) return result;
        const participant = findParticipant(result.state, participantId);
        if (!participant) return refuse('server-error');
        return { ok: true, you: selfOf(result.state, participant) };
      }
    }
  }

  /** 知识竞赛: the quiz the lesson's tour names, read from the served build, from its first question. */
  private async startContest(sessionId: string): Promise<Result<MessageReply>> {
    const state = this.liveSession(sessionId);
    if (typeof state === 'string') return refuse(state);
    const found = await this.options.tours.quizOf(state.tourId);
    if (!found.ok) return refuse(found.error);
    const result = this.run(sessionId, { type: 'contest-start', contestId: randomUUID(), quiz: found.quiz });
    if (!result.ok) return result;
    return { ok: true, snapshot: snapshotOf(result.state, this.clock()) };
  }

  // --- Time ------------------------------------------------------------------------------

  /** Ends the lessons past their 12 hours. Called on a timer and before creating one. */
  sweep(): void {
    const now = this.clock();
    for (const state of [...this.sessions.values()]) if (!isLive(state, now)) this.expire(state);
  }

  /** How many lessons are live now: publishing waits for them to end before switching the site. */
  liveLessonCount(): number {
    const now = this.clock();
    return [...this.sessions.values()].filter((state) => isLive(state, now)).length;
  }

  close(): void {
    for (const timer of this.rosterTimers.values()) clearTimeout(timer);
    this.rosterTimers.clear();
    for (const { timer } of this.contestTimers.values()) clearTimeout(timer);
    this.contestTimers.clear();
  }

  // --- Inside ----------------------------------------------------------------------------

  private presenterWelcome(state: SessionState): PresenterWelcome {
    return {
      ok: true,
      role: 'presenter',
      snapshot: snapshotOf(state, this.clock()),
      roster: rosterOf(state),
      joinUrl: this.joinUrl(state.code),
    };
  }

  private liveByCode(code: string): SessionState | null {
    const id = this.byCode.get(code);
    const state = id ? this.sessions.get(id) : undefined;
    if (!state) return null;
    if (!isLive(state, this.clock())) {
      this.expire(state);
      return null;
    }
    return state;
  }

  private liveSession(sessionId: string): SessionState | 'session-ended' {
    const state = this.sessions.get(sessionId);
    if (!state) return 'session-ended';
    if (!isLive(state, this.clock())) {
      this.expire(state);
      return 'session-ended';
    }
    return state;
  }

  private expire(state: SessionState): void {
    this.run(state.id, { type: 'end', reason: 'expired' });
  }

  /** Six random digits no running lesson of this process uses. */
  private freeCode(): string | null {
    for (let attempt = 0; attempt < 100; attempt++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!this.byCode.has(code)) return code;
    }
    return null;
  }

  /**
   * Six random digits no running lesson uses on any process, claimed in the directory;
   * 'unavailable' when it cannot be reached (no lesson can start without a unique code).
   */
  private async claimFreeCode(directory: LessonDirectory, sessionId: string): Promise<string | null | 'unavailable'> {
    const expiresAt = this.clock() + this.lifetimeMs;
    for (let attempt = 0; attempt < 100; attempt++) {
      const code = this.freeCode();
      if (!code) return null;
      try {
        if (await directory.claim({ sessionId, code, expiresAt }, this.clock())) return code;
      } catch (error) {
        this.options.log?.(`lesson directory: ${error instanceof Error ? error.message : String(error)}`);
        return 'unavailable';
      }
    }
    return null;
  }

  /** Applies a command to a running lesson, stores the result, then tells the clients. */
  private run(sessionId: string, command: SessionCommand): Result<{ state: SessionState }> {
    const state = this.sessions.get(sessionId);
    if (!state) return refuse('session-ended');
    const now = this.clock();
    const result = applyCommand(state, command, now);
    if (!result.ok) {
      // A lesson found past its time on the way ends now, for everyone.
      if (result.error === 'session-ended' && command.type !== 'end' && state.endedAt === null) this.expire(state);
      return result;
    }
    if (result.state !== state) {
      if (this.shouldStore(command, now)) {
        try {
          this.options.repository.save(result.state, state);
        } catch {
          return refuse('server-error');
        }
      }
      this.sessions.set(sessionId, result.state);
    }
    this.publish(result.state, result.events);
    if (this.sessions.has(sessionId)) this.armContestTimer(result.state);
    return { ok: true, state: result.state };
  }

  private shouldStore(command: SessionCommand, now: number): boolean {
    if (command.type !== 'seen') return true;
    const last = this.seenWritten.get(command.participantId) ?? 0;
    if (now - last < SEEN_WRITE_INTERVAL_MS) return false;
    this.seenWritten.set(command.participantId, now);
    return true;
  }

  private publish(state: SessionState, events: SessionEvent[]): void {
    const { broadcaster } = this.options;
    let lessonChanged = false;
    let rosterChanged = false;
    for (const event of events) {
      switch (event.type) {
        case 'lesson-changed':
          lessonChanged = true;
          break;
        case 'roster-changed':
          rosterChanged = true;
          break;
        case 'participant-changed': {
          const participant = findParticipant(state, event.participantId);
          if (participant) broadcaster.participant(participant.id, selfOf(state, participant));
          break;
        }
        case 'participant-removed':
          broadcaster.removed(state.id, event.participantId);
          break;
        case 'participant-left':
          broadcaster.left(event.participantId);
          break;
        case 'contest-standings': {
          // Each phone its own result and place (a new question clears its answer), from one table.
          const table = contestStandings(state);
          for (const participant of state.participants)
            if (participant.status === 'joined') broadcaster.participant(participant.id, selfOf(state, participant, table));
          break;
        }
        case 'session-ended':
          this.forget(state);
          broadcaster.ended(state.id, event.reason as LiveEndReason);
          return;
      }
    }
    if (lessonChanged) this.broadcastNow(state.id);
    else if (rosterChanged) this.broadcastSoon(state.id);
  }

  private broadcastNow(sessionId: string): void {
    const timer = this.rosterTimers.get(sessionId);
    if (timer) clearTimeout(timer);
    this.rosterTimers.delete(sessionId);
    const state = this.sessions.get(sessionId);
    if (!state) return;
    this.options.broadcaster.snapshot(sessionId, snapshotOf(state, this.clock()));
    this.options.broadcaster.roster(sessionId, rosterOf(state));
  }

  /** Thirty phones joining at once make one broadcast, not thirty. */
  private broadcastSoon(sessionId: string): void {
    if (this.rosterTimers.has(sessionId)) return;
    this.rosterTimers.set(
      sessionId,
      setTimeout(() => {
        this.rosterTimers.delete(sessionId);
        this.broadcastNow(sessionId);
      }, this.rosterDelayMs),
    );
  }

  /**
   * The server's own time-up for the contest question under way: at its deadline the question is
   * revealed (an answer after it is refused whether or not the timer has fired yet).
   */
  private armContestTimer(state: SessionState): void {
    const contest = state.contest;
    const key = contest?.phase === 'question' ? `${contest.id}:${contest.index}` : null;
    const armed = this.contestTimers.get(state.id);
    if (armed?.key === key) return;
    if (armed) clearTimeout(armed.timer);
    this.contestTimers.delete(state.id);
    if (!contest || key === null) return;
    const questionIndex = contest.index;
    const timer = setTimeout(
      () => {
        this.contestTimers.delete(state.id);
        this.run(state.id, { type: 'contest-reveal', questionIndex });
      },
      Math.max(0, contest.deadline - this.clock()),
    );
    this.contestTimers.set(state.id, { key, timer });
  }

  private forget(state: SessionState): void {
    const contestTimer = this.contestTimers.get(state.id);
    if (contestTimer) clearTimeout(contestTimer.timer);
    this.contestTimers.delete(state.id);
    this.sessions.delete(state.id);
    if (this.byCode.get(state.code) === state.id) this.byCode.delete(state.code);
    this.options.directory
      ?.release(state.id, state.code)
      .catch((error: unknown) =>
        this.options.log?.(`lesson directory: ${error instanceof Error ? error.message : String(error)}`),
      );
    const timer = this.rosterTimers.get(state.id);
    if (timer) clearTimeout(timer);
    this.rosterTimers.delete(state.id);
    for (const participant of state.participants) this.seenWritten.delete(participant.id);
  }
}
