/**
 * 审核发布 (先审后发, issue 18): anyone submits the working draft with a note (提交审核); the
 * submissions are listed newest first with their status, who and when, the note, the reviewer's
 * words; picking one shows what it changes, field by field, old beside new. A reviewer answers a
 * pending one: 批准并发布 starts the real build, followed in 发布进度 until it is published or has
 * failed (then the list is read again); 退回修改 needs a comment. A publish running when the screen
 * opens is followed too. Staff-written text is only ever React text.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { SubmissionList } from '../../../live/curateReviewProtocol.ts';
import { reviewRefusalText } from '../reviewModel.ts';
import { CuratePublishProgress } from './CuratePublishProgress.tsx';
import type { Refusal } from './CurateRefusal.tsx';
import { CurateReviewActions } from './CurateReviewActions.tsx';
import { CurateSubmissionChanges } from './CurateSubmissionChanges.tsx';
import { CurateSubmissionItem } from './CurateSubmissionItem.tsx';
import { CurateSubmitForm } from './CurateSubmitForm.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';
import { usePublishProgress } from './usePublishProgress.ts';

/** A refusal's body: the content check's problems come with `has-errors`. */
function reviewRefusal(answer: { error: string; problems?: unknown }, lang: CurateScreenProps['lang']): Refusal {
  const problems = Array.isArray(answer.problems) ? (answer.problems as Refusal['problems']) : [];
  return { text: reviewRefusalText(answer.error, lang), problems };
}

/** How often the submissions are read again while the screen is open. */
export const LIST_REFRESH_MS = 15_000;

export function CurateReview({ lang, api, session }: CurateScreenProps) {
  const headingId = useId();
  const listId = useId();
  const isReviewer = session.account.role === 'reviewer';
  const [list, setList] = useState<SubmissionList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submitRefusal, setSubmitRefusal] = useState<Refusal | null>(null);
  const [actionRefusal, setActionRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The publish panel takes the focus when it appears after 批准并发布 (not when found running). */
  const [approvedHere, setApprovedHere] = useState(false);
  const pickButtons = useRef(new Map<string, HTMLButtonElement>());
  const [focusPick, setFocusPick] = useState<string | null>(null);
  const latestLoad = useRef(0);

  const load = useCallback(async () => {
    const request = ++latestLoad.current;
    const answer = await api.submissions();
    if (request !== latestLoad.current) return;
    if (!answer.ok) return setLoadError(answer.error);
    setLoadError(null);
    setList(answer);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  // A reviewer waiting on this screen sees a new submission (and an editor their review) come in:
  // the list is read again now and then while the page is in view, and when it comes back into view.
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') void load();
    };
    const timer = window.setInterval(again, LIST_REFRESH_MS);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', again);
    };
  }, [load]);

  const progress = usePublishProgress(api, () => void load());

  // After a return, the answered submission's buttons are gone: the focus goes back to it in the list.
  useEffect(() => {
    if (focusPick === null) return;
    pickButtons.current.get(focusPick)?.focus();
    setFocusPick(null);
  });

  const submit = async (note: string) => {
    setBusy(true);
    setSubmitRefusal(null);
    setNotice(null);
    const answer = await api.submitDraft(note.trim());
    setBusy(false);
    if (!answer.ok) {
      setSubmitRefusal(reviewRefusal(answer, lang));
      return false;
    }
    setNotice(curateText('reviewSubmitted', lang));
    setPickedId(answer.submission.id);
    await load();
    return true;
  };

  const approve = async (id: string, comment: string) => {
    setBusy(true);
    setActionRefusal(null);
    setNotice(null);
    const answer = await api.approveSubmission(id, comment || undefined);
    setBusy(false);
    if (!answer.ok) return setActionRefusal(reviewRefusal(answer, lang).text);
    setApprovedHere(true);
    progress.follow(answer);
    await load();
  };

  const sendBack = async (id: string, comment: string) => {
    setBusy(true);
    setActionRefusal(null);
    setNotice(null);
    const answer = await api.returnSubmission(id, comment);
    setBusy(false);
    if (!answer.ok) return setActionRefusal(reviewRefusal(answer, lang).text);
    setNotice(curateText('reviewReturned', lang));
    await load();
    setFocusPick(id);
  };

  const pick = (id: string) => {
    setActionRefusal(null);
    setPickedId(id);
  };

  const submissions = list?.submissions ?? [];
  const picked = submissions.find((submission) => submission.id === pickedId) ?? null;

  return (
    <section className="curate-card curate-review" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('navReview', lang)}
      </h2>
      <p>{curateText('reviewIntro', lang)}</p>
      <p className="curate-status" role="status">
        {notice}
      </p>
      {progress.status && (
        <CuratePublishProgress
          key={progress.status.submissionId ?? ''}
          lang={lang}
          status={progress.status}
          error={progress.error}
          takeFocus={approvedHere}
        />
      )}
      <CurateSubmitForm
        lang={lang}
        draftChanged={list?.draftChanged ?? null}
        busy={busy}
        refusal={submitRefusal}
        onSubmit={submit}
      />
      <section className="curate-subsection curate-review__list" aria-labelledby={listId}>
        <h3 id={listId}>{curateText('reviewListTitle', lang)}</h3>
        {loadError && (
          <p className="curate-error" role="alert">
            {reviewRefusalText(loadError, lang)}
          </p>
        )}
        {list === null && !loadError && <p className="curate-status">{curateText('reviewLoading', lang)}</p>}
        {list && submissions.length === 0 && <p>{curateText('reviewListEmpty', lang)}</p>}
        {submissions.length > 0 && (
          <ol className="curate-review__submissions">
            {submissions.map((submission) => (
              <CurateSubmissionItem
                key={submission.id}
                lang={lang}
                submission={submission}
                picked={submission.id === pickedId}
                onPick={pick}
                pickRef={(element) => {
                  if (element) pickButtons.current.set(submission.id, element);
                  else pickButtons.current.delete(submission.id);
                }}
              />
            ))}
          </ol>
        )}
      </section>
      {picked ? (
        <CurateSubmissionChanges lang={lang} api={api} submission={picked}>
          {isReviewer && picked.status === 'pending' && (
            <CurateReviewActions
              key={picked.id}
              lang={lang}
              busy={busy}
              refusal={actionRefusal}
              onApprove={(comment) => void approve(picked.id, comment)}
              onReturn={(comment) => void sendBack(picked.id, comment)}
            />
          )}
        </CurateSubmissionChanges>
      ) : (
        submissions.length > 0 && <p className="curate-hint">{curateText('reviewPickSubmission', lang)}</p>
      )}
    </section>
  );
}
