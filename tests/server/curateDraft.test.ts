/**
 * The content store and the shared draft (布展), on real files in a temporary DATA_DIR seeded
 * from this checkout: seeding once in the build's layout, the draft made on the first edit,
 * versions and conflicts, templates, the bin, the build's check located on panels and fields,
 * atomic writes and the audit entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/build/checkContent.ts';
import { PANEL_KINDS } from '../../src/content/schema.ts';
import type { CuratePanelKind, DraftSnapshot, UpdateAnswer, UpdateOk } from '../../src/live/curateDraftProtocol.ts';
import { hashTree, openContentStore, STORE_FOLDERS, storeDirOf } from '../../src/server/curate/contentStore.ts';
import { replaceStore } from '../../src/server/curate/contentTrees.ts';
import { type ChangeEntry, CurationDraft, type FileIo } from '../../src/server/curate/draft.ts';
import { ROOT, startStationInProcess, tempDir } from './stationHarness.ts';

const ASSETS = join(ROOT, 'assets');
const CURATOR = 'curator-1';

/** Every file under a folder, relative to it, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

function memoryLog(): { entries: ChangeEntry[]; record(entry: ChangeEntry): void } {
  const entries: ChangeEntry[] = [];
  return { entries, record: (entry) => void entries.push(entry) };
}

function ok(answer: UpdateAnswer): UpdateOk {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer).slice(0, 400)}`);
  return answer;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read the draft's raw JSON freely.
type Json = any;

/** The panels of a section file in a snapshot. */
const panelsIn = (snapshot: DraftSnapshot, file: string): Json[] => (snapshot.files[file] as Json).panels;

describe('the content store', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await tempDir('store');
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is seeded on the first start with exactly the layout the build reads from assets/', async () => {
    const store = await openContentStore({ dataDir, root: ROOT, clock: () => Date.UTC(2025, 0, 2) });
    expect(store.seededNow).toBe(true);
    expect(store.dir).toBe(storeDirOf(dataDir));
    for (const folder of STORE_FOLDERS) {
      const checkout = await filesUnder(join(ASSETS, folder));
      expect(await filesUnder(join(store.dir, folder))).toEqual(checkout);
      for (const name of checkout) {
        expect(readFileSync(join(store.dir, folder, name))).toEqual(readFileSync(join(ASSETS, folder, name)));
      }
    }
    // seed.json says from what: the same hash as the checkout's files, and its build stamp.
    expect(store.seed).toMatchObject({ seededAt: '2025-01-02T00:00:00.000Z', root: ROOT });
    expect(store.seed?.filesHash).toBe((await hashTree(ASSETS, STORE_FOLDERS)).hash);
    expect(store.seed?.buildStamp).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.parse(await readFile(join(store.dir, 'seed.json'), 'utf8'))).toEqual(store.seed);
    // The build's own check runs on it as it does on the checkout.
    const errors = (await checkContent(store.contentDir, store.dir)).filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('is seeded once: a second start leaves a changed store as it is', async () => {
    const first = await openContentStore({ dataDir, root: ROOT });
    const file = join(first.contentDir, 'exhibition.json');
    await writeFile(file, '{"changed": "by a curator"}');
    const second = await openContentStore({ dataDir, root: ROOT });
    expect(second.seededNow).toBe(false);
    expect(second.seed).toEqual(first.seed);
    expect(await readFile(file, 'utf8')).toBe('{"changed": "by a curator"}');
  });

  it('is seeded by the station’s first start, and kept by the next', async () => {
    const first = await startStationInProcess({ dataDir, buildOnStart: false });
    await first.close();
    expect(first.station.contentStore.seededNow).toBe(true);
    await writeFile(join(first.station.contentStore.contentDir, 'quiz.json'), '{"quizzes": []}');
    const second = await startStationInProcess({ dataDir, buildOnStart: false });
    await second.close();
    expect(second.station.contentStore.seededNow).toBe(false);
    expect(await readFile(join(second.station.contentStore.contentDir, 'quiz.json'), 'utf8')).toBe('{"quizzes": []}');
  });

  it('clears a half-made seed left by a crash and seeds again', async () => {
    await mkdir(join(dataDir, '.content-seed-dead', 'content'), { recursive: true });
    await writeFile(join(dataDir, '.content-seed-dead', 'content', 'exhibition.json'), '{');
    const store = await openContentStore({ dataDir, root: ROOT });
    expect(store.seededNow).toBe(true);
    expect(existsSync(join(dataDir, '.content-seed-dead'))).toBe(false);
    expect(await filesUnder(store.contentDir)).toEqual(await filesUnder(join(ASSETS, 'content')));
  });
});

describe('the shared draft', () => {
  let dataDir: string;
  let log: ReturnType<typeof memoryLog>;
  let draft: CurationDraft;
  let storeDir: string;

  beforeEach(async () => {
    dataDir = await tempDir('draft');
    const store = await openContentStore({ dataDir, root: ROOT });
    storeDir = store.dir;
    log = memoryLog();
    draft = await CurationDraft.open({ dataDir, store, changeLog: log, clock: () => 1_700_000_000_000 });
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  /** The first panel of a section and its version. */
  async function firstPanelOf(file: string): Promise<{ panel: Json; version: string; snapshot: DraftSnapshot }> {
    const snapshot = await draft.snapshot();
    const panel = panelsIn(snapshot, file)[0];
    const version = snapshot.versions.panels[panel.id]?.version as string;
    return { panel, version, snapshot };
  }

  it('reads the published store until the first edit, then works on its own copy', async () => {
    const before = await draft.snapshot();
    expect(before.exists).toBe(false);
    expect(existsSync(draft.dir)).toBe(false);
    expect(Object.keys(before.files)).toContain('content/exhibition.json');
    expect(Object.keys(before.files).some((name) => name.endsWith('.schema.json'))).toBe(false);
    expect(before.photos.every((photo) => photo.startsWith('photos/'))).toBe(true);
    expect(before.versions.settings).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(before.versions.sections)).toEqual(['timeline', 'deqing', 'members', 'oath']);

    const storeText = await readFile(join(storeDir, 'content/deqing.json'), 'utf8');
    const { panel, version } = await firstPanelOf('content/deqing.json');
    ok(await draft.updatePanel(panel.id, { ...panel, summary: '改过的摘要' }, version, CURATOR));

    const after = await draft.snapshot();
    expect(after.exists).toBe(true);
    expect(await filesUnder(join(draft.dir, 'photos'))).toEqual(await filesUnder(join(storeDir, 'photos')));
    expect(panelsIn(after, 'content/deqing.json')[0].summary).toBe('改过的摘要');
    // The store stays as published.
    expect(await readFile(join(storeDir, 'content/deqing.json'), 'utf8')).toBe(storeText);
    expect(JSON.parse(await readFile(join(draft.dir, 'draft.json'), 'utf8'))).toMatchObject({ createdBy: CURATOR });
  });

  it('bumps the version on an update, and answers a stale version with both panels, changing nothing', async () => {
    const { panel, version } = await firstPanelOf('content/timeline.json');
    const mine = ok(await draft.updatePanel(panel.id, { ...panel, summary: '甲的摘要' }, version, 'a'));
    expect(mine.version).not.toBe(version);
    expect((await draft.snapshot()).versions.panels[panel.id]?.version).toBe(mine.version);

    const onDisk = await readFile(join(draft.dir, 'content/timeline.json'), 'utf8');
    const theirs = { ...panel, summary: '乙的摘要' };
    const answer = await draft.updatePanel(panel.id, theirs, version, 'b');
    expect(answer).toEqual({
      ok: false,
      error: 'conflict',
      current: { version: mine.version, value: { ...panel, summary: '甲的摘要' } },
      sent: theirs,
    });
    expect(await readFile(join(draft.dir, 'content/timeline.json'), 'utf8')).toBe(onDisk);
    expect(log.entries.map((entry) => entry.accountId)).toEqual(['a']);

    // The same text sent again on the old version (its reply lost) is already saved: no conflict.
    ok(await draft.updatePanel(panel.id, { ...panel, summary: '甲的摘要' }, version, 'a'));
  });

  it('tells the ChangeLog who changed which fields of which panel', async () => {
    const { panel, version } = await firstPanelOf('content/deqing.json');
    ok(await draft.updatePanel(panel.id, { ...panel, title: '新标题', body: ['一段'] }, version, CURATOR));
    expect(log.entries).toEqual([
      { accountId: CURATOR, action: 'update-panel', panelId: panel.id, document: null, field: 'title', at: 1_700_000_000_000 },
      { accountId: CURATOR, action: 'update-panel', panelId: panel.id, document: null, field: 'body', at: 1_700_000_000_000 },
    ]);
  });

  it('keeps what was typed even when it does not pass yet, with the problem on its field', async () => {
    const { panel, version } = await firstPanelOf('content/deqing.json');
    const answer = ok(await draft.updatePanel(panel.id, { ...panel, title: '' }, version, CURATOR));
    expect(panelsIn(await draft.snapshot(), 'content/deqing.json')[0].title).toBe('');
    expect(answer.problems).toContainEqual({
      severity: 'error',
      file: 'content/deqing.json',
      path: ['panels', 0, 'title'],
      message: expect.objectContaining({ en: expect.any(String) }),
      target: { kind: 'panel', panelId: panel.id, field: ['title'] },
    });
  });

  it('keeps HTML typed into a field as text, verbatim', async () => {
    const { panel, version } = await firstPanelOf('content/deqing.json');
    const typed = '<script>alert("x")</script><b>粗体</b> &amp;';
    const answer = ok(await draft.updatePanel(panel.id, { ...panel, summary: typed }, version, CURATOR));
    expect(panelsIn(await draft.snapshot(), 'content/deqing.json')[0].summary).toBe(typed);
    expect(JSON.parse(await readFile(join(draft.dir, 'content/deqing.json'), 'utf8')).panels[0].summary).toBe(typed);
    // The content check's warning that markup shows as it is, on that field.
    expect(answer.problems.map((problem) => [problem.severity, problem.target])).toContainEqual([
      'warning',
      { kind: 'panel', panelId: panel.id, field: ['summary'] },
    ]);
  });

  it('refuses an id that is not one, or one another panel has', async () => {
    const { panel, version, snapshot } = await firstPanelOf('content/deqing.json');
    const bad = await draft.updatePanel(panel.id, { ...panel, id: 'Not An Id' }, version, CURATOR);
    expect(bad).toMatchObject({ ok: false, error: 'bad-id', problems: [{ path: ['panels', 0, 'id'] }] });
    const other = panelsIn(snapshot, 'content/deqing.json')[1].id;
    expect(await draft.updatePanel(panel.id, { ...panel, id: other }, version, CURATOR)).toMatchObject({ error: 'id-taken' });
  });

  it.each(PANEL_KINDS)('adds a %s panel from its template that passes the build’s check', async (kind) => {
    const sectionId = kind === 'milestone' ? 'timeline' : 'deqing';
    const added = ok(await draft.addPanel({ kind: kind as CuratePanelKind, sectionId, index: 1 }, CURATOR));
    expect(added.id).toBe(`new-${kind}`);
    expect(added.problems).toEqual([]);
    const snapshot = await draft.snapshot();
    expect(snapshot.versions.panels[`new-${kind}`]).toMatchObject({ sectionId, index: 1, version: added.version });
    const problems = await draft.check();
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(problems.filter((problem) => problem.target.kind === 'panel' && problem.target.panelId === added.id)).toEqual([]);
    expect(log.entries).toEqual([expect.objectContaining({ action: 'add-panel', panelId: `new-${kind}`, field: null })]);
  });

  it('makes ids from a Latin title, unique, and puts a panel at the end by default', async () => {
    const a = ok(await draft.addPanel({ kind: 'event', sectionId: 'deqing', title: 'Fire Drill 2021' }, CURATOR));
    const b = ok(await draft.addPanel({ kind: 'event', sectionId: 'deqing', title: 'Fire drill 2021' }, CURATOR));
    expect([a.id, b.id]).toEqual(['fire-drill-2021', 'fire-drill-2021-2']);
    const panels = panelsIn(await draft.snapshot(), 'content/deqing.json');
    expect(panels.slice(-2).map((panel) => panel.id)).toEqual(['fire-drill-2021', 'fire-drill-2021-2']);
  });

  it('duplicates a panel right after it with an id of its own', async () => {
    const { panel } = await firstPanelOf('content/members.json');
    const first = ok(await draft.duplicatePanel(panel.id, CURATOR));
    const second = ok(await draft.duplicatePanel(panel.id, CURATOR));
    expect([first.id, second.id]).toEqual([`${panel.id}-copy`, `${panel.id}-copy-2`]);
    const panels = panelsIn(await draft.snapshot(), 'content/members.json');
    expect(panels.slice(0, 3).map((candidate) => candidate.id)).toEqual([panel.id, second.id, first.id]);
    expect({ ...panels[2], id: panel.id }).toEqual(panel);
    expect((await draft.check()).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('moves a panel within its section and into another', async () => {
    const { panel, snapshot } = await firstPanelOf('content/deqing.json');
    const count = panelsIn(snapshot, 'content/deqing.json').length;
    expect(await draft.movePanel(panel.id, { sectionId: 'deqing', index: 2 }, CURATOR)).toEqual({
      ok: true,
      sectionId: 'deqing',
      index: 2,
    });
    expect(panelsIn(await draft.snapshot(), 'content/deqing.json')[2]).toEqual(panel);
    expect(await draft.movePanel(panel.id, { sectionId: 'members', index: 99 }, CURATOR)).toMatchObject({ index: 6 });
    const after = await draft.snapshot();
    expect(panelsIn(after, 'content/deqing.json')).toHaveLength(count - 1);
    expect(panelsIn(after, 'content/members.json').at(-1)).toEqual(panel);
    expect(after.versions.panels[panel.id]).toMatchObject({ sectionId: 'members', index: 6 });
  });

  it('refuses to delete a panel a tour stop names, with the check’s message at the tour’s JSON path', async () => {
    const snapshot = await draft.snapshot();
    const tour = (snapshot.files['content/exhibition.json'] as Json).tours[0];
    const panelId: string = tour.stops[0].panel;
    const answer = await draft.deletePanel(panelId, CURATOR);
    expect(answer).toMatchObject({ ok: false, error: 'in-use' });
    if (answer.ok) return;
    expect(answer.problems).toContainEqual({
      severity: 'error',
      file: 'content/exhibition.json',
      path: ['tours', 0, 'stops', 0, 'panel'],
      message: { zh: `找不到 id 为 “${panelId}” 的展板`, en: `no panel has the id "${panelId}"` },
      target: { kind: 'tour', tourId: tour.id, field: ['stops', 0, 'panel'] },
    });
    // Nothing changed: no draft, the panel where it was, nothing in the log.
    expect(draft.exists).toBe(false);
    expect((await draft.snapshot()).versions.panels[panelId]).toEqual(snapshot.versions.panels[panelId]);
    expect(log.entries).toEqual([]);
  });

  it('refuses to delete a panel a quiz question or a related link names', async () => {
    const snapshot = await draft.snapshot();
    const question = (snapshot.files['content/quiz.json'] as Json).quizzes[0].questions[0];
    const quizAnswer = await draft.deletePanel(question.panel, CURATOR);
    expect(quizAnswer.ok).toBe(false);
    if (!quizAnswer.ok) {
      expect(quizAnswer.problems.map((problem) => [problem.file, problem.target.kind])).toContainEqual([
        'content/quiz.json',
        'quiz',
      ]);
    }
    // A related link: one panel names another, in the same file.
    const added = ok(await draft.addPanel({ kind: 'event', sectionId: 'deqing', index: 0, title: 'linked' }, CURATOR));
    const { panel, version } = await firstPanelOf('content/deqing.json');
    const target = panelsIn(await draft.snapshot(), 'content/deqing.json')[1];
    ok(await draft.updatePanel(added.id as string, { ...panel, related: [target.id] }, version, CURATOR));
    const relatedAnswer = await draft.deletePanel(target.id, CURATOR);
    expect(relatedAnswer).toMatchObject({
      ok: false,
      error: 'in-use',
      problems: expect.arrayContaining([
        expect.objectContaining({ target: { kind: 'panel', panelId: 'linked', field: ['related', 0] } }),
      ]),
    });
  });

  it('deletes an unused panel into the bin and restores it where it stood', async () => {
    const snapshot = await draft.snapshot();
    const exhibition = snapshot.files['content/exhibition.json'] as Json;
    const quizzes = (snapshot.files['content/quiz.json'] as Json).quizzes;
    const named = new Set<string>([
      ...exhibition.tours.flatMap((tour: Json) => tour.stops.map((stop: Json) => stop.panel)),
      ...quizzes.flatMap((quiz: Json) => quiz.questions.map((question: Json) => question.panel)),
      ...Object.keys(snapshot.files).flatMap((file) =>
        ((snapshot.files[file] as Json)?.panels ?? []).flatMap((panel: Json) => panel.related ?? []),
      ),
    ]);
    const panels = panelsIn(snapshot, 'content/deqing.json');
    const index = panels.findIndex((panel) => !named.has(panel.id));
    const panel = panels[index];
    expect(index).toBeGreaterThan(0);

    const deleted = await draft.deletePanel(panel.id, CURATOR);
    if (!deleted.ok) throw new Error(JSON.stringify(deleted));
    const binned = await draft.snapshot();
    expect(binned.versions.panels[panel.id]).toBeUndefined();
    expect(binned.bin).toEqual([
      { binId: deleted.binId, panel, sectionId: 'deqing', index, deletedAt: 1_700_000_000_000, deletedBy: CURATOR },
    ]);
    // The bin's ids stay taken: a new panel cannot take the deleted one's id.
    expect(ok(await draft.addPanel({ kind: 'event', sectionId: 'oath', title: panel.id }, CURATOR)).id).toBe(`${panel.id}-2`);

    ok(await draft.restorePanel(deleted.binId, {}, CURATOR));
    const restored = await draft.snapshot();
    expect(panelsIn(restored, 'content/deqing.json')).toEqual(panels);
    expect(restored.bin).toEqual([]);
    expect(log.entries.map((entry) => [entry.action, entry.panelId])).toEqual([
      ['delete-panel', panel.id],
      ['add-panel', `${panel.id}-2`],
      ['restore-panel', panel.id],
    ]);
  });

  it('answers an update of a panel deleted meanwhile with a conflict, so the text is not lost', async () => {
    const added = ok(await draft.addPanel({ kind: 'board', sectionId: 'deqing', title: 'to-go' }, CURATOR));
    const deleted = await draft.deletePanel('to-go', 'b');
    expect(deleted.ok).toBe(true);
    const typed = { ...(added.value as Json), title: '还在写' };
    expect(await draft.updatePanel('to-go', typed, added.version, CURATOR)).toEqual({
      ok: false,
      error: 'conflict',
      current: null,
      sent: typed,
    });
  });

  it('checks a broken draft with the build’s check: file and JSON path, located on the panel and field', async () => {
    const { panel, version } = await firstPanelOf('content/members.json');
    ok(
      await draft.updatePanel(
        panel.id,
        { ...panel, images: [{ src: 'photos/not-there.jpg', caption: '没有这张' }] },
        version,
        CURATOR,
      ),
    );
    const problems = await draft.check();
    expect(problems).toContainEqual({
      severity: 'error',
      file: 'content/members.json',
      path: ['panels', 0, 'images', 0, 'src'],
      message: { zh: '找不到文件 "photos/not-there.jpg"', en: 'file not found "photos/not-there.jpg"' },
      target: { kind: 'panel', panelId: panel.id, field: ['images', 0, 'src'] },
    });
  });

  it('writes atomically: a write failing half-way leaves the old file whole and no temporary file', async () => {
    const store = await openContentStore({ dataDir, root: ROOT });
    let fail = false;
    const io: FileIo = {
      writeFile: async (path, data) => {
        if (!fail) return writeFile(path, data);
        await writeFile(path, data.slice(0, data.length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      rename: (from, to) => import('node:fs/promises').then((fs) => fs.rename(from, to)),
    };
    const failing = await CurationDraft.open({ dataDir, store, changeLog: log, io });
    const snapshot = await failing.snapshot();
    const panel = panelsIn(snapshot, 'content/deqing.json')[0];
    const version = snapshot.versions.panels[panel.id]?.version as string;
    const first = ok(await failing.updatePanel(panel.id, { ...panel, summary: '第一次' }, version, CURATOR));
    const before = await readFile(join(failing.dir, 'content/deqing.json'), 'utf8');

    fail = true;
    await expect(failing.updatePanel(panel.id, { ...panel, summary: '第二次' }, first.version, CURATOR)).rejects.toThrow(
      'ENOSPC',
    );
    expect(await readFile(join(failing.dir, 'content/deqing.json'), 'utf8')).toBe(before);
    expect((await readdir(join(failing.dir, 'content'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(log.entries.map((entry) => entry.field)).toEqual(['summary']);

    fail = false;
    ok(await failing.updatePanel(panel.id, { ...panel, summary: '第二次' }, first.version, CURATOR));
  });

  it('clears a temporary file a crash left mid-write when it opens', async () => {
    const { panel, version } = await firstPanelOf('content/deqing.json');
    ok(await draft.updatePanel(panel.id, { ...panel, summary: '甲' }, version, CURATOR));
    const leftover = join(draft.dir, 'content', 'deqing.json.curate-1-dead.tmp');
    await writeFile(leftover, '{"panels": [');
    await CurationDraft.open({ dataDir, store: await openContentStore({ dataDir, root: ROOT }), changeLog: log });
    expect(existsSync(leftover)).toBe(false);
  });

  it('updates a tour, a section, a quiz and the settings, each on its own version', async () => {
    const snapshot = await draft.snapshot();
    const exhibition = snapshot.files['content/exhibition.json'] as Json;
    const tour = exhibition.tours[0];
    const tourVersion = snapshot.versions.tours[tour.id] as string;
    const changedTour = { ...tour, title: '新的路线名称' };
    const saved = ok(await draft.updateDocument({ kind: 'tour', id: tour.id }, changedTour, tourVersion, CURATOR));
    expect(saved.value).toEqual(changedTour);
    expect(
      await draft.updateDocument({ kind: 'tour', id: tour.id }, { ...tour, title: '另一个' }, tourVersion, 'b'),
    ).toMatchObject({
      ok: false,
      error: 'conflict',
      current: { version: saved.version, value: changedTour },
    });

    const section = exhibition.sections[1];
    const sectionVersion = snapshot.versions.sections[section.id] as string;
    expect(
      await draft.updateDocument(
        { kind: 'section', id: section.id },
        { ...section, file: 'timeline.json' },
        sectionVersion,
        CURATOR,
      ),
    ).toMatchObject({ ok: false, error: 'not-editable' });
    ok(
      await draft.updateDocument({ kind: 'section', id: section.id }, { ...section, accent: '#123456' }, sectionVersion, CURATOR),
    );

    const quiz = (snapshot.files['content/quiz.json'] as Json).quizzes[0];
    ok(
      await draft.updateDocument(
        { kind: 'quiz', id: quiz.id },
        { ...quiz, title: '新的问答' },
        snapshot.versions.quizzes[quiz.id] as string,
        CURATOR,
      ),
    );

    // The settings are exhibition.json without its sections and tours: those stay as they are.
    const settingsVersion = snapshot.versions.settings as string;
    const settings = ok(
      await draft.updateDocument(
        { kind: 'settings' },
        { title: '新的展览名称', host: exhibition.host, theme: exhibition.theme, sections: [] },
        settingsVersion,
        CURATOR,
      ),
    );
    expect(settings.value).toEqual({ title: '新的展览名称', host: exhibition.host, theme: exhibition.theme });
    const after = JSON.parse(await readFile(join(draft.dir, 'content/exhibition.json'), 'utf8'));
    expect(Object.keys(after).slice(0, 3)).toEqual(['$schema', 'title', 'host']);
    expect(after.sections).toHaveLength(exhibition.sections.length);
    expect(after.sections[1].accent).toBe('#123456');
    expect(after.tours[0].title).toBe('新的路线名称');

    expect(log.entries.map((entry) => [entry.action, entry.document, entry.field])).toEqual([
      ['update-tour', `tour:${tour.id}`, 'title'],
      ['update-section', `section:${section.id}`, 'accent'],
      ['update-quiz', `quiz:${quiz.id}`, 'title'],
      ...Object.keys({ ...exhibition })
        .filter((key) => !['$schema', 'sections', 'tours', 'host', 'theme'].includes(key))
        .map((key) => ['update-settings', 'settings', key]),
    ]);
  });

  it('adds a section with its own empty panel file, last in the corridor, and the build’s check passes it', async () => {
    const before = await draft.snapshot();
    const added = ok(await draft.addSection({ title: 'Deqing county history' }, CURATOR));
    expect(added).toMatchObject({
      id: 'deqing-county-history',
      value: { id: 'deqing-county-history', title: 'Deqing county history', file: 'deqing-county-history.json' },
    });
    const onDisk = JSON.parse(await readFile(join(draft.dir, 'content/deqing-county-history.json'), 'utf8'));
    expect(onDisk).toEqual({ $schema: './section.schema.json', panels: [] });
    const after = await draft.snapshot();
    const ids = (snapshot: DraftSnapshot) =>
      (snapshot.files['content/exhibition.json'] as Json).sections.map((entry: Json) => entry.id);
    expect(ids(after)).toEqual([...ids(before), 'deqing-county-history']);
    expect(after.versions.sections['deqing-county-history']).toBe(added.version);
    // An empty section is content the build takes: no error anywhere, none at the section.
    const errors = (await checkContent(join(draft.dir, 'content'), draft.dir)).filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
    expect(log.entries.at(-1)).toMatchObject({ action: 'add-section', document: 'section:deqing-county-history' });

    // A panel can go into it, and the panel list says so.
    const { panel } = await firstPanelOf('content/deqing.json');
    expect(await draft.movePanel(panel.id, { sectionId: 'deqing-county-history', index: 0 }, CURATOR)).toMatchObject({
      ok: true,
    });
    expect((await draft.snapshot()).versions.panels[panel.id]).toMatchObject({ sectionId: 'deqing-county-history', index: 0 });
  });

  it('never takes over a file already in the folder: a new section gets a name no file has', async () => {
    ok(await draft.addSection({}, CURATOR));
    // A developer's file (or one left by hand) with the next name.
    await writeFile(join(draft.dir, 'content/new-section-2.json'), '{"panels":[{"id":"kept"}]}\n');
    const third = ok(await draft.addSection({}, CURATOR));
    expect(third).toMatchObject({ id: 'new-section-3', value: { file: 'new-section-3.json', title: '新的栏目（待填写名称）' } });
    expect(await readFile(join(draft.dir, 'content/new-section-2.json'), 'utf8')).toContain('"kept"');
  });

  it('deletes an empty section and its file; refuses one with panels `not-empty`, changing nothing', async () => {
    ok(await draft.addSection({ title: 'to go' }, CURATOR));
    const { panel } = await firstPanelOf('content/deqing.json');
    await draft.movePanel(panel.id, { sectionId: 'to-go', index: 0 }, CURATOR);
    const exhibitionBefore = await readFile(join(draft.dir, 'content/exhibition.json'), 'utf8');
    expect(await draft.deleteDocument({ kind: 'section', id: 'to-go' }, CURATOR)).toEqual({
      ok: false,
      error: 'not-empty',
      problems: [],
    });
    expect(await readFile(join(draft.dir, 'content/exhibition.json'), 'utf8')).toBe(exhibitionBefore);
    expect(existsSync(join(draft.dir, 'content/to-go.json'))).toBe(true);

    await draft.movePanel(panel.id, { sectionId: 'deqing', index: 0 }, CURATOR);
    expect(await draft.deleteDocument({ kind: 'section', id: 'to-go' }, CURATOR)).toEqual({ ok: true, id: 'to-go' });
    expect(existsSync(join(draft.dir, 'content/to-go.json'))).toBe(false);
    const sections = (await draft.snapshot()).files['content/exhibition.json'] as Json;
    expect(sections.sections.map((entry: Json) => entry.id)).not.toContain('to-go');
    expect(log.entries.at(-1)).toMatchObject({ action: 'delete-section', document: 'section:to-go' });
    expect(await draft.deleteDocument({ kind: 'section', id: 'to-go' }, CURATOR)).toMatchObject({ error: 'not-found' });
  });

  it('refuses to delete the exhibition’s last section, with the check’s words', async () => {
    // A draft of one empty section: every other section's panels gone, the way a station might start.
    ok(await draft.addSection({ title: 'only' }, CURATOR));
    const exhibitionPath = join(draft.dir, 'content/exhibition.json');
    const exhibition = JSON.parse(await readFile(exhibitionPath, 'utf8'));
    await writeFile(
      exhibitionPath,
      JSON.stringify({ ...exhibition, sections: exhibition.sections.filter((entry: Json) => entry.id === 'only'), tours: [] }),
    );
    await writeFile(join(draft.dir, 'content/quiz.json'), JSON.stringify({ quizzes: [] }));
    const refused = await draft.deleteDocument({ kind: 'section', id: 'only' }, CURATOR);
    expect(refused).toMatchObject({ ok: false, error: 'in-use' });
    const problems = (refused as { problems: Array<{ message: { zh: string } }> }).problems;
    expect(problems.map((problem) => problem.message.zh).join(' ')).toContain('展览至少需要一个栏目');
    expect(existsSync(join(draft.dir, 'content/only.json'))).toBe(true);
  });

  it('moves sections, tours and quizzes within their lists, clamped to the ends; an unknown id is not found', async () => {
    const snapshot = await draft.snapshot();
    const exhibition = snapshot.files['content/exhibition.json'] as Json;
    const sectionIds: string[] = exhibition.sections.map((entry: Json) => entry.id);
    const last = sectionIds.at(-1) as string;
    expect(await draft.moveDocument({ kind: 'section', id: last }, 0, CURATOR)).toEqual({ ok: true, id: last, index: 0 });
    const moved = (await draft.snapshot()).files['content/exhibition.json'] as Json;
    expect(moved.sections.map((entry: Json) => entry.id)).toEqual([last, ...sectionIds.slice(0, -1)]);
    // The corridor's panels follow their section: the first panel now is the moved section's.
    expect(Object.values((await draft.snapshot()).versions.panels)[0]).toMatchObject({ sectionId: last });
    expect(await draft.moveDocument({ kind: 'section', id: last }, 99, CURATOR)).toEqual({
      ok: true,
      id: last,
      index: sectionIds.length - 1,
    });
    expect(((await draft.snapshot()).files['content/exhibition.json'] as Json).sections.map((entry: Json) => entry.id)).toEqual(
      sectionIds,
    );
    expect(moved.tours).toEqual(exhibition.tours);

    ok(await draft.addTour({ title: 'second tour' }, CURATOR));
    expect(await draft.moveDocument({ kind: 'tour', id: 'second-tour' }, 0, CURATOR)).toMatchObject({ ok: true, index: 0 });
    expect(((await draft.snapshot()).files['content/exhibition.json'] as Json).tours[0].id).toBe('second-tour');
    ok(await draft.addQuiz({ title: 'second quiz' }, CURATOR));
    expect(await draft.moveDocument({ kind: 'quiz', id: 'second-quiz' }, 0, CURATOR)).toMatchObject({ ok: true, index: 0 });
    expect(((await draft.snapshot()).files['content/quiz.json'] as Json).quizzes[0].id).toBe('second-quiz');

    expect(await draft.moveDocument({ kind: 'section', id: 'nowhere' }, 0, CURATOR)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(log.entries.filter((entry) => entry.action.startsWith('move-')).map((entry) => entry.document)).toEqual([
      `section:${last}`,
      `section:${last}`,
      'tour:second-tour',
      'quiz:second-quiz',
    ]);
  });

  it('keeps the bin when a draft published whole goes, and a restore from it starts the next draft', async () => {
    const snapshot = await draft.snapshot();
    const exhibition = snapshot.files['content/exhibition.json'] as Json;
    const quizzes = (snapshot.files['content/quiz.json'] as Json).quizzes;
    // A panel no tour stop, quiz question or related link names (one the bin takes).
    const named = new Set<string>([
      ...exhibition.tours.flatMap((tour: Json) => tour.stops.map((stop: Json) => stop.panel)),
      ...quizzes.flatMap((quiz: Json) => quiz.questions.map((question: Json) => question.panel)),
      ...Object.keys(snapshot.files).flatMap((file) =>
        ((snapshot.files[file] as Json)?.panels ?? []).flatMap((panel: Json) => panel.related ?? []),
      ),
    ]);
    const unused = panelsIn(snapshot, 'content/deqing.json').find((panel) => !named.has(panel.id)) as Json;
    const binned = await draft.deletePanel(unused.id, CURATOR);
    expect(binned).toMatchObject({ ok: true });
    const hash = await draft.treeHash();
    // Published as it is: the store becomes the draft's tree, and the draft goes.
    await replaceStore(storeDir, draft.dir, []);
    expect(await draft.discardIfPublished(hash)).toBe(true);
    expect(draft.exists).toBe(false);
    const after = await draft.snapshot();
    expect(after.bin.map((entry) => (entry.panel as Json).id)).toEqual([unused.id]);
    expect(existsSync(join(dataDir, 'bin-kept.json'))).toBe(true);

    const restored = await draft.restorePanel((binned as { binId: string }).binId, {}, CURATOR);
    expect(restored).toMatchObject({ ok: true, id: unused.id });
    expect(draft.exists).toBe(true);
    expect((await draft.snapshot()).bin).toEqual([]);
    expect(existsSync(join(dataDir, 'bin-kept.json'))).toBe(false);
  });
});
