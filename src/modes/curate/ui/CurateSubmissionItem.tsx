/**
 * One submission in 提交记录: who submitted it and when (the button that picks it, marked
 * aria-current while picked), its status in words, the note, the summary, who reviewed it and
 * their comment, a self-approval said as such, and a failed build's reason. All staff text is
 * React text.
 */
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { Submission } from '../../../live/curateReviewProtocol.ts';
import { submissionStatusText, summaryText } from '../reviewModel.ts';
import { formatLocalTime } from './formatLocalTime.ts';

export interface CurateSubmissionItemProps {
  lang: Lang;
  submission: Submission;
  picked: boolean;
  onPick(id: string): void;
  /** The pick button, for the focus after a review changed the submission. */
  pickRef?(element: HTMLButtonElement | null): void;
}

export function CurateSubmissionItem({ lang, submission, picked, onPick, pickRef }: CurateSubmissionItemProps) {
  const { status, reviewedBy, reviewedAt, reviewComment } = submission;
  return (
    <li className="curate-submission" data-status={status}>
      <button
        type="button"
        ref={pickRef}
        className="curate-editor__pick curate-submission__pick"
        aria-current={picked ? 'true' : undefined}
        onClick={() => onPick(submission.id)}
      >
        {curateText('reviewSubmittedBy', lang, {
          name: submission.submittedBy.displayName,
          time: formatLocalTime(submission.submittedAt),
        })}
      </button>
      <p className="curate-submission__status">
        {curateText('reviewStatusIs', lang, { status: submissionStatusText(submission, lang) })}
      </p>
      <p className="curate-submission__note">
        {submission.note ? curateText('reviewNoteIs', lang, { note: submission.note }) : curateText('reviewNoNote', lang)}
      </p>
      <p className="curate-hint">{summaryText(submission.summary, lang)}</p>
      {reviewedBy && reviewedAt !== null && (
        <p>{curateText('reviewReviewedBy', lang, { name: reviewedBy.displayName, time: formatLocalTime(reviewedAt) })}</p>
      )}
      {reviewComment && (
        <p className="curate-submission__comment">{curateText('reviewCommentIs', lang, { comment: reviewComment })}</p>
      )}
      {submission.selfApproved && <p className="curate-hint">{curateText('reviewSelfApproved', lang)}</p>}
      {submission.buildError && (
        <p className="curate-error">{curateText('reviewBuildError', lang, { error: submission.buildError })}</p>
      )}
    </li>
  );
}
