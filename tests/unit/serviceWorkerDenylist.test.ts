/**
 * The kiosk's service worker answers navigations with the cached page (workbox
 * `navigateFallback`). On the station server that must never happen for the live API, the join
 * links (a server redirect) or the socket: this reads what vite.config.ts hands to VitePWA.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('vite-plugin-pwa', () => ({ VitePWA: vi.fn(() => []) }));

const { VitePWA } = await import('vite-plugin-pwa');
await import('../../vite.config.ts');

interface WorkboxOptions {
  navigateFallback?: string;
  navigateFallbackDenylist?: RegExp[];
}

const workbox = (vi.mocked(VitePWA).mock.calls[0]?.[0] as { workbox?: WorkboxOptions } | undefined)?.workbox;

/** Workbox's NavigationRoute: a navigation is left to the network when its path + query matches the denylist. */
function fallsBackToCachedPage(url: string): boolean {
  const { pathname, search } = new URL(url, 'http://station.local');
  return !(workbox?.navigateFallbackDenylist ?? []).some((pattern) => pattern.test(pathname + search));
}

describe('the kiosk service worker on the station server', () => {
  it('keeps its offline fallback page', () => {
    expect(workbox?.navigateFallback).toBe('index.html');
  });

  it.each([
    '/api/live/status',
    '/api/live/sessions',
    '/join',
    '/join/',
    '/join/123456',
    '/join?code=1',
    '/socket.io/?EIO=4&transport=polling',
  ])('never answers %s with the cached page', (url) => {
    expect(fallsBackToCachedPage(url)).toBe(false);
  });

  it.each(['/', '/index.html', '/?mode=kiosk', '/?mode=follow&code=123456', '/?mode=present&tour=all#/panel/x', '/joinery'])(
    'still answers %s offline',
    (url) => {
      expect(fallsBackToCachedPage(url)).toBe(true);
    },
  );
});
