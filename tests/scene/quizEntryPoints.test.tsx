// @vitest-environment jsdom
/**
 * The ways into the quizzes: the visitor's HUD button (知识问答), the directory's link and the
 * quiz link beside a lesson that names one (`tour.quiz`), the text twin's 知识问答 section (the file
 * fetched for it), and the kiosk's HUD button, which opens them through the store (no routes). A
 * mode that does not offer the quizzes shows none of these.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_CAPABILITIES } from '../../src/modes/kiosk/capabilities.ts';
import { KioskHud } from '../../src/modes/kiosk/ui/KioskHud.tsx';
import { PRESENT_CAPABILITIES } from '../../src/modes/present/capabilities.ts';
import { VISITOR_CAPABILITIES } from '../../src/modes/visitor/capabilities.ts';
import { useExhibition } from '../../src/store/store.ts';
import { Directory } from '../../src/ui/Directory.tsx';
import { Hud } from '../../src/ui/Overlays.tsx';
import { TwinQuizzes } from '../../src/ui/text/TwinQuizzes.tsx';
import { domRootPerTest } from '../support/domRoot.ts';
import { OTHER_QUIZ, quizExhibition, TEST_QUIZ } from '../support/quizzes.ts';

const dom = domRootPerTest(() => {
  act(() => {
    useExhibition.getState().resetQuiz();
    useExhibition.getState().setDirectoryOpen(false);
    useExhibition.setState({ capabilities: VISITOR_CAPABILITIES, quizStatus: 'idle', quizzes: [] });
  });
});

beforeEach(() => {
  act(() => {
    useExhibition.getState().contentLoaded(quizExhibition(), []);
    useExhibition.setState({ lang: 'zh', capabilities: VISITOR_CAPABILITIES });
  });
});

const buttonNamed = (name: string) =>
  [...dom.container.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(name));
const links = () => [...dom.container.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);

describe("the visitor's HUD", () => {
  it('has a 知识问答 button that opens the list of quizzes (and asks for their file)', () => {
    act(() => dom.root.render(<Hud />));
    const button = buttonNamed('知识问答');
    expect(button?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    act(() => button?.click());
    expect(useExhibition.getState()).toMatchObject({ quizScreen: 'list', quizStatus: 'loading' });
    expect(button?.getAttribute('aria-expanded')).toBe('true');
  });

  it('has none where the mode does not offer the quizzes', () => {
    act(() => useExhibition.setState({ capabilities: PRESENT_CAPABILITIES }));
    act(() => dom.root.render(<Hud />));
    expect(buttonNamed('知识问答')).toBeUndefined();
  });
});

describe('the directory', () => {
  it('links to the quizzes, and to the quiz of a lesson that names one, beside the lesson', () => {
    act(() => useExhibition.getState().setDirectoryOpen(true));
    act(() => dom.root.render(<Directory />));
    expect(links()).toContainEqual(['知识问答', '#/quiz']);
    const lesson = [...dom.container.querySelectorAll('.directory__present li')].find((item) =>
      item.textContent?.includes('新队员课'),
    );
    const quizLink = lesson?.querySelector('a.directory__lesson-quiz');
    expect(quizLink?.getAttribute('href')).toBe('#/quiz/test-quiz');
    // Its name says which lesson's quiz it is.
    expect(quizLink?.textContent).toBe('课后问答：新队员课');
    act(() => (quizLink as HTMLAnchorElement).click());
    expect(useExhibition.getState().directoryOpen).toBe(false);
  });
});

describe('the text twin', () => {
  it('lists every quiz as a link to #/quiz/<id> once their file is in', () => {
    act(() => useExhibition.getState().requestQuizzes());
    act(() => dom.root.render(<TwinQuizzes />));
    expect(dom.container.querySelector('h2')?.textContent).toBe('知识问答');
    expect(dom.container.querySelector('[role="status"]')?.textContent).toBe('正在载入问答…');
    act(() => useExhibition.getState().quizzesLoaded([TEST_QUIZ, OTHER_QUIZ], []));
    expect(links()).toEqual([
      ['测试问答', '#/quiz/test-quiz'],
      ['另一套问答', '#/quiz/other-quiz'],
    ]);
    expect(dom.container.textContent).toContain('3 道题');
  });
});

describe("the kiosk's HUD", () => {
  it('has a 知识问答 button for the finger, which opens the list through the store; it hides while the quiz is open', () => {
    act(() => useExhibition.setState({ capabilities: KIOSK_CAPABILITIES }));
    act(() => dom.root.render(<KioskHud />));
    const button = buttonNamed('知识问答');
    expect(button?.classList.contains('kiosk-button')).toBe(true);
    act(() => button?.click());
    expect(useExhibition.getState().quizScreen).toBe('list');
    expect(dom.container.querySelector('nav.kiosk-hud')?.hasAttribute('hidden')).toBe(true);
    // The kiosk has no hash routes: nothing was asked of the address.
    expect(window.location.hash).toBe('');
  });
});
