/**
 * The phone's socket client against a stand-in socket: which auth it joins with, that the token
 * is kept and rides on every reconnect, and which refusals forget it. (The real server and
 * socket.io-client are in tests/e2e/liveLesson.test.ts and tests/server/.)
 */
import { describe, expect, it } from 'vitest';
import type { LiveSnapshot, ParticipantWelcome } from '../../src/live/protocol.ts';
import { type FakeSocket, fakeFollowClient } from '../support/fakeLiveSocket.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const TOKEN = 'a'.repeat(43);

function welcome(participantToken?: string): ParticipantWelcome {
  const snapshot = {
    sessionId: 'lesson',
    seq: 1,
    gatherSeq: 0,
    blank: 'none',
    status: 'live',
    panelId: 'p1',
    stopIndex: 0,
    stopCount: 3,
  };
  return {
    ok: true,
    role: 'participant',
    snapshot: snapshot as LiveSnapshot,
    you: { participantId: 'me', nickname: 'Ann', following: true, contest: null },
    ...(participantToken ? { participantToken } : {}),
  };
}

const setup = fakeFollowClient;

describe('the follower’s socket client', () => {
  it('joins the /live namespace as a participant with the code and nickname, and keeps the token for reconnects', () => {
    const { client, sockets, storage } = setup();
    expect(client.hasToken()).toBe(false);
    client.join('  Ann ');
    expect(sockets).toHaveLength(1);
    const socket = sockets[0] as FakeSocket;
    expect(socket.url).toBe('http://station.test:8080/live');
    expect(socket.auth).toEqual({ role: 'participant', code: '123456', nickname: 'Ann' });
    expect(client.store.getState().phase).toBe('connecting');
    socket.receive('live:welcome', welcome(TOKEN));
    expect(client.store.getState().phase).toBe('live');
    // socket.io-client sends `auth` again on each reconnect: the same participant resumes.
    expect(socket.auth.participantToken).toBe(TOKEN);
    expect(storage.getItem('dangshi-follow:token:123456')).toBe(TOKEN);
    expect(client.hasToken()).toBe(true);
    expect(client.savedNickname()).toBe('Ann');
  });

  it('resumes with the saved token after a reload, and shows a drop as reconnecting', () => {
    const storage: Storage = new MemoryStorage();
    storage.setItem('dangshi-follow:token:123456', TOKEN);
    const { client, sockets } = setup('123456', storage);
    expect(client.hasToken()).toBe(true);
    client.join('');
    const socket = sockets[0] as FakeSocket;
    expect(socket.auth).toEqual({ role: 'participant', code: '123456', participantToken: TOKEN });
    socket.receive('live:welcome', welcome());
    socket.receive('disconnect', 'transport close');
    expect(client.store.getState().phase).toBe('reconnecting');
    // The server is still away: a connect_error without a refusal keeps socket.io-client trying.
    socket.receive('connect_error', new Error('xhr poll error'));
    expect(client.store.getState().phase).toBe('reconnecting');
    expect(socket.disconnected).toBe(false);
    socket.receive('live:welcome', welcome());
    expect(client.store.getState().phase).toBe('live');
  });

  it('forgets the token and says so when the handshake is refused for good', () => {
    const storage: Storage = new MemoryStorage();
    storage.setItem('dangshi-follow:token:123456', TOKEN);
    const { client, sockets } = setup('123456', storage);
    client.join('');
    const socket = sockets[0] as FakeSocket;
    socket.receive('connect_error', Object.assign(new Error('removed'), { data: { ok: false, error: 'removed' } }));
    expect(client.store.getState()).toMatchObject({ phase: 'removed', error: 'removed' });
    expect(storage.getItem('dangshi-follow:token:123456')).toBeNull();
    expect(socket.disconnected).toBe(true);
  });

  it('forgets the token when the lesson ends or the presenter removes the phone', () => {
    const { client, sockets, storage } = setup();
    client.join('');
    const socket = sockets[0] as FakeSocket;
    socket.receive('live:welcome', welcome(TOKEN));
    socket.receive('live:ended', { sessionId: 'lesson', reason: 'ended' });
    expect(client.store.getState().phase).toBe('ended');
    expect(storage.getItem('dangshi-follow:token:123456')).toBeNull();
  });

  it('sends 自由参观 and 回到讲解 as live:follow and takes the server’s answer', () => {
    const { client, sockets } = setup();
    client.join('');
    const socket = sockets[0] as FakeSocket;
    socket.receive('live:welcome', welcome(TOKEN));
    client.setFollowing(false);
    expect(socket.emitted).toEqual([{ event: 'live:follow', payload: { following: false } }]);
    expect(client.store.getState().you?.following).toBe(false);
  });

  it('asks for the code when there is none, and joins nothing until one is entered', () => {
    const { client, sockets } = setup(null);
    client.join('Ann');
    expect(sockets).toHaveLength(0);
    client.enterCode('654321');
    expect(client.store.getState()).toMatchObject({ phase: 'ready', code: '654321' });
    client.join('');
    expect(sockets[0]?.auth).toEqual({ role: 'participant', code: '654321' });
  });
});
