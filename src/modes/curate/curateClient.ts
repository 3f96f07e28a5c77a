/**
 * The curator page's side of `/api/curate/*` (src/live/curateProtocol.ts describes every route):
 * fetch wrappers answering in the protocol's types, and a small store of where the page stands —
 * finding out whether the station serves it at all, the login, a setup link, the session.
 *
 * Requests go to relative URLs (`api/curate/me`), like every asset, so the page works wherever the
 * station serves it; the session is the station's HttpOnly cookie (`credentials: 'same-origin'`),
 * never seen by script. Passwords are passed in by the caller for one request and kept by nobody
 * here: not in the store, not in storage, not in a module variable. A setup link's token is kept
 * only in this closure, for the page's life (the address bar loses it: takeSetupToken).
 */
import type { z } from 'zod';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AddPanelBody,
  AddQuizBody,
  AddSectionBody,
  AddTourBody,
  CurateConflict,
  CurateRefusal,
  DeleteAnswer,
  DeleteDocumentAnswer,
  DocumentRef,
  DraftProblemsAnswer,
  DraftSnapshot,
  MoveAnswer,
  MoveDocumentAnswer,
  PresenceAnswer,
  UpdateAnswer,
} from '../../live/curateDraftProtocol.ts';
import type { PackImportAnswer } from '../../live/curatePackProtocol.ts';
import {
  type AuditPage,
  type auditQuerySchema,
  type CurateErrorCode,
  type CuratorAccount,
  type CuratorSession,
  type createAccountBodySchema,
  curateTokenSchema,
  type SetupCheck,
  type setupBodySchema,
} from '../../live/curateProtocol.ts';
import type {
  ChangesAnswer,
  PublishStatus,
  ReviewRefusal,
  SubmissionList,
  SubmitOk,
  VersionList,
} from '../../live/curateReviewProtocol.ts';
import { servedByStation } from '../../live/stationDetect.ts';

/** A refusal in the protocol's words, or `offline`: no answer from the station at all. */
export type CurateError = CurateErrorCode | 'offline';

export type CurateFailure = { ok: false; error: CurateError };
export type CurateAnswer<T extends { ok: true }> = T | CurateFailure;

export type CreateAccountRequest = z.input<typeof createAccountBodySchema>;
export type SetupRequest = z.input<typeof setupBodySchema>;
export type AuditQuery = z.input<typeof auditQuerySchema>;

/**
 * A draft request's answer: the protocol's own (a conflict with both versions, a refusal with its
 * problems, as the server sent them), or a failure without such a body (`offline`, a server error).
 */
export type DraftAnswer<T extends { ok: true }> = T | CurateConflict | CurateRefusal | CurateFailure;
export type DraftUpdateAnswer = DraftAnswer<Extract<UpdateAnswer, { ok: true }>>;
/** A review request's answer: a refusal's body (`has-errors` with the check's problems) is the answer. */
export type ReviewAnswer<T extends { ok: true }> = T | ReviewRefusal | CurateFailure;

/** The photo upload's answer; a refusal's `message` is the server's words (both languages). */
export type PhotoUploadAnswer = { ok: true; src: string } | { ok: false; error: string; message?: string };

/** The preview build's state (src/server/transport/previewRoutes.ts PreviewStatus). */
export interface PreviewStatus {
  ok: true;
  building: boolean;
  stamp: string | null;
  error: { message: string; log: string } | null;
}

export interface CurateApi {
  login(username: string, password: string): Promise<CurateAnswer<CuratorSession>>;
  logout(): Promise<CurateAnswer<{ ok: true }>>;
  me(): Promise<CurateAnswer<CuratorSession>>;
  changePassword(currentPassword: string, newPassword: string): Promise<CurateAnswer<{ ok: true }>>;
  listAccounts(): Promise<CurateAnswer<{ ok: true; accounts: CuratorAccount[] }>>;
  createAccount(body: CreateAccountRequest): Promise<CurateAnswer<{ ok: true; account: CuratorAccount }>>;
  resetPassword(accountId: string, password: string): Promise<CurateAnswer<{ ok: true }>>;
  setDisabled(accountId: string, disabled: boolean): Promise<CurateAnswer<{ ok: true; account: CuratorAccount }>>;
  audit(query?: AuditQuery): Promise<CurateAnswer<AuditPage>>;
  checkSetup(token: string): Promise<CurateAnswer<SetupCheck>>;
  completeSetup(body: SetupRequest): Promise<CurateAnswer<CuratorSession>>;
  draft(): Promise<CurateAnswer<DraftSnapshot & { ok: true }>>;
  draftProblems(): Promise<CurateAnswer<DraftProblemsAnswer>>;
  savePanel(panelId: string, baseVersion: string, panel: Record<string, unknown>): Promise<DraftUpdateAnswer>;
  addPanel(body: AddPanelBody): Promise<DraftUpdateAnswer>;
  duplicatePanel(panelId: string): Promise<DraftUpdateAnswer>;
  movePanel(panelId: string, sectionId: string, index: number): Promise<DraftAnswer<Extract<MoveAnswer, { ok: true }>>>;
  deletePanel(panelId: string): Promise<DraftAnswer<Extract<DeleteAnswer, { ok: true }>>>;
  restorePanel(binId: string): Promise<DraftUpdateAnswer>;
  uploadPhoto(file: Blob): Promise<PhotoUploadAnswer>;
  startPreview(): Promise<CurateAnswer<PreviewStatus>>;
  previewStatus(): Promise<CurateAnswer<PreviewStatus>>;
  // Presence: who else has which panel open (issue 17, item 7; src/modes/curate/presenceHeartbeat.ts beats it).
  /** Says which panel this page has open (null: none) and hears who else has one open. */
  presence(panelId: string | null): Promise<CurateAnswer<PresenceAnswer>>;
  // The exhibition's own documents (展览设置, 栏目, 讲解路线, 知识问答).
  /** The whole settings, section entry, tour or quiz, on the version it was made on. */
  saveDocument(ref: DocumentRef, baseVersion: string, value: Record<string, unknown>): Promise<DraftUpdateAnswer>;
  addTour(body: AddTourBody): Promise<DraftUpdateAnswer>;
  deleteTour(tourId: string): Promise<DraftAnswer<Extract<DeleteDocumentAnswer, { ok: true }>>>;
  addQuiz(body: AddQuizBody): Promise<DraftUpdateAnswer>;
  deleteQuiz(quizId: string): Promise<DraftAnswer<Extract<DeleteDocumentAnswer, { ok: true }>>>;
  // Sections added and deleted; sections, tours and quizzes reordered.
  addSection(body: AddSectionBody): Promise<DraftUpdateAnswer>;
  /** Refused `not-empty` while the section holds panels. */
  deleteSection(sectionId: string): Promise<DraftAnswer<Extract<DeleteDocumentAnswer, { ok: true }>>>;
  /** To `index` of its list after the move. */
  moveDocument(ref: ListedDocumentRef, index: number): Promise<DraftAnswer<Extract<MoveDocumentAnswer, { ok: true }>>>;
  // 先审后发 (issue 18): submissions, review, publishing, history (src/live/curateReviewProtocol.ts).
  /** The working draft submitted for review, with a note. */
  submitDraft(note: string): Promise<ReviewAnswer<SubmitOk>>;
  submissions(): Promise<ReviewAnswer<SubmissionList>>;
  submissionChanges(submissionId: string): Promise<ReviewAnswer<ChangesAnswer>>;
  /** Reviewer: approves and starts publishing. */
  approveSubmission(submissionId: string, comment?: string): Promise<ReviewAnswer<PublishStatus>>;
  /** Reviewer: sends it back with a comment (required). */
  returnSubmission(submissionId: string, comment: string): Promise<ReviewAnswer<SubmitOk>>;
  publishStatus(): Promise<ReviewAnswer<PublishStatus>>;
  versions(): Promise<ReviewAnswer<VersionList>>;
  /** Reviewer: a published version becomes the working draft. */
  restoreVersion(number: number, replaceDraft?: boolean): Promise<ReviewAnswer<{ ok: true; version: number }>>;
  // The content as a zip (导出与导入, issue 18 item 4: src/live/curatePackProtocol.ts; the downloads are plain links).
  /** Reviewer: a content zip becomes the working draft; refused `draft-has-changes` unless `replaceDraft`. */
  importPack(file: Blob, replaceDraft?: boolean): Promise<PackAnswer>;
}

/** A pack import's answer: the protocol's (a refusal with its entry or problems), or no such body (`offline`, a server error). */
export type PackAnswer = PackImportAnswer | CurateFailure;

/**
 * The address of a submission's photo thumbnail, for an <img>; with no submission, the old side's:
 * a given version's (a submission already published is shown against the version before it), or
 * the published content's.
 */
export function reviewPhotoUrl(submissionId: string | null, src: string, beforeVersion: number | null = null): string {
  const query = `src=${encodeURIComponent(src)}`;
  if (submissionId !== null) return `api/curate/submissions/${encodeURIComponent(submissionId)}/photo?${query}`;
  return beforeVersion === null ? `api/curate/published/photo?${query}` : `api/curate/versions/${beforeVersion}/photo?${query}`;
}

/** A document of a list (not the settings): what can be moved within it. */
export type ListedDocumentRef = Exclude<DocumentRef, { kind: 'settings' }>;

export type CurateWindow = Pick<Window, 'fetch'>;

export interface CurateApiOptions {
  /**
   * Told of every `unauthorized` answer: the session ended under the page (expired, logged out
   * elsewhere, the password reset), so the page can go back to its login.
   */
  onUnauthorized?(): void;
}

/** A refused request's error code from its JSON body; a proxy's HTML error page is a server error. */
async function refusalOf(response: Response): Promise<CurateError> {
  try {
    const body = (await response.json()) as { ok?: unknown; error?: unknown };
    if (body?.ok === false && typeof body.error === 'string') return body.error as CurateErrorCode;
  } catch {
    // Not JSON: fall through.
  }
  return 'server-error';
}

export function createCurateApi(win: CurateWindow, { onUnauthorized }: CurateApiOptions = {}): CurateApi {
  /** One JSON request to the curator's API with the page's own session; null when no answer came at all. */
  async function send(method: string, path: string, body?: object): Promise<Response | null> {
    try {
      return await win.fetch(`api/curate/${path}`, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { accept: 'application/json', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return null;
    }
  }
  async function call<T extends { ok: true }>(method: 'GET' | 'POST', path: string, body?: object): Promise<CurateAnswer<T>> {
    const response = await send(method, path, body);
    if (!response) return { ok: false, error: 'offline' };
    if (!response.ok) {
      const error = await refusalOf(response);
      if (error === 'unauthorized') onUnauthorized?.();
      return { ok: false, error };
    }
    try {
      const answer = (await response.json()) as { ok?: unknown };
      if (answer?.ok === true) return answer as T;
    } catch {
      // An answer that is not the API's JSON.
    }
    return { ok: false, error: 'server-error' };
  }
  /** A draft request: a refusal's body (a conflict's versions, a refusal's problems) is the answer. */
  async function draftCall<T extends { ok: true }>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
  ): Promise<DraftAnswer<T>> {
    const response = await send(method, path, body);
    if (!response) return { ok: false, error: 'offline' };
    let answer: { ok?: unknown; error?: unknown } | null = null;
    try {
      answer = (await response.json()) as { ok?: unknown; error?: unknown };
    } catch {
      // Not the API's JSON (a proxy's error page).
    }
    if (response.ok && answer?.ok === true) return answer as T;
    if (answer?.ok === false && typeof answer.error === 'string') {
      if (answer.error === 'unauthorized') onUnauthorized?.();
      return answer as CurateConflict | CurateRefusal | CurateFailure;
    }
    // A gateway's 502/504 when the station is down reads as offline: the page keeps the edit and retries.
    return { ok: false, error: response.status === 502 || response.status === 504 ? 'offline' : 'server-error' };
  }
  const reviewCall = <T extends { ok: true }>(method: 'GET' | 'POST', path: string, body?: object) =>
    draftCall(method, path, body) as Promise<unknown> as Promise<ReviewAnswer<T>>;
  const panelPath = (panelId: string, tail = '') => `draft/panels/${encodeURIComponent(panelId)}${tail}`;
  const accountPath = (accountId: string, tail: string) => `accounts/${encodeURIComponent(accountId)}/${tail}`;

  return {
    login: (username, password) => call('POST', 'login', { username, password }),
    logout: () => call('POST', 'logout', {}),
    me: () => call('GET', 'me'),
    changePassword: (currentPassword, newPassword) => call('POST', 'password', { currentPassword, newPassword }),
    listAccounts: () => call('GET', 'accounts'),
    createAccount: (body) => call('POST', 'accounts', body),
    resetPassword: (accountId, password) => call('POST', accountPath(accountId, 'password'), { password }),
    setDisabled: (accountId, disabled) => call('POST', accountPath(accountId, 'disable'), { disabled }),
    audit: (query = {}) => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
      const search = params.toString();
      return call('GET', search ? `audit?${search}` : 'audit');
    },
    checkSetup: (token) => call('POST', 'setup/check', { token }),
    completeSetup: (body) => call('POST', 'setup', body),
    draft: () => call('GET', 'draft'),
    draftProblems: () => call('GET', 'draft/problems'),
    savePanel: (panelId, baseVersion, panel) => draftCall('PUT', panelPath(panelId), { baseVersion, panel }),
    addPanel: (body) => draftCall('POST', 'draft/panels', body),
    duplicatePanel: (panelId) => draftCall('POST', panelPath(panelId, '/duplicate'), {}),
    movePanel: (panelId, sectionId, index) => draftCall('POST', panelPath(panelId, '/move'), { sectionId, index }),
    deletePanel: (panelId) => draftCall('DELETE', panelPath(panelId)),
    restorePanel: (binId) => draftCall('POST', `draft/bin/${encodeURIComponent(binId)}/restore`, {}),
    async uploadPhoto(file) {
      let response: Response;
      try {
        response = await win.fetch('api/curate/draft/photos', {
          method: 'POST',
          credentials: 'same-origin',
          cache: 'no-store',
          headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
          body: file,
        });
      } catch {
        return { ok: false, error: 'offline' };
      }
      try {
        const answer = (await response.json()) as { ok?: unknown; src?: unknown; error?: unknown; message?: unknown };
        if (answer?.ok === true && typeof answer.src === 'string') return { ok: true, src: answer.src };
        if (answer?.ok === false && typeof answer.error === 'string') {
          if (answer.error === 'unauthorized') onUnauthorized?.();
          return typeof answer.message === 'string'
            ? { ok: false, error: answer.error, message: answer.message }
            : { ok: false, error: answer.error };
        }
      } catch {
        // Not JSON.
      }
      return { ok: false, error: 'server-error' };
    },
    startPreview: () => call('POST', 'preview', {}),
    previewStatus: () => call('GET', 'preview'),
    // Presence (issue 17, item 7).
    presence: (panelId) => call('POST', 'draft/presence', { panelId }),
    // The exhibition's own documents (展览设置, 栏目, 讲解路线, 知识问答).
    saveDocument: (ref, baseVersion, value) => draftCall('PUT', documentPath(ref), { baseVersion, value }),
    addTour: (body) => draftCall('POST', 'draft/tours', body),
    deleteTour: (tourId) => draftCall('DELETE', documentPath({ kind: 'tour', id: tourId })),
    addQuiz: (body) => draftCall('POST', 'draft/quizzes', body),
    deleteQuiz: (quizId) => draftCall('DELETE', documentPath({ kind: 'quiz', id: quizId })),
    addSection: (body) => draftCall('POST', 'draft/sections', body),
    deleteSection: (sectionId) => draftCall('DELETE', documentPath({ kind: 'section', id: sectionId })),
    moveDocument: (ref, index) => draftCall('POST', `${documentPath(ref)}/move`, { index }),
    // 先审后发: the refusals' bodies come through as draft refusals do.
    submitDraft: (note) => reviewCall('POST', 'submissions', { note }),
    submissions: () => reviewCall('GET', 'submissions'),
    submissionChanges: (submissionId) => reviewCall('GET', `submissions/${encodeURIComponent(submissionId)}/changes`),
    approveSubmission: (submissionId, comment) =>
      reviewCall('POST', `submissions/${encodeURIComponent(submissionId)}/approve`, comment ? { comment } : {}),
    returnSubmission: (submissionId, comment) =>
      reviewCall('POST', `submissions/${encodeURIComponent(submissionId)}/return`, { comment }),
    publishStatus: () => reviewCall('GET', 'publish'),
    versions: () => reviewCall('GET', 'versions'),
    restoreVersion: (number, replaceDraft) =>
      reviewCall('POST', `versions/${number}/restore`, replaceDraft ? { replaceDraft: true } : {}),
    // The content as a zip: the file is the raw body, as a photo's is.
    async importPack(file, replaceDraft) {
      let response: Response;
      try {
        response = await win.fetch(`api/curate/import${replaceDraft ? '?replaceDraft=1' : ''}`, {
          method: 'POST',
          credentials: 'same-origin',
          cache: 'no-store',
          headers: { accept: 'application/json', 'content-type': 'application/zip' },
          body: file,
        });
      } catch {
        return { ok: false, error: 'offline' };
      }
      try {
        const answer = (await response.json()) as { ok?: unknown; error?: unknown };
        if (answer?.ok === true && response.ok) return answer as PackImportAnswer;
        if (answer?.ok === false && typeof answer.error === 'string') {
          if (answer.error === 'unauthorized') onUnauthorized?.();
          return answer as PackAnswer;
        }
      } catch {
        // Not the API's JSON (a proxy's error page).
      }
      return { ok: false, error: response.status === 502 || response.status === 504 ? 'offline' : 'server-error' };
    },
  };
}

/**
 * Where the page stands: `checking` (is this the station? who is the cookie?), `not-station` (a
 * static host: nothing here can work), `login`, `setup` (a setup link), `ready` (logged in).
 */
export type CuratePhase = 'checking' | 'not-station' | 'login' | 'setup' | 'ready';

export interface CurateState {
  phase: CuratePhase;
  session: CuratorSession | null;
  /** Why the last login or setup did not go through (or why the page is back at its login). */
  error: CurateError | null;
  /** What the setup link is for, once checked (null before, or when the check was refused). */
  setup: SetupCheck | null;
  /** A login, setup or logout is under way. */
  busy: boolean;
}

export interface CurateClient {
  readonly store: StoreApi<CurateState>;
  /** Every endpoint; an `unauthorized` answer while logged in sends the page back to its login. */
  readonly api: CurateApi;
  /** Finds out where the page stands: the station or not, a setup link, a live session. */
  start(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  /** Uses the setup link: creates the first reviewer, or sets a reviewer's password; logs in. */
  completeSetup(details: Omit<SetupRequest, 'token'>): Promise<void>;
  /** Leaves the setup link for the login (a used or expired link). */
  showLogin(): void;
  logout(): Promise<void>;
  dispose(): void;
}

export interface CurateClientOptions {
  win: CurateWindow;
  /** A setup link's token (`?mode=curate&setup=…`), already taken out of the address bar. */
  setupToken: string | null;
}

export function createCurateClient({ win, setupToken }: CurateClientOptions): CurateClient {
  const store = createStore<CurateState>()(() => ({ phase: 'checking', session: null, error: null, setup: null, busy: false }));
  let disposed = false;
  const set = (partial: Partial<CurateState>) => {
    if (!disposed) store.setState(partial);
  };
  const api = createCurateApi(win, {
    onUnauthorized() {
      if (store.getState().phase === 'ready') set({ phase: 'login', session: null, error: 'unauthorized' });
    },
  });
  const loggedIn = (session: CuratorSession) => set({ phase: 'ready', session, error: null, setup: null, busy: false });

  return {
    store,
    api,
    async start() {
      // A static host is never sent `api/…` (its 404s would only say less than this page can).
      if (!(await servedByStation(win))) return set({ phase: 'not-station' });
      if (setupToken !== null) {
        // A link cut short in a chat or an e-mail: told at once, without asking the station.
        if (!curateTokenSchema.safeParse(setupToken).success) return set({ phase: 'setup', error: 'bad-setup-token' });
        const check = await api.checkSetup(setupToken);
        return set(check.ok ? { phase: 'setup', setup: check } : { phase: 'setup', error: check.error });
      }
      const me = await api.me();
      if (me.ok) return loggedIn(me);
      // No session is the ordinary start; anything else (not allowed here, offline) is said at the login.
      set({ phase: 'login', error: me.error === 'unauthorized' ? null : me.error });
    },
    async login(username, password) {
      set({ busy: true, error: null });
      const answer = await api.login(username, password);
      if (answer.ok) return loggedIn(answer);
      set({ busy: false, error: answer.error });
    },
    async completeSetup(details) {
      if (setupToken === null) return;
      set({ busy: true, error: null });
      const answer = await api.completeSetup({ ...details, token: setupToken });
      if (answer.ok) return loggedIn(answer);
      set({ busy: false, error: answer.error });
    },
    showLogin() {
      set({ phase: 'login', error: null, setup: null });
    },
    async logout() {
      set({ busy: true, error: null });
      const answer = await api.logout();
      // Offline, the cookie may still be live: stay, and say so, rather than pretend.
      if (answer.ok || answer.error === 'unauthorized') set({ phase: 'login', session: null, error: null, busy: false });
      else set({ busy: false, error: answer.error });
    },
    dispose() {
      disposed = true;
    },
  };
}

/**
 * A setup link's token, taken out of the address bar as soon as it is read (history.replaceState),
 * so it is left neither in the history nor in an address someone copies; the rest of the address
 * (the mode, a hash) stays.
 */
export function takeSetupToken(win: Pick<Window, 'location' | 'history'>): string | null {
  const url = new URL(win.location.href);
  const token = url.searchParams.get('setup');
  if (token === null) return null;
  url.searchParams.delete('setup');
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token;
}

// --- The exhibition's own documents (展览设置, 栏目, 讲解路线, 知识问答) ---

/** A document's route under `api/curate/` (src/live/curateDraftProtocol.ts). */
export function documentPath(ref: DocumentRef): string {
  if (ref.kind === 'settings') return 'draft/settings';
  const folder = ref.kind === 'section' ? 'sections' : ref.kind === 'tour' ? 'tours' : 'quizzes';
  return `draft/${folder}/${encodeURIComponent(ref.id)}`;
}
