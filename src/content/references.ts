/**
 * Checks that every id the content refers to names a panel that exists. An id that names
 * nothing is an error (with its file and JSON path); at run time the link is simply not shown.
 *
 * Each kind of reference is one rule: a function listing the ids it refers to, each with its
 * place in the files. A new kind of reference is one more line in `REFERENCE_RULES`.
 */
import { type ContentProblem, formatJsonPath } from './problems.ts';
import type { Exhibition, Panel } from './schema.ts';

/** A loaded panel and where it stands: its file (as staff see it) and its index in that file's `panels`. */
export interface PlacedPanel {
  file: string;
  index: number;
  panel: Panel;
}

/** Everything the rules read: the loaded exhibition and its panels with their places. */
export interface ReferenceScope {
  /** The exhibition file as staff see it, e.g. "assets/content/exhibition.json". */
  exhibitionFile: string;
  exhibition: Exhibition;
  panels: readonly PlacedPanel[];
  /** Ids of panels that are in the files but were left out for their own errors. */
  leftOutIds?: ReadonlySet<string>;
}

/** One id referred to, and where. */
export interface Reference {
  file: string;
  path: ReadonlyArray<PropertyKey>;
  id: string;
}

export type ReferenceRule = (scope: ReferenceScope) => Reference[];

/** The references in a list of ids at `path` (each at `path[i]`). */
export const idList = (file: string, path: ReadonlyArray<PropertyKey>, ids: readonly string[] | undefined): Reference[] =>
  (ids ?? []).map((id, index) => ({ file, path: [...path, index], id }));

/** Every place the content refers to a panel by id. */
export const REFERENCE_RULES: readonly ReferenceRule[] = [
  // 相关展板: a panel's `related` ids.
  ({ panels }) => panels.flatMap(({ file, index, panel }) => idList(file, ['panels', index, 'related'], panel.related)),
  // Guided tours: each stop names a panel.
  ({ exhibitionFile, exhibition }) =>
    (exhibition.tours ?? []).flatMap((tour, t) =>
      tour.stops.map((stop, s) => ({ file: exhibitionFile, path: ['tours', t, 'stops', s, 'panel'], id: stop.panel })),
    ),
];

/**
 * An error for every reference whose id names no panel. A reference to a panel that is in the
 * files but left out for its own errors is only a warning: its errors are reported already, and
 * fixing them brings the link back.
 */
export function danglingReferences(scope: ReferenceScope, rules: readonly ReferenceRule[] = REFERENCE_RULES): ContentProblem[] {
  const known = new Set(scope.panels.map(({ panel }) => panel.id));
  return rules
    .flatMap((rule) => rule(scope))
    .filter((reference) => !known.has(reference.id))
    .map((reference): ContentProblem => {
      const at = { file: reference.file, path: formatJsonPath(reference.path) };
      if (scope.leftOutIds?.has(reference.id)) {
        return {
          severity: 'warning',
          ...at,
          zh: `id 为 “${reference.id}” 的展板有错误，未显示，这个链接暂不显示`,
          en: `the panel with the id "${reference.id}" has errors and is left out, so this link is not shown`,
        };
      }
      return {
        severity: 'error',
        ...at,
        zh: `找不到 id 为 “${reference.id}” 的展板`,
        en: `no panel has the id "${reference.id}"`,
      };
    });
}
