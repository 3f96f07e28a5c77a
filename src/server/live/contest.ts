/**
 * 知识竞赛, the lesson's quiz played live on the audience's phones, as pure data and pure rules
 * beside the lesson's (session.ts): the server's clock times each question, one answer per phone
 * per question is taken and none after time-up, points are scored, and the leaderboard is worked
 * out from the answers. No I/O and no clock of its own: `now` comes in with every command.
 *
 * A question goes `question` (the phones answer, the projector counts down) → `revealed` (the
 * correct answer, the explanation, the bar chart of answers) → `leaderboard` → the next question,
 * and after the last one the `podium`. A phone that joined after a question began plays from the
 * next one.
 */
import type { LiveErrorCode } from '../../live/protocol.ts';

/** A question's countdown when quiz.json gives it no `seconds`. */
export const DEFAULT_QUESTION_SECONDS = 20;
/** Points for a correct answer: at least the base, up to base + speed bonus for an instant one. */
export const BASE_POINTS = 500;
export const SPEED_POINTS = 500;

/** A question as the server needs it: what may be answered and what is right (the text stays in quiz.json). */
export interface ContestQuestion {
  id: string;
  kind: 'single' | 'multiple' | 'true-false';
  optionIds: readonly string[];
  answer: readonly string[];
  seconds: number;
}

export interface ContestQuiz {
  id: string;
  questions: readonly ContestQuestion[];
}

export type ContestPhase = 'question' | 'revealed' | 'leaderboard' | 'podium';

export interface ContestAnswer {
  participantId: string;
  questionId: string;
  optionIds: readonly string[];
  answeredAt: number;
  /** How long after the question began it came (the leaderboard's tie-break: the faster first). */
  elapsedMs: number;
  correct: boolean;
  points: number;
}

export interface ContestState {
  id: string;
  quizId: string;
  questions: readonly ContestQuestion[];
  /** The question under way (0-based); on the podium, the last one. */
  index: number;
  phase: ContestPhase;
  questionStartedAt: number;
  /** Time-up of the question under way, on the server's clock (epoch ms). */
  deadline: number;
  startedAt: number;
  /** Set once the podium shows. */
  finishedAt: number | null;
  /** Who may answer the question under way: the participants in the lesson when it began. */
  eligible: readonly string[];
  /** Every answer taken, of every question, in the order they came. */
  answers: readonly ContestAnswer[];
}

export type ContestCommand =
  | { type: 'contest-start'; contestId: string; quiz: ContestQuiz; participantIds: readonly string[] }
  | { type: 'contest-answer'; participantId: string; questionId: string; optionIds: readonly string[] }
  /** The presenter's reveal, or the server's own time-up (naming the question it was set for). */
  | { type: 'contest-reveal'; questionIndex?: number }
  /** On from where it is: reveal → leaderboard → the next question (or the podium after the last). */
  | { type: 'contest-next'; participantIds: readonly string[] }
  /** Off the projector and the phones (its answers stay in the database for the results). */
  | { type: 'contest-close' };

export type ContestResult =
  | { ok: true; contest: ContestState | null; changed: 'question' | 'answer' | 'results' | 'none' }
  | { ok: false; error: LiveErrorCode };

const refuse = (error: LiveErrorCode): ContestResult => ({ ok: false, error });

function startQuestion(contest: ContestState, index: number, participantIds: readonly string[], now: number): ContestState {
  const question = contest.questions[index] as ContestQuestion;
  return {
    ...contest,
    index,
    phase: 'question',
    questionStartedAt: now,
    deadline: now + question.seconds * 1000,
    eligible: [...participantIds],
  };
}

/** Whether a set of option ids is exactly the answer (all of a multiple's, and only those). */
export function isCorrect(question: ContestQuestion, optionIds: readonly string[]): boolean {
  if (optionIds.length !== question.answer.length) return false;
  return question.answer.every((id) => optionIds.includes(id));
}

/** Points for an answer given at `answeredAt`: none if wrong; more the sooner a right one came. */
export function pointsFor(correct: boolean, questionStartedAt: number, deadline: number, answeredAt: number): number {
  if (!correct) return 0;
  const span = Math.max(1, deadline - questionStartedAt);
  const left = Math.min(1, Math.max(0, (deadline - answeredAt) / span));
  return Math.round(BASE_POINTS + SPEED_POINTS * left);
}

/** The answer a question's options allow: known ids, none twice, one for single and true-false. */
function validChoice(question: ContestQuestion, optionIds: readonly string[]): boolean {
  if (optionIds.length === 0) return false;
  if (new Set(optionIds).size !== optionIds.length) return false;
  if (!optionIds.every((id) => question.optionIds.includes(id))) return false;
  return question.kind === 'multiple' || optionIds.length === 1;
}

export function applyContestCommand(contest: ContestState | null, command: ContestCommand, now: number): ContestResult {
  switch (command.type) {
    case 'contest-start': {
      // A contest under way must end (its podium) before another starts.
      if (contest && contest.phase !== 'podium') return refuse('contest-running');
      if (command.quiz.questions.length === 0) return refuse('no-quiz');
      const fresh: ContestState = {
        id: command.contestId,
        quizId: command.quiz.id,
        questions: command.quiz.questions,
        index: 0,
        phase: 'question',
        questionStartedAt: now,
        deadline: now,
        startedAt: now,
        finishedAt: null,
        eligible: [],
        answers: [],
      };
      return { ok: true, contest: startQuestion(fresh, 0, command.participantIds, now), changed: 'question' };
    }
    case 'contest-answer': {
      if (!contest) return refuse('no-contest');
      const question = contest.questions[contest.index] as ContestQuestion;
      if (command.questionId !== question.id) return refuse('wrong-question');
      if (contest.phase !== 'question' || now >= contest.deadline) return refuse('too-late');
      if (!contest.eligible.includes(command.participantId)) return refuse('not-eligible');
      const already = contest.answers.some(
        (answer) => answer.participantId === command.participantId && answer.questionId === question.id,
      );
      if (already) return refuse('already-answered');
      if (!validChoice(question, command.optionIds)) return refuse('bad-request');
      const correct = isCorrect(question, command.optionIds);
      const answer: ContestAnswer = {
        participantId: command.participantId,
        questionId: question.id,
        optionIds: [...command.optionIds],
        answeredAt: now,
        elapsedMs: now - contest.questionStartedAt,
        correct,
        points: pointsFor(correct, contest.questionStartedAt, contest.deadline, now),
      };
      return { ok: true, contest: { ...contest, answers: [...contest.answers, answer] }, changed: 'answer' };
    }
    case 'contest-reveal': {
      if (!contest) return refuse('no-contest');
      // A time-up set for a question already revealed (or an earlier one) is nothing new.
      if (command.questionIndex !== undefined && command.questionIndex !== contest.index)
        return { ok: true, contest, changed: 'none' };
      if (contest.phase !== 'question') return { ok: true, contest, changed: 'none' };
      return { ok: true, contest: { ...contest, phase: 'revealed' }, changed: 'results' };
    }
    case 'contest-next': {
      if (!contest) return refuse('no-contest');
      switch (contest.phase) {
        case 'question':
          return { ok: true, contest: { ...contest, phase: 'revealed' }, changed: 'results' };
        case 'revealed':
          return { ok: true, contest: { ...contest, phase: 'leaderboard' }, changed: 'question' };
        case 'leaderboard':
          if (contest.index >= contest.questions.length - 1)
            return { ok: true, contest: { ...contest, phase: 'podium', finishedAt: now }, changed: 'question' };
          return {
            ok: true,
            contest: startQuestion(contest, contest.index + 1, command.participantIds, now),
            changed: 'question',
          };
        case 'podium':
          return { ok: true, contest, changed: 'none' };
      }
      return refuse('bad-request');
    }
    case 'contest-close':
      if (!contest) return refuse('no-contest');
      return { ok: true, contest: null, changed: 'question' };
  }
}

export interface Standing {
  participantId: string;
  points: number;
  correct: number;
  /** 1-based; no two share one (ties go to the faster, then to the earlier joiner). */
  rank: number;
}

/**
 * The leaderboard over `participantIds` (in join order, the last tie-break), counting the answers
 * of the questions revealed so far only: a question still open scores nobody yet.
 */
export function standings(contest: ContestState, participantIds: readonly string[]): Standing[] {
  const scored = new Set(
    contest.questions.slice(0, contest.phase === 'question' ? contest.index : contest.index + 1).map((question) => question.id),
  );
  // One pass over the answers (a room of hundreds answers thousands of times), then one row each.
  const totals = new Map<string, { points: number; correct: number; time: number }>();
  for (const answer of contest.answers) {
    if (!scored.has(answer.questionId)) continue;
    const total = totals.get(answer.participantId) ?? { points: 0, correct: 0, time: 0 };
    total.points += answer.points;
    if (answer.correct) {
      total.correct++;
      total.time += answer.elapsedMs;
    }
    totals.set(answer.participantId, total);
  }
  const rows = participantIds.map((participantId, order) => ({
    participantId,
    order,
    ...(totals.get(participantId) ?? { points: 0, correct: 0, time: 0 }),
  }));
  rows.sort((a, b) => b.points - a.points || a.time - b.time || a.order - b.order);
  return rows.map((row, index) => ({
    participantId: row.participantId,
    points: row.points,
    correct: row.correct,
    rank: index + 1,
  }));
}

/** How many chose each option of a question, in the question's option order. */
export function answerCounts(contest: ContestState, questionId: string): Record<string, number> {
  const question = contest.questions.find((candidate) => candidate.id === questionId);
  const counts: Record<string, number> = {};
  for (const id of question?.optionIds ?? []) counts[id] = 0;
  for (const answer of contest.answers) {
    if (answer.questionId !== questionId) continue;
    for (const id of answer.optionIds) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
