/**
 * The panel card: a modal dialog named by the panel's title, with everything the board has no
 * room for. Keys come from the shared key table ('card' context). Esc, × or a click on the
 * backdrop close it, and focus goes back to where it was before the card opened.
 *
 * Being modal, it leaves the HUD behind it inert, so a visitor's card carries the HUD's own
 * controls in its header: the language switch (the card re-renders in the other language, the
 * focus stays on the switch), and 搜索 / 展厅目录, which close the card and open those.
 */
import { useEffect, useId, useRef } from 'react';
import { allPanels } from '../content/load.ts';
import { formatDate, localize } from '../content/localize.ts';
import { oathText } from '../i18n/oathStrings.ts';
import { quizText } from '../i18n/quizStrings.ts';
import { t } from '../i18n/strings.ts';
import { actionForKey } from '../input/keymap.ts';
import { shareQrSrc } from '../live/stationDetect.ts';
import { useExhibition } from '../store/store.ts';
import { CloseButton } from './CloseButton.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { Narration } from './Narration.tsx';
import { PanelDetails } from './PanelDetails.tsx';
import { useModalDialog } from './useModalDialog.ts';

export function PanelCard() {
  const openPanelId = useExhibition((state) => state.openPanelId);
  const exhibition = useExhibition((state) => state.exhibition);
  const lang = useExhibition((state) => state.lang);
  const screens = useExhibition((state) => state.capabilities.screens);
  // The oath's ceremony covers the whole screen over its card: the card steps out of the way (two
  // modal dialogs would leave the one opened last on top, which, on a deep link to #/oath/<id>, can
  // be the card), and comes back as the ceremony ends.
  const ceremonyOver = useExhibition((state) => state.oath !== null && state.oath.panelId === state.openPanelId);
  const stationServed = useExhibition((state) => state.stationServed);
  // Opened from a quiz (去看展板): closing the card goes back to it, and a button says so.
  const quizUnder = useExhibition((state) => state.quizScreen !== null);
  const body = useRef<HTMLElement>(null);
  const titleId = useId();

  const panels = exhibition ? allPanels(exhibition) : [];
  const index = panels.findIndex((panel) => panel.id === openPanelId);
  const panel = index >= 0 ? panels[index] : undefined;
  const section = panel ? exhibition?.sections.find((candidate) => candidate.panels.includes(panel)) : undefined;

  const close = () => useExhibition.getState().closePanel();
  const dialog = useModalDialog({
    open: panel !== undefined && !ceremonyOver,
    onClose: close,
    restoreFocus(previous) {
      if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) previous.focus();
      else document.querySelector<HTMLElement>('.exhibit-canvas canvas')?.focus();
    },
  });

  // Each new panel starts at its top, with the text ready for reading keys.
  useEffect(() => {
    if (!openPanelId) return;
    body.current?.scrollTo({ top: 0 });
    body.current?.focus({ preventScroll: true });
  }, [openPanelId]);

  const step = (direction: 1 | -1) => useExhibition.getState().stepPanel(direction);
  // The card goes first: search and the directory are not opened over a modal card.
  const openSearch = () => {
    close();
    useExhibition.getState().setSearchOpen(true);
  };
  const openDirectory = () => {
    close();
    useExhibition.getState().setDirectoryOpen(true);
  };
  // Where the mode offers search and the directory the card carries their buttons and the
  // language toggle (the kiosk offers neither, and has its own language button).
  const hudTools = screens.has('search') && screens.has('directory');

  const onKeyDown = (event: React.KeyboardEvent) => {
    const action = actionForKey('card', event.key);
    if (!action) return;
    const scroller = body.current;
    const page = scroller ? scroller.clientHeight * 0.85 : 400;
    switch (action) {
      case 'closeCard':
        break; // the dialog's own cancel event closes it
      case 'openSearch':
        if (!hudTools) break;
        event.preventDefault();
        openSearch();
        break;
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
      ref={dialog.ref}
      className="panel-card"
      aria-labelledby={titleId}
      onCancel={dialog.onCancel}
      onClick={dialog.onClick}
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
            {hudTools ? (
              <div className="panel-card__tools">
                {/* A new panel or language is a new narration: the old one stops as it unmounts. */}
                <Narration key={`${panel.id}-${lang}`} panel={panel} lang={lang} />
                <LanguageToggle className="panel-card__tool" />
                <button
                  type="button"
                  className="panel-card__tool"
                  aria-haspopup="dialog"
                  aria-keyshortcuts="/"
                  onClick={openSearch}
                >
                  {t('search', lang)}
                </button>
                <button type="button" className="panel-card__tool" aria-controls="directory" onClick={openDirectory}>
                  {t('directory', lang)}
                </button>
              </div>
            ) : (
              <Narration key={`${panel.id}-${lang}`} panel={panel} lang={lang} />
            )}
            <CloseButton className="panel-card__close" onClick={close} label={t('close', lang)} />
          </header>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it */}
          <section ref={body} className="panel-card__body" tabIndex={0} aria-labelledby={titleId}>
            {panel.kind === 'oath' && screens.has('oathCeremony') && (
              <button
                type="button"
                className="panel-card__oath-begin"
                onClick={() => useExhibition.getState().openOath(panel.id)}
              >
                {oathText('oathBegin', lang)}
              </button>
            )}
            <PanelDetails panel={panel} lang={lang} />
            {stationServed && (
              <figure className="panel-card__share">
                <img
                  src={shareQrSrc(panel.id)}
                  alt={t('shareQrAlt', lang, { title: localize(panel.title, lang) })}
                  width={128}
                  height={128}
                />
                <figcaption>{t('shareOnPhone', lang)}</figcaption>
              </figure>
            )}
          </section>
          <footer className="panel-card__footer">
            <button type="button" onClick={() => step(-1)} disabled={index <= 0}>
              ← {t('previous', lang)}
            </button>
            {quizUnder && (
              <button type="button" className="panel-card__back-to-quiz" onClick={close}>
                {quizText('quizBackToQuiz', lang)}
              </button>
            )}
            <button type="button" onClick={() => step(1)} disabled={index >= panels.length - 1}>
              {t('next', lang)} →
            </button>
          </footer>
        </div>
      )}
    </dialog>
  );
}
