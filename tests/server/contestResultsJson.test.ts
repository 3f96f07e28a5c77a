/**
 * The presenter's results as data (`POST /api/live/sessions/:id/results`), against the real
 * server and SQLite: the same numbers as the CSV for a played contest (both are made from one
 * structure), and the same keys: the station's PIN (wrong ones counted towards the lockout the
 * CSV and the list share) or the lesson's own presenter secret — never a phone's token, never a
 * page of another site.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, LessonResults, LessonResultsAnswer } from '../../src/live/protocol.ts';
import { csvCell } from '../../src/server/commands/contestResults.ts';
import {
  closeAllSockets,
  connectPhone,
  connectPresenter,
  createLesson,
  emitWithAck,
  makeFixtureBuild,
  nextEvent,
  PIN,
  postJson,
  startStationInProcess,
  type TestStation,
  tempDir,
} from './stationHarness.ts';

interface FixtureQuestion {
  id: string;
  options: Array<{ id: string }>;
  answer: string[];
}

let station: TestStation;
let questions: FixtureQuestion[];
/** The station's first 审核, for the results behind a curator's session. */
const ADMIN_PASSWORD = 'station admin pw';

beforeAll(async () => {
  const dataDir = await tempDir('contest-results');
  const build = (await makeFixtureBuild(join(dataDir, 'dist'))).dir;
  const file = JSON.parse(await readFile(join(build, 'content/quiz.json'), 'utf8')) as {
    quizzes: Array<{ id: string; questions: FixtureQuestion[] }>;
  };
  questions = file.quizzes.find((quiz) => quiz.id === 'new-recruits')?.questions ?? [];
  if (questions.length < 3) throw new Error('the new-recruits quiz needs three questions for this test');
  station = await startStationInProcess({ dataDir, serveDist: build, adminPassword: ADMIN_PASSWORD });
});
afterEach(() => closeAllSockets());
afterAll(() => station.close());

const right = (question: FixtureQuestion) => question.answer;
const wrong = (question: FixtureQuestion) => [question.options.find((option) => !question.answer.includes(option.id))?.id ?? ''];

const resultsUrl = (sessionId: string) => new URL(`api/live/sessions/${sessionId}/results`, station.url).href;
const csvUrl = (sessionId: string) => new URL(`api/live/sessions/${sessionId}/results.csv`, station.url).href;

/**
 * A lesson whose contest got two questions in: four phones (two with hostile nicknames), one of
 * them removed after answering, one that never answers; the third question is never put.
 */
async function playedLesson(): Promise<{ lesson: CreatedSession; participantToken: string }> {
  const lesson = await createLesson(station.url, 'new-recruits');
  const presenter = await connectPresenter(station.url, lesson);
  const a = await connectPhone(station.url, { code: lesson.code, nickname: '<b>x</b>' });
  const b = await connectPhone(station.url, { code: lesson.code, nickname: '=1+1' });
  const c = await connectPhone(station.url, { code: lesson.code, nickname: '小红' });
  await connectPhone(station.url, { code: lesson.code });
  await emitWithAck(presenter.socket, 'live:contest-start', {});
  const [first, second] = questions as [FixtureQuestion, FixtureQuestion];
  await emitWithAck(a.socket, 'live:answer', { questionId: first.id, optionIds: right(first) });
  await emitWithAck(b.socket, 'live:answer', { questionId: first.id, optionIds: wrong(first) });
  await emitWithAck(c.socket, 'live:answer', { questionId: first.id, optionIds: right(first) });
  await emitWithAck(presenter.socket, 'live:contest-next', {}); // revealed
  await emitWithAck(presenter.socket, 'live:contest-next', {}); // leaderboard
  await emitWithAck(presenter.socket, 'live:contest-next', {}); // the second question
  await emitWithAck(a.socket, 'live:answer', { questionId: second.id, optionIds: wrong(second) });
  await emitWithAck(b.socket, 'live:answer', { questionId: second.id, optionIds: right(second) });
  await emitWithAck(presenter.socket, 'live:contest-next', {}); // revealed
  const removed = nextEvent(c.socket, 'live:removed');
  await emitWithAck(presenter.socket, 'live:remove', { participantId: c.welcome.you.participantId });
  await removed;
  return { lesson, participantToken: a.welcome.participantToken as string };
}

/** The CSV's rows of the first contest, as the server's formatter should have written them from the JSON. */
function expectedCsvRows(results: LessonResults): string[] {
  const contest = results.contests[0];
  if (!contest) throw new Error('no contest');
  const mark = { correct: '✓', wrong: '✗' } as const;
  const standings = contest.standings.map((row) =>
    [
      row.rank,
      `学员 ${row.participantNumber}`,
      row.nickname ?? '',
      row.points,
      row.correctCount,
      ...row.marks.map((value) => (value ? mark[value] : '')),
      row.removed ? '已移出' : '',
    ]
      .map(csvCell)
      .join(','),
  );
  const perQuestion = contest.questions.map((question) =>
    [
      question.index + 1,
      question.id,
      question.correctOptionIds.join(' '),
      question.answeredCount ?? '',
      question.correctCount ?? '',
      question.answeredCount ? `${Math.round((100 * (question.correctCount ?? 0)) / question.answeredCount)}%` : '',
    ]
      .map(csvCell)
      .join(','),
  );
  return [...standings, ...perQuestion];
}

describe('the results as data', () => {
  it('holds the same numbers as the CSV for a played contest', async () => {
    const { lesson } = await playedLesson();
    const answer = await postJson(resultsUrl(lesson.sessionId), { presenterSecret: lesson.presenterSecret });
    expect(answer.status).toBe(200);
    const { results } = answer.json as LessonResultsAnswer;
    expect(results).toMatchObject({ sessionId: lesson.sessionId, tourId: 'new-recruits', code: lesson.code });
    expect(results.tourTitle).toBe('新队员入队教育 · 党史长廊');
    expect(results.contests).toHaveLength(1);
    const contest = results.contests[0] as LessonResults['contests'][0];
    expect(contest).toMatchObject({ quizId: 'new-recruits', finishedAt: null });
    expect(contest.quizTitle).toEqual(expect.any(String));
    const [first, second, third] = questions as [FixtureQuestion, FixtureQuestion, FixtureQuestion];

    // Per question: two asked, the rest never put to the room (no counts, not zeros).
    expect(contest.questions).toHaveLength(questions.length);
    expect(contest.questions[0]).toEqual({
      index: 0,
      id: first.id,
      correctOptionIds: first.answer,
      answeredCount: 3,
      correctCount: 2,
      correctRate: 2 / 3,
    });
    expect(contest.questions[1]).toMatchObject({ id: second.id, answeredCount: 2, correctCount: 1, correctRate: 0.5 });
    expect(contest.questions[2]).toMatchObject({ id: third.id, answeredCount: null, correctCount: null, correctRate: null });

    // The standings: everyone who took part, the removed one flagged, the silent one last with no marks.
    const byNumber = new Map(contest.standings.map((row) => [row.participantNumber, row]));
    expect(contest.standings.map((row) => row.rank)).toEqual([1, 2, 3, 4]);
    expect(byNumber.get(1)).toMatchObject({ nickname: '<b>x</b>', correctCount: 1, removed: false });
    expect(byNumber.get(1)?.marks.slice(0, 3)).toEqual(['correct', 'wrong', null]);
    expect(byNumber.get(2)?.marks.slice(0, 3)).toEqual(['wrong', 'correct', null]);
    expect(byNumber.get(3)).toMatchObject({ nickname: '小红', correctCount: 1, removed: true });
    expect(byNumber.get(4)).toMatchObject({ nickname: null, points: 0, correctCount: 0, rank: 4 });
    expect(byNumber.get(4)?.marks.every((value) => value === null)).toBe(true);
    for (const row of contest.standings) expect(row.marks).toHaveLength(questions.length);

    // The CSV is made from this same structure: its rows, cell for cell.
    const csv = await fetch(csvUrl(lesson.sessionId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: PIN }),
    });
    const lines = (await csv.text()).replace(/^\ufeff/, '').split('\r\n');
    for (const expected of expectedCsvRows(results)) expect(lines).toContain(expected);
    expect(lines).toContain(`1,${first.id},${first.answer.join(' ')},3,2,67%`);
    expect(lines.some((line) => line.includes(",'=1+1,"))).toBe(true);

    // The PIN opens it as well, with nothing cached on the way.
    const withPin = await fetch(resultsUrl(lesson.sessionId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: PIN }),
    });
    expect(withPin.headers.get('cache-control')).toBe('no-store');
    expect(((await withPin.json()) as LessonResultsAnswer).results).toEqual(results);
  });

  it('is no answer to a phone’s token, another lesson’s secret, another site’s page, an unknown lesson or a malformed body', async () => {
    const { lesson, participantToken } = await playedLesson();
    const other = await createLesson(station.url, 'new-recruits');
    const url = resultsUrl(lesson.sessionId);
    const unauthorized = { status: 401, json: { ok: false, error: 'unauthorized' } };
    expect(await postJson(url, { presenterSecret: participantToken })).toEqual(unauthorized);
    expect(await postJson(url, { participantToken })).toEqual({ status: 400, json: { ok: false, error: 'bad-request' } });
    expect(await postJson(url, { presenterSecret: other.presenterSecret })).toEqual(unauthorized);
    expect(await postJson(url, { pin: PIN }, { origin: 'http://evil.example' })).toEqual({
      status: 403,
      json: { ok: false, error: 'bad-origin' },
    });
    expect(await postJson(resultsUrl('00000000-0000-4000-8000-000000000000'), { pin: PIN })).toEqual({
      status: 404,
      json: { ok: false, error: 'not-found' },
    });
    expect(await postJson(resultsUrl(other.sessionId), { presenterSecret: other.presenterSecret })).toEqual({
      status: 404,
      json: { ok: false, error: 'no-contest' },
    });
    expect((await postJson(resultsUrl('x'), { pin: PIN })).status).toBe(400);
    expect((await postJson(url, {})).status).toBe(400);
    expect((await postJson(url, { pin: PIN, presenterSecret: lesson.presenterSecret })).status).toBe(400);
  });
});

// Last in the file: the lockout holds the address for a quarter of an hour, the PIN everywhere.
describe('the results for the station’s accounts', () => {
  it('lists the lessons and gives each one’s results and CSV to a curator’s session, and to nobody without one', async () => {
    const { lesson } = await playedLesson();
    const origin = new URL(station.url).origin;
    const login = await fetch(new URL('api/curate/login', station.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const get = (path: string, withCookie = true) => fetch(new URL(path, station.url), { headers: withCookie ? { cookie } : {} });
    const list = (await (await get('api/curate/results')).json()) as { ok: boolean; lessons: Array<{ sessionId: string }> };
    expect(list.ok).toBe(true);
    expect(list.lessons.map((entry) => entry.sessionId)).toContain(lesson.sessionId);
    const data = (await (await get(`api/curate/results/${lesson.sessionId}`)).json()) as LessonResultsAnswer;
    expect(data.results.code).toBe(lesson.code);
    // The same results as the presenter's: the CSV is byte for byte the one the PIN gets.
    const byPin = await fetch(csvUrl(lesson.sessionId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ pin: PIN }),
    });
    const byAccount = await get(`api/curate/results/${lesson.sessionId}/csv`);
    expect(byAccount.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(await byAccount.text()).toBe(await byPin.text());
    for (const path of [
      'api/curate/results',
      `api/curate/results/${lesson.sessionId}`,
      `api/curate/results/${lesson.sessionId}/csv`,
    ]) {
      expect((await get(path, false)).status, path).toBe(401);
    }
    expect((await get('api/curate/results/not-a-lesson')).status).toBe(400);
  });
});

describe('wrong PINs', () => {
  it('are refused and counted: the fifth locks the address out of the results, the CSV and the list', async () => {
    const { lesson } = await playedLesson();
    const url = resultsUrl(lesson.sessionId);
    for (let attempt = 1; attempt < 5; attempt++)
      expect(await postJson(url, { pin: '0000' })).toEqual({ status: 401, json: { ok: false, error: 'wrong-pin' } });
    expect(await postJson(url, { pin: '0000' })).toEqual({ status: 429, json: { ok: false, error: 'locked' } });
    const locked = { status: 429, json: { ok: false, error: 'locked' } };
    expect(await postJson(url, { pin: PIN })).toEqual(locked);
    expect(await postJson(csvUrl(lesson.sessionId), { pin: PIN })).toEqual(locked);
    expect(await postJson(new URL('api/live/results', station.url).href, { pin: PIN })).toEqual(locked);
    // The lesson's own secret is another key, counted on its own.
    expect((await postJson(url, { presenterSecret: lesson.presenterSecret })).status).toBe(200);
  });
});
