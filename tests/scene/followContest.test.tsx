// @vitest-environment jsdom
/**
 * 知识竞赛 on the phone's page, rendered in jsdom with the follower's client on a stand-in socket:
 * the question with its options as large buttons (one tap answers a single, a multiple wants
 * 提交), a late joiner who only reads, the time-up on the server's clock, the reveal in words
 * with the phone's place, the leaderboard and podium places, English, and a quiz the phone's
 * build lacks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveContestView, LiveSnapshot, ParticipantContest, ParticipantWelcome } from '../../src/live/protocol.ts';
import { createFollowViewChoice } from '../../src/modes/follow/followViewChoice.ts';
import { FollowView } from '../../src/modes/follow/ui/FollowView.tsx';
import { loadLessonQuiz } from '../../src/quiz/lessonQuiz.ts';
import { useExhibition } from '../../src/store/store.ts';
import { domRootPerTest } from '../support/domRoot.ts';
import { type FakeSocket, fakeFollowClient } from '../support/fakeLiveSocket.ts';
import { liveContest, liveSnapshot, liveWelcome, liveYou, participantContest } from '../support/liveFixtures.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { quizExhibition } from '../support/quizzes.ts';

// The build's quiz.json, as the phone would load it: the test quiz, and no other.
vi.mock('../../src/quiz/lessonQuiz.ts', async () => {
  const { TEST_QUIZ } = await import('../support/quizzes.ts');
  return {
    loadLessonQuiz: vi.fn(async (_exhibition: unknown, _base: string, quizId: string) =>
      quizId === TEST_QUIZ.id ? TEST_QUIZ : null,
    ),
  };
});

const dom = domRootPerTest(() => {
  useExhibition.setState({ lang: 'zh' });
  vi.useRealTimers();
});

beforeEach(() => {
  // The phone's clock and the server's agree here (serverTime 1 000 at phone time 1 000): 19 s left.
  vi.useFakeTimers({ now: 1_000 });
  useExhibition.getState().contentLoaded(quizExhibition(), []);
});

// jsdom lays nothing out: the page has no scrollTo to start each new screen at its top.
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => {};

function welcomeWith(
  contest: Partial<LiveContestView> = {},
  own: Partial<ParticipantContest> = {},
  snapshot: Partial<LiveSnapshot> = {},
): ParticipantWelcome {
  const shown = liveContest(contest);
  return {
    ...liveWelcome({ serverTime: 1_000, contest: shown, ...snapshot }),
    you: liveYou(participantContest({ questionId: shown.questionId, ...own })),
  };
}

/** The follower page joined to a lesson whose contest shows as given; the quiz loaded. */
async function show(welcome: ParticipantWelcome) {
  const { client, sockets } = fakeFollowClient('123456', new MemoryStorage());
  client.join('');
  const socket = sockets[0] as FakeSocket;
  await act(async () => {
    dom.root.render(<FollowView client={client} viewChoice={createFollowViewChoice(null, false)} />);
    socket.receive('live:welcome', welcome);
  });
  // The quiz's content arrives (a resolved promise, then React's render).
  await act(() => vi.advanceTimersByTimeAsync(0));
  return { client, socket };
}

const contest = () => dom.container.querySelector<HTMLElement>('[data-testid="follow-contest"]');
const options = () => [...dom.container.querySelectorAll<HTMLButtonElement>('button[data-option]')];
const option = (id: string) => dom.container.querySelector<HTMLButtonElement>(`button[data-option="${id}"]`);
const byTestId = (id: string) => dom.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const announcement = () => contest()?.querySelector('[role="status"][aria-live="polite"]')?.textContent;
const answers = (socket: FakeSocket) => socket.emitted.filter((emitted) => emitted.event === 'live:answer');
/** Lets time pass in tenths of a second, so React renders (and sets the countdown's next timer) as it goes. */
async function elapse(ms: number) {
  let left = ms;
  do {
    const step = Math.min(100, left);
    await act(() => vi.advanceTimersByTimeAsync(step));
    left -= step;
  } while (left > 0);
}
const tap = (element: Element | null) =>
  act(() => {
    element?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });

/** The declarations of a rule in follow.css, by its selector exactly. */
function cssRule(selector: string): string {
  const css = readFileSync(resolve(import.meta.dirname, '../../src/modes/follow/ui/follow.css'), 'utf8');
  const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)];
  const found = rules.find(([, selectors]) => selectors?.split(',').some((one) => one.trim() === selector));
  return found?.[2] ?? '';
}

describe('the phone’s contest question', () => {
  it('is a section named by its heading, over everything else, with the follow bar kept', async () => {
    await show(welcomeWith({}, {}, { blank: 'black' }));
    const section = contest();
    expect(section?.tagName).toBe('SECTION');
    expect(section?.dataset.phase).toBe('question');
    expect(dom.container.querySelector('[data-follow-screen]')?.getAttribute('data-follow-screen')).toBe('contest');
    const heading = document.getElementById(section?.getAttribute('aria-labelledby') ?? '');
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('知识竞赛 · 第 1 题 / 3');
    expect(section?.textContent).toContain('单选');
    expect(section?.textContent).toContain('中国共产党成立于哪一年？');
    expect(byTestId('follow-contest-countdown')?.dataset.secondsLeft).toBe('19');
    expect(byTestId('follow-contest-countdown')?.textContent).toBe('还剩 19 秒');
    expect(dom.container.querySelector('header.follow-bar')?.textContent).toContain('小红');
    // The projector is blanked, yet the phone answers rather than saying 请看大屏幕.
    expect(dom.container.querySelector('.follow-look')).toBeNull();
  });

  it('shows each option as a large full-width button, lettered as on the projector', async () => {
    await show(welcomeWith());
    expect(options().map((button) => button.textContent)).toEqual(['A1919年', 'B1921年', 'C1927年']);
    for (const button of options()) expect(button.className).toContain('follow-contest__option');
    const rule = cssRule('.follow-contest__option');
    expect(rule).toMatch(/min-height:\s*56px/);
    expect(rule).toMatch(/width:\s*100%/);
    expect(cssRule('.follow-contest__submit')).toMatch(/min-height:\s*56px/);
  });

  it('answers a single with one tap, sends it once, and says it was taken', async () => {
    const { socket } = await show(welcomeWith());
    await tap(option('b'));
    expect(answers(socket)).toEqual([{ event: 'live:answer', payload: { questionId: 'founding-year', optionIds: ['b'] } }]);
    expect(byTestId('follow-contest-state')?.textContent).toBe('正在提交…');
    // Tapping again (the same or another option) sends nothing more.
    await tap(option('c'));
    expect(answers(socket)).toHaveLength(1);
    for (const button of options()) expect(button.getAttribute('aria-disabled')).toBe('true');
    await act(async () => socket.reply('live:answer', { ok: true, you: liveYou(participantContest({ answer: ['b'] })) }));
    expect(byTestId('follow-contest-state')?.textContent).toBe('已提交，等待揭晓');
    expect(option('b')?.dataset.chosen).toBe('true');
    expect(option('b')?.textContent).toContain('你的选择');
    expect(option('a')?.dataset.chosen).toBeUndefined();
    expect(announcement()).toBe('已提交，等待揭晓');
  });

  it('picks a multiple’s options with taps (aria-pressed) and sends them only at 提交', async () => {
    const { socket } = await show(welcomeWith({ questionId: 'brigade-work', questionIndex: 1 }));
    expect(contest()?.textContent).toContain('多选');
    const submit = () => byTestId('follow-contest-submit');
    expect(submit()?.textContent).toBe('提交');
    expect(submit()?.getAttribute('aria-disabled')).toBe('true');
    await tap(submit());
    expect(answers(socket)).toHaveLength(0);
    await tap(option('c'));
    await tap(option('a'));
    await tap(option('b'));
    await tap(option('b'));
    expect(options().map((button) => button.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'true']);
    expect(answers(socket)).toHaveLength(0);
    expect(submit()?.getAttribute('aria-disabled')).toBe('false');
    await tap(submit());
    // In the options' order, whatever order they were tapped in.
    expect(answers(socket)).toEqual([{ event: 'live:answer', payload: { questionId: 'brigade-work', optionIds: ['a', 'c'] } }]);
  });

  it('shows a late joiner the question without buttons, and why', async () => {
    await show(welcomeWith({}, { eligible: false }));
    expect(options()).toHaveLength(0);
    expect(byTestId('follow-contest-not-eligible')?.textContent).toBe('本题开始后加入，下一题起参加');
    expect(contest()?.textContent).toContain('中国共产党成立于哪一年？');
  });

  it('stops the buttons at time-up on the server’s clock, and says so', async () => {
    // The phone's clock runs 30 s behind the server's: the deadline is still 19 s away.
    const { socket } = await show(welcomeWith({}, {}, { serverTime: 31_000, contest: liveContest({ deadline: 50_000 }) }));
    expect(byTestId('follow-contest-countdown')?.dataset.secondsLeft).toBe('19');
    await elapse(18_000);
    expect(byTestId('follow-contest-countdown')?.dataset.secondsLeft).toBe('1');
    expect(announcement()).toBe('');
    await elapse(1_000);
    expect(byTestId('follow-contest-countdown')?.textContent).toBe('时间到');
    expect(announcement()).toBe('时间到');
    expect(byTestId('follow-contest-state')?.textContent).toBe('时间到，等待揭晓答案');
    for (const button of options()) expect(button.getAttribute('aria-disabled')).toBe('true');
    await tap(option('b'));
    expect(answers(socket)).toHaveLength(0);
  });

  it('says in words why an answer did not count', async () => {
    const { socket } = await show(welcomeWith());
    await tap(option('a'));
    await act(async () => socket.reply('live:answer', { ok: false, error: 'too-late' }));
    expect(byTestId('follow-contest-state')?.textContent).toBe('时间到，未能提交');
    expect(socket.emitted.at(-1)?.event).toBe('live:sync');
  });

  it('shows staff text as text, never as markup', async () => {
    await show(welcomeWith({ questionId: 'oath-judge', questionIndex: 2 }));
    expect(contest()?.textContent).toContain('<b>入党誓词</b>共有八十字。');
    expect(contest()?.querySelector('b')).toBeNull();
    expect(contest()?.textContent).toContain('判断');
    expect(options().map((button) => button.textContent)).toEqual(['A正确', 'B错误']);
  });
});

describe('the phone after the reveal', () => {
  const revealed: Partial<LiveContestView> = { phase: 'revealed', answer: ['b'] };

  it('says a right answer in words with its points, marks the correct option, explains, and gives the place', async () => {
    await show(welcomeWith(revealed, { answer: ['b'], correct: true, questionPoints: 850, points: 850, rank: 2, of: 5 }));
    const result = byTestId('follow-contest-result');
    expect(result?.textContent).toBe('✓ 回答正确 +850 分');
    expect(result?.dataset.correct).toBe('true');
    const correct = dom.container.querySelector<HTMLElement>('li[data-option="b"]');
    expect(correct?.dataset.correct).toBe('true');
    expect(correct?.textContent).toContain('✓ 正确答案');
    expect(correct?.textContent).toContain('你的选择');
    expect(dom.container.querySelector<HTMLElement>('li[data-option="a"]')?.dataset.correct).toBe('false');
    expect(contest()?.textContent).toContain('1921年7月，中共一大召开。');
    expect(byTestId('follow-contest-so-far')?.textContent).toBe('总分 850 分 · 第 2 名 / 共 5 人');
    expect(options()).toHaveLength(0);
  });

  it('says a wrong answer in words, with the phone’s own choice marked beside the correct one', async () => {
    await show(welcomeWith(revealed, { answer: ['a'], correct: false, questionPoints: 0, points: 0, rank: 4, of: 5 }));
    const result = byTestId('follow-contest-result');
    expect(result?.textContent).toBe('× 回答错误');
    expect(result?.dataset.correct).toBe('false');
    expect(dom.container.querySelector('li[data-option="a"]')?.textContent).toContain('你的选择');
    expect(dom.container.querySelector('li[data-option="a"]')?.textContent).not.toContain('正确答案');
    expect(byTestId('follow-contest-so-far')?.textContent).toContain('第 4 名 / 共 5 人');
  });

  it('announces the result as the reveal arrives', async () => {
    const { socket } = await show(welcomeWith());
    expect(announcement()).toBe('');
    await act(async () => {
      // As the server does: each phone's own result, then the snapshot.
      socket.receive('live:you', liveYou(participantContest({ correct: false, questionPoints: 0 })));
      socket.receive('live:snapshot', liveSnapshot({ seq: 11, serverTime: 2_000, contest: liveContest(revealed) }));
    });
    expect(byTestId('follow-contest-result')?.textContent).toBe('未作答');
    expect(byTestId('follow-contest-result')?.dataset.result).toBe('none');
    expect(announcement()).toBe('未作答');
  });

  it('shows the place, big, while the projector shows the leaderboard', async () => {
    await show(welcomeWith({ phase: 'leaderboard', answer: ['b'] }, { points: 1700, rank: 3, of: 12 }));
    const standing = byTestId('follow-contest-standing');
    expect(standing?.dataset.rank).toBe('3');
    expect(standing?.querySelector('.follow-contest__rank')?.textContent).toBe('第 3 名');
    expect(standing?.textContent).toContain('共 12 人');
    expect(standing?.textContent).toContain('总分 1700 分');
    expect(standing?.textContent).toContain('请看大屏幕的排行榜');
  });

  it('crowns the first three on the podium, and thanks everyone', async () => {
    await show(welcomeWith({ phase: 'podium' }, { points: 2400, rank: 1, of: 12 }));
    expect(document.getElementById(contest()?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('知识竞赛 · 最终排名');
    expect(byTestId('follow-contest-standing')?.textContent).toContain('恭喜你获得冠军！');
    expect(byTestId('follow-contest-standing')?.textContent).toContain('感谢你的参与！');
  });

  it('gives no medal below the third place', async () => {
    await show(welcomeWith({ phase: 'podium' }, { points: 300, rank: 7, of: 12 }));
    const standing = byTestId('follow-contest-standing');
    expect(standing?.dataset.medal).toBeUndefined();
    expect(standing?.textContent).not.toMatch(/冠军|亚军|季军/);
    expect(standing?.textContent).toContain('第 7 名');
  });
});

describe('the phone’s contest in English, and without its quiz', () => {
  it('follows the page’s language', async () => {
    useExhibition.setState({ lang: 'en' });
    await show(welcomeWith());
    expect(document.getElementById(contest()?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Quiz contest · question 1 of 3',
    );
    expect(contest()?.textContent).toContain('Choose one');
    expect(contest()?.textContent).toContain('In which year was the Party founded?');
    expect(options().map((button) => button.textContent)).toEqual(['A1919', 'B1921', 'C1927']);
    expect(byTestId('follow-contest-countdown')?.textContent).toBe('19 s left');
  });

  it('says an English result and place after the reveal', async () => {
    useExhibition.setState({ lang: 'en' });
    await show(
      welcomeWith(
        { phase: 'revealed', answer: ['b'] },
        { answer: ['b'], correct: true, questionPoints: 900, points: 900, rank: 1, of: 3 },
      ),
    );
    expect(byTestId('follow-contest-result')?.textContent).toBe('✓ Correct, +900 points');
    expect(byTestId('follow-contest-so-far')?.textContent).toBe('900 points in all · Place 1 of 3');
  });

  it('says so when the phone’s build has no such quiz, and shows no options', async () => {
    await show(welcomeWith({ quizId: 'gone-quiz' }));
    expect(byTestId('follow-contest-missing')?.textContent).toContain('没有这道竞赛题');
    expect(options()).toHaveLength(0);
    expect(contest()?.dataset.phase).toBe('question');
  });

  it('says the questions are loading until they come', async () => {
    vi.mocked(loadLessonQuiz).mockImplementationOnce(() => new Promise(() => {}));
    const { client, sockets } = fakeFollowClient('123456', new MemoryStorage());
    client.join('');
    await act(async () => {
      dom.root.render(<FollowView client={client} viewChoice={createFollowViewChoice(null, false)} />);
      sockets[0]?.receive('live:welcome', welcomeWith());
    });
    expect(contest()?.querySelector('[role="status"]:not([aria-live])')?.textContent).toBe('正在载入竞赛题目…');
  });
});
