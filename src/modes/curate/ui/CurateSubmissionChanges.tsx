/**
 * What the picked submission changes (GET …/submissions/:id/changes), against the published
 * content: grouped 展板, 展览设置, 栏目, 讲解路线, 知识问答, 照片, each change with its fields old →
 * new (CurateChangeEntry). The reviewer's buttons come below, as children.
 */
import { type ReactNode, useEffect, useId, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { ContentChange, Submission } from '../../../live/curateReviewProtocol.ts';
import type { CurateApi } from '../curateClient.ts';
import { groupChanges, reviewRefusalText, summaryText } from '../reviewModel.ts';
import { CurateChangeEntry } from './CurateChangeEntry.tsx';
import { formatLocalTime } from './formatLocalTime.ts';

export interface CurateSubmissionChangesProps {
  lang: Lang;
  api: Pick<CurateApi, 'submissionChanges'>;
  submission: Submission;
  children?: ReactNode;
}

export function CurateSubmissionChanges({ lang, api, submission, children }: CurateSubmissionChangesProps) {
  const headingId = useId();
  const [changes, setChanges] = useState<ContentChange[] | null>(null);
  const [beforeVersion, setBeforeVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submissionId = submission.id;

  useEffect(() => {
    let current = true;
    setChanges(null);
    setError(null);
    void api.submissionChanges(submissionId).then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setChanges(answer.changes);
        setBeforeVersion(answer.beforeVersion ?? null);
      } else setError(answer.error);
    });
    // A submission picked while the last one's changes were on their way: only the latest is shown.
    return () => {
      current = false;
    };
  }, [api, submissionId]);

  const groups = changes ? groupChanges(changes) : [];
  return (
    <section className="curate-subsection curate-review__changes" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {curateText('reviewChangesTitle', lang)}
      </h3>
      <p>
        {curateText('reviewChangesOf', lang, {
          name: submission.submittedBy.displayName,
          time: formatLocalTime(submission.submittedAt),
        })}
      </p>
      <p className="curate-hint">{summaryText(submission.summary, lang)}</p>
      {error && (
        <p className="curate-error" role="alert">
          {reviewRefusalText(error, lang)}
        </p>
      )}
      {changes === null && !error && <p className="curate-status">{curateText('reviewLoading', lang)}</p>}
      {changes && changes.length === 0 && <p>{curateText('reviewNoChangeEntries', lang)}</p>}
      {groups.map((group) => (
        <section key={group.kind} className="curate-review__group" aria-labelledby={`${headingId}-${group.kind}`}>
          <h4 id={`${headingId}-${group.kind}`}>{curateText(group.heading, lang)}</h4>
          <ul className="curate-review__entries">
            {group.changes.map((change) => (
              <CurateChangeEntry
                key={change.kind === 'photo' ? change.src : `${change.kind}:${change.id ?? ''}`}
                lang={lang}
                change={change}
                submissionId={submissionId}
                beforeVersion={beforeVersion}
              />
            ))}
          </ul>
        </section>
      ))}
      {children}
    </section>
  );
}
