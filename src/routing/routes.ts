/**
 * Routes live in the URL hash, so `dist/` works from any static host and a link or a reload
 * lands where it pointed: `#/` the corridor, `#/panel/<id>` a panel's card, `#/problems` the
 * content problems. (`#/text` is reserved for the text-mode twin.)
 */
export type Route = { kind: 'home' } | { kind: 'panel'; id: string } | { kind: 'problems' } | { kind: 'unknown'; path: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { kind: 'home' };
  const panel = /^\/panel\/([^/?#]+)\/?$/.exec(path);
  if (panel?.[1]) return { kind: 'panel', id: safeDecode(panel[1]) };
  if (path === '/problems') return { kind: 'problems' };
  return { kind: 'unknown', path: safeDecode(path) };
}

export function formatHash(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'panel':
      return `#/panel/${encodeURIComponent(route.id)}`;
    case 'problems':
      return '#/problems';
    case 'unknown':
      return `#${route.path}`;
  }
}

export function panelHref(panelId: string): string {
  return formatHash({ kind: 'panel', id: panelId });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
