/**
 * Warnings about texts that load fine but will not look the way staff may expect. The app
 * renders every content string as text, never as HTML, so markup pasted from a web page or a
 * word processor shows up literally (`<b>` and all) instead of doing anything. That is safe, so
 * it is only a warning: staff learn that tags do not work, and visitors never run a script.
 */
import { type ContentProblem, formatJsonPath } from './problems.ts';

/** An HTML tag (`<b>`, `</p>`, `<br/>`, `<script src=…>`), a comment, or a character entity (`&nbsp;`). */
const HTML_MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_MARKUP.test(text);
}

/** One warning per string under `value` that looks like HTML, at its JSON path (`basePath` + the path inside). */
export function htmlWarnings(file: string, basePath: ReadonlyArray<PropertyKey>, value: unknown): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const visit = (node: unknown, path: PropertyKey[]) => {
    if (typeof node === 'string') {
      if (looksLikeHtml(node)) {
        problems.push({
          severity: 'warning',
          file,
          path: formatJsonPath(path),
          zh: '看起来包含 HTML 标记，将按原样显示为文字',
          en: 'looks like it contains HTML markup; it will be shown as is, as text',
        });
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, [...path, index]);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) visit(item, [...path, key]);
    }
  };
  visit(value, [...basePath]);
  return problems;
}
