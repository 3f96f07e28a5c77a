/**
 * The one builder of small exhibitions for the unit and scene tests: panels parsed through the
 * app's own schema (so every default is the app's), sections of them, and the exhibition around.
 */
import { type Exhibition, type LocalizedString, type Panel, panelSchema, type Section } from '../../src/content/schema.ts';

/** An event panel (or any kind, with `fields`), parsed by the schema; titled `展板 <id>` unless told. */
export function testPanel(id: string, fields: Record<string, unknown> = {}): Panel {
  return panelSchema.parse({ id, kind: 'event', title: `展板 ${id}`, ...fields });
}

export interface TestSectionOptions {
  title?: LocalizedString;
  /** The fields of every panel, by its id (a title in both languages, a summary…). */
  panel?: (id: string) => Record<string, unknown>;
}

/**
 * A section: its panels given, or `count` event panels named `<id>1`, `<id>2`… Titled `栏目 <id>`
 * and read from `<id>.json` unless told.
 */
export function testSection(id: string, panels: number | Panel[], { title, panel }: TestSectionOptions = {}): Section {
  return {
    id,
    title: title ?? `栏目 ${id}`,
    file: `${id}.json`,
    panels:
      typeof panels === 'number'
        ? Array.from({ length: panels }, (_, index) => testPanel(`${id}${index + 1}`, panel?.(`${id}${index + 1}`)))
        : panels,
  };
}

/** The exhibition around the sections, with the corridor's own title, host and theme. */
export function testExhibition(sections: Section[], extra: Partial<Exhibition> = {}): Exhibition {
  return { title: '党史长廊', host: '德清县消防救援大队', theme: '学党史', ...extra, sections };
}
