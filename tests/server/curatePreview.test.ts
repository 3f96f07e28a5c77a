/**
 * The curator's preview against the real server: the draft built (here by a stand-in for vite
 * that copies the content folder it is given into a page) and served at /preview/ to a logged-in
 * editor only, never cached; the public site keeps the published build; a build that fails says
 * why, with its log's end.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSnapshot } from '../../src/live/curateDraftProtocol.ts';
import type { Builder } from '../../src/server/site/builds.ts';
import type { PreviewStatus } from '../../src/server/transport/previewRoutes.ts';
import { startStationInProcess, type TestStation } from './stationHarness.ts';

const ADMIN_PASSWORD = 'station admin pw';
const PANEL = 'deqing-party-history';
let failNext = false;

/** vite's stand-in: the content folder it is handed, as the built site's content, and a page. */
const copyingBuilder: Builder = async (outDir, logFile, _signal, assetsDir) => {
  if (failNext) {
    await writeFile(logFile, '[exhibition] assets/content/deqing.json panels[0].title: 标题不能为空\n');
    throw new Error('vite build exited with 1');
  }
  await mkdir(outDir, { recursive: true });
  await cp(join(assetsDir as string, 'content'), join(outDir, 'content'), { recursive: true });
  await writeFile(join(outDir, 'index.html'), '<!doctype html><title>preview</title>');
  await writeFile(logFile, 'built\n');
};

let station: TestStation;
let origin: string;
let cookie: string;

async function api(method: string, path: string, body?: unknown, withCookie = true) {
  const response = await fetch(new URL(path, station.url), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(withCookie ? { cookie } : {}),
      ...(method === 'GET' ? {} : { origin }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response;
}

async function waitForPreview(): Promise<PreviewStatus> {
  for (let tries = 0; tries < 200; tries++) {
    const status = (await (await api('GET', 'api/curate/preview')).json()) as PreviewStatus;
    if (!status.building) return status;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('the preview never finished building');
}

beforeAll(async () => {
  station = await startStationInProcess({ adminPassword: ADMIN_PASSWORD, builder: copyingBuilder });
  origin = new URL(station.url).origin;
  const login = await fetch(new URL('api/curate/login', station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
});
afterAll(() => station.close());

describe('the preview of the draft', () => {
  it('builds the draft and shows it at /preview/ to the editor, the public site unchanged', async () => {
    const snapshot = (await (await api('GET', 'api/curate/draft')).json()) as DraftSnapshot;
    const file = snapshot.files['content/deqing.json'] as { panels: Array<Record<string, unknown>> };
    const panel = file.panels.find((candidate) => candidate.id === PANEL) as Record<string, unknown>;
    const saved = await api('PUT', `api/curate/draft/panels/${PANEL}`, {
      baseVersion: snapshot.versions.panels[PANEL]?.version,
      panel: { ...panel, body: [{ zh: '预览里的新段落' }] },
    });
    expect(saved.status).toBe(200);
    const started = await api('POST', 'api/curate/preview', {});
    expect(started.status).toBe(202);
    const status = await waitForPreview();
    expect(status).toMatchObject({ ok: true, building: false, error: null });
    expect(status.stamp).toMatch(/^[0-9a-f]{16}$/);
    const previewed = await api('GET', 'preview/content/deqing.json');
    expect(previewed.status).toBe(200);
    expect(previewed.headers.get('cache-control')).toBe('no-store');
    expect(await previewed.text()).toContain('预览里的新段落');
    // /preview goes to /preview/, where the page's relative addresses resolve.
    const bare = await fetch(new URL('preview', station.url), { headers: { cookie }, redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect((await api('GET', 'preview/')).status).toBe(200);
    // The public site is the published build: not the draft.
    const published = await readFile(join(station.dataDir, 'fixture-dist/content/deqing.json'), 'utf8');
    expect(published).not.toContain('预览里的新段落');
    expect(await (await fetch(new URL('content/deqing.json', station.url))).text()).not.toContain('预览里的新段落');
  });

  it('is for the staff only', async () => {
    const anonymous = await api('GET', 'preview/content/deqing.json', undefined, false);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('请先');
    expect((await api('POST', 'api/curate/preview', {}, false)).status).toBe(401);
    // Path tricks reach nothing outside the preview build.
    for (const path of ['preview/..%2Fstation.sqlite', 'preview/%2e%2e/content/seed.json', 'preview/.hidden']) {
      expect((await api('GET', path)).status, path).toBe(404);
    }
  });

  it('says why a build failed, and keeps showing the last good one', async () => {
    const before = (await waitForPreview()).stamp;
    const snapshot = (await (await api('GET', 'api/curate/draft')).json()) as DraftSnapshot;
    const file = snapshot.files['content/deqing.json'] as { panels: Array<Record<string, unknown>> };
    const panel = file.panels.find((candidate) => candidate.id === PANEL) as Record<string, unknown>;
    await api('PUT', `api/curate/draft/panels/${PANEL}`, {
      baseVersion: snapshot.versions.panels[PANEL]?.version,
      panel: { ...panel, summary: { zh: '又改了一次' } },
    });
    failNext = true;
    await api('POST', 'api/curate/preview', {});
    const status = await waitForPreview();
    failNext = false;
    expect(status.error?.message).toContain('exited with 1');
    expect(status.error?.log).toContain('标题不能为空');
    expect(status.stamp).toBe(before);
    expect((await api('GET', 'preview/content/deqing.json')).status).toBe(200);
  });
});
