/**
 * The station's one shared working draft (布展): `DATA_DIR/draft/`, in the store's layout
 * (`content/*.json`, `photos/…`, the build's own), so the build's content check runs on it as it
 * is and a preview build can be made from it. It is a copy of the store made on the first edit;
 * the store stays as published until the draft is (issue 18: freeze the draft for review, then
 * publish by replacing the store with it, the same rename as here).
 *
 * Beside the two folders: `draft.json` (when and by whom the draft was started, and the hash of
 * the store it was copied from, so publishing can tell whether the store moved on meanwhile) and
 * `bin.json` (deleted panels, kept until restored).
 *
 * Every change is one call, run one at a time (a queue), on the files as they are on disk:
 * - checked against the version it was made on: another version means someone else saved in
 *   between, and the answer is a conflict with both documents, nothing written;
 * - saved whether or not the content passes the check (nothing typed is lost); the loaders'
 *   problems of that document come back with the answer, for the fields that have them;
 * - written atomically, file by file (a temporary file renamed into place). A change of two files
 *   writes the one that adds first (a move: the destination; a delete: the bin), so a crash in
 *   between leaves a panel twice (the check names the duplicate), never nowhere;
 * - reported to the {@link ChangeLog}: who, which panel or document, which field.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { describeIssue, PARSE_OPTIONS } from '../../content/load.ts';
import { idSchema, PANEL_KINDS, SECTION_SCHEMA_REF } from '../../content/schema.ts';
import type {
  AddPanelBody,
  AddQuizBody,
  AddSectionBody,
  AddTourBody,
  BinEntry,
  CurateConflict,
  CurateRefusal,
  CurateRefusalCode,
  DeleteAnswer,
  DeleteDocumentAnswer,
  DocumentRef,
  DraftProblem,
  DraftSnapshot,
  MoveAnswer,
  MoveDocumentAnswer,
  MovePanelBody,
  RestorePanelBody,
  UpdateAnswer,
} from '../../live/curateDraftProtocol.ts';
import { type ContentStore, clearLeftovers, hashTree, STORE_FOLDERS } from './contentStore.ts';
import { freezeTree, readContentFiles } from './contentTrees.ts';
import { quizTemplate, sectionFileTemplate, sectionTemplate, tourTemplate } from './documentTemplates.ts';
import { diskReader, fieldCheck, fullCheck, loaderCheck, newErrors, overlayReader, toDraftProblem } from './draftCheck.ts';
import {
  changedFields,
  type DraftFiles,
  documentIds,
  documentOf,
  draftVersions,
  EXHIBITION_PATH,
  exhibitionOf,
  findPanel,
  isObject,
  type JsonObject,
  type ListedDocumentKind,
  listedFileOf,
  panelListOf,
  panelsOf,
  sectionsOf,
  targets,
  uniqueId,
  versionOf,
  withAddedDocument,
  withDocument,
  withMovedDocument,
  withoutDocument,
  withPanels,
} from './draftDocuments.ts';
import { panelTemplate, periodForPlace } from './panelTemplates.ts';
import { photoPathIn, thumbnailOf } from './photoThumbnail.ts';
import { acceptPhoto, type UploadResult } from './photoUpload.ts';

export type ChangeAction =
  | 'add-panel'
  | 'duplicate-panel'
  | 'update-panel'
  | 'move-panel'
  | 'delete-panel'
  | 'restore-panel'
  | 'update-settings'
  | 'update-section'
  | 'update-tour'
  | 'update-quiz'
  | 'add-photo'
  // The exhibition's own documents added and deleted.
  | 'add-tour'
  | 'delete-tour'
  | 'add-quiz'
  | 'delete-quiz'
  | 'add-section'
  | 'delete-section'
  | 'move-section'
  | 'move-tour'
  | 'move-quiz';

/** One line of the audit log: who changed what, when. An update of several fields is one entry per field. */
export interface ChangeEntry {
  accountId: string;
  action: ChangeAction;
  /** The panel (its id after the change); null for a change of another document. */
  panelId: string | null;
  /** The other document: "settings", "section:<id>", "tour:<id>", "quiz:<id>"; null for a panel. */
  document: string | null;
  /** The top-level field changed; null for a change of the whole panel (added, moved, deleted…). */
  field: string | null;
  at: number;
}

/** Where the audit log is kept (the accounts' side implements it with its table). */
export interface ChangeLog {
  record(entry: ChangeEntry): void | Promise<void>;
}

/** The file operations a write makes, so a test can make one fail half-way. */
export interface FileIo {
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export interface DraftOptions {
  dataDir: string;
  store: ContentStore;
  changeLog: ChangeLog;
  clock?: () => number;
  io?: FileIo;
}

export const DRAFT_META_FILE = 'draft.json';
export const BIN_FILE = 'bin.json';
/**
 * The bin while there is no draft (DATA_DIR/bin-kept.json): a draft published whole goes, but
 * the panels deleted in it can still come back; the next draft takes the bin over.
 */
export const KEPT_BIN_FILE = 'bin-kept.json';
const COPY_TEMP_PREFIX = '.draft-copy-';
/** Temporary files of an atomic write carry this, so the next start can clear what a crash left. */
const WRITE_TEMP_MARK = '.curate-';

interface BinFile {
  entries: BinEntry[];
}

type PanelRef = { kind: 'panel'; id: string };

export class CurationDraft {
  readonly dir: string;
  private readonly clock: () => number;
  private readonly io: FileIo;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: DraftOptions) {
    this.dir = join(options.dataDir, 'draft');
    this.clock = options.clock ?? Date.now;
    this.io = options.io ?? { writeFile: (path, data) => writeFile(path, data), rename };
  }

  /** Opens the draft (there may be none yet), clearing what an interrupted copy or write left behind. */
  static async open(options: DraftOptions): Promise<CurationDraft> {
    const draft = new CurationDraft(options);
    await clearLeftovers(options.dataDir, COPY_TEMP_PREFIX);
    for (const dir of [draft.dir, join(draft.dir, 'content')]) {
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (name.includes(WRITE_TEMP_MARK) && name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
      }
    }
    return draft;
  }

  get exists(): boolean {
    return existsSync(this.dir);
  }

  /** The folder the editor sees: the draft, or the published store before the first edit. */
  private get sourceDir(): string {
    return this.exists ? this.dir : this.options.store.dir;
  }

  // --- Reading ---------------------------------------------------------------------------------

  snapshot(): Promise<DraftSnapshot> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      return {
        exists: this.exists,
        files,
        versions: draftVersions(files),
        bin: (await this.readBin()).entries,
        photos: await listFiles(this.sourceDir, 'photos'),
      };
    });
  }

  /** The build's whole content check over the draft (before the first edit: over the store). */
  check(): Promise<DraftProblem[]> {
    return this.exclusive(async () => fullCheck(this.sourceDir, await this.readFiles()));
  }

  // --- Changing --------------------------------------------------------------------------------

  updatePanel(panelId: string, panel: unknown, baseVersion: string, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const placed = findPanel(files, panelId);
      if (!placed) {
        // Deleted by someone else while this was typed: a conflict, so the text sent is not lost.
        const binned = (await this.readBin()).entries.some((entry) => idOfValue(entry.panel) === panelId);
        return binned ? conflict(null, panel) : refusal('not-found');
      }
      const current = versionOf(placed.panel);
      if (current !== baseVersion) {
        // The same text sent again (a reply lost on the way) is already saved, not a conflict.
        if (versionOf(panel) !== current) return conflict({ version: current, value: placed.panel }, panel);
        return this.panelAnswer(files, panelId, placed.panel, []);
      }
      if (!isObject(panel)) return refusal('bad-id');
      const newId = panel.id;
      const idProblem = badIdProblem(files, placed.file, ['panels', placed.index, 'id'], newId);
      if (idProblem) return refusal('bad-id', [idProblem]);
      if (newId !== panelId && (await this.takenPanelIds(files)).has(newId as string)) return refusal('id-taken');
      if (versionOf(panel) === current) return this.panelAnswer(files, panelId, placed.panel);

      await this.ensureDraft(accountId);
      const panels = panelListOf(files, placed.file);
      panels[placed.index] = panel;
      const next = withPanels(files, placed.file, panels);
      await this.writeJson(placed.file, next[placed.file]);
      for (const field of changedFields(placed.panel, panel)) {
        await this.record({ accountId, action: 'update-panel', panelId: newId as string, document: null, field });
      }
      return this.panelAnswer(next, newId as string, panel);
    });
  }

  /** A change of the exhibition's settings, a section entry, a tour or a quiz: the whole document. */
  updateDocument(ref: DocumentRef, value: unknown, baseVersion: string, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const before = documentOf(files, ref);
      if (!before) return refusal('not-found');
      if (before.version !== baseVersion) {
        if (versionOf(value) !== before.version) return conflict({ version: before.version, value: before.value }, value);
        return this.documentAnswer(files, ref, []);
      }
      if (!isObject(value)) return refusal('bad-id');
      let nextRef: DocumentRef = ref;
      if (ref.kind !== 'settings') {
        // A section's panels live in its file: pointing it elsewhere would lose them from the corridor.
        if (ref.kind === 'section' && value.file !== before.value.file) return refusal('not-editable');
        const idProblem = badIdProblem(files, before.file, [...before.path, 'id'], value.id);
        if (idProblem) return refusal('bad-id', [idProblem]);
        const newId = value.id as string;
        if (newId !== ref.id && documentOf(files, { kind: ref.kind, id: newId })) return refusal('id-taken');
        nextRef = { kind: ref.kind, id: newId };
      }

      if (versionOf(value) === before.version) return this.documentAnswer(files, ref);

      await this.ensureDraft(accountId);
      const next = withDocument(files, ref, value);
      await this.writeJson(before.file, next[before.file]);
      const after = documentOf(next, nextRef);
      for (const field of changedFields(before.value, after?.value)) {
        await this.record({
          accountId,
          action: `update-${ref.kind}`,
          panelId: null,
          document: nextRef.kind === 'settings' ? 'settings' : `${nextRef.kind}:${nextRef.id}`,
          field,
        });
      }
      return this.documentAnswer(next, nextRef);
    });
  }

  /** A new panel of `kind` from its template, in a section at an index (its end by default). */
  addPanel(request: AddPanelBody, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      if (!(PANEL_KINDS as readonly string[]).includes(request.kind)) return refusal('not-found');
      const files = await this.readFiles();
      const section = sectionsOf(files).find((candidate) => candidate.id === request.sectionId);
      if (!section) return refusal('not-found');
      const panels = panelListOf(files, section.file);
      const index = clamp(request.index ?? panels.length, panels.length);
      const id = uniqueId(request.title ?? '', `new-${request.kind}`, await this.takenPanelIds(files));
      const periods = exhibitionOf(files)?.periods;
      const panel = panelTemplate(request.kind, {
        id,
        ...(request.title !== undefined ? { title: request.title } : {}),
        period: periodForPlace(panels, index, Array.isArray(periods) ? periods : []),
      });

      await this.ensureDraft(accountId);
      panels.splice(index, 0, panel);
      const next = withPanels(files, section.file, panels);
      await this.writeJson(section.file, next[section.file]);
      await this.record({ accountId, action: 'add-panel', panelId: id, document: null, field: null });
      return this.panelAnswer(next, id, panel);
    });
  }

  /** A copy of the panel right after it, with an id of its own ("<id>-copy", "<id>-copy-2"…). */
  duplicatePanel(panelId: string, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const placed = findPanel(files, panelId);
      if (!placed) return refusal('not-found');
      const id = uniqueId(`${panelId}-copy`, `${panelId}-copy`, await this.takenPanelIds(files));
      const copy = { ...structuredClone(placed.panel), id };

      await this.ensureDraft(accountId);
      const panels = panelListOf(files, placed.file);
      panels.splice(placed.index + 1, 0, copy);
      const next = withPanels(files, placed.file, panels);
      await this.writeJson(placed.file, next[placed.file]);
      await this.record({ accountId, action: 'duplicate-panel', panelId: id, document: null, field: null });
      return this.panelAnswer(next, id, copy);
    });
  }

  /** To a section (the same or another) at an index among its panels after the move. */
  movePanel(panelId: string, to: MovePanelBody, accountId: string): Promise<MoveAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const placed = findPanel(files, panelId);
      const section = sectionsOf(files).find((candidate) => candidate.id === to.sectionId);
      if (!placed || !section) return refusal('not-found');

      await this.ensureDraft(accountId);
      const source = panelListOf(files, placed.file);
      source.splice(placed.index, 1);
      let index: number;
      if (section.file === placed.file) {
        index = clamp(to.index, source.length);
        source.splice(index, 0, placed.panel);
        await this.writeJson(placed.file, withPanels(files, placed.file, source)[placed.file]);
      } else {
        const destination = panelListOf(files, section.file);
        index = clamp(to.index, destination.length);
        destination.splice(index, 0, placed.panel);
        // The destination first: a crash in between leaves the panel in both, not in neither.
        await this.writeJson(section.file, withPanels(files, section.file, destination)[section.file]);
        await this.writeJson(placed.file, withPanels(files, placed.file, source)[placed.file]);
      }
      await this.record({ accountId, action: 'move-panel', panelId, document: null, field: null });
      return { ok: true, sectionId: section.id, index };
    });
  }

  /**
   * Into the bin, unless the content check finds new errors without it (a tour stop, a quiz
   * question or a related link naming it): then refused with those problems, nothing changed.
   */
  deletePanel(panelId: string, accountId: string): Promise<DeleteAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const placed = findPanel(files, panelId);
      if (!placed) return refusal('not-found');
      const panels = panelListOf(files, placed.file);
      panels.splice(placed.index, 1);
      const next = withPanels(files, placed.file, panels);
      const read = diskReader(join(this.sourceDir, 'content'));
      const broken = newErrors(
        await loaderCheck(read),
        await loaderCheck(overlayReader(read, { [placed.file]: next[placed.file] })),
      );
      if (broken.length > 0) {
        return refusal(
          'in-use',
          broken.map((problem) => toDraftProblem(next, problem)),
        );
      }

      await this.ensureDraft(accountId);
      const bin = await this.readBin();
      const entry: BinEntry = {
        binId: randomBytes(6).toString('hex'),
        panel: placed.panel,
        sectionId: placed.sectionId,
        index: placed.index,
        deletedAt: this.clock(),
        deletedBy: accountId,
      };
      // The bin first: a crash in between leaves the panel in the bin and the corridor, not lost.
      await this.writeJson(BIN_FILE, { entries: [...bin.entries, entry] } satisfies BinFile);
      await this.writeJson(placed.file, next[placed.file]);
      await this.record({ accountId, action: 'delete-panel', panelId, document: null, field: null });
      return { ok: true, binId: entry.binId };
    });
  }

  /** Out of the bin, back where it stood (or where asked); refused while another panel has its id. */
  restorePanel(binId: string, to: RestorePanelBody, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      const bin = await this.readBin();
      const entry = bin.entries.find((candidate) => candidate.binId === binId);
      if (!entry) return refusal('not-found');
      const files = await this.readFiles();
      const id = idOfValue(entry.panel);
      if (id === undefined || findPanel(files, id)) return refusal('id-taken');
      const section = sectionsOf(files).find((candidate) => candidate.id === (to.sectionId ?? entry.sectionId));
      if (!section) return refusal('not-found');
      const panels = panelListOf(files, section.file);
      panels.splice(clamp(to.index ?? entry.index, panels.length), 0, entry.panel);
      const next = withPanels(files, section.file, panels);
      // A bin kept from a draft published whole: the restore starts a new draft, which takes the bin over.
      await this.ensureDraft(accountId);
      // The section first: a crash in between leaves the panel in the corridor and the bin, not lost.
      await this.writeJson(section.file, next[section.file]);
      await this.writeJson(BIN_FILE, { entries: bin.entries.filter((candidate) => candidate !== entry) } satisfies BinFile);
      await this.record({ accountId, action: 'restore-panel', panelId: id, document: null, field: null });
      return this.panelAnswer(next, id, entry.panel);
    });
  }

  // --- Tours and quizzes added and deleted ----------------------------------------------------

  /** A new tour from its template (one stop, at the corridor's first panel), after the others. */
  addTour(request: AddTourBody, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      if (!exhibitionOf(files)) return refusal('not-found');
      const id = uniqueId(request.title ?? '', 'new-tour', documentIds(files, 'tour'));
      return this.addDocument(files, 'tour', tourTemplate(id, request.title, panelsOf(files)[0]?.id), accountId);
    });
  }

  /** A new quiz with its title and no questions yet, after the others. */
  addQuiz(request: AddQuizBody, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const id = uniqueId(request.title ?? '', 'new-quiz', documentIds(files, 'quiz'));
      return this.addDocument(files, 'quiz', quizTemplate(id, request.title), accountId);
    });
  }

  /**
   * A new section after the others: its entry in exhibition.json and its own panel file, empty,
   * named after its id with a name no file in the folder has (a file a developer left there, or
   * a deleted section's, is never taken over). The file is written first: a crash in between
   * leaves an unlisted empty file, never a section naming a file that is not there.
   */
  addSection(request: AddSectionBody, accountId: string): Promise<UpdateAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      if (!exhibitionOf(files)) return refusal('not-found');
      const contentDir = join(this.sourceDir, 'content');
      const fileStems = (await readdir(contentDir)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));
      const id = uniqueId(request.title ?? '', 'new-section', new Set([...documentIds(files, 'section'), ...fileStems]));
      const file = `${id}.json`;

      await this.ensureDraft(accountId);
      const sectionFile = sectionFileTemplate(SECTION_SCHEMA_REF);
      await this.writeJson(`content/${file}`, sectionFile);
      const next = {
        ...withAddedDocument(files, 'section', sectionTemplate(id, request.title, file)),
        [`content/${file}`]: sectionFile,
      };
      await this.writeJson(EXHIBITION_PATH, next[EXHIBITION_PATH]);
      await this.record({ accountId, action: 'add-section', panelId: null, document: `section:${id}`, field: null });
      return this.documentAnswer(next, { kind: 'section', id });
    });
  }

  /** A section, tour or quiz to `index` of its list after the move (the corridor's order, for sections). */
  moveDocument(ref: { kind: ListedDocumentKind; id: string }, index: number, accountId: string): Promise<MoveDocumentAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const moved = withMovedDocument(files, ref, index);
      if (!moved) return refusal('not-found');
      const file = listedFileOf(ref.kind);
      if (JSON.stringify(moved.files[file]) !== JSON.stringify(files[file])) {
        await this.ensureDraft(accountId);
        await this.writeJson(file, moved.files[file]);
        await this.record({
          accountId,
          action: `move-${ref.kind}`,
          panelId: null,
          document: `${ref.kind}:${ref.id}`,
          field: null,
        });
      }
      return { ok: true, id: ref.id, index: moved.index };
    });
  }

  /**
   * Out of the draft (sections, tours and quizzes have no bin), unless the content check finds new
   * errors without it (a tour naming the quiz, the exhibition's last section): then refused
   * `in-use` with those problems, nothing changed. A section is refused `not-empty` while its
   * file holds panels (they go to the bin one by one, or move to another section, first); once
   * it is gone from exhibition.json its empty file is removed too.
   */
  deleteDocument(ref: { kind: ListedDocumentKind; id: string }, accountId: string): Promise<DeleteDocumentAnswer> {
    return this.exclusive(async () => {
      const files = await this.readFiles();
      const before = documentOf(files, ref);
      if (!before) return refusal('not-found');
      const sectionFile = ref.kind === 'section' ? sectionsOf(files).find((section) => section.id === ref.id)?.file : undefined;
      if (sectionFile !== undefined && panelListOf(files, sectionFile).length > 0) return refusal('not-empty');
      const next = withoutDocument(files, ref);
      const read = diskReader(join(this.sourceDir, 'content'));
      const broken = newErrors(
        await loaderCheck(read),
        await loaderCheck(overlayReader(read, { [before.file]: next[before.file] })),
      );
      if (broken.length > 0) {
        return refusal(
          'in-use',
          broken.map((problem) => toDraftProblem(next, problem)),
        );
      }

      await this.ensureDraft(accountId);
      await this.writeJson(before.file, next[before.file]);
      // Unlisted now: no one reads it. (Another section naming the same file keeps it.)
      if (sectionFile !== undefined && !sectionsOf(next).some((section) => section.file === sectionFile)) {
        await rm(join(this.dir, sectionFile), { force: true });
      }
      await this.record({
        accountId,
        action: `delete-${ref.kind}`,
        panelId: null,
        document: `${ref.kind}:${ref.id}`,
        field: null,
      });
      return { ok: true, id: ref.id };
    });
  }

  private async addDocument(files: DraftFiles, kind: ListedDocumentKind, value: JsonObject, accountId: string) {
    const id = value.id as string;
    await this.ensureDraft(accountId);
    const next = withAddedDocument(files, kind, value);
    const file = listedFileOf(kind);
    await this.writeJson(file, next[file]);
    await this.record({ accountId, action: `add-${kind}`, panelId: null, document: `${kind}:${id}`, field: null });
    return this.documentAnswer(next, { kind, id });
  }

  // --- Submitting, publishing, restoring (publishing.ts) ------------------------------------------

  /** The hash of the tree the editor sees (the draft, or the store before the first edit). */
  treeHash(): Promise<string> {
    return this.exclusive(async () => (await hashTree(this.sourceDir, STORE_FOLDERS)).hash);
  }

  /**
   * A frozen copy of the draft as `to` (a submission), between two changes: nothing is written
   * while it is made. Null when there is no draft (nothing was changed).
   */
  freeze(to: string): Promise<{ hash: string } | null> {
    return this.exclusive(async () => {
      if (!this.exists) return null;
      const { hash } = await hashTree(this.dir, STORE_FOLDERS);
      await freezeTree(this.dir, to);
      return { hash };
    });
  }

  /**
   * The draft replaced by a copy of the tree at `from` (a version restored). The bin stays: a
   * panel deleted before can still come back.
   */
  replaceWith(from: string, accountId: string): Promise<void> {
    return this.exclusive(async () => {
      const bin = await this.readBin();
      const temporary = join(this.options.dataDir, `${COPY_TEMP_PREFIX}${randomBytes(4).toString('hex')}`);
      try {
        await freezeTree(from, temporary);
        const meta = {
          createdAt: new Date(this.clock()).toISOString(),
          createdBy: accountId,
          store: (await hashTree(this.options.store.dir, STORE_FOLDERS)).hash,
        };
        await writeFile(join(temporary, DRAFT_META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
        await writeFile(join(temporary, BIN_FILE), `${JSON.stringify(bin, null, 2)}\n`);
        const retired = `${temporary}-old`;
        if (this.exists) await rename(this.dir, retired);
        await rename(temporary, this.dir);
        await rm(retired, { recursive: true, force: true });
        await rm(join(this.options.dataDir, KEPT_BIN_FILE), { force: true });
      } catch (error) {
        await rm(temporary, { recursive: true, force: true });
        throw error;
      }
    });
  }

  /**
   * Once a submission is published: the draft goes when it holds exactly what was published
   * (nobody edited since), so the editor works on the published store again; a draft edited
   * since stays, with its edits. True when it went.
   */
  discardIfPublished(publishedHash: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.exists) return false;
      if ((await hashTree(this.dir, STORE_FOLDERS)).hash !== publishedHash) return false;
      const bin = await this.readBin();
      if (bin.entries.length > 0) {
        const kept = join(this.options.dataDir, KEPT_BIN_FILE);
        await writeFile(`${kept}.tmp`, `${JSON.stringify(bin, null, 2)}\n`);
        await rename(`${kept}.tmp`, kept);
      }
      const retired = join(this.options.dataDir, `${COPY_TEMP_PREFIX}${randomBytes(4).toString('hex')}`);
      await rename(this.dir, retired);
      await rm(retired, { recursive: true, force: true });
      return true;
    });
  }

  // --- The edges -------------------------------------------------------------------------------

  /** One change at a time: each reads the files, decides and writes before the next one reads. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async record(entry: Omit<ChangeEntry, 'at'>): Promise<void> {
    await this.options.changeLog.record({ ...entry, at: this.clock() });
  }

  /** The draft's answer for a panel: its version and the loaders' problems that name it. */
  private async panelAnswer(files: DraftFiles, id: string, panel: unknown, problems?: DraftProblem[]): Promise<UpdateAnswer> {
    return {
      ok: true,
      id,
      version: versionOf(panel),
      value: panel,
      problems: problems ?? (await this.problemsOf(files, { kind: 'panel', id })),
    };
  }

  private async documentAnswer(files: DraftFiles, ref: DocumentRef, problems?: DraftProblem[]): Promise<UpdateAnswer> {
    const document = documentOf(files, ref);
    if (!document) return refusal('not-found');
    return {
      ok: true,
      id: ref.kind === 'settings' ? null : ref.id,
      version: document.version,
      value: document.value,
      problems: problems ?? (await this.problemsOf(files, ref)),
    };
  }

  private async problemsOf(files: DraftFiles, what: DocumentRef | PanelRef): Promise<DraftProblem[]> {
    const problems = await fieldCheck(join(this.sourceDir, 'content'));
    return problems.map((problem) => toDraftProblem(files, problem)).filter((problem) => targets(problem.target, what));
  }

  /** Every panel id in the section files and the bin: a new id must be none of them. */
  private async takenPanelIds(files: DraftFiles): Promise<Set<string>> {
    const taken = new Set<string>();
    for (const section of sectionsOf(files)) {
      for (const panel of panelListOf(files, section.file)) {
        const id = idOfValue(panel);
        if (id !== undefined) taken.add(id);
      }
    }
    for (const entry of (await this.readBin()).entries) {
      const id = idOfValue(entry.panel);
      if (id !== undefined) taken.add(id);
    }
    return taken;
  }

  /** The content JSON files of the folder the editor sees (the JSON Schemas for editors left out). */
  private readFiles(): Promise<DraftFiles> {
    return readContentFiles(this.sourceDir);
  }

  /** The draft's bin, or the one kept from a draft that was published whole (there is no draft now). */
  private async readBin(): Promise<BinFile> {
    const file = this.exists ? join(this.dir, BIN_FILE) : join(this.options.dataDir, KEPT_BIN_FILE);
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<BinFile>;
      return { entries: Array.isArray(parsed.entries) ? parsed.entries : [] };
    } catch {
      return { entries: [] };
    }
  }

  /**
   * A photo sent by the staff, into the draft's photos (src/server/curate/photoUpload.ts: limited,
   * typed by content, upright, stripped of EXIF, named by the server). Its `src` is what a panel's
   * image then names.
   */
  addPhoto(body: Readable, accountId: string, maxBytes?: number): Promise<UploadResult> {
    return this.exclusive(async () => {
      await this.ensureDraft(accountId);
      const result = await acceptPhoto(body, {
        storeDir: this.dir,
        tempDir: join(this.options.dataDir, 'upload-tmp'),
        ...(maxBytes ? { maxBytes } : {}),
      });
      if (result.ok) {
        await this.options.changeLog.record({
          accountId,
          action: 'add-photo',
          panelId: null,
          document: result.src,
          field: null,
          at: this.clock(),
        });
      }
      return result;
    });
  }

  /**
   * A small upright JPEG of one of the draft's photos for the editor's form, or null when `src`
   * names none (src/server/curate/photoThumbnail.ts checks it stays inside the photos folder).
   * Only finding the file waits for the draft's other work; the resizing does not hold it up.
   */
  async photoThumbnail(src: string): Promise<Buffer | null> {
    const path = await this.exclusive(() => photoPathIn(this.sourceDir, src));
    if (!path) return null;
    try {
      return await thumbnailOf(path);
    } catch {
      // Not a picture sharp can read (a broken upload placed by hand): nothing to show.
      return null;
    }
  }

  /** The draft, copied from the store on the first edit: into a temporary folder, then renamed, so never half a draft. */
  private async ensureDraft(accountId: string): Promise<void> {
    if (this.exists) return;
    const { store, dataDir } = this.options;
    const temporary = join(dataDir, `${COPY_TEMP_PREFIX}${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(temporary, { recursive: true });
      for (const folder of STORE_FOLDERS) {
        const from = join(store.dir, folder);
        if (existsSync(from)) await cp(from, join(temporary, folder), { recursive: true });
        else await mkdir(join(temporary, folder));
      }
      const meta = {
        createdAt: new Date(this.clock()).toISOString(),
        createdBy: accountId,
        store: (await hashTree(store.dir, STORE_FOLDERS)).hash,
      };
      await writeFile(join(temporary, DRAFT_META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
      // The bin kept from the draft published before, if any: its panels can still come back.
      await writeFile(join(temporary, BIN_FILE), `${JSON.stringify(await this.readBin(), null, 2)}\n`);
      await rename(temporary, this.dir);
      await rm(join(dataDir, KEPT_BIN_FILE), { force: true });
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
  }

  /** Replaced by a rename: a crash (or a failed write) leaves the old file or the new one, never half of one. */
  private async writeJson(name: string, value: unknown): Promise<void> {
    const path = join(this.dir, name);
    const temporary = `${path}${WRITE_TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await this.io.writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
      await this.io.rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function idOfValue(value: unknown): string | undefined {
  return isObject(value) && typeof value.id === 'string' ? value.id : undefined;
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(Math.floor(index), length));
}

function refusal(error: CurateRefusalCode, problems: DraftProblem[] = []): CurateRefusal {
  return { ok: false, error, problems };
}

function conflict(current: CurateConflict['current'], sent: unknown): CurateConflict {
  return { ok: false, error: 'conflict', current, sent };
}

/** The content schema's own message for an id that is not one, at its place in the file; null for a good id. */
function badIdProblem(files: DraftFiles, file: string, path: Array<string | number>, id: unknown): DraftProblem | null {
  const result = idSchema.safeParse(id, PARSE_OPTIONS);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return null;
  return toDraftProblem(files, describeIssue(`assets/${file}`, path, issue));
}

/** The files under `folder` of `root`, in the store's layout ("photos/team.jpg"). */
async function listFiles(root: string, folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(join(root, folder));
  return found.sort();
}
