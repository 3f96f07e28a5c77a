/**
 * The curation protocol (布展) between the station server and the curator's browser: the request
 * bodies the server checks with these schemas, and the answers the browser gets. Like protocol.ts
 * it imports nothing from Node, the DOM or the content code (the import graph keeps `live` at the
 * bottom), so a panel travels as plain JSON (`unknown`) and the server checks it with the content
 * schema itself — the same check the build runs, never a second copy of it here.
 *
 * ## One shared draft
 *
 * The station has one working draft (DATA_DIR/draft/, a copy of the published store made on the
 * first edit). Every panel and every other document (the exhibition's settings, each section,
 * each tour, each quiz) carries a `version`, a hash of its JSON. A change names the version it was
 * made on; when the draft's is another (someone else saved in between) nothing is written and the
 * answer is a {@link CurateConflict} with both: the server's current one and the one sent. Saving
 * never refuses content for being unfinished (a title emptied while typing is saved, and its
 * problem shown next to the field): nothing typed is lost.
 *
 * ## HTTP (intended; every route behind the curator's session, JSON answers)
 *
 * - `GET    /api/curate/draft` → {@link DraftSnapshot}: the files as parsed JSON, the versions,
 *   the bin, and whether the draft exists yet (before the first edit it is the published store).
 * - `GET    /api/curate/draft/problems` → {@link DraftProblemsAnswer}: the build's whole content
 *   check over the draft (fonts and photo files included), each problem located on its panel and field.
 * - `PUT    /api/curate/draft/panels/:id` {@link updatePanelBodySchema} → {@link UpdateAnswer}.
 * - `POST   /api/curate/draft/panels` {@link addPanelBodySchema} → {@link UpdateAnswer} (201): a
 *   panel of a kind from its template, in a section at a position, with an id made from its title.
 * - `POST   /api/curate/draft/panels/:id/duplicate` → {@link UpdateAnswer} (201): the copy stands
 *   after the original, with an id of its own.
 * - `POST   /api/curate/draft/panels/:id/move` {@link movePanelBodySchema} → {@link MoveAnswer}.
 * - `DELETE /api/curate/draft/panels/:id` → {@link DeleteAnswer}: into the bin, or refused with
 *   the content check's problems when a tour stop, a quiz question or a related link names it.
 * - `POST   /api/curate/draft/bin/:binId/restore` {@link restorePanelBodySchema} → {@link UpdateAnswer}.
 * - `GET    /api/curate/draft/photo?src=photos/…` → a JPEG thumbnail of one of the draft's photos
 *   (upright, without metadata, at most 480 px), for the form; 404 when `src` names none.
 * - `PUT    /api/curate/draft/settings` | `/sections/:id` | `/tours/:id` | `/quizzes/:id`
 *   {@link updateDocumentBodySchema} → {@link UpdateAnswer}.
 *
 * Status codes: 200/201 ok, 409 conflict (the body is the {@link CurateConflict}), 404
 * `not-found`, 422 any other refusal (its `problems` say why when the content check does).
 */
import { z } from 'zod';

// zod 4 compiles validators with `new Function` unless told not to; the site's CSP forbids eval.
z.config({ jitless: true });

/**
 * The panel kinds a template exists for. The content schema is the source (`PANEL_KINDS` in
 * src/content/schema.ts); `live` may not import it, so a unit test keeps this list equal to it.
 */
export const CURATE_PANEL_KINDS = ['milestone', 'event', 'member', 'stats', 'board', 'to-fill', 'oath'] as const;
export type CuratePanelKind = (typeof CURATE_PANEL_KINDS)[number];

/** A version as the server hands it out: 16 hex digits of a hash of the document's JSON. */
const versionSchema = z.string().regex(/^[0-9a-f]{16}$/);
/** Ids of sections and bin entries as they stand in the draft; the server looks them up, never trusts them. */
const refSchema = z.string().min(1).max(200);
const positionSchema = z.number().int().min(0).max(10_000);
/** A JSON object: the server checks its fields with the content schema, and keeps it even when unfinished. */
const jsonObjectSchema = z.record(z.string(), z.unknown());

export const updatePanelBodySchema = z.strictObject({
  baseVersion: versionSchema,
  panel: jsonObjectSchema,
});
export type UpdatePanelBody = z.infer<typeof updatePanelBodySchema>;

/** The exhibition's settings, a section entry, a tour or a quiz: the whole document, as JSON. */
export const updateDocumentBodySchema = z.strictObject({
  baseVersion: versionSchema,
  value: jsonObjectSchema,
});
export type UpdateDocumentBody = z.infer<typeof updateDocumentBodySchema>;

export const addPanelBodySchema = z.strictObject({
  kind: z.enum(CURATE_PANEL_KINDS),
  sectionId: refSchema,
  /** Where in the section; at the end when left out (or past the end). */
  index: positionSchema.optional(),
  /** The new panel's title; its id is made from it (or from the kind, for a Chinese title). */
  title: z.string().min(1).max(200).optional(),
});
export type AddPanelBody = z.infer<typeof addPanelBodySchema>;

export const movePanelBodySchema = z.strictObject({
  sectionId: refSchema,
  /** The panel's index in the section after the move (clamped to the section's end). */
  index: positionSchema,
});
export type MovePanelBody = z.infer<typeof movePanelBodySchema>;

/** Back where it was deleted from, unless a place is given (its section may be gone). */
export const restorePanelBodySchema = z.strictObject({
  sectionId: refSchema.optional(),
  index: positionSchema.optional(),
});
export type RestorePanelBody = z.infer<typeof restorePanelBodySchema>;

// --- Answers ---------------------------------------------------------------------------------

/** A JSON path inside a file, e.g. ["panels", 2, "images", 0, "src"]. */
export type JsonPath = Array<string | number>;

/** What a problem is about, so the editor shows it next to that field. `field` is the path inside it. */
export type ProblemTarget =
  | { kind: 'panel'; panelId: string; field: JsonPath }
  | { kind: 'settings'; field: JsonPath }
  | { kind: 'section'; sectionId: string; field: JsonPath }
  | { kind: 'tour'; tourId: string; field: JsonPath }
  | { kind: 'quiz'; quizId: string; field: JsonPath }
  /** The whole file, or a part no editor shows (e.g. a broken entry without an id). */
  | { kind: 'file' };

/** One problem of the content check, as the build reports it (file, JSON path, message), and where it belongs. */
export interface DraftProblem {
  severity: 'error' | 'warning';
  /** The file in the store's layout, e.g. "content/timeline.json" (the build reads assets/content/timeline.json). */
  file: string;
  path: JsonPath;
  message: { zh: string; en: string };
  target: ProblemTarget;
}

/** Which document a non-panel change is about. */
export type DocumentRef =
  | { kind: 'settings' }
  | { kind: 'section'; id: string }
  | { kind: 'tour'; id: string }
  | { kind: 'quiz'; id: string };

/** Where a panel stands in the draft and its version. */
export interface PanelEntry {
  sectionId: string;
  /** The section's file in the store's layout, e.g. "content/timeline.json". */
  file: string;
  index: number;
  version: string;
}

export interface DraftVersions {
  settings: string | null;
  sections: Record<string, string>;
  tours: Record<string, string>;
  quizzes: Record<string, string>;
  panels: Record<string, PanelEntry>;
}

/** A deleted panel, kept in the draft until restored (or the draft is published). */
export interface BinEntry {
  binId: string;
  panel: unknown;
  /** Where it stood. */
  sectionId: string;
  index: number;
  deletedAt: number;
  deletedBy: string;
}

export interface DraftSnapshot {
  /** False until the first edit: the files are then the published store's. */
  exists: boolean;
  /** Every content JSON file in the store's layout ("content/exhibition.json" → its JSON); null when it does not parse. */
  files: Record<string, unknown>;
  versions: DraftVersions;
  bin: BinEntry[];
  /** The photos there are, in the store's layout ("photos/team.jpg"), for the image picker. */
  photos: string[];
}

export interface CurateConflict {
  ok: false;
  error: 'conflict';
  /** The draft's version of the document now, and the document itself (null: it is gone, e.g. deleted). */
  current: { version: string; value: unknown } | null;
  /** What was sent, unchanged, so neither is lost. */
  sent: unknown;
}

export type CurateRefusalCode =
  | 'not-found'
  /** An id that is not a valid id, or one another panel (or the bin) has. */
  | 'bad-id'
  | 'id-taken'
  /** A field that may not change this way (a section's file). */
  | 'not-editable'
  /** Deleting it would break a reference: the content check's problems say which. */
  | 'in-use'
  /** A section still holding panels: they are moved or deleted first. */
  | 'not-empty';

export interface CurateRefusal {
  ok: false;
  error: CurateRefusalCode;
  problems: DraftProblem[];
}

export interface UpdateOk {
  ok: true;
  /** The id of the panel (or document) as saved. */
  id: string | null;
  version: string;
  value: unknown;
  /** This document's problems after the change: the loaders' and its text's against board and font (photo files come with the whole check). */
  problems: DraftProblem[];
}

export type UpdateAnswer = UpdateOk | CurateConflict | CurateRefusal;
export type MoveAnswer = { ok: true; sectionId: string; index: number } | CurateRefusal;
export type DeleteAnswer = { ok: true; binId: string } | CurateRefusal;

export interface DraftProblemsAnswer {
  ok: true;
  problems: DraftProblem[];
}

// --- Presence: who else is editing what ------------------------------------------------------

/**
 * `POST /api/curate/draft/presence` {@link presenceBodySchema} → {@link PresenceAnswer}: the page says
 * which panel it has open (null: none) every {@link PRESENCE_BEAT_MS} or so, and hears who else
 * has one open. Someone not heard from for {@link PRESENCE_TTL_MS} is gone (a closed tab).
 */
export const PRESENCE_BEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 30_000;

export const presenceBodySchema = z.strictObject({
  panelId: z.string().min(1).max(200).nullable(),
});
export type PresenceBody = z.infer<typeof presenceBodySchema>;

export interface PresenceEntry {
  accountId: string;
  displayName: string;
  /** The panel they have open (null: the list). */
  panelId: string | null;
  /** When they were last heard from (server ms). */
  seenAt: number;
}

export interface PresenceAnswer {
  ok: true;
  /** Everyone else heard from lately: the page shows "王芳 也在编辑这块展板" by the panel. */
  others: PresenceEntry[];
}

// --- Tours and quizzes: added from a template, deleted (展览设置 · 讲解路线 · 知识问答) ------------------

/**
 * - `POST   /api/curate/draft/tours` {@link addTourBodySchema} → {@link UpdateAnswer} (201): a tour
 *   from its template (the title, or a placeholder; one stop, at the corridor's first panel), with
 *   an id made from its title.
 * - `DELETE /api/curate/draft/tours/:id` → {@link DeleteDocumentAnswer}.
 * - `POST   /api/curate/draft/quizzes` {@link addQuizBodySchema} → {@link UpdateAnswer} (201): a quiz
 *   with its title (or a placeholder) and no questions yet.
 * - `DELETE /api/curate/draft/quizzes/:id` → {@link DeleteDocumentAnswer}: refused `in-use`, with
 *   the content check's problems, while a tour names the quiz.
 *
 * A deleted tour or quiz goes into no bin (the bin holds panels); the page asks before deleting.
 */
export const addTourBodySchema = z.strictObject({
  title: z.string().min(1).max(200).optional(),
});
export type AddTourBody = z.infer<typeof addTourBodySchema>;

export const addQuizBodySchema = z.strictObject({
  title: z.string().min(1).max(200).optional(),
});
export type AddQuizBody = z.infer<typeof addQuizBodySchema>;

export type DeleteDocumentAnswer = { ok: true; id: string } | CurateRefusal;

// --- Sections added and deleted; sections, tours and quizzes reordered (栏目 · 讲解路线 · 知识问答) ----

/**
 * - `POST   /api/curate/draft/sections` {@link addSectionBodySchema} → {@link UpdateAnswer} (201): a
 *   section after the others, with its title (or a placeholder) and its own empty panel file
 *   named after its id.
 * - `DELETE /api/curate/draft/sections/:id` → {@link DeleteDocumentAnswer}: refused `not-empty`
 *   while it holds panels, and `in-use` when it is the exhibition's last section.
 * - `POST   /api/curate/draft/sections/:id/move` | `/tours/:id/move` | `/quizzes/:id/move`
 *   {@link moveDocumentBodySchema} → {@link MoveDocumentAnswer}: to an index of its list after the
 *   move (sections: the corridor's order).
 */
export const addSectionBodySchema = z.strictObject({
  title: z.string().min(1).max(200).optional(),
});
export type AddSectionBody = z.infer<typeof addSectionBodySchema>;

export const moveDocumentBodySchema = z.strictObject({
  index: positionSchema,
});
export type MoveDocumentBody = z.infer<typeof moveDocumentBodySchema>;

export type MoveDocumentAnswer = { ok: true; id: string; index: number } | CurateRefusal;
