/**
 * A lesson's contest results as a CSV file for Excel: UTF-8 with a byte-order mark (else Excel
 * reads the Chinese as mojibake), CRLF lines, for each contest one row per participant (place,
 * number, nickname, points, right answers, each question ✓ / ✗ / blank) and one per question
 * (its correct answer, how many answered, how many were right, the rate). Nicknames are what
 * phones typed: a cell starting with `=`, `+`, `-`, `@` (or a tab or CR) is escaped with a leading
 * apostrophe so a spreadsheet never runs it as a formula.
 */
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

export function contestResultsCsv(session: SessionState, contests: readonly ContestState[], names: ResultsNames): string {
  const lines: string[] = [];
  const numbers = new Map(session.participants.map((participant, index) => [participant.id, index + 1]));
  lines.push(row(['知识竞赛结果', names.tourTitle(session.tourId)]));
  lines.push(row(['课堂开始', when(session.createdAt), '课堂码', session.code]));
  for (const [contestIndex, contest] of contests.entries()) {
    lines.push('');
    lines.push(row([`第 ${contestIndex + 1} 轮`, names.quizTitle(contest.quizId), '开始', when(contest.startedAt)]));
    // Everyone who took part: in the lesson still, or removed (their answers stay counted as given).
    const everyone = session.participants.filter(
      (participant) => participant.status !== 'left' || contest.answers.some((answer) => answer.participantId === participant.id),
    );
    const table = standings(
      { ...contest, phase: contest.phase === 'question' ? 'revealed' : contest.phase },
      everyone.map((participant) => participant.id),
    );
    lines.push(
      row([
        '名次',
        '学员',
        '昵称',
        '得分',
        '答对题数',
        ...contest.questions.map((_question, index) => `第 ${index + 1} 题`),
        '状态',
      ]),
    );
    for (const standing of table) {
      const participant = session.participants.find((candidate) => candidate.id === standing.participantId);
      const marks = contest.questions.map((question) => {
        const answer = contest.answers.find(
          (candidate) => candidate.participantId === standing.participantId && candidate.questionId === question.id,
        );
        return answer ? (answer.correct ? '✓' : '✗') : '';
      });
      lines.push(
        row([
          standing.rank,
          `学员 ${numbers.get(standing.participantId) ?? ''}`,
          participant?.nickname ?? '',
          standing.points,
          standing.correct,
          ...marks,
          participant?.status === 'removed' ? '已移出' : '',
        ]),
      );
    }
    lines.push('');
    lines.push(row(['题号', '题目编号', '正确答案', '作答人数', '答对人数', '正确率']));
    for (const [index, question] of contest.questions.entries()) {
      const answers = contest.answers.filter((answer) => answer.questionId === question.id);
      const correct = answers.filter((answer) => answer.correct).length;
      const asked = index < contest.index || (index === contest.index && contest.phase !== 'question');
      lines.push(
        row([
          index + 1,
          question.id,
          question.answer.join(' '),
          asked || answers.length > 0 ? answers.length : '',
          asked || answers.length > 0 ? correct : '',
          answers.length > 0 ? `${Math.round((100 * correct) / answers.length)}%` : '',
        ]),
      );
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
