/**
 * The curator's draft over HTTP, against the real server and SQLite: an editor fills 德清县党史
 * with a paragraph and a photo; a second editor's save on the old version is a conflict that
 * shows both and overwrites nothing; HTML typed into a field comes back as typed; the audit log
 * says who changed which panel and field; writes without a session, from another site's page or
 * without an Origin, and bodies of the wrong shape are refused; photos past the limit are refused,
 * whether they say their size or not.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSnapshot, UpdateAnswer } from '../../src/live/curateDraftProtocol.ts';
import type { AuditPage } from '../../src/live/curateProtocol.ts';
import { startStationInProcess, type TestStation } from './stationHarness.ts';

const ADMIN_PASSWORD = 'station admin pw';
const PANEL = 'deqing-party-history';

let station: TestStation;
let origin: string;
let admin: string;
let editor: string;
let secondEditor: string;

async function call(
  method: string,
  path: string,
  {
    cookie,
    body,
    headers = {},
    withOrigin = true,
  }: { cookie?: string; body?: unknown; headers?: Record<string, string>; withOrigin?: boolean } = {},
) {
  const response = await fetch(new URL(path, station.url), {
    method,
    headers: {
      ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...(withOrigin && method !== 'GET' ? { origin } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: (body instanceof Uint8Array ? body : JSON.stringify(body)) as BodyInit }),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function login(username: string, password: string): Promise<string> {
  const response = await fetch(new URL('api/curate/login', station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 200 || !cookie) throw new Error(`login ${username}: ${response.status}`);
  return cookie.split(';')[0] as string;
}

async function draft(cookie: string): Promise<DraftSnapshot> {
  const answer = await call('GET', 'api/curate/draft', { cookie });
  expect(answer.status).toBe(200);
  return answer.json as unknown as DraftSnapshot;
}

function panelOf(snapshot: DraftSnapshot, id: string): Record<string, unknown> {
  const file = snapshot.files['content/deqing.json'] as { panels: Array<Record<string, unknown>> };
  const panel = file.panels.find((candidate) => candidate.id === id);
  if (!panel) throw new Error(`no panel ${id}`);
  return panel;
}

beforeAll(async () => {
  station = await startStationInProcess({ adminPassword: ADMIN_PASSWORD });
  origin = new URL(station.url).origin;
  admin = await login('admin', ADMIN_PASSWORD);
  for (const username of ['editor1', 'editor2']) {
    const created = await call('POST', 'api/curate/accounts', {
      cookie: admin,
      body: { username, role: 'editor', password: `${username} password` },
    });
    expect(created.status).toBe(201);
  }
  editor = await login('editor1', 'editor1 password');
  secondEditor = await login('editor2', 'editor2 password');
});
afterAll(() => station.close());

describe('the draft over HTTP', () => {
  it('an editor fills 德清县党史 with a paragraph; HTML stays as typed; the audit log names the panel and field', async () => {
    const before = await draft(editor);
    expect(before.exists).toBe(false);
    const panel = panelOf(before, PANEL);
    const paragraph = { zh: '德清县的党史……<script>alert(1)</script>', en: 'Deqing <b>County</b>' };
    const saved = await call('PUT', `api/curate/draft/panels/${PANEL}`, {
      cookie: editor,
      body: { baseVersion: before.versions.panels[PANEL]?.version, panel: { ...panel, body: [paragraph] } },
    });
    expect(saved.status).toBe(200);
    const answer = saved.json as unknown as UpdateAnswer;
    expect(answer.ok).toBe(true);
    const after = await draft(editor);
    expect(after.exists).toBe(true);
    expect(panelOf(after, PANEL).body).toEqual([paragraph]);
    // On disk in the build's own layout, as typed.
    const onDisk = JSON.parse(await readFile(join(station.dataDir, 'draft/content/deqing.json'), 'utf8'));
    expect(JSON.stringify(onDisk)).toContain('<script>alert(1)</script>');
    // The published store is untouched.
    const store = JSON.parse(await readFile(join(station.dataDir, 'content/content/deqing.json'), 'utf8'));
    expect(JSON.stringify(store)).not.toContain('<script>');
    const audit = await call('GET', `api/curate/audit?panelId=${PANEL}`, { cookie: admin });
    const entries = (audit.json as unknown as AuditPage).entries;
    expect(entries.some((entry) => entry.action === 'update-panel' && entry.field === 'body' && entry.panelId === PANEL)).toBe(
      true,
    );
  });

  it('a second editor saving on the old version gets a conflict with both versions, and nothing is overwritten', async () => {
    const snapshot = await draft(secondEditor);
    const panel = panelOf(snapshot, PANEL);
    const version = snapshot.versions.panels[PANEL]?.version as string;
    // The first editor saves again…
    const first = await call('PUT', `api/curate/draft/panels/${PANEL}`, {
      cookie: editor,
      body: { baseVersion: version, panel: { ...panel, summary: { zh: '第一位的摘要' } } },
    });
    expect(first.status).toBe(200);
    // …and the second, still on the version before it.
    const second = await call('PUT', `api/curate/draft/panels/${PANEL}`, {
      cookie: secondEditor,
      body: { baseVersion: version, panel: { ...panel, summary: { zh: '第二位的摘要' } } },
    });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({
      ok: false,
      error: 'conflict',
      current: { value: { summary: { zh: '第一位的摘要' } } },
      sent: { summary: { zh: '第二位的摘要' } },
    });
    expect(panelOf(await draft(editor), PANEL).summary).toEqual({ zh: '第一位的摘要' });
  });

  it('takes a photo into the draft, upright and named by the server', async () => {
    const jpeg = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#a33' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const uploaded = await call('POST', 'api/curate/draft/photos', {
      cookie: editor,
      body: new Uint8Array(jpeg),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({ ok: true, type: 'jpeg', width: 20, height: 30 });
    const src = uploaded.json.src as string;
    expect(src).toMatch(/^photos\/uploads\/[\d-]+-[0-9a-f]{16}\.jpg$/);
    expect((await draft(editor)).photos).toContain(src);
    expect((await sharp(await readFile(join(station.dataDir, 'draft', src))).metadata()).exif).toBeUndefined();
  });

  it('shows the form a draft photo’s thumbnail, upright and small, to a session only; a path out of the photos names nothing', async () => {
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3a3' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const uploaded = await call('POST', 'api/curate/draft/photos', {
      cookie: editor,
      body: new Uint8Array(jpeg),
      headers: { 'content-type': 'image/jpeg' },
    });
    const src = uploaded.json.src as string;
    const thumbnail = (cookie?: string, name = src) =>
      fetch(new URL(`api/curate/draft/photo?src=${encodeURIComponent(name)}`, station.url), {
        headers: cookie ? { cookie } : {},
      });
    const answer = await thumbnail(editor);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/jpeg');
    expect(answer.headers.get('cache-control')).toContain('private');
    const meta = await sharp(Buffer.from(await answer.arrayBuffer())).metadata();
    // Upright (the upload turned it: 900 × 1600), at most 480 px, and no metadata.
    expect([meta.width, meta.height]).toEqual([270, 480]);
    expect(meta.exif).toBeUndefined();
    expect((await thumbnail()).status).toBe(401);
    // The shipped placeholders too, SVG drawn into the JPEG (no script of it can run in the form).
    const shipped = (await draft(editor)).photos.find((photo) => photo.endsWith('.svg'));
    expect(shipped).toBeDefined();
    const drawn = await thumbnail(editor, shipped);
    expect(drawn.status).toBe(200);
    expect(drawn.headers.get('content-type')).toBe('image/jpeg');
    for (const hostile of [
      'photos/../content/exhibition.json',
      '../draft.json',
      '/etc/passwd',
      'photos/%2e%2e/draft.json',
      'photos/uploads/../../users.sqlite',
      'photos/a\u0000.jpg',
      'content/exhibition.json',
      'photos/uploads',
      'photos/missing.jpg',
    ]) {
      const refused = await thumbnail(editor, hostile);
      expect([400, 404], hostile).toContain(refused.status);
      expect(refused.headers.get('content-type'), hostile).toContain('application/json');
    }
    expect((await call('GET', 'api/curate/draft')).status).toBe(401);
  });

  it('refuses a photo past the limit, said or not said', async () => {
    const big = new Uint8Array(31 * 1024 * 1024);
    const declared = await call('POST', 'api/curate/draft/photos', {
      cookie: editor,
      body: big,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(declared.status).toBe(413);
    // Streamed without a length: cut off at the limit.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) controller.close();
        else {
          sent++;
          controller.enqueue(new Uint8Array(1024 * 1024));
        }
      },
    });
    const response = await fetch(new URL('api/curate/draft/photos', station.url), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: editor, origin },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    // Read to the limit and not much past it.
    expect(sent).toBeLessThan(40);
  });
});

describe('refusals', () => {
  it('no session, another site, no Origin, a wrong shape: nothing is written', async () => {
    const snapshot = await draft(editor);
    const panel = panelOf(snapshot, PANEL);
    const body = { baseVersion: snapshot.versions.panels[PANEL]?.version, panel: { ...panel, summary: { zh: '不该写进去' } } };
    expect((await call('GET', 'api/curate/draft')).status).toBe(401);
    expect((await call('PUT', `api/curate/draft/panels/${PANEL}`, { body })).status).toBe(401);
    const crossSite = await call('PUT', `api/curate/draft/panels/${PANEL}`, {
      cookie: editor,
      body,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await call('PUT', `api/curate/draft/panels/${PANEL}`, { cookie: editor, body, withOrigin: false })).status).toBe(403);
    expect(
      (await call('PUT', `api/curate/draft/panels/${PANEL}`, { cookie: editor, body: { ...body, extra: true } })).status,
    ).toBe(400);
    const photo = await call('POST', 'api/curate/draft/photos', {
      body: new Uint8Array([0xff, 0xd8, 0xff]),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(photo.status).toBe(401);
    expect(panelOf(await draft(editor), PANEL).summary).not.toEqual({ zh: '不该写进去' });
  });
});

describe('presence', () => {
  it('each editor hears who else has which panel open, and not themselves', async () => {
    const first = await call('POST', 'api/curate/draft/presence', { cookie: editor, body: { panelId: PANEL } });
    expect(first.status).toBe(200);
    const second = await call('POST', 'api/curate/draft/presence', { cookie: secondEditor, body: { panelId: PANEL } });
    expect(second.json).toMatchObject({ ok: true, others: [{ displayName: 'editor1', panelId: PANEL }] });
    const again = await call('POST', 'api/curate/draft/presence', { cookie: editor, body: { panelId: null } });
    expect(again.json).toMatchObject({ others: [{ displayName: 'editor2', panelId: PANEL }] });
    expect((again.json.others as unknown[]).length).toBe(1);
    expect((await call('POST', 'api/curate/draft/presence', { body: { panelId: PANEL } })).status).toBe(401);
  });
});
