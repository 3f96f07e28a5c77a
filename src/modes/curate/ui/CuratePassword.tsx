/**
 * 修改密码: one's own password (the current one, the new one twice). The account's other sessions
 * end; this one stays. The passwords are cleared as soon as they are sent.
 */
import { useId, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { CurateScreenProps } from './curateScreenProps.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem, newPasswordProblemText } from './passwordChecks.ts';

export function CuratePassword({ lang, api, session }: CurateScreenProps) {
  const headingId = useId();
  const currentId = useId();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const { username } = session.account;

  const submit = async () => {
    if (current === '')
      return setOutcome({
        ok: false,
        message: curateText('fieldRequired', lang, { field: curateText('currentPassword', lang) }),
      });
    const problem = newPasswordProblem(password, again, username);
    if (problem) return setOutcome({ ok: false, message: newPasswordProblemText(problem, lang) });
    setBusy(true);
    setOutcome(null);
    const answer = await api.changePassword(current, password);
    setCurrent('');
    setPassword('');
    setAgain('');
    setBusy(false);
    if (answer.ok) return setOutcome({ ok: true });
    setOutcome({
      ok: false,
      message:
        answer.error === 'wrong-credentials' ? curateText('currentPasswordWrong', lang) : curateErrorText(answer.error, lang),
    });
  };

  return (
    <section className="curate-card curate-password" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('passwordTitle', lang)}
      </h2>
      <p>{curateText('passwordIntro', lang)}</p>
      {outcome?.ok === false && (
        <p className="curate-error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome?.ok === true && (
        <p className="curate-done" role="status">
          {curateText('passwordChanged', lang)}
        </p>
      )}
      <form
        className="curate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit();
        }}
      >
        {/* The account's name, for a password manager saving the new password under it. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <label htmlFor={currentId}>{curateText('currentPassword', lang)}</label>
        <input
          id={currentId}
          name="current-password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPasswordFields lang={lang} password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
        <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
          {curateText('savePassword', lang)}
        </button>
      </form>
    </section>
  );
}
