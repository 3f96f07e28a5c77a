/**
 * Loads and validates the exhibition. The same code runs in the browser (fetching `/content/…`)
 * and at build time (reading `assets/content/…`), so the build rejects exactly what the site would.
 *
 * A broken panel is left out and reported; a broken section file is reported and its section
 * stays empty; only a broken `exhibition.json` stops the visit, and even then with a message.
 */
import type { z } from 'zod';
import { type ContentProblem, formatJsonPath } from './problems.ts';
import { type Exhibition, exhibitionFileSchema, type Panel, panelSchema, type Section, sectionFileSchema } from './schema.ts';

/** Reads one file under the content folder, by its name (e.g. "timeline.json"). */
export type ReadContentFile = (name: string) => Promise<string>;

export const CONTENT_DIR_LABEL = 'assets/content';
export const EXHIBITION_FILE = 'exhibition.json';

export interface LoadResult {
  /** Null only when `exhibition.json` itself cannot be used. */
  exhibition: Exhibition | null;
  problems: ContentProblem[];
}

export class ContentFileError extends Error {
  constructor(
    readonly problem: ContentProblem,
    options?: { cause?: unknown },
  ) {
    super(`${problem.file}: ${problem.zh} (${problem.en})`, options);
  }
}

const label = (name: string) => `${CONTENT_DIR_LABEL}/${name}`;

/** Parses JSON text, turning syntax errors into a problem with line and column. */
export function parseJsonText(file: string, text: string): { ok: true; value: unknown } | { ok: false; problem: ContentProblem } {
  const problem = (zh: string, en: string): { ok: false; problem: ContentProblem } => ({
    ok: false,
    problem: { severity: 'error', file, path: '', zh, en },
  });
  if (text.trim() === '') return problem('文件是空的', 'the file is empty');
  if (text.includes('\uFFFD')) {
    return problem('文件不是 UTF-8 编码，请用 UTF-8 保存', 'the file is not UTF-8 encoded; save it as UTF-8');
  }
  // Windows editors like to start files with a byte-order mark; it is harmless, so accept it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position?.[1] ? Number(position[1]) : likelyErrorOffset(body);
    if (offset !== null) {
      const upTo = body.slice(0, offset);
      const line = upTo.split('\n').length;
      const column = upTo.length - upTo.lastIndexOf('\n');
      return problem(
        `JSON 格式错误（第 ${line} 行，第 ${column} 列）`,
        `invalid JSON at line ${line}, column ${column}: ${message}`,
      );
    }
    return problem('JSON 格式错误', `invalid JSON: ${message}`);
  }
}

/**
 * Where a JSON syntax error most likely is, when the engine's message gives no position (V8 omits
 * it for "Unexpected token", other engines always do): a closing bracket after a trailing comma,
 * comment, or stray character outside strings, else the end of the text for a truncated file.
 */
function likelyErrorOffset(text: string): number | null {
  let inString = false;
  let lastComma = -1;
  const stack: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      lastComma = -1;
    } else if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return i;
    else if (char === ',') lastComma = i;
    else if (char === '{' || char === '[') {
      stack.push(char);
      lastComma = -1;
    } else if (char === '}' || char === ']') {
      if (lastComma >= 0) return i; // a trailing comma: the parser trips on this bracket
      stack.pop();
    } else if (!/\s/.test(char)) lastComma = -1;
  }
  return stack.length > 0 || inString ? text.length : null;
}

const typeNamesZh: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true/false',
  array: '列表 [ ]',
  object: '对象 { }',
};

/** Translates one zod issue into a staff-readable problem. */
export function describeIssue(file: string, basePath: ReadonlyArray<PropertyKey>, issue: z.core.$ZodIssue): ContentProblem {
  const path = formatJsonPath([...basePath, ...issue.path]);
  const make = (zh: string, en: string): ContentProblem => ({ severity: 'error', file, path, zh, en });
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined) return make('缺少必填项', 'required field is missing');
      const expected = String(issue.expected);
      return make(`类型错误，应为${typeNamesZh[expected] ?? expected}`, `wrong type, expected ${expected}`);
    }
    case 'unrecognized_keys':
      return make(`未知字段：${issue.keys.join('、')}`, `unknown field(s): ${issue.keys.join(', ')}`);
    case 'invalid_union': {
      const discriminator = (issue as { note?: string }).note;
      if (discriminator === 'No matching discriminator') {
        return make(
          'kind 必须是 milestone、event、member、stats、board、to-fill 之一',
          'kind must be one of milestone, event, member, stats, board, to-fill',
        );
      }
      return make('应为文字，或 { "zh": "中文", "en": "English" }', 'expected a string or { "zh": "…", "en": "…" }');
    }
    case 'too_small':
      return make(`内容不足：${issue.message}`, issue.message);
    case 'invalid_format':
      return make(`格式不对：${issue.message}`, issue.message);
    default:
      return make(`内容不符合要求：${issue.message}`, issue.message);
  }
}

function schemaProblems(file: string, basePath: ReadonlyArray<PropertyKey>, error: z.ZodError): ContentProblem[] {
  // A union reports one issue per alternative; the first path-specific issue is the useful one.
  return error.issues.map((issue) => describeIssue(file, basePath, issue));
}

/** Validates one section's panels one by one, so a broken panel never takes its neighbours down. */
export function validatePanels(
  file: string,
  raw: unknown,
  seenIds: Map<string, string>,
): { panels: Panel[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const fileCheck = sectionFileSchema.safeParse(raw);
  if (!fileCheck.success) {
    return { panels: [], problems: schemaProblems(file, [], fileCheck.error) };
  }
  const panels: Panel[] = [];
  fileCheck.data.panels.forEach((candidate, index) => {
    const result = panelSchema.safeParse(candidate);
    if (!result.success) {
      problems.push(...schemaProblems(file, ['panels', index], result.error));
      return;
    }
    const panel = result.data;
    const firstSeen = seenIds.get(panel.id);
    if (firstSeen) {
      problems.push({
        severity: 'error',
        file,
        path: formatJsonPath(['panels', index, 'id']),
        zh: `id “${panel.id}” 重复（已用于 ${firstSeen}），此展板未显示`,
        en: `duplicate id "${panel.id}" (already used in ${firstSeen}); this panel is left out`,
      });
      return;
    }
    seenIds.set(panel.id, `${file}: panels[${index}]`);
    panels.push(panel);
  });
  return { panels, problems };
}

/** Loads `exhibition.json` and every section file it lists. Never throws for bad content. */
export async function loadExhibition(read: ReadContentFile): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const exhibitionLabel = label(EXHIBITION_FILE);

  let exhibitionText: string;
  try {
    exhibitionText = await read(EXHIBITION_FILE);
  } catch (error) {
    problems.push({
      severity: 'error',
      file: exhibitionLabel,
      path: '',
      zh: `无法读取文件：${describeReadError(error)}`,
      en: `cannot read the file: ${describeReadError(error)}`,
    });
    return { exhibition: null, problems };
  }
  const parsed = parseJsonText(exhibitionLabel, exhibitionText);
  if (!parsed.ok) return { exhibition: null, problems: [parsed.problem] };
  const exhibitionCheck = exhibitionFileSchema.safeParse(parsed.value);
  if (!exhibitionCheck.success) {
    return { exhibition: null, problems: schemaProblems(exhibitionLabel, [], exhibitionCheck.error) };
  }
  const { sections: entries, $schema: _schema, ...meta } = exhibitionCheck.data;

  const seenSectionIds = new Set<string>();
  const seenPanelIds = new Map<string, string>();
  const texts = await Promise.all(
    entries.map((entry) =>
      read(entry.file).then(
        (text) => ({ ok: true as const, text }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    ),
  );

  const sections: Section[] = [];
  entries.forEach((entry, index) => {
    if (seenSectionIds.has(entry.id)) {
      problems.push({
        severity: 'error',
        file: exhibitionLabel,
        path: formatJsonPath(['sections', index, 'id']),
        zh: `栏目 id “${entry.id}” 重复，此栏目未显示`,
        en: `duplicate section id "${entry.id}"; this section is left out`,
      });
      return;
    }
    seenSectionIds.add(entry.id);
    const fileLabel = label(entry.file);
    const loaded = texts[index];
    let panels: Panel[] = [];
    if (!loaded?.ok) {
      problems.push({
        severity: 'error',
        file: fileLabel,
        path: '',
        zh: `无法读取文件（exhibition.json 的 sections[${index}].file 指向它）：${describeReadError(loaded?.error)}`,
        en: `cannot read the file (named by exhibition.json sections[${index}].file): ${describeReadError(loaded?.error)}`,
      });
    } else {
      const json = parseJsonText(fileLabel, loaded.text);
      if (!json.ok) problems.push(json.problem);
      else {
        const result = validatePanels(fileLabel, json.value, seenPanelIds);
        panels = result.panels;
        problems.push(...result.problems);
      }
    }
    sections.push({ ...entry, panels });
  });

  return { exhibition: { ...meta, sections }, problems };
}

function describeReadError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The browser's reader: content is served at `/content/…` (vite `publicDir: 'assets'`). */
export function fetchContentFile(baseUrl: string): ReadContentFile {
  return async (name) => {
    const response = await fetch(`${baseUrl}content/${name}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    // Decoding by hand (not response.json()) lets a non-UTF-8 file be named as such.
    return new TextDecoder('utf-8').decode(bytes);
  };
}

/** All panels in corridor order. */
export function allPanels(exhibition: Exhibition): Panel[] {
  return exhibition.sections.flatMap((section) => section.panels);
}
