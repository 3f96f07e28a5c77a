/**
 * The page's side of presence (`POST /api/curate/draft/presence`, src/live/curateDraftProtocol.ts):
 * it says which panel it has open every {@link PRESENCE_BEAT_MS} (a third of the server's
 * {@link PRESENCE_TTL_MS}, so one lost beat does not make anyone vanish), and at once when the
 * open panel changes, and hears who else has which one open — so two people on one panel see
 * each other before a conflict does it for them. While the page is hidden (another tab, a phone's
 * screen off) it says nothing: the server forgets it within the time-to-live, as it should, and
 * it speaks again the moment it is shown.
 */

import type { Lang } from '../../i18n/lang.ts';
import { PRESENCE_BEAT_MS, PRESENCE_TTL_MS, type PresenceAnswer, type PresenceEntry } from '../../live/curateDraftProtocol.ts';
import type { CurateAnswer } from './curateClient.ts';

export interface PresenceHeartbeatOptions {
  /** One beat: the panel open (null: none); the answer names everyone else heard from lately. */
  send(panelId: string | null): Promise<CurateAnswer<PresenceAnswer>>;
  /** Told who else is here whenever that changes (not on every beat). */
  onOthers(others: PresenceEntry[]): void;
  /** The page, for whether it is shown. */
  doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  beatMs?: number;
  ttlMs?: number;
  now?: () => number;
}

export interface PresenceHeartbeat {
  /** The panel now open (null: none): said at once when it changed. */
  open(panelId: string | null): void;
  /** Stops beating; a panel still open is let go (a last beat with none), so the others stop seeing it at once. */
  dispose(): void;
}

/** What the page shows of an entry: who, on which panel (the time it was heard changes on every beat). */
const signatureOf = (others: readonly PresenceEntry[]) =>
  JSON.stringify(others.map((entry) => [entry.accountId, entry.displayName, entry.panelId]));

export function startPresenceHeartbeat(options: PresenceHeartbeatOptions, panelId: string | null): PresenceHeartbeat {
  const { send, onOthers, doc, beatMs = PRESENCE_BEAT_MS, ttlMs = PRESENCE_TTL_MS, now = Date.now } = options;
  let open = panelId;
  let timer: ReturnType<typeof setInterval> | null = null;
  let disposed = false;
  /** The latest beat sent: an older one's answer, arriving late, says less than it will. */
  let sent = 0;
  let heardAt = now();
  let shown = '[]';

  const tell = (others: PresenceEntry[]) => {
    const signature = signatureOf(others);
    if (signature === shown) return;
    shown = signature;
    onOthers(others);
  };

  const beat = () => {
    const mine = ++sent;
    void send(open).then((answer) => {
      if (disposed || mine !== sent) return;
      if (answer.ok) {
        heardAt = now();
        tell(answer.others);
      } else if (now() - heardAt > ttlMs) {
        // The station has not answered for longer than anyone is remembered: what the page knows is stale.
        tell([]);
      }
    });
  };
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  /** A beat now and every `beatMs` after it, if the page is shown. */
  const restart = () => {
    stop();
    if (disposed || doc.visibilityState === 'hidden') return;
    beat();
    timer = setInterval(beat, beatMs);
  };
  const onVisibility = () => (doc.visibilityState === 'hidden' ? stop() : restart());

  doc.addEventListener('visibilitychange', onVisibility);
  restart();

  return {
    open(next) {
      if (disposed || next === open) return;
      open = next;
      restart();
    },
    dispose() {
      if (disposed) return;
      stop();
      doc.removeEventListener('visibilitychange', onVisibility);
      if (open !== null && doc.visibilityState !== 'hidden') {
        open = null;
        beat();
      }
      disposed = true;
    },
  };
}

/** The names of the others on each panel (each name once), in the server's order. */
export function editorsByPanel(others: readonly PresenceEntry[]): Map<string, string[]> {
  const byPanel = new Map<string, string[]>();
  for (const entry of others) {
    if (entry.panelId === null) continue;
    const names = byPanel.get(entry.panelId) ?? [];
    if (!names.includes(entry.displayName)) names.push(entry.displayName);
    byPanel.set(entry.panelId, names);
  }
  return byPanel;
}

/** Names as one phrase in the page's language: 张三、李华和王芳 / 张三, 李华 and 王芳. */
export function joinNames(names: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'long', type: 'conjunction' }).format(names);
}
