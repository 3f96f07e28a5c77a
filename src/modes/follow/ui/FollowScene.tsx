/**
 * The follower's 3D view: the corridor on the phone, its camera going where the guide's stop is
 * (a cut the first time, a glide from stop to stop). While the phone follows, turning its head is
 * allowed and the next stop puts it straight; a tap on a board or on the floor is the phone's own
 * visit (自由参观), and the camera is the phone's until 回到讲解 or the presenter's 集合.
 * Loaded only once the phone first asks for the 3D view (the corridor's code is most of the site).
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { followText } from '../../../i18n/followStrings.ts';
import { ExhibitCanvas } from '../../../scene/ExhibitCanvas.tsx';
import { isFullyLoaded, LOADING_GIVE_UP_MS, progressFraction } from '../../../store/progress.ts';
import { useExhibition } from '../../../store/store.ts';
import { guideBoardToShow, guideCameraKey } from '../followCamera.ts';
import type { FollowClient } from '../followClient.ts';

export interface FollowSceneProps {
  client: FollowClient;
}

export default function FollowScene({ client }: FollowSceneProps) {
  const state = useStore(client.store);
  const lang = useExhibition((exhibitionState) => exhibitionState.lang);
  const layoutReady = useExhibition((exhibitionState) => exhibitionState.layout !== null);
  const progress = useExhibition((exhibitionState) => exhibitionState.progress);
  const placed = useRef(false);
  const cameraKey = guideCameraKey(state);

  // The guide's board: cut there when the view first opens (no glide from the entrance), glide
  // from then on. Coming back to the guide closes the phone's own card first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when (a new board, 回到讲解, 集合); the board is read from the same state
  useEffect(() => {
    const board = guideBoardToShow(client.store.getState());
    if (!board || !layoutReady) return;
    const exhibition = useExhibition.getState();
    exhibition.closePanel();
    exhibition.focusPanel(board, !placed.current);
    placed.current = true;
  }, [cameraKey, layoutReady]);

  // The phone's own moves in the corridor: a tap on a board reads it here (and leaves the guide),
  // a tap on the floor walks there (and leaves the guide too).
  useEffect(
    () =>
      useExhibition.subscribe((now, before) => {
        if (now.openPanelId && now.openPanelId !== before.openPanelId) {
          if (client.store.getState().you?.following) client.setFollowing(false);
          client.readBoard(now.openPanelId);
        }
        if (now.cameraGoal?.kind === 'walk' && now.cameraGoal !== before.cameraGoal && client.store.getState().you?.following)
          client.setFollowing(false);
      }),
    [client],
  );

  // The loading clock of the page started with it; the 3D view keeps its own, from when it opened.
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setGaveUp(true), LOADING_GIVE_UP_MS);
    return () => window.clearTimeout(timer);
  }, []);
  // Latched, as the visitor's loading screen is: once the first view is set, the boards behind the
  // phone join (scene/Corridor.tsx), and their texts must not bring the loading line back.
  const [everLoaded, setEverLoaded] = useState(false);
  const loaded = everLoaded || isFullyLoaded(progress) || gaveUp;
  useEffect(() => {
    if (loaded && !everLoaded) setEverLoaded(true);
  }, [loaded, everLoaded]);

  return (
    <div className="follow-scene" data-loaded={loaded}>
      <ExhibitCanvas />
      {!loaded && (
        <p className="follow-scene__loading" role="status">
          {followText('loading3d', lang)} {Math.round(progressFraction(progress) * 100)}%
        </p>
      )}
    </div>
  );
}
