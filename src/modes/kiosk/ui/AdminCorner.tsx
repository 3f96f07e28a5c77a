/**
 * The hidden way in for staff: hold a finger on the top-left corner for 5 s. Nothing shows for
 * the first second and a half, then a faint ring fills, so a visitor resting a hand there does not
 * notice, and the member of staff knows the press is being counted. A short tap on the corner
 * does what a tap there would do anyway (on the attract screen: start the visit).
 */
import { useEffect, useRef, useState } from 'react';

export const ADMIN_HOLD_MS = 5000;
/** A finger that slides further than this is not holding still. */
const MOVE_TOLERANCE_PX = 24;

export function AdminCorner({ onLongPress, onTap }: { onLongPress(): void; onTap(): void }) {
  const [holding, setHolding] = useState(false);
  const press = useRef<{ id: number; x: number; y: number; timer: ReturnType<typeof setTimeout>; done: boolean } | null>(null);

  const cancel = () => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
    setHolding(false);
  };
  useEffect(
    () => () => {
      if (press.current) clearTimeout(press.current.timer);
    },
    [],
  );

  return (
    <div
      className={holding ? 'kiosk-corner kiosk-corner--holding' : 'kiosk-corner'}
      data-testid="kiosk-corner"
      aria-hidden="true"
      onPointerDown={(event) => {
        event.stopPropagation();
        cancel();
        event.currentTarget.setPointerCapture?.(event.pointerId);
        const timer = setTimeout(() => {
          if (press.current) press.current.done = true;
          setHolding(false);
          onLongPress();
        }, ADMIN_HOLD_MS);
        press.current = { id: event.pointerId, x: event.clientX, y: event.clientY, timer, done: false };
        setHolding(true);
      }}
      onPointerMove={(event) => {
        const current = press.current;
        if (!current || current.id !== event.pointerId || current.done) return;
        if (Math.hypot(event.clientX - current.x, event.clientY - current.y) > MOVE_TOLERANCE_PX) cancel();
      }}
      onPointerUp={(event) => {
        const current = press.current;
        if (!current || current.id !== event.pointerId) return;
        const wasTap = !current.done;
        cancel();
        if (wasTap) onTap();
      }}
      onPointerCancel={cancel}
    >
      <svg className="kiosk-corner__ring" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
        <circle cx="20" cy="20" r="16" />
      </svg>
    </div>
  );
}
