/**
 * The curator's page (?mode=curate) as the e2e tests drive it: a browser context of its own per
 * person, logging in through the form, and calls of the curator's API from the page itself (its
 * cookie, its Origin).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type PageWatch, watchPage } from './harness.ts';

export const CURATOR_POLL = { timeout: 120_000, interval: 250 };

/** A new browser (context) on the curator's page, its console watched. */
export async function openCurator(
  browser: Browser,
  stationUrl: string,
  kept: { contexts: BrowserContext[]; watches: PageWatch[] },
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  kept.contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  kept.watches.push(watchPage(page, stationUrl.replace(/\/$/, '')));
  await page.goto(`${stationUrl}?mode=curate`);
  return page;
}

/** Through the login form, until the page is ready. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  const login = page.getByRole('region', { name: '布展登录' });
  await login.getByLabel('用户名').fill(username);
  await login.getByLabel('密码', { exact: true }).fill(password);
  await login.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByRole('heading', { name: '布展 · 党史长廊' }).count(), CURATOR_POLL).toBe(1);
  await expect.poll(() => page.locator('.curate-page').getAttribute('data-curate-phase'), CURATOR_POLL).toBe('ready');
}

/** A call to the curator's API from the page itself: its cookie, its Origin. */
export function pageApi(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}
