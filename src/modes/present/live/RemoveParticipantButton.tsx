/**
 * 移出 with a confirmation step (移出 → 确认移出 / 取消), so a stray click or key removes no one;
 * both buttons are named for the one they remove. Used by the projector's join card and by the
 * presenter view's room list.
 */
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { liveText } from '../../../i18n/liveStrings.ts';

export interface RemoveParticipantButtonProps {
  /** Whom it removes, as the screen it is on may name them (a nickname, or 观众 n). */
  who: string;
  lang: Lang;
  onRemove(): void;
  /** The block of the classes: `<block>__remove`, `<block>__remove--confirm`, `<block>__confirm`. */
  block: string;
}

export function RemoveParticipantButton({ who, lang, onRemove, block }: RemoveParticipantButtonProps) {
  const [confirming, setConfirming] = useState(false);
  // Focus follows a keyboard user into the confirmation and back; a mouse click leaves it where it
  // was (on the page, not a button), since Space and Enter on a focused button would press it
  // while they are also the clicker's "next".
  const [moveFocus, setMoveFocus] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  // The list may scroll in a small box: the confirmation must not open out of sight.
  useEffect(() => {
    if (confirming) confirmButton.current?.scrollIntoView?.({ block: 'nearest' });
  }, [confirming]);
  useEffect(() => {
    if (!moveFocus) return;
    (confirming ? confirmButton : removeButton).current?.focus();
    setMoveFocus(false);
  }, [confirming, moveFocus]);
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  const byKeyboard = (event: React.MouseEvent) => event.detail === 0;

  return confirming ? (
    <span className={`${block}__confirm`}>
      <button
        ref={confirmButton}
        type="button"
        className={`${block}__remove ${block}__remove--confirm`}
        onMouseDown={keepFocus}
        onClick={onRemove}
      >
        {liveText('confirmRemove', lang, { name: who })}
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        onClick={(event) => {
          setMoveFocus(byKeyboard(event));
          setConfirming(false);
        }}
      >
        {liveText('cancel', lang)}
      </button>
    </span>
  ) : (
    <button
      ref={removeButton}
      type="button"
      className={`${block}__remove`}
      aria-label={liveText('removeParticipant', lang, { name: who })}
      onMouseDown={keepFocus}
      onClick={(event) => {
        setMoveFocus(byKeyboard(event));
        setConfirming(true);
      }}
    >
      {liveText('remove', lang)}
    </button>
  );
}
