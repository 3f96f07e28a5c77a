/**
 * Dragging a panel in the panel list by its handle, with pointer events (HTML5 drag and drop
 * fires no events on touch screens): the handle captures the pointer, each move measures the
 * rows as drawn (a scroll or a reload in between changes them) and finds the slot under the
 * pointer (src/modes/curate/panelDrop.ts); the release asks for the move; Esc or a cancelled
 * pointer (the browser took the gesture) leaves everything where it was. The keyboard's way to
 * do the same is 上移 / 下移 and 移到栏目…, so the handle itself is for pointers only.
 */
import { type PointerEvent as ReactPointerEvent, useCallback, useEffect, useRef, useState } from 'react';
import { type DropSlot, dropSlotAt, moveForDrop, type PanelPlace, type SectionBox } from '../panelDrop.ts';

/** The panel being dragged: where it is, and its title as shown (for the announcement). */
export interface DraggedPanel extends PanelPlace {
  panelId: string;
  title: string;
}

export interface PanelDragState {
  panel: DraggedPanel;
  /** Where it would land now; null: where it is (no drop line). */
  slot: DropSlot | null;
}

/** What a panel's handle is given: its pointer handlers. */
export interface DragHandleProps {
  onPointerDown(event: ReactPointerEvent<HTMLElement>): void;
  onPointerMove(event: ReactPointerEvent<HTMLElement>): void;
  onPointerUp(event: ReactPointerEvent<HTMLElement>): void;
  onPointerCancel(event: ReactPointerEvent<HTMLElement>): void;
}

export interface PanelDragOptions {
  /** The sections and rows as drawn now (client coordinates). */
  measure(): SectionBox[];
  /** A drop that moves the panel: to `to`, in the server's terms. */
  onDrop(panel: DraggedPanel, to: PanelPlace): void;
  /** The page to listen on for Esc, and to scroll near its edges (injected for the tests). */
  win?: Pick<Window, 'addEventListener' | 'removeEventListener' | 'innerHeight' | 'scrollBy'>;
}

/** How close to the window's top or bottom edge a drag scrolls the page, and by how much per move. */
const EDGE_PX = 48;
const SCROLL_STEP_PX = 24;

export function usePanelDrag({ measure, onDrop, win = window }: PanelDragOptions) {
  const [drag, setDrag] = useState<PanelDragState | null>(null);
  // The handlers read the drag as it is now, not as it was drawn last.
  const current = useRef<(PanelDragState & { pointerId: number }) | null>(null);
  const latest = useRef({ measure, onDrop });
  latest.current = { measure, onDrop };

  const update = useCallback((next: (PanelDragState & { pointerId: number }) | null) => {
    current.current = next;
    setDrag(next ? { panel: next.panel, slot: next.slot } : null);
  }, []);

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const cancelOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      update(null);
    };
    win.addEventListener('keydown', cancelOnEscape);
    return () => win.removeEventListener('keydown', cancelOnEscape);
  }, [dragging, win, update]);

  const slotAt = (panel: DraggedPanel, y: number) => {
    const slot = dropSlotAt(latest.current.measure(), y);
    // Where it already is draws no line: letting go there moves nothing.
    return slot && moveForDrop(panel, slot) ? slot : null;
  };

  const handleFor = (panel: DraggedPanel): DragHandleProps => ({
    onPointerDown(event) {
      // The main button of a mouse or pen, or a finger; not a second finger of a pinch.
      if (event.button !== 0 || event.isPrimary === false || current.current) return;
      event.preventDefault();
      try {
        event.currentTarget.setPointerCapture?.(event.pointerId);
      } catch {
        // A pointer already gone: the moves still reach the handle while over it.
      }
      update({ panel, slot: null, pointerId: event.pointerId });
    },
    onPointerMove(event) {
      const now = current.current;
      if (!now || event.pointerId !== now.pointerId) return;
      event.preventDefault();
      if (event.clientY < EDGE_PX) win.scrollBy(0, -SCROLL_STEP_PX);
      else if (event.clientY > win.innerHeight - EDGE_PX) win.scrollBy(0, SCROLL_STEP_PX);
      const slot = slotAt(now.panel, event.clientY);
      if (slot?.sectionId !== now.slot?.sectionId || slot?.slot !== now.slot?.slot) update({ ...now, slot });
    },
    onPointerUp(event) {
      const now = current.current;
      if (!now || event.pointerId !== now.pointerId) return;
      update(null);
      const slot = slotAt(now.panel, event.clientY);
      const to = slot ? moveForDrop(now.panel, slot) : null;
      if (to) latest.current.onDrop(now.panel, to);
    },
    onPointerCancel(event) {
      if (current.current && event.pointerId === current.current.pointerId) update(null);
    },
  });

  return { drag, handleFor };
}
