/**
 * The review side of the stand-in station (tests/support/curateStation.ts): 先审后发 of
 * src/live/curateReviewProtocol.ts as a small model in memory — submissions (a new one supersedes
 * the pending one), the changes a test gives each, approving (not one's own while another active
 * reviewer exists), returning (a comment required), a publish that goes through the statuses a
 * test plans, one read of GET …/publish at a time, and ends published (a new current version) or
 * failed, and the versions with their restore (refused `draft-has-changes` unless the draft's edits
 * may go). Enough of the server's rules for the page's tests; the server's own are in tests/server/.
 */
import type {
  ChangeSummary,
  ContentChange,
  PublishedVersion,
  PublishStatus,
  ReviewErrorCode,
  Submission,
} from '../../src/live/curateReviewProtocol.ts';

type Json = Record<string, unknown>;
type Person = { id: string; displayName: string };

/** How the next publish goes: the progress each status read reports, then how it ends. */
export interface PublishPlan {
  /** The progress (0…1) of each read while building, in order. */
  progress: number[];
  /** Reads that say waiting-for-lesson once built. */
  waitForLesson?: number;
  /** The build fails with this reason; otherwise it is published. */
  failure?: string;
  /** The build's log, one line more at each read. */
  log?: string[];
}

export interface ReviewStationOptions {
  /** Newest first, as the station lists them. */
  submissions?: Submission[];
  /** Newest first. */
  versions?: PublishedVersion[];
  /** Each submission's changes, by its id. */
  changes?: Record<string, ContentChange[]>;
  /** The changes the next submission makes. */
  nextChanges?: ContentChange[];
  /** The working draft differs from the newest submission. */
  draftChanged?: boolean;
  /** The next submit refused: no-changes, or has-errors with the check's problems. */
  submitRefusal?: { error: ReviewErrorCode; problems?: unknown[] };
  /** The draft holds edits nobody submitted (a restore asks whether they may go). */
  draftHasChanges?: boolean;
  publish?: PublishPlan;
  /** A publish already under way (its submission is `publishing`) when the page opens. */
  runningFor?: string;
}

export const SUBMITTED_AT = new Date(2025, 4, 4, 9, 15, 0).getTime();

const NO_SUMMARY: ChangeSummary = { panels: 0, documents: 0, photos: 0 };

export function submission(id: string, submittedBy: Person, extra: Partial<Submission> = {}): Submission {
  return {
    id,
    status: 'pending',
    submittedBy,
    submittedAt: SUBMITTED_AT,
    note: '',
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    selfApproved: false,
    version: null,
    buildError: null,
    summary: NO_SUMMARY,
    ...extra,
  };
}

export function publishedVersion(number: number, extra: Partial<PublishedVersion> = {}): PublishedVersion {
  return {
    number,
    publishedAt: SUBMITTED_AT + number * 3_600_000,
    publishedBy: null,
    submittedBy: null,
    note: '',
    restoredFrom: null,
    summary: NO_SUMMARY,
    current: false,
    ...extra,
  };
}

/** What changes count as, as the server's summarize() does: panels; settings, sections, tours, quizzes; photos. */
export function summaryOf(changes: readonly ContentChange[]): ChangeSummary {
  return {
    panels: changes.filter((change) => change.kind === 'panel').length,
    documents: changes.filter((change) => change.kind !== 'panel' && change.kind !== 'photo').length,
    photos: changes.filter((change) => change.kind === 'photo').length,
  };
}

const STATUS: Record<ReviewErrorCode | 'bad-request', number> = {
  'not-found': 404,
  'no-changes': 409,
  'has-errors': 422,
  'not-pending': 409,
  'own-submission': 403,
  busy: 409,
  'draft-has-changes': 409,
  'bad-request': 400,
};

export interface ReviewCaller {
  id: string;
  displayName: string;
}

export function curateReviewStation(options: ReviewStationOptions = {}, now: () => number = () => SUBMITTED_AT) {
  const state = {
    submissions: [...(options.submissions ?? [])],
    versions: [...(options.versions ?? [])],
    changes: { ...(options.changes ?? {}) } as Record<string, ContentChange[]>,
    nextChanges: options.nextChanges ?? [],
    draftChanged: options.draftChanged ?? false,
    submitRefusal: options.submitRefusal ?? null,
    draftHasChanges: options.draftHasChanges ?? false,
    plan: options.publish ?? { progress: [0.5] },
    /** The publish followed by GET …/publish: how many times it was read since it began. */
    job: null as { submissionId: string; reviewerId: string; reads: number; status: PublishStatus } | null,
    /** Versions restored as the draft, in order, with whether the draft's edits were let go. */
    restored: [] as Array<{ number: number; replaceDraft: boolean }>,
  };
  let made = state.submissions.length;

  const answer = (body: unknown, status = 200) => ({ status, body });
  const refuse = (error: ReviewErrorCode | 'bad-request', problems?: unknown[]) =>
    answer(problems ? { ok: false, error, problems } : { ok: false, error }, STATUS[error]);
  const find = (id: string) => state.submissions.find((entry) => entry.id === id);
  const update = (id: string, fields: Partial<Submission>) => {
    state.submissions = state.submissions.map((entry) => (entry.id === id ? { ...entry, ...fields } : entry));
    return find(id) as Submission;
  };

  function startJob(submissionId: string, reviewerId: string) {
    state.job = {
      submissionId,
      reviewerId,
      reads: 0,
      status: { ok: true, phase: 'building', submissionId, progress: 0.02, log: '', error: null, version: null },
    };
  }
  if (options.runningFor) startJob(options.runningFor, find(options.runningFor)?.reviewedBy?.id ?? '');

  /** One read of the publish under way: the plan's next step, or its end. */
  function readJob(): PublishStatus {
    const job = state.job;
    if (!job) return { ok: true, phase: 'idle', submissionId: null, progress: 0, log: '', error: null, version: null };
    if (job.status.phase === 'published' || job.status.phase === 'failed') return job.status;
    job.reads += 1;
    const { progress, waitForLesson = 0, failure, log = [] } = state.plan;
    const logNow = log.slice(0, job.reads).join('\n');
    if (job.reads <= progress.length) {
      job.status = { ...job.status, progress: progress[job.reads - 1] ?? 0, log: logNow };
    } else if (job.reads <= progress.length + waitForLesson) {
      job.status = { ...job.status, phase: 'waiting-for-lesson', progress: 0.97, log: logNow };
    } else if (failure !== undefined) {
      job.status = { ...job.status, phase: 'failed', progress: 1, error: failure, log: log.join('\n') };
      update(job.submissionId, { status: 'failed', buildError: failure });
    } else {
      const number = Math.max(0, ...state.versions.map((version) => version.number)) + 1;
      const published = find(job.submissionId) as Submission;
      state.versions = [
        publishedVersion(number, {
          publishedAt: now(),
          publishedBy: published.reviewedBy,
          submittedBy: published.submittedBy,
          note: published.note,
          summary: published.summary,
          current: true,
        }),
        ...state.versions.map((version) => ({ ...version, current: false })),
      ];
      update(job.submissionId, { status: 'published', version: number });
      job.status = { ...job.status, phase: 'published', progress: 1, version: number, log: log.join('\n') };
    }
    return job.status;
  }

  /**
   * Answers a review route (`path` after api/curate/) for `caller`, or null when it is not one.
   * `reviewerIds`: the station's active reviewers (an own submission may be approved only by the only one).
   */
  function route(
    method: string,
    path: string,
    body: Json,
    caller: ReviewCaller,
    reviewerIds: readonly string[],
  ): { status: number; body: unknown } | null {
    if (path === 'submissions' && method === 'POST') {
      if (state.submitRefusal) return refuse(state.submitRefusal.error, state.submitRefusal.problems);
      made += 1;
      const id = `s-${made.toString(16).padStart(12, '0')}`;
      state.submissions = state.submissions.map((entry) =>
        entry.status === 'pending' ? { ...entry, status: 'superseded' } : entry,
      );
      const created = submission(
        id,
        { id: caller.id, displayName: caller.displayName },
        {
          submittedAt: now(),
          note: String(body.note ?? '').trim(),
          summary: summaryOf(state.nextChanges),
        },
      );
      state.changes[id] = state.nextChanges;
      state.submissions = [created, ...state.submissions];
      state.draftChanged = false;
      state.draftHasChanges = false;
      return answer({ ok: true, submission: created }, 201);
    }
    if (path === 'submissions' && method === 'GET')
      return answer({ ok: true, submissions: state.submissions, draftChanged: state.draftChanged });
    const changes = /^submissions\/([^/]+)\/changes$/.exec(path);
    if (changes && method === 'GET') {
      const found = find(decodeURIComponent(changes[1] ?? ''));
      if (!found) return refuse('not-found');
      return answer({ ok: true, submission: found, changes: state.changes[found.id] ?? [], beforeVersion: null });
    }
    const review = /^submissions\/([^/]+)\/(approve|return)$/.exec(path);
    if (review && method === 'POST') {
      const found = find(decodeURIComponent(review[1] ?? ''));
      if (!found) return refuse('not-found');
      if (review[2] === 'return') {
        const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
        if (comment === '') return refuse('bad-request');
        if (found.status !== 'pending') return refuse('not-pending');
        const returned = update(found.id, {
          status: 'returned',
          reviewedBy: { id: caller.id, displayName: caller.displayName },
          reviewedAt: now(),
          reviewComment: comment,
        });
        return answer({ ok: true, submission: returned });
      }
      if (found.status !== 'pending') return refuse('not-pending');
      const running = state.job && (state.job.status.phase === 'building' || state.job.status.phase === 'waiting-for-lesson');
      if (running) return refuse('busy');
      const own = found.submittedBy.id === caller.id;
      if (own && reviewerIds.some((other) => other !== caller.id)) return refuse('own-submission');
      update(found.id, {
        status: 'publishing',
        reviewedBy: { id: caller.id, displayName: caller.displayName },
        reviewedAt: now(),
        reviewComment: typeof body.comment === 'string' ? body.comment : null,
        selfApproved: own,
      });
      startJob(found.id, caller.id);
      return answer(state.job?.status, 202);
    }
    if (path === 'publish' && method === 'GET') return answer(readJob());
    if (path === 'versions' && method === 'GET') return answer({ ok: true, versions: state.versions });
    const restore = /^versions\/(\d+)\/restore$/.exec(path);
    if (restore && method === 'POST') {
      const number = Number(restore[1]);
      if (!state.versions.some((version) => version.number === number)) return refuse('not-found');
      const replaceDraft = body.replaceDraft === true;
      if (state.draftHasChanges && !replaceDraft) return refuse('draft-has-changes');
      state.restored.push({ number, replaceDraft });
      state.draftHasChanges = false;
      state.draftChanged = true;
      return answer({ ok: true, version: number });
    }
    return null;
  }

  return { state, route };
}
