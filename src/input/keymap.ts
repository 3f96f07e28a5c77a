/**
 * The one table that maps keys to named actions, per context. Input handlers look keys up here
 * and never test key names themselves, so the keys of every mode can be read in one place.
 * Keys are `KeyboardEvent.key` values (lower-cased letters), so they follow the keyboard layout.
 */
export type KeyContext = 'visitor' | 'card' | 'search' | 'oath' | 'present' | 'kiosk';

/** Actions that last while their key is held. */
export type HeldAction = 'walkForward' | 'walkBackward' | 'strafeLeft' | 'strafeRight' | 'turnLeft' | 'turnRight';

/** Actions that happen once per key press. */
export type PressAction =
  | 'nextPanel'
  | 'previousPanel'
  | 'openPanelInView'
  | 'cardPrevious'
  | 'cardNext'
  | 'cardScrollUp'
  | 'cardScrollDown'
  | 'cardPageUp'
  | 'cardPageDown'
  | 'closeCard'
  | 'openSearch'
  | 'searchNext'
  | 'searchPrevious'
  | 'closeSearch'
  | 'oathNext'
  | 'oathPrevious'
  | 'oathRestart'
  | 'closeOath'
  | 'presentNext'
  | 'presentPrevious'
  | 'presentFirst'
  | 'presentLast'
  | 'presentBlack'
  | 'presentWhite'
  | 'presentFullscreen'
  | 'presentPresenterView'
  | 'presentPause'
  | 'presentMotion'
  | 'presentLive'
  | 'presentQuiz'
  | 'presentContest'
  | 'presentEscape';

export type KeyAction = HeldAction | PressAction;

export const KEYMAP: Record<KeyContext, Readonly<Record<string, KeyAction>>> = {
  visitor: {
    w: 'walkForward',
    ArrowUp: 'walkForward',
    s: 'walkBackward',
    ArrowDown: 'walkBackward',
    a: 'strafeLeft',
    d: 'strafeRight',
    ArrowLeft: 'turnLeft',
    ArrowRight: 'turnRight',
    n: 'nextPanel',
    p: 'previousPanel',
    Enter: 'openPanelInView',
    // Search across all panels, as on many sites (GitHub, MDN, YouTube).
    '/': 'openSearch',
  },
  card: {
    ArrowLeft: 'cardPrevious',
    ArrowRight: 'cardNext',
    ArrowUp: 'cardScrollUp',
    ArrowDown: 'cardScrollDown',
    PageUp: 'cardPageUp',
    PageDown: 'cardPageDown',
    Escape: 'closeCard',
    // As in the corridor: the card closes and the search opens.
    '/': 'openSearch',
  },
  // The search overlay: ↓/↑ move between the box and the results (Enter follows a result link).
  search: {
    ArrowDown: 'searchNext',
    ArrowUp: 'searchPrevious',
    Escape: 'closeSearch',
  },
  // The oath's ceremony: whoever leads lights the next phrase as on a slide (a clicker works too).
  oath: {
    ' ': 'oathNext',
    Enter: 'oathNext',
    ArrowRight: 'oathNext',
    ArrowDown: 'oathNext',
    PageDown: 'oathNext',
    ArrowLeft: 'oathPrevious',
    ArrowUp: 'oathPrevious',
    PageUp: 'oathPrevious',
    Backspace: 'oathPrevious',
    Home: 'oathRestart',
    Escape: 'closeOath',
  },
  // Presenter remotes send PageDown/PageUp (some → ← or B); PowerPoint and reveal.js users know these.
  present: {
    PageDown: 'presentNext',
    ArrowRight: 'presentNext',
    ' ': 'presentNext',
    Enter: 'presentNext',
    PageUp: 'presentPrevious',
    ArrowLeft: 'presentPrevious',
    Home: 'presentFirst',
    End: 'presentLast',
    b: 'presentBlack',
    '.': 'presentBlack',
    w: 'presentWhite',
    f: 'presentFullscreen',
    s: 'presentPresenterView',
    // Auto-advance pause/resume, and the camera's glide or cut between stops (the motion setting).
    p: 'presentPause',
    m: 'presentMotion',
    // 课堂互动 (on the station server): start a live lesson, or hide / call back its join card.
    l: 'presentLive',
    // The lesson's room quiz (知识问答), straight from any stop; again, back to the stop.
    q: 'presentQuiz',
    // 知识竞赛 on the audience's phones (a live lesson only): start it; at its podium, close it.
    c: 'presentContest',
    Escape: 'presentEscape',
  },
  // The lobby kiosk is touch only: no key does anything there.
  kiosk: {},
};

const HELD: ReadonlySet<KeyAction> = new Set<HeldAction>([
  'walkForward',
  'walkBackward',
  'strafeLeft',
  'strafeRight',
  'turnLeft',
  'turnRight',
]);

export function isHeldAction(action: KeyAction): action is HeldAction {
  return HELD.has(action);
}

/** The action a key stands for in a context; letters match in either case. */
export function actionForKey(context: KeyContext, key: string): KeyAction | undefined {
  const table = KEYMAP[context];
  return table[key] ?? (key.length === 1 ? table[key.toLowerCase()] : undefined);
}

/**
 * Kiosk: chords that would reload, leave (history), print, save, open, search, zoom or inspect the
 * page, or select its text. The kiosk swallows them where a page can (`preventDefault`); chords the
 * browser or the OS keeps for itself (Ctrl+W, Ctrl+T, Ctrl+N, Ctrl+Q, Alt+F4, Ctrl+Alt+F1…) cannot
 * be stopped by any page: the Chromium kiosk launch line in the README covers those.
 * Written as `chordName` writes them; Cmd (Meta) counts as Ctrl.
 */
export const KIOSK_BLOCKED_CHORDS: ReadonlySet<string> = new Set([
  // reload
  'F5',
  'Shift+F5',
  'Ctrl+F5',
  'Ctrl+R',
  'Ctrl+Shift+R',
  'BrowserRefresh',
  // history and home
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Alt+Home',
  'Backspace',
  'Shift+Backspace',
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
  'BrowserSearch',
  'Ctrl+[',
  'Ctrl+]',
  // print, save, open, view source, find, downloads, history, bookmarks, address bar
  'Ctrl+P',
  'Ctrl+Shift+P',
  'Ctrl+S',
  'Ctrl+O',
  'Ctrl+U',
  'Ctrl+F',
  'Ctrl+G',
  'Ctrl+Shift+G',
  'F3',
  'Ctrl+H',
  'Ctrl+J',
  'Ctrl+D',
  'Ctrl+Shift+D',
  'Ctrl+Shift+B',
  'Ctrl+Shift+O',
  'Ctrl+L',
  'Ctrl+K',
  'Ctrl+E',
  'Alt+D',
  'F6',
  'F7',
  'Alt+F',
  'Alt+E',
  // zoom
  'Ctrl+=',
  'Ctrl++',
  'Ctrl+Shift++',
  'Ctrl+Shift+=',
  'Ctrl+-',
  'Ctrl+Shift+_',
  'Ctrl+0',
  // full screen and developer tools
  'F11',
  'F12',
  'Ctrl+Shift+I',
  'Ctrl+Shift+J',
  'Ctrl+Shift+C',
  'Ctrl+Shift+Delete',
  // select all, the context-menu key
  'Ctrl+A',
  'ContextMenu',
  'Shift+F10',
]);

/** "Ctrl+Shift+R", "Alt+ArrowLeft", "F5": modifiers in a fixed order, letters upper-case, Cmd as Ctrl. */
export function chordName(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>): string {
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && key !== 'Shift') parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}
