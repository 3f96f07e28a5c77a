/**
 * The site's Content-Security-Policy, in one place: the static build carries it as a meta tag
 * (added to the built index.html; not in dev, where vite's dev server injects inline scripts
 * that a strict policy would block), and the station server sends the same policy as a header
 * with what only a header can say or only the server needs (src/server/transport/headers.ts).
 *
 * Why each source: troika builds its text workers from blob: URLs; textures decode from blob:
 * and data: URLs; `connect-src 'self'` also stops troika's CDN font fallback.
 */
import type { Plugin } from 'vite';

export type CspDirectives = Record<string, readonly string[]>;

export const CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'blob:', 'data:'],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/**
 * The policy as text, optionally with more sources for some directives (added after the base
 * ones) and directives of its own (added at the end). Only ever adds: it cannot loosen a base
 * directive into something the static build would not allow, except by naming more sources.
 */
export function buildContentSecurityPolicy(extra: CspDirectives = {}): string {
  const directives: Record<string, string[]> = {};
  for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) directives[name] = [...sources];
  for (const [name, sources] of Object.entries(extra)) {
    const merged = directives[name] ?? [];
    for (const source of sources) if (!merged.includes(source)) merged.push(source);
    directives[name] = merged;
  }
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy();

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'dangshi:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
