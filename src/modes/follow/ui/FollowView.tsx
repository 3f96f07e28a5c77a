/**
 * The follower page, the whole of it (the mode is standalone: no 3D corridor on the phone): join,
 * then the guide's current stop as a card with the lesson's progress, 请看大屏幕 while the
 * projector is blanked, 自由参观 / 回到讲解, and the end of the lesson in words.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { allPanels } from '../../../content/load.ts';
import { followErrorText, followText } from '../../../i18n/followStrings.ts';
import { useExhibition } from '../../../store/store.ts';
import { LanguageToggle } from '../../../ui/LanguageToggle.tsx';
import type { FollowClient } from '../followClient.ts';
import { followScreen } from '../followState.ts';
import { FollowBoards } from './FollowBoards.tsx';
import { FollowCard } from './FollowCard.tsx';
import { FollowJoin } from './FollowJoin.tsx';
import './follow.css';

export interface FollowViewProps {
  client: FollowClient;
}

export function FollowView({ client }: FollowViewProps) {
  const state = useStore(client.store);
  const lang = useExhibition((exhibitionState) => exhibitionState.lang);
  const exhibition = useExhibition((exhibitionState) => exhibitionState.exhibition);
  const screen = followScreen(state);
  const page = useRef<HTMLDivElement>(null);

  // Each screen starts at its top (a new stop on a phone that had scrolled down the last one).
  const guidePanelId = state.snapshot?.panelId ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll on a new stop or board, not on every state change
  useEffect(() => {
    page.current?.scrollTo({ top: 0 });
  }, [guidePanelId, state.ownPanelId, screen]);

  const panels = exhibition ? allPanels(exhibition) : [];
  const findPanel = (id: string | null) => (id ? panels.find((panel) => panel.id === id) : undefined);
  const readBoard = (panelId: string) => {
    if (state.you?.following) client.setFollowing(false);
    client.readBoard(panelId);
  };

  let body: React.ReactNode;
  switch (screen) {
    case 'enter-code':
    case 'ready':
      body = (
        <FollowJoin
          lang={lang}
          code={state.code}
          error={state.error}
          initialNickname={client.savedNickname()}
          onCode={(code) => client.enterCode(code)}
          onJoin={(nickname) => client.join(nickname)}
        />
      );
      break;
    case 'connecting':
      body = (
        <p className="follow-status" role="status">
          {followText('connecting', lang)}
        </p>
      );
      break;
    case 'ended':
    case 'removed':
      body = (
        <section className="follow-over">
          <p className="follow-error" role="alert">
            {followErrorText(state.error ?? (screen === 'removed' ? 'removed' : 'session-ended'), lang)}
          </p>
          <button type="button" onClick={() => client.enterCode('')}>
            {followText('enterOtherCode', lang)}
          </button>
        </section>
      );
      break;
    case 'look-at-screen':
      body = (
        <section className="follow-look" data-blank={state.snapshot?.blank} aria-live="assertive">
          <p className="follow-look__title">{followText('lookAtScreen', lang)}</p>
          <p>{followText('lookAtScreenDetail', lang)}</p>
        </section>
      );
      break;
    case 'guide': {
      const snapshot = state.snapshot;
      const panel = findPanel(snapshot?.panelId ?? null);
      const progress = snapshot
        ? { stop: snapshot.stopIndex + 1, count: snapshot.stopCount, label: followText('guideStop', lang) }
        : null;
      body = !exhibition ? (
        <p className="follow-status" role="status">
          {followText('loadingContent', lang)}
        </p>
      ) : panel ? (
        <FollowCard panel={panel} lang={lang} progress={progress} onRelated={readBoard} />
      ) : (
        <p className="follow-status">{followText('missingPanel', lang)}</p>
      );
      break;
    }
    case 'own': {
      const panel = findPanel(state.ownPanelId);
      body = !exhibition ? (
        <p className="follow-status" role="status">
          {followText('loadingContent', lang)}
        </p>
      ) : panel ? (
        <>
          <button type="button" className="follow-bar__back-to-list" onClick={() => client.readBoard(null)}>
            ← {followText('boardList', lang)}
          </button>
          <FollowCard panel={panel} lang={lang} progress={null} onRelated={readBoard} />
        </>
      ) : (
        <FollowBoards exhibition={exhibition} lang={lang} guidePanelId={guidePanelId} onRead={readBoard} />
      );
      break;
    }
  }

  const joined = screen === 'guide' || screen === 'own' || screen === 'look-at-screen';
  return (
    <div ref={page} className="follow-page" data-follow-screen={screen} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="follow-bar">
        {state.you?.nickname && (
          <p className="follow-bar__nickname">
            {followText('youAre', lang)}
            {state.you.nickname}
          </p>
        )}
        <LanguageToggle className="follow-bar__button" />
        {joined &&
          (state.you?.following ? (
            <button type="button" className="follow-bar__button" onClick={() => client.setFollowing(false)}>
              {followText('freeLook', lang)}
            </button>
          ) : (
            <button type="button" className="follow-bar__button follow-bar__primary" onClick={() => client.setFollowing(true)}>
              {followText('backToGuide', lang)}
            </button>
          ))}
      </header>
      {state.phase === 'reconnecting' && (
        <p className="follow-reconnecting" role="status">
          {followText('reconnecting', lang)}
        </p>
      )}
      <main className="follow-main">{body}</main>
    </div>
  );
}
