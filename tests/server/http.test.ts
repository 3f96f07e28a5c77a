/**
 * The station's HTTP side against the real server: caching and security headers, the join
 * redirects, the QR images and starting a lesson with the PIN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, CONTENT_SECURITY_POLICY } from '../../src/build/csp.ts';
import type { CreatedSession, LiveStatus } from '../../src/live/protocol.ts';
import { qrSvg } from '../../src/server/transport/qr.ts';
import { createLesson, expectedStops, PIN, postJson, rawGet, startStationInProcess, type TestStation } from './stationHarness.ts';

const PUBLIC_URL = 'http://192.0.2.10:8080/';

let station: TestStation;
let url: string;

beforeAll(async () => {
  station = await startStationInProcess({ publicUrl: PUBLIC_URL });
  url = station.url;
});
afterAll(() => station.close());

describe('static files', () => {
  it('revalidate the page, the service worker and the content, with an ETag', async () => {
    for (const path of ['', 'index.html', 'sw.js', 'content/exhibition.json']) {
      const response = await fetch(new URL(path, url));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      const etag = response.headers.get('etag');
      expect(etag, path).toBeTruthy();
      const again = await rawGet(url, `/${path}`, { 'if-none-match': etag as string });
      expect(again.status, path).toBe(304);
    }
  });

  it('keep hashed files for a year, immutable', async () => {
    for (const path of ['assets/index-a1b2c3d4.js', 'workbox-a1b2c3d4.js']) {
      const response = await fetch(new URL(path, url));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
  });

  it('carry the static build’s CSP as a header, plus the socket and frame-ancestors', async () => {
    const response = await fetch(url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(buildContentSecurityPolicy({ 'connect-src': ['ws:', 'wss:'], 'frame-ancestors': ["'none'"] }));
    // Every directive of the meta tag is there, word for word, except connect-src which only gains the socket.
    for (const directive of CONTENT_SECURITY_POLICY.split('; ')) {
      if (directive.startsWith('connect-src')) expect(csp).toContain(`${directive} ws: wss:`);
      else expect(csp).toContain(directive);
    }
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends the same headers with API answers and errors', async () => {
    for (const path of ['api/live/status', 'no-such-file.js', 'api/nothing']) {
      const response = await fetch(new URL(path, url));
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('answer no page for a path that is not a file (routes live in the hash)', async () => {
    expect((await fetch(new URL('panel/cpc-founding-1921', url))).status).toBe(404);
    expect((await fetch(new URL('assets/', url))).status).toBe(404);
  });
});

describe('status', () => {
  it('tells the front end it is on the station server', async () => {
    const status = (await (await fetch(new URL('api/live/status', url))).json()) as LiveStatus;
    expect(status).toMatchObject({
      ok: true,
      protocol: 1,
      publicUrl: PUBLIC_URL,
      presenterPinSet: true,
      build: { stamp: 'serve-dist' },
    });
  });
});

describe('starting a lesson', () => {
  it('takes the PIN and a tour, and gives a code, the join link and the presenter secret', async () => {
    const lesson = await createLesson(url, 'all');
    expect(lesson.code).toMatch(/^\d{6}$/);
    expect(lesson.joinUrl).toBe(`${PUBLIC_URL}join/${lesson.code}`);
    expect(lesson.presenterSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stops = await expectedStops('all');
    expect(lesson.snapshot).toMatchObject({
      tourId: 'all',
      stopIndex: 0,
      stopCount: stops.length,
      panelId: stops[0],
      status: 'live',
    });
  });

  it('runs an authored lesson with exactly the projector’s stops', async () => {
    const stops = await expectedStops('new-recruits');
    const lesson = await createLesson(url, 'new-recruits');
    expect(lesson.snapshot).toMatchObject({ stopCount: stops.length, panelId: stops[0] });
  });

  it('gives every lesson its own code', async () => {
    const codes = new Set<string>();
    for (let index = 0; index < 8; index++) codes.add((await createLesson(url)).code);
    expect(codes.size).toBe(8);
  });

  it('refuses a tour the served build does not have', async () => {
    const { status, json } = await postJson(new URL('api/live/sessions', url).href, { pin: PIN, tourId: 'no-such-tour' });
    expect(status).toBe(404);
    expect(json).toEqual({ ok: false, error: 'unknown-tour' });
  });

  it('locks an address out after repeated wrong PINs, even for the right one', async () => {
    const locked = await startStationInProcess({ limits: { pin: { maxFailures: 3, windowMs: 60_000, lockoutMs: 60_000 } } });
    try {
      const endpoint = new URL('api/live/sessions', locked.url).href;
      const answers = [];
      for (const pin of ['1111', '2222', '3333', PIN]) answers.push(await postJson(endpoint, { pin, tourId: 'all' }));
      expect(answers.map((answer) => [answer.status, (answer.json as { error: string }).error])).toEqual([
        [401, 'wrong-pin'],
        [401, 'wrong-pin'],
        [429, 'locked'],
        [429, 'locked'],
      ]);
    } finally {
      await locked.close();
    }
  });

  it('cannot start at all on a station without a PIN', async () => {
    const noPin = await startStationInProcess({ presenterPin: null });
    try {
      const { status, json } = await postJson(new URL('api/live/sessions', noPin.url).href, { pin: '', tourId: 'all' });
      expect(status).toBe(400);
      expect(json).toEqual({ ok: false, error: 'bad-request' });
      const attempt = await postJson(new URL('api/live/sessions', noPin.url).href, { pin: '0000', tourId: 'all' });
      expect(attempt).toEqual({ status: 503, json: { ok: false, error: 'pin-not-configured' } });
    } finally {
      await noPin.close();
    }
  });
});

describe('join links', () => {
  let lesson: CreatedSession;
  beforeAll(async () => {
    lesson = await createLesson(url);
  });

  it('redirect a live code to the follower page at the site root, never serving a page under /join/', async () => {
    const response = await rawGet(url, `/join/${lesson.code}`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`../?mode=follow&code=${lesson.code}`);
    expect(new URL(response.headers.location as string, new URL(`join/${lesson.code}`, url)).href).toBe(
      new URL(`?mode=follow&code=${lesson.code}`, url).href,
    );
    expect(response.body).not.toContain('<script');
  });

  it('ask for the code at /join', async () => {
    for (const path of ['/join', '/join/']) {
      const response = await rawGet(url, path);
      expect(response.status, path).toBe(302);
      expect(new URL(response.headers.location as string, new URL(path, url)).href, path).toBe(new URL('?mode=follow', url).href);
    }
  });

  it('send an unknown or malformed code to the same page with an error, never echoing it', async () => {
    const unknown = await rawGet(url, lesson.code === '000000' ? '/join/000001' : '/join/000000');
    expect(unknown.headers.location).toBe('../?mode=follow&error=unknown-code');
    const malformed = await rawGet(url, '/join/%3Cscript%3E');
    expect(malformed.headers.location).toBe('../?mode=follow&error=bad-code');
  });

  it('follow the redirect to the real page', async () => {
    const response = await fetch(new URL(`join/${lesson.code}`, url));
    expect(response.status).toBe(200);
    expect(response.url).toBe(new URL(`?mode=follow&code=${lesson.code}`, url).href);
    expect(await response.text()).toContain('<!doctype html>');
  });
});

describe('QR codes', () => {
  it('of a lesson’s join link, made on the server', async () => {
    const lesson = await createLesson(url);
    const response = await fetch(new URL(`api/live/sessions/${lesson.sessionId}/qr.svg`, url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await response.text();
    expect(svg).toBe(qrSvg(lesson.joinUrl));
    expect(svg).not.toContain(lesson.presenterSecret);
  });

  it('of a page of the station’s own site', async () => {
    const path = '/?#/panel/cpc-founding-1921';
    const response = await fetch(new URL(`api/live/qr.svg?path=${encodeURIComponent(path)}`, url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(qrSvg(`${PUBLIC_URL.slice(0, -1)}${path}`));
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/ok\nx'])(
    'never of someone else’s address (%j)',
    async (path) => {
      const response = await fetch(new URL(`api/live/qr.svg?path=${encodeURIComponent(path)}`, url));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: 'bad-path' });
    },
  );

  it('not of an unknown lesson', async () => {
    const response = await fetch(new URL('api/live/sessions/00000000-0000-4000-8000-000000000000/qr.svg', url));
    expect(response.status).toBe(404);
  });
});
