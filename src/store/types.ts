/**
 * The store's types, shared by its slices (src/store/slices/) and the layers above it. The store is
 * the middle of the house: content and layout below it, routing, scene, UI and modes above.
 */
import type { Lang } from '../content/localize.ts';
import type { PhotoManifest } from '../content/photoManifest.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { Quiz } from '../content/quizSchema.ts';
import type { Exhibition } from '../content/schema.ts';
import type { CorridorLayout, Viewpoint } from '../layout/corridor.ts';
import type { FontMetrics } from '../layout/lineBreak.ts';
import type { AttemptEvent, AttemptState } from '../quiz/attempt.ts';
import type { SavedAttempt } from '../quiz/attemptMemory.ts';
import type { Seed } from '../quiz/random.ts';

export type Mode = 'visitor' | 'present' | 'kiosk' | 'follow' | 'curate';
/** What fills the screen: the 3D corridor, the content problems, or the text twin (the exhibition as a plain page). */
export type View = 'corridor' | 'problems' | 'text';

/**
 * Where the URL hash points (src/routing/routes.ts parses and formats it): `#/` the corridor,
 * `#/panel/<id>` a panel's card, `#/problems`, `#/text` and `#/text/<id>`, `#/quiz` (the quizzes)
 * and `#/quiz/<id>` (one quiz under way). Defined here, below
 * routing, because the store applies routes and must not import the routing layer.
 */
export type Route =
  | { kind: 'home' }
  | { kind: 'panel'; id: string }
  | { kind: 'problems' }
  | { kind: 'text'; panelId?: string }
  /** The 重温入党誓词 ceremony of an `oath` panel, over its card. */
  | { kind: 'oath'; id: string }
  /** 知识问答: the list of quizzes. */
  | { kind: 'quizList' }
  /** One quiz, at the question its attempt stands at. */
  | { kind: 'quiz'; id: string }
  | { kind: 'unknown'; path: string };

/** A shared screen a mode may offer (src/modes/<mode>/index.ts declares which). */
export type Screen =
  | 'card'
  | 'search'
  | 'textTwin'
  | 'directory'
  /** The directory's links into projector mode's lessons (讲解模式). */
  | 'lessonLinks'
  | 'floorPlan'
  | 'boardProxies'
  /** The oath wall's ceremony, led by a tap or a key (the projector leads it with its clicker instead). */
  | 'oathCeremony'
  /** 知识问答: the quizzes (#/quiz, or the kiosk's HUD button), one question at a time. */
  | 'quiz';

/**
 * What a mode allows, declared once by the mode (src/modes/<mode>/index.ts) and read from the
 * store by the shared screens and the scene, so none of them asks which mode runs.
 */
export interface ModeCapabilities {
  /** The shared screens this mode shows. */
  screens: ReadonlySet<Screen>;
  /** `push`: routes live in the URL hash (back and forward work); `none`: no hash routes at all. */
  history: 'push' | 'none';
  /** `keys`: a keyboard (the visitor's walking keys, a presenter's clicker); `touch`: touch only. */
  input: 'keys' | 'touch';
  /** Whether the visitor may print or download (the text twin's booklet, the presenter's links). */
  printAndDownload: boolean;
  /**
   * How the camera moves between goals: `glide`, or `cutWhenReducedMotion` (the visitor's, cuts
   * when the system asks for reduced motion). Projector mode sets its own motion through the
   * goals' `instant`; the kiosk's attract tour always glides.
   */
  cameraTransitions: 'glide' | 'cutWhenReducedMotion';
  /**
   * What the open card leaves of the screen for the scene to frame the board in: the visitor's
   * card (a side card or a phone's bottom sheet), the kiosk's wider card, or nothing (the
   * projector's slide covers the whole screen and its stops are the presenter's).
   */
  cardRoom: 'visitor' | 'kiosk' | 'none';
  /** Whether the visitor's choice of language is kept across reloads (not on the kiosk, a shared screen). */
  remembersLanguage: boolean;
  /**
   * Whether a quiz attempt under way (the answers, the name typed for the result card) survives a
   * reload of the tab (sessionStorage): the visitor's own browser, not the kiosk's shared screen.
   */
  remembersQuizAttempt: boolean;
}

/** Where the camera should go next. `seq` changes on every request, so asking twice works. */
export type CameraGoal =
  | { kind: 'viewpoint'; viewpoint: Viewpoint; instant: boolean; seq: number }
  | { kind: 'walk'; x: number; z: number; seq: number };

/**
 * The rig reached a goal and came to rest: the goal's `seq`, and the board it framed (null for a
 * goal that is no board's viewpoint: the entrance, a section, a walk).
 */
export interface CameraSettled {
  seq: number;
  panelId: string | null;
}

export type Notice =
  | { kind: 'unknown-panel'; id: string }
  | { kind: 'unknown-quiz'; id: string }
  | { kind: 'unknown-route'; path: string };

export interface LoadingProgress {
  contentReady: boolean;
  fontReady: boolean;
  texturesLoaded: number;
  texturesTotal: number;
  textsReady: number;
  textsTotal: number;
}

/** Which mode runs and what it allows; set once, by src/main.tsx, before the first render. */
export interface ModeSlice {
  mode: Mode;
  capabilities: ModeCapabilities;
}

export interface ContentSlice {
  status: 'loading' | 'ready' | 'failed';
  exhibition: Exhibition | null;
  layout: CorridorLayout | null;
  problems: ContentProblem[];
  /** The build's photo manifest; `ready` once fetched (null manifest: none, use the original files). */
  photos: { ready: boolean; manifest: PhotoManifest | null };
  contentLoaded(exhibition: Exhibition, problems: ContentProblem[]): void;
  contentFailed(problems: ContentProblem[]): void;
  /** New content while the visit goes on (editing in dev): the visitor stays where they are. */
  contentReloaded(exhibition: Exhibition, problems: ContentProblem[]): void;
  photosLoaded(manifest: PhotoManifest | null): void;
}

export interface NavigationSlice {
  /** The panel whose card is open. */
  openPanelId: string | null;
  /** The board the camera was last sent to (next/previous count from it). */
  focusPanelId: string | null;
  view: View;
  /** The panel the text twin was asked to show (`#/text/<id>`); null: the twin from its top. */
  textPanelId: string | null;
  notice: Notice | null;
  /** A route that arrived before the content did; applied once it loads. */
  pendingRoute: Route | null;
  applyRoute(route: Route): void;
  /** Opens a panel's card and sends the camera to its board (cutting there at once with `instant`). */
  openPanel(panelId: string, instant?: boolean): void;
  closePanel(): void;
  /** Sends the camera to a board's viewpoint without opening its card (cutting there at once with `instant`). */
  focusPanel(panelId: string, instant?: boolean): void;
  stepPanel(step: 1 | -1): void;
  openPanelInView(): void;
  walkTo(x: number, z: number): void;
  /** Goes to the start of a section, looking down the corridor (the floor plan's sections). */
  goToSection(sectionId: string): void;
  /** Goes to where a year of the centenary timeline stands (the year scrubber). */
  goToYear(year: number): void;
  /** Back to the entrance view, gliding (or cutting there at once with `instant`, e.g. behind a fade). */
  goToEntrance(instant?: boolean): void;
  showView(view: View): void;
  dismissNotice(): void;
}

export interface OverlaysSlice {
  lang: Lang;
  directoryOpen: boolean;
  /** The search overlay (the HUD's 搜索 button or "/"). */
  searchOpen: boolean;
  /** The board whose keyboard proxy has the focus: the scene draws a focus ring around it. */
  keyboardFocusPanelId: string | null;
  setLang(lang: Lang): void;
  toggleLang(): void;
  setDirectoryOpen(open: boolean): void;
  setSearchOpen(open: boolean): void;
  setKeyboardFocus(panelId: string | null): void;
  /**
   * The 重温入党誓词 ceremony under way: which oath panel, and how many of its phrases are lit
   * (0 before the first, all of them at the end). Its card stays open underneath.
   */
  oath: OathCeremony | null;
  /** Opens an `oath` panel's ceremony, nothing lit yet (and its card under it); anything else is refused. */
  openOath(panelId: string): void;
  /** Lights the next phrase (1) or puts the last one out again (−1), within 0…all of them. */
  stepOath(step: 1 | -1): void;
  /** Lights exactly `lit` phrases (a recording's cues); clamped to 0…all. */
  setOathLit(lit: number): void;
  /** Reads the oath again from its first phrase: a new reading (`round` + 1), all phrases out. */
  restartOath(): void;
  /** Ends the ceremony, back to the oath's card. */
  closeOath(): void;
  /**
   * The page came from the station server (src/live/stationDetect.ts): each card then shows a
   * QR of its deep link for a phone on the station's Wi-Fi (扫码在手机上看).
   */
  stationServed: boolean;
  setStationServed(served: boolean): void;
}

export interface OathCeremony {
  panelId: string;
  lit: number;
  /** How many phrases the oath has (so readers need not look the panel up). */
  phrases: number;
  /** Which reading of this opening it is (0 the first; 再读一遍 starts the next): each is counted. */
  round: number;
}

export interface LoadingSlice {
  progress: LoadingProgress;
  /** Advance widths of the board font, for the line-breaker; null until loaded (troika then wraps). */
  fontMetrics: FontMetrics | null;
  /**
   * The advance widths are on their way (asked for at the start of a page that draws the boards):
   * the board texts wait for them, since a text set without them would be set again once they come.
   */
  fontMetricsPending: boolean;
  /**
   * Loading took longer than LOADING_GIVE_UP_MS (src/store/progress.ts): the visit opens anyway
   * (a board's text that cannot be typeset must not hold it hostage). One clock for every waiter.
   */
  loadingGaveUp: boolean;
  giveUpLoading(): void;
  /** troika has read the board font. */
  fontLoaded(): void;
  fontMetricsRequested(): void;
  /** The advance widths arrived, or could not be had (null: troika wraps). */
  fontMetricsLoaded(metrics: FontMetrics | null): void;
  texturesProgress(loaded: number, total: number): void;
  textRegistered(): void;
  textReady(): void;
}

export interface ProximitySlice {
  /** Boards near the visitor, nearest first: only these hold a photo texture (see textureStreaming.ts). */
  nearBoardIds: string[];
  /**
   * Boards whose text is set (troika meshes) — those within a few tens of metres; far boards show
   * their frame, face and title band only. null until the first sample: every board.
   */
  textBoardIds: string[] | null;
  /** Replaces the near boards; does nothing when the set of ids is unchanged. */
  setNearBoards(ids: string[]): void;
  /** Replaces the boards whose text is set; does nothing when the set of ids is unchanged. */
  setTextBoards(ids: string[]): void;
}

export interface CameraSlice {
  cameraGoal: CameraGoal | null;
  /** The last goal the rig reached and rested at (null: none yet). */
  cameraSettled: CameraSettled | null;
  /** The visitor's system asks for reduced motion: the visitor's camera cuts instead of gliding. */
  reducedMotion: boolean;
  setReducedMotion(reduced: boolean): void;
  /** Called by the camera rig once it has come to rest at the goal with this seq. */
  cameraSettledAt(seq: number, panelId: string | null): void;
}

/** What the quiz screen shows: the list of quizzes, or one quiz (its attempt, its score). */
export type QuizScreen = 'list' | 'quiz';

export interface QuizSlice {
  /**
   * quiz.json, fetched only once a quiz screen (or something listing the quizzes) asks for it:
   * `idle` before that, `loading` while src/boot/quizzes.ts fetches and checks it.
   */
  quizStatus: 'idle' | 'loading' | 'ready' | 'failed';
  /** The quizzes that passed their checks, in file order. */
  quizzes: Quiz[];
  /** quiz.json's problems (left-out questions, a file that cannot be read). */
  quizProblems: ContentProblem[];
  /** The screen shown (null: none). It steps aside while a card or the oath's ceremony is open over it. */
  quizScreen: QuizScreen | null;
  /** The quiz asked for (`openQuiz`); it stays while the list shows, so its attempt can be resumed. */
  openQuizId: string | null;
  /**
   * The attempt at `openQuizId`, driven only through `quizEvent` (src/quiz/attempt.ts). Kept in the
   * store, not the screen, so it survives leaving the screen: 去看展板 and back, or closing the quiz
   * and opening it again. Null until the quizzes are in.
   */
  quizAttempt: AttemptState | null;
  /** Counts attempts begun (a new quiz, 再来一次): the kiosk's statistics tell a new attempt by it. */
  quizRound: number;
  /** The name the visitor typed for the result card: never pre-filled, gone with the attempt. */
  quizName: string;
  /** Asks for quiz.json (once): `idle` → `loading`; src/boot/quizzes.ts then fetches it. */
  requestQuizzes(): void;
  quizzesLoaded(quizzes: Quiz[], problems: ContentProblem[]): void;
  quizzesFailed(problems: ContentProblem[]): void;
  /** Shows the list of quizzes (closing any card and the oath's ceremony over it). */
  openQuizList(): void;
  /**
   * Opens a quiz: its attempt goes on where it was if it is this quiz's, else a new one starts
   * (shuffled by `seed`, random without one). An unknown id, once the quizzes are in, is a notice.
   */
  openQuiz(quizId: string, seed?: Seed): void;
  /** Closes the quiz screen. The attempt stays, for opening the quiz again. */
  closeQuiz(): void;
  /** One event of the attempt (choose, submit, next, restart): see attemptReducer. */
  quizEvent(event: AttemptEvent): void;
  /** 再来一次: a new attempt at the same quiz, its questions and options in a new order. */
  restartQuiz(seed?: Seed): void;
  /** 去看展板: the question's panel over the quiz; closing its card comes back to the same question. */
  showQuizBoard(panelId: string): void;
  setQuizName(name: string): void;
  /**
   * An attempt written down before a reload: taken up (if it still fits the quiz) when that quiz
   * next opens with no attempt under way, instead of a new one.
   */
  resumeQuizAttempt(saved: SavedAttempt): void;
  /** Forgets the quiz screen, the attempt and the name (the kiosk's idle reset). */
  resetQuiz(): void;
}

export type ExhibitionState = ModeSlice &
  ContentSlice &
  NavigationSlice &
  OverlaysSlice &
  QuizSlice &
  LoadingSlice &
  ProximitySlice &
  CameraSlice;
