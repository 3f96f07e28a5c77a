/**
 * The boards for keyboard and screen-reader visitors: one button per board, in exhibition order,
 * named by the panel's title. Tab walks them; focusing one turns the camera to its board and the
 * scene draws a focus ring around it (FocusRing.tsx); Enter opens its card, and closing the card
 * brings the focus back here (PanelCard returns focus to where it was). After the last board,
 * Tab carries on to the HUD: the list is an ordinary stretch of the tab order, never a trap.
 *
 * The buttons are visually hidden until focused; the focused one shows its title on screen.
 */
import { allPanels } from '../content/load.ts';
import { localize } from '../content/localize.ts';
import { t } from '../i18n/strings.ts';
import { useExhibition } from '../store/store.ts';

export function BoardProxies() {
  const exhibition = useExhibition((state) => state.exhibition);
  const layout = useExhibition((state) => state.layout);
  const lang = useExhibition((state) => state.lang);
  if (!exhibition || !layout) return null;
  const panels = new Map(allPanels(exhibition).map((panel) => [panel.id, panel]));
  const boards = [...layout.boards].sort((a, b) => a.order - b.order);
  const { focusPanel, openPanel, setKeyboardFocus } = useExhibition.getState();

  return (
    <nav className="board-proxies" aria-label={t('boardProxies', lang)}>
      <ol>
        {boards.map((board) => {
          const panel = panels.get(board.panelId);
          if (!panel) return null;
          return (
            <li key={board.panelId}>
              <button
                type="button"
                className="board-proxy"
                data-panel-id={board.panelId}
                onFocus={() => {
                  setKeyboardFocus(board.panelId);
                  // Coming back from this board's own card: the camera is there already.
                  if (useExhibition.getState().focusPanelId !== board.panelId) focusPanel(board.panelId);
                }}
                onBlur={() => {
                  if (useExhibition.getState().keyboardFocusPanelId === board.panelId) setKeyboardFocus(null);
                }}
                onClick={() => openPanel(board.panelId)}
              >
                {panel.date && (
                  <span className="board-proxy__year" aria-hidden="true">
                    {panel.date.slice(0, 4)}
                  </span>
                )}
                <span className="board-proxy__title">{localize(panel.title, lang)}</span>
                <span className="board-proxy__hint" aria-hidden="true">
                  {t('boardProxyHint', lang)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
