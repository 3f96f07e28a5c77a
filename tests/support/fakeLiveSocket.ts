/**
 * A stand-in for socket.io-client's socket, for the follower's client tests: what the server
 * says arrives through `receive`, what the client emits is kept (its ack too, so a test answers it
 * as the server would with `reply`).
 */
import { EventEmitter } from 'node:events';
import type { Socket } from 'socket.io-client';
import { createFollowClient, type FollowClientOptions } from '../../src/modes/follow/followClient.ts';
import { MemoryStorage } from './memoryStorage.ts';

export class FakeSocket extends EventEmitter {
  emitted: { event: string; payload: unknown }[] = [];
  /** Each emit's ack, in the order of `emitted` (undefined where none was given). */
  acks: (((reply: unknown) => void) | undefined)[] = [];
  disconnected = false;
  constructor(
    readonly url: string,
    readonly auth: Record<string, unknown>,
  ) {
    super();
  }
  /** A message from the server. */
  receive(event: string, ...args: unknown[]) {
    super.emit(event, ...args);
  }
  override emit(event: string, payload?: unknown, ack?: (reply: unknown) => void): boolean {
    this.emitted.push({ event, payload });
    this.acks.push(ack);
    return true;
  }
  /** The server's answer to the last `event` the client emitted. */
  reply(event: string, answer: unknown) {
    const index = this.emitted.map((emitted) => emitted.event).lastIndexOf(event);
    const ack = this.acks[index];
    if (!ack) throw new Error(`no ${event} with an ack was emitted`);
    ack(answer);
  }
  /** The events the client emitted, in order. */
  events(): string[] {
    return this.emitted.map((emitted) => emitted.event);
  }
  disconnect() {
    this.disconnected = true;
    return this;
  }
}

/** A follower client on fake sockets (one per join), its storage in memory unless given. */
export function fakeFollowClient(
  code: string | null = '123456',
  storage: Storage = new MemoryStorage(),
  options: Partial<FollowClientOptions> = {},
) {
  const sockets: FakeSocket[] = [];
  const client = createFollowClient({
    code,
    error: null,
    storage,
    origin: 'http://station.test:8080',
    connect: (url, connectOptions) => {
      const socket = new FakeSocket(url, connectOptions?.auth as Record<string, unknown>);
      sockets.push(socket);
      return socket as unknown as Socket;
    },
    ...options,
  });
  return { client, sockets, storage };
}
