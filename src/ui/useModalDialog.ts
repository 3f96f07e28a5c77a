/**
 * A modal `<dialog>` driven by React state, the one way the shared screens do it (the card, the
 * search): shown with `showModal()` when `open` turns true (remembering what had the focus),
 * closed when it turns false — or when the component goes while it is open — with the focus
 * handed back through `restoreFocus`. Esc (the dialog's cancel) and a click on the backdrop ask
 * `onClose`; the state then closes the dialog.
 */
import { type MouseEvent, type SyntheticEvent, useLayoutEffect, useRef } from 'react';

export interface ModalDialogOptions {
  open: boolean;
  /** Esc or a click on the backdrop: the dialog asks to be closed. */
  onClose(): void;
  /** The dialog has just been shown (or shown again after StrictMode's trial unmount). */
  onOpened?(): void;
  /** Gives the focus back: `previous` had it when the dialog opened. */
  restoreFocus(previous: Element | null): void;
}

export function useModalDialog({ open, onClose, onOpened, restoreFocus }: ModalDialogOptions) {
  const ref = useRef<HTMLDialogElement>(null);
  // The latest callbacks, for the effect that runs only when `open` changes.
  const latest = useRef({ onOpened, restoreFocus });
  latest.current = { onOpened, restoreFocus };

  useLayoutEffect(() => {
    const element = ref.current;
    if (!open || !element) return;
    const previous = document.activeElement;
    if (!element.open) element.showModal();
    latest.current.onOpened?.();
    // Closing, or unmounting while open: close first (the page outside a modal dialog is inert,
    // so the focus could not go back), then give the focus back.
    return () => {
      if (element.open) element.close();
      latest.current.restoreFocus(previous);
    };
  }, [open]);

  return {
    ref,
    onCancel(event: SyntheticEvent<HTMLDialogElement>) {
      event.preventDefault();
      onClose();
    },
    onClick(event: MouseEvent<HTMLDialogElement>) {
      // A click on the backdrop lands on the <dialog> itself, outside its inner frame.
      if (event.target === event.currentTarget) onClose();
    },
  };
}
