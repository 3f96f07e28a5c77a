/** What the station server sends a phone, as fixtures for the follower's unit tests. */
import type {
  LiveContestView,
  LiveSnapshot,
  ParticipantContest,
  ParticipantSelf,
  ParticipantWelcome,
} from '../../src/live/protocol.ts';

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
    you: liveYou(null, following),
  };
}

export const LIVE_CONTEST_ID = '0c0a7e57-1a2b-4c3d-8e9f-000000000001';

/**
 * 知识竞赛 under way on TEST_QUIZ (tests/support/quizzes.ts): its first question, started at
 * server time 0 with 20 s to go, nothing revealed.
 */
export function liveContest(overrides: Partial<LiveContestView> = {}): LiveContestView {
  return {
    contestId: LIVE_CONTEST_ID,
    quizId: 'test-quiz',
    phase: 'question',
    questionId: 'founding-year',
    questionIndex: 0,
    questionCount: 3,
    questionStartedAt: 0,
    deadline: 20_000,
    answeredCount: 0,
    eligibleCount: 1,
    answer: null,
    counts: null,
    correctCount: null,
    leaderboard: null,
    ...overrides,
  };
}

/** The phone's own part in {@link liveContest}: eligible, nothing answered, no points yet. */
export function participantContest(overrides: Partial<ParticipantContest> = {}): ParticipantContest {
  return {
    contestId: LIVE_CONTEST_ID,
    questionId: 'founding-year',
    eligible: true,
    answer: null,
    correct: null,
    questionPoints: null,
    points: 0,
    rank: 1,
    of: 1,
    ...overrides,
  };
}

/** 小红's standing, with a part in the contest (or none). */
export function liveYou(contest: ParticipantContest | null = null, following = true): ParticipantSelf {
  return { participantId: 'me', nickname: '小红', following, contest };
}
