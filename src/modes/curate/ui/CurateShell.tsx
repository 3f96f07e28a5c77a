/**
 * The logged-in page: the bar (who, 修改密码, 退出), the nav between the screens the account's role
 * may see (src/modes/curate/ui/curateScreens.ts: the draft editor slots in there), and the screen
 * chosen. Choosing one puts the focus on its heading.
 */
import { useEffect, useRef, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { CuratorSession } from '../../../live/curateProtocol.ts';
import type { CurateApi, CurateError } from '../curateClient.ts';
import { CurateHeader } from './CurateHeader.tsx';
import { type CurateScreen, type CurateScreenId, landingScreen, screensFor } from './curateScreens.ts';

export interface CurateShellProps {
  lang: Lang;
  session: CuratorSession;
  screens: readonly CurateScreen[];
  api: CurateApi;
  /** A logout is under way. */
  busy: boolean;
  /** Why the last logout did not go through (offline: the session may still be live). */
  error: CurateError | null;
  onLogout(): void;
}

export function CurateShell({ lang, session, screens, api, busy, error, onLogout }: CurateShellProps) {
  const role = session.account.role;
  const allowed = screensFor(role, screens);
  const [chosenId, setChosenId] = useState<CurateScreenId | null>(null);
  const [focusRequests, setFocusRequests] = useState(0);
  const main = useRef<HTMLElement>(null);
  const current = allowed.find((screen) => screen.id === chosenId) ?? landingScreen(role, screens);
  const navScreens = allowed.filter((screen) => screen.inNav);

  useEffect(() => {
    if (focusRequests > 0) main.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [focusRequests]);

  const show = (id: CurateScreenId) => {
    setChosenId(id);
    setFocusRequests((count) => count + 1);
  };

  return (
    <>
      <CurateHeader
        lang={lang}
        session={session}
        passwordShown={current?.id === 'password'}
        busy={busy}
        onChangePassword={() => show('password')}
        onLogout={onLogout}
      />
      {error && (
        <p className="curate-error curate-shell__error" role="alert">
          {curateErrorText(error, lang)}
        </p>
      )}
      {navScreens.length > 0 && (
        <nav className="curate-nav" aria-label={curateText('nav', lang)}>
          <ul>
            {navScreens.map((screen) => (
              <li key={screen.id}>
                <button
                  type="button"
                  className="curate-nav__item"
                  aria-current={screen.id === current?.id ? 'page' : undefined}
                  onClick={() => show(screen.id)}
                >
                  {curateText(screen.label, lang)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main ref={main} className="curate-main" data-curate-screen={current?.id}>
        {current && <current.Component lang={lang} api={api} session={session} />}
      </main>
    </>
  );
}
