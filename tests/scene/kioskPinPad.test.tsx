// @vitest-environment jsdom
/**
 * The kiosk's PIN pad behind the admin corner. Without a PIN in the settings the admin screen
 * stays shut, and the member of staff holding the corner is told so in their words (whom to ask),
 * not in a developer's (which file, which field); with one, the keypad asks for it.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import type { KioskController } from '../../src/modes/kiosk/kioskController.ts';
import { KioskStatsRecorder } from '../../src/modes/kiosk/stats.ts';
import { AdminPanel } from '../../src/modes/kiosk/ui/AdminPanel.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const exhibition = (kiosk?: Exhibition['kiosk']): Exhibition => ({
  title: '党史长廊',
  host: '德清县消防救援大队',
  theme: '学党史、悟思想、办实事、开新局',
  sections: [],
  ...(kiosk ? { kiosk } : {}),
});

const dom = domRootPerTest(() => {
  useExhibition.setState({ exhibition: null });
});
let controller: KioskController;

function renderPad(settings?: Exhibition['kiosk']) {
  useExhibition.setState({ exhibition: exhibition(settings) });
  act(() =>
    dom.root.render(<AdminPanel controller={controller} offline={null} stats={new KioskStatsRecorder(null)} idleSeconds={90} />),
  );
}

const buttons = () => [...dom.container.querySelectorAll('button')].map((button) => button.textContent ?? '');

beforeEach(() => {
  controller = {
    startVisit: vi.fn(),
    continueVisit: vi.fn(),
    reset: vi.fn(),
    openAdmin: vi.fn(),
    activity: vi.fn(),
    stop: vi.fn(),
  };
});

describe('the admin corner without a PIN in the settings', () => {
  it('tells staff, in Chinese and English, that no PIN is set and whom to ask; no file or field names', () => {
    renderPad({ idleSeconds: 90 });
    const text = dom.container.querySelector('[data-testid="kiosk-no-pin"]')?.textContent ?? '';
    expect(text).toContain('这台触摸屏还没有设置管理密码');
    expect(text).toContain('请联系负责这台触摸屏的技术人员设置管理密码');
    expect(text).toContain('This kiosk has no admin PIN yet');
    expect(text).toContain('ask the technician who looks after this kiosk');
    // What a member of staff cannot act on stays out of it.
    for (const jargon of ['exhibition.json', 'adminPin', 'kiosk.', 'JSON'])
      expect(dom.container.textContent).not.toContain(jargon);
    expect(dom.container.querySelector('[lang="en"]')?.textContent).toBe('This kiosk has no admin PIN yet');
    // No keypad (there is no PIN to enter): the one button goes back to the start screen.
    expect(buttons()).toEqual(['返回 · Back']);
    act(() => dom.container.querySelector('button')?.click());
    expect(controller.reset).toHaveBeenCalledTimes(1);
  });

  it('asks for the PIN on the keypad when one is set', () => {
    renderPad({ idleSeconds: 90, adminPin: '13579' });
    expect(dom.container.querySelector('[data-testid="kiosk-no-pin"]')).toBeNull();
    expect(dom.container.textContent).toContain('请输入管理密码');
    expect(buttons()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '删除', '0', '确定', '取消']);
  });
});
