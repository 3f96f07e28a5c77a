// @vitest-environment jsdom
/**
 * 知识竞赛's slides on the projector and its line in the presenter view, rendered in jsdom: a
 * question named 第 N 题 with its options, countdown (on the server's clock, not this one's) and
 * answered count; the reveal with the correct option marked in words, a bar per option with how
 * many chose it, the right-answer count and the explanation, and the live region saying the
 * answer; the leaderboard (nicknames as text, 学员 N where hidden); the podium in a podium's order
 * with 冠军 / 亚军 / 季军; English; and the presenter view's buttons sending the projector's commands.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveContestEntry, LiveContestView } from '../../src/live/protocol.ts';
import { ContestSlide } from '../../src/modes/present/live/ContestSlide.tsx';
import type { PresentCommand } from '../../src/modes/present/presentSession.ts';
import { PresenterContest } from '../../src/modes/present/ui/PresenterContest.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { domRootPerTest } from '../support/domRoot.ts';
import { LESSON, makeExhibition, ROOM_QUIZ } from '../unit/presentFixtures.ts';

const loadLessonQuiz = vi.hoisted(() => vi.fn());
vi.mock('../../src/quiz/lessonQuiz.ts', () => ({ loadLessonQuiz }));

const dom = domRootPerTest(() => useExhibition.setState({ lang: 'zh' }));

beforeEach(() => {
  loadLessonQuiz.mockReset();
  loadLessonQuiz.mockImplementation(async (_exhibition: unknown, _base: string, quizId: string) =>
    quizId === ROOM_QUIZ.id ? ROOM_QUIZ : null,
  );
  useExhibition.getState().contentLoaded(makeExhibition([LESSON]), []);
});

const NOW = 1_000_000;

function contest(overrides: Partial<LiveContestView> = {}): LiveContestView {
  return {
    contestId: 'contest-1',
    quizId: ROOM_QUIZ.id,
    phase: 'question',
    questionId: 'q-founding',
    questionIndex: 0,
    questionCount: 2,
    questionStartedAt: NOW,
    deadline: NOW + 20_000,
    answeredCount: 2,
    eligibleCount: 3,
    answer: null,
    counts: null,
    correctCount: null,
    leaderboard: null,
    ...overrides,
  };
}

const entry = (rank: number, participantNumber: number, nickname: string | null, points: number): LiveContestEntry => ({
  rank,
  participantNumber,
  nickname,
  points,
  correct: points > 0 ? 1 : 0,
});

async function show(view: LiveContestView, clockOffset = 0) {
  await act(async () =>
    dom.root.render(
      <ContestSlide
        contest={view}
        clockOffset={clockOffset}
        players={4}
        joinCode="482913"
        lang={useExhibition.getState().lang}
      />,
    ),
  );
  // The quiz is read from the build (a promise): let it land.
  await act(async () => undefined);
}

const slide = () => dom.container.querySelector<HTMLDialogElement>('[data-testid="contest-slide"]');
const heading = () => {
  const id = slide()?.getAttribute('aria-labelledby');
  return id ? document.getElementById(id)?.textContent : null;
};

describe('the contest on the projector', () => {
  it('a question: 第 1 题, its options lettered, the seconds left on the server’s clock, and how many have answered', async () => {
    vi.useFakeTimers({ now: NOW + 5_000 });
    try {
      // The server's clock is 3 s behind this window's: 5 s have passed here, 2 s there, so 18 s are left.
      await show(contest(), -3_000);
      expect(heading()).toBe('第 1 题');
      expect(slide()?.dataset.phase).toBe('question');
      const options = [...dom.container.querySelectorAll('li[data-option]')].map((option) => option.textContent);
      expect(options).toEqual(['A1919', 'B1921', 'C1927', 'D1949']);
      expect(dom.container.querySelector('[data-testid="room-quiz-countdown"]')?.getAttribute('data-seconds-left')).toBe('18');
      expect(dom.container.querySelector('[data-testid="contest-answered"]')?.textContent).toBe('已作答 2 / 3');
      // Nothing of the answer before the reveal, and nothing said yet.
      expect(dom.container.querySelector('[data-correct]')).toBeNull();
      expect(dom.container.querySelector('[data-testid="contest-announcement"]')?.textContent).toBe('');
      expect(dom.container.querySelector('.room-quiz__hint')?.textContent).toContain('请在手机上作答');
      // A late-comer can still join (and plays from the next question).
      expect(dom.container.querySelector('.contest__code')?.textContent).toBe('课堂码 482913');
    } finally {
      vi.useRealTimers();
    }
  });

  it('the reveal: the answer marked in words, a bar per option, the right answers counted, the explanation said', async () => {
    await show(
      contest({ phase: 'revealed', answer: ['b'], counts: { a: 1, b: 4, c: 0, d: 1 }, correctCount: 4, answeredCount: 6 }),
    );
    const options = [...dom.container.querySelectorAll<HTMLElement>('li[data-option]')].map((option) => ({
      id: option.dataset.option,
      correct: option.dataset.correct,
      count: option.dataset.count,
      share: option.querySelector<HTMLElement>('.contest__bar-fill')?.style.getPropertyValue('--share'),
    }));
    expect(options).toEqual([
      { id: 'a', correct: 'false', count: '1', share: '0.25' },
      { id: 'b', correct: 'true', count: '4', share: '1' },
      { id: 'c', correct: 'false', count: '0', share: '0' },
      { id: 'd', correct: 'false', count: '1', share: '0.25' },
    ]);
    expect(dom.container.querySelector('li[data-option="b"]')?.textContent).toContain('✓ 正确答案');
    expect(dom.container.querySelector('.contest__rate')?.textContent).toBe('4 人答对 · 共 6 人作答');
    expect(dom.container.querySelector('[data-testid="contest-explanation"]')?.textContent).toBe(
      '1921年7月23日，中共一大在上海开幕。',
    );
    expect(dom.container.querySelector('[data-testid="contest-announcement"]')?.textContent).toBe('正确答案：B 1921');
    // The countdown is over: no ring, no figures.
    expect(dom.container.querySelector('[data-testid="room-quiz-countdown"]')).toBeNull();
  });

  it('the leaderboard: names as text, 学员 N where hidden, no one listed who has nothing yet', async () => {
    await show(
      contest({
        phase: 'leaderboard',
        leaderboard: [entry(1, 2, '<b>Tom</b>', 950), entry(2, 1, null, 700), entry(3, 3, '小红', 0)],
      }),
    );
    expect(heading()).toBe('排行榜');
    const rows = [...dom.container.querySelectorAll('[data-testid="contest-leaderboard"] li')].map((row) => row.textContent);
    expect(rows).toEqual(['1<b>Tom</b>答对 1 题950 分', '2学员 1答对 1 题700 分']);
    expect(dom.container.querySelector('[data-testid="contest-leaderboard"] b')).toBeNull();
    expect(dom.container.querySelector('.room-quiz__hint')?.textContent).toBe('翻页笔：下一题');
  });

  it('the podium: second, first, third as a podium stands, with 冠军 said aloud; in English too', async () => {
    const podium = contest({
      phase: 'podium',
      questionIndex: 1,
      leaderboard: [entry(1, 3, '小红', 1800), entry(2, 1, 'Tom', 1200), entry(3, 2, null, 600), entry(4, 4, 'Li', 100)],
    });
    await show(podium);
    expect(heading()).toBe('竞赛结束 · 领奖台');
    const steps = [...dom.container.querySelectorAll<HTMLElement>('[data-testid="contest-podium"] li')];
    expect(steps.map((step) => step.dataset.rank)).toEqual(['2', '1', '3']);
    expect(steps[1]?.textContent).toContain('冠军小红1800 分');
    expect(steps[2]?.textContent).toContain('学员 2');
    expect(dom.container.querySelector('[data-testid="contest-announcement"]')?.textContent).toBe(
      '冠军：小红，1800 分；亚军：Tom，1200 分；季军：学员 2，600 分',
    );
    expect(dom.container.textContent).toContain('共 4 人参加');
    expect(dom.container.querySelector('.room-quiz__hint')?.textContent).toBe('翻页笔：回到讲解');
    useExhibition.setState({ lang: 'en' });
    await show(podium);
    expect(heading()).toBe('The contest is over · Podium');
    expect(steps.length).toBe(3);
    expect(dom.container.querySelector('[data-testid="contest-announcement"]')?.textContent).toContain('1st: 小红, 1800 points');
    expect(slide()?.getAttribute('lang')).toBe('en');
  });

  it('a quiz the build does not have: said in words, not a blank slide', async () => {
    await show(contest({ quizId: 'gone' }));
    expect(heading()).toBe('竞赛题目无法载入');
  });
});

describe('the contest in the presenter view', () => {
  it('offers to start it, then says where it is and steps it on, through the projector’s own commands', () => {
    const sent: PresentCommand[] = [];
    const send = (command: PresentCommand) => sent.push(command);
    act(() => dom.root.render(<PresenterContest contest={null} lang="zh" send={send} />));
    const button = (name: RegExp) =>
      [...dom.container.querySelectorAll('button')].find((candidate) => name.test(candidate.textContent ?? ''));
    act(() => button(/开始知识竞赛/)?.click());
    expect(sent).toEqual(['contest']);
    act(() =>
      dom.root.render(
        <PresenterContest
          contest={{ phase: 'question', questionIndex: 1, questionCount: 5, answeredCount: 7, eligibleCount: 9 }}
          lang="zh"
          send={send}
        />,
      ),
    );
    expect(dom.container.querySelector('[role="status"]')?.textContent).toBe('第 2 / 5 题 · 答题中 · 已作答 7 / 9');
    act(() => button(/竞赛下一步/)?.click());
    expect(sent).toEqual(['contest', 'next']);
  });
});
