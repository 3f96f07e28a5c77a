/**
 * One line of the audit log: when (this computer's local time), who (the station itself for the
 * first start and the reset command), what, and which panel and field. The details are
 * staff-typed or the server's: React text only.
 */
import { auditActionText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { AuditEntry } from '../../../live/curateProtocol.ts';
import { formatLocalTime } from './formatLocalTime.ts';

export interface CurateAuditEntryProps {
  lang: Lang;
  entry: AuditEntry;
  /** 只看这块展板: the log filtered by the entry's panel. */
  onPanel(panelId: string): void;
}

function who(entry: AuditEntry, lang: Lang): string {
  if (entry.accountId === null) return curateText('auditStation', lang);
  return entry.username ?? curateText('auditDeletedAccount', lang);
}

export function CurateAuditEntry({ lang, entry, onPanel }: CurateAuditEntryProps) {
  return (
    <li className="curate-audit__entry" data-audit-id={entry.id} tabIndex={-1}>
      <p className="curate-audit__line">
        <time className="curate-audit__when" dateTime={new Date(entry.at).toISOString()}>
          {formatLocalTime(entry.at)}
        </time>
        <span className="curate-audit__who">{who(entry, lang)}</span>
        <span className="curate-audit__what">{auditActionText(entry.action, lang)}</span>
      </p>
      {(entry.panelId || entry.field) && (
        <p className="curate-audit__where">
          {entry.panelId && (
            <span>
              {curateText('auditPanel', lang)}{' '}
              <button type="button" className="curate-link" onClick={() => entry.panelId && onPanel(entry.panelId)}>
                {entry.panelId}
              </button>
            </span>
          )}
          {entry.field && (
            <span>
              {curateText('auditField', lang)} <code>{entry.field}</code>
            </span>
          )}
        </p>
      )}
      {entry.detail && <p className="curate-audit__detail">{entry.detail}</p>}
    </li>
  );
}
