/**
 * An editor's save state in words (已保存, 正在保存…, offline, conflict, a refusal's reason), the
 * same for a panel and for the exhibition's own documents: a status line a screen reader hears
 * change, and the e2e tests read (`data-state`).
 */
import { type CurateStringKey, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { AutosaveStatus } from '../autosave.ts';
import { draftRefusalText } from './CurateRefusal.tsx';

const STATE_WORDS = {
  saved: 'saveSaved',
  saving: 'saveSaving',
  offline: 'saveOffline',
  conflict: 'saveConflict',
  error: 'saveError',
} as const satisfies Record<AutosaveStatus['state'], CurateStringKey>;

export interface CurateSaveStateProps {
  lang: Lang;
  status: Pick<AutosaveStatus, 'state' | 'error'>;
}

export function CurateSaveState({ lang, status }: CurateSaveStateProps) {
  return (
    <p className="curate-save-state" data-testid="curate-save-state" data-state={status.state} role="status">
      {curateText(STATE_WORDS[status.state], lang, {
        reason: status.error ? draftRefusalText(status.error, lang) : '',
      })}
    </p>
  );
}
