/**
 * A panel's content by kind — everything the board has no room for. Shared by the card and the
 * text twin, so both always show the same fields. Every string is rendered as text, never as HTML.
 */
import { formatDate, type Lang, localize } from '../content/localize.ts';
import type { ImageInfo, Panel } from '../content/schema.ts';
import { labelled, labelSeparator, t } from '../i18n/strings.ts';
import { RelatedLinks } from './RelatedLinks.tsx';
import { ResponsiveImage } from './ResponsiveImage.tsx';

export interface PanelDetailsProps {
  panel: Panel;
  lang: Lang;
  /** The level of the details' own headings (相关展板): one below the panel's title. */
  headingLevel?: 3 | 4 | 5;
  /** Where a related panel's link goes (the card: its card; the twin: its place in the twin). */
  relatedHref?: (panelId: string) => string;
}

export function PanelDetails({ panel, lang, headingLevel = 3, relatedHref }: PanelDetailsProps) {
  return (
    <>
      {panel.summary && <p className="panel-card__summary">{localize(panel.summary, lang)}</p>}
      <PanelFacts panel={panel} lang={lang} block="panel-card" />
      {panel.images.map((image) => (
        <CardImage key={image.src} image={image} lang={lang} />
      ))}
      <RelatedLinks panel={panel} lang={lang} headingLevel={headingLevel} href={relatedHref} />
      {panel.source && <p className="panel-card__source">{labelled(t('source', lang), localize(panel.source, lang), lang)}</p>}
    </>
  );
}

/**
 * What each kind of panel says besides its title, summary and images: the note of a board still
 * to fill, the people, the figures, the oath's phrases, the paragraphs and the points. One rendering for the card, the
 * text twin and the projector; `block` names the stylesheet's block (`panel-card`, `projector`),
 * so each styles the same elements its own way (e.g. `projector__person-name`).
 */
export function PanelFacts({ panel, lang, block }: { panel: Panel; lang: Lang; block: string }) {
  const css = (element: string) => `${block}__${element}`;
  return (
    <>
      {panel.kind === 'to-fill' && (
        <p className={css('to-fill')}>
          {/* Named as a board still to be filled, like the board's own 【待补充】. */}
          <strong>
            {t('toFill', lang)}
            {labelSeparator(lang)}
          </strong>
          {localize(panel.note, lang)}
        </p>
      )}
      {panel.kind === 'member' && (
        <ul className={css('people')}>
          {panel.people.map((person, index) => (
            <li key={`${index}-${localize(person.name, 'zh')}`} className={css('person')}>
              <p className={css('person-name')}>{localize(person.name, lang)}</p>
              <p className={css('person-role')}>
                <span className="visually-hidden">
                  {t('role', lang)}
                  {labelSeparator(lang)}
                </span>
                {localize(person.role, lang)}
              </p>
              {person.honours.length > 0 && (
                <p className={css('honours')}>
                  <span className="visually-hidden">
                    {t('honours', lang)}
                    {labelSeparator(lang)}
                  </span>
                  {person.honours.map((honour, honourIndex) => (
                    <span key={`${honourIndex}-${localize(honour, 'zh')}`} className={css('honour')}>
                      {localize(honour, lang)}
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {panel.kind === 'stats' && (
        <>
          {panel.since && <p className={css('since')}>{labelled(t('since', lang), formatDate(panel.since, lang), lang)}</p>}
          <dl className={css('stats')}>
            {panel.stats.map((stat, index) => (
              <div key={`${index}-${stat.value}`} className={css('stat')}>
                <dt>{localize(stat.label, lang)}</dt>
                <dd>
                  <span className={css('stat-value')}>{stat.value}</span> {localize(stat.unit, lang)}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {panel.kind === 'oath' && (
        // The oath is read in Chinese whatever the visitor's language; English readers get the translation beside it.
        <ol className={css('oath')} lang="zh-CN">
          {panel.phrases.map((phrase, index) => (
            <li key={`${index}-${localize(phrase, 'zh')}`}>
              {localize(phrase, 'zh')}
              {lang === 'en' && typeof phrase === 'object' && phrase.en && (
                <span className={css('oath-translation')} lang="en">
                  {phrase.en}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {panel.body.map((paragraph, index) => (
        <p key={`${index}-${localize(paragraph, 'zh').slice(0, 12)}`}>{localize(paragraph, lang)}</p>
      ))}
      {panel.kind === 'board' && panel.points.length > 0 && (
        <ul className={css('points')}>
          {panel.points.map((point, index) => (
            <li key={`${index}-${localize(point, 'zh').slice(0, 12)}`}>{localize(point, lang)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function CardImage({ image, lang }: { image: ImageInfo; lang: Lang }) {
  const caption = localize(image.caption, lang);
  const alt = localize(image.alt ?? image.caption, lang);
  return (
    <figure className={image.placeholder ? 'card-image card-image--placeholder' : 'card-image'}>
      <ResponsiveImage
        src={image.src}
        alt={alt}
        crop={image.crop}
        onError={(event) => {
          // A missing photo becomes a labelled gap naming the file, never a broken-image icon.
          const figure = event.currentTarget.closest('figure');
          figure?.classList.add('card-image--missing');
          figure?.setAttribute('data-missing', labelled(t('imageMissing', lang), image.src, lang));
        }}
      />
      {image.placeholder && <span className="card-image__badge">{t('photoPending', lang)}</span>}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
