/**
 * 先审后发 (issue 18): submissions frozen from the draft, reviewed, published by the real build,
 * and every published version kept. The protocol's header (src/live/curateReviewProtocol.ts)
 * tells the story; this is its logic, over folders in DATA_DIR and rows in SQLite:
 *
 * - `DATA_DIR/submissions/<id>/`: each submission's frozen tree (content/, photos/), as submitted.
 * - `DATA_DIR/versions/<n>/`: each published version's tree. Version 1 is the content the
 *   station had when publishing first existed (the store as seeded, or as a developer left it).
 * - `DATA_DIR/content/`: the store, always the newest version's tree (contentStore.ts).
 *
 * Publishing, step by step, so a crash at any point publishes all or nothing:
 * 1. the submission is marked `publishing`, and the site is built from its tree into the
 *    builds folder, beside the build being served (builds.ts `prepare`; nothing switches yet);
 *    a failed build marks it `failed` with the reason, and nothing else changes;
 * 2. while a live lesson runs, the rest waits for it to end;
 * 3. the tree is kept as version n (a folder of links, then its row);
 * 4. the store is replaced by it (two renames; contentTrees.ts `recoverStore` finishes one a crash
 *    interrupted), the submission marked `published`, and the site switched to the build made in 1;
 * 5. the draft goes if it holds exactly what was published (its later edits, if any, stay).
 * On start, a submission still `publishing` is finished when its version row exists (3 was done),
 * and marked `failed` otherwise (nothing was published).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftProblem } from '../../live/curateDraftProtocol.ts';
import type {
  ContentChange,
  PublishedVersion,
  PublishStatus,
  ReviewErrorCode,
  ReviewRefusal,
  Submission,
} from '../../live/curateReviewProtocol.ts';
import type { SiteBuild } from '../site/builds.ts';
import type { PublishRepository, StoredSubmission, StoredVersion } from '../storage/publishRepository.ts';
import { diffContent, summarize } from './contentDiff.ts';
import { type ContentStore, hashTree, SEED_FILE, STORE_FOLDERS } from './contentStore.ts';
import { clearTreeLeftovers, freezeTree, photoHashes, readContentFiles, recoverStore, replaceStore } from './contentTrees.ts';
import type { CurationDraft } from './draft.ts';
import { fullCheck } from './draftCheck.ts';
import { photoPathIn, thumbnailOf } from './photoThumbnail.ts';

/** What publishing needs of the site's builds (SiteBuilds). */
export interface PublishBuilds {
  prepare(assetsDir: string, started?: (build: { stamp: string; logFile: string }) => void): Promise<SiteBuild>;
  refresh(): Promise<void>;
  lastDuration(): Promise<number | null>;
  readonly current: SiteBuild | null;
}

/** What publishing needs of the accounts. */
export interface PublishAccounts {
  displayName(accountId: string): string | null;
  /** The ids of the reviewers who can log in (not disabled). */
  activeReviewerIds(): string[];
}

export interface PublishingOptions {
  dataDir: string;
  store: ContentStore;
  draft: CurationDraft;
  builds: PublishBuilds;
  repository: PublishRepository;
  accounts: PublishAccounts;
  /** The audit log (curatorService.record). */
  audit(accountId: string | null, action: string, fields: { detail?: string | null }): void;
  /** How many live lessons run now: the switch waits while any does. */
  liveLessons(): number;
  clock?: () => number;
  /** How often a waiting switch looks again whether the lessons ended. */
  lessonPollMs?: number;
  log?: (message: string) => void;
}

/** The audit log's actions of publishing (curateStrings.ts has their words). */
export const PUBLISH_AUDIT_ACTIONS = [
  'submit',
  'return-submission',
  'approve-submission',
  'approve-own-submission',
  'publish',
  'publish-failed',
  'restore-version',
] as const;

const LOG_TAIL_CHARS = 4000;
const SUBMISSIONS_SHOWN = 50;

interface Job {
  submissionId: string;
  phase: 'building' | 'waiting-for-lesson' | 'published' | 'failed';
  startedAt: number;
  expectedMs: number;
  logFile: string | null;
  error: string | null;
  version: number | null;
}

type Refused = ReviewRefusal;
const refuse = (error: ReviewErrorCode, problems?: DraftProblem[]): Refused =>
  problems ? { ok: false, error, problems } : { ok: false, error };

export class Publishing {
  private readonly clock: () => number;
  private readonly log: (message: string) => void;
  private job: Job | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  private constructor(private readonly options: PublishingOptions) {
    this.clock = options.clock ?? Date.now;
    this.log = options.log ?? (() => {});
  }

  private get submissionsDir() {
    return join(this.options.dataDir, 'submissions');
  }
  private get versionsDir() {
    return join(this.options.dataDir, 'versions');
  }
  private submissionDir(id: string) {
    return join(this.submissionsDir, id);
  }
  private versionDir(number: number) {
    return join(this.versionsDir, String(number));
  }

  /**
   * Opens publishing: clears what a crash left, settles a publish it interrupted, and keeps the
   * store as version 1 when no version was published yet.
   */
  static async open(options: PublishingOptions): Promise<Publishing> {
    const publishing = new Publishing(options);
    await publishing.recover();
    return publishing;
  }

  private async recover(): Promise<void> {
    const { repository, store } = this.options;
    await clearTreeLeftovers(this.submissionsDir);
    await clearTreeLeftovers(this.versionsDir);
    // A version folder without its row: step 3 was cut short. It was never the store.
    const known = new Set(repository.versions().map((version) => String(version.number)));
    for (const name of await readdir(this.versionsDir).catch(() => [] as string[])) {
      if (!known.has(name)) await rm(join(this.versionsDir, name), { recursive: true, force: true });
    }
    if (!repository.latestVersion()) {
      await freezeTree(store.dir, this.versionDir(1));
      repository.insertVersion({
        number: 1,
        publishedAt: this.clock(),
        publishedBy: null,
        submissionId: null,
        filesHash: (await hashTree(store.dir, STORE_FOLDERS)).hash,
        summary: { panels: 0, documents: 0, photos: 0 },
        restoredFrom: null,
      });
    }
    for (const submission of repository.submissions(SUBMISSIONS_SHOWN)) {
      if (submission.status !== 'publishing') continue;
      const version = repository.versions().find((candidate) => candidate.submissionId === submission.id);
      if (version) {
        if ((await hashTree(store.dir, STORE_FOLDERS)).hash !== version.filesHash) {
          await replaceStore(store.dir, this.versionDir(version.number), [SEED_FILE]);
        }
        repository.updateSubmission(submission.id, { status: 'published', version: version.number });
        this.log(`publishing: finished publishing ${submission.id} as version ${version.number}, cut short by a stop`);
      } else {
        repository.updateSubmission(submission.id, {
          status: 'failed',
          buildError:
            '服务器在发布过程中停止了，没有发布任何内容。请重新审核发布。 The server stopped while publishing; nothing was published.',
        });
      }
    }
  }

  close(): void {
    this.closed = true;
  }

  // --- Submitting --------------------------------------------------------------------------------

  async submit(accountId: string, note: string): Promise<{ ok: true; submission: Submission } | Refused> {
    const { draft, repository, store } = this.options;
    if (!draft.exists) return refuse('no-changes');
    const hash = await draft.treeHash();
    if (hash === (await hashTree(store.dir, STORE_FOLDERS)).hash) return refuse('no-changes');
    const newest = repository.submissions(1)[0];
    // The same draft sent twice (a double click, a reply lost): the submission it already is.
    if (newest && newest.status === 'pending' && newest.filesHash === hash) {
      return { ok: true, submission: this.describe(newest) };
    }
    const errors = (await fullCheck(draft.dir, await readContentFiles(draft.dir))).filter(
      (problem) => problem.severity === 'error',
    );
    if (errors.length > 0) return refuse('has-errors', errors);

    const id = `s-${randomBytes(6).toString('hex')}`;
    const frozen = await draft.freeze(this.submissionDir(id));
    if (!frozen) return refuse('no-changes');
    const changes = await this.diff(store.dir, this.submissionDir(id));
    const restoredFrom = repository.versions().find((version) => version.filesHash === frozen.hash)?.number ?? null;
    repository.supersedePending();
    const stored: StoredSubmission = {
      id,
      status: 'pending',
      submittedBy: accountId,
      submittedAt: this.clock(),
      note,
      filesHash: frozen.hash,
      summary: summarize(changes),
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
      selfApproved: false,
      version: null,
      buildError: null,
      restoredFrom,
    };
    repository.insertSubmission(stored);
    this.options.audit(accountId, 'submit', { detail: `submission:${id}` });
    return { ok: true, submission: this.describe(stored) };
  }

  async list(): Promise<{ submissions: Submission[]; draftChanged: boolean }> {
    const { draft, repository, store } = this.options;
    const submissions = repository.submissions(SUBMISSIONS_SHOWN);
    let draftChanged = false;
    if (draft.exists) {
      const hash = await draft.treeHash();
      draftChanged = hash !== (submissions[0]?.filesHash ?? null) && hash !== (await hashTree(store.dir, STORE_FOLDERS)).hash;
    }
    return { submissions: submissions.map((submission) => this.describe(submission)), draftChanged };
  }

  /** The submission against what was published before it: the store now, or the version before its own. */
  async changes(
    id: string,
  ): Promise<{ ok: true; submission: Submission; changes: ContentChange[]; beforeVersion: number | null } | Refused> {
    const submission = this.options.repository.submission(id);
    if (!submission || !existsSync(this.submissionDir(id))) return refuse('not-found');
    const beforeVersion = submission.version !== null ? this.versionBefore(submission.version) : null;
    const before = beforeVersion !== null ? this.versionDir(beforeVersion) : this.options.store.dir;
    return {
      ok: true,
      submission: this.describe(submission),
      changes: await this.diff(before, this.submissionDir(id)),
      beforeVersion,
    };
  }

  /** A thumbnail of a photo of a submission, or of the published content (null: no such photo). */
  async photo(where: { submissionId: string } | { version: number } | 'published', src: string): Promise<Buffer | null> {
    const tree =
      where === 'published'
        ? this.options.store.dir
        : 'version' in where
          ? this.options.repository.version(where.version)
            ? this.versionDir(where.version)
            : null
          : this.options.repository.submission(where.submissionId)
            ? this.submissionDir(where.submissionId)
            : null;
    if (!tree) return null;
    const path = await photoPathIn(tree, src);
    if (!path) return null;
    try {
      return await thumbnailOf(path);
    } catch {
      return null;
    }
  }

  // --- Reviewing ---------------------------------------------------------------------------------

  returnSubmission(id: string, reviewerId: string, comment: string): { ok: true; submission: Submission } | Refused {
    const { repository } = this.options;
    const submission = repository.submission(id);
    if (!submission) return refuse('not-found');
    if (submission.status !== 'pending') return refuse('not-pending');
    const fields = { status: 'returned' as const, reviewedBy: reviewerId, reviewedAt: this.clock(), reviewComment: comment };
    repository.updateSubmission(id, fields);
    this.options.audit(reviewerId, 'return-submission', { detail: `submission:${id}` });
    return { ok: true, submission: this.describe({ ...submission, ...fields }) };
  }

  /**
   * Approves and starts publishing in the background (the status says how it goes). A reviewer
   * may approve their own submission only while they are the station's only active reviewer.
   */
  approve(id: string, reviewerId: string, comment: string | undefined): PublishStatus | Refused {
    const { repository, accounts } = this.options;
    const submission = repository.submission(id);
    if (!submission) return refuse('not-found');
    if (submission.status !== 'pending') return refuse('not-pending');
    if (this.running) return refuse('busy');
    const own = submission.submittedBy === reviewerId;
    if (own && accounts.activeReviewerIds().some((other) => other !== reviewerId)) return refuse('own-submission');
    repository.updateSubmission(id, {
      status: 'publishing',
      reviewedBy: reviewerId,
      reviewedAt: this.clock(),
      reviewComment: comment ?? null,
      selfApproved: own,
      buildError: null,
    });
    this.options.audit(reviewerId, own ? 'approve-own-submission' : 'approve-submission', { detail: `submission:${id}` });
    this.job = {
      submissionId: id,
      phase: 'building',
      startedAt: this.clock(),
      expectedMs: 60_000,
      logFile: null,
      error: null,
      version: null,
    };
    const job = this.job;
    this.running = this.publish(job, reviewerId)
      .catch(async (error: unknown) => {
        // Not the build (that is handled): the disk, say. The store is whole again (or was never
        // touched), and the submission says what happened; the next start settles the rest.
        const reason = error instanceof Error ? error.message : String(error);
        await recoverStore(this.options.store.dir).catch(() => {});
        job.phase = 'failed';
        job.error = reason;
        const version = repository.versions().find((candidate) => candidate.submissionId === id);
        if (!version) repository.updateSubmission(id, { status: 'failed', buildError: reason });
        this.log(`publishing: ${id} stopped (${reason})`);
      })
      .finally(() => {
        this.running = null;
      });
    return this.statusNow();
  }

  /** Resolves when the publish under way (if any) is over: for tests and a clean stop. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async publish(job: Job, reviewerId: string): Promise<void> {
    const { builds, repository, store, draft } = this.options;
    const submission = repository.submission(job.submissionId) as StoredSubmission;
    job.expectedMs = (await builds.lastDuration()) ?? job.expectedMs;
    let build: SiteBuild;
    try {
      build = await builds.prepare(this.submissionDir(job.submissionId), ({ logFile }) => {
        job.logFile = logFile;
      });
    } catch (error) {
      const reason = await failureReason(error, job.logFile);
      job.phase = 'failed';
      job.error = reason;
      repository.updateSubmission(job.submissionId, { status: 'failed', buildError: reason });
      this.options.audit(reviewerId, 'publish-failed', { detail: `submission:${job.submissionId}` });
      this.log(`publishing: the build of ${job.submissionId} failed (${reason}); nothing was published`);
      return;
    }

    while (this.options.liveLessons() > 0 && !this.closed) {
      job.phase = 'waiting-for-lesson';
      await new Promise((done) => setTimeout(done, this.options.lessonPollMs ?? 1_000));
    }
    if (this.closed) return;

    const number = (repository.latestVersion()?.number ?? 0) + 1;
    const before = this.options.store.dir;
    const changes = await this.diff(before, this.submissionDir(job.submissionId));
    await freezeTree(this.submissionDir(job.submissionId), this.versionDir(number));
    repository.insertVersion({
      number,
      publishedAt: this.clock(),
      publishedBy: reviewerId,
      submissionId: job.submissionId,
      filesHash: submission.filesHash,
      summary: summarize(changes),
      restoredFrom: submission.restoredFrom,
    });
    await replaceStore(store.dir, this.versionDir(number), [SEED_FILE]);
    repository.updateSubmission(job.submissionId, { status: 'published', version: number });
    await builds.refresh();
    if (builds.current?.stamp !== build.stamp) {
      this.log(`publishing: version ${number} is the content now, but the site serves ${builds.current?.stamp ?? 'nothing'}`);
    }
    await draft.discardIfPublished(submission.filesHash);
    job.phase = 'published';
    job.version = number;
    this.options.audit(reviewerId, 'publish', { detail: `version:${number}` });
    this.log(`publishing: version ${number} published (${job.submissionId}, build ${build.stamp})`);
  }

  async status(): Promise<PublishStatus> {
    return { ...this.statusNow(), log: await this.logTail() };
  }

  private statusNow(): PublishStatus {
    const job = this.job;
    if (!job) return { ok: true, phase: 'idle', submissionId: null, progress: 0, log: '', error: null, version: null };
    const done = job.phase === 'published' || job.phase === 'failed';
    const building = Math.min(0.95, (this.clock() - job.startedAt) / Math.max(1, job.expectedMs));
    return {
      ok: true,
      phase: job.phase,
      submissionId: job.submissionId,
      progress: done ? 1 : job.phase === 'waiting-for-lesson' ? 0.97 : Math.max(0.02, building),
      log: '',
      error: job.error,
      version: job.version,
    };
  }

  private async logTail(): Promise<string> {
    if (!this.job?.logFile) return '';
    try {
      return (await readFile(this.job.logFile, 'utf8')).slice(-LOG_TAIL_CHARS);
    } catch {
      return '';
    }
  }

  // --- History -----------------------------------------------------------------------------------

  async versions(): Promise<PublishedVersion[]> {
    const storeHash = (await hashTree(this.options.store.dir, STORE_FOLDERS)).hash;
    const rows = this.options.repository.versions();
    const currentNumber = rows.find((version) => version.filesHash === storeHash)?.number ?? null;
    return rows.map((version) => this.describeVersion(version, version.number === currentNumber));
  }

  /**
   * A version becomes the working draft, to be submitted and published again. Refused while the
   * draft holds edits nobody submitted, unless `replaceDraft` lets them go.
   */
  async restore(number: number, reviewerId: string, replaceDraft: boolean): Promise<{ ok: true; version: number } | Refused> {
    const { draft, repository } = this.options;
    const version = repository.version(number);
    if (!version || !existsSync(this.versionDir(number))) return refuse('not-found');
    if (!replaceDraft && (await this.draftHasUnsubmittedEdits())) return refuse('draft-has-changes');
    await draft.replaceWith(this.versionDir(number), reviewerId);
    this.options.audit(reviewerId, 'restore-version', { detail: `version:${number}` });
    return { ok: true, version: number };
  }

  /**
   * Whether the working draft holds edits nobody submitted: it is neither the published content
   * nor any submission. What replacing the draft (a restore, a pack imported) must not lose unasked.
   */
  async draftHasUnsubmittedEdits(): Promise<boolean> {
    const { draft, repository, store } = this.options;
    if (!draft.exists) return false;
    const hash = await draft.treeHash();
    if (repository.submissions(SUBMISSIONS_SHOWN).some((submission) => submission.filesHash === hash)) return false;
    return hash !== (await hashTree(store.dir, STORE_FOLDERS)).hash;
  }

  // --- The edges ---------------------------------------------------------------------------------

  private versionBefore(number: number): number {
    const earlier = this.options.repository.versions().filter((version) => version.number < number);
    return earlier[0]?.number ?? number;
  }

  private async diff(beforeTree: string, afterTree: string): Promise<ContentChange[]> {
    return diffContent(
      { files: await readContentFiles(beforeTree), photos: await photoHashes(beforeTree) },
      { files: await readContentFiles(afterTree), photos: await photoHashes(afterTree) },
    );
  }

  private person(accountId: string | null) {
    if (accountId === null) return null;
    return { id: accountId, displayName: this.options.accounts.displayName(accountId) ?? accountId };
  }

  private describe(submission: StoredSubmission): Submission {
    return {
      id: submission.id,
      status: submission.status,
      submittedBy: this.person(submission.submittedBy) as { id: string; displayName: string },
      submittedAt: submission.submittedAt,
      note: submission.note,
      reviewedBy: this.person(submission.reviewedBy),
      reviewedAt: submission.reviewedAt,
      reviewComment: submission.reviewComment,
      selfApproved: submission.selfApproved,
      version: submission.version,
      buildError: submission.buildError,
      summary: submission.summary,
    };
  }

  private describeVersion(version: StoredVersion, current: boolean): PublishedVersion {
    const submission = version.submissionId ? this.options.repository.submission(version.submissionId) : null;
    return {
      number: version.number,
      publishedAt: version.publishedAt,
      publishedBy: this.person(version.publishedBy),
      submittedBy: this.person(submission?.submittedBy ?? null),
      note: submission?.note ?? '',
      restoredFrom: version.restoredFrom,
      summary: version.summary,
      current,
    };
  }
}

/** The lines of the build's own words (the content plugin's `[exhibition]` error and its list) in a log. */
export function buildErrorLines(log: string): string[] {
  const lines = log.split(/\r?\n/);
  const start = lines.findLastIndex(
    (line) => line.includes('[exhibition]') && /error|could not|fix them|replace them/i.test(line),
  );
  if (start < 0) return [];
  const found = [lines[start] as string];
  for (const line of lines.slice(start + 1)) {
    // The indented list under it, up to the stack trace vite prints after it.
    if (!/^\s+\S/.test(line) || /^\s+at\s/.test(line) || found.length >= 6) break;
    found.push(line);
  }
  return found.map((line) => line.replace(/^.*?\[exhibition\]\s*/, '').trim());
}

/** Why a build failed, in the build's own words when its log has them (the staff read this first). */
async function failureReason(error: unknown, logFile: string | null): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  if (!logFile) return message;
  const log = await readFile(logFile, 'utf8').catch(() => '');
  const lines = buildErrorLines(log);
  return lines.length > 0 ? `${lines.join(' ')} (${message})` : message;
}
