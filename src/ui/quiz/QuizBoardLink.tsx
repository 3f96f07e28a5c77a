/**
 * 去看展板: the panel a question's answer is on. A real link to `#/panel/<id>`; a plain click opens
 * the card over the quiz through the store (the kiosk has no hash routes), and closing the card
 * comes back to the quiz where it was.
 */
import { allPanels } from '../../content/load.ts';
import { type Lang, localize } from '../../content/localize.ts';
import { quizText } from '../../i18n/quizStrings.ts';
import { panelHref } from '../../routing/routes.ts';
import { useExhibition } from '../../store/store.ts';

export interface QuizBoardLinkProps {
  panelId: string;
  lang: Lang;
  /** Just before the card opens: the quiz remembers where the focus was. */
  onLeave(): void;
}

export function QuizBoardLink({ panelId, lang, onLeave }: QuizBoardLinkProps) {
  const exhibition = useExhibition((state) => state.exhibition);
  const panel = exhibition ? allPanels(exhibition).find((candidate) => candidate.id === panelId) : undefined;
  if (!panel) return null;
  return (
    <a
      className="quiz__board-link"
      href={panelHref(panelId)}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onLeave();
        useExhibition.getState().showQuizBoard(panelId);
      }}
    >
      {quizText('quizSeeBoard', lang)} · {localize(panel.title, lang)}
    </a>
  );
}
