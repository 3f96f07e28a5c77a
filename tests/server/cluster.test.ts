/**
 * Beyond one process (issue 19): two real station processes (`npm run serve`'s entry) on
 * loopback, each with its own DATA_DIR and SQLite, sharing a real redis-server. The lesson is held
 * by the process its presenter reached; phones on the other process follow it, join late with the
 * same snapshot, answer its contest (counted once, by the holder) and keep their score across a
 * reconnect through either process, and across a restart of the holder.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  LessonResultsAnswer,
  LiveRoster,
  LiveSnapshot,
  ParticipantSelf,
  ParticipantWelcome,
  PresenterWelcome,
} from '../../src/live/protocol.ts';
import { LessonRelay, relayChannel } from '../../src/server/cluster/lessonRelay.ts';
import { startRedis, type TestRedis } from './redisHarness.ts';
import {
  type ChildStation,
  closeAllSockets,
  connectPhone,
  connectPresenter,
  createLesson,
  emitWithAck,
  type FixtureQuestion,
  fixtureQuizQuestions,
  makeFixtureBuild,
  nextEvent,
  postJson,
  rawGet,
  spawnStation,
  tempDir,
} from './stationHarness.ts';

let redis: TestRedis;
let workDir: string;
let serveDist: string;
let questions: FixtureQuestion[];
const stations: Record<'a' | 'b', { dataDir: string; server: ChildStation }> = {} as never;

const env = (processId: string) => ({ REDIS_URL: redis.url, STATION_PROCESS_ID: processId });

beforeAll(async () => {
  redis = await startRedis();
  workDir = await tempDir('cluster');
  serveDist = (await makeFixtureBuild(join(workDir, 'dist'))).dir;
  questions = await fixtureQuizQuestions(serveDist);
  for (const name of ['a', 'b'] as const) {
    const dataDir = join(workDir, `data-${name}`);
    stations[name] = { dataDir, server: await spawnStation({ dataDir, serveDist, env: env(`station-${name}`) }) };
  }
}, 60_000);

afterEach(() => closeAllSockets());

afterAll(async () => {
  closeAllSockets();
  await Promise.all(Object.values(stations).map(({ server }) => server?.kill('SIGKILL')));
  await redis?.stop();
  await rm(workDir, { recursive: true, force: true });
});

const urlOf = (name: 'a' | 'b') => stations[name].server.url;

const snapshotWhere = (socket: Socket, accept: (snapshot: LiveSnapshot) => boolean, timeoutMs = 5000) =>
  nextEvent<LiveSnapshot>(socket, 'live:snapshot', accept, timeoutMs);

/** What two views of the same moment share (the send time differs by the time between them). */
const withoutSendTime = ({ serverTime: _serverTime, ...snapshot }: LiveSnapshot) => snapshot;

describe('two station processes sharing one Redis', () => {
  it('each say which process they are and that they share the lessons', () => {
    expect(stations.a.server.output()).toMatch(/live lessons shared through redis:\/\/127\.0\.0\.1:\d+ as process station-a/);
    expect(stations.b.server.output()).toMatch(/as process station-b/);
  });

  it('a phone on one follows a presenter on the other; a late joiner gets the holder’s snapshot; the roster counts both', async () => {
    const lesson = await createLesson(urlOf('a'), 'all');
    const presenter = await connectPresenter(urlOf('a'), lesson);

    // The join link works on the other process too (the code is looked up where the lesson is).
    const joined = await rawGet(urlOf('b'), `/join/${lesson.code}`);
    expect(joined.status).toBe(302);
    expect(joined.headers.location).toContain(lesson.code);
    expect(joined.headers.location).not.toContain('error');
    const unknown = await rawGet(urlOf('b'), `/join/${lesson.code === '000000' ? '000001' : '000000'}`);
    expect(unknown.headers.location).toContain('unknown-code');

    const first = await connectPhone(urlOf('b'), { code: lesson.code, nickname: '乙站一号' });
    expect(first.welcome.snapshot).toMatchObject({ sessionId: lesson.sessionId, stopIndex: 0 });
    // The holder counts the phone on the other process.
    const roster = await nextEvent<LiveRoster>(presenter.socket, 'live:roster', (next) =>
      next.participants.some((participant) => participant.nickname === '乙站一号' && participant.connected),
    );
    expect(roster.sessionId).toBe(lesson.sessionId);

    // The presenter steps on A; the phone on B follows, in order.
    const seen: number[] = [];
    first.socket.on('live:snapshot', (snapshot: LiveSnapshot) => seen.push(snapshot.stopIndex));
    for (const stopIndex of [1, 2, 3]) {
      const arrived = snapshotWhere(first.socket, (snapshot) => snapshot.stopIndex === stopIndex);
      expect(await emitWithAck(presenter.socket, 'live:goto', { stopIndex })).toMatchObject({ ok: true });
      await arrived;
    }
    // Each stop once and in order (a snapshot of the join, at stop 0, may come first).
    const stepped = seen.filter((stop, index) => stop > 0 && stop !== seen[index - 1]);
    expect(stepped).toEqual([1, 2, 3]);
    await emitWithAck(presenter.socket, 'live:blank', { blank: 'black' });

    // A late joiner, on B, gets exactly what the presenter's own view says.
    const late = await connectPhone(urlOf('b'), { code: lesson.code, nickname: '迟到' });
    const now = await emitWithAck<PresenterWelcome>(presenter.socket, 'live:sync', {});
    expect(withoutSendTime(late.welcome.snapshot)).toEqual({
      ...withoutSendTime(now.snapshot),
      // The presenter's view was read a moment later, with the late joiner counted.
      participantCount: late.welcome.snapshot.participantCount,
      connectedCount: late.welcome.snapshot.connectedCount,
      followingCount: late.welcome.snapshot.followingCount,
      seq: late.welcome.snapshot.seq,
    });
    expect(late.welcome.snapshot).toMatchObject({ stopIndex: 3, blank: 'black', participantCount: 2 });

    // A phone's own message, relayed to the holder: it looks around on its own.
    const away = await emitWithAck<{ ok: boolean; you: ParticipantSelf }>(late.socket, 'live:follow', { following: false });
    expect(away).toMatchObject({ ok: true, you: { following: false } });
    const sync = await emitWithAck<{ ok: boolean; snapshot: LiveSnapshot }>(presenter.socket, 'live:sync', {});
    expect(sync.snapshot.followingCount).toBe(1);

    // The QR of the lesson from either process.
    const qr = await rawGet(urlOf('b'), `/api/live/sessions/${lesson.sessionId}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.body).toContain('<svg');

    // The end, on A, reaches the phones on B.
    const ended = nextEvent<{ reason: string }>(first.socket, 'live:ended');
    await emitWithAck(presenter.socket, 'live:end', {});
    expect((await ended).reason).toBe('ended');
  }, 60_000);

  it('contest answers from both processes are counted once, by the holder; a phone keeps its score through either process', async () => {
    const lesson = await createLesson(urlOf('a'), 'new-recruits');
    const presenter = await connectPresenter(urlOf('a'), lesson);
    const onB = await connectPhone(urlOf('b'), { code: lesson.code, nickname: '乙' });
    const onA = await connectPhone(urlOf('a'), { code: lesson.code, nickname: '甲' });
    const [first, second] = questions as [FixtureQuestion, FixtureQuestion];
    const wrong = [first.options.find((option) => !first.answer.includes(option.id))?.id as string];

    const asked = snapshotWhere(onB.socket, (snapshot) => snapshot.contest?.phase === 'question');
    expect(await emitWithAck(presenter.socket, 'live:contest-start', {})).toMatchObject({ ok: true });
    expect((await asked).contest?.questionId).toBe(first.id);
    expect(await emitWithAck(onB.socket, 'live:answer', { questionId: first.id, optionIds: first.answer })).toMatchObject({
      ok: true,
    });
    // The same phone again, and at once twice more: still one answer.
    const again = await Promise.all(
      [0, 1].map(() => emitWithAck(onB.socket, 'live:answer', { questionId: first.id, optionIds: wrong })),
    );
    expect(again.every((reply) => reply.ok === false)).toBe(true);
    await emitWithAck(onA.socket, 'live:answer', { questionId: first.id, optionIds: wrong });

    const result = nextEvent<ParticipantSelf>(onB.socket, 'live:you', (you) => you.contest?.correct === true);
    await emitWithAck(presenter.socket, 'live:contest-reveal', {});
    const you = await result;
    const points = you.contest?.points ?? 0;
    expect(points).toBeGreaterThanOrEqual(500);

    // The answers are in the holder's SQLite, once each; the other process stored none.
    const answers = (dataDir: string) => {
      const db = new Database(join(dataDir, 'station.sqlite'), { readonly: true });
      try {
        return db
          .prepare(
            'SELECT participant_id, correct FROM contest_answers WHERE contest_id IN (SELECT id FROM contests WHERE session_id = ?)',
          )
          .all(lesson.sessionId) as Array<{ participant_id: string; correct: number }>;
      } finally {
        db.close();
      }
    };
    expect(answers(stations.a.dataDir)).toHaveLength(2);
    expect(
      answers(stations.a.dataDir)
        .filter((row) => row.correct === 1)
        .map((row) => row.participant_id),
    ).toEqual([onB.welcome.you.participantId]);
    expect(answers(stations.b.dataDir)).toHaveLength(0);

    // Phone B drops off and comes back through A, then through B again: the same participant and score.
    const token = onB.welcome.participantToken as string;
    onB.socket.disconnect();
    const throughA = await connectPhone(urlOf('a'), { code: lesson.code, participantToken: token });
    expect(throughA.welcome.you).toMatchObject({ participantId: onB.welcome.you.participantId, contest: { points } });
    throughA.socket.disconnect();
    const throughB = await connectPhone(urlOf('b'), { code: lesson.code, participantToken: token });
    expect(throughB.welcome.you).toMatchObject({ participantId: onB.welcome.you.participantId, contest: { points } });

    // The next question is answered through B as well.
    await emitWithAck(presenter.socket, 'live:contest-next', {});
    await emitWithAck(presenter.socket, 'live:contest-next', {});
    expect(await emitWithAck(throughB.socket, 'live:answer', { questionId: second.id, optionIds: second.answer })).toMatchObject({
      ok: true,
    });
    await emitWithAck(presenter.socket, 'live:end', {});

    // After the end, the results are read from the holder's SQLite through either process.
    const results = await postJson(new URL(`api/live/sessions/${lesson.sessionId}/results`, urlOf('b')).href, {
      presenterSecret: lesson.presenterSecret,
    });
    expect(results.status).toBe(200);
    const standings = (results.json as LessonResultsAnswer).results.contests[0]?.standings;
    expect(standings?.find((row) => row.nickname === '乙')?.points).toBeGreaterThanOrEqual(points);
    const wrongSecret = await postJson(new URL(`api/live/sessions/${lesson.sessionId}/results`, urlOf('b')).href, {
      presenterSecret: 'x'.repeat(43),
    });
    expect(wrongSecret.status).toBe(401);
  }, 60_000);

  it('refuses what another program writes on a relay channel, and goes on serving', async () => {
    const intruder = new Redis(redis.url);
    try {
      const channel = relayChannel('station-b');
      for (const message of [
        'not json',
        JSON.stringify({ kind: 'call', id: 'x', from: 'me', request: { method: 'connect' } }),
        JSON.stringify({
          kind: 'call',
          id: crypto.randomUUID(),
          from: 'evil channel',
          request: { method: 'disconnect', connection: {} },
        }),
        JSON.stringify({ kind: 'reply', id: crypto.randomUUID(), result: 'ok' }),
      ])
        expect(await intruder.publish(channel, message)).toBe(1);
      // A well-formed request still runs only what the holder's own checks allow.
      const relay = await LessonRelay.open({
        publisher: intruder,
        subscriber: intruder.duplicate(),
        processId: 'intruder',
        handle: () => ({ ok: false }),
      });
      const outcome = await relay.call('station-b', { method: 'connect', auth: { role: 'presenter' }, address: '127.0.0.1' });
      expect(outcome).toEqual({ reached: true, result: { ok: false, error: 'bad-request' } });
      // Nobody listens for a process that does not exist: known at once, not after a timeout.
      const started = performance.now();
      expect(await relay.call('station-z', { method: 'joinUrlOf', sessionId: crypto.randomUUID() })).toEqual({ reached: false });
      expect(performance.now() - started).toBeLessThan(1000);
      relay.close();
    } finally {
      intruder.disconnect();
    }
    const lesson = await createLesson(urlOf('a'), 'all');
    const phone = await connectPhone(urlOf('b'), { code: lesson.code });
    expect(phone.welcome.snapshot.sessionId).toBe(lesson.sessionId);
  }, 30_000);

  it('the holder restarting: phones on the other process reconnect by themselves and follow again', async () => {
    const lesson = await createLesson(urlOf('a'), 'all');
    const presenter = await connectPresenter(urlOf('a'), lesson);
    const phone = await connectPhone(urlOf('b'), { code: lesson.code, nickname: '乙站' });
    // What the follower page does: the token in socket.auth, so a reconnect resumes this participant.
    phone.socket.auth = { role: 'participant', code: lesson.code, participantToken: phone.welcome.participantToken };
    await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 2 });
    const disconnects: string[] = [];
    phone.socket.on('disconnect', (reason) => disconnects.push(reason));

    const welcomedAgain = nextEvent<ParticipantWelcome>(phone.socket, 'live:welcome', () => true, 30_000);
    const presenterBack = nextEvent<PresenterWelcome>(presenter.socket, 'live:welcome', () => true, 30_000);
    const { port } = stations.a.server;
    await stations.a.server.kill('SIGKILL');
    // While the holder is away, the phone is told so rather than left waiting.
    expect(await emitWithAck(phone.socket, 'live:follow', { following: true })).toEqual({ ok: false, error: 'server-error' });
    // It comes back under a new name: the directory says where the lesson is now.
    stations.a.server = await spawnStation({ dataDir: stations.a.dataDir, serveDist, port, env: env('station-a2') });
    const welcome = await welcomedAgain;
    // Dropped as by a network failure (which socket.io-client reconnects after), never told to stay away.
    expect(disconnects).toEqual(['transport close']);
    expect(welcome.you.participantId).toBe(phone.welcome.you.participantId);
    expect(welcome.snapshot).toMatchObject({ stopIndex: 2, connectedCount: 1 });

    await presenterBack;
    const arrived = snapshotWhere(phone.socket, (snapshot) => snapshot.stopIndex === 4, 10_000);
    await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 4 });
    expect((await arrived).stopIndex).toBe(4);
  }, 90_000);
});
