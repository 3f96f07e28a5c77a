/**
 * 先审后发 against the real server, SQLite and files (vite's place taken by a builder that copies
 * the content folder it is given into a page, so the served site shows which content it was
 * built from): an editor submits, the submission is frozen while the draft goes on, a reviewer
 * sees the change field by field and publishes it, the site switches whole; a reviewer may not
 * approve their own submission while another reviewer exists, and may when alone (the log says
 * so); a failed build publishes nothing; a lesson running holds the switch until it ends; a
 * returned submission needs a comment; any version restored as the draft and published again;
 * a crash between the store's two renames finishes on the next start; hostile requests refused.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSnapshot } from '../../src/live/curateDraftProtocol.ts';
import type { AuditPage } from '../../src/live/curateProtocol.ts';
import type { ChangesAnswer, PublishStatus, SubmissionList, SubmitOk, VersionList } from '../../src/live/curateReviewProtocol.ts';
import { hashTree, STORE_FOLDERS } from '../../src/server/curate/contentStore.ts';
import type { Builder } from '../../src/server/site/builds.ts';
import { curatorClient } from './curatorClient.ts';
import {
  connectPresenter,
  createLesson,
  emitWithAck,
  startStationInProcess,
  type TestStation,
  tempDir,
} from './stationHarness.ts';

const ADMIN_PASSWORD = 'station admin pw';
const PANEL = 'deqing-party-history';
let failNext = false;
let builds = 0;

/** vite's stand-in: the content it is handed, as the built site's content, and a page naming the build. */
const copyingBuilder: Builder = async (outDir, logFile, _signal, assetsDir) => {
  builds += 1;
  if (failNext) {
    failNext = false;
    // As the content plugin words it (src/build/vitePlugin.ts), amid vite's own lines.
    await writeFile(
      logFile,
      'vite v8 building for production...\nerror during build:\n[dangshi:exhibition-assets] [exhibition] 1 photo(s) could not be read; replace them and build again:\n  photos/broken.jpg: Input buffer contains unsupported image format\n    at file:///x.js:1:1\n',
    );
    throw new Error('vite build exited with 1');
  }
  await mkdir(outDir, { recursive: true });
  await cp(join(assetsDir as string, 'content'), join(outDir, 'content'), { recursive: true });
  await writeFile(join(outDir, 'index.html'), `<!doctype html><title>build ${builds}</title>`);
  await writeFile(logFile, 'vite v8 building for production...\n✓ built\n');
};

let station: TestStation;
type Json = Record<string, unknown>;

const { api, login, cookies, addAccounts } = curatorClient(() => station.url);

/** The panel's body paragraphs changed in the draft by `who`. */
async function editBody(who: string, text: string) {
  const snapshot = (await api(who, 'GET', 'api/curate/draft')).json as unknown as DraftSnapshot;
  const file = snapshot.files['content/deqing.json'] as { panels: Json[] };
  const panel = file.panels.find((candidate) => candidate.id === PANEL) as Json;
  const saved = await api(who, 'PUT', `api/curate/draft/panels/${PANEL}`, {
    baseVersion: snapshot.versions.panels[PANEL]?.version,
    panel: { ...panel, body: [{ zh: text }] },
  });
  expect(saved.status).toBe(200);
}

async function waitForPublish(): Promise<PublishStatus> {
  await station.station.publishing.settled();
  return (await api('admin', 'GET', 'api/curate/publish')).json as unknown as PublishStatus;
}

/** The body of the panel as the served site has it (its build's copy of the content). */
async function servedBody(): Promise<unknown> {
  const response = await fetch(new URL('content/deqing.json', station.url));
  const file = (await response.json()) as { panels: Json[] };
  return file.panels.find((candidate) => candidate.id === PANEL)?.body;
}

const storeHash = async () => (await hashTree(station.station.contentStore.dir, STORE_FOLDERS)).hash;

async function auditActions(): Promise<Array<{ action: string; detail: string | null; account: string | null }>> {
  const page = (await api('admin', 'GET', 'api/curate/audit?limit=200')).json as unknown as AuditPage;
  return page.entries.map((entry) => ({ action: entry.action, detail: entry.detail, account: entry.accountId }));
}

beforeAll(async () => {
  station = await startStationInProcess({ adminPassword: ADMIN_PASSWORD, builder: copyingBuilder, serveDist: null });
  await station.station.builds.refresh();
  await login('admin', ADMIN_PASSWORD);
  await addAccounts('admin', [
    ['editor1', 'editor'],
    ['reviewer2', 'reviewer'],
  ]);
});
afterAll(() => station.close());

describe('先审后发 over HTTP', () => {
  let submissionId: string;

  it('starts with the content the station had as version 1, the current one; nothing to submit yet', async () => {
    const versions = (await api('editor1', 'GET', 'api/curate/versions')).json as unknown as VersionList;
    expect(versions.versions).toMatchObject([{ number: 1, current: true, publishedBy: null }]);
    expect(existsSync(join(station.dataDir, 'versions/1/content/deqing.json'))).toBe(true);
    expect(await api('editor1', 'POST', 'api/curate/submissions', { note: '' })).toMatchObject({
      status: 422,
      json: { ok: false, error: 'no-changes' },
    });
  });

  it('an editor submits with a note; the submission is frozen while the draft goes on', async () => {
    await editBody('editor1', '德清县党史的第一段<script>alert(1)</script>');
    const submitted = await api('editor1', 'POST', 'api/curate/submissions', { note: '补上德清县党史的第一段' });
    expect(submitted.status).toBe(201);
    const { submission } = submitted.json as unknown as SubmitOk;
    submissionId = submission.id;
    expect(submission).toMatchObject({
      status: 'pending',
      note: '补上德清县党史的第一段',
      submittedBy: { displayName: 'editor1' },
      summary: { panels: 1, documents: 0, photos: 0 },
    });
    // Sent twice (a double click): the same submission.
    const again = await api('editor1', 'POST', 'api/curate/submissions', { note: '补上德清县党史的第一段' });
    expect((again.json as unknown as SubmitOk).submission.id).toBe(submissionId);
    expect(((await api('editor1', 'GET', 'api/curate/submissions')).json as unknown as SubmissionList).draftChanged).toBe(false);

    await editBody('editor1', '提交以后又改的一段');
    const list = (await api('editor1', 'GET', 'api/curate/submissions')).json as unknown as SubmissionList;
    expect(list.draftChanged).toBe(true);
    expect(list.submissions.map((entry) => [entry.id, entry.status])).toEqual([[submissionId, 'pending']]);

    const changes = (await api('editor1', 'GET', `api/curate/submissions/${submissionId}/changes`))
      .json as unknown as ChangesAnswer;
    expect(changes.changes).toHaveLength(1);
    expect(changes.changes[0]).toMatchObject({
      kind: 'panel',
      id: PANEL,
      change: 'changed',
      sectionBefore: 'deqing',
      sectionAfter: 'deqing',
      fields: [{ field: 'body', after: [{ zh: '德清县党史的第一段<script>alert(1)</script>' }] }],
    });
  });

  it('an editor cannot approve; a reviewer who is not the author publishes, and the site switches whole', async () => {
    expect((await api('editor1', 'POST', `api/curate/submissions/${submissionId}/approve`, {})).status).toBe(403);
    const bodyBefore = await servedBody();
    const started = await api('reviewer2', 'POST', `api/curate/submissions/${submissionId}/approve`, { comment: '可以' });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ ok: true, submissionId });
    const status = await waitForPublish();
    expect(status).toMatchObject({ phase: 'published', version: 2, progress: 1, error: null });
    expect(status.log).toContain('built');

    expect(await servedBody()).toEqual([{ zh: '德清县党史的第一段<script>alert(1)</script>' }]);
    expect(bodyBefore).not.toEqual(await servedBody());
    // The store is what was submitted, not the later edit; the draft keeps that edit.
    const storeFile = JSON.parse(await readFile(join(station.station.contentStore.contentDir, 'deqing.json'), 'utf8'));
    expect(storeFile.panels.find((panel: Json) => panel.id === PANEL).body).toEqual([
      { zh: '德清县党史的第一段<script>alert(1)</script>' },
    ]);
    expect(station.station.draft.exists).toBe(true);
    const draftFile = JSON.parse(await readFile(join(station.station.draft.dir, 'content/deqing.json'), 'utf8'));
    expect(draftFile.panels.find((panel: Json) => panel.id === PANEL).body).toEqual([{ zh: '提交以后又改的一段' }]);

    const versions = (await api('editor1', 'GET', 'api/curate/versions')).json as unknown as VersionList;
    expect(versions.versions.map((version) => [version.number, version.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.versions[0]).toMatchObject({
      publishedBy: { displayName: 'reviewer2' },
      submittedBy: { displayName: 'editor1' },
      note: '补上德清县党史的第一段',
      summary: { panels: 1 },
    });
    const list = (await api('editor1', 'GET', 'api/curate/submissions')).json as unknown as SubmissionList;
    expect(list.submissions[0]).toMatchObject({ status: 'published', version: 2, reviewComment: '可以', selfApproved: false });
    expect((await auditActions()).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['submit', 'approve-submission', 'publish']),
    );
    // Once published, its changes are against the version before it (1), whose photos stay readable.
    const published = (await api('editor1', 'GET', `api/curate/submissions/${submissionId}/changes`))
      .json as unknown as ChangesAnswer;
    expect(published.beforeVersion).toBe(1);
    expect(published.changes.map((change) => (change.kind === 'panel' ? change.id : change.kind))).toEqual([PANEL]);
    const photo = await fetch(new URL('api/curate/versions/1/photo?src=photos/placeholder-history-corridor.svg', station.url), {
      headers: { cookie: cookies.editor1 as string },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await api('editor1', 'GET', 'api/curate/versions/9/photo?src=photos/placeholder-history-corridor.svg')).status).toBe(
      404,
    );
    expect((await api('editor1', 'GET', 'api/curate/versions/1/photo?src=../../station.sqlite')).status).toBe(404);
    expect((await api(null, 'GET', 'api/curate/versions/1/photo?src=photos/placeholder-history-corridor.svg')).status).toBe(401);
  });

  it('a reviewer does not approve their own submission while another reviewer exists; alone, they may, and the log says so', async () => {
    const submitted = await api('admin', 'POST', 'api/curate/submissions', { note: '审核自己提交' });
    const own = (submitted.json as unknown as SubmitOk).submission.id;
    expect(await api('admin', 'POST', `api/curate/submissions/${own}/approve`, {})).toMatchObject({
      status: 403,
      json: { ok: false, error: 'own-submission' },
    });
    const accounts = (await api('admin', 'GET', 'api/curate/accounts')).json as {
      accounts: Array<{ id: string; username: string }>;
    };
    const other = accounts.accounts.find((account) => account.username === 'reviewer2')?.id as string;
    expect((await api('admin', 'POST', `api/curate/accounts/${other}/disable`, { disabled: true })).status).toBe(200);
    expect((await api('admin', 'POST', `api/curate/submissions/${own}/approve`, {})).status).toBe(202);
    expect(await waitForPublish()).toMatchObject({ phase: 'published', version: 3 });
    const list = (await api('admin', 'GET', 'api/curate/submissions')).json as unknown as SubmissionList;
    expect(list.submissions[0]).toMatchObject({ id: own, selfApproved: true, status: 'published' });
    expect((await auditActions()).some((entry) => entry.action === 'approve-own-submission')).toBe(true);
    // Published exactly what the draft held: the draft is gone, the editor works on the store again.
    expect(station.station.draft.exists).toBe(false);
    expect(await servedBody()).toEqual([{ zh: '提交以后又改的一段' }]);
    await api('admin', 'POST', `api/curate/accounts/${other}/disable`, { disabled: false });
    // Disabling ended the account's sessions: it logs in again.
    await login('reviewer2', 'reviewer2 password');
  });

  it('a failed build publishes nothing and says why; the site and the store stay', async () => {
    await editBody('editor1', '这一版的照片坏了');
    const { submission } = (await api('editor1', 'POST', 'api/curate/submissions', { note: '坏照片' }))
      .json as unknown as SubmitOk;
    const storeBefore = await storeHash();
    const servedBefore = await servedBody();
    failNext = true;
    expect((await api('reviewer2', 'POST', `api/curate/submissions/${submission.id}/approve`, {})).status).toBe(202);
    const status = await waitForPublish();
    expect(status).toMatchObject({
      phase: 'failed',
      error:
        '1 photo(s) could not be read; replace them and build again: photos/broken.jpg: Input buffer contains unsupported image format (vite build exited with 1)',
      version: null,
    });
    expect(status.log).toContain('photos/broken.jpg');
    expect(await storeHash()).toBe(storeBefore);
    expect(await servedBody()).toEqual(servedBefore);
    const versions = (await api('editor1', 'GET', 'api/curate/versions')).json as unknown as VersionList;
    expect(versions.versions[0]?.number).toBe(3);
    const list = (await api('editor1', 'GET', 'api/curate/submissions')).json as unknown as SubmissionList;
    expect(list.submissions[0]).toMatchObject({ status: 'failed', buildError: status.error });
    expect((await auditActions()).some((entry) => entry.action === 'publish-failed')).toBe(true);
    // A failed one is not pending any more: approving it again is refused.
    expect((await api('reviewer2', 'POST', `api/curate/submissions/${submission.id}/approve`, {})).status).toBe(409);
  });

  it('sends a submission back only with a comment; a newer submission supersedes a pending one', async () => {
    await editBody('editor1', '第二次提交');
    const first = ((await api('editor1', 'POST', 'api/curate/submissions', { note: '一' })).json as unknown as SubmitOk)
      .submission;
    await editBody('editor1', '第三次提交');
    const second = ((await api('editor1', 'POST', 'api/curate/submissions', { note: '二' })).json as unknown as SubmitOk)
      .submission;
    const list = (await api('editor1', 'GET', 'api/curate/submissions')).json as unknown as SubmissionList;
    expect(list.submissions.slice(0, 2).map((entry) => [entry.id, entry.status])).toEqual([
      [second.id, 'pending'],
      [first.id, 'superseded'],
    ]);
    expect((await api('reviewer2', 'POST', `api/curate/submissions/${second.id}/return`, { comment: '  ' })).status).toBe(400);
    expect((await api('editor1', 'POST', `api/curate/submissions/${second.id}/return`, { comment: '请改' })).status).toBe(403);
    const returned = await api('reviewer2', 'POST', `api/curate/submissions/${second.id}/return`, { comment: '日期要写到月' });
    expect(returned.json).toMatchObject({ ok: true, submission: { status: 'returned', reviewComment: '日期要写到月' } });
    expect((await api('reviewer2', 'POST', `api/curate/submissions/${second.id}/approve`, {})).status).toBe(409);
  });

  it('restores version 1 as the draft (asking first when the draft has unsubmitted edits) and publishes it again', async () => {
    await editBody('editor1', '还没提交的修改');
    expect(await api('admin', 'POST', 'api/curate/versions/1/restore', {})).toMatchObject({
      status: 409,
      json: { error: 'draft-has-changes' },
    });
    expect((await api('editor1', 'POST', 'api/curate/versions/1/restore', { replaceDraft: true })).status).toBe(403);
    expect((await api('admin', 'POST', 'api/curate/versions/1/restore', { replaceDraft: true })).json).toEqual({
      ok: true,
      version: 1,
    });
    const draftFile = JSON.parse(await readFile(join(station.station.draft.dir, 'content/deqing.json'), 'utf8'));
    const original = JSON.parse(await readFile(join(station.dataDir, 'versions/1/content/deqing.json'), 'utf8'));
    expect(draftFile).toEqual(original);

    const { submission } = (await api('editor1', 'POST', 'api/curate/submissions', { note: '恢复到最初的版本' }))
      .json as unknown as SubmitOk;
    await api('reviewer2', 'POST', `api/curate/submissions/${submission.id}/approve`, {});
    expect(await waitForPublish()).toMatchObject({ phase: 'published', version: 4 });
    const versions = (await api('editor1', 'GET', 'api/curate/versions')).json as unknown as VersionList;
    expect(versions.versions[0]).toMatchObject({ number: 4, restoredFrom: 1, current: true });
    expect(await servedBody()).toEqual(original.panels.find((panel: Json) => panel.id === PANEL).body);
    expect((await auditActions()).some((entry) => entry.action === 'restore-version' && entry.detail === 'version:1')).toBe(true);
    expect(await api('admin', 'POST', 'api/curate/versions/99/restore', {})).toMatchObject({ status: 404 });
  });

  it('a live lesson holds the switch until it ends; the build is made meanwhile', async () => {
    await editBody('editor1', '上课时发布的一段');
    const { submission } = (await api('editor1', 'POST', 'api/curate/submissions', { note: '上课时' }))
      .json as unknown as SubmitOk;
    const lesson = await createLesson(station.url, 'new-recruits');
    const presenter = await connectPresenter(station.url, lesson);
    const servedBefore = await servedBody();
    try {
      await api('reviewer2', 'POST', `api/curate/submissions/${submission.id}/approve`, {});
      let status: PublishStatus | null = null;
      for (let tries = 0; tries < 200; tries++) {
        status = (await api('editor1', 'GET', 'api/curate/publish')).json as unknown as PublishStatus;
        if (status.phase === 'waiting-for-lesson') break;
        await new Promise((done) => setTimeout(done, 25));
      }
      expect(status?.phase).toBe('waiting-for-lesson');
      expect(await servedBody()).toEqual(servedBefore);
      await emitWithAck(presenter.socket, 'live:end', {});
    } finally {
      presenter.socket.close();
    }
    expect(await waitForPublish()).toMatchObject({ phase: 'published', version: 5 });
    expect(await servedBody()).toEqual([{ zh: '上课时发布的一段' }]);
  }, 20_000);

  it('refuses the anonymous, other sites, the wrong role and bodies of the wrong shape, and keeps serving', async () => {
    const writes: Array<[string, unknown]> = [
      ['api/curate/submissions', { note: 'x' }],
      [`api/curate/submissions/${submissionId}/approve`, {}],
      [`api/curate/submissions/${submissionId}/return`, { comment: 'x' }],
      ['api/curate/versions/1/restore', {}],
    ];
    for (const [path, body] of writes) {
      expect((await api(null, 'POST', path, body)).status, `${path} anonymous`).toBe(401);
      expect((await api('admin', 'POST', path, body, { origin: 'https://evil.example' })).status, `${path} cross-origin`).toBe(
        403,
      );
    }
    for (const path of ['api/curate/submissions', 'api/curate/versions', 'api/curate/publish']) {
      expect((await api(null, 'GET', path)).status, path).toBe(401);
    }
    expect((await api('editor1', 'POST', 'api/curate/submissions', { note: 'x'.repeat(3000) })).status).toBe(400);
    expect((await api('editor1', 'POST', 'api/curate/submissions', { note: 1 })).status).toBe(400);
    expect((await api('editor1', 'POST', 'api/curate/submissions', { note: '', extra: true })).status).toBe(400);
    expect((await api('admin', 'POST', 'api/curate/versions/1/restore', { replaceDraft: 'yes' })).status).toBe(400);
    expect((await api('editor1', 'GET', 'api/curate/submissions/..%2F..%2Fcontent/changes')).status).toBe(404);
    expect((await api('editor1', 'GET', 'api/curate/submissions/s-000000000000/changes')).status).toBe(404);
    expect((await api('editor1', 'GET', `api/curate/submissions/${submissionId}/photo?src=../../station.sqlite`)).status).toBe(
      404,
    );
    expect((await api('admin', 'POST', 'api/curate/versions/..%2F1/restore', {})).status).toBe(404);
    expect((await api('editor1', 'GET', 'api/curate/versions')).status).toBe(200);
  });
});

describe('a publish cut short', () => {
  it('between the store’s two renames: the next start puts the new content in place, and the version stands', async () => {
    const dataDir = await tempDir('publish-crash');
    let first: TestStation | null = await startStationInProcess({ dataDir, builder: copyingBuilder, serveDist: null });
    const storeDir = first.station.contentStore.dir;
    const versionOne = join(dataDir, 'versions/1');
    await first.close();
    first = null;
    // As replaceStore leaves it after its first rename: the old store aside, the new one complete beside it.
    await cp(versionOne, join(dataDir, '.store-incoming'), { recursive: true });
    await writeFile(join(dataDir, '.store-incoming/content/marker.json'), '{"panels":[]}\n');
    await rename(storeDir, join(dataDir, '.store-retired'));
    const second = await startStationInProcess({ dataDir, builder: copyingBuilder, serveDist: null });
    try {
      expect(existsSync(join(storeDir, 'content/marker.json'))).toBe(true);
      expect(existsSync(join(dataDir, '.store-incoming'))).toBe(false);
      expect(existsSync(join(dataDir, '.store-retired'))).toBe(false);
      expect(second.station.contentStore.seededNow).toBe(false);
    } finally {
      await second.close();
    }
  });
});
