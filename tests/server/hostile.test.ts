/**
 * Malformed and hostile requests and messages against a running lesson. Each one must get its
 * error, leave the lesson exactly as it was (in memory and in SQLite), and leave the server
 * serving: after every case the lesson is read back and the server asked for a page and a sync.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreatedSession,
  LIVE_NAMESPACE,
  MAX_MESSAGE_BYTES,
  type PresenterWelcome,
  type Refusal,
} from '../../src/live/protocol.ts';
import type { SessionState } from '../../src/server/live/session.ts';
import {
  type Connected,
  closeAllSockets,
  connectPhone,
  connectPresenter,
  createLesson,
  emitWithAck,
  nextEvent,
  PIN,
  postJson,
  rawGet,
  refusedHandshake,
  startStationInProcess,
  type TestStation,
} from './stationHarness.ts';

let station: TestStation;
let url: string;
let lesson: CreatedSession;
let other: CreatedSession;
let presenter: Connected<PresenterWelcome>;
let otherPresenter: Connected<PresenterWelcome>;
let phone: Socket;
let otherPhoneId: string;
let db: Database.Database;

/**
 * What the lesson is: everything but connection counts, presence times and the change counter,
 * which a hostile socket closing moves legitimately.
 */
function lessonState(state: SessionState | null | undefined): unknown {
  if (!state) return null;
  const { seq: _seq, participants, ...rest } = state;
  return {
    ...rest,
    participants: participants.map(({ connections: _connections, lastSeen: _lastSeen, ...participant }) => participant),
  };
}

function storedLesson(sessionId: string): unknown {
  const session = db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId) as Record<string, unknown>;
  const { seq: _seq, ...row } = session;
  const participants = (
    db.prepare('SELECT * FROM participants WHERE session_id = ? ORDER BY rowid').all(sessionId) as Record<string, unknown>[]
  ).map(({ last_seen: _lastSeen, ...participant }) => participant);
  return { row, participants };
}

/**
 * The flood and oversize cases join a phone of their own to misbehave with; that newcomer (and
 * only it) is left out of the comparison.
 */
function withoutNewcomers(after: unknown, before: unknown): unknown {
  type Shape = { memory: { participants: { id: string }[] }[]; stored: { participants: { id: string }[] }[] };
  const known = new Set(
    [...(before as Shape).memory, ...(before as Shape).stored].flatMap((entry) =>
      entry.participants.map((participant) => participant.id),
    ),
  );
  const value = structuredClone(after) as Shape;
  for (const entry of [...value.memory, ...value.stored])
    entry.participants = entry.participants.filter((participant) => known.has(participant.id));
  return value;
}

function readBack(): unknown {
  return {
    memory: [lessonState(station.station.live.peek(lesson.sessionId)), lessonState(station.station.live.peek(other.sessionId))],
    stored: [storedLesson(lesson.sessionId), storedLesson(other.sessionId)],
  };
}

beforeAll(async () => {
  // A generous join-code budget: this file makes many bad attempts from one address on purpose.
  station = await startStationInProcess({
    // Every case asks the presenter for a sync, and the presenter's cases come one after another:
    // on a quick run some 60 messages in well under a second, so the burst holds them all (with 40
    // the last presenter case was sometimes answered rate-limited), while a flood of 300 at once
    // still runs into the limit.
    socketLimits: { messages: { burst: 100, perSecond: 1000 }, maxRateRefusals: 1000 },
    limits: {
      joinCode: { maxFailures: 1000, windowMs: 60_000, lockoutMs: 60_000 },
      presenterAuth: { maxFailures: 1000, windowMs: 60_000, lockoutMs: 60_000 },
    },
  });
  url = station.url;
  lesson = await createLesson(url, 'all');
  other = await createLesson(url, 'new-recruits');
  presenter = await connectPresenter(url, lesson);
  otherPresenter = await connectPresenter(url, other);
  await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 2, page: 2 });
  await emitWithAck(presenter.socket, 'live:blank', { blank: 'black' });
  phone = (await connectPhone(url, { code: lesson.code, nickname: '学员' }, { reconnection: false })).socket;
  otherPhoneId = (await connectPhone(url, { code: other.code })).welcome.you.participantId;
  db = new Database(join(station.dataDir, 'station.sqlite'), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  db.close();
  closeAllSockets();
  await station.close();
});

type Case = [name: string, attempt: () => Promise<string | number>, expected: string | number];

const body = (json: unknown) => (json as Refusal).error;
const sessions = () => new URL('api/live/sessions', url).href;
const httpError = async (path: string, init: RequestInit) => body(await (await fetch(new URL(path, url), init)).json());
const rawStatus = async (path: string) => {
  const response = await rawGet(url, path);
  // Whatever the status, no file from outside the build may come back.
  expect(response.body).not.toContain('dangshi-changlang');
  expect(response.body).not.toContain('root:');
  return response.status;
};
const phoneSays = async (event: string, payload?: unknown) => body(await emitWithAck(phone, event, payload));
const presenterSays = async (event: string, payload?: unknown) => body(await emitWithAck(presenter.socket, event, payload));
const participantAuth = (extra: Record<string, unknown>) => ({ role: 'participant', code: lesson.code, ...extra });

const CASES: Case[] = [
  // HTTP: starting a lesson
  ['a wrong PIN', async () => body((await postJson(sessions(), { pin: '9999', tourId: 'all' })).json), 'wrong-pin'],
  ['a PIN of the wrong type', async () => body((await postJson(sessions(), { pin: 2468, tourId: 'all' })).json), 'bad-request'],
  ['a body that is not JSON', async () => body((await postJson(sessions(), '{"pin":')).json), 'bad-request'],
  ['a JSON array for a body', async () => body((await postJson(sessions(), [PIN, 'all'])).json), 'bad-request'],
  [
    'an extra field',
    async () => body((await postJson(sessions(), { pin: PIN, tourId: 'all', admin: true })).json),
    'bad-request',
  ],
  [
    'a tour id with a path in it',
    async () => body((await postJson(sessions(), { pin: PIN, tourId: '../../etc/passwd' })).json),
    'bad-request',
  ],
  [
    'a huge body',
    async () => body((await postJson(sessions(), { pin: PIN, tourId: 'x'.repeat(100_000) })).json),
    'payload-too-large',
  ],
  [
    'a body as text/plain',
    () => httpError('api/live/sessions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'pin=2468' }),
    'bad-request',
  ],
  ['an API path that does not exist', () => httpError('api/live/admin', { method: 'GET' }), 'not-found'],
  ['a QR of another site', () => httpError('api/live/qr.svg?path=https%3A%2F%2Fevil.example%2F', { method: 'GET' }), 'bad-path'],
  ['a QR with no path', () => httpError('api/live/qr.svg', { method: 'GET' }), 'bad-request'],
  [
    'a QR of a lesson id that is not one',
    () => httpError('api/live/sessions/..%2f..%2fetc/qr.svg', { method: 'GET' }),
    'not-found',
  ],
  // HTTP: static paths that try to leave the build folder
  ['/..%2f..%2fetc/passwd', () => rawStatus('/..%2f..%2fetc/passwd'), 404],
  ['/assets/../../package.json', () => rawStatus('/assets/../../package.json'), 404],
  ['/assets/%2e%2e/%2e%2e/package.json', () => rawStatus('/assets/%2e%2e/%2e%2e/package.json'), 404],
  ['/content/..%5c..%5cpackage.json', () => rawStatus('/content/..%5c..%5cpackage.json'), 404],
  ['a NUL in the path', () => rawStatus('/index.html%00.js'), 404],
  ['a hidden file', () => rawStatus('/.git/config'), 404],
  // The router refuses a broken escape itself, before any handler.
  ['a malformed escape', () => rawStatus('/assets/%E0%A4%A'), 400],
  // HTTP: join links
  [
    'a join code of five digits',
    async () => String((await rawGet(url, '/join/12345')).headers.location),
    '../?mode=follow&error=bad-code',
  ],
  [
    'a join code with a path in it',
    async () => String((await rawGet(url, '/join/..%2f..%2fpackage.json')).headers.location),
    '../?mode=follow&error=bad-code',
  ],
  // Handshakes
  ['a socket with no auth', () => refusedHandshake(url, {}), 'bad-request'],
  [
    'a presenter with a wrong secret',
    () => refusedHandshake(url, { role: 'presenter', sessionId: lesson.sessionId, presenterSecret: 'A'.repeat(43) }),
    'unauthorized',
  ],
  [
    'a presenter with another lesson’s secret',
    () => refusedHandshake(url, { role: 'presenter', sessionId: lesson.sessionId, presenterSecret: other.presenterSecret }),
    'unauthorized',
  ],
  [
    'a presenter secret of the wrong type',
    () => refusedHandshake(url, { role: 'presenter', sessionId: lesson.sessionId, presenterSecret: 42 }),
    'bad-request',
  ],
  ['a code that is not six digits', () => refusedHandshake(url, participantAuth({ code: '12ab56' })), 'bad-request'],
  [
    'an unknown code',
    () => refusedHandshake(url, participantAuth({ code: lesson.code === '999999' ? '999998' : '999999' })),
    'unknown-code',
  ],
  [
    'an oversized nickname',
    () => refusedHandshake(url, participantAuth({ nickname: '一二三四五六七八九十一二三' })),
    'bad-request',
  ],
  [
    'a nickname with a bidi override',
    () => refusedHandshake(url, participantAuth({ nickname: 'a\u202Egnp.exe' })),
    'bad-request',
  ],
  ['a nickname that is an object', () => refusedHandshake(url, participantAuth({ nickname: { toString: 'x' } })), 'bad-request'],
  [
    'a participant claiming a presenter secret',
    () => refusedHandshake(url, participantAuth({ presenterSecret: lesson.presenterSecret })),
    'bad-request',
  ],
  ['the main namespace', () => refusedHandshake(url, participantAuth({}), '/'), 'not-found'],
  // A participant sending what only a presenter may
  ['a phone sending goto', () => phoneSays('live:goto', { stopIndex: 0 }), 'unknown-event'],
  ['a phone sending blank', () => phoneSays('live:blank', { blank: 'none' }), 'unknown-event'],
  ['a phone ending the lesson', () => phoneSays('live:end', {}), 'unknown-event'],
  ['a phone removing someone', () => phoneSays('live:remove', { participantId: otherPhoneId }), 'unknown-event'],
  ['a phone gathering everyone', () => phoneSays('live:gather', {}), 'unknown-event'],
  // Malformed participant messages
  ['an unknown event', () => phoneSays('hack', {}), 'unknown-event'],
  ['a prototype name as event', () => phoneSays('__proto__', {}), 'unknown-event'],
  ['following of the wrong type', () => phoneSays('live:follow', { following: 'no' }), 'bad-request'],
  [
    'follow with an extra field',
    () => phoneSays('live:follow', { following: false, participantId: otherPhoneId }),
    'bad-request',
  ],
  ['a string for a payload', () => phoneSays('live:follow', 'false'), 'bad-request'],
  ['no payload', () => phoneSays('live:follow'), 'bad-request'],
  [
    'two payloads',
    async () => body(await phone.timeout(5000).emitWithAck('live:follow', { following: false }, { following: true })),
    'bad-request',
  ],
  ['a binary payload', () => phoneSays('live:follow', new Uint8Array([1, 2, 3])), 'bad-request'],
  [
    'a refused message sent without an ack',
    async () => {
      const refused = nextEvent<{ event: string; error: string }>(phone, 'live:refused');
      phone.emit('live:goto', { stopIndex: 0 });
      const { event, error } = await refused;
      expect(event).toBe('live:goto');
      return error;
    },
    'unknown-event',
  ],
  // Malformed presenter messages
  ['a negative stop', () => presenterSays('live:goto', { stopIndex: -1 }), 'bad-request'],
  ['a fractional stop', () => presenterSays('live:goto', { stopIndex: 1.5 }), 'bad-request'],
  ['a stop past the tour', () => presenterSays('live:goto', { stopIndex: 9999 }), 'out-of-range'],
  ['a stop as text', () => presenterSays('live:goto', { stopIndex: '3' }), 'bad-request'],
  ['page 0', () => presenterSays('live:goto', { stopIndex: 1, page: 0 }), 'bad-request'],
  ['a blank screen of another colour', () => presenterSays('live:blank', { blank: 'red' }), 'bad-request'],
  ['nickname visibility as text', () => presenterSays('live:nicknames', { visible: 'false' }), 'bad-request'],
  [
    'removing another lesson’s participant',
    () => presenterSays('live:remove', { participantId: otherPhoneId }),
    'unknown-participant',
  ],
  ['removing an id that is not one', () => presenterSays('live:remove', { participantId: "1' OR '1'='1" }), 'bad-request'],
  ['a presenter sending a participant message', () => presenterSays('live:follow', { following: false }), 'unknown-event'],
  [
    'a frame above the size limit (the connection is closed)',
    async () => {
      const { socket } = await connectPhone(url, { code: lesson.code }, { reconnection: false });
      const closed = new Promise<string>((done) => socket.once('disconnect', (reason) => done(reason)));
      socket.emit('live:follow', { following: false, padding: 'x'.repeat(MAX_MESSAGE_BYTES * 4) });
      return closed;
    },
    'transport close',
  ],
  [
    'a flood of messages (rate-limited)',
    async () => {
      const { socket } = await connectPhone(url, { code: lesson.code }, { reconnection: false });
      const replies = await Promise.all(
        Array.from({ length: 300 }, () => emitWithAck(socket, 'live:follow', { following: false })),
      );
      const limited = replies.filter((reply) => reply.error === 'rate-limited').length;
      expect(limited).toBeGreaterThan(0);
      return 'rate-limited';
    },
    'rate-limited',
  ],
];

describe('hostile and malformed input', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s: refused, nothing changes, the server keeps serving', async (_name, attempt, expected) => {
    const before = readBack();
    expect(await attempt()).toBe(expected);
    expect(withoutNewcomers(readBack(), before)).toEqual(before);
    expect((await fetch(url)).status).toBe(200);
    const sync = await emitWithAck<PresenterWelcome>(presenter.socket, 'live:sync', {});
    expect(sync.snapshot).toMatchObject({ stopIndex: 2, page: 2, blank: 'black', status: 'live' });
    expect((await emitWithAck<PresenterWelcome>(otherPresenter.socket, 'live:sync', {})).snapshot.status).toBe('live');
  });

  it('left the first phone connected and able to act throughout', async () => {
    expect(phone.connected).toBe(true);
    expect(await emitWithAck(phone, 'live:ping', {})).toMatchObject({ ok: true });
  });

  it('a socket from another site’s page is turned away before its handshake', async () => {
    const socket = io(new URL(LIVE_NAMESPACE, url).href, {
      auth: participantAuth({}),
      transports: ['polling'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: 'http://evil.example' },
    });
    const error = await new Promise<Error>((done) => socket.once('connect_error', done));
    socket.disconnect();
    expect(error.message).toMatch(/xhr poll error|websocket error|Forbidden|403/i);
  });
});
