/**
 * A draft photo as the form shows it, and its crop (裁剪): a small upright copy from the station
 * (`GET api/curate/draft/photo`, behind the session), so the staff see which photo they are
 * captioning instead of only the name the server gave it. Dragging across the photo (mouse, pen
 * or finger) cuts the part the board and the card show; the rest is dimmed. The crop's numbers
 * are also fields of the form (the image's 裁剪 fields, from the schema) for the keyboard, and
 * 显示整张照片 removes it. A photo the station cannot show leaves the form as it was: the content
 * check says why.
 */
import { type PointerEvent as ReactPointerEvent, useRef, useState } from 'react';
import { type Crop, cropSchema } from '../../../content/schema.ts';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { cropBetween, isWholePhoto, MIN_CROP_SIDE } from '../../../layout/imageCrop.ts';

/** The thumbnail's address, relative to the curator's page (the station's root). */
export function draftPhotoUrl(src: string): string {
  return `api/curate/draft/photo?src=${encodeURIComponent(src)}`;
}

export interface CuratePhotoThumbnailProps {
  lang: Lang;
  src: string;
  /** The image's number in the panel (1 for the first). */
  n: number;
  /** The image's crop as the content has it (anything else is shown as no crop). */
  crop: unknown;
  /** A new crop, or undefined for the whole photo. */
  onCrop(crop: Crop | undefined): void;
}

/** The content's own rule: a crop the schema refuses (typed half-way) is drawn as none. */
const isCrop = (value: unknown): value is Crop => cropSchema.safeParse(value).success;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function CuratePhotoThumbnail({ lang, src, n, crop, onCrop }: CuratePhotoThumbnailProps) {
  const [failedFor, setFailedFor] = useState<string | null>(null);
  const [dragging, setDragging] = useState<Crop | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  if (!src || failedFor === src) return null;

  /** Where the pointer is, in shares of the photo (clamped to it). */
  const shareOf = (event: ReactPointerEvent) => {
    const rect = frame.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return null;
    const clamp = (value: number) => Math.min(1, Math.max(0, value));
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  };
  const shown = dragging ?? (isCrop(crop) ? crop : null);

  return (
    <div className="curate-photo">
      <div
        ref={frame}
        className="curate-photo__frame"
        onPointerDown={(event) => {
          const at = shareOf(event);
          if (!at || event.button !== 0) return;
          event.preventDefault();
          start.current = at;
          event.currentTarget.setPointerCapture?.(event.pointerId);
        }}
        onPointerMove={(event) => {
          const at = shareOf(event);
          if (start.current && at) setDragging(cropBetween(start.current, at));
        }}
        onPointerUp={(event) => {
          const from = start.current;
          const at = shareOf(event);
          start.current = null;
          setDragging(null);
          // A tap, not a drag: nothing is cut (a finger resting on the photo must not crop it).
          if (!from || !at || Math.abs(at.x - from.x) < MIN_CROP_SIDE / 2 || Math.abs(at.y - from.y) < MIN_CROP_SIDE / 2) return;
          const next = cropBetween(from, at);
          onCrop(isWholePhoto(next) ? undefined : next);
        }}
        onPointerCancel={() => {
          start.current = null;
          setDragging(null);
        }}
      >
        <img
          className="curate-image__thumb"
          src={draftPhotoUrl(src)}
          alt={curateText('photoThumbnail', lang, { n })}
          draggable={false}
          loading="lazy"
          decoding="async"
          onError={() => setFailedFor(src)}
        />
        {shown && (
          <div
            className="curate-photo__crop"
            data-testid="curate-crop"
            style={{ left: percent(shown.x), top: percent(shown.y), width: percent(shown.width), height: percent(shown.height) }}
          />
        )}
      </div>
      <p className="curate-hint">{curateText('cropHint', lang)}</p>
      {isCrop(crop) && (
        <button type="button" className="curate-button" onClick={() => onCrop(undefined)}>
          {curateText('cropRemove', lang, { n })}
        </button>
      )}
    </div>
  );
}
