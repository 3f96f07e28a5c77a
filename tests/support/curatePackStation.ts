/**
 * A stand-in for the station's content-pack import (src/live/curatePackProtocol.ts) behind a
 * stubbed `fetch`: `POST api/curate/import` answers with what the test queued (the protocol's
 * status codes and bodies), and every request is kept with its query, content type and body, so
 * a test can see the file went as the raw body. The server's own rules are in
 * tests/server/contentPack.test.ts.
 */
import { vi } from 'vitest';
import type { PackImportAnswer } from '../../src/live/curatePackProtocol.ts';

export interface PackRequest {
  url: string;
  method: string;
  contentType: string | null;
  body: unknown;
}

const STATUS: Record<string, number> = { 'draft-has-changes': 409, busy: 409, 'too-large': 413, forbidden: 403 };

export function curatePackStation() {
  const answers: Array<PackImportAnswer | { ok: false; error: string } | 'offline'> = [];
  const requests: PackRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    requests.push({ url, method: init?.method ?? 'GET', contentType: headers.get('content-type'), body: init?.body });
    if (!url.startsWith('api/curate/import')) return new Response('not found', { status: 404 });
    const answer = answers.shift() ?? { ok: false, error: 'server-error' };
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    const status = answer.ok ? 200 : (STATUS[answer.error] ?? 422);
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  });
  return {
    fetch,
    requests,
    /** The next import's answer (they are used in order). */
    answer(next: PackImportAnswer | { ok: false; error: string } | 'offline') {
      answers.push(next);
    },
  };
}
