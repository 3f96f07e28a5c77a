// @vitest-environment jsdom
/**
 * Drag to look (input/dragLook.ts): a mouse drag turns the view at once; a finger's drag only
 * once it has moved beyond the tap tolerance, so the wobble of a tap turns nothing; two fingers (a
 * pinch) turn nothing at all. And the press log (input/tapTolerance.ts) the scene's clicks read:
 * a long press or a pinch is no tap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installDragLook } from '../../src/input/dragLook.ts';
import { isTap, PressLog, TAP_MAX_MS, TAP_TOLERANCE_PX } from '../../src/input/tapTolerance.ts';
import { motionInput } from '../../src/store/live.ts';

interface PointerInit {
  id?: number;
  y?: number;
  at?: number;
  primary?: boolean;
}

function pointer(type: string, pointerType: string, x: number, init: PointerInit | number = {}): Event {
  const { id = pointerType === 'mouse' ? 1 : 7, y = 100, at, primary = true } = typeof init === 'number' ? { y: init } : init;
  // jsdom has no PointerEvent: a MouseEvent with the pointer fields is what the handlers read.
  const event = new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true });
  Object.assign(event, { pointerId: id, pointerType, isPrimary: primary });
  if (at !== undefined) Object.defineProperty(event, 'timeStamp', { value: at });
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

  it('turns nothing for a pinch: a second finger stops the look until every finger has lifted', () => {
    const element = document.createElement('div');
    const uninstall = installDragLook(element, new PressLog());
    const takeover = motionInput.takeover;
    element.dispatchEvent(pointer('pointerdown', 'touch', 500, { id: 1 }));
    element.dispatchEvent(pointer('pointerdown', 'touch', 700, { id: 2, primary: false }));
    // The fingers spread apart, far beyond the tap tolerance.
    for (let step = 1; step <= 8; step++) {
      element.dispatchEvent(pointer('pointermove', 'touch', 500 - step * 30, { id: 1 }));
      element.dispatchEvent(pointer('pointermove', 'touch', 700 + step * 30, { id: 2, primary: false }));
    }
    expect(motionInput.lookYaw).toBe(0);
    expect(motionInput.lookPitch).toBe(0);
    // One finger lifts; the other slides on: still the pinch, still nothing.
    window.dispatchEvent(pointer('pointerup', 'touch', 940, { id: 2, primary: false }));
    element.dispatchEvent(pointer('pointerup', 'touch', 940, { id: 2, primary: false }));
    for (let step = 1; step <= 5; step++) element.dispatchEvent(pointer('pointermove', 'touch', 260 + step * 40, { id: 1 }));
    expect(motionInput.lookYaw).toBe(0);
    expect(motionInput.takeover).toBe(takeover);
    window.dispatchEvent(pointer('pointerup', 'touch', 460, { id: 1 }));
    element.dispatchEvent(pointer('pointerup', 'touch', 460, { id: 1 }));
    // A new one-finger drag looks around again.
    element.dispatchEvent(pointer('pointerdown', 'touch', 100, { id: 3 }));
    element.dispatchEvent(pointer('pointermove', 'touch', 100 + TAP_TOLERANCE_PX + 10, { id: 3 }));
    expect(motionInput.lookYaw).toBeGreaterThan(0);
    uninstall();
  });

  it('cancels the canvas’s touch moves, so the browser never reads the drag as a fling that eats the next tap', () => {
    const element = document.createElement('div');
    const uninstall = installDragLook(element);
    const move = new Event('touchmove', { bubbles: true, cancelable: true });
    element.dispatchEvent(move);
    expect(move.defaultPrevented).toBe(true);
    uninstall();
    const after = new Event('touchmove', { bubbles: true, cancelable: true });
    element.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('stops a drag under way when a second finger lands', () => {
    const element = document.createElement('div');
    const uninstall = installDragLook(element, new PressLog());
    element.dispatchEvent(pointer('pointerdown', 'touch', 100, { id: 1 }));
    element.dispatchEvent(pointer('pointermove', 'touch', 140, { id: 1 }));
    const yaw = motionInput.lookYaw;
    expect(yaw).toBeGreaterThan(0);
    element.dispatchEvent(pointer('pointerdown', 'touch', 600, { id: 2, primary: false }));
    element.dispatchEvent(pointer('pointermove', 'touch', 300, { id: 1 }));
    expect(motionInput.lookYaw).toBe(yaw);
    uninstall();
  });
});

describe('the press log: what a click ended', () => {
  const down = (log: PressLog, id: number, at: number, primary = true) =>
    log.pointerDown({ pointerId: id, timeStamp: at, isPrimary: primary });

  it('measures how long the finger was held, from its pointerdown to the click', () => {
    const log = new PressLog();
    down(log, 1, 1000);
    log.pointerUp({ pointerId: 1 });
    expect(log.shapeOf({ pointerId: 1, timeStamp: 1120 })).toEqual({ heldMs: 120, fingers: 1 });
    expect(isTap(3, 'touch', log.shapeOf({ pointerId: 1, timeStamp: 1120 }))).toBe(true);
    // A 1.5 s press on the floor is a long press, not a tap.
    down(log, 2, 5000);
    log.pointerUp({ pointerId: 2 });
    const long = log.shapeOf({ pointerId: 2, timeStamp: 6500 });
    expect(long).toEqual({ heldMs: 1500, fingers: 1 });
    expect(isTap(0, 'touch', long)).toBe(false);
    expect(isTap(0, 'pen', long)).toBe(false);
    // A mouse's slow click is still a click.
    expect(isTap(0, 'mouse', long)).toBe(true);
  });

  it('draws the line at TAP_MAX_MS', () => {
    expect(isTap(0, 'touch', { heldMs: TAP_MAX_MS, fingers: 1 })).toBe(true);
    expect(isTap(0, 'touch', { heldMs: TAP_MAX_MS + 1, fingers: 1 })).toBe(false);
    expect(TAP_MAX_MS).toBeLessThan(1500);
  });

  it('counts the fingers that were down together: a pinch is no tap, for either finger', () => {
    const log = new PressLog();
    down(log, 4, 0);
    down(log, 5, 10, false);
    expect(log.fingersDown()).toBe(2);
    log.pointerUp({ pointerId: 5 });
    log.pointerUp({ pointerId: 4 });
    expect(log.fingersDown()).toBe(0);
    for (const pointerId of [4, 5]) {
      const shape = log.shapeOf({ pointerId, timeStamp: 200 });
      expect(shape.fingers).toBe(2);
      expect(isTap(0, 'touch', shape)).toBe(false);
    }
    // The next tap is a gesture of its own.
    down(log, 6, 1000);
    log.pointerUp({ pointerId: 6 });
    expect(log.shapeOf({ pointerId: 6, timeStamp: 1050 })).toEqual({ heldMs: 50, fingers: 1 });
  });

  it('is not fooled by a release it never heard: a primary pointer starts afresh', () => {
    const log = new PressLog();
    down(log, 1, 0);
    // Pointer 1 lifted somewhere no listener saw; the next finger is primary again.
    down(log, 2, 100);
    expect(log.fingersDown()).toBe(1);
    log.pointerUp({ pointerId: 2 });
    expect(isTap(0, 'touch', log.shapeOf({ pointerId: 2, timeStamp: 150 }))).toBe(true);
  });

  it('takes a click it has no press for (a key, a synthetic click) as a quick tap', () => {
    const log = new PressLog();
    expect(log.shapeOf(undefined)).toEqual({ heldMs: 0, fingers: 1 });
    expect(log.shapeOf({ pointerId: 9, timeStamp: 10 })).toEqual({ heldMs: 0, fingers: 1 });
  });
});
