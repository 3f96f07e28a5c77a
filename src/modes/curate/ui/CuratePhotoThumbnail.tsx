/**
 * A draft photo as the form shows it: a small upright copy from the station
 * (`GET api/curate/draft/photo`, behind the session), so the staff see which photo they are
 * captioning instead of only the name the server gave it. A photo the station cannot show (a
 * name that is not, or not yet, a file) leaves the form as it was: the content check says why.
 */
import { useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';

/** The thumbnail's address, relative to the curator's page (the station's root). */
export function draftPhotoUrl(src: string): string {
  return `api/curate/draft/photo?src=${encodeURIComponent(src)}`;
}

export interface CuratePhotoThumbnailProps {
  lang: Lang;
  src: string;
  /** The image's number in the panel (1 for the first). */
  n: number;
}

export function CuratePhotoThumbnail({ lang, src, n }: CuratePhotoThumbnailProps) {
  const [failedFor, setFailedFor] = useState<string | null>(null);
  if (!src || failedFor === src) return null;
  return (
    <img
      className="curate-image__thumb"
      src={draftPhotoUrl(src)}
      alt={curateText('photoThumbnail', lang, { n })}
      loading="lazy"
      decoding="async"
      onError={() => setFailedFor(src)}
    />
  );
}
