/**
 * The exhibition's own documents over HTTP (展览设置, 栏目, 讲解路线, 知识问答), against the real server and
 * SQLite over the shipped content: the settings saved (exhibition.json's sections and tours left as
 * they were), a section, a tour and a quiz added from their templates, moved and deleted (a
 * section with panels refused `not-empty`), a quiz a tour names
 * refused `in-use` with the content check's words, a save on a stale version a conflict with both
 * versions, the audit log naming each change; anonymous, cross-origin and Origin-less writes
 * refused, and bodies of the wrong shape.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSnapshot, UpdateOk } from '../../src/live/curateDraftProtocol.ts';
import type { AuditPage } from '../../src/live/curateProtocol.ts';
import { DEFAULT_QUIZ_TITLE, DEFAULT_TOUR_TITLE } from '../../src/server/curate/documentTemplates.ts';
import { startStationInProcess, type TestStation } from './stationHarness.ts';

const ADMIN_PASSWORD = 'station admin pw';
/** The shipped tour that ends with the shipped quiz of the same id. */
const SHIPPED_TOUR = 'new-recruits';
const SHIPPED_QUIZ = 'new-recruits';

let station: TestStation;
let origin: string;
let admin: string;
let editor: string;

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
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...(withOrigin && method !== 'GET' ? { origin } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
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

async function draft(): Promise<DraftSnapshot> {
  const answer = await call('GET', 'api/curate/draft', { cookie: editor });
  expect(answer.status).toBe(200);
  return answer.json as unknown as DraftSnapshot;
}

type Json = Record<string, unknown>;
const exhibitionOf = (snapshot: DraftSnapshot) => snapshot.files['content/exhibition.json'] as Json;
const toursOf = (snapshot: DraftSnapshot) => exhibitionOf(snapshot).tours as Json[];
const quizzesOf = (snapshot: DraftSnapshot) => (snapshot.files['content/quiz.json'] as Json).quizzes as Json[];
const firstPanelId = (snapshot: DraftSnapshot) =>
  Object.entries(snapshot.versions.panels).find(
    ([, entry]) => entry.index === 0 && entry.sectionId === firstSection(snapshot),
  )?.[0];
const firstSection = (snapshot: DraftSnapshot) => ((exhibitionOf(snapshot).sections as Json[])[0] as Json).id;

async function auditEntries() {
  const audit = await call('GET', 'api/curate/audit?limit=200', { cookie: admin });
  return (audit.json as unknown as AuditPage).entries;
}

beforeAll(async () => {
  station = await startStationInProcess({ adminPassword: ADMIN_PASSWORD });
  origin = new URL(station.url).origin;
  admin = await login('admin', ADMIN_PASSWORD);
  const created = await call('POST', 'api/curate/accounts', {
    cookie: admin,
    body: { username: 'editor1', role: 'editor', password: 'editor1 password' },
  });
  expect(created.status).toBe(201);
  editor = await login('editor1', 'editor1 password');
});
afterAll(() => station.close());

describe('the exhibition’s settings over HTTP', () => {
  it('saves the title; exhibition.json keeps its sections, tours and $schema; the audit log names the field', async () => {
    const before = await draft();
    const exhibition = exhibitionOf(before);
    const { sections, tours, $schema, ...settings } = exhibition;
    const title = { zh: '党史长廊<script>1</script>', en: 'Party History Corridor' };
    const saved = await call('PUT', 'api/curate/draft/settings', {
      cookie: editor,
      body: { baseVersion: before.versions.settings, value: { ...settings, title } },
    });
    expect(saved.status).toBe(200);
    const answer = saved.json as unknown as UpdateOk;
    expect(answer).toMatchObject({ ok: true, id: null, value: { title } });
    expect(answer.value).not.toHaveProperty('sections');

    const onDisk = JSON.parse(await readFile(join(station.dataDir, 'draft/content/exhibition.json'), 'utf8')) as Json;
    expect(onDisk.title).toEqual(title);
    expect(onDisk.sections).toEqual(sections);
    expect(onDisk.tours).toEqual(tours);
    expect(onDisk.$schema).toBe($schema);
    expect((await draft()).versions.settings).toBe(answer.version);
    expect(
      (await auditEntries()).some(
        (entry) => entry.action === 'update-settings' && entry.field === 'title' && entry.detail === 'settings',
      ),
    ).toBe(true);
  });

  it('a save on a stale version is a conflict with both versions, and nothing is overwritten', async () => {
    const before = await draft();
    const { sections: _s, tours: _t, $schema: _schema, ...settings } = exhibitionOf(before);
    const stale = before.versions.settings;
    const first = await call('PUT', 'api/curate/draft/settings', {
      cookie: editor,
      body: { baseVersion: stale, value: { ...settings, motto: '第一位的结束语' } },
    });
    expect(first.status).toBe(200);
    const second = await call('PUT', 'api/curate/draft/settings', {
      cookie: admin,
      body: { baseVersion: stale, value: { ...settings, motto: '第二位的结束语' } },
    });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({
      ok: false,
      error: 'conflict',
      current: { version: (first.json as unknown as UpdateOk).version, value: { motto: '第一位的结束语' } },
      sent: { motto: '第二位的结束语' },
    });
    expect(exhibitionOf(await draft()).motto).toBe('第一位的结束语');
  });
});

describe('tours and quizzes over HTTP', () => {
  it('adds a tour from its template: its title, one stop at the corridor’s first panel; then deletes it', async () => {
    const before = await draft();
    const added = await call('POST', 'api/curate/draft/tours', { cookie: editor, body: { title: 'Fire safety lesson' } });
    expect(added.status).toBe(201);
    const answer = added.json as unknown as UpdateOk;
    expect(answer).toMatchObject({
      ok: true,
      id: 'fire-safety-lesson',
      value: { id: 'fire-safety-lesson', title: 'Fire safety lesson', stops: [{ panel: firstPanelId(before), notes: [] }] },
    });
    const after = await draft();
    expect(toursOf(after).map((tour) => tour.id)).toEqual([...toursOf(before).map((tour) => tour.id), 'fire-safety-lesson']);
    expect(after.versions.tours['fire-safety-lesson']).toBe(answer.version);

    // Without a title: the placeholder, and an id of its own beside the first.
    const untitled = await call('POST', 'api/curate/draft/tours', { cookie: editor, body: {} });
    expect(untitled.json).toMatchObject({ ok: true, id: 'new-tour', value: { title: DEFAULT_TOUR_TITLE } });
    const again = await call('POST', 'api/curate/draft/tours', { cookie: editor, body: {} });
    expect(again.json).toMatchObject({ ok: true, id: 'new-tour-2' });

    const deleted = await call('DELETE', 'api/curate/draft/tours/fire-safety-lesson', { cookie: editor });
    expect(deleted).toEqual({ status: 200, json: { ok: true, id: 'fire-safety-lesson' } });
    expect(toursOf(await draft()).map((tour) => tour.id)).not.toContain('fire-safety-lesson');
    expect((await call('DELETE', 'api/curate/draft/tours/fire-safety-lesson', { cookie: editor })).status).toBe(404);

    const entries = await auditEntries();
    expect(entries.some((entry) => entry.action === 'add-tour' && entry.detail === 'tour:fire-safety-lesson')).toBe(true);
    expect(entries.some((entry) => entry.action === 'delete-tour' && entry.detail === 'tour:fire-safety-lesson')).toBe(true);
  });

  it('a tour saved on its version; on a stale one, a conflict', async () => {
    const before = await draft();
    const tour = toursOf(before).find((candidate) => candidate.id === 'new-tour') as Json;
    const version = before.versions.tours['new-tour'];
    const stops = [...(tour.stops as Json[]), { panel: firstPanelId(before), notes: ['待填写讲解要点'], duration: 30 }];
    const saved = await call('PUT', 'api/curate/draft/tours/new-tour', {
      cookie: editor,
      body: { baseVersion: version, value: { ...tour, stops } },
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ ok: true, value: { stops } });
    const stale = await call('PUT', 'api/curate/draft/tours/new-tour', {
      cookie: editor,
      body: { baseVersion: version, value: { ...tour, title: '另一个名称' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: 'conflict', current: { value: { stops } }, sent: { title: '另一个名称' } });
  });

  it('adds a quiz with no questions yet, which the check says at `questions`; deletes it', async () => {
    const added = await call('POST', 'api/curate/draft/quizzes', { cookie: editor, body: {} });
    expect(added.status).toBe(201);
    const answer = added.json as unknown as UpdateOk;
    expect(answer).toMatchObject({
      ok: true,
      id: 'new-quiz',
      value: { id: 'new-quiz', title: DEFAULT_QUIZ_TITLE, questions: [] },
    });
    expect(answer.problems.some((problem) => problem.target.kind === 'quiz' && problem.target.field[0] === 'questions')).toBe(
      true,
    );
    expect(quizzesOf(await draft()).map((quiz) => quiz.id)).toContain('new-quiz');
    const deleted = await call('DELETE', 'api/curate/draft/quizzes/new-quiz', { cookie: editor });
    expect(deleted).toEqual({ status: 200, json: { ok: true, id: 'new-quiz' } });
    expect(quizzesOf(await draft()).map((quiz) => quiz.id)).not.toContain('new-quiz');
    expect((await auditEntries()).some((entry) => entry.action === 'delete-quiz' && entry.detail === 'quiz:new-quiz')).toBe(true);
  });

  it('refuses to delete a quiz a tour names, with the content check’s problem at that tour; nothing changes', async () => {
    const before = await draft();
    expect(toursOf(before).find((tour) => tour.id === SHIPPED_TOUR)?.quiz).toBe(SHIPPED_QUIZ);
    const refused = await call('DELETE', `api/curate/draft/quizzes/${SHIPPED_QUIZ}`, { cookie: editor });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ ok: false, error: 'in-use' });
    const problems = refused.json.problems as Array<{ target: { kind: string; tourId?: string }; message: { zh: string } }>;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.target.kind === 'tour' && problem.target.tourId === SHIPPED_TOUR)).toBe(true);
    expect(quizzesOf(await draft()).map((quiz) => quiz.id)).toContain(SHIPPED_QUIZ);
  });
});

describe('sections over HTTP', () => {
  const sectionIds = (snapshot: DraftSnapshot) => (exhibitionOf(snapshot).sections as Json[]).map((entry) => entry.id);

  it('adds a section with its own empty file, moves it first, refuses to delete it with a panel, deletes it empty', async () => {
    const before = await draft();
    const added = await call('POST', 'api/curate/draft/sections', { cookie: editor, body: { title: 'County history' } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ ok: true, id: 'county-history', value: { file: 'county-history.json' } });
    const file = join(station.dataDir, 'draft/content/county-history.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ $schema: './section.schema.json', panels: [] });
    expect(sectionIds(await draft())).toEqual([...sectionIds(before), 'county-history']);

    const moved = await call('POST', 'api/curate/draft/sections/county-history/move', { cookie: editor, body: { index: 0 } });
    expect(moved).toEqual({ status: 200, json: { ok: true, id: 'county-history', index: 0 } });
    expect(sectionIds(await draft())[0]).toBe('county-history');

    const panelId = firstPanelId(before) as string;
    const into = await call('POST', `api/curate/draft/panels/${panelId}/move`, {
      cookie: editor,
      body: { sectionId: 'county-history', index: 0 },
    });
    expect(into.status).toBe(200);
    const refused = await call('DELETE', 'api/curate/draft/sections/county-history', { cookie: editor });
    expect(refused).toEqual({ status: 422, json: { ok: false, error: 'not-empty', problems: [] } });
    expect(sectionIds(await draft())).toContain('county-history');

    await call('POST', `api/curate/draft/panels/${panelId}/move`, {
      cookie: editor,
      body: { sectionId: String(firstSection(before)), index: 0 },
    });
    const deleted = await call('DELETE', 'api/curate/draft/sections/county-history', { cookie: editor });
    expect(deleted).toEqual({ status: 200, json: { ok: true, id: 'county-history' } });
    expect(sectionIds(await draft())).toEqual(sectionIds(before));
    await expect(readFile(file, 'utf8')).rejects.toThrow();

    const actions = (await auditEntries())
      .filter((entry) => entry.detail === 'section:county-history')
      .map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['add-section', 'move-section', 'delete-section']));
  });

  it('moves a tour and a quiz; refuses a move of the wrong shape or of nothing', async () => {
    const before = await draft();
    const lastTour = toursOf(before).at(-1)?.id as string;
    const movedTour = await call('POST', `api/curate/draft/tours/${lastTour}/move`, { cookie: editor, body: { index: 0 } });
    expect(movedTour.json).toMatchObject({ ok: true, id: lastTour, index: 0 });
    expect(toursOf(await draft())[0]?.id).toBe(lastTour);
    const quiz = quizzesOf(before)[0]?.id as string;
    const movedQuiz = await call('POST', `api/curate/draft/quizzes/${quiz}/move`, { cookie: editor, body: { index: 5 } });
    expect(movedQuiz.json).toMatchObject({ ok: true, id: quiz, index: quizzesOf(before).length - 1 });

    for (const body of [{}, { index: -1 }, { index: 1.5 }, { index: 0, extra: true }]) {
      const answer = await call('POST', `api/curate/draft/tours/${lastTour}/move`, { cookie: editor, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('POST', 'api/curate/draft/sections/nowhere/move', { cookie: editor, body: { index: 0 } })).status).toBe(
      404,
    );
    expect((await call('POST', 'api/curate/draft/sections', { cookie: editor, body: { title: '' } })).status).toBe(400);
  });
});

describe('refused writes', () => {
  it('no session, another site, no Origin, a wrong shape: nothing is written', async () => {
    const before = await draft();
    const { sections: _s, tours: _t, $schema: _schema, ...settings } = exhibitionOf(before);
    const body = { baseVersion: before.versions.settings, value: { ...settings, title: '不该写进去' } };
    const attempts: Array<[string, string, unknown]> = [
      ['PUT', 'api/curate/draft/settings', body],
      ['POST', 'api/curate/draft/tours', { title: 'intruder' }],
      ['DELETE', 'api/curate/draft/tours/new-tour', undefined],
      ['POST', 'api/curate/draft/quizzes', { title: 'intruder' }],
      ['DELETE', 'api/curate/draft/quizzes/corridor', undefined],
      ['POST', 'api/curate/draft/sections', { title: 'intruder' }],
      ['DELETE', 'api/curate/draft/sections/deqing', undefined],
      ['POST', 'api/curate/draft/sections/deqing/move', { index: 3 }],
      ['POST', 'api/curate/draft/tours/new-tour/move', { index: 0 }],
    ];
    for (const [method, path, sent] of attempts) {
      const options = sent === undefined ? {} : { body: sent };
      expect((await call(method, path, options)).status, `${method} ${path} anonymous`).toBe(401);
      expect(
        (await call(method, path, { ...options, cookie: editor, headers: { origin: 'https://evil.example' } })).status,
        `${method} ${path} cross-origin`,
      ).toBe(403);
      expect(
        (await call(method, path, { ...options, cookie: editor, withOrigin: false })).status,
        `${method} ${path} no Origin`,
      ).toBe(403);
    }
    expect((await call('POST', 'api/curate/draft/tours', { cookie: editor, body: { title: 'x', stops: [] } })).status).toBe(400);
    expect((await call('POST', 'api/curate/draft/quizzes', { cookie: editor, body: { title: '' } })).status).toBe(400);
    expect((await call('PUT', 'api/curate/draft/settings', { cookie: editor, body: { value: settings } })).status).toBe(400);

    const after = await draft();
    expect(exhibitionOf(after).title).toEqual(exhibitionOf(before).title);
    expect(toursOf(after).map((tour) => tour.id)).toEqual(toursOf(before).map((tour) => tour.id));
    expect(quizzesOf(after).map((quiz) => quiz.id)).toEqual(quizzesOf(before).map((quiz) => quiz.id));
    expect(exhibitionOf(after).sections).toEqual(exhibitionOf(before).sections);
  });
});
