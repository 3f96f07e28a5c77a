/**
 * Live lessons in SQLite: everything a restarted server needs to resume them (tour, stop, page,
 * blanking, nickname visibility, participants and their token hashes). Rows in, states out; no
 * rule of the lesson lives here.
 */
import type { LiveBlank, LiveEndReason } from '../../live/protocol.ts';
import type { ContestAnswer, ContestPhase, ContestQuestion, ContestState } from '../live/contest.ts';
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

interface ContestRow {
  id: string;
  session_id: string;
  quiz_id: string;
  questions: string;
  question_index: number;
  phase: ContestPhase;
  question_started_at: number;
  deadline: number;
  started_at: number;
  finished_at: number | null;
  eligible: string;
  shown: number;
}

interface AnswerRow {
  contest_id: string;
  question_id: string;
  participant_id: string;
  option_ids: string;
  answered_at: number;
  elapsed_ms: number;
  correct: number;
  points: number;
}

/** A contest of a lesson, for its results: when it ran, its questions and every answer taken. */
export interface StoredContest {
  contest: ContestState;
  sessionId: string;
}

export interface LiveRepository {
  /** Every lesson not ended yet, with its participants (connections 0). */
  loadUnended(): SessionState[];
  /** Writes a lesson and those of its participants that differ from `previous` (all when null). */
  save(state: SessionState, previous: SessionState | null): void;
  /** A lesson by id, ended or not (for tests and results). */
  load(sessionId: string): SessionState | null;
  /** Every contest a lesson ran (shown or closed), oldest first, with their answers. */
  contestsOf(sessionId: string): ContestState[];
  /** The lessons that ran a contest, newest first (the presenter's list of past results). */
  sessionsWithContests(limit: number): SessionState[];
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
  const upsertContest = db.prepare(`
    INSERT INTO contests (id, session_id, quiz_id, questions, question_index, phase, question_started_at, deadline,
                          started_at, finished_at, eligible, shown)
    VALUES (@id, @session_id, @quiz_id, @questions, @question_index, @phase, @question_started_at, @deadline,
            @started_at, @finished_at, @eligible, @shown)
    ON CONFLICT (id) DO UPDATE SET
      question_index = excluded.question_index, phase = excluded.phase,
      question_started_at = excluded.question_started_at, deadline = excluded.deadline,
      finished_at = excluded.finished_at, eligible = excluded.eligible, shown = excluded.shown`);
  const hideContests = db.prepare('UPDATE contests SET shown = 0 WHERE session_id = ? AND shown = 1');
  const insertAnswer = db.prepare(`
    INSERT INTO contest_answers (contest_id, question_id, participant_id, option_ids, answered_at, elapsed_ms, correct, points)
    VALUES (@contest_id, @question_id, @participant_id, @option_ids, @answered_at, @elapsed_ms, @correct, @points)`);
  const selectShownContest = db.prepare('SELECT * FROM contests WHERE session_id = ? AND shown = 1');
  const selectContests = db.prepare('SELECT * FROM contests WHERE session_id = ? ORDER BY started_at, rowid');
  const selectAnswers = db.prepare('SELECT * FROM contest_answers WHERE contest_id = ? ORDER BY answered_at, rowid');
  const selectSessionsWithContests = db.prepare(`
    SELECT s.* FROM sessions s WHERE EXISTS (SELECT 1 FROM contests c WHERE c.session_id = s.id)
    ORDER BY s.created_at DESC LIMIT ?`);

  const toContest = (row: ContestRow): ContestState => ({
    id: row.id,
    quizId: row.quiz_id,
    questions: JSON.parse(row.questions) as ContestQuestion[],
    index: row.question_index,
    phase: row.phase,
    questionStartedAt: row.question_started_at,
    deadline: row.deadline,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    eligible: JSON.parse(row.eligible) as string[],
    answers: (selectAnswers.all(row.id) as AnswerRow[]).map(
      (answer): ContestAnswer => ({
        participantId: answer.participant_id,
        questionId: answer.question_id,
        optionIds: JSON.parse(answer.option_ids) as string[],
        answeredAt: answer.answered_at,
        elapsedMs: answer.elapsed_ms,
        correct: answer.correct === 1,
        points: answer.points,
      }),
    ),
  });

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
    contest: (() => {
      const contest = selectShownContest.get(row.id) as ContestRow | undefined;
      return contest ? toContest(contest) : null;
    })(),
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
    saveContest(state, previous);
  });

  /** The contest's row when it changed, and the answers it took since `previous` (answers are only ever added). */
  const saveContest = (state: SessionState, previous: SessionState | null) => {
    const contest = state.contest;
    const before = previous?.contest ?? null;
    if (contest === before) return;
    if (before && before.id !== contest?.id) hideContests.run(state.id);
    if (!contest) return;
    upsertContest.run({
      id: contest.id,
      session_id: state.id,
      quiz_id: contest.quizId,
      questions: JSON.stringify(contest.questions),
      question_index: contest.index,
      phase: contest.phase,
      question_started_at: contest.questionStartedAt,
      deadline: contest.deadline,
      started_at: contest.startedAt,
      finished_at: contest.finishedAt,
      eligible: JSON.stringify(contest.eligible),
      shown: 1,
    } satisfies ContestRow);
    const known = before?.id === contest.id ? before.answers.length : 0;
    for (const answer of contest.answers.slice(known)) {
      insertAnswer.run({
        contest_id: contest.id,
        question_id: answer.questionId,
        participant_id: answer.participantId,
        option_ids: JSON.stringify(answer.optionIds),
        answered_at: answer.answeredAt,
        elapsed_ms: answer.elapsedMs,
        correct: answer.correct ? 1 : 0,
        points: answer.points,
      } satisfies AnswerRow);
    }
  };

  return {
    loadUnended: () => (selectUnended.all() as SessionRow[]).map(toState),
    load: (sessionId) => {
      const row = selectSession.get(sessionId) as SessionRow | undefined;
      return row ? toState(row) : null;
    },
    save: (state, previous) => save(state, previous),
    contestsOf: (sessionId) => (selectContests.all(sessionId) as ContestRow[]).map(toContest),
    sessionsWithContests: (limit) => (selectSessionsWithContests.all(limit) as SessionRow[]).map(toState),
  };
}
