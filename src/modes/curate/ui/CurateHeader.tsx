/**
 * The curator page's bar: 布展 · 党史长廊, and once logged in who it is and their role
 * (编辑 / 审核), 修改密码 and 退出; the language switch always.
 */
import { curateText, roleText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { CuratorSession } from '../../../live/curateProtocol.ts';
import { LanguageToggle } from '../../../ui/LanguageToggle.tsx';

export interface CurateHeaderProps {
  lang: Lang;
  /** Who is logged in (null: nobody yet; the bar then has only the title and the language). */
  session: CuratorSession | null;
  /** 修改密码 is the screen shown. */
  passwordShown?: boolean;
  /** A logout is under way. */
  busy?: boolean;
  onChangePassword?(): void;
  onLogout?(): void;
}

export function CurateHeader({
  lang,
  session,
  passwordShown = false,
  busy = false,
  onChangePassword,
  onLogout,
}: CurateHeaderProps) {
  const account = session?.account;
  return (
    <header className="curate-bar">
      <h1 className="curate-bar__title">{curateText('pageTitle', lang)}</h1>
      {account && (
        <p className="curate-bar__who">
          {curateText('loggedInAs', lang)}
          <span className="curate-bar__name">{account.displayName}</span>
          {curateText('roleInName', lang, { role: roleText(account.role, lang) })}
        </p>
      )}
      <div className="curate-bar__actions">
        {account && (
          <>
            <button
              type="button"
              className="curate-button curate-button--quiet"
              aria-current={passwordShown ? 'page' : undefined}
              onClick={onChangePassword}
            >
              {curateText('changePassword', lang)}
            </button>
            <button type="button" className="curate-button curate-button--quiet" disabled={busy} onClick={onLogout}>
              {curateText('logout', lang)}
            </button>
          </>
        )}
        <LanguageToggle className="curate-button curate-button--quiet" />
      </div>
    </header>
  );
}
