/**
 * The station beyond one process (issue 19): with REDIS_URL set, every process joins the same
 * Redis. socket.io's Redis adapter carries each room's broadcasts to every process; the lesson
 * directory and the relay (this folder) make each lesson's commands run on the one process that
 * holds it. Without REDIS_URL none of this exists and the process is the station alone.
 *
 * Three connections: one for commands and PUBLISH, and one subscriber each for the adapter and the
 * relay (a subscribed Redis connection can do nothing else).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { RedisLessonDirectory } from './lessonDirectory.ts';
import { LessonRelay, type RelayHandler } from './lessonRelay.ts';

export interface RedisCluster {
  processId: string;
  directory: RedisLessonDirectory;
  relay: LessonRelay;
  close(): Promise<void>;
}

export interface RedisClusterOptions {
  url: string;
  /** This process's name in the directory; default host, pid and a random suffix (a restart is a new name). */
  processId?: string | null;
  io: Server;
  /** Runs what other processes relay here (bound late: the router needs the relay first). */
  handle: RelayHandler;
  connectTimeoutMs?: number;
  relayTimeoutMs?: number;
  log: (message: string) => void;
}

/** Where a URL points, without its password, for messages. */
export function redisLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(unreadable REDIS_URL)';
  }
}

export function defaultProcessId(): string {
  const host =
    hostname()
      .replace(/[^A-Za-z0-9.-]/g, '-')
      .slice(0, 60) || 'station';
  return `${host}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export async function openRedisCluster(options: RedisClusterOptions): Promise<RedisCluster> {
  const label = redisLabel(options.url);
  const processId = options.processId || defaultProcessId();
  // A command waits for at most one reconnect: a phone is answered `server-error` and tries
  // again, rather than hanging while Redis is away.
  const commands = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1, connectionName: processId });
  const adapterSubscriber = commands.duplicate();
  const relaySubscriber = commands.duplicate();
  const clients = [commands, adapterSubscriber, relaySubscriber];
  let lastError = '';
  for (const client of clients) {
    client.on('error', (error: Error) => {
      // ioredis retries by itself; say each new problem once, not at every retry.
      if (error.message === lastError) return;
      lastError = error.message;
      options.log(`redis ${label}: ${error.message}`);
    });
    client.on('ready', () => {
      lastError = '';
    });
  }
  const timeoutMs = options.connectTimeoutMs ?? 5000;
  try {
    await Promise.race([
      Promise.all(clients.map((client) => client.connect())),
      new Promise((_done, fail) =>
        setTimeout(() => fail(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs).unref(),
      ),
    ]);
  } catch (error) {
    for (const client of clients) client.disconnect();
    throw new Error(`REDIS_URL ${label}: cannot connect (${error instanceof Error ? error.message : String(error)})`);
  }
  options.io.adapter(createAdapter(commands, adapterSubscriber, { key: 'dangshi:live:io' }));
  const relay = await LessonRelay.open({
    publisher: commands,
    subscriber: relaySubscriber,
    processId,
    handle: options.handle,
    log: options.log,
    ...(options.relayTimeoutMs ? { timeoutMs: options.relayTimeoutMs } : {}),
  });
  return {
    processId,
    directory: new RedisLessonDirectory(commands, processId),
    relay,
    close: async () => {
      relay.close();
      await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}
