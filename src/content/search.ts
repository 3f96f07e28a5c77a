/**
 * Search across every panel, in Chinese and English at once. Pure functions, no DOM: the search
 * overlay (src/ui/SearchDialog.tsx) renders what these return.
 *
 * Matching is by substring, which is how Chinese is searched (no spaces between words), after
 * folding case and width per character (NFKC): "２０２１" finds "2021", "ＣＰＣ" finds "cpc".
 * Several words separated by spaces must all match somewhere in the panel.
 */
import { allPanels } from './load.ts';
import { formatDate, LANGS, type Lang, localize, variants } from './localize.ts';
import type { Exhibition, LocalizedString, Panel, PartialDate } from './schema.ts';

/** What a hit is in, best first: a title hit ranks above a summary hit, and so on. */
export type SearchField = 'title' | 'date' | 'summary' | 'people' | 'body' | 'points' | 'note' | 'stats' | 'caption';

const FIELD_WEIGHT: Record<SearchField, number> = {
  title: 100,
  date: 40,
  summary: 30,
  people: 20,
  body: 10,
  points: 10,
  note: 10,
  stats: 10,
  caption: 5,
};

interface IndexedText {
  field: SearchField;
  lang: Lang;
  /** The text as the visitor reads it. */
  text: string;
  folded: FoldedText;
  /**
   * Set on a date's ISO form ("1949-10-01"), which is indexed so that typing it finds the panel
   * but is never shown: its snippet is the date as the visitor reads it (1949年10月1日 / 1 October 1949).
   */
  isoDate?: PartialDate;
}

export interface IndexedPanel {
  panel: Panel;
  /** Exhibition order, the last tie-breaker. */
  order: number;
  texts: IndexedText[];
}

export type SearchIndex = IndexedPanel[];

/** A piece of a snippet: plain text, or the part that matched (drawn as a <mark>). */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchResult {
  panelId: string;
  panel: Panel;
  score: number;
  /** Where the best hit is. */
  field: SearchField;
  /** The panel's title in the visitor's language, hits marked. */
  title: SnippetPart[];
  /** A short stretch of text around the best non-title hit (or the summary's start), hits marked. */
  snippet: SnippetPart[];
}

interface FoldedText {
  folded: string;
  /** For each UTF-16 index of `folded`, the index in the original text it came from. */
  origin: number[];
}

/** One character folded for matching: full-width → half-width, compatibility forms, lower case. */
function foldChar(char: string): string {
  return char.normalize('NFKC').toLowerCase();
}

/** Folds a text for matching, remembering where each folded character came from. */
export function foldText(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const out = foldChar(char);
    for (let i = 0; i < out.length; i++) origin.push(index);
    folded += out;
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

/** The query's words, folded; empty when there is nothing to search for. */
export function queryTerms(query: string): string[] {
  return foldText(query.trim())
    .folded.split(/\s+/u)
    .filter((term) => term.length > 0);
}

function textsOf(panel: Panel): Array<{ field: SearchField; text: LocalizedString | undefined }> {
  const texts: Array<{ field: SearchField; text: LocalizedString | undefined }> = [
    { field: 'title', text: panel.title },
    // The date as every other view shows it, in each language; the ISO form is indexed apart.
    { field: 'date', text: panel.date && { zh: formatDate(panel.date, 'zh'), en: formatDate(panel.date, 'en') } },
    { field: 'summary', text: panel.summary },
    ...panel.body.map((text) => ({ field: 'body' as const, text })),
    ...panel.images.flatMap((image) => [
      { field: 'caption' as const, text: image.caption },
      { field: 'caption' as const, text: image.alt },
    ]),
  ];
  switch (panel.kind) {
    case 'member':
      for (const person of panel.people) {
        texts.push({ field: 'people', text: person.name }, { field: 'people', text: person.role });
        for (const honour of person.honours) texts.push({ field: 'people', text: honour });
      }
      break;
    case 'board':
      for (const point of panel.points) texts.push({ field: 'points', text: point });
      break;
    case 'stats':
      for (const stat of panel.stats) {
        texts.push({ field: 'stats', text: stat.label }, { field: 'stats', text: stat.unit });
        texts.push({ field: 'stats', text: String(stat.value) });
      }
      break;
    case 'to-fill':
      texts.push({ field: 'note', text: panel.note });
      break;
    case 'oath':
      for (const phrase of panel.phrases) texts.push({ field: 'points', text: phrase });
      break;
    default:
      break;
  }
  return texts;
}

/** Indexes every panel's searchable text, in both languages (a text without English counts as both). */
export function buildSearchIndex(exhibition: Exhibition): SearchIndex {
  return allPanels(exhibition).map((panel, order) => {
    const texts: IndexedText[] = [];
    for (const { field, text } of textsOf(panel)) {
      if (text === undefined) continue;
      const [zh, en] = variants(text);
      if (zh !== undefined) texts.push({ field, lang: 'zh', text: zh, folded: foldText(zh) });
      if (en !== undefined) texts.push({ field, lang: 'en', text: en, folded: foldText(en) });
    }
    if (panel.date)
      texts.push({ field: 'date', lang: 'zh', text: panel.date, folded: foldText(panel.date), isoDate: panel.date });
    return { panel, order, texts };
  });
}

/** Ranges [start, end) of the original text where any of the terms occur, merged, in order. */
function hitRanges(text: FoldedText, terms: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    let from = text.folded.indexOf(term);
    while (from !== -1) {
      ranges.push([text.origin[from] ?? 0, text.origin[from + term.length] ?? text.origin.length - 1]);
      from = text.folded.indexOf(term, from + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Splits a text (or a window of it) into plain and hit parts. */
function markHits(text: string, ranges: Array<[number, number]>, start = 0, end = text.length): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const hitFrom = Math.max(from, start);
    const hitTo = Math.min(to, end);
    if (hitFrom > at) parts.push({ text: text.slice(at, hitFrom), hit: false });
    parts.push({ text: text.slice(hitFrom, hitTo), hit: true });
    at = hitTo;
  }
  if (at < end) parts.push({ text: text.slice(at, end), hit: false });
  return parts;
}

/** Characters of context on each side of the first hit in a snippet. */
const SNIPPET_CONTEXT = 24;

/** A window of the text around its first hit, with "…" where it was cut. */
export function snippetOf(text: string, ranges: Array<[number, number]>, context = SNIPPET_CONTEXT): SnippetPart[] {
  const first = ranges[0];
  if (!first) {
    const cut = text.length > context * 2;
    return [{ text: cut ? `${text.slice(0, context * 2)}…` : text, hit: false }];
  }
  let start = Math.max(0, first[0] - context);
  let end = Math.min(text.length, first[1] + context * 2);
  // Never split a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  const parts = markHits(text, ranges, start, end);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return parts;
}

/**
 * How well one text matches: the whole query as typed (×3), every word somewhere in it (×2), or
 * only some words (×1) — so "The Long March" ranks the panel titled so above one whose title
 * merely has "the" in it.
 */
function matchStrength(folded: string, terms: string[], phrase: string): number {
  if (folded.replace(/\s+/gu, ' ').includes(phrase)) return 3;
  return terms.every((term) => folded.includes(term)) ? 2 : 1;
}

/** The most results shown: a one-letter query in English matches nearly everything. */
export const MAX_RESULTS = 50;

/**
 * The panels matching every word of the query, best first: by the best hit (the field it is in,
 * title first, and how much of the query it holds), then by the hits in all fields, then by how early the first hit stands, then in
 * exhibition order. Hits in the visitor's
 * language make the snippet; a hit only in the other language still finds the panel.
 */
export function searchPanels(index: SearchIndex, query: string, lang: Lang, limit = MAX_RESULTS): SearchResult[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const phrase = terms.join(' ');
  const scored: Array<SearchResult & { order: number; firstAt: number; bestWeight: number }> = [];
  for (const entry of index) {
    const matched = terms.every((term) => entry.texts.some((text) => text.folded.folded.includes(term)));
    if (!matched) continue;
    let score = 0;
    let best: { text: IndexedText; ranges: Array<[number, number]>; weight: number } | undefined;
    for (const text of entry.texts) {
      const ranges = hitRanges(text.folded, terms);
      if (ranges.length === 0) continue;
      const weight = FIELD_WEIGHT[text.field] * matchStrength(text.folded.folded, terms, phrase);
      score += weight;
      const better = !best || weight > best.weight || (weight === best.weight && text.lang === lang && best.text.lang !== lang);
      if (better) best = { text, ranges, weight };
    }
    if (!best) continue;
    const titleText = localize(entry.panel.title, lang);
    const titleRanges = hitRanges(foldText(titleText), terms);
    scored.push({
      panelId: entry.panel.id,
      panel: entry.panel,
      score,
      field: best.text.field,
      title: markHits(titleText, titleRanges),
      snippet: snippetFor(entry, terms, lang),
      order: entry.order,
      firstAt: best.ranges[0]?.[0] ?? 0,
      bestWeight: best.weight,
    });
  }
  scored.sort((a, b) => b.bestWeight - a.bestWeight || b.score - a.score || a.firstAt - b.firstAt || a.order - b.order);
  return scored.slice(0, limit).map(({ order: _order, firstAt: _firstAt, bestWeight: _bestWeight, ...result }) => result);
}

/** The snippet under a result's title: the best hit outside the title, in the visitor's language if any. */
function snippetFor(entry: IndexedPanel, terms: string[], lang: Lang): SnippetPart[] {
  const others = entry.texts.filter((text) => text.field !== 'title');
  const ordered = [...LANGS].sort((a, b) => (a === lang ? -1 : b === lang ? 1 : 0));
  for (const candidateLang of ordered) {
    const hits = others
      .filter((text) => text.lang === candidateLang)
      .map((text) => ({ text, ranges: hitRanges(text.folded, terms) }))
      .filter((hit) => hit.ranges.length > 0)
      .sort((a, b) => FIELD_WEIGHT[b.text.field] - FIELD_WEIGHT[a.text.field]);
    const best = hits[0];
    if (best?.text.isoDate) return [{ text: formatDate(best.text.isoDate, lang), hit: true }];
    if (best) return snippetOf(best.text.text, best.ranges);
  }
  // Only the title matched: show the start of the summary (or first paragraph) for context.
  const context = localize(entry.panel.summary ?? entry.panel.body[0], lang);
  return context ? snippetOf(context, []) : [];
}
