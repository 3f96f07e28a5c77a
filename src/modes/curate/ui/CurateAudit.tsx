/**
 * 操作日志 (审核 only): the log newest first, a page at a time (更多 asks for the entries before the
 * oldest shown), and filtered by one panel's id. After 更多, the focus goes to the first entry it
 * brought (the button may be gone: that was the oldest page).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import { type AuditEntry, auditPanelIdSchema } from '../../../live/curateProtocol.ts';
import type { CurateError } from '../curateClient.ts';
import { CurateAuditEntry } from './CurateAuditEntry.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';

/** Entries per page: a screenful or two, well within the protocol's AUDIT_PAGE_MAX. */
export const AUDIT_PAGE_SIZE = 50;

interface Log {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export function CurateAudit({ lang, api }: CurateScreenProps) {
  const headingId = useId();
  const filterId = useId();
  const [panelId, setPanelId] = useState<string | null>(null);
  const [typedPanelId, setTypedPanelId] = useState('');
  const [filterProblem, setFilterProblem] = useState(false);
  const [log, setLog] = useState<Log | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<CurateError | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // Only the latest request's answer is shown (a filter changed while a page was on its way).
  const latestRequest = useRef(0);

  // After 更多: the index of the first entry it brought, to focus once it is drawn.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  const load = useCallback(
    /** `before`: the page older than that entry (null: the newest), `shownCount` entries already shown. */
    async (filter: string | null, before: number | null, shownCount = 0) => {
      const request = ++latestRequest.current;
      setLoading(true);
      setError(null);
      const answer = await api.audit({
        limit: AUDIT_PAGE_SIZE,
        ...(before === null ? {} : { before }),
        ...(filter === null ? {} : { panelId: filter }),
      });
      if (request !== latestRequest.current) return;
      setLoading(false);
      if (!answer.ok) return setError(answer.error);
      setLog((shown) => ({
        entries: before === null ? answer.entries : [...(shown?.entries ?? []), ...answer.entries],
        nextBefore: answer.nextBefore,
      }));
      if (before !== null && answer.entries.length > 0) setFocusIndex(shownCount);
    },
    [api],
  );

  useEffect(() => {
    if (focusIndex === null) return;
    const firstNew = list.current?.children[focusIndex];
    if (firstNew instanceof HTMLElement) firstNew.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  useEffect(() => {
    setLog(null);
    void load(panelId, null);
  }, [load, panelId]);

  const applyFilter = (next: string | null) => {
    setFilterProblem(false);
    setTypedPanelId(next ?? '');
    setPanelId(next);
  };

  return (
    <section className="curate-card curate-audit" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('auditTitle', lang)}
      </h2>
      <p>{curateText('auditIntro', lang)}</p>
      <form
        className="curate-audit__filter"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const typed = typedPanelId.trim();
          if (typed === '') return applyFilter(null);
          if (!auditPanelIdSchema.safeParse(typed).success) return setFilterProblem(true);
          applyFilter(typed);
        }}
      >
        <label htmlFor={filterId}>{curateText('auditFilterLabel', lang)}</label>
        <div className="curate-audit__filter-row">
          <input
            id={filterId}
            name="panel-id"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={typedPanelId}
            onChange={(event) => setTypedPanelId(event.target.value)}
          />
          <button type="submit" className="curate-button">
            {curateText('auditFilter', lang)}
          </button>
          {panelId !== null && (
            <button type="button" className="curate-button" onClick={() => applyFilter(null)}>
              {curateText('auditClearFilter', lang)}
            </button>
          )}
        </div>
        {filterProblem && (
          <p className="curate-error" role="alert">
            {curateText('auditPanelIdInvalid', lang)}
          </p>
        )}
      </form>
      <p className="curate-status" role="status">
        {panelId !== null && curateText('auditFilteredBy', lang, { panelId })}
        {loading && ` ${curateText('auditLoading', lang)}`}
      </p>
      {error && (
        <p className="curate-error" role="alert">
          {curateErrorText(error, lang)}
        </p>
      )}
      {log && log.entries.length === 0 && (
        <p>{panelId === null ? curateText('auditNone', lang) : curateText('auditNoneForPanel', lang, { panelId })}</p>
      )}
      {log && log.entries.length > 0 && (
        <ol ref={list} className="curate-audit__list">
          {log.entries.map((entry) => (
            <CurateAuditEntry key={entry.id} lang={lang} entry={entry} onPanel={applyFilter} />
          ))}
        </ol>
      )}
      {log && log.nextBefore !== null && (
        <button
          type="button"
          className="curate-button"
          disabled={loading}
          onClick={() => {
            if (log.nextBefore !== null) void load(panelId, log.nextBefore, log.entries.length);
          }}
        >
          {curateText('auditMore', lang)}
        </button>
      )}
      {log && log.entries.length > 0 && log.nextBefore === null && <p className="curate-hint">{curateText('auditEnd', lang)}</p>}
    </section>
  );
}
