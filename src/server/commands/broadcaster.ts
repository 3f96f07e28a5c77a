/**
 * How the command layer tells connected clients what happened, without knowing about sockets.
 * The socket.io implementation (transport/liveSocket.ts) addresses rooms, so the same calls reach
 * every process once the Redis adapter joins them (issue 19).
 */
import type { LiveEndReason, LiveRoster, LiveSnapshot, ParticipantSelf } from '../../live/protocol.ts';

export interface LiveBroadcaster {
  /** To everyone in the lesson: phones and presenters. */
  snapshot(sessionId: string, snapshot: LiveSnapshot): void;
  /** To the lesson's presenters only. */
  roster(sessionId: string, roster: LiveRoster): void;
  /** To one participant's connections. */
  participant(participantId: string, self: ParticipantSelf): void;
  /** Tells one participant it was removed, then closes its connections. */
  removed(sessionId: string, participantId: string): void;
  /** Closes a participant's connections after it left. */
  left(participantId: string): void;
  /** Tells everyone the lesson ended, then closes their connections. */
  ended(sessionId: string, reason: LiveEndReason): void;
  /**
   * Drops everyone's connection to the lesson as a network failure would, on every process: they
   * reconnect by themselves and get a fresh welcome (a process took the lesson up again).
   */
  reconnect(sessionId: string): void;
}

/** For tests and for a server without live connections. */
export const SILENT_BROADCASTER: LiveBroadcaster = {
  snapshot: () => {},
  roster: () => {},
  participant: () => {},
  removed: () => {},
  left: () => {},
  ended: () => {},
  reconnect: () => {},
};
