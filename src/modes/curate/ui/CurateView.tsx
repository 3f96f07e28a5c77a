/**
 * The curator's page, the whole of it (the mode is standalone): while it finds out where it
 * stands, a status; on a page the station does not serve, that it works only there; the login; a
 * setup link's form; and once logged in, the shell (CurateShell) with the screens the account's
 * role may see. Each change of phase puts the focus on the new screen's heading.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { curateText } from '../../../i18n/curateStrings.ts';
import { useExhibition } from '../../../store/store.ts';
import type { CurateClient } from '../curateClient.ts';
import { CurateHeader } from './CurateHeader.tsx';
import { CurateLogin } from './CurateLogin.tsx';
import { CurateNotStation } from './CurateNotStation.tsx';
import { CurateSetup } from './CurateSetup.tsx';
import { CurateShell } from './CurateShell.tsx';
import { CURATE_SCREENS, type CurateScreen } from './curateScreens.ts';
import './curate.css';

export interface CurateViewProps {
  client: CurateClient;
  /** The screens a login may reach (src/modes/curate/ui/curateScreens.ts); replaceable in tests. */
  screens?: readonly CurateScreen[];
}

export function CurateView({ client, screens = CURATE_SCREENS }: CurateViewProps) {
  const { phase, session, error, setup, busy } = useStore(client.store);
  const lang = useExhibition((state) => state.lang);
  const page = useRef<HTMLDivElement>(null);
  const firstPhase = useRef(phase);

  useEffect(() => {
    document.title = curateText('pageTitle', lang);
  }, [lang]);

  // A new phase is a new screen: the focus goes to its heading (not left on a form that is gone).
  useEffect(() => {
    if (phase === firstPhase.current) return;
    firstPhase.current = phase;
    page.current?.querySelector<HTMLElement>('main h2')?.focus();
  }, [phase]);

  let body: React.ReactNode;
  switch (phase) {
    case 'checking':
      body = (
        <p className="curate-status" role="status">
          {curateText('checking', lang)}
        </p>
      );
      break;
    case 'not-station':
      body = <CurateNotStation lang={lang} />;
      break;
    case 'login':
      body = (
        <CurateLogin lang={lang} error={error} busy={busy} onLogin={(username, password) => client.login(username, password)} />
      );
      break;
    case 'setup':
      body = (
        <CurateSetup
          lang={lang}
          check={setup}
          error={error}
          busy={busy}
          onSetup={(details) => client.completeSetup(details)}
          onLogin={() => client.showLogin()}
        />
      );
      break;
    case 'ready':
      break;
  }

  return (
    <div ref={page} className="curate-page" data-curate-phase={phase} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {phase === 'ready' && session ? (
        // A new account (a logout and another login) starts on its own landing screen.
        <CurateShell
          key={session.account.id}
          lang={lang}
          session={session}
          screens={screens}
          api={client.api}
          busy={busy}
          error={error}
          onLogout={() => client.logout()}
        />
      ) : (
        <>
          <CurateHeader lang={lang} session={null} />
          <main className="curate-main">{body}</main>
        </>
      )}
    </div>
  );
}
