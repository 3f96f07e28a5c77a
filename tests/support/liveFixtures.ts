/** What the station server sends a phone, as fixtures for the follower's unit tests. */
import type { LiveSnapshot, ParticipantWelcome } from '../../src/live/protocol.ts';

export const LIVE_SESSION_ID = '5b1f1f9e-8d7e-4c56-9f0a-0d4c3b2a1f00';

/** A lesson at its third stop of twelve, nothing blanked, one phone in it. */
export function liveSnapshot(overrides: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    protocol: 1,
    sessionId: LIVE_SESSION_ID,
    code: '123456',
    status: 'live',
    tourId: 'all',
    stopIndex: 2,
    stopCount: 12,
    panelId: 'p3',
    page: 1,
    blank: 'none',
    gatherSeq: 0,
    nicknamesVisible: true,
    participantCount: 1,
    connectedCount: 1,
    followingCount: 1,
    seq: 10,
    startedAt: 0,
    expiresAt: 1,
    serverTime: 0,
    contest: null,
    ...overrides,
  };
}

/** The welcome of a phone called 小红, following unless told otherwise. */
export function liveWelcome(overrides: Partial<LiveSnapshot> = {}, following = true): ParticipantWelcome {
  return {
    ok: true,
    role: 'participant',
    snapshot: liveSnapshot(overrides),
    you: { participantId: 'me', nickname: '小红', following, contest: null },
  };
}
