/**
 * A phone visit on the built site: 390 × 844, touch only (`hasTouch`, `isMobile`). The canvas
 * is capped in pixel ratio; a tap on the floor walks, a finger drag looks around, a tap on a
 * board opens its card as a bottom sheet (full width, at the bottom, text ≥ 16 px, no sideways
 * scroll, the board still in view above it); a button tapped straight after a flick is clicked;
 * the card's buttons step through the panels; turned
 * to landscape, the card moves to the side. The HUD's English title takes two lines at most,
 * clear of the floor plan's button; the directory covers the whole screen; the floor plan folds
 * away after the year scrubber; its boards have finger-sized targets; a board whose card closes
 * is framed whole again. A quiz (知识问答) is taken to the end by touch: a board opened from an
 * answer's 去看展板 and closed again brings back the same question, then the score, the result
 * card saved as an image, and 再来一次.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVisit, type PageWatch, saveArtifact, shippedPanels, type Visit, waitForStillness } from './harness.ts';
import { answerQuestion, quizState, shippedQuiz } from './quizSupport.ts';
import { describeRect, overlaps, shownRect, shownRects } from './rects.ts';

const WIDTH = 390;
const HEIGHT = 844;

let visit: Visit;
let page: Page;
let watch: PageWatch;
let panels: Awaited<ReturnType<typeof shippedPanels>>;

/** A camera move and the card's framing ease over dozens of frames; CPU WebGL on a busy machine draws about one a second. */
const SETTLE_MS = 150_000;

const exhibitState = () => page.evaluate(() => window.__exhibit?.state());
const pose = () => page.evaluate(() => window.__exhibit?.pose());

beforeAll(async () => {
  panels = await shippedPanels();
  visit = await openVisit({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  ({ page, watch } = visit);
});

afterAll(() => visit?.close());

describe('a phone visit', () => {
  it('draws at a capped pixel ratio with phone-sized photos, and leaves touches to the scene', async () => {
    const quality = await page.evaluate(() => window.__exhibit?.quality());
    expect(quality?.deviceClass).toBe('phone');
    expect(quality?.boardTextureMaxSide).toBe(640);
    expect(quality?.pixelRatio).toBeLessThanOrEqual(1.5); // not the phone's 3
    const touchAction = await page.locator('.exhibit-canvas').evaluate((element) => getComputedStyle(element).touchAction);
    expect(touchAction).toBe('none');
    // The on-screen previous / next buttons are big enough for a finger.
    for (const name of ['上一块展板', '下一块展板']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await waitForStillness(page);
    await page.screenshot({ path: 'tests/artifacts/phone-portrait.png' });
  });

  it('walks to a tapped point of the floor', async () => {
    const before = await pose();
    await page.touchscreen.tap(WIDTH / 2, HEIGHT * 0.62);
    await expect.poll(async () => (await pose())?.position[2] ?? 0).toBeLessThan((before?.position[2] ?? 0) - 0.5);
    await waitForStillness(page);
  });

  it('looks around when a finger drags, without walking or opening anything', async () => {
    const before = await pose();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: x === undefined ? [] : [{ x, y: HEIGHT * 0.6, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    const flick = async (from: number, by: number) => {
      await touch('touchStart', from);
      for (let step = 1; step <= 6; step++) await touch('touchMove', from + step * by);
      await touch('touchEnd');
    };
    await flick(120, 25);
    // Dragging the world to the right turns the view to the left (yaw grows).
    await expect.poll(async () => (await pose())?.yaw ?? 0).toBeGreaterThan((before?.yaw ?? 0) + 0.3);
    await waitForStillness(page);
    const after = await pose();
    expect(after?.position).toEqual(before?.position);
    expect((await exhibitState())?.openPanelId).toBeNull();

    // A tap on a button straight after a quick flick is a click, not the end of a fling (Chromium
    // ate about one in three before the canvas cancelled its touch moves).
    for (const [index, name] of ['下一块展板', '上一块展板', '下一块展板', '上一块展板'].entries()) {
      await flick(index % 2 ? 120 : 270, index % 2 ? 25 : -25);
      const focusBefore = (await exhibitState())?.focusPanelId;
      await page.getByRole('button', { name, exact: true }).tap();
      await expect.poll(async () => (await exhibitState())?.focusPanelId, { timeout: 5_000 }).not.toBe(focusBefore);
    }
    await cdp.detach();
    await waitForStillness(page);
  });

  it('opens a tapped board as a bottom sheet, readable without zooming, the board above it', async () => {
    await page.getByRole('button', { name: '下一块展板', exact: true }).tap();
    await expect.poll(async () => (await exhibitState())?.focusPanelId).toBeTruthy();
    await waitForStillness(page);
    const id = (await exhibitState())?.focusPanelId as string;
    const panel = panels.find((candidate) => candidate.id === id);
    const point = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId), id);
    if (!point || !panel) throw new Error(`board ${id} is not on screen`);
    await page.touchscreen.tap(point.x, point.y);
    const dialog = page.getByRole('dialog', { name: panel.title });
    await dialog.waitFor({ state: 'visible' });
    await waitForStillness(page);

    const box = await dialog.boundingBox();
    expect(box?.x).toBeCloseTo(0, 0);
    expect(box?.width).toBeCloseTo(WIDTH, 0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeCloseTo(HEIGHT, 0);
    expect(box?.y).toBeGreaterThan(HEIGHT * 0.3);
    const body = page.locator('.panel-card__body');
    const text = await body.evaluate((element) => ({
      fontSize: Number.parseFloat(getComputedStyle(element.querySelector('p') ?? element).fontSize),
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(text.fontSize).toBeGreaterThanOrEqual(16);
    expect(text.scrollWidth).toBeLessThanOrEqual(text.clientWidth);
    // The board stands in the strip above the sheet.
    const board = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId), id);
    expect(board?.y).toBeGreaterThan(0);
    expect(board?.y).toBeLessThan(box?.y ?? 0);
    expect(board?.x).toBeGreaterThan(0);
    expect(board?.x).toBeLessThan(WIDTH);
    await page.screenshot({ path: 'tests/artifacts/phone-bottom-sheet.png' });
  });

  it('steps to the next and previous panel with the card’s buttons', async () => {
    const openId = (await exhibitState())?.openPanelId;
    const index = panels.findIndex((panel) => panel.id === openId);
    const next = panels[index + 1];
    const current = panels[index];
    if (!next || !current) throw new Error('no next panel');
    await page.locator('.panel-card__footer button').last().tap();
    await page.getByRole('dialog', { name: next.title }).waitFor({ state: 'visible' });
    expect((await exhibitState())?.openPanelId).toBe(next.id);
    await page.locator('.panel-card__footer button').first().tap();
    await page.getByRole('dialog', { name: current.title }).waitFor({ state: 'visible' });
    expect((await exhibitState())?.openPanelId).toBe(current.id);
  });

  it('moves the card to the side in landscape, with the board beside it', async () => {
    await page.setViewportSize({ width: HEIGHT, height: WIDTH });
    await waitForStillness(page);
    const box = await page.getByRole('dialog').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeCloseTo(HEIGHT, 0);
    expect(box?.x).toBeGreaterThan(HEIGHT * 0.4);
    expect(box?.height).toBeCloseTo(WIDTH, 0);
    const id = (await exhibitState())?.openPanelId as string;
    const board = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId), id);
    expect(board?.x).toBeLessThan(box?.x ?? 0);
    await page.screenshot({ path: 'tests/artifacts/phone-landscape.png' });
    await page.getByRole('button', { name: '关闭', exact: true }).tap();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    // Turned back to portrait, the board is framed again for the narrower screen: whole.
    await waitForStillness(page, 600, SETTLE_MS);
    const portrait = await page.evaluate((panelId) => window.__exhibit?.boardRect(panelId) ?? null, id);
    expect(portrait?.left).toBeGreaterThanOrEqual(0);
    expect(portrait?.right).toBeLessThanOrEqual(WIDTH);
  });

  it('fits the English title in two lines beside its buttons, clear of the floor plan button', async () => {
    const lineCount = () =>
      page.locator('.hud__title h1').evaluate((heading) => {
        const range = document.createRange();
        range.selectNodeContents(heading);
        return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
      });
    for (const [name, lang] of [
      ['English · 切换到英文', 'en'],
      ['中文 · Switch to Chinese', 'zh'],
    ] as const) {
      await page.locator('.hud').getByRole('button', { name, exact: true }).tap();
      await expect.poll(async () => (await exhibitState())?.lang).toBe(lang);
      expect(await lineCount(), lang).toBeLessThanOrEqual(2);
      const title = await shownRects(page.locator('.hud__title h1, .hud__title p'));
      expect(title).toHaveLength(2);
      const others = await shownRects(page.locator('.floor-plan__toggle, .hud__actions button'));
      expect(others.length).toBeGreaterThanOrEqual(4);
      for (const rect of title) {
        const under = others.filter((other) => overlaps(rect, other)).map(describeRect);
        expect(under, `${lang}: title line at ${describeRect(rect)}`).toEqual([]);
      }
      if (lang === 'en') await page.screenshot({ path: 'tests/artifacts/phone-title-english.png' });
    }
  });

  it('opens the directory over the whole screen, leaving no piece of the HUD’s buttons showing', async () => {
    const button = page.locator('#directory-toggle');
    const buttonRect = await shownRect(button);
    if (!buttonRect) throw new Error('no directory button');
    await button.tap();
    const directory = page.getByRole('navigation', { name: '展厅目录' });
    await directory.waitFor({ state: 'visible' });
    const drawer = await shownRect(directory);
    expect(drawer?.left).toBeLessThanOrEqual(buttonRect.left);
    expect(drawer?.right).toBeGreaterThanOrEqual(buttonRect.right);
    // What is on top at the button's corners and middle is the directory.
    const inset = 2;
    const points = [
      [buttonRect.left + inset, buttonRect.top + inset],
      [buttonRect.right - inset, buttonRect.top + inset],
      [buttonRect.left + inset, buttonRect.bottom - inset],
      [buttonRect.right - inset, buttonRect.bottom - inset],
      [(buttonRect.left + buttonRect.right) / 2, (buttonRect.top + buttonRect.bottom) / 2],
    ];
    const onTop = await page.evaluate(
      (at) => at.map(([x, y]) => Boolean(document.elementFromPoint(x ?? 0, y ?? 0)?.closest('#directory'))),
      points,
    );
    expect(onTop).toEqual(points.map(() => true));
    await page.screenshot({ path: 'tests/artifacts/phone-directory.png' });
    await directory.getByRole('button', { name: '关闭目录' }).tap();
    await directory.waitFor({ state: 'hidden' });
  });

  it('folds the floor plan away once the year scrubber has taken the visitor somewhere', async () => {
    // Cuts instead of glides from here on: these tests look at where things end, not at the way there.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(async () => (await exhibitState())?.reducedMotion).toBe(true);
    const toggle = page.locator('.floor-plan__toggle');
    await toggle.tap();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const before = (await exhibitState())?.focusPanelId;
    const slider = page.getByRole('slider', { name: /百年党史/ });
    const track = await shownRect(slider);
    if (!track) throw new Error('no slider');
    await page.touchscreen.tap(track.left + (track.right - track.left) * 0.3, (track.top + track.bottom) / 2);
    await expect.poll(async () => (await exhibitState())?.focusPanelId).not.toBe(before);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await shownRect(page.locator('.floor-plan__body'))).toBeNull();
    await waitForStillness(page, 600, SETTLE_MS);
    // The board the scrubber went to is in view, not under the plan.
    const board = await page.evaluate(
      (id) => (id ? (window.__exhibit?.boardRect(id) ?? null) : null),
      (await exhibitState())?.focusPanelId ?? null,
    );
    expect(board?.left).toBeLessThan(WIDTH);
    expect(board?.right).toBeGreaterThan(0);
    await page.screenshot({ path: 'tests/artifacts/phone-after-scrubber.png' });
  });

  it('gives each board on the floor plan a target a finger can hit (44 px), and a tap at its edge opens it', async () => {
    await page.locator('.floor-plan__toggle').tap();
    const map = await shownRect(page.locator('.floor-plan__map'));
    const targets = page.locator('.floor-plan__target');
    const rects = await shownRects(targets);
    expect(rects).toHaveLength(panels.length);
    for (const rect of rects) {
      expect(rect.right - rect.left).toBeGreaterThanOrEqual(44 - 0.5);
      expect(rect.bottom - rect.top).toBeGreaterThanOrEqual(44 - 0.5);
      // Within the drawing, where a tap is heard.
      expect(rect.left).toBeGreaterThanOrEqual((map?.left ?? 0) - 0.5);
      expect(rect.right).toBeLessThanOrEqual((map?.right ?? 0) + 0.5);
      expect(rect.top).toBeGreaterThanOrEqual((map?.top ?? 0) - 0.5);
      expect(rect.bottom).toBeLessThanOrEqual((map?.bottom ?? 0) + 0.5);
    }
    await page.screenshot({ path: 'tests/artifacts/phone-floor-plan.png' });
    // The board nearest the entrance, tapped at its target's corner on the entrance and wall side:
    // far off its drawn bar (a few pixels wide), but nearer to it than to any other board.
    const first = await targets.evaluateAll((elements) => {
      const shown = elements.map((element) => ({
        id: element.getAttribute('data-panel-id') ?? '',
        box: element.getBoundingClientRect(),
        bar: document
          .querySelector(`.floor-plan__board[data-panel-id="${element.getAttribute('data-panel-id')}"]`)
          ?.getBoundingClientRect(),
        map: document.querySelector('.floor-plan__map')?.getBoundingClientRect(),
      }));
      const entranceSide = shown.sort((a, b) => (a.bar?.left ?? 0) - (b.bar?.left ?? 0))[0];
      if (!entranceSide?.bar || !entranceSide.map) return null;
      const onTopWall = entranceSide.bar.top < entranceSide.map.top + entranceSide.map.height / 2;
      return {
        id: entranceSide.id,
        x: entranceSide.box.left + 3,
        y: onTopWall ? entranceSide.box.top + 3 : entranceSide.box.bottom - 3,
        bar: {
          left: entranceSide.bar.left,
          top: entranceSide.bar.top,
          right: entranceSide.bar.right,
          bottom: entranceSide.bar.bottom,
        },
      };
    });
    if (!first) throw new Error('no board target');
    // Well away from the bar itself.
    const fromBar = Math.hypot(
      Math.max(first.bar.left - first.x, 0, first.x - first.bar.right),
      Math.max(first.bar.top - first.y, 0, first.y - first.bar.bottom),
    );
    expect(fromBar).toBeGreaterThan(12);
    await page.touchscreen.tap(first.x, first.y);
    await expect.poll(async () => (await exhibitState())?.openPanelId).toBe(first.id);
  });

  it('frames the board whole again once its card is closed', async () => {
    const id = (await exhibitState())?.openPanelId as string;
    const panel = panels.find((candidate) => candidate.id === id);
    await page.getByRole('dialog', { name: panel?.title }).waitFor({ state: 'visible' });
    await waitForStillness(page, 600, SETTLE_MS);
    await page.screenshot({ path: 'tests/artifacts/phone-card-open.png' });
    await page.getByRole('button', { name: '关闭', exact: true }).tap();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await waitForStillness(page, 600, SETTLE_MS);
    const board = await page.evaluate((panelId) => window.__exhibit?.boardRect(panelId) ?? null, id);
    expect(board, 'the board is in front of the camera').not.toBeNull();
    // Not cropped at either side (nor at the top or bottom), and the view is centred again.
    expect(board?.left).toBeGreaterThanOrEqual(0);
    expect(board?.right).toBeLessThanOrEqual(WIDTH);
    expect(board?.top).toBeGreaterThanOrEqual(0);
    expect(board?.bottom).toBeLessThanOrEqual(HEIGHT);
    expect(Math.abs(((board?.left ?? 0) + (board?.right ?? 0)) / 2 - WIDTH / 2)).toBeLessThan(4);
    await page.screenshot({ path: 'tests/artifacts/phone-card-closed.png' });
  });

  it('takes a quiz to the end by touch: a board from an answer and back to the same question, the score, the card, 再来一次', async () => {
    const quiz = await shippedQuiz('corridor');
    const total = quiz.questions.length;
    const hash = () => page.evaluate(() => location.hash);
    // On a phone the quizzes are in the directory (the HUD keeps its buttons for the corridor).
    await page.locator('#directory-toggle').tap();
    await page.getByRole('navigation', { name: '展厅目录' }).getByRole('link', { name: '知识问答', exact: true }).tap();
    const list = page.getByRole('dialog', { name: '知识问答' });
    await list.waitFor({ state: 'visible' });
    expect(await hash()).toBe('#/quiz');
    await list.getByRole('link', { name: new RegExp(`^${quiz.title.zh}`) }).tap();
    const dialog = page.getByRole('dialog', { name: quiz.title.zh });
    await dialog.waitFor({ state: 'visible' });
    expect(await hash()).toBe(`#/quiz/${quiz.id}`);
    // Big targets, within the screen.
    const optionBox = await dialog.locator('label.quiz-option').first().boundingBox();
    expect(optionBox?.height).toBeGreaterThanOrEqual(48);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    const seed = (await quizState(page))?.attempt?.seed;

    let right = 0;
    for (let n = 1; n <= total; n++) {
      // Right, wrong, right, wrong…: the score must count exactly the right ones.
      const answerRight = n % 2 === 1;
      const question = await answerQuestion(page, dialog, quiz, n, answerRight);
      if (answerRight) right++;
      if (n === 1) {
        await page.screenshot({ path: 'tests/artifacts/phone-quiz-feedback.png' });
        // 去看展板: the board that supports the answer, in its card, and back to the same question.
        const link = dialog.getByRole('link', { name: /去看展板/ });
        expect(await link.getAttribute('href')).toBe(`#/panel/${question.panel}`);
        await link.tap();
        const title = panels.find((panel) => panel.id === question.panel)?.title;
        const card = page.getByRole('dialog', { name: title });
        await card.waitFor({ state: 'visible' });
        expect(await hash()).toBe(`#/panel/${question.panel}`);
        expect((await exhibitState())?.openPanelId).toBe(question.panel);
        await card.getByRole('button', { name: '返回问答' }).tap();
        await dialog.waitFor({ state: 'visible' });
        expect(await hash()).toBe(`#/quiz/${quiz.id}`);
        expect((await exhibitState())?.openPanelId).toBeNull();
        expect((await quizState(page))?.attempt).toMatchObject({ index: 0, questionId: question.id, phase: 'feedback' });
        expect(await dialog.getByTestId('quiz-feedback').textContent()).toContain(question.explanation.zh);
      }
      await dialog.getByRole('button', { name: n === total ? '查看成绩' : '下一题' }).tap();
    }

    await expect.poll(async () => (await quizState(page))?.attempt?.phase).toBe('finished');
    expect(await dialog.getByTestId('quiz-score').textContent()).toContain(`${right} / ${total}`);
    expect(await dialog.locator('li.quiz-review').count()).toBe(total);
    // A name only if the visitor types one: the field starts empty.
    const name = dialog.getByRole('textbox', { name: /姓名/ });
    expect(await name.inputValue()).toBe('');
    await name.fill('消防学员');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '保存为图片' }).tap();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(new RegExp(`^dangshi-quiz-${quiz.id}-\\d{4}-\\d{2}-\\d{2}\\.png$`));
    const png = await readFile((await saved.path()) as string);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    await saveArtifact('phone-quiz-card.png', png);
    await expect.poll(() => dialog.getByRole('status').last().textContent()).toContain('成绩卡已保存为图片');
    await page.screenshot({ path: 'tests/artifacts/phone-quiz-result.png' });

    // 再来一次: a new order, from the first question, nothing answered.
    await dialog.getByRole('button', { name: '再来一次' }).tap();
    await expect.poll(async () => (await quizState(page))?.attempt?.phase).toBe('answering');
    expect((await quizState(page))?.attempt).toMatchObject({ index: 0 });
    expect((await quizState(page))?.attempt?.seed).not.toBe(seed);
    await dialog.getByRole('button', { name: '关闭问答' }).tap();
    await dialog.waitFor({ state: 'hidden' });
    expect(await hash()).toBe('#/');
  });

  it('said nothing wrong on the way', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
