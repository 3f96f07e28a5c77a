/**
 * The text twin (`#/text`): the whole exhibition as a plain, accessible page — the title (h1),
 * a section per h2 and a panel per h3 in exhibition order, each panel with every field the card
 * shows (the card's own PanelDetails), its images with alt text and captions, and its links.
 * For browsers without WebGL it is the exhibition; otherwise the directory links to it. It prints
 * as a booklet (textTwin.css). Loaded lazily: the 3D visit never pays for it.
 */
import { useEffect, useRef } from 'react';
import { labelled, labelSeparator, t } from '../../i18n/strings.ts';
import { panelHref, textHref } from '../../routing/routes.ts';
import { useExhibition } from '../../store/store.ts';
import { LanguageToggle } from '../LanguageToggle.tsx';
import { PanelDetails } from '../PanelDetails.tsx';
import { TwinQuizzes } from './TwinQuizzes.tsx';
import { type TwinPanel, twinOutline } from './twinOutline.ts';
import './textTwin.css';

export interface TextTwinProps {
  /** True when the twin stands in for a 3D corridor this browser cannot show. */
  webglMissing: boolean;
}

export default function TextTwin({ webglMissing }: TextTwinProps) {
  const exhibition = useExhibition((state) => state.exhibition);
  const lang = useExhibition((state) => state.lang);
  const textPanelId = useExhibition((state) => state.textPanelId);
  const page = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const quizOffered = useExhibition((state) => state.capabilities.screens.has('quiz'));

  // The twin lists the quizzes: their file is fetched now (the 3D visit fetches it only for a quiz).
  useEffect(() => {
    if (quizOffered) useExhibition.getState().requestQuizzes();
  }, [quizOffered]);

  // `#/text/<id>` scrolls to the panel and moves the focus there, so a screen reader reads on from
  // it; `#/text` goes back to the top. A page that opens on the twin (no WebGL) keeps the browser's focus.
  const firstRun = useRef(true);
  useEffect(() => {
    const landing = firstRun.current;
    firstRun.current = false;
    const target = textPanelId ? document.getElementById(`text-panel-${textPanelId}-title`) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
      return;
    }
    page.current?.scrollTo({ top: 0 });
    if (!(landing && webglMissing)) heading.current?.focus({ preventScroll: true });
  }, [textPanelId, webglMissing]);

  if (!exhibition) return null;
  const outline = twinOutline(exhibition, lang);
  const { setSearchOpen } = useExhibition.getState();

  return (
    <main ref={page} className="text-twin" lang={lang === 'zh' ? 'zh-CN' : 'en'} aria-labelledby="text-twin-title">
      <header className="text-twin__header">
        {webglMissing && (
          <p className="text-twin__note" role="note">
            {t('textTwinWebglNote', lang)}
          </p>
        )}
        <div className="text-twin__tools">
          <LanguageToggle />
          <button type="button" onClick={() => setSearchOpen(true)} aria-keyshortcuts="/">
            {t('search', lang)}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('printPage', lang)}
          </button>
          {!webglMissing && <a href="#/">{t('backTo3d', lang)}</a>}
        </div>
        <h1 id="text-twin-title" ref={heading} tabIndex={-1}>
          {outline.title}
        </h1>
        {outline.subtitle && <p className="text-twin__subtitle">{outline.subtitle}</p>}
        <p className="text-twin__host">{outline.host}</p>
        <p className="text-twin__theme">{outline.theme}</p>
        <nav className="text-twin__contents" aria-labelledby="text-twin-contents">
          <h2 id="text-twin-contents">{t('textTwinContents', lang)}</h2>
          <ol>
            {outline.sections.map((section) => (
              <li key={section.id}>
                {section.title}
                <ol>
                  {section.panels.map((item) => (
                    <li key={item.id}>
                      <a href={textHref(item.id)}>{item.title}</a>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </nav>
      </header>
      {outline.sections.map((section) => (
        <section key={section.id} id={section.anchor} className="text-twin__section" aria-labelledby={`${section.anchor}-title`}>
          <h2 id={`${section.anchor}-title`}>
            {section.title}
            {section.subtitle && <small> · {section.subtitle}</small>}
          </h2>
          {section.intro && <p className="text-twin__intro">{section.intro}</p>}
          {section.groups.map((group) =>
            group.period ? (
              <section
                key={group.period.anchor}
                id={group.period.anchor}
                className="text-twin__period"
                aria-labelledby={`${group.period.anchor}-title`}
              >
                <h3 id={`${group.period.anchor}-title`}>
                  {group.period.title} <small>{group.period.years}</small>
                </h3>
                {group.panels.map((item) => (
                  <TwinPanelArticle key={item.id} item={item} total={outline.panelCount} webglMissing={webglMissing} level={4} />
                ))}
              </section>
            ) : (
              group.panels.map((item) => (
                <TwinPanelArticle key={item.id} item={item} total={outline.panelCount} webglMissing={webglMissing} level={3} />
              ))
            ),
          )}
        </section>
      ))}
      {quizOffered && <TwinQuizzes />}
      <footer className="text-twin__footer">
        {outline.motto && <p className="text-twin__motto">{outline.motto}</p>}
        {outline.mottoCaption && <p>{outline.mottoCaption}</p>}
        {outline.source && <p className="text-twin__source">{labelled(t('source', lang), outline.source, lang)}</p>}
      </footer>
    </main>
  );
}

interface TwinPanelArticleProps {
  item: TwinPanel;
  total: number;
  webglMissing: boolean;
  /** The panel title's heading level: 3 under its section, 4 under a period of the timeline. */
  level: 3 | 4;
}

function TwinPanelArticle({ item, total, webglMissing, level }: TwinPanelArticleProps) {
  const lang = useExhibition((state) => state.lang);
  const titleId = `${item.anchor}-title`;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <article id={item.anchor} className="twin-panel" aria-labelledby={titleId}>
      <Heading id={titleId} className="twin-panel__title" tabIndex={-1}>
        {item.title}
      </Heading>
      <p className="twin-panel__meta">
        {item.date && (
          <span className="twin-panel__date">
            <span className="visually-hidden">
              {t('panelDate', lang)}
              {labelSeparator(lang)}
            </span>
            {item.date}
          </span>
        )}
        <span className="twin-panel__number">{t('panelOf', lang, { n: item.number, total })}</span>
      </p>
      <PanelDetails panel={item.panel} lang={lang} headingLevel={level === 3 ? 4 : 5} relatedHref={textHref} />
      <p className="twin-panel__links">
        {!webglMissing && (
          <a href={panelHref(item.id)}>
            {t('viewIn3d', lang)}
            <span className="visually-hidden">
              {labelSeparator(lang)}
              {item.title}
            </span>
          </a>
        )}
        <a href={textHref(item.id)}>
          {t('linkToPanel', lang)}
          <span className="visually-hidden">
            {labelSeparator(lang)}
            {item.title}
          </span>
        </a>
      </p>
    </article>
  );
}
