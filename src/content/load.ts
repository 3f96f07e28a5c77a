/**
 * Loads and validates the exhibition. The same code runs in the browser (fetching `/content/…`)
 * and at build time (reading `assets/content/…`), so the build rejects exactly what the site would.
 *
 * A broken panel is left out and reported; a broken section file is reported and its section
 * stays empty; only a broken `exhibition.json` stops the visit, and even then with a message.
 */
import type { z } from 'zod';
import { oathProblems } from './oath.ts';
import { periodProblems } from './periods.ts';
import { type ContentProblem, formatJsonPath } from './problems.ts';
import { danglingReferences, type PlacedPanel } from './references.ts';
import {
  chineseMessage,
  EXHIBITION_SCHEMA_REF,
  type Exhibition,
  exhibitionFileSchema,
  PANEL_KINDS,
  type Panel,
  panelSchema,
  SECTION_SCHEMA_REF,
  type Section,
  sectionFileSchema,
} from './schema.ts';
import { htmlWarnings } from './textWarnings.ts';

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

/**
 * Parses JSON text, turning syntax errors into a problem with line and column. A byte-order mark
 * is skipped and reported as a warning.
 */
export function parseJsonText(
  file: string,
  text: string,
): { ok: true; value: unknown; warnings: ContentProblem[] } | { ok: false; problem: ContentProblem } {
  const problem = (zh: string, en: string): { ok: false; problem: ContentProblem } => ({
    ok: false,
    problem: { severity: 'error', file, path: '', zh, en },
  });
  if (text.trim() === '') return problem('文件是空的', 'the file is empty');
  if (text.includes('\uFFFD')) {
    return problem('文件不是 UTF-8 编码，请用 UTF-8 保存', 'the file is not UTF-8 encoded; save it as UTF-8');
  }
  // Windows editors like to start files with a byte-order mark; it is harmless, so accept it.
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const body = hasBom ? text.slice(1) : text;
  const warnings: ContentProblem[] = hasBom
    ? [
        {
          severity: 'warning',
          file,
          path: '',
          zh: '文件开头有 BOM，已忽略（可在编辑器里另存为不带 BOM 的 UTF-8）',
          en: 'the file starts with a byte-order mark (BOM); it was ignored (save as UTF-8 without BOM)',
        },
      ]
    : [];
  try {
    return { ok: true, value: JSON.parse(body), warnings };
  } catch (error) {
    // One problem is one line: engines quote the source around the error, newlines and all.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
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

/** Options for every `safeParse` of content: issues carry the value they are about (for "missing" vs "wrong type", lengths). */
export const PARSE_OPTIONS = { reportInput: true } as const;

/** How JSON calls the type of a value, for "expected a string, got a number". */
function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Translates one zod issue into a staff-readable problem. */
export function describeIssue(file: string, basePath: ReadonlyArray<PropertyKey>, issue: z.core.$ZodIssue): ContentProblem {
  const path = formatJsonPath([...basePath, ...issue.path]);
  const make = (zh: string, en: string): ContentProblem => ({ severity: 'error', file, path, zh, en });
  // Present only when the field is there (the loader parses with `reportInput`).
  const input = (issue as { input?: unknown }).input;
  const missing = !('input' in issue) || input === undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (missing) return make('缺少必填项', 'required field is missing');
      const expected = String(issue.expected);
      const got = jsonTypeOf(input);
      return make(
        `类型错误，应为${typeNamesZh[expected] ?? expected}（现在是${typeNamesZh[got] ?? got}）`,
        `wrong type, expected ${expected} (got ${got})`,
      );
    }
    case 'unrecognized_keys':
      return make(
        `未知字段：${issue.keys.join('、')}（拼写错了？字段名区分大小写）`,
        `unknown field(s): ${issue.keys.join(', ')} (a typo? field names are case-sensitive)`,
      );
    case 'invalid_union': {
      const discriminator = (issue as { note?: string }).note;
      if (discriminator === 'No matching discriminator') {
        const kinds = PANEL_KINDS.join('、');
        const kindsEn = PANEL_KINDS.join(', ');
        const kind = input !== null && typeof input === 'object' ? (input as { kind?: unknown }).kind : undefined;
        if (kind === undefined)
          return make(`缺少展板类型 kind，应为 ${kinds} 之一`, `kind is missing; it must be one of ${kindsEn}`);
        return make(
          `kind 必须是 ${kinds} 之一（现在是 ${JSON.stringify(kind)}）`,
          `kind must be one of ${kindsEn} (it is ${JSON.stringify(kind)})`,
        );
      }
      if (missing) return make('缺少必填项', 'required field is missing');
      return make(
        `类型错误，应为文字，或 { "zh": "中文", "en": "English" }（现在是${typeNamesZh[jsonTypeOf(input)] ?? jsonTypeOf(input)}）`,
        `expected a string or { "zh": "…", "en": "…" } (got ${jsonTypeOf(input)})`,
      );
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? input.length : undefined;
        const now = length === undefined ? '' : `（现在 ${length} 个）`;
        const nowEn = length === undefined ? '' : ` (this has ${length})`;
        return make(`超出字数上限：最多 ${max} 个字${now}`, `too long: at most ${max} characters${nowEn}`);
      }
      if (issue.origin === 'array') return make(`项目太多：最多 ${max} 项`, `too many entries: at most ${max}`);
      return make(`数字太大：最大为 ${max}`, `number too large: at most ${max}`);
    }
    case 'too_small': {
      const zh = chineseMessage(issue.message);
      if (zh) return make(zh, issue.message);
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return make('不能为空', 'must not be empty');
      if (issue.origin === 'array') return make(`至少要有 ${min} 项`, `needs at least ${min} entries`);
      if (issue.origin === 'number') {
        return issue.inclusive
          ? make(`数字不能小于 ${min}（现在是 ${String(input)}）`, `the number must be ${min} or more (it is ${String(input)})`)
          : make(
              `数字必须大于 ${min}（现在是 ${String(input)}）`,
              `the number must be more than ${min} (it is ${String(input)})`,
            );
      }
      return make(`内容不足：${issue.message}`, issue.message);
    }
    case 'invalid_format':
    case 'custom': {
      const now = typeof input === 'string' ? `（现在是 "${input}"）` : '';
      const nowEn = typeof input === 'string' ? ` (it is "${input}")` : '';
      return make(`格式不对：${chineseMessage(issue.message) ?? issue.message}${now}`, `${issue.message}${nowEn}`);
    }
    default:
      return make(`内容不符合要求：${chineseMessage(issue.message) ?? issue.message}`, issue.message);
  }
}

function schemaProblems(file: string, basePath: ReadonlyArray<PropertyKey>, error: z.ZodError): ContentProblem[] {
  // A union reports one issue per alternative; the first path-specific issue is the useful one.
  return error.issues.map((issue) => describeIssue(file, basePath, issue));
}

/**
 * A `$schema` line other than the expected one: the editor then finds no schema (no autocomplete,
 * no checks), so it is an error, but the file's content still loads.
 */
export function schemaRefProblem(file: string, value: string | undefined, expected: string): ContentProblem[] {
  if (value === undefined || value === expected) return [];
  return [
    {
      severity: 'error',
      file,
      path: '$schema',
      zh: `应为 "${expected}"（现在是 "${value}"），编辑器靠它提供自动补全和检查`,
      en: `should be "${expected}" (it is "${value}"); editors use it for autocomplete and checks`,
    },
  ];
}

/** Validates one section's panels one by one, so a broken panel never takes its neighbours down. */
export function validatePanels(
  file: string,
  raw: unknown,
  seenIds: Map<string, string>,
): { panels: Panel[]; problems: ContentProblem[]; placed: PlacedPanel[]; leftOutIds: string[] } {
  const problems: ContentProblem[] = [];
  const fileCheck = sectionFileSchema.safeParse(raw, PARSE_OPTIONS);
  if (!fileCheck.success) {
    return { panels: [], problems: schemaProblems(file, [], fileCheck.error), placed: [], leftOutIds: [] };
  }
  problems.push(...schemaRefProblem(file, fileCheck.data.$schema, SECTION_SCHEMA_REF));
  const panels: Panel[] = [];
  /** Each loaded panel with its index in the file (broken panels leave gaps). */
  const placed: PlacedPanel[] = [];
  /** The ids of panels left out for their errors, so a link to one is not called a typo. */
  const leftOutIds: string[] = [];
  fileCheck.data.panels.forEach((candidate, index) => {
    const result = panelSchema.safeParse(candidate, PARSE_OPTIONS);
    if (!result.success) {
      problems.push(...schemaProblems(file, ['panels', index], result.error));
      const id = candidate !== null && typeof candidate === 'object' ? (candidate as { id?: unknown }).id : undefined;
      if (typeof id === 'string') leftOutIds.push(id);
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
    placed.push({ file, index, panel });
    problems.push(...htmlWarnings(file, ['panels', index], panel));
  });
  return { panels, problems, placed, leftOutIds };
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
      zh: `无法读取文件：${describeReadError(error).zh}`,
      en: `cannot read the file: ${describeReadError(error).en}`,
    });
    return { exhibition: null, problems };
  }
  const parsed = parseJsonText(exhibitionLabel, exhibitionText);
  if (!parsed.ok) return { exhibition: null, problems: [parsed.problem] };
  problems.push(...parsed.warnings);
  const exhibitionCheck = exhibitionFileSchema.safeParse(parsed.value, PARSE_OPTIONS);
  if (!exhibitionCheck.success) {
    return { exhibition: null, problems: [...problems, ...schemaProblems(exhibitionLabel, [], exhibitionCheck.error)] };
  }
  const { sections: entries, $schema: schemaRef, ...meta } = exhibitionCheck.data;
  problems.push(
    ...schemaRefProblem(exhibitionLabel, schemaRef, EXHIBITION_SCHEMA_REF),
    ...htmlWarnings(exhibitionLabel, [], exhibitionCheck.data),
  );

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
  const placed: PlacedPanel[] = [];
  const leftOutIds = new Set<string>();
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
        zh: `无法读取文件（exhibition.json 的 sections[${index}].file 指向它）：${describeReadError(loaded?.error).zh}`,
        en: `cannot read the file (named by exhibition.json sections[${index}].file): ${describeReadError(loaded?.error).en}`,
      });
    } else {
      const json = parseJsonText(fileLabel, loaded.text);
      if (!json.ok) problems.push(json.problem);
      else {
        const result = validatePanels(fileLabel, json.value, seenPanelIds);
        panels = result.panels;
        problems.push(...json.warnings, ...result.problems);
        placed.push(...result.placed);
        for (const id of result.leftOutIds) leftOutIds.add(id);
      }
    }
    sections.push({ ...entry, panels });
  });

  const exhibition: Exhibition = { ...meta, sections };
  const scope = { exhibitionFile: exhibitionLabel, exhibition, panels: placed, leftOutIds };
  problems.push(...danglingReferences(scope), ...periodProblems(scope), ...oathProblems(scope));
  return { exhibition, problems };
}

/** Why a file could not be read; a file that is not there is said plainly, without the machine's paths. */
export function describeReadError(error: unknown): { zh: string; en: string } {
  const message = error instanceof Error ? error.message : String(error);
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  if (code === 'ENOENT' || /^HTTP 404\b/.test(message)) return { zh: '文件不存在', en: 'the file does not exist' };
  return { zh: message, en: message };
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
