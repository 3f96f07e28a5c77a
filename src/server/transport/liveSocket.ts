/**
 * socket.io for live lessons. The handshake and every message go to the command layer as they
 * came; this file only knows sockets: rooms, acks, a message budget per connection, and the
 * broadcaster the command layer talks through.
 *
 * Rooms: `session:<id>` (everyone in a lesson), `presenters:<id>`, `participant:<id>` (one
 * phone's connections: a second tab counts as the same participant). Addressing rooms, never
 * sockets, is what lets the Redis adapter (issue 19) carry the same broadcasts across processes.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  LIVE_NAMESPACE,
  LIVE_SERVER_EVENTS,
  type LiveErrorCode,
  MAX_MESSAGE_BYTES,
  type ParticipantWelcome,
  type PresenterWelcome,
  type Refusal,
  sessionIdSchema,
} from '../../live/protocol.ts';
import type { LiveBroadcaster } from '../commands/broadcaster.ts';
import type { LessonRouter } from '../commands/lessonRouter.ts';
import { type BucketLimits, TokenBucket } from '../commands/limits.ts';
import type { LiveConnection } from '../commands/liveService.ts';
import { clientAddress, forwardedAddress } from './headers.ts';

export interface SocketLimits {
  /** Messages per connection: a burst, then a steady rate. */
  messages: BucketLimits;
  /** A connection refused this many times in a row for its rate is closed. */
  maxRateRefusals: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  messages: { burst: 30, perSecond: 10 },
  maxRateRefusals: 50,
};

const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  presenters: (sessionId: string) => `presenters:${sessionId}`,
  participant: (participantId: string) => `participant:${participantId}`,
};

interface SocketData {
  connection: LiveConnection;
  welcome: PresenterWelcome | ParticipantWelcome;
}

type LiveSocket = Socket & { data: SocketData };

export function createSocketServer(httpServer: HttpServer): Server {
  return new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // A phone gone from the Wi-Fi is noticed within ~20 s (the defaults take 45).
    pingInterval: 10_000,
    pingTimeout: 10_000,
    // A page of another site may not open a socket here in a visitor's browser. Clients that send
    // no Origin (socket.io-client in Node, tests) are not browsers acting for someone else.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      if (!origin) return callback(null, true);
      try {
        callback(null, new URL(origin).host === request.headers.host);
      } catch {
        callback(null, false);
      }
    },
  });
}

/** The command layer's broadcaster, by rooms. */
export function socketBroadcaster(io: Server): LiveBroadcaster {
  const live = () => io.of(LIVE_NAMESPACE);
  // Closing waits a turn, so the ack of the message that caused it (a leave, an end) goes out first.
  const closeLater = (room: string) => setImmediate(() => live().in(room).disconnectSockets());
  return {
    snapshot: (sessionId, snapshot) => live().to(rooms.session(sessionId)).emit(LIVE_SERVER_EVENTS.snapshot, snapshot),
    roster: (sessionId, roster) => live().to(rooms.presenters(sessionId)).emit(LIVE_SERVER_EVENTS.roster, roster),
    participant: (participantId, self) => live().to(rooms.participant(participantId)).emit(LIVE_SERVER_EVENTS.you, self),
    removed: (sessionId, participantId) => {
      live().to(rooms.participant(participantId)).emit(LIVE_SERVER_EVENTS.removed, { sessionId });
      closeLater(rooms.participant(participantId));
    },
    left: (participantId) => closeLater(rooms.participant(participantId)),
    ended: (sessionId, reason) => {
      live().to(rooms.session(sessionId)).emit(LIVE_SERVER_EVENTS.ended, { sessionId, reason });
      closeLater(rooms.session(sessionId));
    },
    // To the other processes by the adapter (serverSideEmit skips its sender), and here.
    reconnect: (sessionId) => {
      live().serverSideEmit(RECONNECT_LESSON, sessionId);
      dropTransports(io, sessionId);
    },
  };
}

/** The server-side event by which a process asks the others to drop a lesson's connections. */
const RECONNECT_LESSON = 'dangshi:reconnect-lesson';

/**
 * Closes the transports of this process's connections to a lesson. A namespace disconnect (even
 * `disconnectSockets(true)`, which sends one first) tells socket.io-client not to come back; a
 * closed transport looks like the network failing, and the client reconnects by itself.
 */
function dropTransports(io: Server, sessionId: string): void {
  const room = rooms.session(sessionId);
  for (const socket of io.of(LIVE_NAMESPACE).sockets.values()) if (socket.rooms.has(room)) socket.conn.close();
}

function refusalError(refusal: Refusal): Error & { data: Refusal } {
  return Object.assign(new Error(refusal.error), { data: refusal });
}

export function registerLiveSockets(
  io: Server,
  service: LessonRouter,
  limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  /** Proxies whose X-Forwarded-For is believed (STATION_TRUSTED_PROXIES); null: the peer is the client. */
  trustedProxies: ((address: string, hop: number) => boolean) | null = null,
): void {
  const addressOf = (socket: Socket) =>
    trustedProxies ? forwardedAddress(socket.request, trustedProxies) : clientAddress(socket.handshake.address);
  // Nothing lives in the main namespace.
  io.of('/').use((_socket, next) => next(refusalError({ ok: false, error: 'not-found' })));

  const namespace = io.of(LIVE_NAMESPACE);
  // Another process took up a lesson again (a restart): its phones here reconnect to be counted there.
  namespace.on(RECONNECT_LESSON, (sessionId: unknown) => {
    const id = sessionIdSchema.safeParse(sessionId);
    if (id.success) dropTransports(io, id.data);
  });
  namespace.use(async (socket, next) => {
    try {
      // Answered here, or by the process holding the lesson (issue 19).
      const result = await service.connect(socket.handshake.auth, addressOf(socket));
      if (!result.ok) return next(refusalError(result));
      const data = socket.data as SocketData;
      data.connection = result.connection;
      data.welcome = result.welcome;
      next();
    } catch {
      next(refusalError({ ok: false, error: 'server-error' }));
    }
  });

  namespace.on('connection', (socket: LiveSocket) => {
    const { connection, welcome } = socket.data;
    socket.join(rooms.session(connection.sessionId));
    if (connection.role === 'presenter') socket.join(rooms.presenters(connection.sessionId));
    else socket.join(rooms.participant(connection.participantId));
    socket.emit(LIVE_SERVER_EVENTS.welcome, welcome);

    const bucket = new TokenBucket(limits.messages);
    let rateRefusals = 0;
    socket.onAny((event: unknown, ...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : null;
      const answer = (reply: { ok: boolean; error?: LiveErrorCode }) => {
        if (ack) ack(reply);
        else if (!reply.ok) {
          // Echo at most a short, printable event name.
          const name = typeof event === 'string' ? event.slice(0, 64) : '';
          socket.emit(LIVE_SERVER_EVENTS.refused, { event: name, error: reply.error });
        }
      };
      if (!bucket.take()) {
        rateRefusals++;
        answer({ ok: false, error: 'rate-limited' });
        if (rateRefusals >= limits.maxRateRefusals) socket.disconnect(true);
        return;
      }
      rateRefusals = 0;
      if (typeof event !== 'string') return answer({ ok: false, error: 'unknown-event' });
      // One payload (an object) per message; more arguments are a malformed message.
      if (args.length > 1) return answer({ ok: false, error: 'bad-request' });
      service.message(connection, event, args[0]).then(answer, () => answer({ ok: false, error: 'server-error' }));
    });

    socket.on('disconnect', () => {
      service.disconnect(connection).catch(() => {});
    });
  });
}
