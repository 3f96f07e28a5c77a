/**
 * One panel's autosave (展板编辑): every edit is sent a moment after the typing stops (debounced),
 * on the version it was made on (`baseVersion`). While the station cannot be reached the edit is
 * kept in `localStorage` and sent again on a timer and when the browser says it is `online`. A
 * conflict (someone saved in between) stops the saving until the staff choose: their own version
 * on the server's (`keepMine`), or the server's (`takeTheirs`) — nothing is overwritten silently.
 */
import type { CurateConflict, DraftProblem } from '../../live/curateDraftProtocol.ts';
import type { CurateApi } from './curateClient.ts';
import { dropPending, keepPending, type PanelJson, type PendingStorage } from './draftModel.ts';

export type SaveState = 'saved' | 'saving' | 'offline' | 'conflict' | 'error';

export interface AutosaveStatus {
  state: SaveState;
  /** The server's version of the panel as last known. */
  version: string;
  /** The problems of the last save (null: none saved yet). */
  problems: DraftProblem[] | null;
  conflict: CurateConflict | null;
  /** A refusal's code (state `error`). */
  error: string | null;
}

export interface PanelAutosaveOptions {
  api: Pick<CurateApi, 'savePanel'>;
  storage: PendingStorage;
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  panelId: string;
  version: string;
  delayMs?: number;
  retryMs?: number;
  onStatus(status: AutosaveStatus): void;
  /** Told of every save that went through: the panel as saved and its new version. */
  onSaved?(panel: PanelJson, version: string): void;
  now?: () => number;
}

export interface PanelAutosave {
  edit(panel: PanelJson): void;
  /** Sends what is waiting now (e.g. before leaving the panel). */
  flush(): void;
  /** Conflict: the staff's own version, saved on the server's. */
  keepMine(): void;
  /** Conflict: the server's version; the staff's is dropped. Returns it (null: the panel is gone). */
  takeTheirs(): PanelJson | null;
  status(): AutosaveStatus;
  dispose(): void;
}

export const AUTOSAVE_DELAY_MS = 800;
export const RETRY_MS = 5_000;

export function createPanelAutosave(options: PanelAutosaveOptions): PanelAutosave {
  const { api, storage, win, panelId, delayMs = AUTOSAVE_DELAY_MS, retryMs = RETRY_MS, now = Date.now } = options;
  let status: AutosaveStatus = { state: 'saved', version: options.version, problems: null, conflict: null, error: null };
  let pending: PanelJson | null = null;
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
    const answer = await api.savePanel(panelId, status.version, sent);
    inFlight = false;
    // Even after dispose (the staff moved on): the draft and the kept copy are brought up to date.
    if (answer.ok) {
      const value = (answer.value ?? sent) as PanelJson;
      options.onSaved?.(value, answer.version);
      if (pending === sent) {
        pending = null;
        dropPending(storage, panelId);
        report({ state: 'saved', version: answer.version, problems: answer.problems });
      } else {
        // Typed on while it was saving: that edit goes on the new version.
        if (pending) keepPending(storage, panelId, { baseVersion: answer.version, panel: pending, at: now() });
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
    // Refused for good (the panel is gone, the session ended): kept here, said in words.
    report({ state: 'error', error: answer.error });
  }

  const onOnline = () => {
    if (pending !== null && status.state !== 'conflict') void send();
  };
  win.addEventListener('online', onOnline);

  return {
    edit(panel) {
      pending = panel;
      keepPending(storage, panelId, { baseVersion: status.version, panel, at: now() });
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
      pending = (pending ?? conflict.sent) as PanelJson;
      keepPending(storage, panelId, { baseVersion: conflict.current.version, panel: pending, at: now() });
      status = { ...status, state: 'saving', conflict: null, version: conflict.current.version };
      void send();
    },
    takeTheirs() {
      const { conflict } = status;
      if (!conflict) return null;
      pending = null;
      dropPending(storage, panelId);
      if (!conflict.current) {
        report({ state: 'error', conflict: null, error: 'not-found' });
        return null;
      }
      report({ state: 'saved', conflict: null, version: conflict.current.version });
      return conflict.current.value as PanelJson;
    },
    status: () => status,
    dispose() {
      disposed = true;
      clearTimer();
      win.removeEventListener('online', onOnline);
    },
  };
}
