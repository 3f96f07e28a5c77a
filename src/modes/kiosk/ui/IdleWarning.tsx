/**
 * 还在参观吗？ — the last seconds before the kiosk resets. A modal dialog, so it stands above an
 * open card (itself a modal dialog) and takes the touch: a tap anywhere on it, the button, or Esc
 * continues the visit (the dialog focuses its button when it opens). It reacts to the click, after the finger lifts, so the tap that dismisses it
 * never reaches the card or the corridor underneath.
 */
import { useLayoutEffect, useRef } from 'react';
import { kioskText } from '../../../i18n/kioskStrings.ts';
import { useExhibition } from '../../../store/store.ts';
import { useKiosk } from '../kioskContext.ts';

export function IdleWarning({ onContinue }: { onContinue(): void }) {
  const warning = useKiosk((state) => state.warning);
  const lang = useExhibition((state) => state.lang);
  const dialog = useRef<HTMLDialogElement>(null);
  const other = lang === 'zh' ? 'en' : 'zh';

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning !== null && !element.open) element.showModal();
    else if (warning === null && element.open) element.close();
  }, [warning]);

  return (
    <dialog
      ref={dialog}
      className="kiosk-warning"
      aria-labelledby="kiosk-warning-title"
      aria-describedby="kiosk-warning-hint"
      data-testid="kiosk-warning"
      onCancel={(event) => {
        event.preventDefault();
        onContinue();
      }}
      onClick={onContinue}
      onKeyDown={(event) => {
        // Any key is someone at the screen (Esc arrives as the dialog's cancel).
        if (event.key !== 'Escape') onContinue();
      }}
    >
      {warning !== null && (
        <div className="kiosk-warning__box">
          <p id="kiosk-warning-title" className="kiosk-warning__title">
            {kioskText('kioskStillThere', lang)}
          </p>
          <p className="kiosk-warning__other" lang={other === 'en' ? 'en' : 'zh-CN'}>
            {kioskText('kioskStillThere', other)}
          </p>
          <p className="kiosk-warning__count" aria-hidden="true">
            {warning}
          </p>
          <p id="kiosk-warning-hint" className="kiosk-warning__hint">
            {kioskText('kioskStillThereHint', lang, { n: warning })}
          </p>
          <button type="button" className="kiosk-button kiosk-button--primary">
            {kioskText('kioskContinue', lang)}
          </button>
        </div>
      )}
    </dialog>
  );
}
