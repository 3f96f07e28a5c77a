/**
 * Requests between station processes, over Redis pub/sub (issue 19). Each process listens on its
 * own channel; a call names the process holding the lesson and waits for its answer on the
 * caller's channel. socket.io's Redis adapter carries the broadcasts; this carries the commands,
 * so every command of a lesson runs where its state is.
 *
 * A call to a process nobody listens for (it stopped; its lessons come back with it) is known at
 * once: PUBLISH counts the receivers. One that does not answer in time is given up. Either way the
 * caller gets `unreachable` and answers its phone `server-error`; socket.io-client tries again.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DIRECTORY_PREFIX } from './lessonDirectory.ts';
import { type RelayEnvelope, type RelayRequest, relayEnvelopeSchema, relayResultSchema } from './relayProtocol.ts';

/** An answer as the service gave it (JSON), `ok` checked; its other fields are read where it is used. */
export type RelayResult = { ok: boolean };
export type RelayOutcome = { reached: true; result: RelayResult } | { reached: false };

export type RelayHandler = (request: RelayRequest) => Promise<RelayResult> | RelayResult;

export interface LessonRelayOptions {
  /** For PUBLISH. */
  publisher: Redis;
  /** A connection of its own: a subscribed Redis connection can do nothing else. */
  subscriber: Redis;
  processId: string;
  /** Runs a request for a lesson this process holds. */
  handle: RelayHandler;
  timeoutMs?: number;
  log?: (message: string) => void;
}

export const relayChannel = (processId: string): string => `${DIRECTORY_PREFIX}relay:${processId}`;

export class LessonRelay {
  private readonly pending = new Map<string, { done: (outcome: RelayOutcome) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly timeoutMs: number;
  /** Malformed messages dropped (a test reads it). */
  dropped = 0;

  private constructor(private readonly options: LessonRelayOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  static async open(options: LessonRelayOptions): Promise<LessonRelay> {
    const relay = new LessonRelay(options);
    options.subscriber.on('message', (channel: string, text: string) => {
      if (channel === relayChannel(options.processId)) relay.receive(text);
    });
    await options.subscriber.subscribe(relayChannel(options.processId));
    return relay;
  }

  /** Asks `processId` to run `request`. */
  async call(processId: string, request: RelayRequest): Promise<RelayOutcome> {
    const id = randomUUID();
    const envelope: RelayEnvelope = { kind: 'call', id, from: this.options.processId, request };
    const outcome = new Promise<RelayOutcome>((done) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        done({ reached: false });
      }, this.timeoutMs);
      this.pending.set(id, { done, timer });
    });
    let receivers: number;
    try {
      receivers = await this.options.publisher.publish(relayChannel(processId), JSON.stringify(envelope));
    } catch {
      receivers = 0;
    }
    if (receivers === 0) this.settle(id, { reached: false });
    return outcome;
  }

  close(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { reached: false });
  }

  private settle(id: string, outcome: RelayOutcome): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(id);
    waiting.done(outcome);
  }

  private receive(text: string): void {
    let envelope: RelayEnvelope;
    try {
      const parsed = relayEnvelopeSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error('malformed');
      envelope = parsed.data;
    } catch {
      this.dropped++;
      return;
    }
    if (envelope.kind === 'reply') {
      const result = relayResultSchema.safeParse(envelope.result);
      if (!result.success) {
        this.dropped++;
        return;
      }
      this.settle(envelope.id, { reached: true, result: result.data });
      return;
    }
    void this.answer(envelope.id, envelope.from, envelope.request);
  }

  private async answer(id: string, from: string, request: RelayRequest): Promise<void> {
    let result: RelayResult;
    try {
      result = await this.options.handle(request);
    } catch (error) {
      this.options.log?.(`relay: ${request.method} failed: ${error instanceof Error ? error.message : String(error)}`);
      const failed: RelayResult & { error: string } = { ok: false, error: 'server-error' };
      result = failed;
    }
    const reply: RelayEnvelope = { kind: 'reply', id, result };
    try {
      await this.options.publisher.publish(relayChannel(from), JSON.stringify(reply));
    } catch {
      // Redis is away: the caller gives up after its timeout and its phone tries again.
    }
  }
}
