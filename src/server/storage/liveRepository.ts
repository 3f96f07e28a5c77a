/**
 * Live lessons in SQLite: everything a restarted server needs to resume them (tour, stop, page,
 * blanking, nickname visibility, participants and their token hashes). Rows in, states out; no
 * rule of the lesson lives here.
 */
import type { LiveBlank, LiveEndReason } from '../../live/protocol.ts';
import type { ParticipantState, ParticipantStatus, SessionState } from '../live/session.ts';
import type { Db } from './database.ts';

interface SessionRow {
  id: string;
  code: string;
  tour_id: string;
  stops: string;
  stop_index: number;
  page: number;
  blank: LiveBlank;
  nicknames_visible: number;
  gather_seq: number;
  seq: number;
  presenter_secret_hash: string;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
  end_reason: LiveEndReason | null;
}

interface ParticipantRow {
  id: string;
  session_id: string;
  nickname: string | null;
  following: number;
  status: ParticipantStatus;
  token_hash: string;
  joined_at: number;
  last_seen: number;
}

export interface LiveRepository {
  /** Every lesson not ended yet, with its participants (connections 0). */
  loadUnended(): SessionState[];
  /** Writes a lesson and those of its participants that differ from `previous` (all when null). */
  save(state: SessionState, previous: SessionState | null): void;
  /** A lesson by id, ended or not (for tests and, later, results). */
  load(sessionId: string): SessionState | null;
}

export function createLiveRepository(db: Db): LiveRepository {
  const upsertSession = db.prepare(`
    INSERT INTO sessions (id, code, tour_id, stops, stop_index, page, blank, nicknames_visible, gather_seq, seq,
                          presenter_secret_hash, created_at, expires_at, ended_at, end_reason)
    VALUES (@id, @code, @tour_id, @stops, @stop_index, @page, @blank, @nicknames_visible, @gather_seq, @seq,
            @presenter_secret_hash, @created_at, @expires_at, @ended_at, @end_reason)
    ON CONFLICT (id) DO UPDATE SET
      stop_index = excluded.stop_index, page = excluded.page, blank = excluded.blank,
      nicknames_visible = excluded.nicknames_visible, gather_seq = excluded.gather_seq, seq = excluded.seq,
      ended_at = excluded.ended_at, end_reason = excluded.end_reason`);
  const upsertParticipant = db.prepare(`
    INSERT INTO participants (id, session_id, nickname, following, status, token_hash, joined_at, last_seen)
    VALUES (@id, @session_id, @nickname, @following, @status, @token_hash, @joined_at, @last_seen)
    ON CONFLICT (id) DO UPDATE SET
      nickname = excluded.nickname, following = excluded.following, status = excluded.status, last_seen = excluded.last_seen`);
  const selectUnended = db.prepare('SELECT * FROM sessions WHERE ended_at IS NULL ORDER BY created_at');
  const selectSession = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const selectParticipants = db.prepare('SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, rowid');

  const toState = (row: SessionRow): SessionState => ({
    id: row.id,
    code: row.code,
    tourId: row.tour_id,
    stops: JSON.parse(row.stops) as string[],
    stopIndex: row.stop_index,
    page: row.page,
    blank: row.blank,
    nicknamesVisible: row.nicknames_visible === 1,
    gatherSeq: row.gather_seq,
    seq: row.seq,
    presenterSecretHash: row.presenter_secret_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    participants: (selectParticipants.all(row.id) as ParticipantRow[]).map((participant) => ({
      id: participant.id,
      nickname: participant.nickname,
      following: participant.following === 1,
      status: participant.status,
      tokenHash: participant.token_hash,
      joinedAt: participant.joined_at,
      lastSeen: participant.last_seen,
      connections: 0,
    })),
  });

  const participantRow = (sessionId: string, participant: ParticipantState): ParticipantRow => ({
    id: participant.id,
    session_id: sessionId,
    nickname: participant.nickname,
    following: participant.following ? 1 : 0,
    status: participant.status,
    token_hash: participant.tokenHash,
    joined_at: participant.joinedAt,
    last_seen: participant.lastSeen,
  });

  const save = db.transaction((state: SessionState, previous: SessionState | null) => {
    upsertSession.run({
      id: state.id,
      code: state.code,
      tour_id: state.tourId,
      stops: JSON.stringify(state.stops),
      stop_index: state.stopIndex,
      page: state.page,
      blank: state.blank,
      nicknames_visible: state.nicknamesVisible ? 1 : 0,
      gather_seq: state.gatherSeq,
      seq: state.seq,
      presenter_secret_hash: state.presenterSecretHash,
      created_at: state.createdAt,
      expires_at: state.expiresAt,
      ended_at: state.endedAt,
      end_reason: state.endReason,
    } satisfies SessionRow);
    const before = new Map(previous?.participants.map((participant) => [participant.id, participant]));
    for (const participant of state.participants) {
      const old = before.get(participant.id);
      // Connection counts are not stored, so a change of those alone writes nothing.
      if (
        old &&
        old.nickname === participant.nickname &&
        old.following === participant.following &&
        old.status === participant.status &&
        old.lastSeen === participant.lastSeen
      )
        continue;
      upsertParticipant.run(participantRow(state.id, participant));
    }
  });

  return {
    loadUnended: () => (selectUnended.all() as SessionRow[]).map(toState),
    load: (sessionId) => {
      const row = selectSession.get(sessionId) as SessionRow | undefined;
      return row ? toState(row) : null;
    },
    save: (state, previous) => save(state, previous),
  };
}
