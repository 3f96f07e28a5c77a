/**
 * Whether the phone shows the guide's stop as a card or in 3D (the corridor, its camera following
 * the guide's). The card is the default: it is light, and most phones in a room only read. The
 * choice is the tab's (sessionStorage): a reload keeps it. The 3D view is offered only where the
 * browser draws WebGL, and its code and the boards' fonts load only once it is first chosen.
 */
export type FollowViewKind = 'card' | '3d';

export interface FollowViewChoice {
  /** Whether this browser can draw the 3D view at all (WebGL). */
  readonly available: boolean;
  /** The view chosen so far (the card where 3D is not available). */
  current(): FollowViewKind;
  choose(view: FollowViewKind): void;
  /** Resolves the first time the 3D view is chosen (at once if the tab had chosen it before a reload). */
  readonly boardsWanted: Promise<void>;
}

export const FOLLOW_VIEW_KEY = 'dangshi-follow:view';

export function createFollowViewChoice(storage: Storage | null, hasWebgl: boolean): FollowViewChoice {
  let wantBoards: () => void = () => {};
  const boardsWanted = new Promise<void>((resolve) => {
    wantBoards = resolve;
  });
  const read = (): FollowViewKind => {
    try {
      return storage?.getItem(FOLLOW_VIEW_KEY) === '3d' ? '3d' : 'card';
    } catch {
      return 'card';
    }
  };
  let view: FollowViewKind = hasWebgl ? read() : 'card';
  if (view === '3d') wantBoards();
  return {
    available: hasWebgl,
    boardsWanted,
    current: () => view,
    choose(next) {
      if (next === '3d' && !hasWebgl) return;
      view = next;
      if (next === '3d') wantBoards();
      try {
        storage?.setItem(FOLLOW_VIEW_KEY, next);
      } catch {
        // Storage refused (a private window): the choice lasts as long as the page.
      }
    },
  };
}
