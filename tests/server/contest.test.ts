/**
 * 知识竞赛 over real sockets against the real server and SQLite: the presenter starts the
 * lesson's quiz, thirty phones answer at once and each answer is counted once, the server's own
 * clock ends a question, late and second answers are refused, a reconnecting phone keeps its
 * score, and a restarted server resumes the contest from the database.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSnapshot, ParticipantSelf, ParticipantWelcome } from '../../src/live/protocol.ts';
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
  kind: string;
  options: Array<{ id: string }>;
  answer: string[];
  seconds?: number;
}

/** The first question's countdown in the fixture build: short, so the server's own time-up is seen. */
const FIRST_SECONDS = 6;

let dataDir: string;
let build: string;
let station: TestStation;
let questions: FixtureQuestion[];

beforeAll(async () => {
  dataDir = await tempDir('contest');
  build = (await makeFixtureBuild(join(dataDir, 'dist'))).dir;
  // The shipped quiz, its first question on a short clock (the content checks allow 5 s and up).
  const quizFile = join(build, 'content/quiz.json');
  const file = JSON.parse(await readFile(quizFile, 'utf8')) as { quizzes: Array<{ id: string; questions: FixtureQuestion[] }> };
  const quiz = file.quizzes.find((candidate) => candidate.id === 'new-recruits');
  if (!quiz) throw new Error('no new-recruits quiz');
  (quiz.questions[0] as FixtureQuestion).seconds = FIRST_SECONDS;
  await writeFile(quizFile, JSON.stringify(file));
  questions = quiz.questions;
  station = await startStationInProcess({ dataDir, serveDist: build });
});
afterEach(() => closeAllSockets());
afterAll(() => station.close());

const right = (question: FixtureQuestion) => question.answer;
const wrong = (question: FixtureQuestion) => [question.options.find((option) => !question.answer.includes(option.id))?.id ?? ''];

const contestWhere = (socket: Socket, accept: (contest: NonNullable<LiveSnapshot['contest']>) => boolean, timeoutMs = 5000) =>
  nextEvent<LiveSnapshot>(
    socket,
    'live:snapshot',
    (snapshot) => snapshot.contest !== null && accept(snapshot.contest),
    timeoutMs,
  );

async function lessonWithPhones(count: number, tourId = 'new-recruits') {
  const lesson = await createLesson(station.url, tourId);
  const presenter = await connectPresenter(station.url, lesson);
  const phones: { socket: Socket; welcome: ParticipantWelcome }[] = [];
  for (let index = 0; index < count; index++)
    phones.push(await connectPhone(station.url, { code: lesson.code, nickname: `学员${index + 1}` }));
  return { lesson, presenter, phones };
}

function answersInDatabase(): Array<{ participant_id: string; question_id: string; correct: number; points: number }> {
  const db = new Database(join(dataDir, 'station.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT participant_id, question_id, correct, points FROM contest_answers').all() as never;
  } finally {
    db.close();
  }
}

describe('知识竞赛 on the phones', () => {
  it('starts only for a tour that names a quiz', async () => {
    const { presenter } = await lessonWithPhones(0, 'all');
    expect(await emitWithAck(presenter.socket, 'live:contest-start', {})).toEqual({ ok: false, error: 'no-quiz' });
  });

  it('puts the first question to every phone at once, counts thirty answers given at once each once, and refuses a second', async () => {
    const { lesson, presenter, phones } = await lessonWithPhones(30);
    const first = questions[0] as FixtureQuestion;
    const told = phones.map(({ socket }) => contestWhere(socket, (contest) => contest.phase === 'question'));
    const started = await emitWithAck<{ ok: boolean; snapshot: LiveSnapshot }>(presenter.socket, 'live:contest-start', {});
    expect(started.ok).toBe(true);
    for (const snapshot of await Promise.all(told)) {
      expect(snapshot.contest).toMatchObject({
        questionId: first.id,
        questionIndex: 0,
        questionCount: questions.length,
        eligibleCount: 30,
      });
      // Nothing of the answer before the reveal.
      expect(snapshot.contest?.answer).toBeNull();
      expect(snapshot.contest?.counts).toBeNull();
      expect(snapshot.contest?.deadline).toBe((snapshot.contest?.questionStartedAt ?? 0) + FIRST_SECONDS * 1000);
    }
    // All thirty at once, half of them right.
    const replies = await Promise.all(
      phones.map(({ socket }, index) =>
        emitWithAck<{ ok: boolean; you: ParticipantSelf }>(socket, 'live:answer', {
          questionId: first.id,
          optionIds: index % 2 === 0 ? right(first) : wrong(first),
        }),
      ),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    expect(replies[0]?.you.contest).toMatchObject({ answer: right(first), correct: null });
    const again = await Promise.all(
      phones.map(({ socket }) => emitWithAck(socket, 'live:answer', { questionId: first.id, optionIds: right(first) })),
    );
    expect(again.every((reply) => reply.ok === false && reply.error === 'already-answered')).toBe(true);
    const counted = station.station.live.peek(lesson.sessionId)?.contest;
    expect(counted?.answers.length).toBe(30);
    const stored = answersInDatabase().filter((row) =>
      phones.some(({ welcome }) => welcome.you.participantId === row.participant_id),
    );
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((row) => row.participant_id)).size).toBe(30);
    expect(stored.filter((row) => row.correct === 1)).toHaveLength(15);
    expect(stored.every((row) => (row.correct === 1 ? row.points >= 500 && row.points <= 1000 : row.points === 0))).toBe(true);

    // The server's own clock ends the question: revealed to everyone, with the counts.
    const revealed = await contestWhere(presenter.socket, (contest) => contest.phase === 'revealed', FIRST_SECONDS * 1000 + 5000);
    expect(revealed.contest?.answer).toEqual(right(first));
    const counts = revealed.contest?.counts ?? {};
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(30);
    expect(counts[right(first)[0] ?? '']).toBe(15);
    // After time-up nothing more is taken.
    const late = await connectPhone(station.url, { code: lesson.code });
    expect(await emitWithAck(late.socket, 'live:answer', { questionId: first.id, optionIds: right(first) })).toEqual({
      ok: false,
      error: 'too-late',
    });
  }, 30_000);

  it('a phone that joins mid-question plays from the next; each phone hears its own result and place; a reconnecting phone keeps its score', async () => {
    const { lesson, presenter, phones } = await lessonWithPhones(3);
    await emitWithAck(presenter.socket, 'live:contest-start', {});
    const first = questions[0] as FixtureQuestion;
    const second = questions[1] as FixtureQuestion;
    const [a, b, c] = phones as [(typeof phones)[0], (typeof phones)[0], (typeof phones)[0]];
    await emitWithAck(a.socket, 'live:answer', { questionId: first.id, optionIds: right(first) });
    await emitWithAck(b.socket, 'live:answer', { questionId: first.id, optionIds: wrong(first) });
    const late = await connectPhone(station.url, { code: lesson.code, nickname: '迟到' });
    expect(late.welcome.you.contest).toMatchObject({ eligible: false, answer: null });
    expect(await emitWithAck(late.socket, 'live:answer', { questionId: first.id, optionIds: right(first) })).toEqual({
      ok: false,
      error: 'not-eligible',
    });
    // The presenter reveals before time-up: each phone is told its own result.
    const results = [a, b, c].map(({ socket }) =>
      nextEvent<ParticipantSelf>(socket, 'live:you', (you) => you.contest?.correct !== null),
    );
    await emitWithAck(presenter.socket, 'live:contest-next', {});
    const [youA, youB, youC] = await Promise.all(results);
    expect(youA?.contest).toMatchObject({ correct: true, rank: 1, of: 4 });
    expect(youA?.contest?.questionPoints).toBeGreaterThanOrEqual(500);
    expect(youB?.contest).toMatchObject({ correct: false, questionPoints: 0, points: 0 });
    expect(youC?.contest).toMatchObject({ answer: null, correct: false, questionPoints: 0 });
    // The leaderboard, then the second question, which the late joiner may answer.
    const board = await emitWithAck<{ ok: boolean; snapshot: LiveSnapshot }>(presenter.socket, 'live:contest-next', {});
    expect(board.snapshot.contest?.phase).toBe('leaderboard');
    expect(board.snapshot.contest?.leaderboard?.[0]).toMatchObject({ rank: 1, nickname: '学员1', correct: 1 });
    await emitWithAck(presenter.socket, 'live:contest-next', {});
    expect(await emitWithAck(late.socket, 'live:answer', { questionId: second.id, optionIds: right(second) })).toMatchObject({
      ok: true,
    });

    // Phone A drops off the Wi-Fi and comes back with its token: the same score.
    const points = youA?.contest?.points ?? 0;
    a.socket.disconnect();
    const back = await connectPhone(station.url, { code: lesson.code, participantToken: a.welcome.participantToken as string });
    expect(back.welcome.you.participantId).toBe(a.welcome.you.participantId);
    expect(back.welcome.you.contest).toMatchObject({ points, questionId: second.id, eligible: true, answer: null });
    expect(await emitWithAck(back.socket, 'live:answer', { questionId: second.id, optionIds: right(second) })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a phone sending the presenter’s contest commands or a malformed answer; a removed phone no longer counts', async () => {
    const { presenter, phones } = await lessonWithPhones(2);
    const [a, b] = phones as [(typeof phones)[0], (typeof phones)[0]];
    for (const event of ['live:contest-start', 'live:contest-next', 'live:contest-reveal', 'live:contest-close'])
      expect(await emitWithAck(a.socket, event, {})).toEqual({ ok: false, error: 'unknown-event' });
    expect(await emitWithAck(a.socket, 'live:answer', { questionId: 'x', optionIds: ['a'] })).toEqual({
      ok: false,
      error: 'no-contest',
    });
    await emitWithAck(presenter.socket, 'live:contest-start', {});
    const first = questions[0] as FixtureQuestion;
    for (const bad of [
      {},
      { questionId: first.id },
      { questionId: first.id, optionIds: 'a' },
      { questionId: first.id, optionIds: [] },
    ])
      expect(await emitWithAck(a.socket, 'live:answer', bad)).toEqual({ ok: false, error: 'bad-request' });
    expect(await emitWithAck(a.socket, 'live:answer', { questionId: first.id, optionIds: ['no-such-option'] })).toEqual({
      ok: false,
      error: 'bad-request',
    });
    expect(station.station.live.peek(presenter.welcome.snapshot.sessionId)?.contest?.answers).toHaveLength(0);
    const removed = nextEvent(b.socket, 'live:removed');
    await emitWithAck(presenter.socket, 'live:remove', { participantId: b.welcome.you.participantId });
    await removed;
    const synced = await emitWithAck<ParticipantWelcome>(a.socket, 'live:sync', {});
    expect(synced.you.contest).toMatchObject({ rank: 1, of: 1 });
  });
});

describe('a restart mid-question', () => {
  it('resumes the contest from the database: the same question, its answers kept, its clock running on', async () => {
    const restartDir = await tempDir('contest-restart');
    const first = await startStationInProcess({ dataDir: restartDir, serveDist: build });
    const lesson = await createLesson(first.url, 'new-recruits');
    const presenter = await connectPresenter(first.url, lesson);
    const a = await connectPhone(first.url, { code: lesson.code });
    const b = await connectPhone(first.url, { code: lesson.code });
    await emitWithAck(presenter.socket, 'live:contest-start', {});
    await emitWithAck(presenter.socket, 'live:contest-next', {}); // revealed (question 1)
    await emitWithAck(presenter.socket, 'live:contest-next', {}); // leaderboard
    await emitWithAck(presenter.socket, 'live:contest-next', {}); // question 2 (30 s)
    const second = questions[1] as FixtureQuestion;
    await emitWithAck(a.socket, 'live:answer', { questionId: second.id, optionIds: right(second) });
    const before = first.station.live.peek(lesson.sessionId)?.contest;
    closeAllSockets();
    await first.station.close();

    const again = await startStationInProcess({ dataDir: restartDir, serveDist: build });
    try {
      const resumed = again.station.live.peek(lesson.sessionId)?.contest;
      expect(resumed).toEqual(before);
      const back = await connectPresenter(again.url, lesson);
      expect(back.welcome.snapshot.contest).toMatchObject({ phase: 'question', questionId: second.id, answeredCount: 1 });
      const phoneA = await connectPhone(again.url, { code: lesson.code, participantToken: a.welcome.participantToken as string });
      const phoneB = await connectPhone(again.url, { code: lesson.code, participantToken: b.welcome.participantToken as string });
      expect(phoneA.welcome.you.contest).toMatchObject({ answer: right(second) });
      expect(await emitWithAck(phoneA.socket, 'live:answer', { questionId: second.id, optionIds: right(second) })).toEqual({
        ok: false,
        error: 'already-answered',
      });
      expect(await emitWithAck(phoneB.socket, 'live:answer', { questionId: second.id, optionIds: wrong(second) })).toMatchObject({
        ok: true,
      });
    } finally {
      closeAllSockets();
      await again.close();
    }
  });
});

describe('the results', () => {
  it('escapes what a spreadsheet would run, and quotes what would split a cell', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('小红')).toBe('小红');
    expect(csvCell(42)).toBe('42');
  });

  it('gives the presenter a CSV for Excel with the lesson’s secret or the PIN, and lists past lessons only with the PIN', async () => {
    const lesson = await createLesson(station.url, 'new-recruits');
    const presenter = await connectPresenter(station.url, lesson);
    const a = await connectPhone(station.url, { code: lesson.code, nickname: '=cmd()' });
    const b = await connectPhone(station.url, { code: lesson.code, nickname: 'Tom' });
    const csvUrl = new URL(`api/live/sessions/${lesson.sessionId}/results.csv`, station.url).href;
    expect((await postJson(csvUrl, { presenterSecret: lesson.presenterSecret })).json).toEqual({
      ok: false,
      error: 'no-contest',
    });
    await emitWithAck(presenter.socket, 'live:contest-start', {});
    const first = questions[0] as FixtureQuestion;
    await emitWithAck(a.socket, 'live:answer', { questionId: first.id, optionIds: wrong(first) });
    await emitWithAck(b.socket, 'live:answer', { questionId: first.id, optionIds: right(first) });
    await emitWithAck(presenter.socket, 'live:contest-next', {}); // revealed

    const response = await fetch(csvUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ presenterSecret: lesson.presenterSecret }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="contest-results-\d{8}-\d{6}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toBe('知识竞赛结果,新队员入队教育 · 党史长廊');
    // One row per participant, the right one first; the typed formula is text.
    const header = lines.findIndex((line) => line.startsWith('名次,学员,昵称,得分,答对题数,第 1 题'));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^1,学员 2,Tom,\d+,1,✓,/);
    expect(lines[header + 2]).toMatch(/^2,学员 1,'=cmd\(\),0,0,✗,/);
    // One row per question: the first asked, one of two right.
    expect(lines).toContain(`1,${first.id},${first.answer.join(' ')},2,1,50%`);

    // The PIN opens it too; a wrong secret or PIN, an unknown lesson or a malformed id do not.
    expect((await postJson(csvUrl, { pin: PIN })).status).toBe(200);
    expect(await postJson(csvUrl, { presenterSecret: 'A'.repeat(43) })).toEqual({
      status: 401,
      json: { ok: false, error: 'unauthorized' },
    });
    expect(await postJson(csvUrl, { pin: '0000' })).toEqual({ status: 401, json: { ok: false, error: 'wrong-pin' } });
    const unknown = new URL('api/live/sessions/00000000-0000-4000-8000-000000000000/results.csv', station.url).href;
    expect((await postJson(unknown, { pin: PIN })).status).toBe(404);
    expect((await postJson(new URL('api/live/sessions/x/results.csv', station.url).href, { pin: PIN })).status).toBe(400);
    expect((await postJson(csvUrl, { pin: PIN, presenterSecret: lesson.presenterSecret })).status).toBe(400);

    // The past lessons: with the PIN only.
    const listUrl = new URL('api/live/results', station.url).href;
    const listed = (await postJson(listUrl, { pin: PIN })).json as {
      ok: true;
      lessons: Array<{ sessionId: string; contests: unknown[] }>;
    };
    const mine = listed.lessons.find((lessonListed) => lessonListed.sessionId === lesson.sessionId);
    expect(mine?.contests).toEqual([
      expect.objectContaining({ quizId: 'new-recruits', quizTitle: expect.any(String), questionCount: questions.length }),
    ]);
    expect((await postJson(listUrl, { presenterSecret: lesson.presenterSecret })).status).toBe(400);
    expect((await postJson(listUrl, {})).status).toBe(400);
    // Not from another site's page.
    expect(await postJson(listUrl, { pin: PIN }, { origin: 'http://evil.example' })).toEqual({
      status: 403,
      json: { ok: false, error: 'bad-origin' },
    });
  });
});
