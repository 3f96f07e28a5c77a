/**
 * One published version in 历史版本: 版本 N (当前版本 marked), when and who published it, who
 * submitted it and their note, what it changed, the version it restored; a reviewer's 恢复为草稿
 * beside any version but the current one.
 */
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { PublishedVersion } from '../../../live/curateReviewProtocol.ts';
import { summaryText } from '../reviewModel.ts';
import { formatLocalTime } from './formatLocalTime.ts';

export interface CurateVersionItemProps {
  lang: Lang;
  version: PublishedVersion;
  /** 恢复为草稿 (reviewers only; null: not offered). */
  onRestore: ((number: number) => void) | null;
}

export function CurateVersionItem({ lang, version, onRestore }: CurateVersionItemProps) {
  const { number } = version;
  return (
    <li className="curate-version" data-current={version.current ? 'true' : undefined}>
      <h3 className="curate-version__name">
        {curateText('historyVersion', lang, { number })}
        {version.current && <span className="curate-version__current"> {curateText('historyCurrent', lang)}</span>}
      </h3>
      <dl className="curate-version__facts">
        <div>
          <dt>{curateText('historyPublishedAt', lang)}</dt>
          <dd className="curate-version__fact">{formatLocalTime(version.publishedAt)}</dd>
        </div>
        <div>
          <dt>{curateText('historyPublishedBy', lang)}</dt>
          <dd className="curate-version__fact">{version.publishedBy?.displayName ?? curateText('historyFirstContent', lang)}</dd>
        </div>
        {version.submittedBy && (
          <div>
            <dt>{curateText('historySubmittedBy', lang)}</dt>
            <dd className="curate-version__fact">{version.submittedBy.displayName}</dd>
          </div>
        )}
        <div>
          <dt>{curateText('historyNote', lang)}</dt>
          <dd className="curate-version__fact">{version.note || curateText('reviewValueNone', lang)}</dd>
        </div>
        <div>
          <dt>{curateText('historyChanges', lang)}</dt>
          <dd className="curate-version__fact">{summaryText(version.summary, lang, 'historyCounts')}</dd>
        </div>
      </dl>
      {version.restoredFrom !== null && (
        <p className="curate-hint">{curateText('historyRestoredFrom', lang, { number: version.restoredFrom })}</p>
      )}
      {onRestore && !version.current && (
        <button
          type="button"
          className="curate-button"
          aria-label={curateText('historyRestoreOf', lang, { number })}
          onClick={() => onRestore(number)}
        >
          {curateText('historyRestore', lang)}
        </button>
      )}
    </li>
  );
}
