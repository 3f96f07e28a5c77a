// @vitest-environment jsdom
/**
 * The one test of whether a key belongs to the control under it (src/input/controlTarget.ts):
 * fields own their keys, buttons and links own Enter and Space, and dialogs own their keys for
 * the visitor (card, search) but not in projector mode, whose slide is a dialog.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isControlTarget } from '../../src/input/controlTarget.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

const element = (html: string, selector: string) => {
  document.body.innerHTML = html;
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

describe('isControlTarget', () => {
  it('gives every key typed into a field to the field, in both modes', () => {
    const input = element('<label>搜索 <input type="search"></label>', 'input');
    for (const dialogsOwnKeys of [true, false]) {
      expect(isControlTarget(input, 'ArrowLeft', { dialogsOwnKeys })).toBe(true);
      expect(isControlTarget(input, 'w', { dialogsOwnKeys })).toBe(true);
    }
  });

  it('gives Enter and Space on a button or link to it, and other keys to the mode', () => {
    const button = element('<button type="button"><span>下一块</span></button>', 'span');
    expect(isControlTarget(button, 'Enter', { dialogsOwnKeys: true })).toBe(true);
    expect(isControlTarget(button, ' ', { dialogsOwnKeys: false })).toBe(true);
    expect(isControlTarget(button, 'ArrowUp', { dialogsOwnKeys: true })).toBe(false);
    expect(isControlTarget(button, 'PageDown', { dialogsOwnKeys: false })).toBe(false);
  });

  it('gives keys inside a dialog to the dialog only where dialogs own their keys', () => {
    const inDialog = element('<dialog open><p tabindex="-1">正文</p></dialog>', 'p');
    expect(isControlTarget(inDialog, 'ArrowRight', { dialogsOwnKeys: true })).toBe(true);
    expect(isControlTarget(inDialog, 'ArrowRight', { dialogsOwnKeys: false })).toBe(false);
  });

  it('leaves keys on the page itself (or with no element target) to the mode', () => {
    expect(isControlTarget(document.body, 'ArrowUp', { dialogsOwnKeys: true })).toBe(false);
    expect(isControlTarget(null, 'Enter', { dialogsOwnKeys: true })).toBe(false);
    expect(isControlTarget(window, 'Enter', { dialogsOwnKeys: false })).toBe(false);
  });
});
