/**
 * The choices the schema form offers for id references, from the draft as the station has it:
 * every panel (its id and title, in the corridor's order), the exhibition's periods and the
 * quizzes, each titled in the page's language; and, inside one question, its own options.
 */
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftSnapshot } from '../../../live/curateDraftProtocol.ts';
import { listSections, textIn } from '../draftModel.ts';
import type { FieldShape, ObjectShape } from './describeSchema.ts';
import type { RefTarget, SchemaFieldRefs } from './schemaFormTypes.ts';
import { SIBLING_LISTS } from './schemaReferences.ts';
import { isRecord, type JsonObject } from './schemaValues.ts';

type Choice = { id: string; title: string };

/** The entries of `file`'s list `key` that have an id, each with its title. */
function choicesIn(snapshot: DraftSnapshot, file: string, key: string, lang: Lang): Choice[] {
  const content = snapshot.files[file];
  const list = isRecord(content) ? content[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) =>
    isRecord(entry) && typeof entry.id === 'string' ? [{ id: entry.id, title: textIn(entry.title, lang) }] : [],
  );
}

export function draftRefs(snapshot: DraftSnapshot, lang: Lang): SchemaFieldRefs {
  return {
    panels: listSections(snapshot).flatMap((section) =>
      section.panels.map((panel) => ({ id: panel.id, title: textIn(panel.title, lang) })),
    ),
    periods: choicesIn(snapshot, 'content/exhibition.json', 'periods', lang),
    quizzes: choicesIn(snapshot, 'content/quiz.json', 'quizzes', lang),
  };
}

const refersTo = (shape: FieldShape, to: RefTarget) =>
  (shape.type === 'reference' && shape.to === to) ||
  (shape.type === 'array' && shape.item.shape.type === 'reference' && shape.item.shape.to === to);

/**
 * `refs` with the choices an object's fields take from a list beside them (a question's answer
 * from the question's options, each by its text in `lang`), when the object has such a field.
 * Options without an id yet are no choice: an answer cannot name them.
 */
export function withSiblingChoices(refs: SchemaFieldRefs, shape: ObjectShape, value: JsonObject, lang: Lang): SchemaFieldRefs {
  let result = refs;
  for (const { to, list, title } of SIBLING_LISTS) {
    if (!shape.fields.some((field) => refersTo(field.shape, to))) continue;
    const entries = value[list];
    const choices = new Map<string, Choice>();
    for (const entry of Array.isArray(entries) ? entries : []) {
      // An id written twice is one choice (the content check says it is twice).
      if (isRecord(entry) && typeof entry.id === 'string' && entry.id !== '' && !choices.has(entry.id)) {
        choices.set(entry.id, { id: entry.id, title: textIn(entry[title], lang) });
      }
    }
    result = { ...result, [to]: [...choices.values()] };
  }
  return result;
}
