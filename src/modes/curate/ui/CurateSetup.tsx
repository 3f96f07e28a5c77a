/**
 * A setup link (`?mode=curate&setup=<token>`, its token already gone from the address bar): what
 * it is for — the first reviewer, or a reviewer's password set again — then the username (fixed
 * for a reset: the link is that reviewer's) and a new password twice. Done, the page is logged
 * in. A link that does not work (used, expired, cut short) says so and leads to the login.
 */
import { useId, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { SetupCheck } from '../../../live/curateProtocol.ts';
import type { CurateError, SetupRequest } from '../curateClient.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem, newPasswordProblemText } from './passwordChecks.ts';

export interface CurateSetupProps {
  lang: Lang;
  /** What the link is for; null when the station refused it (then `error` says why). */
  check: SetupCheck | null;
  error: CurateError | null;
  busy: boolean;
  onSetup(details: Omit<SetupRequest, 'token'>): void;
  onLogin(): void;
}

export function CurateSetup({ lang, check, error, busy, onSetup, onLogin }: CurateSetupProps) {
  const headingId = useId();
  const usernameId = useId();
  const displayNameId = useId();
  const [typedUsername, setTypedUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const errorLine = error && (
    <p className="curate-error" role="alert">
      {curateErrorText(error, lang)}
    </p>
  );
  if (!check) {
    return (
      <section className="curate-card curate-setup" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={-1}>
          {curateText('setupLinkTitle', lang)}
        </h2>
        {errorLine}
        <button type="button" className="curate-button curate-button--primary" onClick={onLogin}>
          {curateText('goToLogin', lang)}
        </button>
      </section>
    );
  }

  const resetting = check.purpose === 'reset';
  const username = resetting ? (check.username ?? '') : typedUsername;
  return (
    <section className="curate-card curate-setup" aria-labelledby={headingId} data-setup-purpose={check.purpose}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText(resetting ? 'setupTitleReset' : 'setupTitleFirst', lang)}
      </h2>
      <p>{resetting ? curateText('setupIntroReset', lang, { username }) : curateText('setupIntroFirst', lang)}</p>
      <p className="curate-hint">{curateText('setupOnce', lang)}</p>
      {problem && (
        <p className="curate-error" role="alert">
          {problem}
        </p>
      )}
      {!problem && errorLine}
      <form
        className="curate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          const passwordProblem = newPasswordProblem(password, again, username);
          const found =
            username.trim() === ''
              ? curateText('fieldRequired', lang, { field: curateText('username', lang) })
              : passwordProblem && newPasswordProblemText(passwordProblem, lang);
          setProblem(found);
          if (found) return;
          onSetup({ username, password, ...(!resetting && displayName.trim() ? { displayName } : {}) });
          setPassword('');
          setAgain('');
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
          readOnly={resetting}
          value={username}
          onChange={(event) => setTypedUsername(event.target.value)}
        />
        {!resetting && (
          <>
            <label htmlFor={displayNameId}>{curateText('displayName', lang)}</label>
            <input
              id={displayNameId}
              name="display-name"
              autoComplete="name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          </>
        )}
        <NewPasswordFields lang={lang} password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
        <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
          {curateText(resetting ? 'setupSubmitReset' : 'setupSubmitFirst', lang)}
        </button>
        {busy && (
          <p className="curate-status" role="status">
            {curateText('setupSaving', lang)}
          </p>
        )}
      </form>
      {error === 'bad-setup-token' && (
        <button type="button" className="curate-button" onClick={onLogin}>
          {curateText('goToLogin', lang)}
        </button>
      )}
    </section>
  );
}
