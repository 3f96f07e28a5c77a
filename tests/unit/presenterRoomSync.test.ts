/**
 * 课堂互动 in the presenter window, over a real BroadcastChannel: the projector window's own live
 * client (presenterLive.ts, with socket.io-client replaced by a fake socket and the station by a
 * fake fetch) starts a lesson; the room it hears from the server reaches the presenter window;
 * the presenter's 移出, 隐藏昵称 and 集合 reach the live client's socket as the projector's own
 * buttons' would; malformed room messages are refused; and the presenter secret is in no message
 * on the channel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveRoster, LiveSnapshot, ParticipantView, PresenterWelcome } from '../../src/live/protocol.ts';
import { type PresentRoom, roomOf } from '../../src/modes/present/live/liveRoom.ts';
import { installPresenterLive, type PresenterLive } from '../../src/modes/present/live/presenterLive.ts';
import { createPresentSession, type PresentSession } from '../../src/modes/present/presentSession.ts';
import {
  channelName,
  followSession,
  parseMessage,
  publishSession,
  type SessionFollower,
} from '../../src/modes/present/presentSync.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { modeOptions } from '../support/modes.ts';
import { LESSON, makeExhibition } from './presentFixtures.ts';

/** The one socket the live client opens: records what it sends, and lets a test play the server. */
const fakeSocket = vi.hoisted(() => {
  const handlers = new Map<string, (payload: unknown) => void>();
  return {
    connected: true,
    auth: null as unknown,
    emitted: [] as [string, unknown][],
    /** The acknowledgement callbacks of what was sent, in order: a test answers them as the server. */
    acks: [] as Array<(answer: unknown) => void>,
    handlers,
    on(event: string, handler: (payload: unknown) => void) {
      handlers.set(event, handler);
      return this;
    },
    emit(event: string, payload: unknown, ack?: (answer: unknown) => void) {
      this.emitted.push([event, payload]);
      if (ack) this.acks.push(ack);
      return this;
    },
    /** The server sends `event`. */
    serverSends(event: string, payload: unknown) {
      handlers.get(event)?.(payload);
    },
    removeAllListeners() {
      handlers.clear();
      return this;
    },
    disconnect() {
      return this;
    },
  };
});
vi.mock('socket.io-client', () => ({
  io: (_url: string, options: { auth: unknown }) => {
    fakeSocket.auth = options.auth;
    return fakeSocket;
  },
}));

const SECRET = 'Pr3s3nt3rS3cr3t_Pr3s3nt3rS3cr3t-Pr3s3nt3rS3';
const SESSION_ID = '0b0c9a1e-7f56-4a4e-9a57-2f4c0e0e7a11';
const CODE = '482913';
const IDS = [
  '6f1c2d3e-1111-4a4e-9a57-2f4c0e0e7a11',
  '6f1c2d3e-2222-4a4e-9a57-2f4c0e0e7a11',
  '6f1c2d3e-3333-4a4e-9a57-2f4c0e0e7a11',
];

function liveSnapshot(overrides: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    protocol: 1,
    sessionId: SESSION_ID,
    code: CODE,
    status: 'live',
    tourId: 'lesson',
    stopIndex: 0,
    stopCount: 4,
    panelId: 'c2',
    page: 1,
    blank: 'none',
    gatherSeq: 0,
    nicknamesVisible: true,
    participantCount: 3,
    connectedCount: 2,
    followingCount: 1,
    seq: 1,
    startedAt: 1,
    expiresAt: 2,
    serverTime: 1,
    contest: null,
    ...overrides,
  };
}

function participant(id: string, nickname: string | null, following: boolean, connected: boolean): ParticipantView {
  return { participantId: id, nickname, following, connected, joinedAt: 1, lastSeen: 1 };
}

const ROSTER: LiveRoster = {
  sessionId: SESSION_ID,
  seq: 1,
  participants: [
    participant(IDS[0] as string, '小红', true, true),
    participant(IDS[1] as string, '<b>Tom</b>', false, true),
    participant(IDS[2] as string, null, true, false),
  ],
};

/** A station: the page carries its CSP, 课堂互动 has a PIN, and a lesson starts with any PIN. */
function stationWindow(): Window {
  const storage = new Map<string, string>();
  const sessionStorage = {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  };
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetch = async (url: string) => {
    if (url === './') return new Response('', { headers: { 'content-security-policy': "frame-ancestors 'none'" } });
    if (url === 'api/live/status') return json({ ok: true, protocol: 1, presenterPinSet: true });
    if (url === 'api/live/sessions')
      return json({
        ok: true,
        sessionId: SESSION_ID,
        code: CODE,
        presenterSecret: SECRET,
        joinUrl: `http://station.test/join/${CODE}`,
        snapshot: liveSnapshot({ participantCount: 0, followingCount: 0 }),
      });
    throw new Error(`unexpected fetch ${url}`);
  };
  return { fetch, sessionStorage, location: { origin: 'http://station.test' } } as unknown as Window;
}

/** Polls until `check` passes (messages cross the channel asynchronously): vitest's own `vi.waitFor`. */
const until = (check: () => void, timeout = 2000) => vi.waitFor(check, { timeout, interval: 5 });

const channels: BroadcastChannel[] = [];
const open = () => {
  const channel = new BroadcastChannel(channelName('room-1'));
  channels.push(channel);
  return channel;
};

let store: ExhibitionStore;
let session: PresentSession;
let live: PresenterLive;
let stopPublish: () => void;
let follower: SessionFollower;
let rooms: (PresentRoom | null)[];
/** Every message on the channel, from either window, as it would be serialized. */
let wire: string[];

beforeEach(async () => {
  fakeSocket.emitted = [];
  fakeSocket.acks = [];
  fakeSocket.handlers.clear();
  store = createExhibitionStore(modeOptions('present'));
  store.getState().contentLoaded(makeExhibition([LESSON]), []);
  session = createPresentSession({ exhibition: store, tourId: 'lesson', motion: 'cut' });
  live = installPresenterLive(session, stationWindow());
  await until(() => expect(live.store.getState().available).toBe(true));
  const spy = open();
  wire = [];
  spy.addEventListener('message', (event: MessageEvent) => wire.push(JSON.stringify(event.data)));
  stopPublish = publishSession(session, store, open(), live);
  rooms = [];
  follower = followSession(
    open(),
    () => undefined,
    () => undefined,
    (room) => rooms.push(room),
  );
});

afterEach(() => {
  follower.dispose();
  stopPublish();
  live.dispose();
  session.dispose();
  for (const channel of channels.splice(0)) channel.close();
});

/** Starts the lesson and plays the server's welcome with the three phones of {@link ROSTER}. */
async function startLesson() {
  await live.start('1234');
  expect(fakeSocket.auth).toEqual({ role: 'presenter', sessionId: SESSION_ID, presenterSecret: SECRET });
  const welcome: PresenterWelcome = {
    ok: true,
    role: 'presenter',
    snapshot: liveSnapshot(),
    roster: ROSTER,
    joinUrl: `http://station.test/join/${CODE}`,
  };
  fakeSocket.serverSends('live:welcome', welcome);
}

const latestRoom = () => rooms.at(-1);

describe('the room in the presenter window', () => {
  it('has none before a lesson runs, then the lesson’s room, kept up to date', async () => {
    await until(() => expect(rooms).toEqual([null]));
    await startLesson();
    await until(() =>
      expect(latestRoom()).toEqual({
        phase: 'live',
        code: CODE,
        participantCount: 3,
        followingCount: 1,
        nicknamesVisible: true,
        participants: [
          { id: IDS[0], nickname: '小红', status: 'following' },
          { id: IDS[1], nickname: '<b>Tom</b>', status: 'free' },
          { id: IDS[2], nickname: null, status: 'offline' },
        ],
        contest: null,
      }),
    );
    fakeSocket.serverSends('live:snapshot', liveSnapshot({ seq: 2, nicknamesVisible: false, participantCount: 2 }));
    fakeSocket.serverSends('live:roster', { ...ROSTER, seq: 2, participants: ROSTER.participants.slice(0, 2) });
    await until(() => {
      expect(latestRoom()?.nicknamesVisible).toBe(false);
      expect(latestRoom()?.participantCount).toBe(2);
      expect(latestRoom()?.participants.map((one) => one.id)).toEqual(IDS.slice(0, 2));
    });
    // The server lost: the list stays, marked as possibly out of date.
    fakeSocket.serverSends('disconnect', 'transport close');
    await until(() => expect(latestRoom()?.phase).toBe('reconnecting'));
    fakeSocket.serverSends('live:ended', { sessionId: SESSION_ID, reason: 'ended' });
    await until(() => expect(latestRoom()).toBeNull());
  });

  it('a presenter window opened mid-lesson gets the room on hello', async () => {
    await startLesson();
    await until(() => expect(latestRoom()?.participants).toHaveLength(3));
    const late: (PresentRoom | null)[] = [];
    const other = followSession(
      open(),
      () => undefined,
      () => undefined,
      (room) => late.push(room),
    );
    await until(() => expect(late.at(-1)?.code).toBe(CODE));
    other.dispose();
  });

  it('sends the room again only when it changes (not when the projector hides its join card)', async () => {
    await startLesson();
    await until(() => expect(latestRoom()?.participants).toHaveLength(3));
    const sent = rooms.length;
    live.toggle(); // hides the join card on the projector
    live.toggle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rooms).toHaveLength(sent);
  });

  it('移出, 隐藏昵称 and 集合 from the presenter window reach the live client, with the right id', async () => {
    await startLesson();
    await until(() => expect(latestRoom()?.participants).toHaveLength(3));
    const removeSpy = vi.spyOn(live, 'remove');
    follower.room({ kind: 'remove', participantId: IDS[1] as string });
    await until(() => expect(removeSpy).toHaveBeenCalledWith(IDS[1]));
    expect(fakeSocket.emitted).toContainEqual(['live:remove', { participantId: IDS[1] }]);
    follower.room({ kind: 'nicknames', visible: false });
    await until(() => expect(fakeSocket.emitted).toContainEqual(['live:nicknames', { visible: false }]));
    follower.room({ kind: 'gather' });
    await until(() => expect(fakeSocket.emitted).toContainEqual(['live:gather', {}]));
    expect(removeSpy).toHaveBeenCalledTimes(1);
  });

  it('a malformed room command on the channel removes no one', async () => {
    await startLesson();
    await until(() => expect(latestRoom()?.participants).toHaveLength(3));
    const forger = open();
    forger.postMessage({ type: 'room-command', command: { kind: 'remove', participantId: 'everyone' } });
    forger.postMessage({ type: 'room-command', command: { kind: 'remove' } });
    forger.postMessage({ type: 'room-command', command: { kind: 'end' } });
    forger.postMessage({ type: 'room-command', command: { kind: 'gather', presenterSecret: SECRET } });
    follower.room({ kind: 'nicknames', visible: true }); // a well-formed one after them, to wait for
    await until(() => expect(fakeSocket.emitted).toContainEqual(['live:nicknames', { visible: true }]));
    expect(fakeSocket.emitted.filter(([event]) => event === 'live:remove' || event === 'live:gather')).toEqual([]);
  });

  it('never puts the presenter secret on the channel', async () => {
    await startLesson();
    follower.room({ kind: 'remove', participantId: IDS[0] as string });
    fakeSocket.serverSends('live:roster', { ...ROSTER, seq: 3, participants: ROSTER.participants.slice(1) });
    await until(() => expect(latestRoom()?.participants).toHaveLength(2));
    session.run('next');
    fakeSocket.serverSends('live:ended', { sessionId: SESSION_ID, reason: 'ended' });
    await until(() => expect(latestRoom()).toBeNull());
    // The projector window did hold it (and the room came from that very state)…
    expect(wire.some((message) => message.includes('"type":"room"') && message.includes(CODE))).toBe(true);
    expect(wire.some((message) => message.includes('"type":"state"'))).toBe(true);
    expect(wire.some((message) => message.includes('"type":"room-command"'))).toBe(true);
    // …but no message, of either window, carries it.
    for (const message of wire) {
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain('presenterSecret');
    }
  });
});

describe('roomOf', () => {
  it('is null unless a lesson runs, and copies no field it does not name', () => {
    const idle = live.store.getState();
    expect(roomOf(idle)).toBeNull();
    const lesson = { sessionId: SESSION_ID, presenterSecret: SECRET, code: CODE, joinUrl: 'http://station.test/join/482913' };
    expect(roomOf({ ...idle, phase: 'asking-pin', lesson })).toBeNull();
    const room = roomOf({ ...idle, phase: 'live', lesson, snapshot: liveSnapshot(), roster: ROSTER });
    expect(Object.keys(room ?? {}).sort()).toEqual(
      ['code', 'contest', 'followingCount', 'nicknamesVisible', 'participantCount', 'participants', 'phase'].sort(),
    );
    expect(JSON.stringify(room)).not.toContain(SECRET);
  });
});

describe('parseMessage: the room', () => {
  const room: PresentRoom = {
    phase: 'live',
    code: CODE,
    participantCount: 1,
    followingCount: 1,
    nicknamesVisible: true,
    participants: [{ id: IDS[0] as string, nickname: '<b>x</b>', status: 'following' }],
    contest: null,
  };

  it('accepts a well-formed room, no room, and the room commands', () => {
    expect(parseMessage({ type: 'room', room })).toEqual({ type: 'room', room });
    expect(parseMessage({ type: 'room', room: null })).toEqual({ type: 'room', room: null });
    for (const command of [
      { kind: 'remove', participantId: IDS[0] },
      { kind: 'nicknames', visible: false },
      { kind: 'gather' },
    ]) {
      expect(parseMessage({ type: 'room-command', command })).toEqual({ type: 'room-command', command });
    }
  });

  it('refuses a malformed one whole', () => {
    const withParticipant = (changes: Record<string, unknown>) => ({
      ...room,
      participants: [{ ...room.participants[0], ...changes }],
    });
    for (const junk of [
      { type: 'room' },
      { type: 'room', room: 'live' },
      { type: 'room', room: { ...room, code: '12345' } },
      { type: 'room', room: { ...room, phase: 'idle' } },
      { type: 'room', room: { ...room, participantCount: -1 } },
      { type: 'room', room: { ...room, participantCount: 1.5 } },
      { type: 'room', room: { ...room, nicknamesVisible: 'yes' } },
      { type: 'room', room: { ...room, participants: {} } },
      { type: 'room', room: { ...room, presenterSecret: SECRET } },
      { type: 'room', room: withParticipant({ id: 'p1' }) },
      { type: 'room', room: withParticipant({ nickname: 7 }) },
      { type: 'room', room: withParticipant({ nickname: 'x'.repeat(201) }) },
      { type: 'room', room: withParticipant({ status: 'asleep' }) },
      { type: 'room', room: withParticipant({ token: 'abc' }) },
      { type: 'room-command' },
      { type: 'room-command', command: { kind: 'remove', participantId: 'p1' } },
      { type: 'room-command', command: { kind: 'nicknames', visible: 'no' } },
      { type: 'room-command', command: { kind: 'end' } },
      { type: 'room-command', command: { kind: 'gather', extra: 1 } },
    ]) {
      expect(parseMessage(junk), JSON.stringify(junk)).toBeNull();
    }
  });
});

describe('the projector’s lesson on the server, when keys come faster than answers', () => {
  it('B twice before the first answer: the server is put back to no blank screen, not left black', async () => {
    await startLesson();
    fakeSocket.emitted = [];
    fakeSocket.acks = [];
    session.run('black');
    expect(fakeSocket.emitted).toEqual([['live:blank', { blank: 'black' }]]);
    // B again before the server has answered: the projector's snapshot still says no blank screen.
    session.run('black');
    expect(session.store.getState().blank).toBe('none');
    // The first answer arrives, saying black: the projector, no longer black, says so.
    fakeSocket.acks[0]?.({ ok: true, snapshot: liveSnapshot({ blank: 'black', seq: 2 }) });
    expect(fakeSocket.emitted.at(-1)).toEqual(['live:blank', { blank: 'none' }]);
    // Once the server agrees, nothing more is sent.
    const sent = fakeSocket.emitted.length;
    fakeSocket.acks.at(-1)?.({ ok: true, snapshot: liveSnapshot({ blank: 'none', seq: 3 }) });
    expect(fakeSocket.emitted).toHaveLength(sent);
  });
});

describe('知识竞赛: the clicker is the contest’s while it shows', () => {
  const contest = (phase: 'question' | 'revealed' | 'leaderboard' | 'podium', questionIndex = 0): LiveSnapshot['contest'] => ({
    contestId: 'c-1',
    quizId: 'quiz-1',
    phase,
    questionId: `q${questionIndex + 1}`,
    questionIndex,
    questionCount: 2,
    questionStartedAt: 1_000,
    deadline: 21_000,
    answeredCount: 1,
    eligibleCount: 3,
    answer: phase === 'question' ? null : ['a'],
    counts: phase === 'question' ? null : { a: 1, b: 0 },
    correctCount: phase === 'question' ? null : 1,
    leaderboard: null,
  });
  const contestEvents = () => fakeSocket.emitted.filter(([event]) => event.startsWith('live:contest')).map(([event]) => event);
  let seq = 10;
  const showContest = (value: LiveSnapshot['contest'], serverTime = 5_000) =>
    fakeSocket.serverSends('live:snapshot', liveSnapshot({ seq: ++seq, contest: value, serverTime }));

  it('C starts it; next then steps it (reveal, leaderboard, next question) and the stop stays; at the podium next closes it', async () => {
    await startLesson();
    await until(() => expect(session.store.getState().ready).toBe(true));
    session.run('contest');
    expect(contestEvents()).toEqual(['live:contest-start']);
    showContest(contest('question'));
    const stop = session.store.getState().index;
    for (const command of ['next', 'next', 'next'] as const) session.run(command);
    expect(contestEvents()).toEqual(['live:contest-start', 'live:contest-next', 'live:contest-next', 'live:contest-next']);
    // Nothing under the contest moves: not the stop, not the room quiz.
    for (const command of ['previous', 'first', 'last', 'quiz', 'pause'] as const) session.run(command);
    expect(session.store.getState()).toMatchObject({ index: stop, quiz: null, paused: false });
    expect(fakeSocket.emitted.filter(([event]) => event === 'live:goto')).toEqual([]);
    // C in the middle of it does not end it (the room would lose the question); at the podium it does, as next does.
    session.run('contest');
    expect(contestEvents()).toHaveLength(4);
    showContest(contest('podium', 1));
    session.run('next');
    session.run('contest');
    expect(contestEvents().slice(4)).toEqual(['live:contest-close', 'live:contest-close']);
    // Gone from the screens: next is the lesson's again.
    showContest(null);
    session.run('next');
    expect(contestEvents()).toHaveLength(6);
    await until(() => expect(session.store.getState().index).toBe(stop + 1));
  });

  it('a blank screen stays the lesson’s: B blanks over the contest, and next first brings the picture back', async () => {
    await startLesson();
    await until(() => expect(session.store.getState().ready).toBe(true));
    showContest(contest('question'));
    session.run('black');
    expect(session.store.getState().blank).toBe('black');
    session.run('next');
    expect(session.store.getState().blank).toBe('none');
    expect(contestEvents()).toEqual([]);
    session.run('next');
    expect(contestEvents()).toEqual(['live:contest-next']);
  });

  it('the presenter window’s commands go the same way, and its room says where the contest is', async () => {
    await startLesson();
    await until(() => expect(session.store.getState().ready).toBe(true));
    follower.send('contest');
    await until(() => expect(contestEvents()).toEqual(['live:contest-start']));
    showContest(contest('revealed'));
    await until(() =>
      expect(latestRoom()?.contest).toEqual({
        phase: 'revealed',
        questionIndex: 0,
        questionCount: 2,
        answeredCount: 1,
        eligibleCount: 3,
      }),
    );
    follower.send('next');
    await until(() => expect(contestEvents()).toEqual(['live:contest-start', 'live:contest-next']));
    // The answer and counts stay on the projector's side: the presenter window's room has only where it is.
    expect(wire.filter((message) => message.includes('"type":"room"')).join('')).not.toContain('"counts"');
  });

  it('keeps the server clock’s difference, and shows a refusal in words until the next command', async () => {
    await startLesson();
    showContest(contest('question'), Date.now() + 90_000);
    expect(live.store.getState().clockOffset).toBeGreaterThan(89_000);
    expect(live.store.getState().clockOffset).toBeLessThan(91_000);
    showContest(null);
    session.run('contest');
    fakeSocket.acks.at(-1)?.({ ok: false, error: 'no-quiz' });
    expect(live.store.getState().contestError).toBe('no-quiz');
    session.run('contest');
    expect(live.store.getState().contestError).toBeNull();
  });

  it('without a live lesson, C does nothing and next moves the stop', async () => {
    await until(() => expect(session.store.getState().ready).toBe(true));
    session.run('contest');
    session.run('next');
    expect(fakeSocket.emitted).toEqual([]);
    await until(() => expect(session.store.getState().index).toBe(1));
  });
});
