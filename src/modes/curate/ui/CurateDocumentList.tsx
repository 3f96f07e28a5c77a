/**
 * A list of one kind of the exhibition's documents (栏目, 讲解路线, 知识问答) beside the form of the one
 * picked (CurateDocumentEditor: drawn from its schema, autosaved, conflicts in a dialog). The id
 * is shown, not edited: links (#/quiz/<id>) and other documents (a tour's quiz) name it. Each
 * screen says what its kind allows: 新建 (an optional title; the server's template does the
 * rest), 删除 (asked once more in a dialog; a refusal `in-use` or `not-empty` says in words why)
 * and 上移 / 下移 (the pressed button keeps the focus, and the new place is announced).
 * Staff-written text is only ever React text.
 */
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { type CurateStringKey, curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DocumentRef } from '../../../live/curateDraftProtocol.ts';
import type { CurateApi, DraftAnswer, DraftUpdateAnswer } from '../curateClient.ts';
import {
  type DocumentJson,
  documentKey,
  dropPendingDocument,
  findDocument,
  type ListedKind,
  listDocuments,
  pendingDocumentKeys,
  withDocument,
} from '../documentModel.ts';
import { textIn } from '../draftModel.ts';
import { pageStorage } from '../pageStorage.ts';
import { draftRefs } from '../schemaForm/draftRefs.ts';
import { CurateDialog } from './CurateDialog.tsx';
import { CurateDocumentEditor } from './CurateDocumentEditor.tsx';
import { CurateRefusal, type Refusal, refusalOf } from './CurateRefusal.tsx';
import { useCurateDraft } from './useCurateDraft.ts';

/** 新建: the words, and the request (the title typed, if any). */
export interface DocumentAdding {
  button: CurateStringKey;
  titleLabel: CurateStringKey;
  submit: CurateStringKey;
  done: CurateStringKey;
  create(title: string | undefined): Promise<DraftUpdateAnswer>;
}

/** 删除: the words, and the request. */
export interface DocumentRemoving {
  /** The dialog's question, with `{title}`. */
  question: CurateStringKey;
  /** Said once it is gone, with `{title}`. */
  done: CurateStringKey;
  /** Said when it is refused `in-use`. */
  inUse: CurateStringKey;
  remove(id: string): Promise<DraftAnswer<{ ok: true; id: string }>>;
}

export interface CurateDocumentListProps {
  lang: Lang;
  api: CurateApi;
  kind: ListedKind;
  heading: CurateStringKey;
  /** Said while none is picked. */
  pick: CurateStringKey;
  /** Said when there are none. */
  empty: CurateStringKey;
  schema: z.ZodType;
  /** Fields not in the form, besides the id (shown, never edited: links and other documents name it). */
  omit?: readonly string[];
  adding?: DocumentAdding;
  removing?: DocumentRemoving;
  /** 上移 / 下移 beside each entry (the order matters: the corridor's sections, a list of tours). */
  movable?: boolean;
  /** Shown above the picked document's form (a section's file). */
  describe?(value: DocumentJson): ReactNode;
}

/** The picked document, and the editor's mount: the same while a save renames the document. */
interface Picked {
  id: string;
  mount: number;
}

export function CurateDocumentList(props: CurateDocumentListProps) {
  const { lang, api, kind, adding, removing } = props;
  const headingId = useId();
  const listId = useId();
  const newId = useId();
  const [storage] = useState(pageStorage);
  const { snapshot, loadError, problems, reload, update } = useCurateDraft(api);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [creating, setCreating] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  const [deleteRefusal, setDeleteRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<string[]>(() => pendingDocumentKeys(storage));
  /** The move buttons by "<id>:up" / "<id>:down": the one pressed keeps the focus as its entry moves. */
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);

  const pick = useCallback((id: string) => setPicked((current) => ({ id, mount: (current?.mount ?? 0) + 1 })), []);
  const listed = snapshot ? listDocuments(snapshot, kind) : [];

  // An edit kept from before (the station was unreachable): its document opens, and the edit is sent.
  const keptLookedFor = useRef(false);
  useEffect(() => {
    if (!snapshot || keptLookedFor.current) return;
    keptLookedFor.current = true;
    const keptKeys = pendingDocumentKeys(storage);
    const kept = listDocuments(snapshot, kind).find((entry) => keptKeys.includes(documentKey({ kind, id: entry.id })));
    if (kept) pick(kept.id);
  }, [snapshot, kind, storage, pick]);

  const omit = useMemo(() => ['id', ...(props.omit ?? [])], [props.omit]);
  const titleOf = (value: unknown) => textIn(value, lang) || curateText('untitled', lang);
  const pickedRef: DocumentRef | null = picked ? { kind, id: picked.id } : null;
  const pickedDocument = snapshot && pickedRef ? findDocument(snapshot, pickedRef) : null;

  const refreshPending = useCallback(() => setPending(pendingDocumentKeys(storage)), [storage]);
  const onSaved = useCallback(
    (ref: DocumentRef, value: DocumentJson, version: string) => {
      update((current) => withDocument(current, ref, value, version));
      // A save that brings another id back (the server's answer is the source) keeps the form open under it.
      if (ref.kind !== 'settings' && typeof value.id === 'string' && value.id !== ref.id) {
        const renamed = value.id;
        setPicked((current) => (current && current.id === ref.id ? { ...current, id: renamed } : current));
      }
      setPending(pendingDocumentKeys(storage));
    },
    [update, storage],
  );

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!adding || busy) return;
    setBusy(true);
    setRefusal(null);
    setNotice(null);
    const title = newTitle.trim();
    const answer = await adding.create(title || undefined);
    setBusy(false);
    if (!answer.ok) return setRefusal(refusalOf(answer, lang));
    await reload();
    setNotice(curateText(adding.done, lang));
    setCreating(false);
    setNewTitle('');
    if (answer.id) pick(answer.id);
  };

  const move = async (id: string, title: string, direction: 'up' | 'down') => {
    const from = listed.findIndex((entry) => entry.id === id);
    if (busy || from < 0) return;
    setBusy(true);
    setRefusal(null);
    const answer = await api.moveDocument({ kind, id }, direction === 'up' ? from - 1 : from + 1);
    setBusy(false);
    if (!answer.ok) return setRefusal(refusalOf(answer, lang));
    await reload();
    setNotice(curateText('documentMoved', lang, { title, position: String(answer.index + 1), count: String(listed.length) }));
    setFocusAfterMove({ id, direction });
  };

  // After a move the list is drawn again: the pressed button (or, at an end, its twin) keeps the focus.
  useEffect(() => {
    if (!focusAfterMove) return;
    const { id, direction } = focusAfterMove;
    const pressed = moveButtons.current.get(`${id}:${direction}`);
    const other = moveButtons.current.get(`${id}:${direction === 'up' ? 'down' : 'up'}`);
    (pressed && !pressed.disabled ? pressed : other)?.focus();
    setFocusAfterMove(null);
  });

  const confirmDelete = async () => {
    if (!deleting || !removing) return;
    setBusy(true);
    setDeleteRefusal(null);
    const answer = await removing.remove(deleting.id);
    setBusy(false);
    if (!answer.ok) return setDeleteRefusal(refusalOf(answer, lang, curateText(removing.inUse, lang)));
    if (picked?.id === deleting.id) setPicked(null);
    setNotice(curateText(removing.done, lang, { title: deleting.title }));
    setDeleting(null);
    await reload();
    // Nothing kept for it can be sent any more (the form's last flush was answered not-found).
    dropPendingDocument(storage, { kind, id: deleting.id });
    setPending(pendingDocumentKeys(storage));
  };

  return (
    <section className="curate-card curate-editor curate-documents" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText(props.heading, lang)}
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
            <h3 id={listId}>{curateText(props.heading, lang)}</h3>
            {listed.length === 0 ? (
              <p className="curate-hint">{curateText(props.empty, lang)}</p>
            ) : (
              <ul>
                {listed.map((entry, index) => (
                  <li key={entry.id} className="curate-editor__item">
                    <button
                      type="button"
                      className="curate-editor__pick"
                      aria-current={picked?.id === entry.id ? 'true' : undefined}
                      onClick={() => pick(entry.id)}
                    >
                      {titleOf(entry.title)}
                    </button>
                    {pending.includes(documentKey({ kind, id: entry.id })) && (
                      <span className="curate-hint">{curateText('pendingMark', lang)}</span>
                    )}
                    {props.movable && (
                      <span className="curate-editor__moves">
                        {(['up', 'down'] as const).map((direction) => (
                          <button
                            key={direction}
                            type="button"
                            className="curate-button curate-button--small"
                            ref={(element) => {
                              const key = `${entry.id}:${direction}`;
                              if (element) moveButtons.current.set(key, element);
                              else moveButtons.current.delete(key);
                            }}
                            aria-label={curateText(direction === 'up' ? 'moveUpOf' : 'moveDownOf', lang, {
                              title: titleOf(entry.title),
                            })}
                            disabled={busy || (direction === 'up' ? index === 0 : index === listed.length - 1)}
                            onClick={() => void move(entry.id, titleOf(entry.title), direction)}
                          >
                            {curateText(direction === 'up' ? 'moveUp' : 'moveDown', lang)}
                          </button>
                        ))}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {adding && (
              <>
                <button
                  type="button"
                  className="curate-button curate-button--primary"
                  aria-expanded={creating}
                  onClick={() => setCreating((open) => !open)}
                >
                  {curateText(adding.button, lang)}
                </button>
                {creating && (
                  <form
                    className="curate-form"
                    aria-label={curateText(adding.button, lang)}
                    onSubmit={(event) => void create(event)}
                  >
                    <label htmlFor={`${newId}-title`}>{curateText(adding.titleLabel, lang)}</label>
                    <input
                      id={`${newId}-title`}
                      type="text"
                      value={newTitle}
                      onChange={(event) => setNewTitle(event.target.value)}
                    />
                    <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
                      {curateText(adding.submit, lang)}
                    </button>
                  </form>
                )}
              </>
            )}
          </nav>
          <div className="curate-editor__pane">
            {picked && pickedRef && pickedDocument ? (
              <CurateDocumentEditor
                key={picked.mount}
                lang={lang}
                api={api}
                docRef={pickedRef}
                value={pickedDocument.value}
                version={pickedDocument.version}
                schema={props.schema}
                omit={omit}
                problems={problems}
                refs={draftRefs(snapshot, lang)}
                storage={storage}
                win={window}
                onSaved={onSaved}
                onSaveState={refreshPending}
                actions={
                  removing && (
                    <button
                      type="button"
                      className="curate-button"
                      aria-label={curateText('deleteDocumentNamed', lang, { title: titleOf(pickedDocument.value.title) })}
                      onClick={() => {
                        setDeleteRefusal(null);
                        setDeleting({ id: picked.id, title: titleOf(pickedDocument.value.title) });
                      }}
                    >
                      {curateText('deleteDocument', lang)}
                    </button>
                  )
                }
              >
                <p className="curate-hint" data-testid="curate-document-id">
                  {curateText('documentIdIs', lang, { id: picked.id })}
                </p>
                {props.describe?.(pickedDocument.value)}
              </CurateDocumentEditor>
            ) : (
              <p className="curate-hint">{curateText(props.pick, lang)}</p>
            )}
          </div>
        </div>
      )}
      {deleting && removing && (
        <CurateDialog
          lang={lang}
          title={curateText(removing.question, lang, { title: deleting.title })}
          detail={curateText('deleteDocumentDetail', lang)}
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
