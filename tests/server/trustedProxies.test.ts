/**
 * Behind a proxy (issue 19: several station processes behind one), every request comes from the
 * proxy's address. With STATION_TRUSTED_PROXIES the station believes X-Forwarded-For from those
 * proxies only: the rate limits count each phone, not the whole proxy, and the curator's "this PC
 * only" sees the visitor's own address. Without it the header is ignored, as any other a client sends.
 */

import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_NAMESPACE, type Refusal } from '../../src/live/protocol.ts';
import { DEFAULT_LIMITS } from '../../src/server/commands/liveService.ts';
import {
  closeAllSockets,
  createLesson,
  postJson,
  rawGet,
  refusedHandshake,
  startStationInProcess,
  type TestStation,
} from './stationHarness.ts';

const limits = {
  pin: { ...DEFAULT_LIMITS.pin, maxFailures: 2 },
  joinCode: { ...DEFAULT_LIMITS.joinCode, maxFailures: 2 },
};

let proxied: TestStation;
let direct: TestStation;

beforeAll(async () => {
  proxied = await startStationInProcess({ trustedProxies: ['127.0.0.1'], limits });
  direct = await startStationInProcess({ limits });
});
afterEach(() => closeAllSockets());
afterAll(async () => {
  await proxied?.close();
  await direct?.close();
});

const wrongPin = (station: TestStation, from: string) =>
  postJson(new URL('api/live/sessions', station.url).href, { pin: '0000', tourId: 'all' }, { 'x-forwarded-for': from });

/** A handshake with an unknown code, as sent through a proxy for `from`. */
function unknownCode(station: TestStation, from: string): Promise<string> {
  const socket = io(new URL(LIVE_NAMESPACE, station.url).href, {
    auth: { role: 'participant', code: '999999' },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { 'x-forwarded-for': from },
  });
  return new Promise((done) => {
    socket.once('connect_error', (error: Error & { data?: Refusal }) => {
      socket.disconnect();
      done(error.data?.error ?? error.message);
    });
  });
}

describe('STATION_TRUSTED_PROXIES', () => {
  it('counts wrong PINs per phone behind a trusted proxy', async () => {
    expect((await wrongPin(proxied, '10.0.5.7')).json).toMatchObject({ error: 'wrong-pin' });
    expect((await wrongPin(proxied, '10.0.5.7')).json).toMatchObject({ error: 'locked' });
    // Another phone through the same proxy is not locked out by the first one's mistakes.
    expect((await wrongPin(proxied, '10.0.5.8')).json).toMatchObject({ error: 'wrong-pin' });
    // The lesson still starts for the right PIN from a third.
    const lesson = await createLesson(proxied.url);
    expect(lesson.code).toMatch(/^\d{6}$/);
  });

  it('ignores X-Forwarded-For from anyone else: one address, one count, whatever the header says', async () => {
    expect((await wrongPin(direct, '10.0.5.7')).json).toMatchObject({ error: 'wrong-pin' });
    expect((await wrongPin(direct, '10.0.5.8')).json).toMatchObject({ error: 'locked' });
    expect((await wrongPin(direct, '10.0.5.9')).json).toMatchObject({ error: 'locked' });
  });

  it('counts a socket handshake’s guesses per phone behind a trusted proxy, and not otherwise', async () => {
    expect(await unknownCode(proxied, '10.0.6.1')).toBe('unknown-code');
    expect(await unknownCode(proxied, '10.0.6.1')).toBe('unknown-code');
    expect(await unknownCode(proxied, '10.0.6.1')).toBe('rate-limited');
    expect(await unknownCode(proxied, '10.0.6.2')).toBe('unknown-code');

    expect(await unknownCode(direct, '10.0.6.1')).toBe('unknown-code');
    expect(await unknownCode(direct, '10.0.6.1')).toBe('unknown-code');
    expect(await unknownCode(direct, '10.0.6.2')).toBe('rate-limited');
    // The same refusal without any header: it is the peer that counts.
    expect(await refusedHandshake(direct.url, { role: 'participant', code: '999999' })).toBe('rate-limited');
  });

  it('refuses the curator to a visitor behind a proxy on the station PC itself', async () => {
    // The proxy runs on this PC (127.0.0.1): without the list, everyone through it would count as the PC.
    const outside = await rawGet(proxied.url, '/api/curate/me', { 'x-forwarded-for': '192.168.1.50' });
    expect(outside.status).toBe(403);
    expect(JSON.parse(outside.body)).toMatchObject({ error: 'not-allowed' });
    const stationItself = await rawGet(proxied.url, '/api/curate/me', { 'x-forwarded-for': '127.0.0.1' });
    expect(stationItself.status).not.toBe(403);
    expect((await rawGet(proxied.url, '/api/curate/me')).status).not.toBe(403);
  });
});
