/**
 * A photo's thumbnail in the changes view, from the station's review routes (the published
 * content's, or a submission's as frozen). Its alt text says 原照片 or 新照片 and its src, for
 * those who cannot see it; the caption shows the src (the column above says old or new).
 */
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';

export interface CurateReviewPhotoProps {
  lang: Lang;
  src: string;
  side: 'before' | 'after';
  /** The thumbnail's address (reviewPhotoUrl). */
  url: string;
}

export function CurateReviewPhoto({ lang, src, side, url }: CurateReviewPhotoProps) {
  const words = curateText(side === 'before' ? 'reviewPhotoBefore' : 'reviewPhotoAfter', lang, { src });
  return (
    <figure className="curate-review-photo" data-side={side}>
      <img src={url} alt={words} loading="lazy" />
      <figcaption>{src}</figcaption>
    </figure>
  );
}
