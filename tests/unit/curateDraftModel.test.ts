/**
 * The draft editor's pure side (src/modes/curate/draftModel.ts) and one panel's autosave
 * (src/modes/curate/panelAutosave.ts): the list in corridor order, a localized field's two
 * languages (other keys kept), problems placed at the most precise field shown, the edits kept
 * in storage, and the autosave's debounce, its re-send of what was typed during a save, its
 * offline retry and its conflict.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftProblem, DraftSnapshot } from '../../src/live/curateDraftProtocol.ts';
import type { DraftUpdateAnswer } from '../../src/modes/curate/curateClient.ts';
import {
  dropPending,
  findPanel,
  keepPending,
  listSections,
  localizedParts,
  panelProblems,
  pendingPanelIds,
  placeProblems,
  readPending,
  textIn,
  withLanguage,
  withPanel,
} from '../../src/modes/curate/draftModel.ts';
import { type AutosaveStatus, createPanelAutosave } from '../../src/modes/curate/panelAutosave.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const V1 = '0000000000000001';
const V2 = '0000000000000002';
const V3 = '0000000000000003';

function snapshot(): DraftSnapshot {
  return {
    exists: true,
    files: {
      'content/exhibition.json': {
        sections: [
          { id: 'b', title: '乙', file: 'b.json' },
          { id: 'a', title: { zh: '甲', en: 'A' }, file: 'a.json' },
        ],
      },
      'content/a.json': { panels: [{ kind: 'event', id: 'a1', title: 'A1', people: [1] }] },
      'content/b.json': {
        panels: [
          { kind: 'board', id: 'b2', title: 'B2' },
          { kind: 'board', id: 'b1', title: 'B1' },
        ],
      },
    },
    versions: {
      settings: null,
      sections: {},
      tours: {},
      quizzes: {},
      panels: {
        a1: { sectionId: 'a', file: 'content/a.json', index: 0, version: V1 },
        b2: { sectionId: 'b', file: 'content/b.json', index: 0, version: V2 },
        b1: { sectionId: 'b', file: 'content/b.json', index: 1, version: V3 },
      },
    },
    bin: [],
    photos: [],
  };
}

const problem = (field: Array<string | number>, panelId = 'a1'): DraftProblem => ({
  severity: 'error',
  file: 'content/a.json',
  path: ['panels', 0, ...field],
  message: { zh: field.join('.'), en: field.join('.') },
  target: { kind: 'panel', panelId, field },
});

describe('the draft model', () => {
  it('lists the sections in the exhibition’s order and their panels in the file’s', () => {
    expect(listSections(snapshot())).toEqual([
      {
        id: 'b',
        title: '乙',
        file: 'content/b.json',
        panels: [
          { id: 'b2', kind: 'board', title: 'B2', version: V2 },
          { id: 'b1', kind: 'board', title: 'B1', version: V3 },
        ],
      },
      {
        id: 'a',
        title: { zh: '甲', en: 'A' },
        file: 'content/a.json',
        panels: [{ id: 'a1', kind: 'event', title: 'A1', version: V1 }],
      },
    ]);
  });

  it('finds a panel as a copy, and replaces one after a save, the rest untouched', () => {
    const draft = snapshot();
    const found = findPanel(draft, 'a1');
    expect(found).toEqual({ kind: 'event', id: 'a1', title: 'A1', people: [1] });
    (found?.people as number[] | undefined)?.push(2);
    expect(findPanel(draft, 'a1')?.people).toEqual([1]);
    const next = withPanel(draft, 'b1', { kind: 'board', id: 'b1', title: 'B1!' }, V1);
    expect(findPanel(next, 'b1')?.title).toBe('B1!');
    expect(next.versions.panels.b1?.version).toBe(V1);
    expect(findPanel(next, 'b2')).toEqual(findPanel(draft, 'b2'));
    expect(findPanel(draft, 'b1')?.title).toBe('B1');
  });

  it('a localized field: its languages, one changed, a plain string without English, other keys kept', () => {
    expect(localizedParts('中文')).toEqual({ zh: '中文', en: '' });
    expect(localizedParts({ zh: '中', en: 'en' })).toEqual({ zh: '中', en: 'en' });
    expect(localizedParts(undefined)).toEqual({ zh: '', en: '' });
    expect(withLanguage('中文', 'en', 'Chinese')).toEqual({ zh: '中文', en: 'Chinese' });
    expect(withLanguage({ zh: '中文', en: 'Chinese' }, 'en', '')).toBe('中文');
    expect(withLanguage({ zh: '中', en: 'x', note: 1 }, 'zh', '新')).toEqual({ zh: '新', en: 'x', note: 1 });
    expect(withLanguage({ zh: '中', en: 'x', note: 1 }, 'en', '')).toEqual({ zh: '中', note: 1 });
    expect(textIn({ zh: '中', en: 'en' }, 'en')).toBe('en');
    expect(textIn({ zh: '中' }, 'en')).toBe('中');
  });

  it('places each problem at the most precise field shown, the rest at the top', () => {
    const problems = panelProblems(
      [
        problem(['title', 'en']),
        problem(['body', 1]),
        problem(['images', 0, 'src']),
        problem(['period']),
        problem(['title'], 'b1'),
      ],
      'a1',
    );
    const placed = placeProblems(problems, ['title', 'body', 'body.0', 'body.1', 'images', 'images.0', 'images.0.caption']);
    expect(placed.get('title')?.map((entry) => entry.message.zh)).toEqual(['title.en']);
    expect(placed.get('body.1')?.map((entry) => entry.message.zh)).toEqual(['body.1']);
    expect(placed.get('images.0')?.map((entry) => entry.message.zh)).toEqual(['images.0.src']);
    expect(placed.get('')?.map((entry) => entry.message.zh)).toEqual(['period']);
  });

  it('keeps, reads, lists and drops an edit; a broken or refused storage loses nothing else', () => {
    const storage = new MemoryStorage();
    keepPending(storage, 'a1', { baseVersion: V1, panel: { id: 'a1' }, at: 5 });
    storage.setItem('other', 'x');
    expect(readPending(storage, 'a1')).toEqual({ baseVersion: V1, panel: { id: 'a1' }, at: 5 });
    expect(pendingPanelIds(storage)).toEqual(['a1']);
    storage.setItem('curate-pending-panel:b1', '{not json');
    expect(readPending(storage, 'b1')).toBeNull();
    dropPending(storage, 'a1');
    expect(readPending(storage, 'a1')).toBeNull();
    storage.failWrites = true;
    expect(() => keepPending(storage, 'a1', { baseVersion: V1, panel: {}, at: 0 })).not.toThrow();
    storage.failReads = true;
    expect(readPending(storage, 'a1')).toBeNull();
  });
});

describe('the autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(answers: Array<DraftUpdateAnswer | Promise<DraftUpdateAnswer>>) {
    const storage = new MemoryStorage();
    const statuses: AutosaveStatus[] = [];
    const win = new EventTarget();
    const savePanel = vi.fn(async () => {
      const next = answers.shift();
      if (!next) throw new Error('no answer left');
      return next;
    });
    const saved = vi.fn();
    const saver = createPanelAutosave({
      api: { savePanel },
      storage,
      win: win as unknown as Window,
      panelId: 'a1',
      version: V1,
      onStatus: (status) => statuses.push(status),
      onSaved: saved,
    });
    return { storage, statuses, win, savePanel, saved, saver };
  }
  const ok = (version: string, value: unknown = {}): DraftUpdateAnswer => ({ ok: true, id: 'a1', version, value, problems: [] });

  it('waits for the typing to stop, then sends the last edit on its version', async () => {
    const { saver, savePanel, storage } = setup([ok(V2)]);
    saver.edit({ id: 'a1', title: 'x' });
    await vi.advanceTimersByTimeAsync(500);
    saver.edit({ id: 'a1', title: 'xy' });
    await vi.advanceTimersByTimeAsync(500);
    expect(savePanel).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(savePanel).toHaveBeenCalledExactlyOnceWith('a1', V1, { id: 'a1', title: 'xy' });
    expect(saver.status()).toMatchObject({ state: 'saved', version: V2 });
    expect(readPending(storage, 'a1')).toBeNull();
  });

  it('what is typed during a save is sent after it, on the version it brought', async () => {
    let answer!: (value: DraftUpdateAnswer) => void;
    const first = new Promise<DraftUpdateAnswer>((done) => {
      answer = done;
    });
    const { saver, savePanel, storage } = setup([first, ok(V3)]);
    saver.edit({ title: 'a' });
    await vi.advanceTimersByTimeAsync(800);
    saver.edit({ title: 'ab' });
    answer(ok(V2));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status().state).toBe('saving');
    expect(readPending(storage, 'a1')).toMatchObject({ baseVersion: V2, panel: { title: 'ab' } });
    await vi.advanceTimersByTimeAsync(800);
    expect(savePanel).toHaveBeenLastCalledWith('a1', V2, { title: 'ab' });
    expect(saver.status()).toMatchObject({ state: 'saved', version: V3 });
  });

  it('offline: kept, retried on the timer; a conflict pauses until the staff choose', async () => {
    const conflict: DraftUpdateAnswer = {
      ok: false,
      error: 'conflict',
      current: { version: V3, value: { title: 'theirs' } },
      sent: { title: 'mine' },
    };
    const { saver, savePanel } = setup([{ ok: false, error: 'offline' }, conflict, ok(V2)]);
    saver.edit({ title: 'mine' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.status().state).toBe('offline');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(saver.status().state).toBe('conflict');
    saver.edit({ title: 'mine too' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(savePanel).toHaveBeenCalledTimes(2);
    saver.keepMine();
    await vi.advanceTimersByTimeAsync(0);
    expect(savePanel).toHaveBeenLastCalledWith('a1', V3, { title: 'mine too' });
    expect(saver.status()).toMatchObject({ state: 'saved', version: V2, conflict: null });
  });

  it('a refusal for good is said, and the edit stays kept', async () => {
    const { saver, storage } = setup([{ ok: false, error: 'not-found', problems: [] }]);
    saver.edit({ title: 'x' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.status()).toMatchObject({ state: 'error', error: 'not-found' });
    expect(readPending(storage, 'a1')?.panel).toEqual({ title: 'x' });
  });

  it('flushed on leaving, a save still brings the kept copy up to date', async () => {
    const { saver, storage, saved } = setup([ok(V2, { title: 'x' })]);
    saver.edit({ title: 'x' });
    saver.flush();
    saver.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toHaveBeenCalledWith({ title: 'x' }, V2);
    expect(readPending(storage, 'a1')).toBeNull();
  });
});
