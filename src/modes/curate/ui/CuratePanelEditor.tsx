/**
 * One panel being edited (展板编辑): its form (named by its title), saved a moment after each change
 * (src/modes/curate/panelAutosave.ts) with the state said in words — 已保存 / 正在保存… / 未能保存
 * （离线，稍后重试）— and a conflict put to the staff in a dialog with both versions. An edit kept in
 * `localStorage` from an earlier visit (the station was unreachable) is taken up and sent at once.
 * The content check's problems stand next to their fields; 复制, 删除 and 预览 are beside the form.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import type { CurateApi } from '../curateClient.ts';
import { type PanelJson, type PendingStorage, panelProblems, readPending, textIn } from '../draftModel.ts';
import { type AutosaveStatus, createPanelAutosave, type PanelAutosave } from '../panelAutosave.ts';
import { joinNames } from '../presenceHeartbeat.ts';
import type { SchemaFieldRefs } from '../schemaForm/schemaFormTypes.ts';
import { CurateConflictDialog } from './CurateConflictDialog.tsx';
import { CuratePanelForm } from './CuratePanelForm.tsx';
import { CuratePreview } from './CuratePreview.tsx';
import { CurateSaveState } from './CurateSaveState.tsx';

export interface CuratePanelEditorProps {
  lang: Lang;
  api: CurateApi;
  panelId: string;
  panel: PanelJson;
  version: string;
  /** The whole content check's problems (GET …/problems), until a save brings this panel's own. */
  problems: readonly DraftProblem[];
  /** Who else has this panel open (their names, from the presence beats): said over the form. */
  othersEditing?: readonly string[] | undefined;
  /** The choices for the fields naming another panel, a period or a quiz (from the draft: schemaForm/draftRefs.ts). */
  refs?: SchemaFieldRefs | undefined;
  storage: PendingStorage;
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  onSaved(panelId: string, panel: PanelJson, version: string): void;
  /** Told when the save state changes (an edit kept or sent), for the list's 未发送 marks. */
  onSaveState?(): void;
  onDuplicate(): void;
  onDelete(): void;
}

export function CuratePanelEditor(props: CuratePanelEditorProps) {
  const { lang, api, panelId, storage, win } = props;
  const titleId = useId();
  const [panel, setPanel] = useState<PanelJson>(() => readPending(storage, panelId)?.panel ?? props.panel);
  const [status, setStatus] = useState<AutosaveStatus>({
    state: 'saved',
    version: props.version,
    problems: null,
    conflict: null,
    error: null,
  });
  const [conflictShown, setConflictShown] = useState(true);
  const autosave = useRef<PanelAutosave | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // One autosave per panel shown; an edit kept from before (offline, a reload) is sent at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: made once per panel; the callbacks are read through `latest`
  useEffect(() => {
    const kept = readPending(storage, panelId);
    const saver = createPanelAutosave({
      api,
      storage,
      win,
      panelId,
      version: kept?.baseVersion ?? latest.current.version,
      onStatus: (next) => {
        setStatus(next);
        latest.current.onSaveState?.();
        if (next.state === 'conflict') setConflictShown(true);
      },
      onSaved: (value, version) => latest.current.onSaved(panelId, value, version),
    });
    autosave.current = saver;
    if (kept) {
      saver.edit(kept.panel);
      saver.flush();
    }
    return () => {
      // Leaving the panel: what is waiting is sent now (and stays kept until it is through).
      saver.flush();
      saver.dispose();
      autosave.current = null;
    };
  }, [panelId]);

  const change = (next: PanelJson) => {
    setPanel(next);
    autosave.current?.edit(next);
  };

  const shownProblems = panelProblems(status.problems ?? props.problems, panelId);
  const title = textIn(panel.title, lang) || curateText('untitled', lang);
  const conflict = status.state === 'conflict' ? status.conflict : null;

  return (
    <div className="curate-panel-editor">
      <div className="curate-panel-editor__bar">
        <h3 id={titleId}>{title}</h3>
        <CurateSaveState lang={lang} status={status} />
        {conflict && !conflictShown && (
          <button type="button" className="curate-button" onClick={() => setConflictShown(true)}>
            {curateText('conflictTitle', lang)}
          </button>
        )}
        <div className="curate-panel-editor__actions">
          <button type="button" className="curate-button" onClick={props.onDuplicate}>
            {curateText('duplicate', lang)}
          </button>
          <button type="button" className="curate-button" onClick={props.onDelete}>
            {curateText('deletePanel', lang)}
          </button>
          <CuratePreview lang={lang} api={api} panelId={panelId} />
        </div>
      </div>
      {/* Always there, so a screen reader hears it when someone comes (a live region added with its text may not be read). */}
      <p className="curate-presence-notice" role="status">
        {props.othersEditing?.length ? curateText('presenceNotice', lang, { names: joinNames(props.othersEditing, lang) }) : null}
      </p>
      <form
        className="curate-panel-form__frame"
        aria-labelledby={titleId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          autosave.current?.flush();
        }}
      >
        <CuratePanelForm lang={lang} api={api} panel={panel} problems={shownProblems} refs={props.refs} onChange={change} />
      </form>
      {conflict && conflictShown && (
        <CurateConflictDialog
          lang={lang}
          theirs={(conflict.current?.value as PanelJson | undefined) ?? null}
          mine={panel}
          onUseMine={() => {
            autosave.current?.keepMine();
            setConflictShown(false);
          }}
          onUseTheirs={() => {
            const theirs = autosave.current?.takeTheirs();
            if (theirs) {
              setPanel(theirs);
              if (conflict.current) props.onSaved(panelId, theirs, conflict.current.version);
            }
            setConflictShown(false);
          }}
          onClose={() => setConflictShown(false)}
        />
      )}
    </div>
  );
}
