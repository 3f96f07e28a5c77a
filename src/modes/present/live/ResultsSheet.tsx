/**
 * The printable results sheet of one contest, over the presenter view: a modal `<dialog>` named
 * by its title, with 打印 and 关闭. What the printer gets is a copy of the same tables in
 * `<body>` (presenterResults.css hides everything else on paper, the dialog too): a modal
 * dialog sits in the browser's top layer, fixed to the screen, and long standings would be cut
 * off after the first page, where a table in the page's flow runs on over as many as it needs.
 */
import { useId } from 'react';
import { createPortal } from 'react-dom';
import type { Lang } from '../../../content/localize.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import type { LessonResults } from '../../../live/protocol.ts';
import { useModalDialog } from '../../../ui/useModalDialog.ts';
import { ResultsSheetTables } from './ResultsSheetTables.tsx';
import { useLessonQuiz } from './useLessonQuiz.ts';

export interface ResultsSheetProps {
  results: LessonResults;
  contestId: string;
  lang: Lang;
  onClose(): void;
}

export function ResultsSheet({ results, contestId, lang, onClose }: ResultsSheetProps) {
  const titleId = useId();
  // Shown while mounted: the results view renders the sheet only while one is open. Esc and 关闭
  // close it; a stray click beside it does not (the backdrop is most of the screen).
  const dialog = useModalDialog({
    open: true,
    onClose,
    restoreFocus(previous) {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    },
  });
  const contest = results.contests.find((candidate) => candidate.contestId === contestId) ?? results.contests[0];
  // The quiz as the build has it now, to letter the correct answers as the room saw them.
  const quizSlot = useLessonQuiz(contest?.quizId ?? '');
  const quiz = quizSlot.status === 'ready' ? quizSlot.quiz : null;
  if (!contest) return null;
  const htmlLang = lang === 'zh' ? 'zh-CN' : 'en';
  return (
    <>
      <dialog
        ref={dialog.ref}
        className="results-sheet"
        aria-labelledby={titleId}
        lang={htmlLang}
        onCancel={dialog.onCancel}
        data-contest={contest.contestId}
      >
        <div className="results-sheet__frame">
          <ResultsSheetTables results={results} contest={contest} quiz={quiz} lang={lang} titleId={titleId} />
          <div className="results-sheet__controls">
            <button type="button" onClick={() => window.print()}>
              {liveText('resultsPrint', lang)}
            </button>
            <button type="button" onClick={onClose}>
              {liveText('resultsClose', lang)}
            </button>
          </div>
        </div>
      </dialog>
      {createPortal(
        <div className="results-sheet-print" lang={htmlLang}>
          <ResultsSheetTables results={results} contest={contest} quiz={quiz} lang={lang} />
        </div>,
        document.body,
      )}
    </>
  );
}
