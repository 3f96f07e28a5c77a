/**
 * One panel's autosave (展板编辑): the shared autosave (autosave.ts: debounced, kept in
 * `localStorage` while offline and resent, a conflict paused until the staff choose) over
 * `savePanel`, with the edit kept under the panel's id (draftModel.ts `keepPending`).
 */

import { type Autosave, type AutosaveStatus, createAutosave } from './autosave.ts';
import type { CurateApi } from './curateClient.ts';
import { dropPending, keepPending, type PanelJson, type PendingStorage } from './draftModel.ts';

export { AUTOSAVE_DELAY_MS, type AutosaveStatus, RETRY_MS, type SaveState } from './autosave.ts';

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

export type PanelAutosave = Autosave;

export function createPanelAutosave(options: PanelAutosaveOptions): PanelAutosave {
  const { api, storage, panelId, onSaved } = options;
  return createAutosave({
    ...options,
    target: {
      save: (baseVersion, panel) => api.savePanel(panelId, baseVersion, panel),
      keep: ({ baseVersion, value, at }) => keepPending(storage, panelId, { baseVersion, panel: value, at }),
      drop: () => dropPending(storage, panelId),
    },
    onSaved: onSaved && ((panel, version) => onSaved(panel, version)),
  });
}
