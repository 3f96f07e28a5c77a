/**
 * A lesson's contest results, made once as data ({@link lessonResultsOf}: what the presenter's
 * printable sheet shows) and formatted from that same data as a CSV file for Excel
 * ({@link contestResultsCsv}), so the sheet and the spreadsheet can never disagree.
 *
 * The CSV is UTF-8 with a byte-order mark (else Excel reads the Chinese as mojibake), CRLF lines,
 * for each contest one row per participant (place, number, nickname, points, right answers, each
 * question ✓ / ✗ / blank) and one per question (its correct answer, how many answered, how many
 * were right, the rate). Nicknames are what phones typed: a cell starting with `=`, `+`, `-`, `@`
 * (or a tab or CR) is escaped with a leading apostrophe so a spreadsheet never runs it as a formula.
 */
import type { ContestResults, LessonResults, QuestionResult, ResultMark, StandingResult } from '../../live/protocol.ts';
import { type ContestState, standings } from '../live/contest.ts';
import type { SessionState } from '../live/session.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: never a formula, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: Array<string | number>) => cells.map(csvCell).join(',');

/** Local date and time as staff read it (the station's own clock and zone). */
function when(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface ResultsNames {
  /** The quiz's title (zh) by id, from the build's quiz.json; the id where it is not found. */
  quizTitle(quizId: string): string;
  tourTitle(tourId: string): string;
}

function contestResultsOf(session: SessionState, contest: ContestState, names: ResultsNames): ContestResults {
  const numbers = new Map(session.participants.map((participant, index) => [participant.id, index + 1]));
  // Everyone who took part: in the lesson still, or removed (their answers stay counted as given).
  const everyone = session.participants.filter(
    (participant) => participant.status !== 'left' || contest.answers.some((answer) => answer.participantId === participant.id),
  );
  // A contest stopped mid-question is counted as if that question had been revealed.
  const table = standings(
    { ...contest, phase: contest.phase === 'question' ? 'revealed' : contest.phase },
    everyone.map((participant) => participant.id),
  );
  const rows = table.map((standing): StandingResult => {
    const participant = session.participants.find((candidate) => candidate.id === standing.participantId);
    const marks = contest.questions.map((question): ResultMark => {
      const answer = contest.answers.find(
        (candidate) => candidate.participantId === standing.participantId && candidate.questionId === question.id,
      );
      return answer ? (answer.correct ? 'correct' : 'wrong') : null;
    });
    return {
      rank: standing.rank,
      participantNumber: numbers.get(standing.participantId) ?? 0,
      nickname: participant?.nickname ?? null,
      points: standing.points,
      correctCount: standing.correct,
      marks,
      removed: participant?.status === 'removed',
    };
  });
  const questions = contest.questions.map((question, index): QuestionResult => {
    const answers = contest.answers.filter((answer) => answer.questionId === question.id);
    const correct = answers.filter((answer) => answer.correct).length;
    const asked = index < contest.index || (index === contest.index && contest.phase !== 'question');
    // A question never put to the room has no counts (not zero of zero); the one open now has its answers so far.
    const counted = asked || answers.length > 0;
    return {
      index,
      id: question.id,
      correctOptionIds: [...question.answer],
      answeredCount: counted ? answers.length : null,
      correctCount: counted ? correct : null,
      correctRate: answers.length > 0 ? correct / answers.length : null,
    };
  });
  return {
    contestId: contest.id,
    quizId: contest.quizId,
    quizTitle: names.quizTitle(contest.quizId),
    startedAt: contest.startedAt,
    finishedAt: contest.finishedAt,
    questions,
    standings: rows,
  };
}

/** The lesson's results, each contest in the order it ran. */
export function lessonResultsOf(session: SessionState, contests: readonly ContestState[], names: ResultsNames): LessonResults {
  return {
    sessionId: session.id,
    tourId: session.tourId,
    tourTitle: names.tourTitle(session.tourId),
    code: session.code,
    startedAt: session.createdAt,
    contests: contests.map((contest) => contestResultsOf(session, contest, names)),
  };
}

const blankIfNull = (value: number | null) => value ?? '';

/** "50%", from the counts (not the rate: 100 × 0.145 rounds down, 2900 / 200 does not); blank when nobody answered. */
function percentText({ answeredCount, correctCount }: QuestionResult): string {
  if (!answeredCount || correctCount === null) return '';
  return `${Math.round((100 * correctCount) / answeredCount)}%`;
}

/** The results as the CSV file staff open in Excel. */
export function contestResultsCsv(results: LessonResults): string {
  const lines: string[] = [];
  lines.push(row(['知识竞赛结果', results.tourTitle]));
  lines.push(row(['课堂开始', when(results.startedAt), '课堂码', results.code]));
  for (const [contestIndex, contest] of results.contests.entries()) {
    lines.push('');
    lines.push(row([`第 ${contestIndex + 1} 轮`, contest.quizTitle, '开始', when(contest.startedAt)]));
    lines.push(
      row([
        '名次',
        '学员',
        '昵称',
        '得分',
        '答对题数',
        ...contest.questions.map((question) => `第 ${question.index + 1} 题`),
        '状态',
      ]),
    );
    for (const standing of contest.standings) {
      lines.push(
        row([
          standing.rank,
          `学员 ${standing.participantNumber}`,
          standing.nickname ?? '',
          standing.points,
          standing.correctCount,
          ...standing.marks.map((mark) => (mark === 'correct' ? '✓' : mark === 'wrong' ? '✗' : '')),
          standing.removed ? '已移出' : '',
        ]),
      );
    }
    lines.push('');
    lines.push(row(['题号', '题目编号', '正确答案', '作答人数', '答对人数', '正确率']));
    for (const question of contest.questions) {
      lines.push(
        row([
          question.index + 1,
          question.id,
          question.correctOptionIds.join(' '),
          blankIfNull(question.answeredCount),
          blankIfNull(question.correctCount),
          percentText(question),
        ]),
      );
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
