/**
 * 展厅目录: every section and panel as a real link to its deep link, so it works with the
 * keyboard, a screen reader, "open in new tab" and a copied URL alike.
 */
import { useEffect, useId, useRef } from 'react';
import { localize } from '../content/localize.ts';
import { periodRuns, periodYears } from '../content/periods.ts';
import type { Panel } from '../content/schema.ts';
import { t } from '../i18n/strings.ts';
import { panelHref, quizHref, textHref } from '../routing/routes.ts';
import { useExhibition } from '../store/store.ts';
import { CloseButton } from './CloseButton.tsx';
import { PresentLinks } from './present/PresentLinks.tsx';

export function Directory() {
  const open = useExhibition((state) => state.directoryOpen);
  const exhibition = useExhibition((state) => state.exhibition);
  const problems = useExhibition((state) => state.problems);
  const lang = useExhibition((state) => state.lang);
  const openPanelId = useExhibition((state) => state.openPanelId);
  const lessonLinks = useExhibition((state) => state.capabilities.screens.has('lessonLinks'));
  const quizLinks = useExhibition((state) => state.capabilities.screens.has('quiz'));
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('a, button')?.focus();
  }, [open]);

  if (!exhibition) return null;
  const close = () => useExhibition.getState().setDirectoryOpen(false);
  const panelLink = (panelItem: Panel) => (
    <li key={panelItem.id}>
      <a href={panelHref(panelItem.id)} aria-current={panelItem.id === openPanelId ? 'page' : undefined} onClick={close}>
        {panelItem.date && <span className="directory__year">{panelItem.date.slice(0, 4)}</span>}
        {localize(panelItem.title, lang)}
      </a>
    </li>
  );

  return (
    <nav
      id="directory"
      ref={panel}
      className="directory"
      hidden={!open}
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
          document.getElementById('directory-toggle')?.focus();
        }
      }}
    >
      <div className="directory__head">
        <h2 id={headingId}>{t('directory', lang)}</h2>
        <CloseButton className="icon-button" onClick={close} label={t('closeDirectory', lang)} />
      </div>
      <p>
        {/* biome-ignore lint/a11y/useValidAnchor: a real link to #/ (the corridor); the click also walks back to the entrance */}
        <a
          href="#/"
          onClick={() => {
            useExhibition.getState().goToEntrance();
            close();
          }}
        >
          {t('backToEntrance', lang)}
        </a>
      </p>
      <p>
        <a href={textHref()} onClick={close} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          {t('textVersionLink', lang)}
        </a>
      </p>
      {quizLinks && (
        <p>
          <a href={quizHref()} onClick={close}>
            {t('quiz', lang)}
          </a>
        </p>
      )}
      <ol className="directory__sections">
        {exhibition.sections.map((section) => (
          <li key={section.id} style={{ '--accent': section.accent ?? '#9b1b1e' } as React.CSSProperties}>
            <h3>
              {localize(section.title, lang)}
              {section.subtitle && <small> · {localize(section.subtitle, lang)}</small>}
            </h3>
            <ol className="directory__panels">
              {periodRuns(section.panels, exhibition.periods ?? []).map((run, runIndex) =>
                run.period ? (
                  <li key={`period-${runIndex}-${run.period.id}`} className="directory__period">
                    <h4>
                      {localize(run.period.title, lang)} <small>{periodYears(run.period, lang)}</small>
                    </h4>
                    <ol className="directory__panels">{run.panels.map(panelLink)}</ol>
                  </li>
                ) : (
                  run.panels.map(panelLink)
                ),
              )}
            </ol>
          </li>
        ))}
      </ol>
      {lessonLinks && <PresentLinks exhibition={exhibition} lang={lang} quizLinks={quizLinks} onQuizLink={close} />}
      {problems.length > 0 && (
        <p className="directory__problems">
          {/* biome-ignore lint/a11y/useValidAnchor: a real link; the click only closes the drawer */}
          <a href="#/problems" onClick={close}>
            {t('problemsCount', lang, { n: problems.length })}
          </a>
        </p>
      )}
    </nav>
  );
}
