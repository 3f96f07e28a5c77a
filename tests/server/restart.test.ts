/**
 * The server restarting mid-lesson: the real entry point as a child process, killed outright
 * (a crash, a power button) and started again on the same port and DATA_DIR. The lesson resumes
 * from SQLite and the phones and the projector reconnect by themselves (socket.io-client's own
 * reconnection) and resync from the welcome. The time from restart to every phone resynced is
 * measured and printed, not asserted: it depends on the reconnect backoff and the machine.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, LiveSnapshot, ParticipantWelcome, PresenterWelcome } from '../../src/live/protocol.ts';
import {
  type ChildStation,
  type Connected,
  closeAllSockets,
  connectPhone,
  connectPresenter,
  createLesson,
  emitWithAck,
  expectedStops,
  makeFixtureBuild,
  nextEvent,
  spawnStation,
  tempDir,
} from './stationHarness.ts';

const PHONES = 6;

let dataDir: string;
let serveDist: string;
let server: ChildStation;
let lesson: CreatedSession;
let presenter: Connected<PresenterWelcome>;
const phones: Connected<ParticipantWelcome>[] = [];
let stops: string[];

beforeAll(async () => {
  dataDir = await tempDir('restart');
  serveDist = (await makeFixtureBuild(join(dataDir, 'dist'))).dir;
  stops = await expectedStops('all');
  server = await spawnStation({ dataDir, serveDist });
  lesson = await createLesson(server.url, 'all');
  presenter = await connectPresenter(server.url, lesson);
  for (let index = 0; index < PHONES; index++) {
    const phone = await connectPhone(server.url, { code: lesson.code, nickname: `学员${index + 1}` });
    // What the follower page does: keep the token in socket.auth, so every reconnect resumes this participant.
    phone.socket.auth = { role: 'participant', code: lesson.code, participantToken: phone.welcome.participantToken };
    phones.push(phone);
  }
});

afterAll(async () => {
  closeAllSockets();
  await server?.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** Restarts the server with `signal` and measures until the presenter and every phone have their welcome again. */
async function restart(
  signal: NodeJS.Signals,
): Promise<{ presenter: PresenterWelcome; phones: ParticipantWelcome[]; downMs: number; resyncMs: number }> {
  const welcomes = phones.map((phone) => nextEvent<ParticipantWelcome>(phone.socket, 'live:welcome', () => true, 30_000));
  const presenterWelcome = nextEvent<PresenterWelcome>(presenter.socket, 'live:welcome', () => true, 30_000);
  const killedAt = performance.now();
  const { port } = server;
  await server.kill(signal);
  server = await spawnStation({ dataDir, serveDist, port });
  const readyAt = performance.now();
  const phoneWelcomes = await Promise.all(welcomes);
  const presenterAgain = await presenterWelcome;
  const resyncedAt = performance.now();
  return { presenter: presenterAgain, phones: phoneWelcomes, downMs: readyAt - killedAt, resyncMs: resyncedAt - readyAt };
}

describe('a restart mid-lesson', () => {
  it('resumes the lesson from SQLite, and everyone reconnects and resyncs by themselves', async () => {
    await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 3, page: 2 });
    await emitWithAck(presenter.socket, 'live:blank', { blank: 'black' });
    await emitWithAck(presenter.socket, 'live:nicknames', { visible: false });
    const free = phones[1] as Connected<ParticipantWelcome>;
    await emitWithAck(free.socket, 'live:follow', { following: false });

    const { presenter: presenterAgain, phones: welcomes, downMs, resyncMs } = await restart('SIGKILL');
    console.info(
      `[restart] killed (SIGKILL): server back in ${downMs.toFixed(0)} ms; then the projector and all ${PHONES} phones resynced within ${resyncMs.toFixed(0)} ms (${(downMs + resyncMs).toFixed(0)} ms from the kill)`,
    );

    const expected: Partial<LiveSnapshot> = {
      sessionId: lesson.sessionId,
      code: lesson.code,
      tourId: 'all',
      stopIndex: 3,
      panelId: stops[3],
      page: 2,
      blank: 'black',
      nicknamesVisible: false,
      participantCount: PHONES,
      status: 'live',
    };
    expect(presenterAgain.snapshot).toMatchObject(expected);
    expect(presenterAgain.roster.participants.map((participant) => participant.nickname)).toEqual(
      Array.from({ length: PHONES }, (_, index) => `学员${index + 1}`),
    );
    welcomes.forEach((welcome, index) => {
      expect(welcome.snapshot).toMatchObject(expected);
      // The same participant, not a new one: no new token was handed out.
      expect(welcome.you.participantId).toBe(phones[index]?.welcome.you.participantId);
      expect(welcome.participantToken).toBeUndefined();
      expect(welcome.you.following).toBe(index !== 1);
    });

    // And the lesson goes on: the next step reaches every phone.
    const arriving = phones.map((phone) =>
      nextEvent<LiveSnapshot>(phone.socket, 'live:snapshot', (snapshot) => snapshot.stopIndex === 4),
    );
    expect(await emitWithAck(presenter.socket, 'live:goto', { stopIndex: 4 })).toMatchObject({ ok: true });
    for (const snapshot of await Promise.all(arriving))
      expect(snapshot).toMatchObject({ stopIndex: 4, blank: 'black', connectedCount: PHONES });
  });

  it('does the same after a clean stop (systemctl restart)', async () => {
    const { phones: welcomes, downMs, resyncMs } = await restart('SIGTERM');
    console.info(
      `[restart] stopped (SIGTERM): server back in ${downMs.toFixed(0)} ms; then the projector and all ${PHONES} phones resynced within ${resyncMs.toFixed(0)} ms`,
    );
    expect(server.output()).toContain('resumed 1 live lesson(s)');
    for (const welcome of welcomes) expect(welcome.snapshot).toMatchObject({ stopIndex: 4, participantCount: PHONES });
  });
});
