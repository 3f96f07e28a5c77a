/**
 * Stands in for a modal screen while its code loads (App.tsx loads the card and the oath's
 * ceremony when one first opens). The store has it open already, so the corridor's keys have
 * stopped (a card has the keys), yet no dialog is on the screen to take them: without this, an
 * Esc pressed in that moment went nowhere and the screen opened after it anyway. Here the
 * screen's close key from the shared table closes it through the store, as its dialog's own Esc
 * would (the URL follows through hashSync), so it never appears.
 */
import { useLayoutEffect, useRef } from 'react';
import { actionForKey, type KeyContext, type PressAction } from '../input/keymap.ts';

export interface PendingScreenKeysProps {
  /** The screen's keys in the shared table (src/input/keymap.ts). */
  context: KeyContext;
  /** Its close action there. */
  closeAction: PressAction;
  /**
   * Closes the screen through the store; false when it is not open, or not on top (then the key
   * is left to whatever is), so one Esc closes one screen.
   */
  close(): boolean;
}

export function PendingScreenKeys({ context, closeAction, close }: PendingScreenKeysProps) {
  const latestClose = useRef(close);
  latestClose.current = close;
  // A layout effect: the key is taken from the commit that put this in the card's place, before
  // any later key can arrive.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || actionForKey(context, event.key) !== closeAction) return;
      if (latestClose.current()) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [context, closeAction]);
  return null;
}
