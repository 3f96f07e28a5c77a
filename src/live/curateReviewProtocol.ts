/**
 * 先审后发 (issue 18): the review and publishing protocol between the station server and the
 * curator's browser. Like curateDraftProtocol.ts it imports nothing from Node, the DOM or the
 * content code; content travels as plain JSON.
 *
 * ## The life of a change
 *
 * 1. An editor **submits** the working draft with a note. The server freezes a copy of it
 *    (DATA_DIR/submissions/<id>/): what the reviewer sees and what is published is exactly what
 *    was submitted. Further edits go on in the working draft, which is now a new draft on top of
 *    the submission. A newer submission supersedes a pending one.
 * 2. A reviewer (审核) sees what changed against the published content, panel by panel and field
 *    by field (old → new, photos side by side), and **approves** it or **returns** it with a
 *    comment. A reviewer does not approve their own submission while another active reviewer
 *    exists; a station with a single 审核 can, and the audit log says so.
 * 3. Approving **publishes**: the real build (content check, fonts, photos, bundle) of the frozen
 *    copy in a low-priority child process, with its progress and log. Only a build that succeeded
 *    replaces the published content and switches the site to the new build, at once and whole; a
 *    failed build publishes nothing and says why. While a live lesson runs, the switch waits for
 *    it to end (its phones keep the content its stops name).
 * 4. Every published version is kept (content and photos) in the **history**; any version can be
 *    restored as the new working draft, to be submitted, reviewed and published again.
 *
 * ## HTTP (every route behind the curator's session; writes check Origin like the others)
 *
 * - `POST /api/curate/submissions` {@link submitBodySchema} (editor) → {@link SubmitAnswer} (201);
 *   refused `no-changes` (the draft is the published content) or `has-errors` (the build's check
 *   finds errors: they come as `problems`).
 * - `GET  /api/curate/submissions` (editor) → {@link SubmissionList}: the latest first.
 * - `GET  /api/curate/submissions/:id/changes` (editor) → {@link ChangesAnswer}: the submission
 *   against the published content (a published submission: against the version before it).
 * - `GET  /api/curate/submissions/:id/photo?src=` (editor) → a JPEG thumbnail of the submission's photo.
 * - `GET  /api/curate/published/photo?src=` (editor) → the same of the published content's photo.
 * - `GET  /api/curate/versions/:number/photo?src=` (editor) → the same of a published version's photo.
 * - `POST /api/curate/submissions/:id/approve` {@link reviewBodySchema} (reviewer) → {@link PublishStatus}
 *   (202): the build starts; refused `own-submission`, `not-pending`, `busy` (another publish runs).
 * - `POST /api/curate/submissions/:id/return` {@link returnBodySchema} (reviewer) → {@link SubmissionAnswer}.
 * - `GET  /api/curate/publish` (editor) → {@link PublishStatus}: the publish job now or last.
 * - `GET  /api/curate/versions` (editor) → {@link VersionList}.
 * - `POST /api/curate/versions/:number/restore` {@link restoreVersionBodySchema} (reviewer) →
 *   {@link RestoreAnswer}: the version becomes the working draft; refused `draft-has-changes` unless
 *   `replaceDraft` says the draft's unsubmitted edits may go.
 */
import { z } from 'zod';

z.config({ jitless: true });

const noteSchema = z.string().trim().max(2000);

export const submitBodySchema = z.strictObject({
  /** What changed and why, for the reviewer (may be empty). */
  note: noteSchema,
});
export type SubmitBody = z.infer<typeof submitBodySchema>;

export const reviewBodySchema = z.strictObject({
  comment: noteSchema.optional(),
});
export type ReviewBody = z.infer<typeof reviewBodySchema>;

/** Sending back needs words: the editor must learn what to change. */
export const returnBodySchema = z.strictObject({
  comment: noteSchema.pipe(z.string().min(1)),
});
export type ReturnBody = z.infer<typeof returnBodySchema>;

export const restoreVersionBodySchema = z.strictObject({
  /** The working draft's edits that were never submitted may be replaced. */
  replaceDraft: z.boolean().optional(),
});
export type RestoreVersionBody = z.infer<typeof restoreVersionBodySchema>;

/** A submission id as the server makes them (s- and 12 hex digits). */
export const SUBMISSION_ID = /^s-[0-9a-f]{12}$/;

export type SubmissionStatus =
  /** Waiting for a reviewer. */
  | 'pending'
  /** Sent back with a comment; the editor goes on in the working draft. */
  | 'returned'
  /** A newer submission came before this one was reviewed. */
  | 'superseded'
  /** Approved; its build is running (or waiting for a lesson to end before the switch). */
  | 'publishing'
  /** Approved, but its build failed: nothing was published. */
  | 'failed'
  | 'published';

export interface Submission {
  id: string;
  status: SubmissionStatus;
  submittedBy: { id: string; displayName: string };
  submittedAt: number;
  note: string;
  reviewedBy: { id: string; displayName: string } | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  /** Approved by its own author, the station's only reviewer (the log says so too). */
  selfApproved: boolean;
  /** The version it became (published), else null. */
  version: number | null;
  /** Why its build failed (failed), else null. */
  buildError: string | null;
  /** How many panels and documents it changes, and photos. */
  summary: ChangeSummary;
}

export interface ChangeSummary {
  panels: number;
  documents: number;
  photos: number;
}

/** One field of a panel or document, as JSON before and after (undefined: not there). */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export type ContentChange =
  | {
      kind: 'panel';
      id: string;
      change: ChangeKind;
      /** Its title after (before, for a removed panel). */
      title: unknown;
      /** The section it stands in before and after (null: not there), and their titles then. */
      sectionBefore: string | null;
      sectionAfter: string | null;
      sectionBeforeTitle?: unknown;
      sectionAfterTitle?: unknown;
      fields: FieldChange[];
    }
  | {
      kind: 'settings' | 'section' | 'tour' | 'quiz';
      /** null for the settings. */
      id: string | null;
      change: ChangeKind;
      title: unknown;
      fields: FieldChange[];
    }
  | { kind: 'photo'; src: string; change: Exclude<ChangeKind, 'moved'> };

export interface SubmitOk {
  ok: true;
  submission: Submission;
}

export type ReviewErrorCode =
  | 'not-found'
  | 'no-changes'
  | 'has-errors'
  | 'not-pending'
  | 'own-submission'
  | 'busy'
  | 'draft-has-changes';

export interface ReviewRefusal {
  ok: false;
  error: ReviewErrorCode;
  /** The content check's problems (has-errors), as the draft's check gives them. */
  problems?: unknown[];
}

export type SubmitAnswer = SubmitOk | ReviewRefusal;
export type SubmissionAnswer = SubmitOk | ReviewRefusal;

export interface SubmissionList {
  ok: true;
  submissions: Submission[];
  /** Whether the working draft differs from the newest submission (so it could be submitted again). */
  draftChanged: boolean;
}

export interface ChangesAnswer {
  ok: true;
  submission: Submission;
  changes: ContentChange[];
  /**
   * The version the changes are against when it is not the published content now (a submission
   * already published: the version before its own), for the old side's photos; else null.
   */
  beforeVersion: number | null;
}

export type PublishPhase = 'idle' | 'building' | 'waiting-for-lesson' | 'published' | 'failed';

export interface PublishStatus {
  ok: true;
  phase: PublishPhase;
  /** The submission being (or last) published; null when none ever was. */
  submissionId: string | null;
  /** 0…1: the build's share done, estimated from the last build's duration; 1 when over. */
  progress: number;
  /** The end of the build's log (what vite and the content check printed). */
  log: string;
  /** Why it failed (failed), else null. */
  error: string | null;
  /** The version it made (published), else null. */
  version: number | null;
}

export interface PublishedVersion {
  number: number;
  publishedAt: number;
  publishedBy: { id: string; displayName: string } | null;
  submittedBy: { id: string; displayName: string } | null;
  note: string;
  /** The version it restored (a restore published again), else null. */
  restoredFrom: number | null;
  summary: ChangeSummary;
  /** The version the site serves now. */
  current: boolean;
}

export interface VersionList {
  ok: true;
  versions: PublishedVersion[];
}

export type RestoreAnswer = { ok: true; version: number } | ReviewRefusal;
