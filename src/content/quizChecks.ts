/**
 * Honest questions (知识问答): the checks a question must pass before a visitor sees it, as
 * content problems naming file and JSON path like every other check. Pure: runs in the browser
 * and at build time.
 *
 * Errors (the question is left out): its panel names nothing; no correct answer, or an impossible
 * one (a single-choice or true-false question without exactly one, an answer naming no option or
 * one option twice, a true-false question without exactly the options "true" and "false"); fewer
 * than two options; an option id or an option text used twice.
 *
 * A warning (the question stays): the correct option's KEY TEXT is not in its panel's own text in
 * that language. Key text is defined so that it catches a typed wrong year or name without asking
 * staff to copy whole sentences:
 * - the option's FIGURES, when it has any: each run of digits ("1921", "12.8", "128,000"), read
 *   after NFKC (full-width "１９２１" is 1921) with thousands commas dropped; each must be one of
 *   the figures of the panel's text (a whole run: "11" is not found in "211");
 * - otherwise the option's WORDS, the whole text folded (NFKC, lower case, letters and digits
 *   only, so spaces, punctuation and quotes do not count): it must occur in the panel's text,
 *   folded the same way. A name ("彭德怀", "Peng Dehuai") or a phrase quoted from the panel passes.
 * The panel's text is everything the visitor reads on its board and card (title, summary, body,
 * date, people, figures, points, note, phrases, captions), not the source line. For a true-false
 * question the option is only "正确"/"错误": a TRUE statement's figures must be on the panel
 * instead (a false one is false on purpose). English is checked where the text has its own English.
 */
import { formatDate, type Lang, localize } from './localize.ts';
import { type ContentProblem, formatJsonPath } from './problems.ts';
import { type QuizQuestion, TRUE_FALSE_IDS } from './quizSchema.ts';
import type { LocalizedString, Panel } from './schema.ts';

type Path = ReadonlyArray<PropertyKey>;

const LANG_NAMES: Record<Lang, { zh: string; en: string }> = {
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
};

/** The figures of a text: its digit runs, NFKC-read, thousands commas dropped. */
export function figuresOf(text: string): string[] {
  const matches = text.normalize('NFKC').match(/\d+(?:[.,]\d+)*/g) ?? [];
  return matches.map((run) => run.replace(/,(?=\d{3}(?:\D|$))/g, ''));
}

/** A text folded for matching words: NFKC, lower case, letters and digits only. */
export function foldWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export type KeyText = { kind: 'figure'; text: string } | { kind: 'words'; text: string };

/** The key texts of an answer option (see the file comment): its figures, else its folded words. */
export function keyTexts(text: string): KeyText[] {
  const figures = figuresOf(text);
  if (figures.length > 0) return figures.map((figure) => ({ kind: 'figure', text: figure }));
  const words = foldWords(text);
  return words === '' ? [] : [{ kind: 'words', text: words }];
}

/** Everything a visitor reads on a panel's board and card, in one language (a field without English counts in Chinese). */
export function panelText(panel: Panel, lang: Lang): string {
  const texts: Array<LocalizedString | undefined> = [
    panel.title,
    panel.summary,
    ...panel.body,
    ...panel.images.flatMap((image) => [image.caption, image.alt]),
  ];
  const extra: string[] = panel.date ? [formatDate(panel.date, lang)] : [];
  switch (panel.kind) {
    case 'member':
      for (const person of panel.people) texts.push(person.name, person.role, ...person.honours);
      break;
    case 'stats':
      if (panel.since) extra.push(formatDate(panel.since, lang));
      for (const stat of panel.stats) {
        texts.push(stat.label, stat.unit);
        extra.push(String(stat.value));
      }
      break;
    case 'board':
      texts.push(...panel.points);
      break;
    case 'to-fill':
      texts.push(panel.note);
      break;
    case 'oath':
      texts.push(...panel.phrases);
      break;
    default:
      break;
  }
  return [...texts.map((text) => localize(text, lang)), ...extra].filter((text) => text !== '').join('\n');
}

/** True when the key text is on the panel's text (see the file comment for how each kind matches). */
export function keyTextOnPanel(key: KeyText, text: string): boolean {
  if (key.kind === 'figure') return figuresOf(text).includes(key.text);
  return foldWords(text).includes(key.text);
}

/** Each language a localized field has its own text in, with the JSON path of that text. */
function ownLanguages(text: LocalizedString, path: Path): Array<{ lang: Lang; text: string; path: Path }> {
  if (typeof text === 'string') return [{ lang: 'zh', text, path }];
  const out: Array<{ lang: Lang; text: string; path: Path }> = [{ lang: 'zh', text: text.zh, path: [...path, 'zh'] }];
  if (text.en !== undefined) out.push({ lang: 'en', text: text.en, path: [...path, 'en'] });
  return out;
}

const error = (file: string, path: Path, zh: string, en: string): ContentProblem => ({
  severity: 'error',
  file,
  path: formatJsonPath(path),
  zh,
  en,
});

/**
 * The errors of one schema-valid question, at `path` (its place in quiz.json): its answer, its
 * options and (when the panels are known) its panel. Any error leaves the question out.
 */
export function questionErrors(
  file: string,
  path: Path,
  question: QuizQuestion,
  panels: ReadonlyMap<string, Panel> | null,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { options, answer, kind } = question;
  const optionIds = options.map((option) => option.id);

  if (panels && !panels.has(question.panel)) {
    problems.push(
      error(
        file,
        [...path, 'panel'],
        `找不到 id 为 “${question.panel}” 的展板（题目依据的展板必须存在）`,
        `no panel has the id "${question.panel}" (the panel a question names must exist)`,
      ),
    );
  }

  if (kind === 'true-false') {
    if (options.length !== 2) {
      problems.push(
        error(
          file,
          [...path, 'options'],
          `判断题正好两个选项："true" 和 "false"（现在有 ${options.length} 个）`,
          `a true-false question has exactly two options, "true" and "false" (this has ${options.length})`,
        ),
      );
    } else {
      options.forEach((option, index) => {
        if (!(TRUE_FALSE_IDS as readonly string[]).includes(option.id)) {
          problems.push(
            error(
              file,
              [...path, 'options', index, 'id'],
              `判断题的选项编号只能是 "true" 和 "false"（现在是 "${option.id}"）`,
              `a true-false question's options are "true" and "false" (this is "${option.id}")`,
            ),
          );
        }
      });
    }
  } else if (options.length < 2) {
    problems.push(
      error(
        file,
        [...path, 'options'],
        `至少要有两个选项（现在有 ${options.length} 个）`,
        `a question needs at least two options (this has ${options.length})`,
      ),
    );
  }

  const firstWithId = new Map<string, number>();
  options.forEach((option, index) => {
    const first = firstWithId.get(option.id);
    if (first === undefined) {
      firstWithId.set(option.id, index);
      return;
    }
    problems.push(
      error(
        file,
        [...path, 'options', index, 'id'],
        `选项编号 “${option.id}” 重复（已用于 options[${first}]）`,
        `duplicate option id "${option.id}" (already used by options[${first}])`,
      ),
    );
  });

  // The same text twice, in either language, leaves the visitor two identical buttons.
  const firstWithText = new Map<string, number>();
  options.forEach((option, index) => {
    for (const variant of ownLanguages(option.text, [...path, 'options', index, 'text'])) {
      const key = `${variant.lang}:${foldWords(variant.text) || variant.text.trim()}`;
      const first = firstWithText.get(key);
      if (first === undefined) {
        firstWithText.set(key, index);
        continue;
      }
      problems.push(
        error(
          file,
          variant.path,
          `选项文字 “${variant.text}” 重复（和 options[${first}] 相同）`,
          `duplicate option text "${variant.text}" (the same as options[${first}])`,
        ),
      );
      break;
    }
  });

  if (answer.length === 0) {
    problems.push(
      error(
        file,
        [...path, 'answer'],
        '没有正确答案：answer 里至少要写一个选项编号',
        'no correct answer: answer names no option',
      ),
    );
  } else if (kind !== 'multiple' && answer.length !== 1) {
    const zhKind = kind === 'single' ? '单选题' : '判断题';
    const enKind = kind === 'single' ? 'a single-choice' : 'a true-false';
    problems.push(
      error(
        file,
        [...path, 'answer'],
        `${zhKind}只能有一个正确答案（现在写了 ${answer.length} 个）`,
        `${enKind} question has exactly one correct answer (this names ${answer.length})`,
      ),
    );
  }
  const named = new Set<string>();
  answer.forEach((id, index) => {
    if (named.has(id)) {
      problems.push(error(file, [...path, 'answer', index], `答案里 “${id}” 写了两次`, `the answer names "${id}" twice`));
      return;
    }
    named.add(id);
    if (!optionIds.includes(id)) {
      problems.push(
        error(
          file,
          [...path, 'answer', index],
          `没有编号为 “${id}” 的选项（选项有：${optionIds.join('、')}）`,
          `no option has the id "${id}" (the options are: ${optionIds.join(', ')})`,
        ),
      );
    }
  });
  return problems;
}

/**
 * Warnings for an error-free question whose correct answer's key text is not on its panel, in
 * the language it is missing from (see the file comment for what key text is).
 */
export function keyTextWarnings(file: string, path: Path, question: QuizQuestion, panel: Panel): ContentProblem[] {
  const places: Array<{ lang: Lang; text: string; path: Path; what: { zh: string; en: string } }> = [];
  if (question.kind === 'true-false') {
    // Only the statement carries facts; a false one is false on purpose.
    if (question.answer[0] === 'true') {
      for (const variant of ownLanguages(question.prompt, [...path, 'prompt'])) {
        places.push({ ...variant, what: { zh: '判断题（正确的说法）里的数字', en: "the true statement's figure" } });
      }
    }
  } else {
    question.options.forEach((option, index) => {
      if (!question.answer.includes(option.id)) return;
      for (const variant of ownLanguages(option.text, [...path, 'options', index, 'text'])) {
        places.push({ ...variant, what: { zh: '正确答案的关键文字', en: "the correct answer's key text" } });
      }
    });
  }
  const problems: ContentProblem[] = [];
  for (const place of places) {
    const onPanel = panelText(panel, place.lang);
    const keys =
      question.kind === 'true-false'
        ? figuresOf(place.text).map((text) => ({ kind: 'figure' as const, text }))
        : keyTexts(place.text);
    const missing = keys.filter((key) => !keyTextOnPanel(key, onPanel));
    if (missing.length === 0) continue;
    const shown = missing.map((key) => (key.kind === 'figure' ? key.text : place.text)).join('、');
    const shownEn = missing.map((key) => (key.kind === 'figure' ? key.text : place.text)).join('", "');
    const lang = LANG_NAMES[place.lang];
    problems.push({
      severity: 'warning',
      file,
      path: formatJsonPath(place.path),
      zh: `${place.what.zh} “${shown}” 不在展板 “${panel.id}” 的${lang.zh}文字里，请核对答案是否有展板依据`,
      en: `${place.what.en} "${shownEn}" is not in the ${lang.en} text of the panel "${panel.id}"; check that the panel supports the answer`,
    });
  }
  return problems;
}
