/**
 * 知识竞赛 on the phone: the question under way and its countdown, the reveal of this phone's
 * result, its place while the projector shows the leaderboard, and the podium. A `section` named
 * by its heading, whatever the phase; its polite live region says the answer taken, the time-up and
 * the result, so a screen reader hears them without looking (the countdown's figures are not read
 * out as they go).
 *
 * The words come from the quiz in the build the phone loaded (the server sends ids and numbers);
 * the countdown is on the server's clock.
 */
import { useId } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { contestErrorText, followText } from '../../../i18n/followStrings.ts';
import type { LiveContestView, ParticipantContest } from '../../../live/protocol.ts';
import type { OwnAnswer } from '../followState.ts';
import { FollowContestQuestion } from './FollowContestQuestion.tsx';
import { contestResult, FollowContestReveal } from './FollowContestReveal.tsx';
import { FollowContestStanding } from './FollowContestStanding.tsx';
import type { ContestQuizLoad } from './useContestQuiz.ts';
import { useSecondsLeft } from './useSecondsLeft.ts';

export interface FollowContestProps {
  contest: LiveContestView;
  /** The phone's own part in the contest as the server last said it (`you.contest`). */
  own: ParticipantContest | null;
  answer: OwnAnswer;
  /** Options picked and not yet submitted (a multiple's). */
  selection: string[];
  /** The server's clock ahead of the phone's (ms). */
  clockOffset: number;
  quiz: ContestQuizLoad;
  lang: Lang;
  onSelect(optionIds: string[]): void;
  onAnswer(questionId: string, optionIds: string[]): void;
}

export function FollowContest({
  contest,
  own,
  answer,
  selection,
  clockOffset,
  quiz,
  lang,
  onSelect,
  onAnswer,
}: FollowContestProps) {
  const titleId = useId();
  const asking = contest.phase === 'question';
  const secondsLeft = useSecondsLeft(contest.deadline, clockOffset, asking);
  const timeUp = asking && secondsLeft <= 0;
  // The place and points are the whole contest's; the answer and result only this question's
  // (the server's word on a new question may come a moment before the snapshot does).
  const inContest = own && own.contestId === contest.contestId ? own : null;
  const forQuestion = inContest && inContest.questionId === contest.questionId ? inContest : null;
  const question =
    quiz.status === 'ready' ? quiz.quiz.questions.find((candidate) => candidate.id === contest.questionId) : undefined;

  const title =
    contest.phase === 'podium'
      ? followText('contestFinal', lang)
      : followText('contestQuestionOf', lang, { n: contest.questionIndex + 1, total: contest.questionCount });

  // Said once as it changes: the answer taken (or refused), the time-up, the result.
  let announcement = '';
  if (contest.phase === 'revealed') announcement = contestResult(forQuestion, lang).text;
  else if (timeUp) announcement = followText('contestTimeUp', lang);
  else if (asking && answer.status === 'answered') announcement = followText('contestSubmitted', lang);
  else if (asking && answer.error) announcement = contestErrorText(answer.error, lang);

  let body: React.ReactNode;
  if (contest.phase === 'leaderboard' || contest.phase === 'podium') {
    // The standings need no quiz text: shown even where the phone's build lacks the quiz.
    body = <FollowContestStanding own={inContest} final={contest.phase === 'podium'} lang={lang} />;
  } else if (quiz.status === 'loading') {
    body = (
      <p className="follow-status" role="status">
        {followText('contestLoading', lang)}
      </p>
    );
  } else if (!question) {
    body = (
      <p className="follow-contest__missing" data-testid="follow-contest-missing">
        {followText('contestMissingQuiz', lang)}
      </p>
    );
  } else if (asking) {
    body = (
      <FollowContestQuestion
        key={question.id}
        question={question}
        eligible={forQuestion?.eligible ?? true}
        answer={answer}
        selection={selection}
        timeUp={timeUp}
        lang={lang}
        onSelect={onSelect}
        onAnswer={(optionIds) => onAnswer(question.id, optionIds)}
      />
    );
  } else {
    body = <FollowContestReveal question={question} correctIds={contest.answer} own={forQuestion} lang={lang} />;
  }

  return (
    <section
      className="follow-contest"
      aria-labelledby={titleId}
      data-testid="follow-contest"
      data-phase={contest.phase}
      data-question-id={contest.questionId}
      data-question-index={contest.questionIndex}
    >
      <header className="follow-contest__header">
        <h2 id={titleId} className="follow-contest__title">
          {title}
        </h2>
        {asking && (
          <p
            className={timeUp ? 'follow-contest__countdown follow-contest__countdown--up' : 'follow-contest__countdown'}
            data-testid="follow-contest-countdown"
            data-seconds-left={secondsLeft}
          >
            {timeUp ? followText('contestTimeUp', lang) : followText('contestSecondsLeft', lang, { n: secondsLeft })}
          </p>
        )}
        {asking && contest.eligibleCount > 0 && (
          <p className="follow-contest__answered">
            {followText('contestAnsweredCount', lang, {
              answered: contest.answeredCount,
              eligible: contest.eligibleCount,
            })}
          </p>
        )}
      </header>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="follow-contest-announcement">
        {announcement}
      </p>
      {body}
    </section>
  );
}
