/**
 * A keyboard-only visit on the built site: Tab reaches the boards in exhibition order (their
 * proxies, with a focus ring drawn in the scene), Enter opens a card, Esc closes it and the focus
 * comes back to the board; after the last board Tab goes on to the HUD. Then, with
 * `prefers-reduced-motion`, opening a far board cuts there: no pose in between.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVisit, type PageWatch, shippedPanels, type Visit, waitForStillness } from './harness.ts';

let visit: Visit;
let page: Page;
let watch: PageWatch;
let panels: Awaited<ReturnType<typeof shippedPanels>>;

const focusedProxy = () =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.panelId ?? document.activeElement?.tagName);
const exhibitState = () => page.evaluate(() => window.__exhibit?.state());

beforeAll(async () => {
  panels = await shippedPanels();
  visit = await openVisit();
  ({ page, watch } = visit);
});

afterAll(() => visit?.close());

describe('a keyboard-only visit', () => {
  it('opens five boards in exhibition order with Tab, Enter and Esc, the focus coming back each time', async () => {
    // Cuts, not glides, for the first two tests: they are about the focus and where the camera
    // ends, not the way there (a glide is dozens of CPU-rendered frames). The reduced-motion test
    // below starts from the default again.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(async () => (await exhibitState())?.reducedMotion).toBe(true);
    for (const [index, panel] of panels.slice(0, 5).entries()) {
      await page.keyboard.press('Tab');
      await expect.poll(focusedProxy).toBe(panel.id);
      // The proxy is named by the panel's title, and the scene rings the board it stands for.
      expect(await page.getByRole('button', { name: panel.title, exact: true }).first().getAttribute('data-panel-id')).toBe(
        panel.id,
      );
      await expect.poll(async () => (await exhibitState())?.keyboardFocusPanelId).toBe(panel.id);
      if (index === 0) {
        // Focusing the proxy turns the camera to its board: the board comes to the middle of the view.
        await expect
          .poll(() => page.evaluate((id) => Math.abs(window.__exhibit?.projectPanel(id)?.ndc[0] ?? 9), panel.id), {
            timeout: 60_000,
          })
          .toBeLessThan(0.05);
        await waitForStillness(page);
        await page.screenshot({ path: 'tests/artifacts/keyboard-focus-ring.png' });
        // The focused board's proxy shows its title on screen, besides the ring in the scene.
        const box = await page.locator(`.board-proxy[data-panel-id="${panel.id}"]`).boundingBox();
        expect(box?.width).toBeGreaterThan(40);
      }
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: panel.title });
      await dialog.waitFor({ state: 'visible' });
      expect((await exhibitState())?.openPanelId).toBe(panel.id);
      if (index === 0) {
        // With the card open, the arrow keys belong to it: → goes to the next panel, ← back.
        await page.keyboard.press('ArrowRight');
        await page.getByRole('dialog', { name: panels[1]?.title }).waitFor({ state: 'visible' });
        await page.keyboard.press('ArrowLeft');
        await dialog.waitFor({ state: 'visible' });
      }
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(focusedProxy).toBe(panel.id);
    }
  });

  it('has no key trap: Tab leaves the last board for the HUD', async () => {
    const last = panels.at(-1);
    if (!last) throw new Error('no panels');
    await page.locator(`.board-proxy[data-panel-id="${last.id}"]`).focus();
    await expect.poll(async () => (await exhibitState())?.keyboardFocusPanelId).toBe(last.id);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.hud') !== null)).toBe(true);
    // Leaving the boards takes the ring away.
    await expect.poll(async () => (await exhibitState())?.keyboardFocusPanelId).toBeNull();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusedProxy).toBe(last.id);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(async () => (await exhibitState())?.reducedMotion).toBe(false);
  });

  it('cuts to a board with no pose in between when the visitor prefers reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(async () => (await exhibitState())?.reducedMotion).toBe(true);
    const first = panels[0];
    const far = panels[12];
    if (!first || !far) throw new Error('too few panels');
    await page.locator(`.board-proxy[data-panel-id="${first.id}"]`).focus();
    await waitForStillness(page);
    const start = await page.evaluate(() => window.__exhibit?.pose().position ?? []);
    // Every frame's pose from now on.
    await page.evaluate(() => {
      const poses: number[][] = [];
      (window as unknown as { __poses: number[][] }).__poses = poses;
      const sample = () => {
        const pose = window.__exhibit?.pose();
        if (pose) poses.push(pose.position);
        if (poses.length < 5000) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const framesBefore = await page.evaluate(() => window.__exhibit?.frames() ?? 0);
    const started = Date.now();
    await page.locator(`.board-proxy[data-panel-id="${far.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: far.title }).waitFor({ state: 'visible' });
    await waitForStillness(page);
    const arrivedMs = Date.now() - started;
    const end = await page.evaluate(() => window.__exhibit?.pose().position ?? []);
    const poses = await page.evaluate(() => (window as unknown as { __poses: number[][] }).__poses);
    const near = (a: number[], b: number[]) => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[2] ?? 0) - (b[2] ?? 0)) < 1e-3;
    expect(Math.abs((end[2] ?? 0) - (start[2] ?? 0))).toBeGreaterThan(10); // a long way down the corridor
    expect(poses.length).toBeGreaterThan(0);
    expect(poses.filter((pose) => !near(pose, start) && !near(pose, end))).toEqual([]);
    // A glide down the corridor takes dozens of frames (about 30 even when every frame advances it
    // by the rig's 0.1 s cap); a cut takes the one that shows it, then one for the card's arrival
    // and one for each photo and text batch of the far board that arrives after it (9 seen on a
    // busy machine, three files at a time). The poses above are the proof there was no glide.
    const frames = (await page.evaluate(() => window.__exhibit?.frames() ?? 0)) - framesBefore;
    expect(frames).toBeLessThan(15);
    console.info(`reduced motion: arrived in ${arrivedMs} ms, ${frames} frames drawn, ${poses.length} sampled`);
    await page.keyboard.press('Escape');
    await expect.poll(focusedProxy).toBe(far.id);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('said nothing wrong on the way', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
