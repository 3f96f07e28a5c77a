/**
 * A live lesson end to end, against the real station server (src/server/main.ts as a child
 * process, real SQLite and sockets) serving the built site, in one headless Chromium: the
 * projector starts 课堂互动 with the PIN; three phones join through `/join/<code>` (one of them as
 * WeChat's in-app browser: its user agent, no service worker, no full screen) (DOM only: no
 * 3D canvas on a phone, nor any 3D code downloaded), follow three stops, see 请看大屏幕 while the projector is black, look
 * around and come back at 集合, keep their own language (the presenter can keep their nicknames
 * off the projector); one switches to the 3D view, whose camera glides with the guide's from stop
 * to stop until the phone taps a board of its own, and back at 回到讲解; and resync by themselves after the
 * server restarts mid-lesson (the time is measured and printed, not asserted); a presenter
 * command forged from a phone's own connection is refused and changes nothing. The presenter
 * window (S) lists the room, and 移出 there removes a phone. A visitor's card
 * served by the station carries a QR of its link.
 */
import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSnapshot, ParticipantWelcome, Refusal } from '../../src/live/protocol.ts';
import {
  type ChildStation,
  closeAllSockets,
  connectPhone,
  expectedStops,
  PIN,
  spawnStation,
  tempDir,
} from '../server/stationHarness.ts';
import { DIST, launchBrowser, type PageWatch, saveArtifact, waitForStillness, watchPage } from './harness.ts';

const TOUR = 'new-recruits';
const POLL = { timeout: 90_000, interval: 200 };
const NICKNAMES = ['小红', '<b>Tom</b>', ''];
/** WeChat's in-app browser on Android (its X5/XWEB engine names itself so). */
const WECHAT_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 12; V2049A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20221206 MMWEBID/1234 ' +
  'MicroMessenger/8.0.32.2300(0x2800205D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
/** What the in-app browser lacks: service workers and the Fullscreen API (run before the page's scripts). */
const WITHOUT_SERVICE_WORKER_OR_FULL_SCREEN = `
  delete Navigator.prototype.serviceWorker;
  delete Element.prototype.requestFullscreen;
  delete Document.prototype.fullscreenEnabled;
  delete Document.prototype.exitFullscreen;
`;

let dataDir: string;
let station: ChildStation;
let browser: Browser;
let projectorContext: BrowserContext;
let projector: Page;
let projectorWatch: PageWatch;
const phoneContexts: BrowserContext[] = [];
const phones: Page[] = [];
const phoneWatches: PageWatch[] = [];
let stops: string[];
let code: string;

/** The stop the projector shows (1-based) and its title, from its visible slide. */
async function projectorStop(): Promise<{ stop: number; title: string; hash: string } | null> {
  return projector.evaluate(() => {
    const card = document.querySelector<HTMLDialogElement>('dialog.projector.projector--shown');
    if (!card) return null;
    const titleId = card.getAttribute('aria-labelledby');
    return {
      stop: Number(card.dataset.stop),
      title: (titleId && document.getElementById(titleId)?.textContent) || '',
      hash: window.location.hash,
    };
  });
}

/** What a phone shows: its screen, the card's name, its progress, and whether it says it reconnects. */
async function phoneView(phone: Page) {
  return phone.evaluate(() => {
    const page = document.querySelector<HTMLElement>('.follow-page');
    const card = document.querySelector<HTMLElement>('.follow-card');
    const titleId = card?.getAttribute('aria-labelledby');
    const progress = document.querySelector<HTMLElement>('.follow-card__progress');
    return {
      screen: page?.dataset.followScreen ?? null,
      title: (titleId && document.getElementById(titleId)?.textContent) || null,
      stop: progress ? Number(progress.dataset.stop) : null,
      stopCount: progress ? Number(progress.dataset.stopCount) : null,
      progressText: progress?.textContent ?? null,
      reconnecting: document.querySelector('.follow-reconnecting') !== null,
      canvases: document.querySelectorAll('canvas').length,
    };
  });
}

/** Every phone shows the guide's stop `n` as a card named by the projector's slide title. */
async function phonesFollow(n: number, title: string) {
  for (const phone of phones) {
    await expect.poll(async () => (await phoneView(phone)).stop, POLL).toBe(n);
    const view = await phoneView(phone);
    expect(view).toMatchObject({ screen: 'guide', stop: n, stopCount: stops.length, reconnecting: false, canvases: 0 });
    expect(view.progressText).toContain(`${n} / ${stops.length}`);
    expect(await phone.getByRole('dialog', { name: title, exact: true }).count()).toBe(1);
  }
}

/** PageDown on the projector until it shows the next stop (a long panel shows its next screen first). */
async function projectorNext(): Promise<{ stop: number; title: string }> {
  const before = (await projectorStop())?.stop ?? 0;
  for (let guard = 0; guard < 20; guard++) {
    await projector.keyboard.press('PageDown');
    const moved = await expect
      .poll(async () => (await projectorStop())?.stop ?? 0, { timeout: 30_000, interval: 200 })
      .toBeGreaterThan(before)
      .then(
        () => true,
        () => false,
      );
    if (moved) break;
  }
  const now = await projectorStop();
  if (!now || now.stop !== before + 1) throw new Error(`the projector did not move on from stop ${before}`);
  expect(now.hash).toBe(`#/panel/${stops[now.stop - 1]}`);
  return now;
}

async function joinCardCount(): Promise<number> {
  return Number(await projector.locator('.present-live-card__count').getAttribute('data-joined'));
}

beforeAll(async () => {
  stops = await expectedStops(TOUR);
  dataDir = await tempDir('live-e2e');
  station = await spawnStation({ dataDir, serveDist: DIST });
  // The projector's slides on the GPU path, as in present.test (see LaunchOptions). (Its phones
  // once stayed on 请看大屏幕 here: B twice before the server's answer, mended in presenterLive.ts.)
  browser = await launchBrowser([], { compositing: 'gpu' });
  projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  projector = await projectorContext.newPage();
  // A cold load on a busy CPU can take more than Playwright's default 30 s.
  projector.setDefaultTimeout(90_000);
  projectorWatch = watchPage(projector, station.url.replace(/\/$/, ''));
});

afterAll(async () => {
  closeAllSockets();
  await browser?.close();
  await station?.kill();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a live lesson with the station server', () => {
  it('the projector starts 课堂互动 with the PIN and shows the join card', async () => {
    await projector.goto(`${station.url}?mode=present&tour=${TOUR}`);
    await expect.poll(async () => (await projectorStop())?.stop, POLL).toBe(1);
    // The control bar offers it once the station answered the feature test; L is its key.
    await expect.poll(() => projector.locator('.present-live-button').count(), POLL).toBe(1);
    await projector.keyboard.press('l');
    const pinDialog = projector.getByRole('dialog', { name: '开始课堂互动' });
    const pinBox = pinDialog.getByLabel('讲解员密码（PIN）');
    // Enter submits (a click waits for stable frames, which CPU WebGL behind the dialog makes slow).
    await pinBox.fill('0000');
    await pinBox.press('Enter');
    await expect.poll(() => pinDialog.getByRole('alert').textContent(), POLL).toBe('密码不对。');
    await pinBox.fill(PIN);
    await pinBox.press('Enter');
    const card = projector.locator('.present-live-card');
    await expect.poll(() => card.getAttribute('data-join-code'), POLL).toMatch(/^\d{6}$/);
    code = (await card.getAttribute('data-join-code')) as string;
    expect(await card.locator('.present-live-card__digits').textContent()).toBe(code);
    // PUBLIC_URL is not set here: the station names its first LAN address, so only the path is known.
    expect(await card.locator('.present-live-card__url').textContent()).toMatch(new RegExp(`^https?://[^/]+/join/${code}$`));
    // The QR is the station's own drawing of the join link.
    await expect
      .poll(() => card.getByRole('img', { name: '加入课堂的二维码' }).evaluate((img: HTMLImageElement) => img.naturalWidth), POLL)
      .toBeGreaterThan(0);
    expect(await joinCardCount()).toBe(0);
    await saveArtifact('live-projector-join-card.png', await projector.screenshot({ timeout: 120_000 }));
  });

  it('three phones join through /join/<code> and see the current stop, without a 3D canvas', async () => {
    const first = await projectorStop();
    for (const [index, nickname] of NICKNAMES.entries()) {
      // The last phone scans with WeChat: its in-app browser, as plain as the README says it is.
      const wechat = index === NICKNAMES.length - 1;
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        ...(wechat ? { userAgent: WECHAT_USER_AGENT, serviceWorkers: 'block' as const } : {}),
      });
      if (wechat) await context.addInitScript(WITHOUT_SERVICE_WORKER_OR_FULL_SCREEN);
      const phone = await context.newPage();
      phone.setDefaultTimeout(90_000);
      phoneContexts.push(context);
      phones.push(phone);
      phoneWatches.push(watchPage(phone, station.url.replace(/\/$/, '')));
      await phone.goto(`${station.url}join/${code}`);
      expect(new URL(phone.url()).search).toBe(`?mode=follow&code=${code}`);
      const nicknameBox = phone.getByLabel('昵称（可不填，最多 12 个字）');
      await nicknameBox.waitFor({ timeout: 60_000 });
      if (nickname) await nicknameBox.fill(nickname);
      await phone.getByRole('button', { name: '加入', exact: true }).click();
      await expect.poll(() => joinCardCount(), POLL).toBe(index + 1);
    }
    await phonesFollow(1, first?.title ?? '');
    // The WeChat phone follows like the others, with no service worker and no full screen to lean on.
    const wechatPhone = phones.at(-1) as Page;
    expect(await wechatPhone.evaluate(() => navigator.userAgent)).toContain('MicroMessenger');
    expect(
      await wechatPhone.evaluate(() => ['serviceWorker' in navigator, 'requestFullscreen' in document.documentElement]),
    ).toEqual([false, false]);
    // Nicknames are text: the tag shows as typed, on the phone and in the projector's list.
    expect(await phones[1]?.locator('.follow-bar__nickname').textContent()).toContain('<b>Tom</b>');
    expect(await phones[1]?.locator('.follow-bar__nickname b').count()).toBe(0);
    const names = await projector.locator('.present-live-card__nickname').allTextContents();
    expect(names.sort()).toEqual(['<b>Tom</b>', '小红', '（未填昵称）'].sort());
    // 隐藏昵称 keeps them off the projector (each a number), and brings them back.
    const hide = projector.getByRole('button', { name: '隐藏昵称' });
    await hide.click();
    await expect.poll(() => hide.getAttribute('aria-pressed'), POLL).toBe('true');
    expect(await projector.locator('.present-live-card__nickname').allTextContents()).toEqual(['观众 1', '观众 2', '观众 3']);
    expect(await projector.locator('.present-live-card').textContent()).not.toContain('小红');
    await hide.click();
    await expect.poll(() => hide.getAttribute('aria-pressed'), POLL).toBe('false');
    expect((await projector.locator('.present-live-card__nickname').allTextContents()).sort()).toEqual(names);
    await saveArtifact('live-phone-stop-1.png', await (phones[0] as Page).screenshot());
    // A phone downloads no 3D code: none of the scripts it loaded holds three.js or troika, and
    // they come to a fraction of what the corridor's page loads.
    const scripts = await (phones[0] as Page).evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.endsWith('.js')),
    );
    expect(scripts.length).toBeGreaterThan(0);
    let bytes = 0;
    for (const script of scripts) {
      const text = await (await fetch(script)).text();
      bytes += text.length;
      expect(text, script).not.toContain('WebGLRenderer');
      expect(text, script).not.toContain('troika');
    }
    expect(bytes).toBeLessThan(700_000);
  });

  it('the phones follow three stops and show 请看大屏幕 while the projector is black', async () => {
    for (let step = 0; step < 3; step++) {
      const now = await projectorNext();
      await phonesFollow(now.stop, now.title);
    }
    await projector.keyboard.press('b');
    for (const phone of phones) {
      await expect.poll(async () => (await phoneView(phone)).screen, POLL).toBe('look-at-screen');
      expect(await phone.getByText('请看大屏幕', { exact: true }).isVisible()).toBe(true);
    }
    await saveArtifact('live-phone-look-at-screen.png', await (phones[0] as Page).screenshot());
    await projector.keyboard.press('b');
    const now = await projectorStop();
    await phonesFollow(now?.stop ?? 0, now?.title ?? '');
  });

  it('a phone looks around on its own, in its own language, and 集合 brings it back', async () => {
    const phone = phones[0] as Page;
    await phone.getByRole('button', { name: '自由参观' }).click();
    await expect.poll(async () => (await phoneView(phone)).screen, POLL).toBe('own');
    const followingShown = projector.locator('.present-live-card__count');
    await expect.poll(() => followingShown.textContent(), POLL).toContain('2 人跟随讲解');
    await phone.getByRole('navigation', { name: '全部展板' }).getByRole('button').first().click();
    await expect.poll(() => phone.getByRole('dialog').count(), POLL).toBe(1);
    // This phone reads in English; the others stay in Chinese.
    await phone.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => phone.getByRole('button', { name: 'Back to the guide' }).count(), POLL).toBe(1);
    expect(await phones[1]?.getByRole('button', { name: '自由参观' }).count()).toBe(1);
    await projector.locator('.present-live-card').getByRole('button', { name: '集合' }).click({ timeout: 120_000 });
    await expect.poll(async () => (await phoneView(phone)).screen, POLL).toBe('guide');
    await expect.poll(() => followingShown.textContent(), POLL).toContain('3 人跟随讲解');
    await phone.getByRole('button', { name: /中文/ }).click();
    await expect.poll(() => phone.getByRole('button', { name: '自由参观' }).count(), POLL).toBe(1);
  });

  it('a phone follows in 3D: its camera glides from stop to stop with the guide’s, a tapped board is its own, 回到讲解 brings it back', async () => {
    const phone = phones[0] as Page;
    const toggle = phone.getByRole('button', { name: '3D 展厅', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The corridor loads on the phone now, and only now (its code, the boards' fonts and text).
    await phone.waitForFunction(() => Boolean(window.__exhibit), undefined, { timeout: 150_000 });
    await phone.locator('.follow-scene[data-loaded="true"]').waitFor({ timeout: 150_000 });
    expect(await phone.getByRole('img', { name: /党史长廊/ }).count()).toBe(1);
    const camera = () =>
      phone.evaluate(() => ({
        pose: window.__exhibit?.pose() ?? null,
        focus: window.__exhibit?.state().focusPanelId ?? null,
        open: window.__exhibit?.state().openPanelId ?? null,
      }));
    /** The board is framed on the phone: all of it on the screen, filling most of its width. */
    const framed = async (panelId: string) => {
      const rect = await phone.evaluate((id) => window.__exhibit?.boardRect(id) ?? null, panelId);
      const { width, height } = phone.viewportSize() ?? { width: 0, height: 0 };
      expect(rect, panelId).not.toBeNull();
      if (!rect) return;
      expect(rect.left).toBeGreaterThanOrEqual(-1);
      expect(rect.right).toBeLessThanOrEqual(width + 1);
      expect(rect.top).toBeGreaterThanOrEqual(-1);
      expect(rect.bottom).toBeLessThanOrEqual(height + 1);
      expect(rect.right - rect.left).toBeGreaterThan(width * 0.6);
    };
    // Sent there (the store's focus), then at rest there (no frame asked for, none drawn).
    const settledAt = async (panelId: string) => {
      await expect.poll(async () => (await camera()).focus, POLL).toBe(panelId);
      await waitForStillness(phone);
      await framed(panelId);
    };
    // Opened at the guide's stop: a cut there, the caption saying where the lesson is.
    const first = await projectorStop();
    await settledAt(stops[(first?.stop ?? 1) - 1] as string);
    const caption = phone.locator('.follow-caption');
    expect(await caption.locator('.follow-caption__progress').getAttribute('data-stop')).toBe(String(first?.stop));
    expect(await caption.getByRole('heading').textContent()).toBe(first?.title);
    await saveArtifact('live-phone-3d.png', await phone.screenshot());

    // The guide moves on: the phone's camera glides there, sampled all the way.
    const from = (await camera()).pose?.position as number[];
    const now = await projectorNext();
    const target = stops[now.stop - 1] as string;
    const path: number[][] = [];
    await expect
      .poll(
        async () => {
          const { pose, focus } = await camera();
          if (pose?.moving) path.push(pose.position);
          const pending = await phone.evaluate(() => window.__exhibit?.framesPending() ?? 0);
          return focus === target && path.length > 0 && pose?.moving === false && pending === 0;
        },
        { timeout: 90_000, interval: 100 },
      )
      .toBe(true);
    const to = (await camera()).pose?.position as number[];
    const distance = (a: number[], b: number[]) => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));
    expect(distance(from, to)).toBeGreaterThan(0.5);
    // A glide, not a cut: frames on the way, each nearer the board than the one before.
    expect(path.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < path.length; index++)
      expect(distance(path[index] as number[], to)).toBeLessThanOrEqual(distance(path[index - 1] as number[], to) + 1e-3);
    await framed(target);
    expect(await caption.getByRole('heading').textContent()).toBe(now.title);

    // A tap on the board reads it on the phone's own: its card over the corridor, the guide left.
    const point = await phone.evaluate((id) => window.__exhibit?.projectPanel(id) ?? null, target);
    expect(point).not.toBeNull();
    await phone.touchscreen.tap(point?.x ?? 0, point?.y ?? 0);
    await expect.poll(async () => (await phoneView(phone)).screen, POLL).toBe('own');
    await phone.getByRole('dialog', { name: now.title, exact: true }).waitFor();
    await waitForStillness(phone);
    await saveArtifact('live-phone-3d-own.png', await phone.screenshot());
    const followingShown = projector.locator('.present-live-card__count');
    await expect.poll(() => followingShown.textContent(), POLL).toContain('2 人跟随讲解');
    await expect.poll(async () => (await camera()).pose?.moving, POLL).toBe(false);
    const own = (await camera()).pose?.position as number[];
    // The guide moves on; this phone's camera stays where its visitor put it.
    const guideNow = await projectorNext();
    await expect
      .poll(() => phones[1]?.evaluate(() => document.querySelector('.follow-card__progress')?.getAttribute('data-stop')), POLL)
      .toBe(String(guideNow.stop));
    expect((await camera()).pose?.position).toEqual(own);
    expect((await camera()).focus).toBe(target);

    // 回到讲解: the card goes, and the camera goes to where the guide is now.
    await phone.getByRole('button', { name: '回到讲解', exact: true }).click();
    await expect.poll(async () => (await phoneView(phone)).screen, POLL).toBe('guide');
    await settledAt(stops[guideNow.stop - 1] as string);
    expect((await camera()).open).toBeNull();
    expect(await phone.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => followingShown.textContent(), POLL).toContain('3 人跟随讲解');

    // Back to the card: the corridor goes away with its canvas, the card of the stop is back.
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await phonesFollow(guideNow.stop, guideNow.title);
  });

  it('a presenter command forged on a phone’s own connection is refused and changes nothing', async () => {
    const token = await (phones[2] as Page).evaluate(
      (lessonCode) => sessionStorage.getItem(`dangshi-follow:token:${lessonCode}`),
      code,
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { socket, welcome } = await connectPhone(station.url, { code, participantToken: token ?? undefined });
    const before = welcome.snapshot;
    const send = (event: string, payload: unknown) =>
      new Promise<Refusal | { ok: true }>((done) =>
        socket.emit(event, payload, (answer: Refusal | { ok: true }) => done(answer)),
      );
    expect(await send('live:goto', { stopIndex: 0 })).toEqual({ ok: false, error: 'unknown-event' });
    expect(await send('live:blank', { blank: 'black' })).toEqual({ ok: false, error: 'unknown-event' });
    expect(await send('live:end', {})).toEqual({ ok: false, error: 'unknown-event' });
    const after = (await send('live:sync', {})) as unknown as ParticipantWelcome;
    const unchanged = (snapshot: LiveSnapshot) => ({
      status: snapshot.status,
      stopIndex: snapshot.stopIndex,
      blank: snapshot.blank,
      seq: snapshot.seq,
      panelId: snapshot.panelId,
    });
    expect(unchanged(after.snapshot)).toEqual(unchanged(before));
    socket.disconnect();
    const now = await projectorStop();
    await phonesFollow(now?.stop ?? 0, now?.title ?? '');
  });

  it('the server restarts mid-lesson: the projector and the phones reconnect and resync by themselves', async () => {
    const port = station.port;
    const killedAt = Date.now();
    await station.kill();
    for (const phone of phones) await expect.poll(async () => (await phoneView(phone)).reconnecting, POLL).toBe(true);
    // While the server is away the projector moves on; the restarted server must catch up.
    const moved = await projectorNext();
    const restartedAt = Date.now();
    station = await spawnStation({ dataDir, serveDist: DIST, port });
    const readyAt = Date.now();
    await phonesFollow(moved.stop, moved.title);
    const resyncedAt = Date.now();
    console.info(
      `[live] server restart: down ${restartedAt - killedAt} ms; spawn to ready ${readyAt - restartedAt} ms; ready to all ${phones.length} phones resynced at stop ${moved.stop}: ${resyncedAt - readyAt} ms (restart to resync ${resyncedAt - restartedAt} ms)`,
    );
    expect(await joinCardCount()).toBe(3);
    expect(await projector.locator('.present-live-card').getAttribute('data-join-code')).toBe(code);
    // No phone reloaded: each is the page it was (its JS state survived).
    for (const phone of phones) expect(new URL(phone.url()).search).toBe(`?mode=follow&code=${code}`);
  });

  it('the projector window reloading keeps its lesson', async () => {
    await projector.reload();
    await expect.poll(() => projector.locator('.present-live-card').getAttribute('data-join-code'), POLL).toBe(code);
    await expect.poll(() => projector.locator('.present-live-card').getAttribute('data-live-phase'), POLL).toBe('live');
    const now = await projectorNext();
    await phonesFollow(now.stop, now.title);
  });

  it('the presenter window (S) lists the room, and 移出 there removes a phone', async () => {
    const popup = projector.waitForEvent('popup', { timeout: 60_000 });
    await projector.keyboard.press('s');
    const presenter = await popup;
    presenter.setDefaultTimeout(90_000);
    const presenterWatch = watchPage(presenter, station.url.replace(/\/$/, ''));
    // The projector window owns the lesson; the presenter window shows its copy of the room.
    const room = presenter.getByRole('region', { name: '课堂互动', exact: true });
    const joined = () => room.locator('.presenter-room__count').getAttribute('data-joined');
    await expect.poll(joined, POLL).toBe('3');
    expect(await room.getAttribute('data-join-code')).toBe(code);
    const list = room.getByRole('list', { name: /^参加者/ });
    expect((await list.locator('.presenter-room__nickname').allTextContents()).sort()).toEqual(
      ['<b>Tom</b>', '小红', '（未填昵称）'].sort(),
    );
    expect(await list.locator('b').count()).toBe(0);
    await expect.poll(() => list.getByText('跟随讲解', { exact: true }).count(), POLL).toBe(3);
    await room.getByRole('button', { name: '移出 小红', exact: true }).click();
    await room.getByRole('button', { name: '确认移出 小红', exact: true }).click();
    await expect.poll(async () => (await phoneView(phones[0] as Page)).screen, POLL).toBe('removed');
    await expect.poll(joined, POLL).toBe('2');
    await expect.poll(() => joinCardCount(), POLL).toBe(2);
    // The room's list comes in its own message (the server coalesces roster changes): wait for it too.
    await expect.poll(() => list.getByText('小红', { exact: true }).count(), POLL).toBe(0);
    expect(presenterWatch.offOrigin).toEqual([]);
    expect(presenterWatch.errors).toEqual([]);
    await presenter.close();
  });

  it('a visitor on the station’s Wi-Fi finds a QR of the board’s link on its card (扫码在手机上看)', async () => {
    const visitor = await projectorContext.newPage();
    visitor.setDefaultTimeout(90_000);
    const visitorWatch = watchPage(visitor, station.url.replace(/\/$/, ''));
    const panelId = stops[0] as string;
    await visitor.goto(`${station.url}#/panel/${panelId}`);
    const share = visitor.locator('dialog.panel-card .panel-card__share');
    await share.waitFor({ state: 'visible', timeout: 120_000 });
    expect(await share.locator('figcaption').textContent()).toBe('扫码在手机上看');
    const image = share.locator('img');
    // Drawn by the station (an SVG of PUBLIC_URL + the card's deep link), loaded, and named.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), POLL).toBe(true);
    const src = (await image.getAttribute('src')) ?? '';
    expect(decodeURIComponent(new URL(src, station.url).searchParams.get('path') ?? '')).toBe(`/#/panel/${panelId}`);
    const svg = await visitor.evaluate(async (url) => {
      const response = await fetch(url);
      return { type: response.headers.get('content-type'), text: await response.text() };
    }, src);
    expect(svg.type).toContain('image/svg+xml');
    expect(svg.text).toContain('<svg');
    expect(await image.getAttribute('alt')).toMatch(/^二维码：在手机上打开“.+”$/);
    expect(visitorWatch.offOrigin).toEqual([]);
    expect(visitorWatch.errors).toEqual([]);
    await visitor.close();
  });

  it('nothing left the station and no page logged an error', () => {
    // The wrong PIN tried first is answered 401, which the browser logs once.
    const wrongPin = 'Failed to load resource: the server responded with a status of 401 (Unauthorized)';
    expect(projectorWatch.errors.filter((error) => error === wrongPin)).toHaveLength(1);
    for (const watch of [projectorWatch, ...phoneWatches]) {
      expect(watch.offOrigin).toEqual([]);
      // The restart's dropped connections are the browser's network errors, not the page's.
      const pageErrors = watch.errors.filter(
        (error) => error !== wrongPin && !/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|WebSocket/.test(error),
      );
      expect(pageErrors).toEqual([]);
    }
  });
});
