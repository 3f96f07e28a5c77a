/**
 * The follower page, the whole of it (the mode is standalone: no shared screens): join, then the
 * guide's current stop as a card with the lesson's progress, or in 3D (the corridor, its camera
 * following the guide's), 请看大屏幕 while the projector is blanked, 自由参观 / 回到讲解, 知识竞赛
 * (FollowContest) while the lesson runs one, and the end of the lesson in words.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { allPanels } from '../../../content/load.ts';
import { localize } from '../../../content/localize.ts';
import { followErrorText, followText } from '../../../i18n/followStrings.ts';
import { t } from '../../../i18n/strings.ts';
import { useExhibition } from '../../../store/store.ts';
import { CloseButton } from '../../../ui/CloseButton.tsx';
import { LanguageToggle } from '../../../ui/LanguageToggle.tsx';
import type { FollowClient } from '../followClient.ts';
import { currentSelection, followScreen, ownAnswer } from '../followState.ts';
import type { FollowViewChoice } from '../followViewChoice.ts';
import { FollowBoards } from './FollowBoards.tsx';
import { FollowCard } from './FollowCard.tsx';
import { FollowContest } from './FollowContest.tsx';
import { FollowJoin } from './FollowJoin.tsx';
import { FollowProgress } from './FollowProgress.tsx';
import { useContestQuiz } from './useContestQuiz.ts';
import './follow.css';

// The corridor's code (three.js, R3F, troika) only once the phone asks for the 3D view.
const FollowScene = lazy(() => import('./FollowScene.tsx'));

export interface FollowViewProps {
  client: FollowClient;
  viewChoice: FollowViewChoice;
}

export function FollowView({ client, viewChoice }: FollowViewProps) {
  const state = useStore(client.store);
  const lang = useExhibition((exhibitionState) => exhibitionState.lang);
  const exhibition = useExhibition((exhibitionState) => exhibitionState.exhibition);
  const screen = followScreen(state);
  const page = useRef<HTMLDivElement>(null);
  const captionTitleId = useId();
  const [view, setView] = useState(viewChoice.current());
  const chooseView = (next: typeof view) => {
    viewChoice.choose(next);
    setView(viewChoice.current());
  };
  const contest = state.snapshot?.contest ?? null;
  const contestQuiz = useContestQuiz(contest?.quizId ?? null);
  const joined = screen === 'guide' || screen === 'own' || screen === 'look-at-screen';
  const in3d = view === '3d' && joined;

  // In 3D the board read on the phone's own (from its card's links, or chosen in the card view's
  // list) is where the camera goes; a tap on a board in the corridor already went there.
  useEffect(() => {
    if (!in3d || screen !== 'own' || !state.ownPanelId) return;
    if (useExhibition.getState().openPanelId !== state.ownPanelId) useExhibition.getState().openPanel(state.ownPanelId);
  }, [in3d, screen, state.ownPanelId]);
  const closeOwnBoard = () => {
    client.readBoard(null);
    useExhibition.getState().closePanel();
  };

  // Each screen starts at its top (a new stop on a phone that had scrolled down the last one, a
  // contest's next question or its reveal).
  const guidePanelId = state.snapshot?.panelId ?? null;
  const contestStep = contest ? `${contest.questionId}:${contest.phase}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll on a new stop, board or contest step, not on every state change
  useEffect(() => {
    page.current?.scrollTo({ top: 0 });
  }, [guidePanelId, state.ownPanelId, screen, contestStep]);

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
    case 'contest':
      body = contest && (
        <FollowContest
          contest={contest}
          own={state.you?.contest ?? null}
          answer={ownAnswer(state)}
          selection={currentSelection(state)}
          clockOffset={state.clockOffset}
          quiz={contestQuiz}
          lang={lang}
          onSelect={(optionIds) => client.select(optionIds)}
          onAnswer={(questionId, optionIds) => client.answer(questionId, optionIds)}
        />
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
      if (in3d) {
        // Over the corridor: where the lesson is, and the board's title (the card view reads it).
        body = (
          <section className="follow-caption" aria-labelledby={captionTitleId}>
            {progress && <FollowProgress progress={progress} className="follow-caption__progress" />}
            <h2 id={captionTitleId} className="follow-caption__title">
              {panel ? localize(panel.title, lang) : followText('missingPanel', lang)}
            </h2>
          </section>
        );
        break;
      }
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
      if (in3d) {
        // The phone's own visit in the corridor: a board it tapped opens as a sheet over it.
        body = panel ? (
          <div className="follow-sheet">
            <CloseButton label={t('close', lang)} className="follow-sheet__close" onClick={closeOwnBoard} />
            <FollowCard panel={panel} lang={lang} progress={null} onRelated={readBoard} />
          </div>
        ) : (
          <nav className="follow-steps" aria-label={followText('freeLook', lang)}>
            <p className="follow-steps__hint">{followText('lookAroundHint', lang)}</p>
            <button type="button" onClick={() => useExhibition.getState().stepPanel(-1)}>
              ‹ {t('previousPanel', lang)}
            </button>
            <button type="button" onClick={() => useExhibition.getState().stepPanel(1)}>
              {t('nextPanel', lang)} ›
            </button>
          </nav>
        );
        break;
      }
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

  return (
    <div
      ref={page}
      className={in3d ? 'follow-page follow-page--3d' : 'follow-page'}
      data-follow-screen={screen}
      data-follow-view={in3d ? '3d' : 'card'}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      {in3d && (
        <Suspense
          fallback={
            <p className="follow-scene__loading" role="status">
              {followText('loading3d', lang)}
            </p>
          }
        >
          <FollowScene client={client} />
        </Suspense>
      )}
      <header className="follow-bar">
        {state.you?.nickname && (
          <p className="follow-bar__nickname">
            {followText('youAre', lang)}
            {state.you.nickname}
          </p>
        )}
        <LanguageToggle className="follow-bar__button" />
        {joined && viewChoice.available && (
          <button
            type="button"
            className="follow-bar__button"
            aria-pressed={view === '3d'}
            onClick={() => chooseView(view === '3d' ? 'card' : '3d')}
          >
            {followText('view3d', lang)}
          </button>
        )}
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
