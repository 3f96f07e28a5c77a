/**
 * The exhibition's content as a zip (issue 18, item 4): exported for a backup or a developer's
 * checkout, and imported as the working draft. Like the other curator protocols it imports
 * nothing from Node, the DOM or the content code.
 *
 * A pack is a zip in the checkout's layout, so unzipping it at a checkout's root puts every file
 * where `npm run build` reads it:
 * - `assets/content/*.json` (and the editors' `*.md` guide beside them),
 * - `assets/photos/**`,
 * - `pack.json` at the root: {@link PackManifest} (a zip of a checkout's `assets/` without it is
 *   a pack too).
 *
 * ## HTTP (behind the curator's session, under /api/curate/: its address and Origin checks apply)
 *
 * - `GET  /api/curate/export?from=published|draft` {@link exportQuerySchema} (editor) → the zip, as
 *   an attachment named `dangshi-content-<from>-<YYYYMMDD-HHMM>.zip`. `draft` is the working
 *   draft, or the published content when nobody has edited since.
 * - `POST /api/curate/import?replaceDraft=1` {@link importQuerySchema} (reviewer: it replaces the
 *   whole draft), the zip as the raw body (`application/zip`) → {@link PackImportAnswer}. Checked
 *   entry by entry before anything is kept, then by the build's content check; refused with
 *   {@link PackRefusal}. The pack becomes the working draft, to be submitted, reviewed and
 *   published like any edit.
 */
import { z } from 'zod';
import type { DraftProblem } from './curateDraftProtocol.ts';

z.config({ jitless: true });

export const PACK_FORMAT = 'dangshi-content-pack';
export const PACK_FORMAT_VERSION = 1;
export const PACK_MANIFEST_NAME = 'pack.json';

const MB = 1024 * 1024;
/** The import's limits (the server's defaults; the curator's words quote them). */
export const PACK_UPLOAD_MAX_BYTES = 500 * MB;
export const PACK_PHOTO_MAX_BYTES = 60 * MB;
export const PACK_CONTENT_MAX_BYTES = 2 * MB;
export const PACK_TOTAL_MAX_BYTES = 1536 * MB;

export const PACK_SOURCES = ['published', 'draft'] as const;
export type PackSource = (typeof PACK_SOURCES)[number];

export const exportQuerySchema = z.strictObject({
  from: z.enum(PACK_SOURCES).default('published'),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;

export const importQuerySchema = z.strictObject({
  /** The working draft's edits that were never submitted may be replaced (as a restore's `replaceDraft`). */
  replaceDraft: z.enum(['0', '1']).optional(),
});

/** `pack.json`: what the pack is and where it came from. */
export interface PackManifest {
  format: typeof PACK_FORMAT;
  version: typeof PACK_FORMAT_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  from: PackSource;
  /** The published version the content is, when it is one (the draft's own edits are none). */
  versionNumber?: number;
}

/** Where a pack's download is, relative to the curator's page. */
export function packExportPath(from: PackSource): string {
  return `api/curate/export?from=${from}`;
}

export const PACK_ERRORS = [
  /** The body is not a zip at all. */
  'not-zip',
  /** A zip whose records contradict each other (sizes, checksums, overlapping entries…). */
  'damaged-zip',
  /** Encrypted, split over disks, ZIP64, or compressed by a method other than deflate. */
  'unsupported-zip',
  /** An entry named so it could land anywhere (absolute, `..`, a backslash, a drive, control characters). */
  'bad-entry-name',
  /** An entry outside `assets/content/` and `assets/photos/` (and not pack.json). */
  'outside-folders',
  /** A symbolic link, a device or another entry that is not a plain file. */
  'not-a-file',
  /** Two entries for the same place. */
  'duplicate-entry',
  /** An entry bigger unpacked than allowed, or than the zip says. */
  'entry-too-large',
  /** The whole pack bigger unpacked than allowed. */
  'pack-too-large',
  'too-many-entries',
  /** In assets/content/: neither a .json content file nor a .md guide, or in a sub-folder. */
  'bad-content-file',
  /** In assets/photos/: not a JPEG, PNG, WebP, AVIF or SVG by its bytes. */
  'not-a-photo',
  /** An SVG with a script or a reference outside itself. */
  'unsafe-svg',
  /** No assets/content/exhibition.json, or a pack.json of another kind. */
  'not-a-pack',
  /** The build's content check finds errors: they come as `problems`. */
  'pack-has-errors',
  /** The working draft has edits nobody submitted (send `replaceDraft=1` to let them go). */
  'draft-has-changes',
  /** Another import is under way. */
  'busy',
  /** The upload itself is past the limit. */
  'too-large',
] as const;
export type PackErrorCode = (typeof PACK_ERRORS)[number];

export interface PackRefusal {
  ok: false;
  error: PackErrorCode;
  /** The entry refused, as the zip names it (control characters written as \u escapes). */
  entry?: string;
  /** The content check's errors (pack-has-errors), with file and JSON path. */
  problems?: DraftProblem[];
}

export interface PackImportOk {
  ok: true;
  /** Content files taken (assets/content/). */
  files: number;
  photos: number;
}

export type PackImportAnswer = PackImportOk | PackRefusal;
