/**
 * 竞赛成绩 in the presenter view: the station's presenter PIN opens the list of past lessons that
 * ran a contest (newest first); each contest's 下载 CSV saves the lesson's spreadsheet and 打印成绩单
 * opens its printable sheet. Shown only on a page the station serves, with a PIN set (a static
 * host has no results). The PIN lives in this component's state while the list is open and goes
 * with 收起成绩 or the view: it is never written to storage.
 */
import './presenterResults.css';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { liveText, resultsErrorText } from '../../../i18n/liveStrings.ts';
import type { LessonResults, PastLesson } from '../../../live/protocol.ts';
import { PresenterResultsLesson } from './PresenterResultsLesson.tsx';
import { ResultsSheet } from './ResultsSheet.tsx';
import {
  downloadResultsCsv,
  fetchLessonResults,
  fetchPastLessons,
  type ResultsError,
  resultsAvailable,
} from './resultsClient.ts';

export interface PresenterResultsProps {
  lang: Lang;
}

/** The station's own answers that mean the PIN no longer opens anything (changed, or locked out). */
const PIN_REFUSALS: readonly ResultsError[] = ['wrong-pin', 'locked', 'pin-not-configured'];

export function PresenterResults({ lang }: PresenterResultsProps) {
  const headingId = useId();
  const pinId = useId();
  const [available, setAvailable] = useState(false);
  const [pinTyped, setPinTyped] = useState('');
  const [opened, setOpened] = useState<{ pin: string; lessons: PastLesson[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResultsError | null>(null);
  const [sheet, setSheet] = useState<{ results: LessonResults; contestId: string } | null>(null);

  useEffect(() => {
    let current = true;
    void resultsAvailable(window).then((answer) => {
      if (current) setAvailable(answer);
    });
    return () => {
      current = false;
    };
  }, []);

  if (!available) return null;

  /** A refusal in words; one that says the PIN is no key (any more) closes the list and asks again. */
  const refused = (reason: ResultsError) => {
    setError(reason);
    if (PIN_REFUSALS.includes(reason)) {
      setOpened(null);
      setSheet(null);
    }
  };

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || pinTyped === '') return;
    setBusy(true);
    setError(null);
    const answer = await fetchPastLessons(window, pinTyped);
    setBusy(false);
    if (!answer.ok) return refused(answer.error);
    setOpened({ pin: pinTyped, lessons: answer.lessons });
    setPinTyped('');
  };

  const download = async (lesson: PastLesson) => {
    if (!opened || busy) return;
    setBusy(true);
    setError(null);
    const answer = await downloadResultsCsv(window, lesson, opened.pin);
    setBusy(false);
    if (!answer.ok) refused(answer.error);
  };

  const print = async (lesson: PastLesson, contestId: string) => {
    if (!opened || busy) return;
    setBusy(true);
    setError(null);
    const answer = await fetchLessonResults(window, lesson.sessionId, opened.pin);
    setBusy(false);
    if (!answer.ok) return refused(answer.error);
    setSheet({ results: answer.results, contestId });
  };

  const hide = () => {
    setOpened(null);
    setSheet(null);
    setError(null);
  };

  return (
    <section className="presenter-results" aria-labelledby={headingId} data-testid="presenter-results" aria-busy={busy}>
      <div className="presenter-results__head">
        <h3 id={headingId} className="presenter__label">
          {liveText('resultsHeading', lang)}
        </h3>
        {opened && (
          <button type="button" onClick={hide}>
            {liveText('resultsHide', lang)}
          </button>
        )}
      </div>
      {error && (
        <p className="presenter-results__error" role="alert">
          {resultsErrorText(error, lang)}
        </p>
      )}
      {!opened ? (
        <form className="presenter-results__pin" onSubmit={open}>
          <label htmlFor={pinId}>{liveText('pinLabel', lang)}</label>
          <input
            id={pinId}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            required
            maxLength={64}
            value={pinTyped}
            onChange={(event) => setPinTyped(event.target.value)}
          />
          <button type="submit" disabled={busy}>
            {busy ? liveText('resultsLoading', lang) : liveText('resultsShow', lang)}
          </button>
        </form>
      ) : opened.lessons.length === 0 ? (
        <p className="presenter-results__empty">{liveText('resultsNone', lang)}</p>
      ) : (
        <ul className="presenter-results__list" aria-label={liveText('resultsLessons', lang)}>
          {opened.lessons.map((lesson) => (
            <PresenterResultsLesson
              key={lesson.sessionId}
              lesson={lesson}
              lang={lang}
              busy={busy}
              onDownload={(chosen) => void download(chosen)}
              onPrint={(chosen, contestId) => void print(chosen, contestId)}
            />
          ))}
        </ul>
      )}
      {sheet && <ResultsSheet results={sheet.results} contestId={sheet.contestId} lang={lang} onClose={() => setSheet(null)} />}
    </section>
  );
}
