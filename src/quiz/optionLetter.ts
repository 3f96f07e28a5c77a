/**
 * An option's letter, A, B, C…: its place in the question's options as the lesson deals them
 * (lessonQuiz.ts), so the projector's slide and every phone call the same option by the same letter.
 */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
