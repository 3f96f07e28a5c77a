/**
 * Content problems: what went wrong, in which file, at which JSON path — in Chinese with the
 * English beside it, because the people who fix them are station staff, not programmers.
 */
export type Severity = 'error' | 'warning';

export interface ContentProblem {
  severity: Severity;
  /** The file as staff see it, e.g. "assets/content/members.json". */
  file: string;
  /** JSON path inside the file, e.g. "panels[2].images[0].src"; "" for the whole file. */
  path: string;
  zh: string;
  en: string;
}

export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per problem: `file: path: 中文 (English)`. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.path ? `${problem.file}: ${problem.path}` : problem.file;
  const tag = problem.severity === 'warning' ? '[warning] ' : '';
  return `${tag}${where}: ${problem.zh} (${problem.en})`;
}
