/**
 * 账号管理 (审核 only): every account, 新建账号, and for each other account 重置密码 (the new
 * password, asked in a dialog) and 停用 / 启用 (asked once more in a dialog). What changed is said
 * in a status line; a refusal (the last reviewer, a weak password) in words in the dialog.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { CuratorAccount } from '../../../live/curateProtocol.ts';
import type { CurateError } from '../curateClient.ts';
import { CurateAccountForm } from './CurateAccountForm.tsx';
import { CurateAccountItem } from './CurateAccountItem.tsx';
import { CurateDialog } from './CurateDialog.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem, newPasswordProblemText } from './passwordChecks.ts';

/** The change being asked about in the dialog. */
type Pending = { kind: 'reset'; account: CuratorAccount } | { kind: 'toggle'; account: CuratorAccount };

export function CurateAccounts({ lang, api, session }: CurateScreenProps) {
  const headingId = useId();
  const listHeadingId = useId();
  const [accounts, setAccounts] = useState<CuratorAccount[] | null>(null);
  const [loadError, setLoadError] = useState<CurateError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const createButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    void api.listAccounts().then((answer) => {
      if (!current) return;
      if (answer.ok) setAccounts(answer.accounts);
      else setLoadError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const replace = (account: CuratorAccount) =>
    setAccounts((list) => list?.map((entry) => (entry.id === account.id ? account : entry)) ?? [account]);

  const ask = (next: Pending) => {
    setPending(next);
    setDialogError(null);
    setPassword('');
    setAgain('');
  };
  const closeDialog = () => {
    setPending(null);
    setPassword('');
    setAgain('');
  };

  const confirm = async () => {
    if (!pending) return;
    const { account } = pending;
    if (pending.kind === 'reset') {
      const problem = newPasswordProblem(password, again, account.username);
      if (problem) return setDialogError(newPasswordProblemText(problem, lang));
    }
    setBusy(true);
    setDialogError(null);
    const name = account.displayName;
    if (pending.kind === 'reset') {
      const answer = await api.resetPassword(account.id, password);
      setBusy(false);
      setPassword('');
      setAgain('');
      if (!answer.ok) return setDialogError(curateErrorText(answer.error, lang));
      setNotice(curateText('passwordReset', lang, { name }));
    } else {
      const answer = await api.setDisabled(account.id, !account.disabled);
      setBusy(false);
      if (!answer.ok)
        return setDialogError(
          answer.error === 'forbidden' ? curateText('cannotDisableSelf', lang) : curateErrorText(answer.error, lang),
        );
      replace(answer.account);
      setNotice(curateText(answer.account.disabled ? 'accountDisabled' : 'accountEnabled', lang, { name }));
    }
    setPending(null);
  };

  let dialog: React.ReactNode = null;
  if (pending?.kind === 'reset') {
    dialog = (
      <CurateDialog
        lang={lang}
        title={curateText('resetPasswordOf', lang, { name: pending.account.displayName })}
        detail={curateText('resetPasswordDetail', lang)}
        confirmLabel={curateText('confirmReset', lang)}
        busy={busy}
        error={dialogError}
        onConfirm={() => void confirm()}
        onClose={closeDialog}
      >
        <NewPasswordFields lang={lang} password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
      </CurateDialog>
    );
  } else if (pending?.kind === 'toggle') {
    const enabling = pending.account.disabled;
    const name = pending.account.displayName;
    dialog = (
      <CurateDialog
        lang={lang}
        title={curateText(enabling ? 'enableAccountOf' : 'disableAccountOf', lang, { name })}
        detail={curateText(enabling ? 'enableDetail' : 'disableDetail', lang)}
        confirmLabel={curateText(enabling ? 'confirmEnable' : 'confirmDisable', lang)}
        busy={busy}
        error={dialogError}
        onConfirm={() => void confirm()}
        onClose={closeDialog}
      />
    );
  }

  return (
    <section className="curate-card curate-accounts" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('accountsTitle', lang)}
      </h2>
      <p className="curate-status" role="status">
        {notice}
      </p>
      <button
        ref={createButton}
        type="button"
        className="curate-button curate-button--primary"
        aria-expanded={creating}
        onClick={() => {
          setCreating((open) => !open);
          setNotice(null);
        }}
      >
        {curateText('createAccount', lang)}
      </button>
      {creating && (
        <CurateAccountForm
          lang={lang}
          api={api}
          onCreated={(account) => {
            setAccounts((list) => [...(list ?? []), account]);
            setNotice(curateText('accountCreated', lang, { name: account.displayName }));
            setCreating(false);
            createButton.current?.focus();
          }}
          onCancel={() => {
            setCreating(false);
            createButton.current?.focus();
          }}
        />
      )}
      <section className="curate-subsection" aria-labelledby={listHeadingId}>
        <h3 id={listHeadingId}>{curateText('accountList', lang)}</h3>
        {loadError ? (
          <p className="curate-error" role="alert">
            {curateErrorText(loadError, lang)}
          </p>
        ) : accounts === null ? (
          <p className="curate-status">{curateText('accountsLoading', lang)}</p>
        ) : accounts.length === 0 ? (
          <p>{curateText('accountsNone', lang)}</p>
        ) : (
          <ul className="curate-accounts__list">
            {accounts.map((account) => (
              <CurateAccountItem
                key={account.id}
                lang={lang}
                account={account}
                own={account.id === session.account.id}
                onReset={(chosen) => ask({ kind: 'reset', account: chosen })}
                onToggleDisabled={(chosen) => ask({ kind: 'toggle', account: chosen })}
              />
            ))}
          </ul>
        )}
      </section>
      {dialog}
    </section>
  );
}
