/**
 * Where a lesson's command runs (issue 19). Alone, every lesson is this process's own and the
 * router only hands calls to the {@link LiveService}. With several processes, a lesson has one
 * authority, the process holding it: a phone's handshake or message that arrives here for a
 * lesson held elsewhere is relayed there as it came (cluster/lessonRelay.ts), checked there by the
 * same schemas and limits, and its answer comes back to the socket here. Broadcasts need no relay:
 * socket.io's Redis adapter carries a room's events to every process.
 *
 * So a late joiner on any process gets the holder's snapshot, an answer is counted once by the
 * holder, and a reconnect through another process keeps its participant and its contest score.
 */
import {
  type LiveErrorCode,
  PARTICIPANT_MESSAGES,
  type ParticipantWelcome,
  PRESENTER_MESSAGES,
  type PresenterWelcome,
  type Refusal,
  resultsCsvFilename,
  sessionIdSchema,
} from '../../live/protocol.ts';
import type { LessonDirectory } from '../cluster/lessonDirectory.ts';
import type { LessonRelay, RelayResult } from '../cluster/lessonRelay.ts';
import { liveConnectionSchema, type RelayRequest } from '../cluster/relayProtocol.ts';
import { contestResultsCsv } from './contestResults.ts';
import type { LiveConnection, LiveService, MessageReply, Reply, Result } from './liveService.ts';

export interface LessonCluster {
  directory: LessonDirectory;
  relay: LessonRelay;
}

type Welcome = PresenterWelcome | ParticipantWelcome;

const refuse = (error: LiveErrorCode): Refusal => ({ ok: false, error });

/** Which lesson a handshake asks for, read only far enough to route it (the holder parses it fully). */
function lessonOfAuth(auth: unknown): { sessionId: string } | { code: string } | null {
  if (typeof auth !== 'object' || auth === null) return null;
  const { role, sessionId, code } = auth as Record<string, unknown>;
  if (role === 'presenter' && typeof sessionId === 'string') return { sessionId };
  if (role === 'participant' && typeof code === 'string') return { code };
  return null;
}

export class LessonRouter {
  /** Lessons' holders as last read from the directory (forgotten when a call finds nobody there). */
  private readonly holders = new Map<string, string>();

  constructor(
    private readonly live: LiveService,
    private readonly cluster: LessonCluster | null,
  ) {}

  get presenterPinSet(): boolean {
    return this.live.presenterPinSet;
  }

  /** A new lesson is always held by the process its presenter reached. */
  createSession(body: unknown, address: string) {
    return this.live.createSession(body, address);
  }

  // --- Sockets ---------------------------------------------------------------------------

  async connect(auth: unknown, address: string): Promise<Result<{ connection: LiveConnection; welcome: Welcome }>> {
    const lesson = lessonOfAuth(auth);
    if (!this.cluster || !lesson) return this.live.connect(auth, address);
    const sessionId = 'sessionId' in lesson ? lesson.sessionId : await this.sessionOfCode(lesson.code);
    if (sessionId === undefined) return refuse('server-error');
    const holder = sessionId === null ? null : await this.holderOf(sessionId);
    if (holder === undefined) return refuse('server-error');
    if (holder === null) return this.live.connect(auth, address);
    const answer = (await this.relay(holder, sessionId as string, { method: 'connect', auth, address })) as
      | Refusal
      | {
          ok: true;
          connection?: unknown;
          welcome?: unknown;
        };
    if (!answer.ok) return answer;
    const connection = liveConnectionSchema.safeParse(answer.connection);
    if (!connection.success || typeof answer.welcome !== 'object' || answer.welcome === null) return refuse('server-error');
    return { ok: true, connection: connection.data, welcome: answer.welcome as Welcome };
  }

  async message(connection: LiveConnection, event: string, payload: unknown): Promise<Result<MessageReply>> {
    // An event no role has is refused here, wherever the lesson is.
    const known = Object.hasOwn(connection.role === 'presenter' ? PRESENTER_MESSAGES : PARTICIPANT_MESSAGES, event);
    const holder = known ? await this.holderOf(connection.sessionId) : null;
    if (holder === undefined) return refuse('server-error');
    if (holder === null) return this.live.message(connection, event, payload) as Reply<MessageReply>;
    const request: RelayRequest = { method: 'message', connection, event };
    if (payload !== undefined) request.payload = payload;
    return (await this.relay(holder, connection.sessionId, request)) as Result<MessageReply>;
  }

  async disconnect(connection: LiveConnection): Promise<void> {
    const holder = await this.holderOf(connection.sessionId);
    if (holder === null) this.live.disconnect(connection);
    else if (holder !== undefined) await this.relay(holder, connection.sessionId, { method: 'disconnect', connection });
  }

  // --- HTTP ------------------------------------------------------------------------------

  async lookUpCode(code: string, address: string): Promise<Result<{ code: string }>> {
    if (!this.cluster || this.live.holdsCode(code) || !/^\d{6}$/.test(code)) return this.live.lookUpCode(code, address);
    const sessionId = await this.sessionOfCode(code);
    if (sessionId === undefined) return refuse('server-error');
    const holder = sessionId === null ? null : await this.holderOf(sessionId);
    if (holder === undefined) return refuse('server-error');
    if (holder === null) return this.live.lookUpCode(code, address);
    return (await this.relay(holder, sessionId as string, { method: 'lookUpCode', code, address })) as Result<{
      code: string;
    }>;
  }

  async joinUrlOf(sessionId: string): Promise<Result<{ joinUrl: string }>> {
    const holder = await this.holderOf(sessionId);
    if (holder === undefined) return refuse('server-error');
    if (holder === null) return this.live.joinUrlOf(sessionId);
    return (await this.relay(holder, sessionId, { method: 'joinUrlOf', sessionId })) as Result<{ joinUrl: string }>;
  }

  /** Results live in the SQLite of the process that held the lesson (its home), after the end too. */
  async lessonResults(sessionId: string, body: unknown, address: string) {
    const home = await this.remoteHome(sessionId);
    if (home === null) return this.live.lessonResults(sessionId, body, address);
    return (await this.relayTo(home, { method: 'lessonResults', sessionId, body, address })) as Awaited<
      ReturnType<LiveService['lessonResults']>
    >;
  }

  async resultsCsv(sessionId: string, body: unknown, address: string): Promise<Result<{ csv: string; filename: string }>> {
    const home = await this.remoteHome(sessionId);
    if (home === null) return this.live.resultsCsv(sessionId, body, address);
    const answer = await this.lessonResults(sessionId, body, address);
    if (!answer.ok) return answer;
    return {
      ok: true,
      csv: contestResultsCsv(answer.results),
      filename: resultsCsvFilename(answer.results.startedAt, answer.results.code),
    };
  }

  async resultsOf(sessionId: string) {
    const home = await this.remoteHome(sessionId);
    if (home === null) return this.live.resultsOf(sessionId);
    return (await this.relayTo(home, { method: 'resultsOf', sessionId })) as Awaited<ReturnType<LiveService['resultsOf']>>;
  }

  /** The past lessons of this process's SQLite (the README's scale section: a shared database lists all). */
  pastResults(body: unknown, address: string) {
    return this.live.pastResults(body, address);
  }

  pastLessons() {
    return this.live.pastLessons();
  }

  // --- The holder's side -----------------------------------------------------------------

  /** Runs a request another process relayed here, for a lesson this process holds. */
  async handleRelayed(request: RelayRequest): Promise<RelayResult> {
    switch (request.method) {
      case 'connect':
        return this.live.connect(request.auth, request.address);
      case 'message':
        return this.live.message(request.connection, request.event, request.payload);
      case 'disconnect':
        this.live.disconnect(request.connection);
        return { ok: true };
      case 'lookUpCode':
        return this.live.lookUpCode(request.code, request.address);
      case 'joinUrlOf':
        return this.live.joinUrlOf(request.sessionId);
      case 'lessonResults':
        return this.live.lessonResults(request.sessionId, request.body, request.address);
      case 'resultsOf':
        return this.live.resultsOf(request.sessionId);
    }
  }

  // --- Inside ----------------------------------------------------------------------------

  /** undefined: the directory cannot be reached. */
  private async sessionOfCode(code: string): Promise<string | null | undefined> {
    try {
      return (await this.cluster?.directory.sessionOfCode(code)) ?? null;
    } catch {
      return undefined;
    }
  }

  /** Another process holding the lesson; null: this one (or none: the service answers); undefined: no directory reachable. */
  private async holderOf(sessionId: string): Promise<string | null | undefined> {
    if (!this.cluster || this.live.holds(sessionId)) return null;
    const known = this.holders.get(sessionId);
    if (known) return known;
    let holder: string | null;
    try {
      holder = await this.cluster.directory.ownerOf(sessionId);
    } catch {
      return undefined;
    }
    if (!holder || holder === this.cluster.directory.processId) return null;
    this.holders.set(sessionId, holder);
    return holder;
  }

  /** Another process keeping the lesson's results; null: this one (a malformed id is refused here). */
  private async remoteHome(sessionId: string): Promise<string | null> {
    if (!this.cluster || this.live.holds(sessionId) || !sessionIdSchema.safeParse(sessionId).success) return null;
    try {
      const home = await this.cluster.directory.homeOf(sessionId);
      return home && home !== this.cluster.directory.processId ? home : null;
    } catch {
      return null;
    }
  }

  /**
   * Relays to a lesson's holder. If nobody answers there, the directory is read once more: the
   * holder may have restarted under a new name (it takes its lessons up again from SQLite).
   */
  private async relay(holder: string, sessionId: string, request: RelayRequest): Promise<RelayResult> {
    const first = await this.relayTo(holder, request, false);
    if (first) {
      // An ended lesson's holder is not asked again (and the map does not grow with every lesson).
      if (!first.ok && (first as Refusal).error === 'session-ended') this.holders.delete(sessionId);
      return first;
    }
    this.holders.delete(sessionId);
    const again = await this.holderOf(sessionId);
    if (again === holder || !again) {
      // Nobody holds it any more: this process answers as for any unknown lesson.
      if (again === null) return this.handleRelayed(request);
      return refuse('server-error');
    }
    return (await this.relayTo(again, request)) as RelayResult;
  }

  private async relayTo(processId: string, request: RelayRequest, refuseIfUnreached?: true): Promise<RelayResult>;
  private async relayTo(processId: string, request: RelayRequest, refuseIfUnreached: false): Promise<RelayResult | null>;
  private async relayTo(processId: string, request: RelayRequest, refuseIfUnreached = true): Promise<RelayResult | null> {
    const outcome = await (this.cluster as LessonCluster).relay.call(processId, request);
    if (outcome.reached) return outcome.result;
    return refuseIfUnreached ? refuse('server-error') : null;
  }
}
