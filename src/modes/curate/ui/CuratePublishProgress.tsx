/**
 * 发布进度: the bar (a progressbar 0…100 named 发布进度), the phase in words — 正在生成网站…, built
 * and waiting for the lesson under way to end, 已发布为版本 N, or 发布失败 with the reason (nothing
 * was published then) — and the build's log folded in 构建日志. The heading takes the focus when
 * the panel appears (after 批准并发布), so a keyboard user is where the news is.
 */
import { useEffect, useId, useRef } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { PublishStatus } from '../../../live/curateReviewProtocol.ts';
import { reviewRefusalText } from '../reviewModel.ts';

export interface CuratePublishProgressProps {
  lang: Lang;
  status: PublishStatus;
  /** The last status request's refusal (it is asked again). */
  error: string | null;
  /** Put the focus on the heading when shown (the reviewer just approved). */
  takeFocus: boolean;
}

function phaseText(status: PublishStatus, lang: Lang): string {
  switch (status.phase) {
    case 'building':
      return curateText('publishBuilding', lang);
    case 'waiting-for-lesson':
      return curateText('publishWaiting', lang);
    case 'published':
      return curateText('publishPublished', lang, { version: status.version ?? '?' });
    default:
      return '';
  }
}

export function CuratePublishProgress({ lang, status, error, takeFocus }: CuratePublishProgressProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const percent = Math.round(Math.min(1, Math.max(0, status.progress)) * 100);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  return (
    <section className="curate-subsection curate-publish" aria-labelledby={`${id}-heading`} data-phase={status.phase}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {curateText('publishTitle', lang)}
      </h3>
      <div
        className="curate-publish__bar"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={`${percent}%`}
        aria-label={curateText('publishProgressLabel', lang)}
      >
        <div className="curate-publish__done" style={{ width: `${percent}%` }} />
      </div>
      <p className="curate-status" role="status">
        {phaseText(status, lang)}
      </p>
      {status.phase === 'failed' && (
        <div className="curate-error" role="alert">
          <p>{curateText('publishFailed', lang, { reason: status.error ?? '' })}</p>
          <p>{curateText('publishFailedNothing', lang)}</p>
        </div>
      )}
      {error && (
        <p className="curate-error" role="alert">
          {reviewRefusalText(error, lang)}
        </p>
      )}
      {status.log && (
        <details className="curate-publish__log">
          <summary>{curateText('publishLog', lang)}</summary>
          <pre>{status.log}</pre>
        </details>
      )}
    </section>
  );
}
