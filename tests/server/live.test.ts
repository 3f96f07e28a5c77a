/**
 * A live lesson over real sockets: a presenter and phones with socket.io-client against the
 * real server and SQLite, through every step a lesson takes.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreatedSession,
  LiveRoster,
  LiveSnapshot,
  ParticipantSelf,
  ParticipantWelcome,
  PresenterWelcome,
} from '../../src/live/protocol.ts';
import {
  closeAllSockets,
  connectPhone,
  connectPresenter,
  createLesson,
  emitWithAck,
  expectedStops,
  nextEvent,
  rawGet,
  refusedHandshake,
  startStationInProcess,
  type TestStation,
} from './stationHarness.ts';

let station: TestStation;
let url: string;
let stops: string[];

beforeAll(async () => {
  station = await startStationInProcess();
  url = station.url;
  stops = await expectedStops('all');
});
afterEach(() => closeAllSockets());
afterAll(() => station.close());

/** Everything a socket received, as text, to look for what must never reach it. */
function recordTraffic(socket: Socket, into: string[]): void {
  socket.onAny((event: string, ...args: unknown[]) => into.push(JSON.stringify([event, ...args])));
}

async function lessonWithPhones(count: number, nicknames: (string | undefined)[] = []) {
  const lesson = await createLesson(url, 'all');
  const presenter = await connectPresenter(url, lesson);
  const phones: { socket: Socket; welcome: ParticipantWelcome }[] = [];
  for (let index = 0; index < count; index++) {
    const nickname = nicknames[index];
    phones.push(await connectPhone(url, { code: lesson.code, ...(nickname !== undefined ? { nickname } : {}) }));
  }
  return { lesson, presenter, phones };
}

const snapshotWhere = (socket: Socket, accept: (snapshot: LiveSnapshot) => boolean) =>
  nextEvent<LiveSnapshot>(socket, 'live:snapshot', accept);

describe('a live lesson', () => {
  it('welcomes the presenter with the whole state and the join link', async () => {
    const lesson = await createLesson(url, 'all');
    const { welcome } = await connectPresenter(url, lesson);
    expect(welcome).toMatchObject({
      ok: true,
      role: 'presenter',
      joinUrl: lesson.joinUrl,
      snapshot: { sessionId: lesson.sessionId, code: lesson.code, stopIndex: 0, panelId: stops[0], participantCount: 0 },
      roster: { participants: [] },
    });
  });

  it('lets phones join by code, each with its own token, and shows the presenter the room', async () => {
    const { presenter, phones } = await lessonWithPhones(0);
    const rosterOfThree = nextEvent<LiveRoster>(presenter.socket, 'live:roster', (roster) => roster.participants.length === 3);
    const { lesson } = { lesson: presenter.welcome.snapshot };
    for (const nickname of ['小王', undefined, '<b>李</b>']) {
      phones.push(await connectPhone(url, { code: lesson.code, ...(nickname ? { nickname } : {}) }));
    }
    const tokens = new Set(phones.map((phone) => phone.welcome.participantToken));
    expect(tokens.size).toBe(3);
    for (const phone of phones) {
      expect(phone.welcome.participantToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(phone.welcome.you.following).toBe(true);
    }
    const roster = await rosterOfThree;
    // A nickname is text: the server keeps "<b>李</b>" exactly as typed, markup and all.
    expect(roster.participants.map((participant) => participant.nickname)).toEqual(['小王', null, '<b>李</b>']);
    expect(roster.participants.every((participant) => participant.connected && participant.following)).toBe(true);
  });

  it('sends every phone a snapshot at every step: stops, pages, black and white screens', async () => {
    const { presenter, phones } = await lessonWithPhones(3);
    const steps: [string, unknown, Partial<LiveSnapshot>][] = [
      ['live:goto', { stopIndex: 1 }, { stopIndex: 1, panelId: stops[1], page: 1 }],
      ['live:goto', { stopIndex: 1, page: 2 }, { stopIndex: 1, page: 2 }],
      ['live:goto', { stopIndex: 2 }, { stopIndex: 2, panelId: stops[2], page: 1 }],
      ['live:blank', { blank: 'black' }, { blank: 'black' }],
      ['live:blank', { blank: 'white' }, { blank: 'white' }],
      ['live:blank', { blank: 'none' }, { blank: 'none' }],
      ['live:goto', { stopIndex: stops.length - 1 }, { stopIndex: stops.length - 1, panelId: stops.at(-1) }],
    ];
    // From the state after the phones joined (each join is a snapshot too, and on a busy machine
    // one may still be on its way to a phone): only what comes after it counts.
    let lastSeq = (await emitWithAck<PresenterWelcome>(presenter.socket, 'live:sync', {})).snapshot.seq;
    for (const [event, payload, expected] of steps) {
      const arriving = phones.map((phone) => snapshotWhere(phone.socket, (snapshot) => snapshot.seq > lastSeq));
      const ack = await emitWithAck<{ ok: boolean; snapshot: LiveSnapshot }>(presenter.socket, event, payload);
      expect(ack.ok, event).toBe(true);
      expect(ack.snapshot).toMatchObject(expected);
      for (const snapshot of await Promise.all(arriving)) {
        expect(snapshot).toMatchObject({ ...expected, stopCount: stops.length, status: 'live' });
        expect(snapshot.seq).toBe(ack.snapshot.seq);
      }
      lastSeq = ack.snapshot.seq;
    }
  });

  it('gives a late joiner the whole current state at once', async () => {
    const { lesson, presenter } = await lessonWithPhones(1);
    await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 4, page: 3 });
    await emitWithAck(presenter.socket, 'live:blank', { blank: 'black' });
    await emitWithAck(presenter.socket, 'live:gather', {});
    const late = await connectPhone(url, { code: lesson.code });
    expect(late.welcome.snapshot).toMatchObject({
      stopIndex: 4,
      panelId: stops[4],
      page: 3,
      blank: 'black',
      gatherSeq: 1,
      participantCount: 2,
    });
  });

  it('lets a phone look around (自由参观), and 集合 brings it back', async () => {
    const { presenter, phones } = await lessonWithPhones(2);
    const [free, staying] = phones as [(typeof phones)[0], (typeof phones)[0]];
    const rosterWithFree = nextEvent<LiveRoster>(presenter.socket, 'live:roster', (roster) =>
      roster.participants.some((participant) => !participant.following),
    );
    const reply = await emitWithAck<{ ok: boolean; you: ParticipantSelf; snapshot: LiveSnapshot }>(free.socket, 'live:follow', {
      following: false,
    });
    expect(reply).toMatchObject({ ok: true, you: { following: false }, snapshot: { followingCount: 1 } });
    const roster = await rosterWithFree;
    expect(
      roster.participants.find((participant) => participant.participantId === free.welcome.you.participantId)?.following,
    ).toBe(false);

    const backToGuide = nextEvent<ParticipantSelf>(free.socket, 'live:you');
    const gathered = Promise.all(phones.map((phone) => snapshotWhere(phone.socket, (snapshot) => snapshot.gatherSeq === 1)));
    let stayingHeardOfItself = false;
    staying.socket.on('live:you', () => {
      stayingHeardOfItself = true;
    });
    await emitWithAck(presenter.socket, 'live:gather', {});
    expect(await backToGuide).toMatchObject({ following: true });
    for (const snapshot of await gathered) expect(snapshot).toMatchObject({ gatherSeq: 1, followingCount: 2 });
    expect(stayingHeardOfItself).toBe(false);
  });

  it('resyncs a phone that reconnects with its token: same participant, current state, no reload', async () => {
    const { lesson, presenter, phones } = await lessonWithPhones(2);
    const [phone] = phones as [(typeof phones)[0]];
    const { participantId } = phone.welcome.you;
    const token = phone.welcome.participantToken as string;
    // What a phone keeps: its token in socket.auth, so socket.io's own reconnects resume it.
    phone.socket.auth = { role: 'participant', code: lesson.code, participantToken: token };

    // The Wi-Fi drops: the transport closes under the client, which reconnects by itself.
    const rewelcome = nextEvent<ParticipantWelcome>(phone.socket, 'live:welcome');
    phone.socket.io.engine.close();
    await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 3 });
    const again = await rewelcome;
    expect(again.you.participantId).toBe(participantId);
    expect(again.participantToken).toBeUndefined();
    expect(again.snapshot).toMatchObject({ stopIndex: 3, participantCount: 2 });

    // The phone slept and its page opens a fresh connection with the kept token.
    phone.socket.disconnect();
    const woken = await connectPhone(url, { code: lesson.code, participantToken: token });
    expect(woken.welcome.you.participantId).toBe(participantId);
    expect(woken.welcome.snapshot).toMatchObject({ stopIndex: 3, participantCount: 2 });
  });

  it('takes a token of another lesson as a new participant there', async () => {
    const first = await lessonWithPhones(1);
    const second = await createLesson(url);
    const phone = await connectPhone(url, {
      code: second.code,
      participantToken: first.phones[0]?.welcome.participantToken as string,
    });
    expect(phone.welcome.you.participantId).not.toBe(first.phones[0]?.welcome.you.participantId);
    expect(phone.welcome.participantToken).toBeDefined();
  });

  it('keeps the lesson when the projector window reloads (a new socket with the secret)', async () => {
    const { lesson, presenter, phones } = await lessonWithPhones(1);
    await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 2 });
    await emitWithAck(presenter.socket, 'live:blank', { blank: 'white' });
    presenter.socket.disconnect();
    const reloaded = await connectPresenter(url, lesson);
    expect(reloaded.welcome.snapshot).toMatchObject({ stopIndex: 2, blank: 'white', participantCount: 1 });
    expect(reloaded.welcome.roster.participants).toHaveLength(1);
    const arriving = snapshotWhere(phones[0]?.socket as Socket, (snapshot) => snapshot.stopIndex === 3);
    expect(await emitWithAck(reloaded.socket, 'live:goto', { stopIndex: 3 })).toMatchObject({ ok: true });
    await arriving;
  });

  it('hides nicknames from the projector on request, while the presenter view still lists them', async () => {
    const { presenter, phones } = await lessonWithPhones(1, ['小张']);
    const arriving = snapshotWhere(phones[0]?.socket as Socket, (snapshot) => !snapshot.nicknamesVisible);
    const reply = await emitWithAck<{ ok: boolean; snapshot: LiveSnapshot }>(presenter.socket, 'live:nicknames', {
      visible: false,
    });
    expect(reply.snapshot.nicknamesVisible).toBe(false);
    await arriving;
    const sync = await emitWithAck<PresenterWelcome>(presenter.socket, 'live:sync', {});
    expect(sync.roster.participants.map((participant) => participant.nickname)).toEqual(['小张']);
  });

  it('removes a participant: told, disconnected, and its token no longer gets in', async () => {
    const { lesson, presenter, phones } = await lessonWithPhones(2);
    const [removed, other] = phones as [(typeof phones)[0], (typeof phones)[0]];
    const told = nextEvent<{ sessionId: string }>(removed.socket, 'live:removed');
    const closed = new Promise<string>((done) => removed.socket.once('disconnect', (reason) => done(reason)));
    const counted = snapshotWhere(other.socket, (snapshot) => snapshot.participantCount === 1);
    expect(
      await emitWithAck(presenter.socket, 'live:remove', { participantId: removed.welcome.you.participantId }),
    ).toMatchObject({ ok: true });
    expect(await told).toEqual({ sessionId: lesson.sessionId });
    // "io server disconnect": socket.io-client does not reconnect by itself after this.
    expect(await closed).toBe('io server disconnect');
    await counted;
    const back = await refusedHandshake(url, {
      role: 'participant',
      code: lesson.code,
      participantToken: removed.welcome.participantToken,
    });
    expect(back).toBe('removed');
  });

  it('lets a phone leave for good', async () => {
    const { presenter, phones } = await lessonWithPhones(2);
    const [leaving] = phones as [(typeof phones)[0]];
    const closed = new Promise<string>((done) => leaving.socket.once('disconnect', (reason) => done(reason)));
    const counted = snapshotWhere(presenter.socket, (snapshot) => snapshot.participantCount === 1);
    expect(await emitWithAck(leaving.socket, 'live:leave', {})).toEqual({ ok: true });
    expect(await closed).toBe('io server disconnect');
    await counted;
  });

  it('answers a ping with the server clock', async () => {
    const { phones } = await lessonWithPhones(1);
    const before = Date.now();
    const reply = await emitWithAck<{ ok: boolean; serverTime: number }>(phones[0]?.socket as Socket, 'live:ping', {});
    expect(reply.ok).toBe(true);
    expect(reply.serverTime).toBeGreaterThanOrEqual(before);
  });

  it('never lets the presenter secret reach a phone', async () => {
    const lesson: CreatedSession = await createLesson(url);
    const presenter = await connectPresenter(url, lesson);
    const seen: string[] = [];
    const phone = await connectPhone(url, { code: lesson.code, nickname: '小赵' });
    seen.push(JSON.stringify(phone.welcome));
    recordTraffic(phone.socket, seen);
    for (const [event, payload] of [
      ['live:goto', { stopIndex: 1 }],
      ['live:blank', { blank: 'black' }],
      ['live:nicknames', { visible: false }],
      ['live:gather', {}],
    ] as const) {
      await emitWithAck(presenter.socket, event, payload);
    }
    seen.push(JSON.stringify(await emitWithAck(phone.socket, 'live:sync', {})));
    seen.push(JSON.stringify(await emitWithAck(phone.socket, 'live:follow', { following: false })));
    seen.push(JSON.stringify(await emitWithAck(phone.socket, 'live:ping', {})));
    await emitWithAck(presenter.socket, 'live:end', {});
    await expect.poll(() => phone.socket.connected).toBe(false);
    const traffic = seen.join('\n');
    expect(traffic).toContain(lesson.sessionId);
    expect(traffic).toContain('live:ended');
    expect(traffic).not.toContain(lesson.presenterSecret);
    // Nor any other participant's nickname, nor the roster.
    expect(traffic).not.toContain('live:roster');
    // The join page and its redirect carry no secret either.
    expect(JSON.stringify(await rawGet(url, `/join/${lesson.code}`))).not.toContain(lesson.presenterSecret);
  });
});

describe('the end of a lesson', () => {
  it('tells everyone, disconnects them, and the code stops working', async () => {
    const { lesson, presenter, phones } = await lessonWithPhones(2);
    const told = phones.map((phone) => nextEvent<{ reason: string }>(phone.socket, 'live:ended'));
    const reply = await emitWithAck<{ ok: boolean; snapshot: LiveSnapshot }>(presenter.socket, 'live:end', {});
    expect(reply).toMatchObject({ ok: true, snapshot: { status: 'ended' } });
    for (const ended of await Promise.all(told)) expect(ended).toMatchObject({ reason: 'ended' });
    for (const phone of phones) await expect.poll(() => phone.socket.connected).toBe(false);

    expect(await refusedHandshake(url, { role: 'participant', code: lesson.code })).toBe('unknown-code');
    expect(
      await refusedHandshake(url, {
        role: 'participant',
        code: lesson.code,
        participantToken: phones[0]?.welcome.participantToken,
      }),
    ).toBe('unknown-code');
    expect((await rawGet(url, `/join/${lesson.code}`)).headers.location).toBe('../?mode=follow&error=unknown-code');
    expect(
      await refusedHandshake(url, { role: 'presenter', sessionId: lesson.sessionId, presenterSecret: lesson.presenterSecret }),
    ).toBe('session-ended');
    expect((await fetch(new URL(`api/live/sessions/${lesson.sessionId}/qr.svg`, url))).status).toBe(404);
  });

  it('comes by itself after 12 hours', async () => {
    let now = Date.now();
    const clocked = await startStationInProcess({ clock: () => now, sweepIntervalMs: 20 });
    try {
      const lesson = await createLesson(clocked.url);
      const phone = await connectPhone(clocked.url, { code: lesson.code });
      const told = nextEvent<{ reason: string }>(phone.socket, 'live:ended');
      now += 12 * 3_600_000;
      expect(await told).toMatchObject({ reason: 'expired' });
      expect(await refusedHandshake(clocked.url, { role: 'participant', code: lesson.code })).toBe('unknown-code');
      expect(clocked.station.live.peek(lesson.sessionId)).toBeUndefined();
    } finally {
      closeAllSockets();
      await clocked.close();
    }
  });
});

describe('guessing codes', () => {
  it('is rate-limited per address: after a few unknown codes even the right one waits', async () => {
    const limited = await startStationInProcess({
      limits: { joinCode: { maxFailures: 3, windowMs: 60_000, lockoutMs: 60_000 } },
    });
    try {
      const lesson = await createLesson(limited.url);
      const wrong = lesson.code === '000000' ? '000001' : '000000';
      expect(await refusedHandshake(limited.url, { role: 'participant', code: wrong })).toBe('unknown-code');
      expect((await rawGet(limited.url, `/join/${wrong}`)).headers.location).toBe('../?mode=follow&error=unknown-code');
      expect(await refusedHandshake(limited.url, { role: 'participant', code: wrong })).toBe('unknown-code');
      expect(await refusedHandshake(limited.url, { role: 'participant', code: lesson.code })).toBe('rate-limited');
      expect((await rawGet(limited.url, `/join/${lesson.code}`)).headers.location).toBe('../?mode=follow&error=rate-limited');
    } finally {
      await limited.close();
    }
  });
});
