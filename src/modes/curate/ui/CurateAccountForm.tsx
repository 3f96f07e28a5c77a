/**
 * 新建账号: username, display name, role (编辑 / 审核, each with what it may do) and an initial
 * password, checked here as the station checks them (the protocol's schemas and password rule)
 * so a mistake is said before anything is sent; the station's own refusals (a username already
 * taken, a weak password) are said in words too.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import {
  CURATE_ROLES,
  type CurateRole,
  type CuratorAccount,
  DISPLAY_NAME_MAX_CHARS,
  displayNameSchema,
  USERNAME_MAX_CHARS,
  usernameSchema,
} from '../../../live/curateProtocol.ts';
import type { CurateApi } from '../curateClient.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem, newPasswordProblemText } from './passwordChecks.ts';

export interface CurateAccountFormProps {
  lang: Lang;
  api: CurateApi;
  onCreated(account: CuratorAccount): void;
  onCancel(): void;
}

const ROLE_HINTS = { editor: 'roleEditorHint', reviewer: 'roleReviewerHint' } as const satisfies Record<CurateRole, string>;

export function CurateAccountForm({ lang, api, onCreated, onCancel }: CurateAccountFormProps) {
  const headingId = useId();
  const usernameId = useId();
  const usernameRuleId = useId();
  const displayNameId = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<CurateRole>('editor');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const usernameField = useRef<HTMLInputElement>(null);

  // Opened by 新建账号: the first field is where typing starts.
  useEffect(() => {
    usernameField.current?.focus();
  }, []);

  const problem = (): string | null => {
    if (!usernameSchema.safeParse(username).success) return curateText('usernameInvalid', lang, { max: USERNAME_MAX_CHARS });
    if (!displayNameSchema.safeParse(displayName).success)
      return curateText('displayNameInvalid', lang, { max: DISPLAY_NAME_MAX_CHARS });
    const passwordProblem = newPasswordProblem(password, again, username);
    return passwordProblem && newPasswordProblemText(passwordProblem, lang);
  };

  const submit = async () => {
    const found = problem();
    setError(found);
    if (found) return;
    setBusy(true);
    const answer = await api.createAccount({
      username,
      role,
      password,
      ...(displayName.trim() ? { displayName } : {}),
    });
    setBusy(false);
    if (answer.ok) return onCreated(answer.account);
    setError(curateErrorText(answer.error, lang));
  };

  return (
    <section className="curate-subsection curate-account-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{curateText('createAccount', lang)}</h3>
      <form
        className="curate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit();
        }}
      >
        <label htmlFor={usernameId}>{curateText('username', lang)}</label>
        <input
          ref={usernameField}
          id={usernameId}
          name="new-username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-describedby={usernameRuleId}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <p id={usernameRuleId} className="curate-hint">
          {curateText('usernameRule', lang, { max: USERNAME_MAX_CHARS })}
        </p>
        <label htmlFor={displayNameId}>{curateText('displayName', lang)}</label>
        <input
          id={displayNameId}
          name="display-name"
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <fieldset className="curate-roles">
          <legend>{curateText('role', lang)}</legend>
          {CURATE_ROLES.map((choice) => (
            <label key={choice} className="curate-roles__choice">
              <input type="radio" name="role" value={choice} checked={role === choice} onChange={() => setRole(choice)} />
              <span>{curateText(ROLE_HINTS[choice], lang)}</span>
            </label>
          ))}
        </fieldset>
        <NewPasswordFields
          lang={lang}
          label={curateText('initialPassword', lang)}
          password={password}
          again={again}
          onPassword={setPassword}
          onAgain={setAgain}
        />
        <p className="curate-hint">{curateText('initialPasswordHint', lang)}</p>
        {error && (
          <p className="curate-error" role="alert">
            {error}
          </p>
        )}
        <div className="curate-form__buttons">
          <button type="button" className="curate-button" onClick={onCancel}>
            {curateText('cancel', lang)}
          </button>
          <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
            {curateText('createAccountSubmit', lang)}
          </button>
        </div>
      </form>
    </section>
  );
}
