// @vitest-environment jsdom
/**
 * Drag to look (modes/visitorInput.ts): a mouse drag turns the view at once; a finger's drag only
 * once it has moved beyond the tap tolerance, so the wobble of a tap turns nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TAP_TOLERANCE_PX } from '../../src/modes/tapTolerance.ts';
import { installDragLook } from '../../src/modes/visitorInput.ts';
import { motionInput } from '../../src/store/store.ts';

function pointer(type: string, pointerType: string, x: number, y = 100): Event {
  // jsdom has no PointerEvent: a MouseEvent with the pointer fields is what the handlers read.
  const event = new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true });
  Object.assign(event, { pointerId: pointerType === 'mouse' ? 1 : 7, pointerType });
  return event;
}

afterEach(() => {
  motionInput.lookYaw = 0;
  motionInput.lookPitch = 0;
});

describe('drag to look', () => {
  it('turns the view as a mouse drags, from the first pixel', () => {
    const element = document.createElement('div');
    const uninstall = installDragLook(element);
    const takeover = motionInput.takeover;
    element.dispatchEvent(pointer('pointerdown', 'mouse', 100));
    element.dispatchEvent(pointer('pointermove', 'mouse', 103));
    expect(motionInput.lookYaw).toBeGreaterThan(0);
    expect(motionInput.takeover).toBe(takeover + 1);
    element.dispatchEvent(pointer('pointerup', 'mouse', 103));
    uninstall();
  });

  it('ignores a finger’s wobble within the tap tolerance, then follows the drag', () => {
    const element = document.createElement('div');
    const uninstall = installDragLook(element);
    const takeover = motionInput.takeover;
    element.dispatchEvent(pointer('pointerdown', 'touch', 100));
    element.dispatchEvent(pointer('pointermove', 'touch', 100 + TAP_TOLERANCE_PX));
    expect(motionInput.lookYaw).toBe(0);
    expect(motionInput.takeover).toBe(takeover); // a glide the tap starts is not cut short
    element.dispatchEvent(pointer('pointermove', 'touch', 100 + TAP_TOLERANCE_PX + 10));
    expect(motionInput.lookYaw).toBeGreaterThan(0);
    element.dispatchEvent(pointer('pointerup', 'touch', 130));
    // Once lifted, moving does nothing.
    const yaw = motionInput.lookYaw;
    element.dispatchEvent(pointer('pointermove', 'touch', 300));
    expect(motionInput.lookYaw).toBe(yaw);
    uninstall();
  });
});
