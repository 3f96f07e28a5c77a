/**
 * A modal question before a change to someone's account (重置密码, 停用, 启用): a `<dialog>` named by
 * its title (src/ui/useModalDialog.ts: Esc and the backdrop cancel, the focus goes back to the
 * button that opened it), what the change does, any fields, the refusal in words, 取消 and the
 * confirming button. Rendered only while asked: mounting opens it, unmounting closes it.
 */
import { type ReactNode, useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { useModalDialog } from '../../../ui/useModalDialog.ts';

export interface CurateDialogProps {
  lang: Lang;
  title: string;
  /** What the change does, said before it is made. */
  detail: string;
  confirmLabel: string;
  busy: boolean;
  /** The refusal (or a field's problem) in words. */
  error: string | null;
  onConfirm(): void;
  onClose(): void;
  children?: ReactNode;
}

function giveFocusBack(previous: Element | null) {
  if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
}

export function CurateDialog({
  lang,
  title,
  detail,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
  children,
}: CurateDialogProps) {
  const titleId = useId();
  const detailId = useId();
  const dialog = useModalDialog({ open: true, onClose, restoreFocus: giveFocusBack });
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop cancels, as Esc (the dialog's cancel) does from the keyboard
    <dialog
      ref={dialog.ref}
      className="curate-dialog"
      aria-labelledby={titleId}
      aria-describedby={detailId}
      onCancel={dialog.onCancel}
      onClick={dialog.onClick}
    >
      <form
        className="curate-form curate-dialog__frame"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onConfirm();
        }}
      >
        <h2 id={titleId} className="curate-dialog__title">
          {title}
        </h2>
        <p id={detailId}>{detail}</p>
        {children}
        {error && (
          <p className="curate-error" role="alert">
            {error}
          </p>
        )}
        <div className="curate-dialog__buttons">
          <button type="button" className="curate-button" onClick={onClose}>
            {curateText('cancel', lang)}
          </button>
          <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
