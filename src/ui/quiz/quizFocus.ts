/**
 * Where the focus goes as the quiz screen changes: each screen (the list, a new question, the
 * result) marks its heading with this attribute; the heading takes the focus when it appears,
 * and when the quiz dialog comes back (src/ui/quiz/QuizScreen.tsx).
 */
export const QUIZ_FOCUS_ATTRIBUTE = 'data-quiz-focus';

/** The props that mark a heading as the focus of its screen (focusable from script only). */
export const quizFocusProps = { [QUIZ_FOCUS_ATTRIBUTE]: '', tabIndex: -1 } as const;

/** Focuses a screen's heading once it is on screen: in an open dialog (not behind a card). */
export function focusIfShown(element: HTMLElement | null): void {
  if (element?.closest('dialog')?.open) element.focus();
}
