/**
 * The exhibition's own documents on the page's side (src/modes/curate/documentModel.ts) and their
 * autosave (documentAutosave.ts over the shared autosave.ts): each document cut from the snapshot
 * as the server cuts it, the lists, the problems of one document keyed by field, the snapshot
 * after a save (a changed id included), the edits kept in storage, and the autosave's debounce,
 * offline retry, conflict, and its following a tour whose id the form changed. The documents'
 * routes and bodies (curateClient.ts `saveDocument`, …) against a recorded `fetch`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRef, DraftProblem, DraftSnapshot } from '../../src/live/curateDraftProtocol.ts';
import type { AutosaveStatus } from '../../src/modes/curate/autosave.ts';
import { createCurateApi, type DraftUpdateAnswer, documentPath } from '../../src/modes/curate/curateClient.ts';
import { createDocumentAutosave } from '../../src/modes/curate/documentAutosave.ts';
import {
  documentProblems,
  findDocument,
  keepPendingDocument,
  listDocuments,
  PENDING_DOCUMENT_PREFIX,
  pendingDocumentKeys,
  readPendingDocument,
  withDocument,
} from '../../src/modes/curate/documentModel.ts';
import { PENDING_PREFIX } from '../../src/modes/curate/draftModel.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const V1 = '0000000000000001';
const V2 = '0000000000000002';
const V3 = '0000000000000003';

function snapshot(): DraftSnapshot {
  return {
    exists: true,
    files: {
      'content/exhibition.json': {
        $schema: './exhibition.schema.json',
        title: '党史长廊',
        theme: '不忘初心',
        sections: [{ id: 'timeline', title: '时间轴', file: 'timeline.json' }],
        tours: [
          { id: 'recruits', title: '新队员', stops: [{ panel: 'p1', notes: [] }] },
          { id: 'recruits', title: '重复的编号', stops: [] },
          { title: '没有编号' },
        ],
        kiosk: { idleSeconds: 90 },
      },
      'content/quiz.json': { quizzes: [{ id: 'q1', title: '问答', questions: [] }] },
      'content/timeline.json': { panels: [] },
    },
    versions: {
      settings: V1,
      sections: { timeline: V1 },
      tours: { recruits: V2 },
      quizzes: { q1: V3 },
      panels: {},
    },
    bin: [],
    photos: [],
  };
}

const problem = (target: DraftProblem['target']): DraftProblem => ({
  severity: 'error',
  file: 'content/exhibition.json',
  path: [],
  message: { zh: '问题', en: 'problem' },
  target,
});

describe('the documents of the draft', () => {
  it('the settings are exhibition.json without its sections, tours and $schema, with their version', () => {
    const found = findDocument(snapshot(), { kind: 'settings' });
    expect(found).toEqual({ value: { title: '党史长廊', theme: '不忘初心', kiosk: { idleSeconds: 90 } }, version: V1 });
    // A copy: changing it changes nothing in the snapshot.
    (found?.value as { title: string }).title = 'x';
    expect(findDocument(snapshot(), { kind: 'settings' })?.value.title).toBe('党史长廊');
  });

  it('lists a kind in file order, each id once, entries without one left out', () => {
    expect(listDocuments(snapshot(), 'tour')).toEqual([{ id: 'recruits', title: '新队员', version: V2 }]);
    expect(listDocuments(snapshot(), 'quiz')).toEqual([{ id: 'q1', title: '问答', version: V3 }]);
    expect(findDocument(snapshot(), { kind: 'tour', id: 'recruits' })?.value.title).toBe('新队员');
    expect(findDocument(snapshot(), { kind: 'quiz', id: 'gone' })).toBeNull();
  });

  it('a saved settings document keeps the sections and tours; a renamed tour moves its version', () => {
    const settings = withDocument(snapshot(), { kind: 'settings' }, { title: '新标题', theme: '不忘初心' }, V3);
    const exhibition = settings.files['content/exhibition.json'] as Record<string, unknown>;
    expect(exhibition.title).toBe('新标题');
    expect(exhibition.sections).toEqual([{ id: 'timeline', title: '时间轴', file: 'timeline.json' }]);
    expect(exhibition.tours).toHaveLength(3);
    expect(exhibition.$schema).toBe('./exhibition.schema.json');
    expect(settings.versions.settings).toBe(V3);
    const renamed = withDocument(snapshot(), { kind: 'tour', id: 'recruits' }, { id: 'induction', title: '入队', stops: [] }, V3);
    expect(renamed.versions.tours).toEqual({ induction: V3 });
    expect(listDocuments(renamed, 'tour')).toEqual([{ id: 'induction', title: '入队', version: V3 }]);
  });

  it('a document’s problems are its own, each keyed by its field', () => {
    const all = [
      problem({ kind: 'settings', field: ['periods', 0, 'title'] }),
      problem({ kind: 'tour', tourId: 'recruits', field: ['stops', 1, 'panel'] }),
      problem({ kind: 'tour', tourId: 'other', field: ['title'] }),
      problem({ kind: 'quiz', quizId: 'q1', field: ['questions', 0, 'answer'] }),
      problem({ kind: 'file' }),
    ];
    expect(documentProblems(all, { kind: 'settings' }).map((found) => found.key)).toEqual(['periods.0.title']);
    expect(documentProblems(all, { kind: 'tour', id: 'recruits' }).map((found) => found.key)).toEqual(['stops.1.panel']);
    expect(documentProblems(all, { kind: 'quiz', id: 'q1' }).map((found) => found.key)).toEqual(['questions.0.answer']);
    expect(documentProblems(all, { kind: 'section', id: 'timeline' })).toEqual([]);
  });

  it('an edit is kept under its document’s name, never a panel’s', () => {
    const storage = new MemoryStorage();
    keepPendingDocument(storage, { kind: 'tour', id: 'recruits' }, { baseVersion: V1, value: { title: 't' }, at: 5 });
    keepPendingDocument(storage, { kind: 'settings' }, { baseVersion: V2, value: { title: 's' }, at: 6 });
    expect([...storage.items.keys()].every((key) => key.startsWith(PENDING_DOCUMENT_PREFIX))).toBe(true);
    expect([...storage.items.keys()].some((key) => key.startsWith(PENDING_PREFIX))).toBe(false);
    expect(pendingDocumentKeys(storage).sort()).toEqual(['settings', 'tour:recruits']);
    expect(readPendingDocument(storage, { kind: 'tour', id: 'recruits' })).toEqual({
      baseVersion: V1,
      value: { title: 't' },
      at: 5,
    });
    storage.items.set(`${PENDING_DOCUMENT_PREFIX}quiz:q1`, '{not json');
    expect(readPendingDocument(storage, { kind: 'quiz', id: 'q1' })).toBeNull();
    storage.failWrites = true;
    expect(() => keepPendingDocument(storage, { kind: 'settings' }, { baseVersion: V1, value: {}, at: 0 })).not.toThrow();
  });
});

describe('a document’s autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(ref: DocumentRef, answers: DraftUpdateAnswer[]) {
    const storage = new MemoryStorage();
    const statuses: AutosaveStatus[] = [];
    const saveDocument = vi.fn(async () => {
      const next = answers.shift();
      if (!next) throw new Error('no answer left');
      return next;
    });
    const saved = vi.fn();
    const saver = createDocumentAutosave({
      api: { saveDocument },
      storage,
      win: new EventTarget() as unknown as Window,
      ref,
      version: V1,
      onStatus: (status) => statuses.push(status),
      onSaved: saved,
    });
    return { storage, statuses, saveDocument, saved, saver };
  }
  const ok = (id: string | null, version: string, value: unknown): DraftUpdateAnswer => ({
    ok: true,
    id,
    version,
    value,
    problems: [],
  });

  it('sends the last edit after the typing stops, on its version; the kept copy goes once saved', async () => {
    const { saver, saveDocument, storage, saved } = setup({ kind: 'settings' }, [ok(null, V2, { title: 'ab' })]);
    saver.edit({ title: 'a' });
    await vi.advanceTimersByTimeAsync(400);
    saver.edit({ title: 'ab' });
    expect(readPendingDocument(storage, { kind: 'settings' })?.value).toEqual({ title: 'ab' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saveDocument).toHaveBeenCalledExactlyOnceWith({ kind: 'settings' }, V1, { title: 'ab' });
    expect(saved).toHaveBeenCalledWith({ kind: 'settings' }, { title: 'ab' }, V2);
    expect(saver.status()).toMatchObject({ state: 'saved', version: V2 });
    expect(readPendingDocument(storage, { kind: 'settings' })).toBeNull();
  });

  it('offline: kept and retried; a conflict pauses until keepMine sends it on their version', async () => {
    const ref = { kind: 'quiz', id: 'q1' } as const;
    const { saver, saveDocument, storage } = setup(ref, [
      { ok: false, error: 'offline' },
      { ok: false, error: 'conflict', current: { version: V3, value: { title: 'theirs' } }, sent: { title: 'mine' } },
      ok('q1', V2, { title: 'mine' }),
    ]);
    saver.edit({ title: 'mine' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.status().state).toBe('offline');
    expect(readPendingDocument(storage, ref)?.value).toEqual({ title: 'mine' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(saver.status().state).toBe('conflict');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(saveDocument).toHaveBeenCalledTimes(2);
    saver.keepMine();
    await vi.advanceTimersByTimeAsync(0);
    expect(saveDocument).toHaveBeenLastCalledWith(ref, V3, { title: 'mine' });
    expect(saver.status()).toMatchObject({ state: 'saved', version: V2, conflict: null });
  });

  it('takeTheirs drops the staff’s edit and hands back the server’s version', async () => {
    const ref = { kind: 'tour', id: 'recruits' } as const;
    const { saver, storage } = setup(ref, [
      { ok: false, error: 'conflict', current: { version: V3, value: { title: 'theirs' } }, sent: { title: 'mine' } },
    ]);
    saver.edit({ title: 'mine' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.takeTheirs()).toEqual({ title: 'theirs' });
    expect(saver.status()).toMatchObject({ state: 'saved', version: V3 });
    expect(readPendingDocument(storage, ref)).toBeNull();
  });

  it('a tour whose id the form changed is saved under its new id from then on', async () => {
    const { saver, saveDocument, storage, saved } = setup({ kind: 'tour', id: 'recruits' }, [
      ok('induction', V2, { id: 'induction', title: 'a' }),
      ok('induction', V3, { id: 'induction', title: 'ab' }),
    ]);
    saver.edit({ id: 'induction', title: 'a' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saved).toHaveBeenLastCalledWith({ kind: 'tour', id: 'recruits' }, { id: 'induction', title: 'a' }, V2);
    expect(saver.ref()).toEqual({ kind: 'tour', id: 'induction' });
    saver.edit({ id: 'induction', title: 'ab' });
    expect(pendingDocumentKeys(storage)).toEqual(['tour:induction']);
    await vi.advanceTimersByTimeAsync(800);
    expect(saveDocument).toHaveBeenLastCalledWith({ kind: 'tour', id: 'induction' }, V2, { id: 'induction', title: 'ab' });
    expect(pendingDocumentKeys(storage)).toEqual([]);
  });

  it('a refusal for good is said, and the edit stays kept', async () => {
    const ref = { kind: 'tour', id: 'recruits' } as const;
    const { saver, storage } = setup(ref, [{ ok: false, error: 'bad-id', problems: [] }]);
    saver.edit({ id: 'Bad Id' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.status()).toMatchObject({ state: 'error', error: 'bad-id' });
    expect(readPendingDocument(storage, ref)?.value).toEqual({ id: 'Bad Id' });
  });
});

describe('the documents’ routes', () => {
  it('each document, and the tours’ and quizzes’ additions and deletions, go where the protocol says', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, id: 'x', version: V1, value: {}, problems: [] }), { status: 200 }),
    );
    const api = createCurateApi({ fetch });
    await api.saveDocument({ kind: 'settings' }, V1, { title: 't' });
    await api.saveDocument({ kind: 'tour', id: 'a b' }, V2, { title: 't' });
    await api.addTour({ title: '新路线' });
    await api.deleteTour('new-tour');
    await api.addQuiz({});
    await api.deleteQuiz('q1');
    const calls = fetch.mock.calls.map((call) => {
      const [url, init] = call as unknown as [string, RequestInit];
      return [init.method, url, init.body ? JSON.parse(String(init.body)) : undefined];
    });
    expect(calls).toEqual([
      ['PUT', 'api/curate/draft/settings', { baseVersion: V1, value: { title: 't' } }],
      ['PUT', 'api/curate/draft/tours/a%20b', { baseVersion: V2, value: { title: 't' } }],
      ['POST', 'api/curate/draft/tours', { title: '新路线' }],
      ['DELETE', 'api/curate/draft/tours/new-tour', undefined],
      ['POST', 'api/curate/draft/quizzes', {}],
      ['DELETE', 'api/curate/draft/quizzes/q1', undefined],
    ]);
    expect(documentPath({ kind: 'section', id: 'timeline' })).toBe('draft/sections/timeline');
  });

  it('a conflict’s body is the answer', async () => {
    const conflict = { ok: false, error: 'conflict', current: { version: V2, value: { title: 'x' } }, sent: { title: 'y' } };
    const api = createCurateApi({ fetch: async () => new Response(JSON.stringify(conflict), { status: 409 }) });
    expect(await api.saveDocument({ kind: 'quiz', id: 'q1' }, V1, { title: 'y' })).toEqual(conflict);
  });
});
