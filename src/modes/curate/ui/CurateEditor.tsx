/**
 * 展板编辑 (every curator): the draft's sections with their panels in the corridor's order, one
 * picked to edit (CuratePanelEditor: the form, the autosave, the conflicts, the preview), 新建展板
 * (a kind, a section, an optional title), 复制, 删除 (asked once more; refused with the places that
 * name the panel, in words), moving panels (CuratePanelList: 上移 / 下移), and the 回收站 with
 * 恢复; who else has which panel open (useCuratorPresence). Staff-written text is only ever React text.
 */
import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type CurateStringKey, curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import { CURATE_PANEL_KINDS, type CuratePanelKind } from '../../../live/curateDraftProtocol.ts';
import type { DraftAnswer } from '../curateClient.ts';
import { findPanel, listSections, type PanelJson, pendingPanelIds, textIn, withPanel } from '../draftModel.ts';
import { pageStorage } from '../pageStorage.ts';
import { editorsByPanel } from '../presenceHeartbeat.ts';
import { draftRefs } from '../schemaForm/draftRefs.ts';
import { CurateDialog } from './CurateDialog.tsx';
import { CuratePanelEditor } from './CuratePanelEditor.tsx';
import { CuratePanelList } from './CuratePanelList.tsx';
import { CurateRefusal, type Refusal, refusalOf } from './CurateRefusal.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';
import { useCurateDraft } from './useCurateDraft.ts';
import { useCuratorPresence } from './useCuratorPresence.ts';

const KIND_NAMES: Record<CuratePanelKind, CurateStringKey> = {
  milestone: 'kindMilestone',
  event: 'kindEvent',
  member: 'kindMember',
  stats: 'kindStats',
  board: 'kindBoard',
  'to-fill': 'kindToFill',
  oath: 'kindOath',
};

export function CurateEditor({ lang, api }: CurateScreenProps) {
  const headingId = useId();
  const listId = useId();
  const newId = useId();
  const [storage] = useState(pageStorage);
  const { snapshot, loadError, problems, reload, update } = useCurateDraft(api);
  const [picked, setPicked] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [creating, setCreating] = useState(false);
  const [newKind, setNewKind] = useState<CuratePanelKind>('event');
  const [newSection, setNewSection] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  const [deleteRefusal, setDeleteRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<string[]>(() => pendingPanelIds(storage));

  // An edit kept from before (the station was unreachable): its panel opens once the draft is
  // here, and the edit is sent. Only on the first read: a later reload must not take over the page.
  const restored = useRef(false);
  useEffect(() => {
    if (!snapshot || restored.current) return;
    restored.current = true;
    const kept = pendingPanelIds(storage).find((id) => snapshot.versions.panels[id]);
    if (kept) setPicked(kept);
  }, [snapshot, storage]);

  // Read again only when the draft changed (not on every keystroke's render).
  const sections = useMemo(() => (snapshot ? listSections(snapshot) : []), [snapshot]);
  // Who else has which panel open: beside it in the list, and over its form when it is this one.
  const others = useCuratorPresence(api, picked);
  const editors = useMemo(() => editorsByPanel(others), [others]);
  const titleOf = (value: unknown) => textIn(value, lang) || curateText('untitled', lang);
  const pickedPanel = snapshot && picked ? findPanel(snapshot, picked) : null;
  const pickedVersion = snapshot && picked ? snapshot.versions.panels[picked]?.version : undefined;

  const refreshPending = useCallback(() => setPending(pendingPanelIds(storage)), [storage]);
  const onSaved = useCallback(
    (panelId: string, value: PanelJson, version: string) => {
      update((current) => withPanel(current, panelId, value, version));
      setPending(pendingPanelIds(storage));
    },
    [storage, update],
  );

  const act = async <T extends { ok: true }>(
    run: () => Promise<DraftAnswer<T>>,
    done: (answer: T) => string | null,
  ): Promise<T | null> => {
    setBusy(true);
    setRefusal(null);
    setNotice(null);
    const answer = await run();
    setBusy(false);
    if (!answer.ok) {
      setRefusal(refusalOf(answer, lang, curateText('deleteInUse', lang)));
      return null;
    }
    await reload();
    setNotice(done(answer));
    return answer;
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const sectionId = newSection || sections[0]?.id;
    if (!sectionId) return;
    const title = newTitle.trim();
    const answer = await act(
      () => api.addPanel({ kind: newKind, sectionId, ...(title ? { title } : {}) }),
      () => curateText('panelCreated', lang),
    );
    if (answer?.id) {
      setPicked(answer.id);
      setCreating(false);
      setNewTitle('');
    }
  };

  const move = async (panelId: string, sectionId: string, index: number, announcement: string | null) => {
    // Not disabled while busy: a disabled button would lose the keyboard's focus.
    if (busy) return false;
    const answer = await act(
      () => api.movePanel(panelId, sectionId, index),
      () => announcement,
    );
    return answer !== null;
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    setDeleteRefusal(null);
    const answer = await api.deletePanel(deleting.id);
    setBusy(false);
    if (!answer.ok) return setDeleteRefusal(refusalOf(answer, lang, curateText('deleteInUse', lang)));
    if (picked === deleting.id) setPicked(null);
    setNotice(curateText('panelDeleted', lang, { title: deleting.title }));
    setDeleting(null);
    await reload();
  };

  return (
    <section className="curate-card curate-editor" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('navPanels', lang)}
      </h2>
      <p className="curate-status" role="status">
        {notice}
      </p>
      {refusal && <CurateRefusal refusal={refusal} lang={lang} />}
      {loadError ? (
        <p className="curate-error" role="alert">
          {curateErrorText(loadError, lang)}
        </p>
      ) : snapshot === null ? (
        <p className="curate-status">{curateText('editorLoading', lang)}</p>
      ) : (
        <div className="curate-editor__columns">
          <nav className="curate-editor__list" aria-labelledby={listId}>
            <h3 id={listId}>{curateText('panelList', lang)}</h3>
            <CuratePanelList
              lang={lang}
              sections={sections}
              picked={picked}
              pending={pending}
              editors={editors}
              onPick={setPicked}
              onMove={move}
            />
            <button
              type="button"
              className="curate-button curate-button--primary"
              aria-expanded={creating}
              onClick={() => setCreating((open) => !open)}
            >
              {curateText('newPanel', lang)}
            </button>
            {creating && (
              <form className="curate-form" aria-label={curateText('newPanel', lang)} onSubmit={(event) => void create(event)}>
                <label htmlFor={`${newId}-kind`}>{curateText('newPanelKind', lang)}</label>
                <select
                  id={`${newId}-kind`}
                  value={newKind}
                  onChange={(event) => setNewKind(event.target.value as CuratePanelKind)}
                >
                  {CURATE_PANEL_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {curateText(KIND_NAMES[kind], lang)}
                    </option>
                  ))}
                </select>
                <label htmlFor={`${newId}-section`}>{curateText('newPanelSection', lang)}</label>
                <select
                  id={`${newId}-section`}
                  value={newSection || sections[0]?.id || ''}
                  onChange={(event) => setNewSection(event.target.value)}
                >
                  {sections.map((section) => (
                    <option key={section.id} value={section.id}>
                      {titleOf(section.title)}
                    </option>
                  ))}
                </select>
                <label htmlFor={`${newId}-title`}>{curateText('newPanelTitle', lang)}</label>
                <input id={`${newId}-title`} type="text" value={newTitle} onChange={(event) => setNewTitle(event.target.value)} />
                <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
                  {curateText('createPanel', lang)}
                </button>
              </form>
            )}
            <section className="curate-subsection curate-editor__bin" aria-label={curateText('bin', lang)}>
              <h3>{curateText('bin', lang)}</h3>
              {snapshot.bin.length === 0 ? (
                <p className="curate-hint">{curateText('binEmpty', lang)}</p>
              ) : (
                <ul>
                  {snapshot.bin.map((entry) => {
                    const title = titleOf((entry.panel as PanelJson | null)?.title);
                    return (
                      <li key={entry.binId} className="curate-editor__item">
                        <span>{title}</span>
                        <button
                          type="button"
                          className="curate-button curate-button--small"
                          aria-label={curateText('restoreOf', lang, { title })}
                          disabled={busy}
                          onClick={() =>
                            void act(
                              () => api.restorePanel(entry.binId),
                              () => curateText('panelRestored', lang, { title }),
                            )
                          }
                        >
                          {curateText('restore', lang)}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          </nav>
          <div className="curate-editor__pane">
            {pickedPanel && picked && pickedVersion ? (
              <CuratePanelEditor
                key={picked}
                lang={lang}
                api={api}
                panelId={picked}
                panel={pickedPanel}
                version={pickedVersion}
                problems={problems}
                othersEditing={editors.get(picked)}
                refs={draftRefs(snapshot, lang)}
                storage={storage}
                win={window}
                onSaved={onSaved}
                onSaveState={refreshPending}
                onDuplicate={() =>
                  void act(
                    () => api.duplicatePanel(picked),
                    () => curateText('panelDuplicated', lang),
                  ).then((answer) => {
                    if (answer?.id) setPicked(answer.id);
                  })
                }
                onDelete={() => {
                  setDeleteRefusal(null);
                  setDeleting({ id: picked, title: titleOf(pickedPanel.title) });
                }}
              />
            ) : (
              <p className="curate-hint">{curateText('pickPanel', lang)}</p>
            )}
          </div>
        </div>
      )}
      {deleting && (
        <CurateDialog
          lang={lang}
          title={curateText('deletePanelOf', lang, { title: deleting.title })}
          detail={curateText('deletePanelDetail', lang)}
          confirmLabel={curateText('confirmDelete', lang)}
          busy={busy}
          error={null}
          onConfirm={() => void confirmDelete()}
          onClose={() => setDeleting(null)}
        >
          {deleteRefusal && <CurateRefusal refusal={deleteRefusal} lang={lang} />}
        </CurateDialog>
      )}
    </section>
  );
}
