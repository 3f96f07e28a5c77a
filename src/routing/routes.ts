/**
 * Routes live in the URL hash, so `dist/` works from any static host and a link or a reload
 * lands where it pointed: `#/` the corridor, `#/panel/<id>` a panel's card, `#/problems` the
 * content problems, `#/text` the text-mode twin (the whole exhibition as a plain page),
 * `#/text/<id>` the twin scrolled to a panel, `#/oath/<id>` an oath panel's ceremony, `#/quiz` the
 * quizzes (知识问答) and `#/quiz/<id>` one of them.
 */
import type { Route } from '../store/types.ts';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { kind: 'home' };
  const panel = /^\/panel\/([^/?#]+)\/?$/.exec(path);
  if (panel?.[1]) return { kind: 'panel', id: safeDecode(panel[1]) };
  const oath = /^\/oath\/([^/?#]+)\/?$/.exec(path);
  if (oath?.[1]) return { kind: 'oath', id: safeDecode(oath[1]) };
  if (path === '/quiz' || path === '/quiz/') return { kind: 'quizList' };
  const quiz = /^\/quiz\/([^/?#]+)\/?$/.exec(path);
  if (quiz?.[1]) return { kind: 'quiz', id: safeDecode(quiz[1]) };
  if (path === '/problems') return { kind: 'problems' };
  if (path === '/text' || path === '/text/') return { kind: 'text' };
  const textPanel = /^\/text\/([^/?#]+)\/?$/.exec(path);
  if (textPanel?.[1]) return { kind: 'text', panelId: safeDecode(textPanel[1]) };
  return { kind: 'unknown', path: safeDecode(path) };
}

export function formatHash(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'panel':
      return `#/panel/${encodeURIComponent(route.id)}`;
    case 'oath':
      return `#/oath/${encodeURIComponent(route.id)}`;
    case 'quizList':
      return '#/quiz';
    case 'quiz':
      return `#/quiz/${encodeURIComponent(route.id)}`;
    case 'problems':
      return '#/problems';
    case 'text':
      return route.panelId ? `#/text/${encodeURIComponent(route.panelId)}` : '#/text';
    case 'unknown':
      return `#${route.path}`;
  }
}

export function panelHref(panelId: string): string {
  return formatHash({ kind: 'panel', id: panelId });
}

/** An oath panel's ceremony. */
export function oathHref(panelId: string): string {
  return formatHash({ kind: 'oath', id: panelId });
}

/** The list of quizzes (知识问答), or one quiz. */
export function quizHref(quizId?: string): string {
  return formatHash(quizId ? { kind: 'quiz', id: quizId } : { kind: 'quizList' });
}

/** The text twin, or the twin at one panel. */
export function textHref(panelId?: string): string {
  return formatHash(panelId ? { kind: 'text', panelId } : { kind: 'text' });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
