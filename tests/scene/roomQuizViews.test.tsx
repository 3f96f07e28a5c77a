// @vitest-environment jsdom
/**
 * The room quiz's slides on the projector and in the presenter view, rendered in jsdom against a
 * real session: the title slide, a question named "第 N 题" with its options A–D in authored
 * order and its countdown, the reveal (the correct option marked, the explanation, the live
 * region), the last call, pause and time-up with fake timers, the closing slide and the end
 * slide after it; the presenter view showing the answer before the room sees it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { presentRuntime } from '../../src/modes/present/presentMode.ts';
import { createPresentSession, type PresentCommand, type PresentSession } from '../../src/modes/present/presentSession.ts';
import type { PresentSnapshot } from '../../src/modes/present/presentSync.ts';
import { type RoomQuizState, roomQuizReducer, startRoomQuiz } from '../../src/modes/present/roomQuiz.ts';
import { PresenterView } from '../../src/modes/present/ui/PresenterView.tsx';
import { ProjectorView } from '../../src/modes/present/ui/ProjectorView.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { domRootPerTest } from '../support/domRoot.ts';
import { LESSON, makeExhibition, QUIZZED, ROOM_QUIZ } from '../unit/presentFixtures.ts';

const exhibition = makeExhibition([LESSON, QUIZZED]);

let session: PresentSession | null = null;
const dom = domRootPerTest(() => {
  session?.dispose();
  session = null;
  presentRuntime.setState({ session: null, remote: null, follower: null, remoteStatus: 'connecting' });
  useExhibition.setState({ lang: 'zh', openPanelId: null, focusPanelId: null });
  vi.useRealTimers();
});

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  useExhibition.getState().contentLoaded(exhibition, []);
});

function project() {
  session = createPresentSession({
    exhibition: useExhibition,
    tourId: 'quizzed',
    motion: 'cut',
    loadQuiz: async () => ROOM_QUIZ,
  });
  presentRuntime.setState({ session });
  act(() => dom.root.render(<ProjectorView hasScene />));
  return session;
}
const run = (...commands: PresentCommand[]) =>
  act(() => {
    for (const command of commands) session?.run(command);
  });
/** Lets time pass in tenths of a second, so React renders (and sets the countdown's next timer) as it goes. */
async function elapse(ms: number) {
  let left = ms;
  do {
    const step = Math.min(100, left);
    await act(() => vi.advanceTimersByTimeAsync(step));
    left -= step;
  } while (left > 0);
}
const slide = () => dom.container.querySelector<HTMLDialogElement>('[data-testid="room-quiz"]');
const nameOf = (element: Element | null | undefined) =>
  document.getElementById(element?.getAttribute('aria-labelledby') ?? '')?.textContent ?? null;
const announcement = () => slide()?.querySelector('[role="status"][aria-live="polite"]')?.textContent;
const options = () =>
  [...(slide()?.querySelectorAll<HTMLLIElement>('.room-quiz__option') ?? [])].map((li) => ({
    text: li.textContent,
    correct: li.dataset.correct ?? null,
  }));
const secondsLeft = () => slide()?.querySelector<HTMLElement>('[data-testid="room-quiz-countdown"]')?.dataset.secondsLeft;

describe("the projector's room quiz", () => {
  it('opens on its title slide over the stop, a dialog named by the quiz', async () => {
    project();
    run('quiz');
    expect(slide()?.dataset.phase).toBe('loading');
    await elapse(0);
    expect(slide()?.open).toBe(true);
    expect(slide()?.dataset.phase).toBe('title');
    expect(nameOf(slide())).toBe('课堂问答');
    expect(slide()?.textContent).toContain('共 3 题');
    expect(slide()?.textContent).toContain('翻页笔：开始答题');
    // The stop beneath is out of a screen reader's way.
    expect(dom.container.querySelector('dialog.projector')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('puts a question in large type with options A–D in authored order, then reveals its answer and explanation', async () => {
    project();
    run('quiz');
    await elapse(0);
    run('next');
    expect(slide()).toMatchObject({ dataset: { phase: 'answering', question: '1', questions: '3' } });
    expect(nameOf(slide())).toBe('第 1 题');
    const prompt = document.getElementById(slide()?.getAttribute('aria-describedby') ?? '');
    expect(prompt?.textContent).toBe('中共一大在哪一年召开？');
    expect(prompt?.className).toBe('room-quiz__prompt');
    expect(slide()?.querySelector('.room-quiz__kind')?.textContent).toBe('单选题');
    expect(options()).toEqual([
      { text: 'A1919', correct: null },
      { text: 'B1921', correct: null },
      { text: 'C1927', correct: null },
      { text: 'D1949', correct: null },
    ]);
    expect(secondsLeft()).toBe('20');
    expect(slide()?.querySelector('.room-quiz__explanation')).toBeNull();
    expect(announcement()).toBe('');
    expect(slide()?.querySelector('.room-quiz__hint')?.textContent).toBe('翻页笔：揭晓答案');

    run('next');
    expect(slide()?.dataset.phase).toBe('revealed');
    expect(options()).toEqual([
      { text: 'A1919', correct: 'false' },
      { text: 'B1921✓ 正确答案', correct: 'true' },
      { text: 'C1927', correct: 'false' },
      { text: 'D1949', correct: 'false' },
    ]);
    expect(slide()?.querySelector('[data-testid="room-quiz-explanation"]')?.textContent).toBe(
      '1921年7月23日，中共一大在上海开幕。',
    );
    expect(slide()?.querySelector('[data-testid="room-quiz-countdown"]')).toBeNull();
    expect(announcement()).toBe('正确答案：B 1921。1921年7月23日，中共一大在上海开幕。');
    expect(slide()?.dataset.timeUp).toBeUndefined();

    // On to question 2: a multiple choice with every correct option marked.
    run('next', 'next');
    expect(nameOf(slide())).toBe('第 2 题');
    expect(slide()?.querySelector('[data-testid="room-quiz-countdown"]')).toBeNull(); // untimed
    expect(options().map((option) => option.correct)).toEqual(['true', 'false', 'true']);
    expect(announcement()).toBe('正确答案：A 甲、C 丙。甲和丙都在展板上。');
  });

  it('counts down, calls the last ten seconds, pauses with P, and reveals at time-up', async () => {
    project();
    run('quiz');
    await elapse(0);
    run('next');
    await elapse(4_000);
    expect(secondsLeft()).toBe('16');
    expect(announcement()).toBe('');
    await elapse(6_000);
    expect(secondsLeft()).toBe('10');
    expect(announcement()).toBe('还剩 10 秒');
    await elapse(3_000);
    expect(announcement()).toBe('还剩 10 秒'); // said once, not every second
    run('pause');
    expect(slide()?.querySelector('.room-quiz__paused')?.textContent).toBe('‖ 倒计时已暂停（P 继续）');
    expect(announcement()).toBe('‖ 倒计时已暂停（P 继续）');
    await elapse(60_000);
    expect(secondsLeft()).toBe('7');
    run('pause');
    await elapse(7_000);
    expect(slide()?.dataset).toMatchObject({ phase: 'revealed', timeUp: 'true' });
    expect(slide()?.querySelector('.room-quiz__time-up')?.textContent).toBe('时间到');
    expect(announcement()).toBe('时间到。正确答案：B 1921。1921年7月23日，中共一大在上海开幕。');
  });

  it('ends on its closing slide, then the end slide; back goes to the closing slide and the last answer', async () => {
    project();
    run('quiz');
    await elapse(0);
    run('next', 'next', 'next', 'next', 'next', 'next', 'next');
    expect(slide()?.dataset.phase).toBe('finished');
    expect(nameOf(slide())).toBe('问答结束');
    expect(slide()?.textContent).toContain('感谢大家的参与');
    run('next');
    expect(slide()).toBeNull();
    const end = dom.container.querySelector('[data-testid="present-end"]');
    expect(end?.classList.contains('projector-end--shown')).toBe(true);
    run('previous');
    expect(nameOf(slide())).toBe('问答结束');
    run('previous');
    expect(nameOf(slide())).toBe('第 3 题');
    expect(slide()?.dataset.phase).toBe('revealed');
  });

  it('speaks English too', async () => {
    project();
    act(() => useExhibition.getState().setLang('en'));
    run('quiz');
    await elapse(0);
    expect(nameOf(slide())).toBe('Room quiz');
    run('next');
    expect(nameOf(slide())).toBe('Question 1');
    expect(slide()?.getAttribute('lang')).toBe('en');
    run('next');
    expect(announcement()).toBe('Answer: B 1921. The First Congress opened in Shanghai on 23 July 1921.');
  });

  it('has a Q button in the control bar for a lesson with a quiz', async () => {
    project();
    const button = [...dom.container.querySelectorAll<HTMLButtonElement>('.present-controls button')].find((candidate) =>
      candidate.textContent?.startsWith('Q'),
    );
    expect(button?.textContent).toBe('Q · 知识问答');
    act(() => button?.click());
    await elapse(0);
    expect(slide()?.dataset.phase).toBe('title');
    expect(button?.getAttribute('aria-pressed')).toBe('true');
  });

  it('without motion: no countdown ring, no fade, no transitions (present.css)', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../src/modes/present/ui/present.css'), 'utf8');
    const reduced = css.slice(css.indexOf('@media (prefers-reduced-motion: reduce)'));
    expect(reduced).toMatch(/\.room-quiz__ring \{\s*display: none;/);
    expect(reduced).toMatch(/\.room-quiz \{\s*animation: none;/);
    expect(reduced).toMatch(/\.room-quiz__option \{\s*transition: none;|\.room-quiz__option,?\s*\{[^}]*transition: none/);
  });
});

describe("the presenter's room quiz", () => {
  const snapshot = (quizRun: RoomQuizState, overrides: Partial<PresentSnapshot> = {}): PresentSnapshot => ({
    ready: true,
    tourId: 'quizzed',
    unknownTourId: null,
    index: 1,
    count: 2,
    blank: 'none',
    paused: false,
    motion: 'cut',
    arrived: true,
    leaving: false,
    ended: false,
    startedAt: 0,
    stopStartedAt: 0,
    advanceAt: null,
    advanceLeft: null,
    page: 1,
    pages: 1,
    quizId: 'room',
    quiz: { status: 'ready', quizId: 'room', run: quizRun },
    lang: 'zh',
    ...overrides,
  });
  const asked = roomQuizReducer(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 0 });
  const now = () => dom.container.querySelector('[data-testid="presenter-quiz"]');

  it('shows the answer and the explanation while the room is still answering, and the countdown', () => {
    const follower = { send: vi.fn(), goTo: vi.fn(), room: vi.fn(), dispose: vi.fn() };
    vi.setSystemTime(5_000);
    presentRuntime.setState({ remote: snapshot(asked), remoteStatus: 'connected', follower });
    act(() => dom.root.render(<PresenterView />));
    expect(now()?.getAttribute('aria-label')).toBe('当前');
    expect(now()?.querySelector('h2')?.textContent).toBe('第 1 题');
    expect(now()?.querySelector('.presenter-quiz__room')?.textContent).toBe('投影：答题中，答案尚未揭晓');
    const marked = [...(now()?.querySelectorAll<HTMLLIElement>('.presenter-quiz__option') ?? [])].map(
      (li) => `${li.dataset.option}:${li.dataset.correct}`,
    );
    expect(marked).toEqual(['a:false', 'b:true', 'c:false', 'd:false']);
    expect(now()?.querySelector('[data-testid="presenter-quiz-explanation"]')?.textContent).toBe(
      '1921年7月23日，中共一大在上海开幕。',
    );
    expect(dom.container.querySelector('[data-testid="presenter-quiz-countdown"]')?.textContent).toBe('0:15');
    expect(dom.container.querySelector('.presenter__position')?.textContent).toBe('知识问答 · 第 1 / 3 题');
    expect(dom.container.querySelector('[aria-label="下一站"]')?.textContent).toContain('展板 a2 上写的');

    const quizButton = [...dom.container.querySelectorAll<HTMLButtonElement>('.presenter__buttons button')].find((button) =>
      button.textContent?.startsWith('Q'),
    );
    expect(quizButton?.textContent).toBe('Q · 回到讲解');
    act(() => quizButton?.click());
    expect(follower.send).toHaveBeenCalledWith('quiz');
    // P there pauses the question's countdown.
    const pauseButton = [...dom.container.querySelectorAll<HTMLButtonElement>('.presenter__buttons button')].find((button) =>
      button.textContent?.startsWith('P'),
    );
    expect(pauseButton?.textContent).toBe('P · 暂停倒计时');
    act(() => pauseButton?.click());
    expect(follower.send).toHaveBeenLastCalledWith('pause');
  });

  it('says when the room sees the answer, and when the countdown is paused or ran out', () => {
    const paused = roomQuizReducer(asked, { type: 'pause', now: 2_000 });
    presentRuntime.setState({ remote: snapshot(paused), remoteStatus: 'connected' });
    act(() => dom.root.render(<PresenterView />));
    expect(dom.container.querySelector('[data-testid="presenter-quiz-countdown"]')?.textContent).toBe('‖ 倒计时已暂停（P 继续）');
    const timedOut = roomQuizReducer(asked, { type: 'tick', now: 20_000 });
    act(() => presentRuntime.setState({ remote: snapshot(timedOut) }));
    expect(now()?.querySelector('.presenter-quiz__room')?.textContent).toBe('投影：已揭晓答案');
    expect(dom.container.querySelector('[data-testid="presenter-quiz-countdown"]')?.textContent).toBe('时间到');
  });

  it('offers the quiz at the last stop of a lesson that names one', () => {
    presentRuntime.setState({ remote: snapshot(asked, { quiz: null }), remoteStatus: 'connected' });
    act(() => dom.root.render(<PresenterView />));
    expect(dom.container.querySelector('[aria-label="下一站"]')?.textContent).toContain('再按下一站，投影显示知识问答。');
    const quizButton = [...dom.container.querySelectorAll<HTMLButtonElement>('.presenter__buttons button')].find((button) =>
      button.textContent?.startsWith('Q'),
    );
    expect(quizButton?.textContent).toBe('Q · 知识问答');
  });
});
