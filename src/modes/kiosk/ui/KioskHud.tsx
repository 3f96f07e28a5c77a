/**
 * The kiosk's controls during a visit, sized for fingers (at least 60 px): previous / next board,
 * back to the entrance, the quizzes (知识问答, where the mode offers them), and the language. Nothing needs hover or a keyboard; looking, walking and
 * reading are done on the corridor itself (drag, tap the floor, tap a board).
 */
import { localize } from '../../../content/localize.ts';
import { kioskText } from '../../../i18n/kioskStrings.ts';
import { useExhibition } from '../../../store/store.ts';
import { IconHome, IconLanguage, IconNext, IconPrevious, IconQuiz } from './icons.tsx';

export function KioskHud() {
  const lang = useExhibition((state) => state.lang);
  const exhibition = useExhibition((state) => state.exhibition);
  // An open card (or quiz) has its own controls and ×, and everything behind it is inert.
  const covered = useExhibition((state) => state.openPanelId !== null || state.quizScreen !== null);
  const quizOffered = useExhibition((state) => state.capabilities.screens.has('quiz'));
  if (!exhibition) return null;
  const { stepPanel, goToEntrance, toggleLang, openQuizList } = useExhibition.getState();
  return (
    <>
      <header className="kiosk-hud-top">
        <h1>{localize(exhibition.title, lang)}</h1>
        <p>{localize(exhibition.host, lang)}</p>
      </header>
      <nav className="kiosk-hud" aria-label={kioskText('kioskControls', lang)} hidden={covered}>
        <p className="kiosk-hud__hint">{kioskText('kioskTouchHint', lang)}</p>
        <div className="kiosk-hud__bar">
          <button
            type="button"
            className="kiosk-button"
            onClick={() => stepPanel(-1)}
            aria-label={kioskText('previousPanel', lang)}
          >
            <IconPrevious />
            <span>{kioskText('previous', lang)}</span>
          </button>
          <button
            type="button"
            className="kiosk-button"
            onClick={() => goToEntrance()}
            aria-label={kioskText('kioskHomeLabel', lang)}
          >
            <IconHome />
            <span>{kioskText('kioskHome', lang)}</span>
          </button>
          <button type="button" className="kiosk-button" onClick={() => stepPanel(1)} aria-label={kioskText('nextPanel', lang)}>
            <span>{kioskText('next', lang)}</span>
            <IconNext />
          </button>
          {quizOffered && (
            // No hash routes on the kiosk: the store opens the quizzes.
            <button type="button" className="kiosk-button" aria-haspopup="dialog" onClick={openQuizList}>
              <IconQuiz />
              <span>{kioskText('quizOpen', lang)}</span>
            </button>
          )}
          <button type="button" className="kiosk-button kiosk-button--lang" onClick={toggleLang}>
            <IconLanguage />
            {/* The name starts with the visible text (WCAG 2.5.3), as in LanguageToggle. */}
            <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{kioskText('language', lang)}</span>
            <span className="visually-hidden"> · {kioskText('languageLabel', lang)}</span>
          </button>
        </div>
      </nav>
    </>
  );
}
