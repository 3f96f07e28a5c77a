// @vitest-environment jsdom
/**
 * The projector's join card (src/modes/present/live/LiveLessonPanel.tsx) and its list of the room:
 * each 移出 is named for the one it removes and asks once more before it does (确认移出 / 取消);
 * with nicknames hidden from the room, the buttons name the number the room sees, not the nickname.
 */
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { LiveRoster, LiveSnapshot } from '../../src/live/protocol.ts';
import { LiveLessonPanel } from '../../src/modes/present/live/LiveLessonPanel.tsx';
import type { PresenterLive, PresenterLiveState } from '../../src/modes/present/live/presenterLive.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const SESSION = '7f1c2a4e-0d5b-4c1e-9a53-2b8f6e1d4c70';
const PEOPLE = [
  { participantId: '0b7e8a52-6f0e-4d8e-8c5e-3f1a2b9c7d10', nickname: '小红' },
  { participantId: '1c8f9b63-7a1f-4e9f-9d6f-4a2b3c0d8e21', nickname: null },
];

function roster(): LiveRoster {
  return {
    sessionId: SESSION,
    seq: 3,
    participants: PEOPLE.map((person) => ({ ...person, following: true, connected: true, joinedAt: 1, lastSeen: 2 })),
  };
}

function fakeLive(nicknamesVisible: boolean) {
  const store = createStore<PresenterLiveState>(() => ({
    available: true,
    phase: 'live',
    error: null,
    lesson: { sessionId: SESSION, presenterSecret: 'secret', code: '123456', joinUrl: 'http://station/join/123456' },
    snapshot: { nicknamesVisible, participantCount: 2, followingCount: 2 } as LiveSnapshot,
    roster: roster(),
    cardShown: true,
    clockOffset: 0,
    contestError: null,
  }));
  const live = {
    store,
    toggle: vi.fn(),
    cancelPin: vi.fn(),
    start: vi.fn(),
    gather: vi.fn(),
    setNicknamesVisible: vi.fn(),
    remove: vi.fn(),
    startContest: vi.fn(),
    contestNext: vi.fn(),
    contestReveal: vi.fn(),
    closeContest: vi.fn(),
    end: vi.fn(),
    dispose: vi.fn(),
  } satisfies PresenterLive;
  return live;
}

const dom = domRootPerTest();

const button = (name: string) =>
  [...dom.container.querySelectorAll('button')].find(
    (element) => (element.getAttribute('aria-label') ?? element.textContent) === name,
  );

describe('the projector’s join card: removing someone', () => {
  it('names each 移出 for its participant and removes only after 确认移出; 取消 takes it back', () => {
    const live = fakeLive(true);
    act(() => dom.root.render(<LiveLessonPanel live={live} lang="zh" />));
    expect(button('移出 小红')).toBeDefined();
    expect(button('移出 观众 2')).toBeDefined(); // no nickname: the number
    act(() => button('移出 小红')?.click());
    expect(live.remove).not.toHaveBeenCalled();
    act(() => button('取消')?.click());
    expect(button('确认移出 小红')).toBeUndefined();
    act(() => button('移出 小红')?.click());
    act(() => button('确认移出 小红')?.click());
    expect(live.remove).toHaveBeenCalledTimes(1);
    expect(live.remove).toHaveBeenCalledWith(PEOPLE[0]?.participantId);
  });

  it('with nicknames hidden from the room, names the number on the projector, not the nickname', () => {
    const live = fakeLive(false);
    act(() => dom.root.render(<LiveLessonPanel live={live} lang="zh" />));
    expect(dom.container.textContent).not.toContain('小红');
    expect(button('移出 观众 1')).toBeDefined();
    act(() => button('移出 观众 1')?.click());
    expect(dom.container.textContent).not.toContain('小红');
    act(() => button('确认移出 观众 1')?.click());
    expect(live.remove).toHaveBeenCalledWith(PEOPLE[0]?.participantId);
  });
});
