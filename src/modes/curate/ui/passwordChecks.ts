/**
 * The checks a new password gets before it is sent: the protocol's minimum length (counted in
 * characters, as the server counts them, not UTF-16 units as `minlength` would), not the username,
 * and typed the same twice. The server checks again (`weak-password`); this only says it sooner.
 */
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { PASSWORD_MIN_CHARS } from '../../../live/curateProtocol.ts';

export type NewPasswordProblem = 'passwordTooShort' | 'passwordIsUsername' | 'passwordsDiffer';

const comparable = (text: string) => text.normalize('NFC').trim().toLowerCase();

export function newPasswordProblem(password: string, again: string | null, username: string): NewPasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_CHARS) return 'passwordTooShort';
  if (username !== '' && comparable(password) === comparable(username)) return 'passwordIsUsername';
  if (again !== null && again !== password) return 'passwordsDiffer';
  return null;
}

/** A problem in words, with the minimum filled in. */
export function newPasswordProblemText(problem: NewPasswordProblem, lang: Lang): string {
  return curateText(problem, lang, { min: PASSWORD_MIN_CHARS });
}
