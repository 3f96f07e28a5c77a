// @vitest-environment jsdom
/**
 * The kiosk's admin screen shows the oath readings (誓词诵读人次): a last column of the day table
 * (the columns before it keep their places) and a table per oath wall, titled in Chinese, with the
 * counting rule said to staff beneath. Plain `createElement` so the test stays a `.ts` unit test.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { PARTY_OATH } from '../../src/content/oath.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { KioskContext, type KioskServices } from '../../src/modes/kiosk/kioskContext.ts';
import type { KioskController } from '../../src/modes/kiosk/kioskController.ts';
import { createKioskStore } from '../../src/modes/kiosk/kioskStore.ts';
import { KioskStatsRecorder, STATS_STORAGE_KEY } from '../../src/modes/kiosk/stats.ts';
import { AdminPanel } from '../../src/modes/kiosk/ui/AdminPanel.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PIN = '2468';
const PHRASES = PARTY_OATH.match(/[^，。]+[，。]/gu) ?? [];

function exhibition(withOath: boolean): Exhibition {
  const sections = [testSection('a', 1)];
  if (withOath)
    sections.push(
      testSection('oath', [
        testPanel('party-oath', { kind: 'oath', title: { zh: '入党誓词', en: 'The Party Admission Oath' }, phrases: PHRASES }),
      ]),
    );
  return testExhibition(sections, { kiosk: { idleSeconds: 90, adminPin: PIN } });
}

let container: HTMLDivElement;
let root: Root;
let controller: KioskController;

function renderAdmin(stats: KioskStatsRecorder, withOath = true) {
  useExhibition.setState({ exhibition: exhibition(withOath) });
  const services = createStore<KioskServices>(() => ({ controller, idleSeconds: 90, offline: null, stats }));
  act(() =>
    root.render(
      createElement(
        KioskContext.Provider,
        { value: { kiosk: createKioskStore(), services } },
        createElement(AdminPanel, { controller, offline: null, stats, idleSeconds: 90 }),
      ),
    ),
  );
  const press = (label: string) =>
    act(() => [...container.querySelectorAll('button')].find((button) => button.textContent === label)?.click());
  for (const digit of PIN) press(digit);
  press('确定');
  expect(container.querySelector('[data-testid="kiosk-admin"]')).not.toBeNull();
}

const cells = (row: Element | null | undefined) => [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-07-01T15:00:00'));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  controller = {
    startVisit: vi.fn(),
    continueVisit: vi.fn(),
    reset: vi.fn(),
    openAdmin: vi.fn(),
    activity: vi.fn(),
    stop: vi.fn(),
  };
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  useExhibition.setState({ exhibition: null });
  vi.useRealTimers();
});

describe('oath readings on the admin screen', () => {
  it('a last column of the day table, and a table per oath wall', () => {
    const storage = new MemoryStorage();
    const stats = new KioskStatsRecorder(storage);
    stats.visitStarted();
    stats.boardShown('a1');
    stats.boardShown('party-oath');
    stats.oathRead('party-oath');
    stats.oathRead('party-oath');
    stats.visitEnded();
    renderAdmin(stats);

    const days = container.querySelector('[data-testid="kiosk-stats-days"]');
    expect(cells(days?.querySelector('thead tr'))).toEqual([
      '日期',
      '参观人次',
      '打开展板',
      '阅读时长',
      '平均每次',
      '誓词诵读人次',
    ]);
    const today = cells(days?.querySelector('tbody tr'));
    expect(today[0]).toBe('2025-07-01');
    expect(today[1]).toBe('1'); // visits, where the e2e test reads them
    expect(today[2]).toBe('2'); // boards opened
    expect(today[5]).toBe('2');
    expect(cells(days?.querySelectorAll('tbody tr')[1])[5]).toBe('0'); // yesterday

    const oaths = container.querySelector('[data-testid="kiosk-stats-oaths"]');
    expect(cells(oaths?.querySelector('thead tr'))).toEqual(['誓词展板', '誓词诵读人次']);
    expect([...(oaths?.querySelectorAll('tbody tr') ?? [])].map(cells)).toEqual([['入党誓词', '2']]);
    expect(container.textContent).toContain('重温入党誓词（近 30 天）');
    expect(container.textContent).toContain('同一次诵读中退回再点亮不重复计');
    expect(storage.getItem(STATS_STORAGE_KEY)).toContain('"oaths":{"party-oath":2}');
  });

  it('lists the oath wall before anyone has read it; without an oath wall or readings, no oath table', () => {
    renderAdmin(new KioskStatsRecorder(null));
    const oaths = container.querySelector('[data-testid="kiosk-stats-oaths"]');
    expect([...(oaths?.querySelectorAll('tbody tr') ?? [])].map(cells)).toEqual([['入党誓词', '0']]);
    act(() => root.unmount());
    root = createRoot(container);
    renderAdmin(new KioskStatsRecorder(null), false);
    expect(container.querySelector('[data-testid="kiosk-stats-oaths"]')).toBeNull();
    expect(container.querySelector('[data-testid="kiosk-stats-days"] tbody tr td:last-child')?.textContent).toBe('0');
  });
});
