/**
 * Whether a key press belongs to the control it lands on rather than to the mode's own keys:
 * keys typed into a field belong to it; Enter and Space on a focused button or link press it.
 * Everything else is the mode's (the visitor walks even while a HUD button keeps the focus after
 * a click; the presenter's clicker goes on with the lesson).
 */
export interface ControlTargetOptions {
  /**
   * Keys inside a `<dialog>` are the dialog's: the visitor's card and search handle their own
   * keys. Not in projector mode, whose slide is itself a (non-modal) dialog the clicker drives.
   */
  dialogsOwnKeys: boolean;
}

export function isControlTarget(target: EventTarget | null, key: string, { dialogsOwnKeys }: ControlTargetOptions): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  const fields = dialogsOwnKeys ? 'input, textarea, select, dialog' : 'input, textarea, select';
  if (target.isContentEditable || target.closest(fields) !== null) return true;
  return (key === 'Enter' || key === ' ') && target.closest('button, a, summary') !== null;
}
