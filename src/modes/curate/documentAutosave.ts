/**
 * One document's autosave (展览设置, 栏目, 讲解路线, 知识问答): the shared autosave (autosave.ts:
 * debounced, kept in `localStorage` while offline and resent, a conflict paused until the staff
 * choose) over `saveDocument`, the edit kept under the document's name (documentModel.ts).
 *
 * A tour's or a quiz's form may change its id: once a save brings the new id back, the next saves
 * go to it, and the edit kept under the old name moves to the new one.
 */
import type { DocumentRef } from '../../live/curateDraftProtocol.ts';
import { type Autosave, type AutosaveStatus, createAutosave } from './autosave.ts';
import type { CurateApi } from './curateClient.ts';
import { type DocumentJson, dropPendingDocument, keepPendingDocument } from './documentModel.ts';
import type { PendingStorage } from './draftModel.ts';

export interface DocumentAutosaveOptions {
  api: Pick<CurateApi, 'saveDocument'>;
  storage: PendingStorage;
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  ref: DocumentRef;
  version: string;
  delayMs?: number;
  retryMs?: number;
  onStatus(status: AutosaveStatus): void;
  /** Told of every save that went through: the document (under its ref before the save), as saved, and its new version. */
  onSaved?(ref: DocumentRef, value: DocumentJson, version: string): void;
  now?: () => number;
}

export interface DocumentAutosave extends Autosave {
  /** The document as the server knows it now (its id as last saved). */
  ref(): DocumentRef;
}

export function createDocumentAutosave(options: DocumentAutosaveOptions): DocumentAutosave {
  const { api, storage } = options;
  let ref = options.ref;
  const autosave = createAutosave({
    ...options,
    target: {
      save: (baseVersion, value) => api.saveDocument(ref, baseVersion, value),
      keep: (edit) => keepPendingDocument(storage, ref, edit),
      drop: () => dropPendingDocument(storage, ref),
    },
    onSaved: (value, version, id) => {
      const before = ref;
      if (before.kind !== 'settings' && id !== null && id !== before.id) {
        dropPendingDocument(storage, before);
        ref = { kind: before.kind, id };
      }
      options.onSaved?.(before, value, version);
    },
  });
  return { ...autosave, ref: () => ref };
}
