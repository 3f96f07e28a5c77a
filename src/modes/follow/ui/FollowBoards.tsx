/** 自由参观: every board by section, as buttons that open the board on this phone. */
import { useId } from 'react';
import { type Lang, localize } from '../../../content/localize.ts';
import type { Exhibition } from '../../../content/schema.ts';
import { followText } from '../../../i18n/followStrings.ts';

export interface FollowBoardsProps {
  exhibition: Exhibition;
  lang: Lang;
  /** The board the guide is at, marked in the list. */
  guidePanelId: string | null;
  onRead(panelId: string): void;
}

export function FollowBoards({ exhibition, lang, guidePanelId, onRead }: FollowBoardsProps) {
  const headingId = useId();
  return (
    <nav className="follow-boards" aria-labelledby={headingId}>
      <h2 id={headingId}>{followText('allBoards', lang)}</h2>
      <ol className="follow-boards__sections">
        {exhibition.sections.map((section) => (
          <li key={section.id}>
            <h3>{localize(section.title, lang)}</h3>
            <ol className="follow-boards__panels">
              {section.panels.map((panel) => (
                <li key={panel.id}>
                  <button
                    type="button"
                    aria-current={panel.id === guidePanelId ? 'step' : undefined}
                    onClick={() => onRead(panel.id)}
                  >
                    {panel.date && <span className="follow-boards__year">{panel.date.slice(0, 4)}</span>}
                    {localize(panel.title, lang)}
                  </button>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
