// @vitest-environment jsdom
/**
 * The quiz screens (src/ui/quiz/) with the app's store: a dialog named by the quiz's title; one
 * question at a time, radios in a radiogroup or checkboxes, the focus on each new question's
 * heading; submitting announces the verdict and the explanation and offers 去看展板, whose card
 * stands in for the quiz and, once closed, hands back the same question; the score `N / M` at the
 * end, 再来一次 in a new order; the result card's name, image and print where the mode allows them
 * (not on the kiosk); staff-written text as text.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuizQuestion } from '../../src/content/quizSchema.ts';
import { KIOSK_CAPABILITIES } from '../../src/modes/kiosk/capabilities.ts';
import { VISITOR_CAPABILITIES } from '../../src/modes/visitor/capabilities.ts';
import { currentQuestion } from '../../src/quiz/attempt.ts';
import { useExhibition } from '../../src/store/store.ts';
import { NoticeBanner } from '../../src/ui/Overlays.tsx';
import { PanelCard } from '../../src/ui/PanelCard.tsx';
import QuizScreen from '../../src/ui/quiz/QuizScreen.tsx';
import { domRootPerTest } from '../support/domRoot.ts';
import { OTHER_QUIZ, quizExhibition, TEST_QUIZ } from '../support/quizzes.ts';

const dom = domRootPerTest(() => {
  act(() => {
    useExhibition.getState().closePanel();
    useExhibition.getState().resetQuiz();
    useExhibition.getState().dismissNotice();
    useExhibition.setState({ capabilities: VISITOR_CAPABILITIES });
  });
  for (const leftover of document.querySelectorAll('.quiz-print')) leftover.remove();
  vi.restoreAllMocks();
});

beforeEach(() => {
  // jsdom draws no dialogs: showModal/close only toggle `open`, as the real ones do.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
  act(() => {
    useExhibition.getState().contentLoaded(quizExhibition(), []);
    useExhibition.getState().quizzesLoaded([TEST_QUIZ, OTHER_QUIZ], []);
    useExhibition.setState({ lang: 'zh', capabilities: VISITOR_CAPABILITIES });
  });
});

const dialog = () => dom.container.querySelector('dialog.quiz') as HTMLDialogElement;
const dialogName = () => document.getElementById(dialog().getAttribute('aria-labelledby') ?? '')?.textContent;
const button = (name: string) =>
  [...dom.container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name) as
    | HTMLButtonElement
    | undefined;
const link = (text: string) =>
  [...dom.container.querySelectorAll('a')].find((candidate) => candidate.textContent?.startsWith(text)) as
    | HTMLAnchorElement
    | undefined;
const question = (): QuizQuestion => {
  const attempt = useExhibition.getState().quizAttempt;
  const found = attempt ? currentQuestion(attempt) : undefined;
  if (!found) throw new Error('no question on screen');
  return found;
};
const optionInput = (optionId: string) => dom.container.querySelector(`input[value="${optionId}"]`) as HTMLInputElement;
const feedback = () => dom.container.querySelector('[aria-live="polite"]') as HTMLElement;
const click = (element: HTMLElement | undefined) => {
  if (!element) throw new Error('nothing to click');
  act(() => element.click());
};

/** Chooses the current question's answer (or a wrong option) and submits it. */
function answer(correctly: boolean) {
  const current = question();
  const picks = correctly
    ? current.answer
    : [current.options.find((option) => !current.answer.includes(option.id))?.id as string];
  for (const id of picks) click(optionInput(id));
  click(button('提交答案'));
}

function openQuiz(seed = 1) {
  act(() => dom.root.render(<QuizScreen />));
  act(() => useExhibition.getState().openQuiz('test-quiz', seed));
}

describe('the list of quizzes', () => {
  it('is a dialog named 知识问答 with a link to each quiz, which opens it', () => {
    act(() => useExhibition.getState().openQuizList());
    act(() => dom.root.render(<QuizScreen />));
    expect(dialog().open).toBe(true);
    expect(dialogName()).toBe('知识问答');
    const first = link('测试问答');
    expect(first?.getAttribute('href')).toBe('#/quiz/test-quiz');
    expect(first?.textContent).toContain('3 道题');
    expect(link('另一套问答')?.getAttribute('href')).toBe('#/quiz/other-quiz');
    click(first);
    expect(useExhibition.getState()).toMatchObject({ quizScreen: 'quiz', openQuizId: 'test-quiz' });
    expect(dialogName()).toBe('测试问答');
  });
});

describe('a quiz, one question at a time', () => {
  it('shows the question as a heading with the focus, its options as radios or checkboxes of one group', () => {
    openQuiz();
    expect(dialog().open).toBe(true);
    expect(dialogName()).toBe('测试问答');
    const current = question();
    const heading = dom.container.querySelector('h3') as HTMLHeadingElement;
    expect(heading.textContent).toContain('第 1 题，共 3 题');
    expect(heading.textContent).toContain(current.prompt instanceof Object ? current.prompt.zh : current.prompt);
    expect(document.activeElement).toBe(heading);
    const group = dom.container.querySelector(current.kind === 'multiple' ? 'fieldset' : '[role="radiogroup"]') as HTMLElement;
    expect(group).not.toBeNull();
    const inputs = [...group.querySelectorAll('input')];
    expect(inputs.map((input) => input.type)).toEqual(
      current.options.map(() => (current.kind === 'multiple' ? 'checkbox' : 'radio')),
    );
    expect(inputs.map((input) => input.closest('label')?.textContent?.trim())).toEqual(
      current.options.map((option) => (typeof option.text === 'string' ? option.text : option.text.zh)),
    );
    // Nothing chosen, nothing to submit.
    expect(button('提交答案')?.disabled).toBe(true);
  });

  it('choosing and submitting announces the verdict and the explanation, and offers 去看展板', () => {
    openQuiz();
    expect(feedback().textContent).toBe('');
    const current = question();
    answer(true);
    expect(useExhibition.getState().quizAttempt?.phase).toBe('feedback');
    expect(feedback().textContent).toContain('回答正确！');
    const explanation = typeof current.explanation === 'string' ? current.explanation : current.explanation.zh;
    expect(feedback().textContent).toContain(explanation);
    const board = link('去看展板');
    expect(board?.getAttribute('href')).toBe(`#/panel/${current.panel}`);
    // The options are marked, and the one button now goes on.
    expect(dom.container.querySelector('.quiz-option--right')?.textContent).toContain('正确答案');
    expect(button('下一题')).toBeDefined();
    expect(document.activeElement).toBe(button('下一题'));
  });

  it('a wrong answer says so and gives the right one', () => {
    openQuiz();
    const current = question();
    answer(false);
    expect(feedback().textContent).toContain('回答错误。');
    const right = current.options.filter((option) => current.answer.includes(option.id));
    for (const option of right)
      expect(feedback().textContent).toContain(typeof option.text === 'string' ? option.text : option.text.zh);
    expect(dom.container.querySelector('.quiz-option--wrong')?.textContent).toContain('你的选择');
  });

  it('去看展板 opens the card in its place; closing the card brings back the same question, marked, the focus on the link', () => {
    openQuiz();
    const current = question();
    answer(false);
    // As a keyboard user does: the link has the focus, Enter follows it.
    link('去看展板')?.focus();
    click(link('去看展板'));
    expect(useExhibition.getState().openPanelId).toBe(current.panel);
    expect(dialog().open).toBe(false);
    act(() => useExhibition.getState().closePanel());
    expect(dialog().open).toBe(true);
    expect(question().id).toBe(current.id);
    expect(useExhibition.getState().quizAttempt?.phase).toBe('feedback');
    expect(feedback().textContent).toContain('回答错误。');
    expect(document.activeElement).toBe(link('去看展板'));
  });

  it("the board's card says 返回问答, which closes it back to the question", () => {
    // jsdom lays nothing out: the card's body has no scrollTo to start a panel at its top.
    if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => {};
    act(() =>
      dom.root.render(
        <>
          <QuizScreen />
          <PanelCard />
        </>,
      ),
    );
    act(() => useExhibition.getState().openQuiz('test-quiz', 1));
    const current = question();
    answer(true);
    click(link('去看展板'));
    const card = dom.container.querySelector('dialog.panel-card') as HTMLDialogElement;
    expect(card.open).toBe(true);
    expect(dialog().open).toBe(false);
    click(button('返回问答'));
    expect(card.open).toBe(false);
    expect(dialog().open).toBe(true);
    expect(question().id).toBe(current.id);
    // A card opened any other way has no such button.
    act(() => useExhibition.getState().closeQuiz());
    act(() => useExhibition.getState().openPanel('brigade'));
    expect(button('返回问答')).toBeUndefined();
  });

  it('moves the focus to each new question heading, and ends with the score N / M', () => {
    openQuiz();
    answer(true);
    click(button('下一题'));
    const heading = dom.container.querySelector('h3') as HTMLHeadingElement;
    expect(heading.textContent).toContain('第 2 题，共 3 题');
    expect(document.activeElement).toBe(heading);
    expect(feedback().textContent).toBe('');
    answer(false);
    click(button('下一题'));
    answer(true);
    click(button('查看成绩'));
    expect(useExhibition.getState().quizAttempt?.phase).toBe('finished');
    expect(dom.container.querySelector('[data-testid="quiz-score"]')?.textContent).toBe('2 / 3');
    expect(dom.container.textContent).toContain('答对 2 题，共 3 题');
    expect(document.activeElement?.textContent).toBe('答题完成');
    // Each question again, with its verdict and board.
    const review = [...dom.container.querySelectorAll('.quiz-review')];
    expect(review).toHaveLength(3);
    expect(review.filter((item) => item.classList.contains('quiz-review--right'))).toHaveLength(2);
    expect(review.every((item) => item.querySelector('a')?.textContent?.startsWith('去看展板'))).toBe(true);
  });

  it('再来一次 starts again at the first question, shuffled anew', () => {
    openQuiz(1);
    const before = useExhibition.getState().quizAttempt;
    for (let index = 0; index < 3; index++) {
      answer(true);
      click(button(index < 2 ? '下一题' : '查看成绩'));
    }
    click(button('再来一次'));
    const after = useExhibition.getState().quizAttempt;
    expect(after).toMatchObject({ phase: 'answering', index: 0, answers: {} });
    expect(after?.seed).not.toBe(before?.seed);
    expect(dom.container.querySelector('h3')?.textContent).toContain('第 1 题，共 3 题');
    expect(document.activeElement).toBe(dom.container.querySelector('h3'));
  });

  it('renders staff-written text as text, never as markup', () => {
    openQuiz();
    // Walk to the true-false question, whose prompt holds a tag.
    while (question().id !== 'oath-judge') {
      answer(true);
      click(button('下一题'));
    }
    const prompt = dom.container.querySelector('.quiz-question__prompt') as HTMLElement;
    expect(prompt.textContent).toBe('<b>入党誓词</b>共有八十字。');
    expect(prompt.querySelector('b')).toBeNull();
  });

  it('speaks English to an English reader', () => {
    openQuiz();
    act(() => useExhibition.getState().setLang('en'));
    expect(dialogName()).toBe('Test quiz');
    expect(dom.container.querySelector('h3')?.textContent).toContain('Question 1 of 3');
    expect(button('Submit')).toBeDefined();
  });

  it('Esc (the dialog cancel) closes the quiz and keeps its attempt', () => {
    openQuiz();
    answer(true);
    act(() => {
      dialog().dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(useExhibition.getState().quizScreen).toBeNull();
    expect(useExhibition.getState().quizAttempt?.phase).toBe('feedback');
  });
});

function finish() {
  for (let index = 0; index < 3; index++) {
    answer(index !== 1);
    click(button(index < 2 ? '下一题' : '查看成绩'));
  }
}

describe('the result card', () => {
  it('for a visitor: an optional name, never pre-filled; save as an image; print the card alone', () => {
    openQuiz();
    finish();
    const name = dom.container.querySelector('input[type="text"]') as HTMLInputElement;
    expect(name.value).toBe('');
    expect(name.labels?.[0]?.textContent).toContain('姓名');
    expect(dom.container.querySelector('.quiz-card__name')).toBeNull();
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(name, '李明');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(dom.container.querySelector('.quiz-card__name')?.textContent).toBe('李明');
    expect(button('保存为图片')).toBeDefined();
    // The printed copy: the card alone, outside the app.
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    click(button('打印成绩卡'));
    expect(print).toHaveBeenCalledTimes(1);
    const printed = document.querySelector('body > .quiz-print') as HTMLElement;
    expect(printed.textContent).toContain('2 / 3');
    expect(printed.textContent).toContain('李明');
    expect(printed.querySelector('button')).toBeNull();
  });

  it('saves the card as a PNG drawn in the interface font, the name on it', async () => {
    openQuiz();
    finish();
    const name = dom.container.querySelector('input[type="text"]') as HTMLInputElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(name, '王芳');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const drawn: string[] = [];
    const fonts: string[] = [];
    const context = {
      font: '',
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 0,
      textAlign: 'left',
      textBaseline: 'alphabetic',
      scale: vi.fn(),
      fillRect: vi.fn(),
      strokeRect: vi.fn(),
      measureText: (text: string) => ({ width: text.length * 20 }),
      fillText(text: string) {
        drawn.push(text);
        fonts.push(this.font);
      },
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
    const png = new Blob(['png'], { type: 'image/png' });
    const toBlob = vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) => done(png));
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:card'), revokeObjectURL: vi.fn() });
    const downloads: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
      downloads.push({ href: this.href, download: this.download });
    });

    await act(async () => {
      button('保存为图片')?.click();
      await vi.waitFor(() => expect(downloads).toHaveLength(1));
    });
    expect(toBlob).toHaveBeenCalledWith(expect.any(Function), 'image/png');
    expect(downloads[0]?.href).toBe('blob:card');
    expect(downloads[0]?.download).toMatch(/^dangshi-quiz-test-quiz-\d{4}-\d{2}-\d{2}\.png$/);
    expect(drawn).toEqual(expect.arrayContaining(['党史长廊', '测试问答', '2 / 3', '答对 2 题，共 3 题', '王芳']));
    expect(fonts.every((font) => font.includes('"Exhibit Sans"'))).toBe(true);
    expect(dom.container.querySelector('[role="status"]')?.textContent).toContain('成绩卡已保存为图片');
  });

  it('on the kiosk (touch, no downloads): no name, no save, no print — only 再来一次 and the list', () => {
    act(() => useExhibition.setState({ capabilities: KIOSK_CAPABILITIES }));
    openQuiz();
    finish();
    expect(dom.container.querySelector('[data-testid="quiz-score"]')?.textContent).toBe('2 / 3');
    expect(dom.container.querySelector('input[type="text"]')).toBeNull();
    expect(button('保存为图片')).toBeUndefined();
    expect(button('打印成绩卡')).toBeUndefined();
    expect(document.querySelector('.quiz-print')).toBeNull();
    expect(button('再来一次')).toBeDefined();
    expect(button('返回问答列表')).toBeDefined();
  });
});

describe('an unknown quiz', () => {
  it('gets a notice like an unknown panel, whose button opens the list', () => {
    act(() =>
      dom.root.render(
        <>
          <NoticeBanner />
          <QuizScreen />
        </>,
      ),
    );
    act(() => useExhibition.getState().openQuiz('no-such-quiz'));
    const alert = dom.container.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('找不到知识问答“no-such-quiz”。');
    click(button('全部问答'));
    expect(useExhibition.getState()).toMatchObject({ quizScreen: 'list', notice: null });
  });
});
