/**
 * One past lesson in the presenter's 竞赛成绩: its tour, when, its code and how many took part,
 * and each contest it ran with 下载 CSV and 打印成绩单. The CSV is the lesson's file (every round
 * it played); each button is described by its contest's line, as the names repeat down the list.
 */
import { useId } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import type { PastLesson } from '../../../live/protocol.ts';
import { resultsTime } from './resultsFormat.ts';

export interface PresenterResultsLessonProps {
  lesson: PastLesson;
  lang: Lang;
  /** A request is under way: the buttons wait for it. */
  busy: boolean;
  onDownload(lesson: PastLesson): void;
  onPrint(lesson: PastLesson, contestId: string): void;
}

export function PresenterResultsLesson({ lesson, lang, busy, onDownload, onPrint }: PresenterResultsLessonProps) {
  const baseId = useId();
  // The view's buttons keep the focus where it was, so the clicker's keys go on driving the lesson.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  return (
    <li className="presenter-results__lesson" data-session={lesson.sessionId}>
      <h4 className="presenter-results__tour">{lesson.tourTitle}</h4>
      <p className="presenter-results__when">
        {liveText('resultsLessonLine', lang, {
          when: resultsTime(lesson.startedAt),
          code: lesson.code,
          n: lesson.participantCount,
        })}
      </p>
      <ul className="presenter-results__contests">
        {lesson.contests.map((contest, index) => {
          const lineId = `${baseId}-${index}`;
          return (
            <li key={contest.contestId} className="presenter-results__contest" data-contest={contest.contestId}>
              <span id={lineId} className="presenter-results__quiz">
                {liveText('resultsContestLine', lang, { title: contest.quizTitle, n: contest.questionCount })}
                {contest.finishedAt === null && <> {liveText('resultsUnfinished', lang)}</>}
              </span>
              <span className="presenter-results__buttons">
                <button
                  type="button"
                  aria-describedby={lineId}
                  disabled={busy}
                  onMouseDown={keepFocus}
                  onClick={() => onDownload(lesson)}
                >
                  {liveText('resultsDownloadCsv', lang)}
                </button>
                <button
                  type="button"
                  aria-describedby={lineId}
                  disabled={busy}
                  onMouseDown={keepFocus}
                  onClick={() => onPrint(lesson, contest.contestId)}
                >
                  {liveText('resultsPrintSheet', lang)}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
