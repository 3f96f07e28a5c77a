/**
 * A panel's content laid out for a projector: the same facts as the visitor's card, in type the
 * back of the room can read (sizes in present.css are fractions of the screen height), short
 * lines, and the images large beside the text. Every string is rendered as text, never as HTML.
 */
import { type Lang, localize } from '../../../content/localize.ts';
import type { ImageInfo, Panel } from '../../../content/schema.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import { labelled } from '../../../i18n/strings.ts';
import { PanelFacts } from '../../../ui/PanelDetails.tsx';
import { ResponsiveImage } from '../../../ui/ResponsiveImage.tsx';

/**
 * The text column, by kind: the summary as a lead (unless `withSummary` is false because the
 * summary stands beside it), then what the kind adds, then the paragraphs.
 */
export function ProjectorText({ panel, lang, withSummary = true }: { panel: Panel; lang: Lang; withSummary?: boolean }) {
  return (
    <div className={panel.kind === 'stats' ? 'projector__text projector__text--wide' : 'projector__text'}>
      {withSummary && panel.summary && <p className="projector__summary">{localize(panel.summary, lang)}</p>}
      <PanelFacts panel={panel} lang={lang} block="projector" />
    </div>
  );
}

/**
 * Beside a panel without images: its key message large enough for the back row, under the year
 * in display type for a dated panel (the timeline's milestones).
 */
export function ProjectorKeyMessage({ panel, lang }: { panel: Panel; lang: Lang }) {
  if (!panel.summary && !panel.date) return null;
  return (
    <aside className="projector__key">
      {panel.date && (
        <p className="projector__year" aria-hidden="true">
          {panel.date.slice(0, 4)}
        </p>
      )}
      {panel.summary && <p className="projector__key-message">{localize(panel.summary, lang)}</p>}
    </aside>
  );
}

/** The images, large: one fills the column, several share it two by two. */
export function ProjectorMedia({ images, lang }: { images: ImageInfo[]; lang: Lang }) {
  if (images.length === 0) return null;
  return (
    <div className={images.length > 1 ? 'projector__media projector__media--grid' : 'projector__media'}>
      {images.map((image) => (
        <ProjectorImage key={image.src} image={image} lang={lang} large={images.length === 1} />
      ))}
    </div>
  );
}

function ProjectorImage({ image, lang, large }: { image: ImageInfo; lang: Lang; large: boolean }) {
  const caption = localize(image.caption, lang);
  return (
    <figure className={image.placeholder ? 'projector__figure projector__figure--placeholder' : 'projector__figure'}>
      <ResponsiveImage
        src={image.src}
        alt={localize(image.alt ?? image.caption, lang)}
        sizes={large ? '45vw' : '23vw'}
        crop={image.crop}
        onError={(event) => {
          // A missing photo becomes a labelled gap naming the file, never a broken-image icon.
          const figure = event.currentTarget.closest('figure');
          figure?.classList.add('projector__figure--missing');
          figure?.setAttribute('data-missing', labelled(presentText('imageMissing', lang), image.src, lang));
        }}
      />
      {image.placeholder && <span className="projector__badge">{presentText('photoPending', lang)}</span>}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
