/**
 * 知识竞赛 on the projector: while a live lesson's contest shows, one slide over the whole screen
 * (over the stop, the room quiz and the end slide; under the blank screens), in the room quiz's
 * projector type. A question with its countdown and how many phones have answered; its reveal
 * with the bar chart of the answers and the explanation; the leaderboard; at the end the podium.
 * The question's words come from the build's quiz.json, read in the room's language; the
 * server sends ids and numbers only.
 *
 * A non-modal `dialog` like the other slides, named by its heading (第 N 题, 排行榜, 竞赛结束 · 领奖台).
 * Its live region says what a screen reader should hear: the answer at the reveal, the first three
 * on the podium; never the answered count ticking up.
 */
import './contest.css';
import { useId } from 'react';
import { type Lang, localize } from '../../../content/localize.ts';
import type { QuizQuestion } from '../../../content/quizSchema.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import { type PresentTextKey, presentText } from '../../../i18n/presentStrings.ts';
import type { LiveContestView } from '../../../live/protocol.ts';
import { optionLetter } from '../../../quiz/optionLetter.ts';
import { ContestLeaderboard } from './ContestLeaderboard.tsx';
import { ContestPodium } from './ContestPodium.tsx';
import { ContestQuestion } from './ContestQuestion.tsx';
import { contestName, podiumPlace } from './contestNames.ts';
import { type LessonQuizSlot, useLessonQuiz } from './useLessonQuiz.ts';

export interface ContestSlideProps {
  contest: LiveContestView;
  clockOffset: number;
  /** Joined and still in the lesson. */
  players: number;
  /** The lesson's join code, for a late-comer (who plays from the next question). */
  joinCode: string | null;
  lang: Lang;
}

/** What the clicker does next, as the slide's hint says it. */
function hintOf(contest: LiveContestView): PresentTextKey {
  if (contest.phase === 'question') return 'roomQuizRevealHint';
  if (contest.phase === 'revealed') return 'contestLeaderboardHint';
  if (contest.phase === 'leaderboard')
    return contest.questionIndex >= contest.questionCount - 1 ? 'contestPodiumHint' : 'roomQuizNextHint';
  return 'contestBackHint';
}

/** What the live region says: the answer once revealed, the first three at the podium. */
export function contestAnnouncement(contest: LiveContestView, question: QuizQuestion | undefined, lang: Lang): string {
  if (contest.phase === 'revealed' && question && contest.answer) {
    const answer = question.options
      .map((option, index) => ({ option, letter: optionLetter(index) }))
      .filter(({ option }) => contest.answer?.includes(option.id))
      .map(({ option, letter }) => `${letter} ${localize(option.text, lang)}`)
      .join(lang === 'zh' ? '、' : ', ');
    return presentText('roomQuizAnswer', lang, { answer });
  }
  if (contest.phase === 'podium') {
    return (contest.leaderboard ?? [])
      .filter((entry) => entry.rank <= 3 && entry.points > 0)
      .slice(0, 3)
      .map((entry) =>
        presentText('contestPlaceAnnounce', lang, {
          place: podiumPlace(entry.rank, lang) ?? String(entry.rank),
          name: contestName(entry, lang),
          points: entry.points,
        }),
      )
      .join(lang === 'zh' ? '；' : '; ');
  }
  return '';
}

export function ContestSlide({ contest, clockOffset, players, joinCode, lang }: ContestSlideProps) {
  const slot: LessonQuizSlot = useLessonQuiz(contest.quizId);
  const nameId = useId();
  const promptId = useId();
  const quiz = slot.status === 'ready' ? slot.quiz : null;
  const question = quiz?.questions.find((candidate) => candidate.id === contest.questionId);
  const asking = (contest.phase === 'question' || contest.phase === 'revealed') && question !== undefined;
  const quizTitle = quiz ? localize(quiz.title, lang) : presentText('contestTitle', lang);
  // The progress line counts the questions asked so far.
  const done = contest.phase === 'question' ? contest.questionIndex : contest.questionIndex + 1;
  return (
    <dialog
      open
      className={`room-quiz contest contest--${contest.phase}`}
      aria-labelledby={nameId}
      aria-describedby={asking ? promptId : undefined}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-testid="contest-slide"
      data-phase={contest.phase}
      data-question={contest.questionIndex + 1}
      data-questions={contest.questionCount}
    >
      <div className="room-quiz__top">
        <p className="room-quiz__progress">
          <span className="room-quiz__quiz">
            {presentText('contestTitle', lang)} · {quizTitle}
          </span>
          {joinCode && contest.phase !== 'podium' && (
            <span className="contest__code">
              {liveText('joinCodeLabel', lang)} {joinCode}
            </span>
          )}
          <span className="room-quiz__count">
            <span aria-hidden="true">
              {contest.questionIndex + 1} / {contest.questionCount}
            </span>
            <span className="visually-hidden">
              {presentText('roomQuizQuestionOf', lang, { n: contest.questionIndex + 1, total: contest.questionCount })}
            </span>
          </span>
        </p>
        <div className="projector__bar" aria-hidden="true">
          <div className="projector__bar-fill" style={{ transform: `scaleX(${done / contest.questionCount})` }} />
        </div>
      </div>
      {slot.status !== 'ready' || (!question && (contest.phase === 'question' || contest.phase === 'revealed')) ? (
        <div className="room-quiz__cover">
          <h2 id={nameId} className="room-quiz__title room-quiz__title--notice">
            {presentText(slot.status === 'loading' ? 'roomQuizLoading' : 'contestQuizMissing', lang)}
          </h2>
        </div>
      ) : asking ? (
        <ContestQuestion
          contest={contest}
          question={question}
          clockOffset={clockOffset}
          nameId={nameId}
          promptId={promptId}
          lang={lang}
        />
      ) : contest.phase === 'leaderboard' ? (
        <ContestLeaderboard contest={contest} nameId={nameId} lang={lang} />
      ) : (
        <ContestPodium contest={contest} quizTitle={quizTitle} players={players} nameId={nameId} lang={lang} />
      )}
      <p className="room-quiz__hint">
        {contest.phase === 'question' && <span className="contest__on-phones">{presentText('contestOnPhones', lang)} · </span>}
        {presentText(hintOf(contest), lang)}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="contest-announcement">
        {contestAnnouncement(contest, question, lang)}
      </p>
    </dialog>
  );
}
