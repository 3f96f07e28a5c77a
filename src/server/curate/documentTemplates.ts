/**
 * A new tour and a new quiz, ready to edit (讲解路线, 知识问答). The texts say what to write
 * ("待填写…"), never words of the brigade's own; issue 18's review is where a placeholder left in
 * is caught before publishing.
 *
 * A tour needs at least one stop, and a stop a panel: it starts at the corridor's first panel, to
 * be changed. A quiz starts with no questions: the content check then says, at `questions`, that
 * it has none yet (a quiz without questions is left out of the site), rather than a placeholder
 * question whose answer would have to be made up.
 */
import type { JsonObject } from './draftDocuments.ts';

export const DEFAULT_TOUR_TITLE = '新的讲解路线（待填写名称）';
export const DEFAULT_QUIZ_TITLE = '新的知识问答（待填写名称）';

export function tourTemplate(id: string, title: string | undefined, firstPanelId: string | undefined): JsonObject {
  return {
    id,
    title: title ?? DEFAULT_TOUR_TITLE,
    stops: firstPanelId === undefined ? [] : [{ panel: firstPanelId, notes: [] }],
  };
}

export function quizTemplate(id: string, title: string | undefined): JsonObject {
  return { id, title: title ?? DEFAULT_QUIZ_TITLE, questions: [] };
}

export const DEFAULT_SECTION_TITLE = '新的栏目（待填写名称）';

/**
 * A new section's entry in exhibition.json: its title and its own panel file (`<file>.json`, a
 * name no other file has). No subtitle, intro or colour: the staff write those, and the corridor
 * draws the section plainly until they do.
 */
export function sectionTemplate(id: string, title: string | undefined, file: string): JsonObject {
  return { id, title: title ?? DEFAULT_SECTION_TITLE, file };
}

/** The new section's panel file: no panels yet, and the JSON Schema editors use. */
export function sectionFileTemplate(schemaRef: string): JsonObject {
  return { $schema: schemaRef, panels: [] };
}
