// @vitest-environment jsdom
/**
 * The projector's and the presenter's views, rendered in jsdom against a real session: the card
 * named by the stop's title with its progress line and section, the card waiting for the camera,
 * blank screens, the auto-advance indicator, the presenter's notes, next stop and timers, and the
 * directory's links into projector mode.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { panelSchema } from '../../src/content/schema.ts';
import type { PresentRoom } from '../../src/modes/present/live/liveRoom.ts';
import { presentRuntime } from '../../src/modes/present/presentMode.ts';
import { createPresentSession, type PresentSession } from '../../src/modes/present/presentSession.ts';
import type { PresentSnapshot } from '../../src/modes/present/presentSync.ts';
import { formatClock, PresenterView } from '../../src/modes/present/ui/PresenterView.tsx';
import { ProjectorView } from '../../src/modes/present/ui/ProjectorView.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { PresentLinks } from '../../src/ui/present/PresentLinks.tsx';
import { domRootPerTest } from '../support/domRoot.ts';
import { LESSON, makeExhibition, TIMED } from '../unit/presentFixtures.ts';

const exhibition = makeExhibition([LESSON, TIMED]);
// A dated milestone among the panels: the projector sets its year beside the text.
const section = exhibition.sections[0];
if (section) {
  section.panels[0] = panelSchema.parse({
    id: 'a1',
    kind: 'milestone',
    date: '1921-07-23',
    period: 'new-democratic-revolution',
    title: { zh: '中国共产党诞生', en: 'The Party Is Founded' },
    summary: '红船启航',
    body: ['1921年7月23日，中共一大在上海开幕。'],
  });
}

let session: PresentSession | null = null;
const dom = domRootPerTest(() => {
  session?.dispose();
  session = null;
  presentRuntime.setState({
    session: null,
    remote: null,
    follower: null,
    remoteStatus: 'connecting',
    room: null,
    popupBlocked: false,
    tourNoticeHidden: false,
  });
  useExhibition.setState({ lang: 'zh', openPanelId: null, focusPanelId: null });
});

beforeEach(() => {
  useExhibition.getState().contentLoaded(exhibition, []);
});

function project(tourId: string, motion: 'glide' | 'cut' = 'cut') {
  session = createPresentSession({ exhibition: useExhibition, tourId, motion });
  presentRuntime.setState({ session });
  act(() => dom.root.render(<ProjectorView hasScene />));
  return session;
}
const run = (command: Parameters<PresentSession['run']>[0]) => act(() => session?.run(command));
const card = () => dom.container.querySelector<HTMLDialogElement>('dialog.projector');
const cardName = () => {
  const id = card()?.getAttribute('aria-labelledby');
  return id ? document.getElementById(id)?.textContent : null;
};

describe('the projector card', () => {
  it('is a dialog named by the stop\'s title, with the section and "n / total"', () => {
    project('lesson');
    expect(card()?.open).toBe(true);
    expect(card()?.classList.contains('projector--shown')).toBe(true);
    expect(cardName()).toBe('展板 c2');
    expect(card()?.querySelector('.projector__section')?.textContent).toBe('栏目 c');
    expect(card()?.querySelector('.projector__count')?.textContent).toBe('1 / 4第 1 / 4 站');
    run('next');
    expect(cardName()).toBe('中国共产党诞生');
    expect(card()?.querySelector('.projector__count [aria-hidden]')?.textContent).toBe('2 / 4');
    expect(card()?.querySelector<HTMLElement>('.projector__bar-fill')?.style.transform).toBe('scaleX(0.5)');
    // A dated panel without images: its year in display type beside the text, the summary with it.
    expect(card()?.querySelector('.projector__year')?.textContent).toBe('1921');
    expect(card()?.querySelector('.projector__key-message')?.textContent).toBe('红船启航');
    expect(card()?.querySelector('.projector__date')?.textContent).toBe('1921年7月23日');
  });

  it('follows the language', () => {
    project('lesson');
    act(() => useExhibition.getState().setLang('en'));
    expect(cardName()).toBe('Panel c2');
    expect(card()?.querySelector('.projector__section')?.textContent).toBe('Section c');
  });

  it('shows the slide when the rig says the camera has come to rest at its goal, from the frame after, not before', async () => {
    project('lesson', 'glide');
    expect(card()).toBeNull();
    const goal = useExhibition.getState().cameraGoal;
    if (!goal) throw new Error('the lesson sent the camera nowhere');
    // A word about an earlier goal is no arrival.
    act(() => useExhibition.getState().cameraSettledAt(goal.seq - 1, null));
    await act(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
    expect(card()).toBeNull();
    act(() => useExhibition.getState().cameraSettledAt(goal.seq, 'c2'));
    // Not in the frame that drew the camera's last move…
    expect(card()).toBeNull();
    // …but in the next one, once that still frame is on the screen.
    await act(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
    expect(cardName()).toBe('展板 c2');
  });

  it('while the camera glides, the old card fades out; the new one shows once it has arrived', () => {
    const s = project('lesson', 'glide');
    expect(card()).toBeNull(); // the first glide, from the entrance: nothing shown yet
    act(() => s.markArrived());
    expect(cardName()).toBe('展板 c2');
    run('next');
    // The old slide fades out; the camera waits for the end of that fade before it sets off.
    expect(card()?.className).toBe('projector projector--leaving');
    expect(cardName()).toBe('展板 c2');
    expect(useExhibition.getState().openPanelId).toBe('c2');
    act(() => {
      const end = new Event('transitionend') as Event & { propertyName: string };
      end.propertyName = 'opacity';
      card()?.dispatchEvent(end);
    });
    expect(useExhibition.getState().openPanelId).toBe('a1');
    expect(card()?.className).toBe('projector'); // gone, while the camera glides
    act(() => s.markArrived());
    expect(card()?.classList.contains('projector--shown')).toBe(true);
    expect(cardName()).toBe('中国共产党诞生');
  });

  it('after the last stop, the end slide: 讲解结束, the tour and the exhibition in their own words', () => {
    project('lesson');
    const end = () => dom.container.querySelector<HTMLDialogElement>('[data-testid="present-end"]');
    const endName = () => document.getElementById(end()?.getAttribute('aria-labelledby') ?? '')?.textContent;
    expect(end()?.classList.contains('projector-end--shown')).toBe(false);
    run('last');
    run('next');
    expect(end()?.classList.contains('projector-end--shown')).toBe(true);
    expect(endName()).toBe('讲解结束');
    expect(end()?.textContent).toContain('新队员课');
    expect(end()?.textContent).toContain('党史长廊');
    expect(end()?.textContent).toContain('德清县消防救援大队');
    // The last stop stays beneath, out of a screen reader's way.
    expect(card()?.getAttribute('aria-hidden')).toBe('true');
    const next = [...dom.container.querySelectorAll<HTMLButtonElement>('.present-controls button')].find((button) =>
      button.textContent?.includes('下一站'),
    );
    expect(next?.disabled).toBe(true);
    run('previous');
    expect(end()?.classList.contains('projector-end--shown')).toBe(false);
    expect(card()?.getAttribute('aria-hidden')).toBeNull();
    expect(cardName()).toBe('展板 c4');
  });

  it('covers everything with a black or a white screen, and comes back', () => {
    project('lesson');
    const blank = () => dom.container.querySelector('[data-testid="present-blank"]');
    expect(blank()).toBeNull();
    run('black');
    expect(blank()?.getAttribute('data-blank')).toBe('black');
    expect(blank()?.getAttribute('aria-label')).toBe('黑屏');
    run('white');
    expect(blank()?.getAttribute('data-blank')).toBe('white');
    run('escape');
    expect(blank()).toBeNull();
    expect(cardName()).toBe('展板 c2');
  });

  it('shows auto-advance running (once the corridor has loaded), then paused', () => {
    useExhibition.getState().fontLoaded();
    useExhibition.getState().textRegistered();
    useExhibition.getState().textReady();
    project('timed');
    expect(card()?.querySelector('.projector__auto')?.textContent).toContain('▶ 自动翻页');
    expect(card()?.querySelector('.projector__countdown span')).not.toBeNull();
    run('pause');
    expect(card()?.querySelector('.projector__auto--paused')?.textContent).toBe('‖ 自动翻页已暂停（P 继续）');
    run('next'); // a2 has no duration: no indicator
    expect(card()?.querySelector('.projector__auto')).toBeNull();
  });

  it('says when the tour in the URL does not exist', () => {
    project('no-such-lesson');
    expect(dom.container.querySelector('[role="status"]')?.textContent).toBe(
      '找不到讲解路线“no-such-lesson”，改为按展览顺序讲解全部展板。',
    );
    expect(cardName()).toBe('中国共产党诞生'); // the default tour's first panel
  });

  it('the control bar steps too, and keeps the focus off its buttons', () => {
    project('lesson');
    const next = [...dom.container.querySelectorAll('.present-controls button')].find((button) =>
      button.textContent?.includes('下一站'),
    );
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    next?.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    act(() => (next as HTMLButtonElement).click());
    expect(cardName()).toBe('中国共产党诞生');
  });
});

describe('the presenter view', () => {
  const snapshot = (overrides: Partial<PresentSnapshot> = {}): PresentSnapshot => ({
    ready: true,
    tourId: 'lesson',
    unknownTourId: null,
    index: 0,
    count: 4,
    blank: 'none',
    paused: false,
    motion: 'glide',
    arrived: true,
    leaving: false,
    ended: false,
    startedAt: Date.now() - 65_000,
    stopStartedAt: Date.now() - 5_000,
    advanceAt: null,
    advanceLeft: null,
    page: 1,
    pages: 1,
    quizId: null,
    quiz: null,
    lang: 'zh',
    ...overrides,
  });

  it('waits for the projector window, and says when it has gone', () => {
    act(() => dom.root.render(<PresenterView />));
    expect(dom.container.querySelector('[role="status"]')?.textContent).toContain('正在连接投影窗口');
    act(() => presentRuntime.setState({ remoteStatus: 'closed' }));
    expect(dom.container.querySelector('[role="status"]')?.textContent).toBe('投影窗口已关闭。');
  });

  it("shows the current stop with its notes, the next stop, the timers and the projector's state", () => {
    const follower = { send: vi.fn(), goTo: vi.fn(), room: vi.fn(), dispose: vi.fn() };
    presentRuntime.setState({ remote: snapshot({ blank: 'black', page: 2, pages: 3 }), remoteStatus: 'connected', follower });
    act(() => dom.root.render(<PresenterView />));
    const now = dom.container.querySelector('[aria-label="当前"]');
    expect(now?.querySelector('h2')?.textContent).toBe('展板 c2');
    expect([...(now?.querySelectorAll('.presenter__notes li') ?? [])].map((li) => li.textContent)).toEqual(['要点一', '要点二']);
    expect(dom.container.querySelector('[aria-label="下一站"] h2')?.textContent).toBe('中国共产党诞生');
    expect(dom.container.querySelector('.presenter__position')?.textContent).toBe('第 1 / 4 站 · 第 2 / 3 屏');
    expect(dom.container.querySelector('[data-testid="presenter-elapsed"]')?.textContent).toBe('1:05');
    expect(dom.container.querySelector('[data-testid="presenter-at-stop"]')?.textContent).toBe('0:05');
    expect(dom.container.querySelector('[data-testid="presenter-auto"]')?.textContent).toBe('无');
    expect(dom.container.querySelector('.presenter__projector')?.textContent).toBe('投影：黑屏');
    expect(document.title).toBe('讲解员视图 · 新队员课');

    const buttons = [...dom.container.querySelectorAll<HTMLButtonElement>('.presenter__buttons button')];
    act(() => buttons.find((button) => button.textContent === '下一站 ›')?.click());
    act(() => buttons.find((button) => button.textContent?.startsWith('B'))?.click());
    expect(follower.send.mock.calls.map(([command]) => command)).toEqual(['next', 'black']);
    const stops = [...dom.container.querySelectorAll<HTMLButtonElement>('.presenter__stops button')];
    expect(stops.map((button) => button.getAttribute('aria-current'))).toEqual(['step', null, null, null]);
    act(() => stops[3]?.click());
    expect(follower.goTo).toHaveBeenCalledWith(3);
  });

  it("the last stop has nothing next; a stop without notes shows the board's summary; auto-advance counts down", () => {
    presentRuntime.setState({
      remote: snapshot({ tourId: 'timed', index: 2, count: 3, advanceAt: Date.now() + 4_200 }),
      remoteStatus: 'connected',
    });
    act(() => dom.root.render(<PresenterView />));
    expect(dom.container.querySelector('[aria-label="下一站"]')?.textContent).toContain('这是最后一站。');
    expect(dom.container.querySelector('.presenter__notes--none')?.textContent).toBe('本站没有讲解要点。展板摘要：摘要 a3');
    expect(dom.container.querySelector('[data-testid="presenter-auto"]')?.textContent).toBe('0:05');
    act(() =>
      presentRuntime.setState({ remote: snapshot({ tourId: 'timed', index: 2, count: 3, paused: true, advanceLeft: 4_000 }) }),
    );
    expect(dom.container.querySelector('[data-testid="presenter-auto"]')?.textContent).toBe('‖ 自动翻页已暂停（P 继续）');
  });

  it('says when the projector shows the end slide', () => {
    presentRuntime.setState({ remote: snapshot({ index: 3, ended: true }), remoteStatus: 'connected' });
    act(() => dom.root.render(<PresenterView />));
    expect(dom.container.querySelector('.presenter__position')?.textContent).toBe('讲解结束');
    expect(dom.container.querySelector('[aria-label="当前"] h2')?.textContent).toBe('讲解结束');
    expect(dom.container.querySelector('[aria-label="当前"]')?.textContent).toContain('PageUp');
    expect(dom.container.querySelector('.presenter__stops [aria-current]')).toBeNull();
  });

  describe("课堂互动, the live lesson's room", () => {
    const IDS = [
      '6f1c2d3e-1111-4a4e-9a57-2f4c0e0e7a11',
      '6f1c2d3e-2222-4a4e-9a57-2f4c0e0e7a11',
      '6f1c2d3e-3333-4a4e-9a57-2f4c0e0e7a11',
    ];
    const room = (overrides: Partial<PresentRoom> = {}): PresentRoom => ({
      phase: 'live',
      code: '482913',
      participantCount: 3,
      followingCount: 1,
      nicknamesVisible: true,
      participants: [
        { id: IDS[0] as string, nickname: '小红', status: 'following' },
        { id: IDS[1] as string, nickname: '<b>x</b>', status: 'free' },
        { id: IDS[2] as string, nickname: null, status: 'offline' },
      ],
      contest: null,
      ...overrides,
    });
    const roomSection = () => {
      const section = [...dom.container.querySelectorAll('section[aria-labelledby]')].find(
        (element) => document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent === '课堂互动',
      );
      return section as HTMLElement | undefined;
    };
    const rows = () => [...(roomSection()?.querySelectorAll('ul > li') ?? [])] as HTMLElement[];
    const buttonNamed = (name: string) =>
      [...(roomSection()?.querySelectorAll('button') ?? [])].find(
        (button) => (button.getAttribute('aria-label') ?? button.textContent) === name,
      );
    let follower: { send: Mock; goTo: Mock; room: Mock; dispose: Mock };

    beforeEach(() => {
      follower = { send: vi.fn(), goTo: vi.fn(), room: vi.fn(), dispose: vi.fn() };
      presentRuntime.setState({ remote: snapshot(), remoteStatus: 'connected', follower });
    });

    it('is absent while no lesson runs', () => {
      act(() => dom.root.render(<PresenterView />));
      expect(roomSection()).toBeUndefined();
    });

    it("lists who has joined, their nicknames as text, each one's status, the count and the join code", () => {
      presentRuntime.setState({ room: room() });
      act(() => dom.root.render(<PresenterView />));
      const section = roomSection();
      expect(section?.querySelector('.presenter-room__count')?.textContent).toBe('已加入 3 人');
      expect(section?.querySelector('.presenter-room__summary')?.textContent).toBe('已加入 3 人 · 1 人跟随讲解 · 课堂码 482913');
      expect(section?.getAttribute('data-join-code')).toBe('482913');
      const list = section?.querySelector('ul');
      expect(list?.getAttribute('aria-label')).toBe('参加者 (3)');
      expect(rows().map((row) => row.querySelector('.presenter-room__nickname')?.textContent)).toEqual([
        '小红',
        '<b>x</b>',
        '（未填昵称）',
      ]);
      // The tag a visitor typed is shown as typed, never made into markup.
      expect(section?.querySelector('b')).toBeNull();
      expect(rows().map((row) => row.querySelector('.presenter-room__status')?.textContent)).toEqual([
        '跟随讲解',
        '自由参观',
        '离线',
      ]);
      expect(rows().map((row) => row.getAttribute('data-participant-id'))).toEqual(IDS);
      // Each 移出 is named for the one it removes (by number when there is no nickname).
      expect(rows().map((row) => row.querySelector('button')?.getAttribute('aria-label'))).toEqual([
        '移出 小红',
        '移出 <b>x</b>',
        '移出 观众 3',
      ]);
      expect(buttonNamed('隐藏昵称')?.getAttribute('aria-pressed')).toBe('false');
    });

    it("移出 asks to confirm, then calls through with the participant's id; 取消 calls nothing", () => {
      presentRuntime.setState({ room: room() });
      act(() => dom.root.render(<PresenterView />));
      act(() => buttonNamed('移出 <b>x</b>')?.click());
      expect(follower.room).not.toHaveBeenCalled();
      expect(buttonNamed('取消')).toBeDefined();
      act(() => buttonNamed('取消')?.click());
      expect(buttonNamed('确认移出 <b>x</b>')).toBeUndefined();
      act(() => buttonNamed('移出 <b>x</b>')?.click());
      act(() => buttonNamed('确认移出 <b>x</b>')?.click());
      expect(follower.room).toHaveBeenCalledTimes(1);
      expect(follower.room).toHaveBeenCalledWith({ kind: 'remove', participantId: IDS[1] });
      // The projector's next room no longer has them.
      act(() =>
        presentRuntime.setState({
          room: room({ participantCount: 2, participants: room().participants.filter((one) => one.id !== IDS[1]) }),
        }),
      );
      expect(rows()).toHaveLength(2);
      expect(roomSection()?.querySelector('.presenter-room__count')?.textContent).toBe('已加入 2 人');
    });

    it('a keyboard user is taken to the confirmation; a click leaves the focus where it was', () => {
      presentRuntime.setState({ room: room() });
      act(() => dom.root.render(<PresenterView />));
      const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
      buttonNamed('移出 小红')?.dispatchEvent(down);
      expect(down.defaultPrevented).toBe(true);
      // A mouse's click has a click count (detail ≥ 1); element.click() and a key's have 0.
      act(() => buttonNamed('移出 小红')?.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 })));
      expect(buttonNamed('确认移出 小红')).toBeDefined();
      expect(document.activeElement).toBe(document.body);
      act(() => buttonNamed('取消')?.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 })));
      // Enter or Space on a focused button is a click of detail 0.
      act(() => buttonNamed('移出 小红')?.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 })));
      expect(document.activeElement).toBe(buttonNamed('确认移出 小红'));
    });

    it("集合 and 隐藏昵称 call through; with nicknames hidden the presenter still sees them, beside the room's number", () => {
      presentRuntime.setState({ room: room() });
      act(() => dom.root.render(<PresenterView />));
      act(() => buttonNamed('集合')?.click());
      act(() => buttonNamed('隐藏昵称')?.click());
      expect(follower.room.mock.calls).toEqual([[{ kind: 'gather' }], [{ kind: 'nicknames', visible: false }]]);
      act(() => presentRuntime.setState({ room: room({ nicknamesVisible: false }) }));
      expect(buttonNamed('隐藏昵称')?.getAttribute('aria-pressed')).toBe('true');
      expect(roomSection()?.textContent).toContain('投影上不显示昵称，观众以编号显示。');
      expect(rows().map((row) => row.querySelector('.presenter-room__number')?.textContent)).toEqual([
        '观众 1',
        '观众 2',
        '观众 3',
      ]);
      expect(rows()[0]?.querySelector('.presenter-room__nickname')?.textContent).toBe('小红');
      act(() => buttonNamed('隐藏昵称')?.click());
      expect(follower.room).toHaveBeenLastCalledWith({ kind: 'nicknames', visible: true });
    });

    it('says when the server is lost, and when nobody has joined yet; in English too', () => {
      presentRuntime.setState({
        room: room({ phase: 'reconnecting', participantCount: 0, followingCount: 0, participants: [] }),
      });
      act(() => dom.root.render(<PresenterView />));
      expect(roomSection()?.querySelector('[role="status"]')?.textContent).toBe('与课堂服务器的连接中断，正在重新连接…');
      expect(roomSection()?.querySelector('ul')).toBeNull();
      expect(roomSection()?.textContent).toContain('还没有人加入。');
      act(() => {
        useExhibition.getState().setLang('en');
        presentRuntime.setState({ room: room() });
      });
      const section = [...dom.container.querySelectorAll('section[aria-labelledby]')].find(
        (element) => document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent === 'Live lesson',
      );
      expect(section?.querySelector('.presenter-room__summary')?.textContent).toBe('3 joined · 1 following · Lesson code 482913');
      expect(section?.querySelector('li button')?.getAttribute('aria-label')).toBe('Remove 小红');
      expect(section?.querySelector('li .presenter-room__status')?.textContent).toBe('following');
    });
  });

  it('formats the clocks', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59_999)).toBe('0:59');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
  });
});

describe("the directory's way into projector mode", () => {
  it('links each lesson, then every panel, to ?mode=present&tour=<id>', () => {
    act(() => dom.root.render(<PresentLinks exhibition={exhibition} lang="zh" />));
    expect(dom.container.querySelector('h3')?.textContent).toBe('讲解模式');
    expect([...dom.container.querySelectorAll('a')].map((link) => [link.getAttribute('href'), link.textContent])).toEqual([
      ['?mode=present&tour=lesson', '新队员课 4 站'],
      ['?mode=present&tour=timed', '自动放映 3 站'],
      ['?mode=present&tour=all', '全部展板（按展览顺序） 9 站'],
    ]);
    act(() => dom.root.render(<PresentLinks exhibition={exhibition} lang="en" />));
    expect(dom.container.querySelector('h3')?.textContent).toBe('Present');
    expect(dom.container.querySelector('a')?.textContent).toBe('Recruits 4 stops');
  });
});
