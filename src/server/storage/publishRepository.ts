/**
 * Submissions and published versions in the station's SQLite (migration 4): who submitted what
 * and when, who reviewed it and how, and each version the site was published at. The trees
 * themselves are folders in DATA_DIR (publishing.ts); these rows are what the lists show.
 */
import type { ChangeSummary, SubmissionStatus } from '../../live/curateReviewProtocol.ts';
import type { Db } from './database.ts';

export interface StoredSubmission {
  id: string;
  status: SubmissionStatus;
  submittedBy: string;
  submittedAt: number;
  note: string;
  filesHash: string;
  summary: ChangeSummary;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  selfApproved: boolean;
  version: number | null;
  buildError: string | null;
  restoredFrom: number | null;
}

export interface StoredVersion {
  number: number;
  publishedAt: number;
  publishedBy: string | null;
  submissionId: string | null;
  filesHash: string;
  summary: ChangeSummary;
  restoredFrom: number | null;
}

export interface PublishRepository {
  insertSubmission(submission: StoredSubmission): void;
  submission(id: string): StoredSubmission | null;
  /** The latest first. */
  submissions(limit: number): StoredSubmission[];
  updateSubmission(id: string, fields: Partial<Omit<StoredSubmission, 'id'>>): void;
  /** Every pending one becomes superseded (a newer submission came). */
  supersedePending(): void;
  insertVersion(version: StoredVersion): void;
  /** The newest first. */
  versions(): StoredVersion[];
  latestVersion(): StoredVersion | null;
  version(number: number): StoredVersion | null;
}

interface SubmissionRow {
  id: string;
  status: SubmissionStatus;
  submitted_by: string;
  submitted_at: number;
  note: string;
  files_hash: string;
  summary: string;
  reviewed_by: string | null;
  reviewed_at: number | null;
  review_comment: string | null;
  self_approved: number;
  version: number | null;
  build_error: string | null;
  restored_from: number | null;
}

interface VersionRow {
  number: number;
  published_at: number;
  published_by: string | null;
  submission_id: string | null;
  files_hash: string;
  summary: string;
  restored_from: number | null;
}

const EMPTY_SUMMARY: ChangeSummary = { panels: 0, documents: 0, photos: 0 };

function summaryOf(text: string): ChangeSummary {
  try {
    const parsed = JSON.parse(text) as Partial<ChangeSummary>;
    return { ...EMPTY_SUMMARY, ...parsed };
  } catch {
    return EMPTY_SUMMARY;
  }
}

const fromSubmissionRow = (row: SubmissionRow): StoredSubmission => ({
  id: row.id,
  status: row.status,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  note: row.note,
  filesHash: row.files_hash,
  summary: summaryOf(row.summary),
  reviewedBy: row.reviewed_by,
  reviewedAt: row.reviewed_at,
  reviewComment: row.review_comment,
  selfApproved: row.self_approved === 1,
  version: row.version,
  buildError: row.build_error,
  restoredFrom: row.restored_from,
});

const fromVersionRow = (row: VersionRow): StoredVersion => ({
  number: row.number,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
  submissionId: row.submission_id,
  filesHash: row.files_hash,
  summary: summaryOf(row.summary),
  restoredFrom: row.restored_from,
});

/** The columns a submission's fields are stored in (the only names an update may write). */
const SUBMISSION_COLUMNS: Record<keyof Omit<StoredSubmission, 'id'>, string> = {
  status: 'status',
  submittedBy: 'submitted_by',
  submittedAt: 'submitted_at',
  note: 'note',
  filesHash: 'files_hash',
  summary: 'summary',
  reviewedBy: 'reviewed_by',
  reviewedAt: 'reviewed_at',
  reviewComment: 'review_comment',
  selfApproved: 'self_approved',
  version: 'version',
  buildError: 'build_error',
  restoredFrom: 'restored_from',
};

function columnValue(key: keyof Omit<StoredSubmission, 'id'>, value: unknown): unknown {
  if (key === 'summary') return JSON.stringify(value);
  if (key === 'selfApproved') return value ? 1 : 0;
  return value;
}

export function createPublishRepository(db: Db): PublishRepository {
  const insertSubmission = db.prepare(
    `INSERT INTO submissions (id, status, submitted_by, submitted_at, note, files_hash, summary, reviewed_by, reviewed_at,
       review_comment, self_approved, version, build_error, restored_from)
     VALUES (@id, @status, @submittedBy, @submittedAt, @note, @filesHash, @summary, @reviewedBy, @reviewedAt,
       @reviewComment, @selfApproved, @version, @buildError, @restoredFrom)`,
  );
  const submissionById = db.prepare('SELECT * FROM submissions WHERE id = ?');
  const latestSubmissions = db.prepare('SELECT * FROM submissions ORDER BY submitted_at DESC, rowid DESC LIMIT ?');
  const supersede = db.prepare("UPDATE submissions SET status = 'superseded' WHERE status = 'pending'");
  const insertVersion = db.prepare(
    `INSERT INTO published_versions (number, published_at, published_by, submission_id, files_hash, summary, restored_from)
     VALUES (@number, @publishedAt, @publishedBy, @submissionId, @filesHash, @summary, @restoredFrom)`,
  );
  const allVersions = db.prepare('SELECT * FROM published_versions ORDER BY number DESC');
  const versionByNumber = db.prepare('SELECT * FROM published_versions WHERE number = ?');

  return {
    insertSubmission(submission) {
      insertSubmission.run({
        ...submission,
        summary: JSON.stringify(submission.summary),
        selfApproved: submission.selfApproved ? 1 : 0,
      });
    },
    submission(id) {
      const row = submissionById.get(id) as SubmissionRow | undefined;
      return row ? fromSubmissionRow(row) : null;
    },
    submissions(limit) {
      return (latestSubmissions.all(limit) as SubmissionRow[]).map(fromSubmissionRow);
    },
    updateSubmission(id, fields) {
      const keys = Object.keys(fields) as Array<keyof Omit<StoredSubmission, 'id'>>;
      if (keys.length === 0) return;
      const sets = keys.map((key) => `${SUBMISSION_COLUMNS[key]} = @${key}`).join(', ');
      const values = Object.fromEntries(keys.map((key) => [key, columnValue(key, fields[key])]));
      db.prepare(`UPDATE submissions SET ${sets} WHERE id = @id`).run({ ...values, id });
    },
    supersedePending() {
      supersede.run();
    },
    insertVersion(version) {
      insertVersion.run({ ...version, summary: JSON.stringify(version.summary) });
    },
    versions() {
      return (allVersions.all() as VersionRow[]).map(fromVersionRow);
    },
    latestVersion() {
      const row = allVersions.get() as VersionRow | undefined;
      return row ? fromVersionRow(row) : null;
    },
    version(number) {
      const row = versionByNumber.get(number) as VersionRow | undefined;
      return row ? fromVersionRow(row) : null;
    },
  };
}
