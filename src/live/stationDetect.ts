/**
 * The browser's test for "this page came from the station server" (src/server/): its answers
 * carry the station's CSP header with `frame-ancestors 'none'`, which a static build's meta tag
 * cannot say. Asked of the page itself, so a static host is never sent `api/…`, whose 404 the
 * browser would log as an error. Offline or on a static host it says false, never throws.
 */
export async function servedByStation(win: Pick<Window, 'fetch'>): Promise<boolean> {
  try {
    const page = await win.fetch('./', { cache: 'no-store' });
    void page.body?.cancel();
    return page.headers.get('content-security-policy')?.includes("frame-ancestors 'none'") ?? false;
  } catch {
    return false;
  }
}

/**
 * The station's QR of a card's deep link, relative to the page like every asset: the station
 * draws `PUBLIC_URL` + the path (the address phones on its Wi-Fi use), never another site's.
 */
export function shareQrSrc(panelId: string): string {
  return `api/live/qr.svg?path=${encodeURIComponent(`/#/panel/${encodeURIComponent(panelId)}`)}`;
}
