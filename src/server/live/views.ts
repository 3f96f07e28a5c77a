/**
 * What each side is shown of a lesson: the snapshot everyone gets, the roster only the presenter
 * gets, and a phone's own standing. Pure projections of the state; hashes never leave here.
 */
import { LIVE_PROTOCOL_VERSION, type LiveRoster, type LiveSnapshot, type ParticipantSelf } from '../../live/protocol.ts';
import { activeParticipants, isLive, type ParticipantState, type SessionState } from './session.ts';

export function snapshotOf(state: SessionState, now: number): LiveSnapshot {
  const active = activeParticipants(state);
  return {
    protocol: LIVE_PROTOCOL_VERSION,
    sessionId: state.id,
    code: state.code,
    status: isLive(state, now) ? 'live' : 'ended',
    tourId: state.tourId,
    stopIndex: state.stopIndex,
    stopCount: state.stops.length,
    panelId: state.stops[state.stopIndex] ?? '',
    page: state.page,
    blank: state.blank,
    gatherSeq: state.gatherSeq,
    nicknamesVisible: state.nicknamesVisible,
    participantCount: active.length,
    connectedCount: active.filter((participant) => participant.connections > 0).length,
    followingCount: active.filter((participant) => participant.following).length,
    seq: state.seq,
    startedAt: state.createdAt,
    expiresAt: state.expiresAt,
    serverTime: now,
  };
}

export function rosterOf(state: SessionState): LiveRoster {
  return {
    sessionId: state.id,
    seq: state.seq,
    participants: activeParticipants(state).map((participant) => ({
      participantId: participant.id,
      nickname: participant.nickname,
      following: participant.following,
      connected: participant.connections > 0,
      joinedAt: participant.joinedAt,
      lastSeen: participant.lastSeen,
    })),
  };
}

export function selfOf(participant: ParticipantState): ParticipantSelf {
  return { participantId: participant.id, nickname: participant.nickname, following: participant.following };
}
