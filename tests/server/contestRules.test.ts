/**
 * 知识竞赛's pure rules (src/server/live/contest.ts) and how a lesson carries them (session.ts,
 * views.ts): timing on the server's clock, one answer per phone per question, scoring, the
 * leaderboard, and what each side is shown when. No I/O.
 */
import { describe, expect, it } from 'vitest';
import {
  applyContestCommand,
  BASE_POINTS,
  type ContestQuiz,
  type ContestResult,
  type ContestState,
  isCorrect,
  pointsFor,
  SPEED_POINTS,
  standings,
} from '../../src/server/live/contest.ts';
import {
  applyCommand,
  type CommandResult,
  createSession,
  type SessionCommand,
  type SessionState,
} from '../../src/server/live/session.ts';
import { contestSelfOf, snapshotOf } from '../../src/server/live/views.ts';

const T0 = 1_700_000_000_000;
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const P3 = '00000000-0000-4000-8000-000000000003';

const QUIZ: ContestQuiz = {
  id: 'recruits',
  questions: [
    { id: 'q1', kind: 'single', optionIds: ['a', 'b', 'c'], answer: ['b'], seconds: 20 },
    { id: 'q2', kind: 'multiple', optionIds: ['a', 'b', 'c', 'd'], answer: ['a', 'c'], seconds: 30 },
    { id: 'q3', kind: 'true-false', optionIds: ['true', 'false'], answer: ['false'], seconds: 10 },
  ],
};

function ok(result: ContestResult): ContestState {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  if (!result.contest) throw new Error('no contest');
  return result.contest;
}

const start = (participantIds = [P1, P2], now = T0) =>
  ok(applyContestCommand(null, { type: 'contest-start', contestId: 'c1', quiz: QUIZ, participantIds }, now));
const answer = (
  contest: ContestState,
  participantId: string,
  optionIds: string[],
  now: number,
  questionId = contest.questions[contest.index]?.id ?? '',
) => applyContestCommand(contest, { type: 'contest-answer', participantId, questionId, optionIds }, now);
const next = (contest: ContestState, now: number, participantIds = [P1, P2]) =>
  ok(applyContestCommand(contest, { type: 'contest-next', participantIds }, now));

describe('a contest question', () => {
  it('starts at the first question, timed by its own seconds on the server’s clock, for those in the lesson now', () => {
    const contest = start();
    expect(contest).toMatchObject({
      index: 0,
      phase: 'question',
      questionStartedAt: T0,
      deadline: T0 + 20_000,
      eligible: [P1, P2],
    });
  });

  it('takes one answer per phone, scores a right one by its speed and a wrong one with nothing', () => {
    let contest = start();
    contest = ok(answer(contest, P1, ['b'], T0 + 5_000));
    contest = ok(answer(contest, P2, ['a'], T0 + 1_000));
    expect(contest.answers.map((given) => [given.participantId, given.correct, given.points])).toEqual([
      [P1, true, pointsFor(true, T0, T0 + 20_000, T0 + 5_000)],
      [P2, false, 0],
    ]);
    expect(pointsFor(true, T0, T0 + 20_000, T0 + 5_000)).toBe(BASE_POINTS + SPEED_POINTS * 0.75);
    expect(answer(contest, P1, ['c'], T0 + 6_000)).toEqual({ ok: false, error: 'already-answered' });
  });

  it('takes no answer at or after time-up, after the reveal, to another question, or from a phone that came late', () => {
    const contest = start();
    expect(answer(contest, P1, ['b'], T0 + 20_000)).toEqual({ ok: false, error: 'too-late' });
    expect(answer(contest, P1, ['b'], T0 + 1_000, 'q2')).toEqual({ ok: false, error: 'wrong-question' });
    expect(answer(contest, P3, ['b'], T0 + 1_000)).toEqual({ ok: false, error: 'not-eligible' });
    const revealed = ok(applyContestCommand(contest, { type: 'contest-reveal' }, T0 + 3_000));
    expect(revealed.phase).toBe('revealed');
    expect(answer(revealed, P1, ['b'], T0 + 4_000)).toEqual({ ok: false, error: 'too-late' });
  });

  it('takes only the options the question has: known ids, none twice, one for a single or true-false one', () => {
    const contest = start();
    expect(answer(contest, P1, ['z'], T0 + 1)).toEqual({ ok: false, error: 'bad-request' });
    expect(answer(contest, P1, ['a', 'b'], T0 + 1)).toEqual({ ok: false, error: 'bad-request' });
    expect(answer(contest, P1, ['b', 'b'], T0 + 1)).toEqual({ ok: false, error: 'bad-request' });
    expect(answer(contest, P1, [], T0 + 1)).toEqual({ ok: false, error: 'bad-request' });
  });

  it('counts a multiple right only with every correct option and no other', () => {
    const question = QUIZ.questions[1];
    if (!question) throw new Error('no q2');
    expect(isCorrect(question, ['a', 'c'])).toBe(true);
    expect(isCorrect(question, ['c', 'a'])).toBe(true);
    expect(isCorrect(question, ['a'])).toBe(false);
    expect(isCorrect(question, ['a', 'b', 'c'])).toBe(false);
  });

  it('a time-up set for a question already moved past changes nothing', () => {
    const contest = next(start(), T0 + 2_000); // revealed by the presenter
    expect(applyContestCommand(contest, { type: 'contest-reveal', questionIndex: 0 }, T0 + 20_000)).toEqual({
      ok: true,
      contest,
      changed: 'none',
    });
  });
});

describe('a contest from its first question to the podium', () => {
  it('goes question → revealed → leaderboard → the next question (with whoever is in the lesson then) … → podium', () => {
    let contest = start();
    contest = next(contest, T0 + 5_000);
    expect(contest.phase).toBe('revealed');
    contest = next(contest, T0 + 6_000);
    expect(contest.phase).toBe('leaderboard');
    contest = next(contest, T0 + 7_000, [P1, P2, P3]);
    expect(contest).toMatchObject({ index: 1, phase: 'question', questionStartedAt: T0 + 7_000, deadline: T0 + 37_000 });
    // The late joiner plays from this question.
    expect(contest.eligible).toContain(P3);
    contest = ok(answer(contest, P3, ['a', 'c'], T0 + 8_000));
    for (const at of [40_000, 41_000, 42_000]) contest = next(contest, T0 + at);
    expect(contest).toMatchObject({ index: 2, phase: 'question' });
    for (const at of [43_000, 44_000, 45_000]) contest = next(contest, T0 + at);
    expect(contest).toMatchObject({ index: 2, phase: 'podium', finishedAt: T0 + 45_000 });
    expect(applyContestCommand(contest, { type: 'contest-next', participantIds: [] }, T0 + 46_000)).toMatchObject({
      ok: true,
      changed: 'none',
    });
  });

  it('one contest at a time: another starts only from the podium', () => {
    const contest = start();
    expect(applyContestCommand(contest, { type: 'contest-start', contestId: 'c2', quiz: QUIZ, participantIds: [] }, T0)).toEqual({
      ok: false,
      error: 'contest-running',
    });
    expect(
      applyContestCommand(
        null,
        { type: 'contest-start', contestId: 'c2', quiz: { id: 'x', questions: [] }, participantIds: [] },
        T0,
      ),
    ).toEqual({
      ok: false,
      error: 'no-quiz',
    });
  });

  it('ranks by points, then by the time the right answers took, then by who joined first; an open question scores nobody', () => {
    let contest = start([P1, P2, P3]);
    contest = ok(answer(contest, P2, ['b'], T0 + 2_000));
    contest = ok(answer(contest, P3, ['b'], T0 + 2_000));
    contest = ok(answer(contest, P1, ['b'], T0 + 9_000));
    expect(standings(contest, [P1, P2, P3]).every((standing) => standing.points === 0)).toBe(true);
    contest = next(contest, T0 + 10_000, [P1, P2, P3]);
    const table = standings(contest, [P1, P2, P3]);
    // P2 and P3 tie on points and time: the one who joined first is ahead.
    expect(table.map((standing) => [standing.participantId, standing.rank])).toEqual([
      [P2, 1],
      [P3, 2],
      [P1, 3],
    ]);
    expect(table[0]?.points).toBeGreaterThan(table[2]?.points ?? 0);
  });
});

describe('a contest in a lesson', () => {
  const join = (participantId: string, nickname: string | null = null): SessionCommand => ({
    type: 'join',
    participantId,
    tokenHash: participantId.replace(/-/g, '').padEnd(64, '0'),
    nickname,
  });
  function done(result: CommandResult): Extract<CommandResult, { ok: true }> {
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    return result;
  }
  const lessonWith = (...participants: SessionCommand[]): SessionState =>
    participants.reduce(
      (state, command) => done(applyCommand(state, command, T0)).state,
      createSession({
        id: '00000000-0000-4000-8000-00000000000a',
        code: '123456',
        tourId: 'new-recruits',
        stops: ['a', 'b'],
        presenterSecretHash: 'f'.repeat(64),
        now: T0,
        lifetimeMs: 12 * 3_600_000,
      }),
    );

  it('tells everyone of a new question at once, and each phone its own standing', () => {
    const state = lessonWith(join(P1, '小红'), join(P2, 'Tom'));
    const started = done(applyCommand(state, { type: 'contest-start', contestId: 'c1', quiz: QUIZ }, T0 + 1_000));
    expect(started.events).toEqual([{ type: 'lesson-changed' }, { type: 'contest-standings' }]);
    expect(started.state.contest?.eligible).toEqual([P1, P2]);
    // An answer changes a count (coalesced, like the roster) and that phone's own standing only.
    const answered = done(
      applyCommand(started.state, { type: 'contest-answer', participantId: P1, questionId: 'q1', optionIds: ['b'] }, T0 + 2_000),
    );
    expect(answered.events).toEqual([{ type: 'roster-changed' }, { type: 'participant-changed', participantId: P1 }]);
  });

  it('refuses an answer from a removed phone, and keeps the answer and the counts out of sight until the reveal', () => {
    let state = lessonWith(join(P1, '小红'), join(P2, 'Tom'), join(P3));
    state = done(applyCommand(state, { type: 'contest-start', contestId: 'c1', quiz: QUIZ }, T0 + 1_000)).state;
    state = done(applyCommand(state, { type: 'remove', participantId: P3 }, T0 + 1_500)).state;
    expect(
      applyCommand(state, { type: 'contest-answer', participantId: P3, questionId: 'q1', optionIds: ['b'] }, T0 + 2_000),
    ).toEqual({
      ok: false,
      error: 'removed',
    });
    state = done(
      applyCommand(state, { type: 'contest-answer', participantId: P1, questionId: 'q1', optionIds: ['b'] }, T0 + 2_000),
    ).state;
    const during = snapshotOf(state, T0 + 3_000).contest;
    expect(during).toMatchObject({
      phase: 'question',
      questionId: 'q1',
      answeredCount: 1,
      eligibleCount: 3,
      answer: null,
      counts: null,
      correctCount: null,
      leaderboard: null,
    });
    expect(contestSelfOf(state, P1)).toMatchObject({ answer: ['b'], correct: null, questionPoints: null, eligible: true });

    state = done(applyCommand(state, { type: 'contest-reveal' }, T0 + 4_000)).state;
    const after = snapshotOf(state, T0 + 4_000).contest;
    expect(after).toMatchObject({
      phase: 'revealed',
      answer: ['b'],
      counts: { a: 0, b: 1, c: 0 },
      correctCount: 1,
      leaderboard: null,
    });
    expect(contestSelfOf(state, P1)).toMatchObject({ correct: true, rank: 1, of: 2 });
    expect(contestSelfOf(state, P2)).toMatchObject({
      answer: null,
      correct: false,
      questionPoints: 0,
      points: 0,
      rank: 2,
      of: 2,
    });
  });

  it('lists the leaderboard by nickname, or by number only while the projector hides nicknames', () => {
    let state = lessonWith(join(P1, '小红'), join(P2, 'Tom'));
    state = done(applyCommand(state, { type: 'contest-start', contestId: 'c1', quiz: QUIZ }, T0 + 1_000)).state;
    state = done(
      applyCommand(state, { type: 'contest-answer', participantId: P2, questionId: 'q1', optionIds: ['b'] }, T0 + 2_000),
    ).state;
    state = done(applyCommand(state, { type: 'contest-next' }, T0 + 3_000)).state;
    state = done(applyCommand(state, { type: 'contest-next' }, T0 + 4_000)).state;
    expect(snapshotOf(state, T0 + 4_000).contest?.leaderboard).toEqual([
      { rank: 1, participantNumber: 2, nickname: 'Tom', points: expect.any(Number), correct: 1 },
      { rank: 2, participantNumber: 1, nickname: '小红', points: 0, correct: 0 },
    ]);
    state = done(applyCommand(state, { type: 'nicknames', visible: false }, T0 + 5_000)).state;
    const hidden = snapshotOf(state, T0 + 5_000).contest?.leaderboard ?? [];
    expect(hidden.map((entry) => [entry.participantNumber, entry.nickname])).toEqual([
      [2, null],
      [1, null],
    ]);
    expect(JSON.stringify(snapshotOf(state, T0 + 5_000))).not.toContain('Tom');
  });
});
