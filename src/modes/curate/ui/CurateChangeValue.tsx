/**
 * One side of a changed field (原来 or 修改后) as text: a localized text "zh / en", a list one a
 * line, anything else as JSON in a <pre>, （无） when it is not there; and the thumbnails of the
 * photos it names, the published content's on the old side and the submission's on the new.
 */
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { reviewPhotoUrl } from '../curateClient.ts';
import { photoSources, shownValue } from '../reviewModel.ts';
import { CurateReviewPhoto } from './CurateReviewPhoto.tsx';

export interface CurateChangeValueProps {
  lang: Lang;
  value: unknown;
  side: 'before' | 'after';
  /** The submission whose photos the new side shows. */
  submissionId: string;
  /** The version the old side is (null: the published content). */
  beforeVersion?: number | null;
}

export function CurateChangeValue({ lang, value, side, submissionId, beforeVersion = null }: CurateChangeValueProps) {
  const shown = shownValue(value, lang);
  const photos = photoSources(value);
  return (
    <div className="curate-change__value" data-side={side}>
      {shown.type === 'none' && <span className="curate-hint">{curateText('reviewValueNone', lang)}</span>}
      {shown.type === 'lines' &&
        shown.lines.map((line, index) => (
          <p key={index} className="curate-change__line">
            {line}
          </p>
        ))}
      {shown.type === 'json' && <pre className="curate-change__json">{shown.text}</pre>}
      {photos.length > 0 && (
        <div className="curate-change__photos">
          {photos.map((src) => (
            <CurateReviewPhoto
              key={src}
              lang={lang}
              src={src}
              side={side}
              url={reviewPhotoUrl(side === 'before' ? null : submissionId, src, beforeVersion)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
