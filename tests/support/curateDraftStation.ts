/**
 * The draft side of the stand-in station (tests/support/curateStation.ts): the shared draft of
 * src/live/curateDraftProtocol.ts over the shipped content (assets/content/), with versions (a
 * hash of each panel's JSON), conflicts on a stale `baseVersion`, the bin, refusals `in-use`, the
 * photo upload (the raw body), the preview's build and presence (the others a test sets). Enough
 * of the server's rules for the page's tests; the server's own are in tests/server/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BinEntry, DraftProblem, DraftVersions, PresenceEntry } from '../../src/live/curateDraftProtocol.ts';
import { SHIPPED_CONTENT_DIR } from './shippedContent.ts';

type Json = Record<string, unknown>;

export interface DraftStationOptions {
  /** Problems of the whole check (GET …/problems). */
  problems?: DraftProblem[];
  /** Panels a tour, a quiz or a related link names: their deletion is refused with these. */
  inUse?: Record<string, DraftProblem[]>;
  /** The photo upload refused with this (the server's words). */
  photoRefusal?: { error: string; message: string };
  /** Tours and quizzes whose deletion is refused in-use, by "tour:<id>" / "quiz:<id>", with these problems. */
  documentsInUse?: Record<string, DraftProblem[]>;
}

export const versionOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

const readContent = (name: string) => JSON.parse(readFileSync(join(SHIPPED_CONTENT_DIR, name), 'utf8')) as Json;

/** The save's own check, a small part of the real one: an empty title, an image without words. */
export function panelCheck(file: string, index: number, panel: Json): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const id = String(panel.id);
  const at = (field: Array<string | number>, zh: string, en: string): DraftProblem => ({
    severity: 'error',
    file,
    path: ['panels', index, ...field],
    message: { zh, en },
    target: { kind: 'panel', panelId: id, field },
  });
  const title = panel.title;
  const zhTitle = typeof title === 'string' ? title : ((title as Json | undefined)?.zh as string | undefined);
  if (!zhTitle) problems.push(at(['title'], '标题不能为空。', 'The title cannot be empty.'));
  if (Array.isArray(panel.images))
    panel.images.forEach((image: Json, position) => {
      if (!image.caption) problems.push(at(['images', position, 'caption'], '请写图片说明。', 'Write a caption.'));
      if (!image.alt) problems.push(at(['images', position, 'alt'], '请写替代文字。', 'Write the alt text.'));
    });
  return problems;
}

export function curateDraftStation(options: DraftStationOptions = {}) {
  const exhibition = readContent('exhibition.json');
  const files: Record<string, Json> = { 'content/exhibition.json': exhibition };
  for (const section of exhibition.sections as Json[]) {
    const name = String(section.file);
    files[`content/${name}`] = readContent(name);
  }
  files['content/quiz.json'] = readContent('quiz.json');
  const state = {
    files,
    bin: [] as BinEntry[],
    problems: options.problems ?? [],
    inUse: options.inUse ?? {},
    photoRefusal: options.photoRefusal ?? null,
    photos: [] as Array<{ type: string; size: number }>,
    preview: { building: false, stamp: null as string | null, error: null as { message: string; log: string } | null },
    /** What the next preview build ends as, once asked again (GET). */
    previewOutcome: { stamp: 'b1', error: null as { message: string; log: string } | null },
    exists: false,
    // Presence (issue 17, item 7): who else the station says has which panel open, and what the page said.
    others: [] as PresenceEntry[],
    beats: [] as Array<string | null>,
  };
  const sections = () =>
    ((state.files['content/exhibition.json']?.sections ?? []) as Json[]).map((section) => ({
      id: String(section.id),
      file: `content/${String(section.file)}`,
    }));
  const panelsIn = (file: string) => (state.files[file]?.panels ?? []) as Json[];

  function versions(): DraftVersions {
    const panels: DraftVersions['panels'] = {};
    for (const section of sections())
      panelsIn(section.file).forEach((panel, index) => {
        panels[String(panel.id)] = { sectionId: section.id, file: section.file, index, version: versionOf(panel) };
      });
    const byId = (entries: Json[]) => Object.fromEntries(entries.map((entry) => [String(entry.id), versionOf(entry)]));
    return {
      settings: versionOf(settingsOf(exhibitionNow())),
      sections: byId(listOf('section')),
      tours: byId(listOf('tour')),
      quizzes: byId(listOf('quiz')),
      panels,
    };
  }
  function locate(panelId: string) {
    for (const section of sections()) {
      const index = panelsIn(section.file).findIndex((panel) => panel.id === panelId);
      if (index >= 0) return { ...section, index, panels: panelsIn(section.file) };
    }
    return null;
  }
  /** The panel as it stands in the draft (a test's "someone else" changes it through `edit`). */
  const panel = (panelId: string) => {
    const where = locate(panelId);
    return where ? (where.panels[where.index] as Json) : null;
  };
  const edit = (panelId: string, change: (panel: Json) => Json) => {
    const where = locate(panelId);
    if (where) where.panels[where.index] = change(structuredClone(where.panels[where.index] as Json));
  };
  const saved = (panelId: string, status = 200) => {
    const where = locate(panelId);
    if (!where) return { status: 404, body: { ok: false, error: 'not-found', problems: [] } };
    const value = where.panels[where.index] as Json;
    return {
      status,
      body: { ok: true, id: panelId, version: versionOf(value), value, problems: panelCheck(where.file, where.index, value) },
    };
  };
  const notFound = { status: 404, body: { ok: false, error: 'not-found', problems: [] } };

  /** Answers a draft route (`path` after api/curate/), or null when it is not one. */
  function route(method: string, path: string, body: Json, raw: unknown): { status: number; body: unknown } | null {
    const forDocuments = documentRoute(method, path, body);
    if (forDocuments) return forDocuments;
    if (method === 'GET' && path === 'draft')
      return {
        status: 200,
        body: { ok: true, exists: state.exists, files: state.files, versions: versions(), bin: state.bin, photos: [] },
      };
    if (method === 'POST' && path === 'draft/presence') {
      state.beats.push((body.panelId as string | null | undefined) ?? null);
      return { status: 200, body: { ok: true, others: state.others } };
    }
    if (method === 'GET' && path === 'draft/problems') return { status: 200, body: { ok: true, problems: state.problems } };
    if (method === 'POST' && path === 'draft/photos') {
      const blob = raw as Blob;
      state.photos.push({ type: blob.type, size: blob.size });
      if (state.photoRefusal) return { status: 422, body: { ok: false, ...state.photoRefusal } };
      return { status: 201, body: { ok: true, src: `photos/uploads/2025-05-04-${state.photos.length}.jpg` } };
    }
    if (path === 'preview') {
      if (method === 'POST') state.preview = { building: true, stamp: state.preview.stamp, error: null };
      else if (state.preview.building) state.preview = { building: false, ...state.previewOutcome };
      return { status: method === 'POST' ? 202 : 200, body: { ok: true, ...state.preview } };
    }
    if (method === 'POST' && path === 'draft/panels') {
      const section = sections().find((entry) => entry.id === body.sectionId);
      if (!section) return notFound;
      const id = `${String(body.kind)}-new-${Object.keys(versions().panels).length}`;
      const created: Json = { kind: body.kind, id, title: body.title ?? '新展板' };
      const panels = panelsIn(section.file);
      panels.splice(typeof body.index === 'number' ? body.index : panels.length, 0, created);
      state.exists = true;
      return saved(id, 201);
    }
    const restore = /^draft\/bin\/([^/]+)\/restore$/.exec(path);
    if (method === 'POST' && restore) {
      const at = state.bin.findIndex((entry) => entry.binId === decodeURIComponent(restore[1] ?? ''));
      const [entry] = at >= 0 ? state.bin.splice(at, 1) : [];
      const section = entry && sections().find((candidate) => candidate.id === entry.sectionId);
      if (!entry || !section) return notFound;
      panelsIn(section.file).splice(entry.index, 0, entry.panel as Json);
      return saved(String((entry.panel as Json).id));
    }
    const match = /^draft\/panels\/([^/]+)(?:\/(duplicate|move))?$/.exec(path);
    if (!match) return null;
    const panelId = decodeURIComponent(match[1] ?? '');
    const where = locate(panelId);
    if (!where) return notFound;
    state.exists = true;
    if (method === 'PUT' && !match[2]) {
      const current = where.panels[where.index] as Json;
      if (versionOf(current) !== body.baseVersion)
        return {
          status: 409,
          body: { ok: false, error: 'conflict', current: { version: versionOf(current), value: current }, sent: body.panel },
        };
      where.panels[where.index] = body.panel as Json;
      return saved(panelId);
    }
    if (method === 'DELETE' && !match[2]) {
      const problems = state.inUse[panelId];
      if (problems) return { status: 422, body: { ok: false, error: 'in-use', problems } };
      const [removed] = where.panels.splice(where.index, 1);
      const binId = `bin-${state.bin.length + 1}`;
      state.bin.push({ binId, panel: removed, sectionId: where.id, index: where.index, deletedAt: 0, deletedBy: 'x' });
      return { status: 200, body: { ok: true, binId } };
    }
    if (method === 'POST' && match[2] === 'duplicate') {
      const copy = { ...structuredClone(where.panels[where.index] as Json), id: `${panelId}-copy` };
      where.panels.splice(where.index + 1, 0, copy);
      return saved(`${panelId}-copy`, 201);
    }
    if (method === 'POST' && match[2] === 'move') {
      const target = sections().find((entry) => entry.id === body.sectionId);
      if (!target) return notFound;
      const [moved] = where.panels.splice(where.index, 1);
      const panels = panelsIn(target.file);
      const index = Math.min(Number(body.index), panels.length);
      panels.splice(index, 0, moved as Json);
      return { status: 200, body: { ok: true, sectionId: target.id, index } };
    }
    return null;
  }

  // --- The exhibition's own documents: the settings, sections, tours, quizzes -------------------

  const exhibitionNow = () => state.files['content/exhibition.json'] as Json;
  const LISTS = {
    section: { file: 'content/exhibition.json', list: 'sections' },
    tour: { file: 'content/exhibition.json', list: 'tours' },
    quiz: { file: 'content/quiz.json', list: 'quizzes' },
  } as const;
  type ListedKind = keyof typeof LISTS;
  const FOLDERS: Record<string, ListedKind> = { sections: 'section', tours: 'tour', quizzes: 'quiz' };
  function listOf(kind: ListedKind): Json[] {
    const { file, list } = LISTS[kind];
    const content = state.files[file] as Json;
    if (!Array.isArray(content[list])) content[list] = [];
    return content[list] as Json[];
  }
  /** The document as the test's "someone else" sees it, or null. */
  function documentValue(kind: 'settings' | ListedKind, id?: string): Json | null {
    if (kind === 'settings') return settingsOf(exhibitionNow());
    return listOf(kind).find((entry) => entry.id === id) ?? null;
  }
  /** Someone else's save of a document (a conflict for a page still on the old version). */
  function editDocument(kind: 'settings' | ListedKind, id: string | undefined, change: (value: Json) => Json) {
    const current = documentValue(kind, id);
    if (current) replaceDocument(kind, id, change(structuredClone(current)));
  }
  function replaceDocument(kind: 'settings' | ListedKind, id: string | undefined, value: Json) {
    if (kind === 'settings') {
      const { sections, tours, $schema } = exhibitionNow();
      state.files['content/exhibition.json'] = { $schema, ...value, sections, tours };
      return;
    }
    const entries = listOf(kind);
    entries[entries.findIndex((entry) => entry.id === id)] = value;
  }
  const documentSaved = (kind: 'settings' | ListedKind, id: string | null, status = 200) => {
    const value = documentValue(kind, id ?? undefined) as Json;
    return { status, body: { ok: true, id, version: versionOf(value), value, problems: [] as DraftProblem[] } };
  };

  function documentRoute(method: string, path: string, body: Json): { status: number; body: unknown } | null {
    const match = /^draft\/(settings|sections|tours|quizzes)(?:\/([^/]+))?(\/move)?$/.exec(path);
    if (!match) return null;
    const kind = match[1] === 'settings' ? 'settings' : (FOLDERS[match[1] as string] as ListedKind);
    const id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    if (match[3]) {
      if (method !== 'POST' || kind === 'settings') return null;
      const entries = listOf(kind);
      const from = entries.findIndex((entry) => entry.id === id);
      if (from < 0) return notFound;
      const [moved] = entries.splice(from, 1);
      const index = Math.max(0, Math.min(Number(body.index), entries.length));
      entries.splice(index, 0, moved as Json);
      state.exists = true;
      return { status: 200, body: { ok: true, id, index } };
    }
    if (method === 'POST' && id === undefined && kind === 'section') {
      const taken = new Set(listOf('section').map((entry) => entry.id));
      let newId = 'new-section';
      for (let n = 2; taken.has(newId); n++) newId = `new-section-${n}`;
      const title = typeof body.title === 'string' ? body.title : '新的栏目（待填写名称）';
      state.files[`content/${newId}.json`] = { $schema: './section.schema.json', panels: [] };
      listOf('section').push({ id: newId, title, file: `${newId}.json` });
      state.exists = true;
      return documentSaved('section', newId, 201);
    }
    if (method === 'POST' && id === undefined && (kind === 'tour' || kind === 'quiz')) {
      const taken = new Set(listOf(kind).map((entry) => entry.id));
      let newId = `new-${kind}`;
      for (let n = 2; taken.has(newId); n++) newId = `new-${kind}-${n}`;
      const title =
        typeof body.title === 'string'
          ? body.title
          : kind === 'tour'
            ? '新的讲解路线（待填写名称）'
            : '新的知识问答（待填写名称）';
      const firstPanel = Object.keys(versions().panels)[0];
      listOf(kind).push(
        kind === 'tour' ? { id: newId, title, stops: [{ panel: firstPanel, notes: [] }] } : { id: newId, title, questions: [] },
      );
      state.exists = true;
      return documentSaved(kind, newId, 201);
    }
    if ((kind === 'settings') !== (id === undefined)) return null;
    const current = documentValue(kind, id);
    if (!current) return notFound;
    if (method === 'DELETE' && kind === 'section') {
      const file = `content/${String(current.file)}`;
      const panels = (state.files[file] as Json | undefined)?.panels;
      if (Array.isArray(panels) && panels.length > 0)
        return { status: 422, body: { ok: false, error: 'not-empty', problems: [] } };
      const entries = listOf('section');
      entries.splice(entries.indexOf(current), 1);
      delete state.files[file];
      state.exists = true;
      return { status: 200, body: { ok: true, id } };
    }
    if (method === 'DELETE' && (kind === 'tour' || kind === 'quiz')) {
      const problems = options.documentsInUse?.[`${kind}:${id}`];
      if (problems) return { status: 422, body: { ok: false, error: 'in-use', problems } };
      const entries = listOf(kind);
      entries.splice(entries.indexOf(current), 1);
      state.exists = true;
      return { status: 200, body: { ok: true, id } };
    }
    if (method !== 'PUT') return null;
    if (versionOf(current) !== body.baseVersion)
      return {
        status: 409,
        body: { ok: false, error: 'conflict', current: { version: versionOf(current), value: current }, sent: body.value },
      };
    const value = body.value as Json;
    replaceDocument(kind, id, value);
    state.exists = true;
    const savedId = kind === 'settings' ? null : typeof value.id === 'string' ? value.id : (id as string);
    return documentSaved(kind, savedId);
  }

  return { state, route, panel, edit, versions, documentValue, editDocument };
}

/** exhibition.json without its sections, tours and `$schema` (as the server cuts the settings). */
function settingsOf(exhibition: Json): Json {
  const { sections: _sections, tours: _tours, $schema: _schema, ...settings } = exhibition;
  return settings;
}
