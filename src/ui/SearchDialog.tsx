/**
 * 搜索展板: a modal search across every panel, in Chinese and English at once (the matching and
 * ranking are in content/search.ts). A labelled search box, the results as a list of links to
 * their panels, the count announced as it changes; ↓/↑ move between the box and the results
 * (keys from the shared key table, 'search' context), Enter follows a result, Esc closes.
 * Loaded lazily, on first opening.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { localize } from '../content/localize.ts';
import { buildSearchIndex, type SnippetPart, searchPanels } from '../content/search.ts';
import { t } from '../i18n/strings.ts';
import { actionForKey } from '../input/keymap.ts';
import { panelHref, textHref } from '../routing/routes.ts';
import { useExhibition } from '../store/store.ts';
import { CloseButton } from './CloseButton.tsx';
import { useModalDialog } from './useModalDialog.ts';

function Marked({ parts }: { parts: SnippetPart[] }) {
  return (
    <>{parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</>
  );
}

export interface SearchDialogProps {
  /** True over the text twin: a result then scrolls the twin to the panel instead of opening its card. */
  inTextTwin: boolean;
}

export default function SearchDialog({ inTextTwin }: SearchDialogProps) {
  const exhibition = useExhibition((state) => state.exhibition);
  const lang = useExhibition((state) => state.lang);
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const headingId = useId();
  const inputId = useId();
  const statusId = useId();

  const index = useMemo(() => (exhibition ? buildSearchIndex(exhibition) : []), [exhibition]);
  const results = useMemo(() => searchPanels(index, query, lang), [index, query, lang]);
  const sectionOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const section of exhibition?.sections ?? []) {
      for (const panel of section.panels) map.set(panel.id, localize(section.title, lang));
    }
    return map;
  }, [exhibition, lang]);
  // In the text twin a result scrolls the twin to the panel; in the corridor it opens the card.
  const hrefFor = inTextTwin ? textHref : panelHref;

  const close = () => useExhibition.getState().setSearchOpen(false);
  // Shown while mounted (App renders the search only while it is open).
  const dialog = useModalDialog({
    open: true,
    onClose: close,
    onOpened: () => input.current?.focus(),
    restoreFocus(previous) {
      // A result opens a card, which takes the focus itself; otherwise go back to where we were.
      if (previous instanceof HTMLElement && previous.isConnected && !useExhibition.getState().openPanelId) {
        previous.focus();
      }
    },
  });

  const links = () => Array.from(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const action = actionForKey('search', event.key);
    if (!action) return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    switch (action) {
      case 'closeSearch':
        // Handled here, not by the dialog's cancel: a search box's own Esc would only clear it.
        event.preventDefault();
        close();
        break;
      case 'searchNext':
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)]?.focus();
        break;
      case 'searchPrevious':
        event.preventDefault();
        if (at <= 0) input.current?.focus();
        else all[at - 1]?.focus();
        break;
      default:
        break;
    }
  };

  const trimmed = query.trim();
  const status =
    trimmed === ''
      ? t('searchHint', lang)
      : results.length === 0
        ? t('searchNone', lang)
        : t('searchCount', lang, { n: results.length });

  return (
    <dialog
      ref={dialog.ref}
      className="search"
      aria-labelledby={headingId}
      onCancel={dialog.onCancel}
      onClick={dialog.onClick}
      onKeyDown={onKeyDown}
    >
      <div className="search__frame" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <div className="search__head">
          <h2 id={headingId}>{t('searchTitle', lang)}</h2>
          <CloseButton className="icon-button" onClick={close} label={t('closeSearch', lang)} />
        </div>
        <label htmlFor={inputId} className="search__label">
          {t('searchLabel', lang)}
        </label>
        <input
          ref={input}
          id={inputId}
          className="search__input"
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={statusId}
          aria-controls={`${inputId}-results`}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p id={statusId} className="search__status" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </p>
        <ol id={`${inputId}-results`} ref={list} className="search__results" aria-label={t('searchResults', lang)}>
          {results.map((result) => (
            <li key={result.panelId}>
              <a
                href={hrefFor(result.panelId)}
                onClick={(event) => {
                  // Close first, then follow the link: the card (or the twin's panel) takes over.
                  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  close();
                  window.location.hash = hrefFor(result.panelId);
                }}
              >
                <span className="search__result-title">
                  <Marked parts={result.title} />
                </span>
                <span className="search__result-section">{sectionOf.get(result.panelId)}</span>
                {result.snippet.length > 0 && (
                  <span className="search__snippet">
                    <Marked parts={result.snippet} />
                  </span>
                )}
              </a>
            </li>
          ))}
        </ol>
      </div>
    </dialog>
  );
}
