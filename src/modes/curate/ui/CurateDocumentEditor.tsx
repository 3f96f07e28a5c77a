/**
 * One of the exhibition's own documents being edited (展览设置, a section entry, a tour, a quiz):
 * its form drawn from its schema (schemaForm/SchemaFields.tsx), saved a moment after each change
 * (documentAutosave.ts) with the state said in words as the panel editor says it — 已保存 /
 * 正在保存… / 未能保存（离线，稍后重试）— and a conflict put to the staff in a dialog with both
 * versions. An edit kept in `localStorage` from an earlier visit is taken up and sent at once.
 * The content check's problems (the last save's, else the whole check's) stand at their fields.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DocumentRef, DraftProblem } from '../../../live/curateDraftProtocol.ts';
import type { AutosaveStatus } from '../autosave.ts';
import type { CurateApi } from '../curateClient.ts';
import { createDocumentAutosave, type DocumentAutosave } from '../documentAutosave.ts';
import { type DocumentJson, documentProblems, readPendingDocument } from '../documentModel.ts';
import { type PendingStorage, textIn } from '../draftModel.ts';
import { SchemaFields } from '../schemaForm/SchemaFields.tsx';
import type { SchemaFieldRefs } from '../schemaForm/schemaFormTypes.ts';
import { CurateConflictDialog } from './CurateConflictDialog.tsx';
import { CurateSaveState } from './CurateSaveState.tsx';
import { FieldProblems } from './LocalizedField.tsx';

export interface CurateDocumentEditorProps {
  lang: Lang;
  api: Pick<CurateApi, 'saveDocument'>;
  docRef: DocumentRef;
  value: DocumentJson;
  version: string;
  schema: z.ZodType;
  /** Top-level fields not in the form (the settings' sections and tours: each edited on its own page). */
  omit?: readonly string[];
  /** The whole content check's problems (GET …/problems), until a save brings this document's own. */
  problems: readonly DraftProblem[];
  refs?: SchemaFieldRefs | undefined;
  storage: PendingStorage;
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Told of every save that went through: the document under its ref before the save, as saved, and its version. */
  onSaved(ref: DocumentRef, value: DocumentJson, version: string): void;
  /** Told when the save state changes (an edit kept or sent), for the list's 未发送 marks. */
  onSaveState?(): void;
  /** Buttons beside the save state (删除). */
  actions?: ReactNode;
  /** Shown above the form (a section's file, which is not edited here). */
  children?: ReactNode;
}

export function CurateDocumentEditor(props: CurateDocumentEditorProps) {
  const { lang, api, docRef, storage, win } = props;
  const titleId = useId();
  const [value, setValue] = useState<DocumentJson>(() => readPendingDocument(storage, docRef)?.value ?? props.value);
  const [status, setStatus] = useState<AutosaveStatus>({
    state: 'saved',
    version: props.version,
    problems: null,
    conflict: null,
    error: null,
  });
  const [conflictShown, setConflictShown] = useState(true);
  const autosave = useRef<DocumentAutosave | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // One autosave per document opened (the parent keys this component by it); an edit kept from
  // before (offline, a reload) is sent at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: made once per mount; the callbacks and the ref are read through `latest`
  useEffect(() => {
    const { docRef: ref } = latest.current;
    const kept = readPendingDocument(storage, ref);
    const saver = createDocumentAutosave({
      api,
      storage,
      win,
      ref,
      version: kept?.baseVersion ?? latest.current.version,
      onStatus: (next) => {
        setStatus(next);
        latest.current.onSaveState?.();
        if (next.state === 'conflict') setConflictShown(true);
      },
      onSaved: (before, saved, version) => latest.current.onSaved(before, saved, version),
    });
    autosave.current = saver;
    if (kept) {
      saver.edit(kept.value);
      saver.flush();
    }
    return () => {
      // Leaving the document: what is waiting is sent now (and stays kept until it is through).
      saver.flush();
      saver.dispose();
      autosave.current = null;
    };
  }, []);

  const change = (next: DocumentJson) => {
    setValue(next);
    autosave.current?.edit(next);
  };

  const shownProblems = documentProblems(status.problems ?? props.problems, docRef);
  // The form leaves the omitted fields' problems to its caller: they are said here, above it.
  const omitted = props.omit ?? [];
  const omittedProblems = shownProblems.filter((problem) => omitted.includes(problem.key.split('.')[0] ?? ''));
  const title = textIn(value.title, lang) || curateText('untitled', lang);
  const conflict = status.state === 'conflict' ? status.conflict : null;

  return (
    <div className="curate-panel-editor curate-document-editor">
      <div className="curate-panel-editor__bar">
        <h3 id={titleId}>{title}</h3>
        <CurateSaveState lang={lang} status={status} />
        {conflict && !conflictShown && (
          <button type="button" className="curate-button" onClick={() => setConflictShown(true)}>
            {curateText('conflictTitleDocument', lang)}
          </button>
        )}
        {props.actions && <div className="curate-panel-editor__actions">{props.actions}</div>}
      </div>
      {props.children}
      {omittedProblems.length > 0 && (
        <div className="curate-form-problems">
          <p className="curate-form-problems__title">{curateText('documentFixedProblems', lang)}</p>
          <FieldProblems lang={lang} id={`${titleId}-fixed`} problems={omittedProblems} />
        </div>
      )}
      <form
        className="curate-panel-form__frame"
        aria-labelledby={titleId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          autosave.current?.flush();
        }}
      >
        <SchemaFields
          lang={lang}
          schema={props.schema}
          value={value}
          onChange={change}
          problems={shownProblems}
          {...(props.omit ? { omit: props.omit } : {})}
          {...(props.refs ? { refs: props.refs } : {})}
        />
      </form>
      {conflict && conflictShown && (
        <CurateConflictDialog
          lang={lang}
          subject="document"
          theirs={(conflict.current?.value as DocumentJson | undefined) ?? null}
          mine={value}
          onUseMine={() => {
            autosave.current?.keepMine();
            setConflictShown(false);
          }}
          onUseTheirs={() => {
            const theirs = autosave.current?.takeTheirs();
            if (theirs) {
              setValue(theirs);
              if (conflict.current) props.onSaved(docRef, theirs, conflict.current.version);
            }
            setConflictShown(false);
          }}
          onClose={() => setConflictShown(false)}
        />
      )}
    </div>
  );
}
