/**
 * The autosave every form of the curator shares (a panel: panelAutosave.ts; the exhibition's
 * settings, a section, a tour, a quiz: documentAutosave.ts). Every edit is sent a moment after the
 * typing stops (debounced), on the version it was made on (`baseVersion`). While the station cannot
 * be reached the edit is kept (the caller's `keep`: `localStorage`) and sent again on a timer and
 * when the browser says it is `online`. A conflict (someone saved in between) stops the saving
 * until the staff choose: their own version on the server's (`keepMine`), or the server's
 * (`takeTheirs`) — nothing is overwritten silently.
 *
 * What it saves, and where an edit is kept, is the caller's ({@link AutosaveTarget}): this module
 * knows only the answers of src/live/curateDraftProtocol.ts.
 */
import type { CurateConflict, DraftProblem } from '../../live/curateDraftProtocol.ts';
import type { DraftUpdateAnswer } from './curateClient.ts';

export type SaveState = 'saved' | 'saving' | 'offline' | 'conflict' | 'error';

export interface AutosaveStatus {
  state: SaveState;
  /** The server's version of the document as last known. */
  version: string;
  /** The problems of the last save (null: none saved yet). */
  problems: DraftProblem[] | null;
  conflict: CurateConflict | null;
  /** A refusal's code (state `error`). */
  error: string | null;
}

export type AutosaveValue = Record<string, unknown>;

/** An edit waiting to be sent, as it is kept while the station cannot be reached. */
export interface KeptEdit {
  baseVersion: string;
  value: AutosaveValue;
  at: number;
}

/** What is saved and where its edit is kept: one panel, or one document. */
export interface AutosaveTarget {
  save(baseVersion: string, value: AutosaveValue): Promise<DraftUpdateAnswer>;
  keep(edit: KeptEdit): void;
  drop(): void;
}

export interface AutosaveOptions {
  target: AutosaveTarget;
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  version: string;
  delayMs?: number;
  retryMs?: number;
  onStatus(status: AutosaveStatus): void;
  /**
   * Told of every save that went through, before the kept copy is dropped or renewed: the value
   * as saved, its new version and its id as saved (a tour's id may be changed by the form).
   */
  onSaved?(value: AutosaveValue, version: string, id: string | null): void;
  now?: () => number;
}

export interface Autosave {
  edit(value: AutosaveValue): void;
  /** Sends what is waiting now (e.g. before leaving the form). */
  flush(): void;
  /** Conflict: the staff's own version, saved on the server's. */
  keepMine(): void;
  /** Conflict: the server's version; the staff's is dropped. Returns it (null: the document is gone). */
  takeTheirs(): AutosaveValue | null;
  status(): AutosaveStatus;
  dispose(): void;
}

export const AUTOSAVE_DELAY_MS = 800;
export const RETRY_MS = 5_000;

export function createAutosave(options: AutosaveOptions): Autosave {
  const { target, win, delayMs = AUTOSAVE_DELAY_MS, retryMs = RETRY_MS, now = Date.now } = options;
  let status: AutosaveStatus = { state: 'saved', version: options.version, problems: null, conflict: null, error: null };
  let pending: AutosaveValue | null = null;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const report = (change: Partial<AutosaveStatus>) => {
    status = { ...status, ...change };
    if (!disposed) options.onStatus(status);
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    clearTimer();
    if (disposed) return;
    timer = setTimeout(() => {
      timer = null;
      void send();
    }, ms);
  };

  async function send(): Promise<void> {
    if (disposed || inFlight || pending === null || status.state === 'conflict') return;
    clearTimer();
    const sent = pending;
    inFlight = true;
    report({ state: 'saving', error: null });
    const answer = await target.save(status.version, sent);
    inFlight = false;
    // Even after dispose (the staff moved on): the draft and the kept copy are brought up to date.
    if (answer.ok) {
      const value = (answer.value ?? sent) as AutosaveValue;
      options.onSaved?.(value, answer.version, answer.id);
      if (pending === sent) {
        pending = null;
        target.drop();
        report({ state: 'saved', version: answer.version, problems: answer.problems });
      } else {
        // Typed on while it was saving: that edit goes on the new version.
        if (pending) target.keep({ baseVersion: answer.version, value: pending, at: now() });
        report({ version: answer.version, problems: answer.problems });
        schedule(delayMs);
      }
      return;
    }
    if (answer.error === 'conflict' && 'sent' in answer) {
      clearTimer();
      return report({ state: 'conflict', conflict: answer });
    }
    if (answer.error === 'offline' || answer.error === 'server-error') {
      report({ state: 'offline' });
      return schedule(retryMs);
    }
    // Refused for good (the document is gone, the session ended): kept here, said in words.
    report({ state: 'error', error: answer.error });
  }

  const onOnline = () => {
    if (pending !== null && status.state !== 'conflict') void send();
  };
  win.addEventListener('online', onOnline);

  return {
    edit(value) {
      pending = value;
      target.keep({ baseVersion: status.version, value, at: now() });
      if (status.state === 'conflict') return;
      if (status.state === 'saved' || status.state === 'error') report({ state: 'saving', error: null });
      if (!inFlight) schedule(delayMs);
    },
    flush() {
      if (pending !== null) void send();
    },
    keepMine() {
      const { conflict } = status;
      if (!conflict?.current) return;
      pending = (pending ?? conflict.sent) as AutosaveValue;
      target.keep({ baseVersion: conflict.current.version, value: pending, at: now() });
      status = { ...status, state: 'saving', conflict: null, version: conflict.current.version };
      void send();
    },
    takeTheirs() {
      const { conflict } = status;
      if (!conflict) return null;
      pending = null;
      target.drop();
      if (!conflict.current) {
        report({ state: 'error', conflict: null, error: 'not-found' });
        return null;
      }
      report({ state: 'saved', conflict: null, version: conflict.current.version });
      return conflict.current.value as AutosaveValue;
    },
    status: () => status,
    dispose() {
      disposed = true;
      clearTimer();
      win.removeEventListener('online', onOnline);
    },
  };
}
