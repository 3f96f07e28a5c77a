/**
 * The login: username and password, 登录. A refusal is said in words (a wrong password, the
 * lock-out and for how long, a device the station does not let in, a disabled account). The
 * password lives in this form's state only until it is sent: cleared at once, never stored, and
 * the form never submits itself (no password in an address).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { CurateError } from '../curateClient.ts';

export interface CurateLoginProps {
  lang: Lang;
  error: CurateError | null;
  busy: boolean;
  onLogin(username: string, password: string): void;
}

export function CurateLogin({ lang, error, busy, onLogin }: CurateLoginProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const headingId = useId();
  const usernameId = useId();
  const passwordId = useId();
  const passwordField = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState<'username' | 'password' | null>(null);

  // A refused attempt: the password (cleared when sent) is the field to type again.
  useEffect(() => {
    if (error === 'wrong-credentials') passwordField.current?.focus();
  }, [error]);

  return (
    <section className="curate-card curate-login" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('loginTitle', lang)}
      </h2>
      <p>{curateText('loginIntro', lang)}</p>
      {(missing || error) && (
        <p className="curate-error" role="alert">
          {missing
            ? curateText('fieldRequired', lang, { field: curateText(missing, lang) })
            : error && curateErrorText(error, lang)}
        </p>
      )}
      <form
        className="curate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          const empty = username.trim() === '' ? 'username' : password === '' ? 'password' : null;
          setMissing(empty);
          if (empty) return;
          onLogin(username, password);
          setPassword('');
        }}
      >
        <label htmlFor={usernameId}>{curateText('username', lang)}</label>
        <input
          id={usernameId}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor={passwordId}>{curateText('password', lang)}</label>
        <input
          ref={passwordField}
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
          {curateText('login', lang)}
        </button>
        {busy && (
          <p className="curate-status" role="status">
            {curateText('loggingIn', lang)}
          </p>
        )}
      </form>
    </section>
  );
}
