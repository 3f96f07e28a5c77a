/**
 * A reviewer's answer to a pending submission: a comment, 批准并发布 (the comment optional) and
 * 退回修改 (the comment required: the editor must learn what to change — said here before anything
 * is sent). A refusal (not their own to review, another publish running…) in words. The comment
 * typed stays until an answer took it.
 */
import { useId, useRef, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';

export interface CurateReviewActionsProps {
  lang: Lang;
  busy: boolean;
  /** The last refusal in words. */
  refusal: string | null;
  onApprove(comment: string): void;
  onReturn(comment: string): void;
}

export function CurateReviewActions({ lang, busy, refusal, onApprove, onReturn }: CurateReviewActionsProps) {
  const id = useId();
  const [comment, setComment] = useState('');
  const [needsComment, setNeedsComment] = useState(false);
  const commentField = useRef<HTMLTextAreaElement>(null);
  return (
    <section className="curate-subsection curate-review__actions" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{curateText('reviewActionsTitle', lang)}</h4>
      <form className="curate-form" noValidate onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-comment`}>{curateText('reviewCommentLabel', lang)}</label>
        <textarea
          id={`${id}-comment`}
          ref={commentField}
          name="comment"
          rows={3}
          maxLength={2000}
          aria-describedby={`${id}-hint`}
          aria-invalid={needsComment ? 'true' : undefined}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            if (event.target.value.trim() !== '') setNeedsComment(false);
          }}
        />
        <p id={`${id}-hint`} className="curate-hint">
          {curateText('reviewCommentHint', lang)}
        </p>
        {needsComment && (
          <p className="curate-error" role="alert">
            {curateText('reviewReturnNeedsComment', lang)}
          </p>
        )}
        {refusal && (
          <p className="curate-error" role="alert">
            {refusal}
          </p>
        )}
        <div className="curate-form__buttons">
          <button
            type="button"
            className="curate-button"
            disabled={busy}
            onClick={() => {
              if (comment.trim() === '') {
                setNeedsComment(true);
                commentField.current?.focus();
                return;
              }
              onReturn(comment.trim());
            }}
          >
            {curateText('reviewReturn', lang)}
          </button>
          <button
            type="button"
            className="curate-button curate-button--primary"
            disabled={busy}
            onClick={() => {
              setNeedsComment(false);
              onApprove(comment.trim());
            }}
          >
            {curateText('reviewApprove', lang)}
          </button>
        </div>
      </form>
    </section>
  );
}
