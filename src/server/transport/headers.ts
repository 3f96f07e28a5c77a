/**
 * Headers on every answer. The CSP is the static build's own policy (src/build/csp.ts), with what
 * the station adds: the socket (`ws:`/`wss:`; older browsers do not count them as 'self') and
 * `frame-ancestors 'none'`, which a meta tag cannot say (no one may frame the station's pages).
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import { buildContentSecurityPolicy } from '../../build/csp.ts';

export const SERVER_CONTENT_SECURITY_POLICY = buildContentSecurityPolicy({
  'connect-src': ['ws:', 'wss:'],
  'frame-ancestors': ["'none'"],
});

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': SERVER_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
};

/** The two caching rules: a hashed file never changes; anything else is asked about each time. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';
export const CACHE_NONE = 'no-store';

/**
 * Who sent a request: the peer, or behind trusted proxies the address X-Forwarded-For gives (the
 * nearest one not itself a trusted proxy). Fastify does the same for `request.ip` with the same
 * list (app.ts); this is for what fastify does not see, the socket.io handshake.
 */
export function forwardedAddress(request: IncomingMessage, trusted: (address: string, hop: number) => boolean): string {
  return clientAddress(proxyAddr(request, trusted));
}

/** Normalises an IPv4-mapped IPv6 address, so one phone is one key for the rate limits. */
export function clientAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
