/**
 * The browser's test for the station server (src/live/stationDetect.ts): only a page answered with
 * the station's CSP (`frame-ancestors 'none'`) counts; a static host, a CSP without it, or no
 * network at all say no, without throwing. And the share QR's address: a same-origin path of the
 * card's deep link, the id encoded once in the hash and the path once more in the query.
 */
import { describe, expect, it } from 'vitest';
import { servedByStation, shareQrSrc } from '../../src/live/stationDetect.ts';

const answering = (headers: Record<string, string>) => ({
  fetch: async (input: RequestInfo | URL) => {
    expect(String(input)).toBe('./');
    return new Response('<!doctype html>', { headers });
  },
});

describe('servedByStation', () => {
  it('says yes for the station’s CSP header', async () => {
    expect(await servedByStation(answering({ 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" }))).toBe(
      true,
    );
  });

  it('says no for a static host, or a CSP of another kind', async () => {
    expect(await servedByStation(answering({}))).toBe(false);
    expect(await servedByStation(answering({ 'content-security-policy': "default-src 'self'" }))).toBe(false);
  });

  it('says no, and does not throw, offline', async () => {
    const offline = {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    };
    expect(await servedByStation(offline)).toBe(false);
  });
});

describe('shareQrSrc', () => {
  it('asks the station for a QR of the card’s deep link, relative to the page', () => {
    const src = shareQrSrc('wang-yanping');
    expect(src).toBe(`api/live/qr.svg?path=${encodeURIComponent('/#/panel/wang-yanping')}`);
    const query = new URL(shareQrSrc('德清 党史'), 'http://station.local/').searchParams.get('path');
    expect(query).toBe(`/#/panel/${encodeURIComponent('德清 党史')}`);
  });
});
