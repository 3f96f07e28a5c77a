/**
 * 历史版本 (issue 18): every published version, newest first, with who and when and what. A
 * reviewer restores one as the working draft (恢复为草稿): asked first in a dialog (it reaches the
 * station only once submitted, reviewed and published again); when the draft holds edits nobody
 * submitted, asked once more, saying those edits would be replaced. Done, said in the status line.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { PublishedVersion } from '../../../live/curateReviewProtocol.ts';
import { reviewRefusalText } from '../reviewModel.ts';
import { CurateDialog } from './CurateDialog.tsx';
import { CurateVersionItem } from './CurateVersionItem.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';

/** The restore asked: first the question, then (draft-has-changes) whether the draft's own edits may go. */
interface Restoring {
  number: number;
  replaceDraft: boolean;
}

export function CurateHistory({ lang, api, session }: CurateScreenProps) {
  const headingId = useId();
  const isReviewer = session.account.role === 'reviewer';
  const [versions, setVersions] = useState<PublishedVersion[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<Restoring | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await api.versions();
    if (!answer.ok) return setLoadError(answer.error);
    setLoadError(null);
    setVersions([...answer.versions].sort((a, b) => b.number - a.number));
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const confirm = async () => {
    if (!restoring) return;
    setBusy(true);
    setRestoreError(null);
    const answer = await api.restoreVersion(restoring.number, restoring.replaceDraft);
    setBusy(false);
    if (!answer.ok) {
      // The draft's unsubmitted edits: asked again, in a dialog of its own (its question is heard anew).
      if (answer.error === 'draft-has-changes' && !restoring.replaceDraft)
        return setRestoring({ number: restoring.number, replaceDraft: true });
      return setRestoreError(reviewRefusalText(answer.error, lang));
    }
    setRestoring(null);
    setNotice(curateText('historyRestored', lang, { number: answer.version }));
    await load();
  };

  return (
    <section className="curate-card curate-history" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('navHistory', lang)}
      </h2>
      <p>{curateText('historyIntro', lang)}</p>
      <p className="curate-status" role="status">
        {notice}
      </p>
      {loadError && (
        <p className="curate-error" role="alert">
          {reviewRefusalText(loadError, lang)}
        </p>
      )}
      {versions === null && !loadError && <p className="curate-status">{curateText('reviewLoading', lang)}</p>}
      {versions && versions.length === 0 && <p>{curateText('historyEmpty', lang)}</p>}
      {versions && versions.length > 0 && (
        <ol className="curate-history__versions">
          {versions.map((version) => (
            <CurateVersionItem
              key={version.number}
              lang={lang}
              version={version}
              onRestore={
                isReviewer
                  ? (number) => {
                      setRestoreError(null);
                      setNotice(null);
                      setRestoring({ number, replaceDraft: false });
                    }
                  : null
              }
            />
          ))}
        </ol>
      )}
      {restoring && (
        <CurateDialog
          key={restoring.replaceDraft ? 'replace' : 'restore'}
          lang={lang}
          title={curateText(restoring.replaceDraft ? 'historyReplaceQuestion' : 'historyRestoreQuestion', lang, {
            number: restoring.number,
          })}
          detail={
            restoring.replaceDraft
              ? curateText('historyReplaceDetail', lang, { number: restoring.number })
              : curateText('historyRestoreDetail', lang)
          }
          confirmLabel={curateText(restoring.replaceDraft ? 'historyReplaceConfirm' : 'historyRestore', lang)}
          busy={busy}
          error={restoreError}
          onConfirm={() => void confirm()}
          onClose={() => setRestoring(null)}
        />
      )}
    </section>
  );
}
