/**
 * What the station draws QR codes of: a join link, or a link to a page of its own site (a card's
 * deep link). Never arbitrary text: a QR on the station's projector or cards is trusted by
 * whoever scans it, so an open "QR of anything" would be a phishing tool on the station's Wi-Fi.
 */

import type { Refusal } from '../../live/protocol.ts';
import { qrQuerySchema } from '../../live/protocol.ts';

/** The absolute link for a same-origin path (`/…`, not `//…`), or a refusal. */
export function shareLink(query: unknown, publicUrl: string): { ok: true; url: string } | Refusal {
  const parsed = qrQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false, error: 'bad-request' };
  const { path } = parsed.data;
  // "//host" and "/\\host" are other origins to a browser; controls and spaces have no place in a link.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || /[\p{Cc}\s\\]/u.test(path)) {
    return { ok: false, error: 'bad-path' };
  }
  const base = new URL(publicUrl);
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    return { ok: false, error: 'bad-path' };
  }
  if (url.origin !== base.origin || url.username || url.password) return { ok: false, error: 'bad-path' };
  return { ok: true, url: url.href };
}
