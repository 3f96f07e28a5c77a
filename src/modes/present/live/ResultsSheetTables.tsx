/**
 * One contest's results sheet, as it reads on screen and on paper: the lesson, the standings
 * (名次, 学员, 昵称, 得分, 答对, each question ✓ / ×) and the questions (题号, 正确答案, 作答,
 * 答对, 正确率). The server keeps option ids only: the correct answers are lettered and worded as
 * the room saw them from the build's quiz (the lesson's letters), or given as ids where the quiz
 * has changed since and no longer has that question or option.
 * Nicknames are what phones typed, and are rendered as React text only.
 */
import { type Lang, localize } from '../../../content/localize.ts';
import type { Quiz } from '../../../content/quizSchema.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import type { ContestResults, LessonResults, ResultMark } from '../../../live/protocol.ts';
import { optionLetter } from '../../../quiz/optionLetter.ts';
import { correctPercent, resultsTime } from './resultsFormat.ts';

export interface ResultsSheetTablesProps {
  results: LessonResults;
  contest: ContestResults;
  lang: Lang;
  /** The quiz as the build has it (null while it loads, or when it is gone): the answers' letters and words. */
  quiz: Quiz | null;
  /** The title's id, for the dialog that names itself by it (the printed copy needs none). */
  titleId?: string;
}

/** "B 1921", "A 甲、C 丙" from the quiz; the ids where it no longer has them. */
export function answerLabel(quiz: Quiz | null, questionId: string, optionIds: readonly string[], lang: Lang): string {
  const question = quiz?.questions.find((candidate) => candidate.id === questionId);
  const indices = optionIds.map((id) => question?.options.findIndex((option) => option.id === id) ?? -1);
  if (!question || indices.some((index) => index < 0)) return optionIds.join(' ');
  return indices
    .sort((a, b) => a - b)
    .map((index) => `${optionLetter(index)} ${localize(question.options[index]?.text ?? '', lang)}`)
    .join(lang === 'zh' ? '、' : ', ');
}

const MARK_GLYPH = { correct: 'resultsMarkCorrect', wrong: 'resultsMarkWrong' } as const;
const MARK_WORD = { correct: 'resultsMarkCorrectWord', wrong: 'resultsMarkWrongWord' } as const;

export function ResultsSheetTables({ results, contest, quiz, lang, titleId }: ResultsSheetTablesProps) {
  // One cell per question, in the quiz's order: the question's index is the cell's key.
  const mark = (value: ResultMark, questionIndex: number) => (
    <td key={questionIndex} className={`results-sheet__mark results-sheet__mark--${value ?? 'none'}`}>
      {/* The glyph for the eye and the paper, a word for a screen reader. */}
      {value && <span aria-hidden="true">{liveText(MARK_GLYPH[value], lang)}</span>}
      <span className="visually-hidden">{liveText(value ? MARK_WORD[value] : 'resultsMarkNoneWord', lang)}</span>
    </td>
  );
  return (
    <>
      <header className="results-sheet__head">
        <h2 id={titleId} className="results-sheet__title">
          {liveText('resultsSheetTitle', lang)}
        </h2>
        <p className="results-sheet__lesson">
          {liveText('resultsSheetLesson', lang, {
            tour: results.tourTitle,
            when: resultsTime(results.startedAt),
            code: results.code,
          })}
        </p>
        <p className="results-sheet__contest">
          {liveText('resultsSheetContest', lang, { title: contest.quizTitle, when: resultsTime(contest.startedAt) })}
          {contest.finishedAt === null && <> {liveText('resultsUnfinished', lang)}</>}
        </p>
      </header>

      <table className="results-sheet__table results-sheet__standings">
        <caption>{liveText('resultsStandingsCaption', lang)}</caption>
        <thead>
          <tr>
            <th scope="col">{liveText('resultsRank', lang)}</th>
            <th scope="col">{liveText('resultsParticipant', lang)}</th>
            <th scope="col">{liveText('resultsNickname', lang)}</th>
            <th scope="col">{liveText('resultsPoints', lang)}</th>
            <th scope="col">{liveText('resultsCorrect', lang)}</th>
            {contest.questions.map((question) => (
              <th scope="col" key={question.id}>
                {liveText('resultsQuestionColumn', lang, { n: question.index + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {contest.standings.map((row) => (
            <tr key={row.participantNumber} data-participant={row.participantNumber}>
              <td>{row.rank}</td>
              <th scope="row">{liveText('resultsParticipantNumber', lang, { n: row.participantNumber })}</th>
              <td className="results-sheet__nickname">
                {row.nickname ?? ''}
                {row.removed && <> {liveText('resultsRemoved', lang)}</>}
              </td>
              <td>{row.points}</td>
              <td>{row.correctCount}</td>
              {row.marks.map(mark)}
            </tr>
          ))}
        </tbody>
      </table>

      <table className="results-sheet__table results-sheet__questions">
        <caption>{liveText('resultsQuestionsCaption', lang)}</caption>
        <thead>
          <tr>
            <th scope="col">{liveText('resultsQuestionNumber', lang)}</th>
            <th scope="col">{liveText('resultsCorrectAnswer', lang)}</th>
            <th scope="col">{liveText('resultsAnswered', lang)}</th>
            <th scope="col">{liveText('resultsCorrect', lang)}</th>
            <th scope="col">{liveText('resultsRate', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {contest.questions.map((question) => (
            <tr key={question.id} data-question={question.id}>
              <th scope="row">{question.index + 1}</th>
              <td>{answerLabel(quiz, question.id, question.correctOptionIds, lang)}</td>
              {question.answeredCount === null ? (
                <td colSpan={3}>{liveText('resultsNotAsked', lang)}</td>
              ) : (
                <>
                  <td>{question.answeredCount}</td>
                  <td>{question.correctCount}</td>
                  <td>{correctPercent(question) ?? '–'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
