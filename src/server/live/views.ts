/**
 * What each side is shown of a lesson: the snapshot everyone gets, the roster only the presenter
 * gets, and a phone's own standing. Pure projections of the state; hashes never leave here.
 */
import {
  LIVE_PROTOCOL_VERSION,
  type LiveContestView,
  type LiveRoster,
  type LiveSnapshot,
  type ParticipantContest,
  type ParticipantSelf,
} from '../../live/protocol.ts';
import { answerCounts, type ContestQuestion, type Standing, standings } from './contest.ts';
import { activeParticipants, isLive, type ParticipantState, type SessionState } from './session.ts';

/** How many the leaderboard lists. */
export const LEADERBOARD_SIZE = 10;

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
    contest: contestViewOf(state),
  };
}

export function contestViewOf(state: SessionState): LiveContestView | null {
  const contest = state.contest;
  if (!contest) return null;
  const question = contest.questions[contest.index] as ContestQuestion;
  const revealed = contest.phase !== 'question';
  const ranked = contest.phase === 'leaderboard' || contest.phase === 'podium';
  const numbers = new Map(state.participants.map((participant, index) => [participant.id, index + 1]));
  const active = activeParticipants(state);
  const nicknames = new Map(active.map((participant) => [participant.id, participant.nickname]));
  return {
    contestId: contest.id,
    quizId: contest.quizId,
    phase: contest.phase,
    questionId: question.id,
    questionIndex: contest.index,
    questionCount: contest.questions.length,
    questionStartedAt: contest.questionStartedAt,
    deadline: contest.deadline,
    answeredCount: contest.answers.filter((answer) => answer.questionId === question.id).length,
    eligibleCount: contest.eligible.length,
    answer: revealed ? [...question.answer] : null,
    counts: revealed ? answerCounts(contest, question.id) : null,
    correctCount: revealed
      ? contest.answers.filter((answer) => answer.questionId === question.id && answer.correct).length
      : null,
    leaderboard: ranked
      ? standings(
          contest,
          active.map((participant) => participant.id),
        )
          .slice(0, LEADERBOARD_SIZE)
          .map((standing) => ({
            rank: standing.rank,
            participantNumber: numbers.get(standing.participantId) ?? 0,
            nickname: state.nicknamesVisible ? (nicknames.get(standing.participantId) ?? null) : null,
            points: standing.points,
            correct: standing.correct,
          }))
      : null,
  };
}

/** A phone's own part in the contest: its answer, and after the reveal its result and place. */
export function contestSelfOf(
  state: SessionState,
  participantId: string,
  table: readonly Standing[] | null = null,
): ParticipantContest | null {
  const contest = state.contest;
  if (!contest) return null;
  const question = contest.questions[contest.index] as ContestQuestion;
  const answer = contest.answers.find(
    (candidate) => candidate.participantId === participantId && candidate.questionId === question.id,
  );
  const revealed = contest.phase !== 'question';
  const ranked = table ?? contestStandings(state);
  const mine = ranked.find((standing) => standing.participantId === participantId);
  return {
    contestId: contest.id,
    questionId: question.id,
    eligible: contest.eligible.includes(participantId),
    answer: answer ? [...answer.optionIds] : null,
    correct: revealed ? (answer?.correct ?? false) : null,
    questionPoints: revealed ? (answer?.points ?? 0) : null,
    points: mine?.points ?? 0,
    rank: mine?.rank ?? ranked.length + 1,
    of: ranked.length,
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

/** Everyone in the lesson's standing in its contest (empty without one): worked out once per broadcast to all phones. */
export function contestStandings(state: SessionState): Standing[] {
  return state.contest
    ? standings(
        state.contest,
        activeParticipants(state).map((participant) => participant.id),
      )
    : [];
}

/** A phone's own standing; `table` when the caller has the lesson's standings already (telling every phone). */
export function selfOf(
  state: SessionState,
  participant: ParticipantState,
  table: readonly Standing[] | null = null,
): ParticipantSelf {
  return {
    participantId: participant.id,
    nickname: participant.nickname,
    following: participant.following,
    contest: contestSelfOf(state, participant.id, table),
  };
}
