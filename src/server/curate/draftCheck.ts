/**
 * The draft's content check: the build's own code over the draft's files, never a copy of it.
 *
 * - {@link fullCheck}: `checkContent`, exactly what `npm run build` runs (schema, references,
 *   periods, quizzes, photo files, fonts, board text), over the draft's folder, which has the
 *   build's layout. The editor's problems list.
 * - {@link fieldCheck}: the loaders and the text against board and font, for every save.
 * - {@link loaderCheck}: the loaders alone (`loadExhibition` + `loadQuizzes`), over any reader —
 *   what the site itself would report. Able to run over files not written yet: a delete is tried on the side first, and refused when it makes new errors.
 *
 * Problems keep the build's file, JSON path and message; the file is given in the store's layout
 * ("content/timeline.json" for assets/content/timeline.json) and each is located on the panel or
 * document and field it names, so the editor shows it next to that field.
 */
import { join } from 'node:path';
import { checkContent, savedContentProblems } from '../../build/checkContent.ts';
import { fsContentReader } from '../../build/fonts.ts';
import { CONTENT_DIR_LABEL, loadExhibition, type ReadContentFile } from '../../content/load.ts';
import type { ContentProblem } from '../../content/problems.ts';
import { loadQuizzes } from '../../content/quizLoad.ts';
import type { DraftProblem } from '../../live/curateDraftProtocol.ts';
import { type DraftFiles, locate, parseJsonPath } from './draftDocuments.ts';

/** "assets/content/timeline.json" → "content/timeline.json"; other files (the UI strings) as they are. */
export function storeFileOf(label: string): string {
  const assets = `${CONTENT_DIR_LABEL.split('/')[0]}/`;
  return label.startsWith(assets) ? label.slice(assets.length) : label;
}

export function toDraftProblem(files: DraftFiles, problem: ContentProblem): DraftProblem {
  const file = storeFileOf(problem.file);
  const path = parseJsonPath(problem.path);
  return {
    severity: problem.severity,
    file,
    path,
    message: { zh: problem.zh, en: problem.en },
    target: locate(files, file, path),
  };
}

/**
 * The build's whole check over a folder in the build's layout (`dir/content`, `dir/photos`), with
 * the curator's one addition: a text that fits its board only printed smaller is named too.
 */
export async function fullCheck(dir: string, files: DraftFiles): Promise<DraftProblem[]> {
  const problems = await checkContent(join(dir, 'content'), dir, { shrink: true });
  return problems.map((problem) => toDraftProblem(files, problem));
}

/**
 * The check each save answers with, so its messages reach the field as the staff type: the
 * loaders' (schema, references, periods, quizzes) and the text's against the board and the font
 * (`savedContentProblems`: too long, printed smaller, a character no font has), and the files a panel
 * names that are not there. Only the photos' own checks (size, type) are left to the whole check.
 */
export async function fieldCheck(contentDir: string): Promise<ContentProblem[]> {
  const read = diskReader(contentDir);
  const { exhibition, problems } = await loadExhibition(read);
  const quizzes = await loadQuizzes(read, exhibition);
  return [
    ...problems,
    ...quizzes.problems,
    // A missing photo or recording stays named at its field after a save.
    ...(await savedContentProblems(contentDir, join(contentDir, '..'), exhibition, quizzes, { shrink: true })),
  ];
}

/** What the site's loaders report over `read` (exhibition, sections, quizzes). */
export async function loaderCheck(read: ReadContentFile): Promise<ContentProblem[]> {
  const { exhibition, problems } = await loadExhibition(read);
  const quizzes = await loadQuizzes(read, exhibition);
  return [...problems, ...quizzes.problems];
}

export function diskReader(contentDir: string): ReadContentFile {
  return fsContentReader(contentDir);
}

/** `read`, with some files as they would be after a change (names as the loader asks: "timeline.json"). */
export function overlayReader(read: ReadContentFile, changed: Readonly<Record<string, unknown>>): ReadContentFile {
  return async (name) => {
    const key = `content/${name}`;
    return key in changed ? JSON.stringify(changed[key]) : read(name);
  };
}

/**
 * The errors `after` has that `before` had not. Compared by file and message, not path: removing
 * a panel moves the ones after it up, and their old problems must not count as new.
 */
export function newErrors(before: readonly ContentProblem[], after: readonly ContentProblem[]): ContentProblem[] {
  const counts = new Map<string, number>();
  const key = (problem: ContentProblem) => `${problem.file}\0${problem.en}`;
  for (const problem of before) if (problem.severity === 'error') counts.set(key(problem), (counts.get(key(problem)) ?? 0) + 1);
  return after.filter((problem) => {
    if (problem.severity !== 'error') return false;
    const left = counts.get(key(problem)) ?? 0;
    if (left > 0) {
      counts.set(key(problem), left - 1);
      return false;
    }
    return true;
  });
}
