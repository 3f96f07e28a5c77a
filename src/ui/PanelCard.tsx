/**
 * The panel card: a modal dialog named by the panel's title, with everything the board has no
 * room for. Keys come from the shared key table ('card' context). Esc, × or a click on the
 * backdrop close it, and focus goes back to where it was before the card opened.
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { allPanels } from '../content/load.ts';
import { formatDate, type Lang, localize } from '../content/localize.ts';
import type { ImageInfo, Panel } from '../content/schema.ts';
import { actionForKey } from '../modes/keymap.ts';
import { useExhibition } from '../store/store.ts';
import { RelatedLinks } from './RelatedLinks.tsx';
import { ResponsiveImage } from './ResponsiveImage.tsx';
import { t } from './strings.ts';

export function PanelCard() {
  const openPanelId = useExhibition((state) => state.openPanelId);
  const exhibition = useExhibition((state) => state.exhibition);
  const lang = useExhibition((state) => state.lang);
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const titleId = useId();

  const panels = exhibition ? allPanels(exhibition) : [];
  const index = panels.findIndex((panel) => panel.id === openPanelId);
  const panel = index >= 0 ? panels[index] : undefined;
  const section = panel ? exhibition?.sections.find((candidate) => candidate.panels.includes(panel)) : undefined;

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (panel && !element.open) {
      returnFocus.current = document.activeElement;
      element.showModal();
    } else if (!panel && element.open) {
      element.close();
      const previous = returnFocus.current;
      returnFocus.current = null;
      if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) previous.focus();
      else document.querySelector<HTMLElement>('.exhibit-canvas canvas')?.focus();
    }
  }, [panel]);

  // Each new panel starts at its top, with the text ready for reading keys.
  useEffect(() => {
    if (!openPanelId) return;
    body.current?.scrollTo({ top: 0 });
    body.current?.focus({ preventScroll: true });
  }, [openPanelId]);

  const close = () => useExhibition.getState().closePanel();
  const step = (direction: 1 | -1) => useExhibition.getState().stepPanel(direction);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const action = actionForKey('card', event.key);
    if (!action) return;
    const scroller = body.current;
    const page = scroller ? scroller.clientHeight * 0.85 : 400;
    switch (action) {
      case 'closeCard':
        break; // the dialog's own cancel event closes it
      case 'cardPrevious':
        event.preventDefault();
        step(-1);
        break;
      case 'cardNext':
        event.preventDefault();
        step(1);
        break;
      case 'cardScrollUp':
        event.preventDefault();
        scroller?.scrollBy({ top: -60 });
        break;
      case 'cardScrollDown':
        event.preventDefault();
        scroller?.scrollBy({ top: 60 });
        break;
      case 'cardPageUp':
        event.preventDefault();
        scroller?.scrollBy({ top: -page });
        break;
      case 'cardPageDown':
        event.preventDefault();
        scroller?.scrollBy({ top: page });
        break;
      default:
        break;
    }
  };

  return (
    <dialog
      ref={dialog}
      className="panel-card"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its inner frame.
        if (event.target === event.currentTarget) close();
      }}
      onKeyDown={onKeyDown}
    >
      {panel && (
        <div className="panel-card__frame" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          <header className="panel-card__header">
            <p className="panel-card__section">
              <span>{localize(section?.title, lang)}</span>
              <span className="panel-card__counter">{t('panelOf', lang, { n: index + 1, total: panels.length })}</span>
            </p>
            <h2 id={titleId} className="panel-card__title">
              {localize(panel.title, lang)}
            </h2>
            {panel.date && <p className="panel-card__date">{formatDate(panel.date, lang)}</p>}
            <button
              type="button"
              className="panel-card__close"
              onClick={close}
              aria-label={t('close', lang)}
              title={t('close', lang)}
            >
              ×
            </button>
          </header>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it */}
          <section ref={body} className="panel-card__body" tabIndex={0} aria-labelledby={titleId}>
            <PanelDetails panel={panel} lang={lang} />
          </section>
          <footer className="panel-card__footer">
            <button type="button" onClick={() => step(-1)} disabled={index <= 0}>
              ← {t('previous', lang)}
            </button>
            <button type="button" onClick={() => step(1)} disabled={index >= panels.length - 1}>
              {t('next', lang)} →
            </button>
          </footer>
        </div>
      )}
    </dialog>
  );
}

/** The card's content by kind. Every string is rendered as text, never as HTML. */
function PanelDetails({ panel, lang }: { panel: Panel; lang: Lang }) {
  return (
    <>
      {panel.kind === 'member' && (
        <ul className="panel-card__people">
          {panel.people.map((person, index) => (
            <li key={`${index}-${localize(person.name, 'zh')}`} className="person">
              <p className="person__name">{localize(person.name, lang)}</p>
              <p className="person__role">
                <span className="visually-hidden">{t('role', lang)}：</span>
                {localize(person.role, lang)}
              </p>
              {person.honours.length > 0 && (
                <p className="person__honours">
                  <span className="visually-hidden">{t('honours', lang)}：</span>
                  {person.honours.map((honour, honourIndex) => (
                    <span key={`${honourIndex}-${localize(honour, 'zh')}`} className="honour">
                      {localize(honour, lang)}
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {panel.summary && <p className="panel-card__summary">{localize(panel.summary, lang)}</p>}
      {panel.kind === 'to-fill' && <p className="panel-card__to-fill">{localize(panel.note, lang)}</p>}
      {panel.kind === 'stats' && (
        <>
          {panel.since && (
            <p className="panel-card__since">
              {t('since', lang)}：{formatDate(panel.since, lang)}
            </p>
          )}
          <dl className="stats">
            {panel.stats.map((stat, index) => (
              <div key={`${index}-${stat.value}`} className="stat">
                <dt>{localize(stat.label, lang)}</dt>
                <dd>
                  <span className="stat__value">{stat.value}</span> {localize(stat.unit, lang)}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {panel.body.map((paragraph, index) => (
        <p key={`${index}-${localize(paragraph, 'zh').slice(0, 12)}`}>{localize(paragraph, lang)}</p>
      ))}
      {panel.kind === 'board' && panel.points.length > 0 && (
        <ul className="panel-card__points">
          {panel.points.map((point, index) => (
            <li key={`${index}-${localize(point, 'zh').slice(0, 12)}`}>{localize(point, lang)}</li>
          ))}
        </ul>
      )}
      {panel.images.map((image) => (
        <CardImage key={image.src} image={image} lang={lang} />
      ))}
      <RelatedLinks panel={panel} lang={lang} />
      {panel.source && (
        <p className="panel-card__source">
          {t('source', lang)}：{localize(panel.source, lang)}
        </p>
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
        onError={(event) => {
          // A missing photo becomes a labelled gap naming the file, never a broken-image icon.
          const figure = event.currentTarget.closest('figure');
          figure?.classList.add('card-image--missing');
          figure?.setAttribute('data-missing', `${t('imageMissing', lang)}：${image.src}`);
        }}
      />
      {image.placeholder && <span className="card-image__badge">{t('photoPending', lang)}</span>}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
