// @vitest-environment jsdom
/**
 * The card's photo: a `<picture>` of the build's sizes with its intrinsic size, falling back to
 * the original file and then to the caller's "missing" handling.
 */
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PhotoManifest } from '../../src/content/photoManifest.ts';
import { useExhibition } from '../../src/store/store.ts';
import { ResponsiveImage } from '../../src/ui/ResponsiveImage.tsx';
import { domRootPerTest } from '../support/domRoot.ts';

const manifest: PhotoManifest = {
  version: 1,
  photos: {
    'photos/phone.jpg': {
      hash: 'aaaaaaaaaaaaaaaa',
      width: 6000,
      height: 4000,
      board: { width: 1024, height: 683, webp: 'generated/photos/a-board.webp', jpg: 'generated/photos/a-board.jpg' },
      card: [
        {
          width: 640,
          height: 427,
          avif: 'generated/photos/a-640.avif',
          webp: 'generated/photos/a-640.webp',
          jpg: 'generated/photos/a-640.jpg',
        },
        {
          width: 1280,
          height: 853,
          avif: 'generated/photos/a-1280.avif',
          webp: 'generated/photos/a-1280.webp',
          jpg: 'generated/photos/a-1280.jpg',
        },
      ],
    },
    'photos/drawing.svg': { vector: true, width: 1200, height: 800 },
  },
};

const dom = domRootPerTest(() => {
  useExhibition.setState({ photos: { ready: false, manifest: null } });
});

function render(src: string, onError = vi.fn()) {
  act(() => dom.root.render(<ResponsiveImage src={src} alt="演练" onError={onError} />));
  return onError;
}

const img = () => dom.container.querySelector('img');
const fail = () => act(() => img()?.dispatchEvent(new Event('error')));

describe('ResponsiveImage', () => {
  it('waits for the manifest instead of loading the original meanwhile', () => {
    render('photos/phone.jpg');
    expect(dom.container.innerHTML).toBe('');
  });

  it('offers AVIF, then WebP, then JPEG, with the photo’s size reserved', () => {
    useExhibition.setState({ photos: { ready: true, manifest } });
    render('photos/phone.jpg');
    const sources = [...dom.container.querySelectorAll('picture > source')];
    expect(sources.map((source) => source.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    expect(sources[0]?.getAttribute('srcset')).toBe('/generated/photos/a-640.avif 640w, /generated/photos/a-1280.avif 1280w');
    expect(sources[0]?.getAttribute('sizes')).toBeTruthy();
    const image = img();
    expect(image?.parentElement?.tagName).toBe('PICTURE');
    expect(image?.getAttribute('src')).toBe('/generated/photos/a-1280.jpg');
    expect(image?.getAttribute('srcset')).toBe('/generated/photos/a-640.jpg 640w, /generated/photos/a-1280.jpg 1280w');
    expect([image?.getAttribute('width'), image?.getAttribute('height')]).toEqual(['1280', '853']);
    expect(image?.getAttribute('alt')).toBe('演练');
    expect(image?.getAttribute('loading')).toBe('lazy');
    expect(image?.getAttribute('decoding')).toBe('async');
    expect(image?.getAttribute('draggable')).toBe('false');
  });

  it('falls back to the original file when a generated one fails, then reports the photo missing', () => {
    useExhibition.setState({ photos: { ready: true, manifest } });
    const onError = render('photos/phone.jpg');
    fail();
    expect(onError).not.toHaveBeenCalled();
    expect(dom.container.querySelector('picture')).toBeNull();
    expect(img()?.getAttribute('src')).toBe('/photos/phone.jpg');
    fail();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('shows the original file of an SVG or of a photo the manifest does not know, and reports it missing at once', () => {
    useExhibition.setState({ photos: { ready: true, manifest } });
    render('photos/drawing.svg');
    expect(dom.container.querySelector('picture')).toBeNull();
    expect(img()?.getAttribute('src')).toBe('/photos/drawing.svg');
    expect([img()?.getAttribute('width'), img()?.getAttribute('height')]).toEqual(['1200', '800']);

    const onError = render('photos/missing.jpg');
    expect(img()?.getAttribute('src')).toBe('/photos/missing.jpg');
    expect(img()?.hasAttribute('width')).toBe(false);
    fail();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('shows a crop in a frame of the cropped shape, the whole photo placed inside it; without a crop, no frame', () => {
    useExhibition.setState({ photos: { ready: true, manifest } });
    act(() =>
      dom.root.render(<ResponsiveImage src="photos/phone.jpg" alt="演练" crop={{ x: 0.25, y: 0, width: 0.5, height: 1 }} />),
    );
    const frame = dom.container.querySelector<HTMLElement>('.photo-crop');
    // The middle half of a 3:2 photo: 3:4.
    expect(frame?.style.aspectRatio).toBe('0.75');
    expect(frame?.style.getPropertyValue('--crop-ratio')).toBe('0.75');
    const image = img() as HTMLImageElement;
    expect(frame?.contains(image)).toBe(true);
    expect([image.style.left, image.style.top, image.style.width, image.style.height]).toEqual(['-50%', '0%', '200%', '100%']);
    // The same files: only the frame cuts.
    expect(image.getAttribute('src')).toBe('/generated/photos/a-1280.jpg');
    render('photos/phone.jpg');
    expect(dom.container.querySelector('.photo-crop')).toBeNull();
    expect(img()?.getAttribute('style')).toBeNull();
  });
});
