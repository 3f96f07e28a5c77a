/**
 * A new password typed twice (`new-password`, so a password manager offers to make and keep one),
 * with the rule said beside it. Used by the setup link, 修改密码 and 重置密码.
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { PASSWORD_MIN_CHARS } from '../../../live/curateProtocol.ts';

export interface NewPasswordFieldsProps {
  lang: Lang;
  password: string;
  again: string;
  onPassword(password: string): void;
  onAgain(again: string): void;
  /** The first field's words (新密码, or 初始密码). */
  label?: string;
}

export function NewPasswordFields({ lang, password, again, onPassword, onAgain, label }: NewPasswordFieldsProps) {
  const passwordId = useId();
  const againId = useId();
  const ruleId = useId();
  return (
    <>
      <label htmlFor={passwordId}>{label ?? curateText('newPassword', lang)}</label>
      <input
        id={passwordId}
        name="new-password"
        type="password"
        autoComplete="new-password"
        required
        aria-describedby={ruleId}
        value={password}
        onChange={(event) => onPassword(event.target.value)}
      />
      <p id={ruleId} className="curate-hint">
        {curateText('passwordRule', lang, { min: PASSWORD_MIN_CHARS })}
      </p>
      <label htmlFor={againId}>{curateText('newPasswordAgain', lang)}</label>
      <input
        id={againId}
        name="new-password-again"
        type="password"
        autoComplete="new-password"
        required
        value={again}
        onChange={(event) => onAgain(event.target.value)}
      />
    </>
  );
}
