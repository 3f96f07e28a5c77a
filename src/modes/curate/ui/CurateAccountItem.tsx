/**
 * One account in 账号管理: its display name, username, role and whether it is disabled, and what a
 * reviewer may do to it (重置密码, 停用 / 启用), each button named for the account it acts on. One's
 * own account has neither: one's own password is 修改密码's, and the station refuses disabling oneself.
 * Names are staff-typed: React text only.
 */
import { curateText, roleText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { CuratorAccount } from '../../../live/curateProtocol.ts';

export interface CurateAccountItemProps {
  lang: Lang;
  account: CuratorAccount;
  own: boolean;
  onReset(account: CuratorAccount): void;
  onToggleDisabled(account: CuratorAccount): void;
}

export function CurateAccountItem({ lang, account, own, onReset, onToggleDisabled }: CurateAccountItemProps) {
  const forWhom = <span className="visually-hidden"> · {account.username}</span>;
  return (
    <li className="curate-account" data-account-id={account.id} data-disabled={account.disabled}>
      <h4 className="curate-account__name">
        {account.displayName}
        {own && <span className="curate-account__you">{curateText('you', lang)}</span>}
      </h4>
      <dl className="curate-account__facts">
        <div>
          <dt>{curateText('username', lang)}</dt>
          <dd className="curate-account__username">{account.username}</dd>
        </div>
        <div>
          <dt>{curateText('role', lang)}</dt>
          <dd>{roleText(account.role, lang)}</dd>
        </div>
        <div>
          <dt>{curateText('status', lang)}</dt>
          <dd className={account.disabled ? 'curate-account__disabled' : undefined}>
            {curateText(account.disabled ? 'statusDisabled' : 'statusEnabled', lang)}
          </dd>
        </div>
      </dl>
      {own ? (
        <p className="curate-hint">{curateText('ownAccountHint', lang)}</p>
      ) : (
        <div className="curate-account__actions">
          <button type="button" className="curate-button" onClick={() => onReset(account)}>
            {curateText('resetPassword', lang)}
            {forWhom}
          </button>
          <button type="button" className="curate-button" onClick={() => onToggleDisabled(account)}>
            {curateText(account.disabled ? 'enable' : 'disable', lang)}
            {forWhom}
          </button>
        </div>
      )}
    </li>
  );
}
