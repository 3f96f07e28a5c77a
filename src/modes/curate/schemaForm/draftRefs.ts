/**
 * The choices the schema form offers for id references, from the draft as the station has it:
 * every panel (its id and title, in the corridor's order), the exhibition's periods and the
 * quizzes, each titled in the page's language.
 */
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftSnapshot } from '../../../live/curateDraftProtocol.ts';
import { listSections, textIn } from '../draftModel.ts';
import type { SchemaFieldRefs } from './schemaFormTypes.ts';
import { isRecord } from './schemaValues.ts';

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
