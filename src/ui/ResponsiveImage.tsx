/**
 * A content photo at the size the screen needs: a `<picture>` offering the build's AVIF and WebP
 * widths, a JPEG `<img>` for browsers that take neither, and the photo's intrinsic size so the
 * card keeps its place for it before it loads (no layout shift). Without generated sizes (an SVG,
 * or a dev server before the first build) it is a plain `<img>` of the original file.
 *
 * With a `crop` (the content's, src/layout/imageCrop.ts) the photo sits in a frame of the cropped
 * part's shape that hides the rest: the files stay whole, the same arithmetic as the board's.
 * The frame is as wide as its place allows, or narrower where the place caps the height
 * (`--photo-max-height`, e.g. the projector's 54vh).
 *
 * If a generated file fails to load, the original is tried; if that fails too, `onError` decides
 * what the visitor sees (the card turns the gap into a label naming the file).
 */
import { type CSSProperties, type SyntheticEvent, useState } from 'react';
import { cardImageSources, photoAspect } from '../content/photoManifest.ts';
import type { Crop } from '../content/schema.ts';
import { cropPlacement, croppedAspect } from '../layout/imageCrop.ts';
import { useExhibition } from '../store/store.ts';

export interface ResponsiveImageProps {
  /** The content's `src`, relative to the site root. */
  src: string;
  alt: string;
  /** Called when no version of the photo could be loaded. */
  onError?: (event: SyntheticEvent<HTMLImageElement>) => void;
  /** How wide the image shows, when not the card's width (e.g. the projector's large images). */
  sizes?: string;
  /** The part of the photo to show (the whole photo without it). */
  crop?: Crop | undefined;
}

export function ResponsiveImage({ src, alt, onError, sizes, crop }: ResponsiveImageProps) {
  const photos = useExhibition((state) => state.photos);
  const [originalFor, setOriginalFor] = useState<string | null>(null);
  // Wait for the manifest (it is small and usually here first): loading the original meanwhile
  // could mean megabytes for a picture that is about to be replaced.
  if (!photos.ready) return null;

  const base = import.meta.env.BASE_URL;
  const generated = cardImageSources(photos.manifest, src, base);
  if (sizes && generated.sizes) generated.sizes = sizes;
  const original = originalFor === src;
  const hasGenerated = generated.sources.length > 0;
  const handleError = (event: SyntheticEvent<HTMLImageElement>) => {
    if (hasGenerated && !original) setOriginalFor(src);
    else onError?.(event);
  };
  const aspect = crop ? photoAspect(photos.manifest, src) : undefined;
  const placement = crop && aspect ? cropPlacement(crop) : null;
  const common = {
    width: generated.width,
    height: generated.height,
    loading: 'lazy' as const,
    decoding: 'async' as const,
    draggable: false,
    onError: handleError,
    ...(placement
      ? {
          style: {
            left: `${placement.left}%`,
            top: `${placement.top}%`,
            width: `${placement.width}%`,
            height: `${placement.height}%`,
          },
        }
      : {}),
  };
  const image =
    !hasGenerated || original ? (
      <img key="original" src={`${base}${src}`} alt={alt} {...common} />
    ) : (
      <picture key="generated">
        {generated.sources.map((source) => (
          <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={generated.sizes} />
        ))}
        <img src={generated.fallbackSrc} srcSet={generated.fallbackSrcSet} sizes={generated.sizes} alt={alt} {...common} />
      </picture>
    );
  if (!crop || !aspect) return image;
  const ratio = croppedAspect(aspect, crop);
  return (
    <span className="photo-crop" style={{ aspectRatio: String(ratio), '--crop-ratio': String(ratio) } as CSSProperties}>
      {image}
    </span>
  );
}
