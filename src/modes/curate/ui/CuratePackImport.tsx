/**
 * 导入为草稿 (审核 only): a content zip chosen and sent; the server checks it entry by entry and by
 * the build's content check before it replaces the draft. While the draft holds edits nobody
 * submitted, a dialog asks before they are replaced. A refusal is said in words, with the entry
 * or the problems it names; the chosen file stays chosen, so it can be sent again once fixed.
 */
import { useId, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { PackImportOk } from '../../../live/curatePackProtocol.ts';
import type { CurateApi, PackAnswer } from '../curateClient.ts';
import { CurateDialog } from './CurateDialog.tsx';
import { CuratePackRefusal } from './CuratePackRefusal.tsx';

export interface CuratePackImportProps {
  lang: Lang;
  api: CurateApi;
}

type Outcome = { kind: 'imported'; answer: PackImportOk } | { kind: 'refused'; answer: Extract<PackAnswer, { ok: false }> };

export function CuratePackImport({ lang, api }: CuratePackImportProps) {
  const headingId = useId();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [askReplace, setAskReplace] = useState(false);
  const [noFile, setNoFile] = useState(false);

  const send = async (chosen: File, replaceDraft: boolean) => {
    setBusy(true);
    setOutcome(null);
    const answer = await api.importPack(chosen, replaceDraft);
    setBusy(false);
    if (answer.ok) return setOutcome({ kind: 'imported', answer });
    if (answer.error === 'draft-has-changes' && !replaceDraft) return setAskReplace(true);
    setOutcome({ kind: 'refused', answer });
  };

  return (
    <section className="curate-pack__import" aria-labelledby={headingId}>
      <h3 id={headingId}>{curateText('packImportTitle', lang)}</h3>
      <p>{curateText('packImportIntro', lang)}</p>
      <form
        className="curate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          if (!file) return setNoFile(true);
          void send(file, false);
        }}
      >
        <label htmlFor={fileId}>{curateText('packImportFile', lang)}</label>
        <input
          id={fileId}
          name="pack"
          type="file"
          accept=".zip,application/zip"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setNoFile(false);
            setOutcome(null);
          }}
        />
        {noFile && (
          <p className="curate-error" role="alert">
            {curateText('packImportChooseFile', lang)}
          </p>
        )}
        <div>
          <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
            {curateText('packImportButton', lang)}
          </button>
        </div>
      </form>
      <p className="curate-status" role="status">
        {busy && curateText('packImporting', lang)}
        {outcome?.kind === 'imported' &&
          curateText('packImported', lang, { files: outcome.answer.files, photos: outcome.answer.photos })}
      </p>
      {outcome?.kind === 'refused' && <CuratePackRefusal refusal={outcome.answer} lang={lang} />}
      {askReplace && file && (
        <CurateDialog
          lang={lang}
          title={curateText('packReplaceTitle', lang)}
          detail={curateText('packReplaceDetail', lang)}
          confirmLabel={curateText('packReplaceConfirm', lang)}
          busy={busy}
          error={null}
          onConfirm={() => {
            setAskReplace(false);
            void send(file, true);
          }}
          onClose={() => setAskReplace(false)}
        />
      )}
    </section>
  );
}
