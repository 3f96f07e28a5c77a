/**
 * The kiosk's admin screen, behind the hidden corner gesture and the PIN from exhibition.json
 * (`kiosk.adminPin`): the visit statistics, CSV export, reloading the content, and leaving kiosk
 * mode. Without a PIN in the config the screen stays shut. The PIN keeps visitors out; it is no
 * protection against anyone who can read the site's files. The idle reset applies here too, so a
 * forgotten admin screen goes back to the attract loop by itself.
 */
import { useEffect, useMemo, useState } from 'react';
import { allPanels } from '../../../content/load.ts';
import { type Lang, localize } from '../../../content/localize.ts';
import { kioskText } from '../../../i18n/kioskStrings.ts';
import { formatModeParams } from '../../../routing/modeParams.ts';
import { safeStorage } from '../../../store/safeStorage.ts';
import { useExhibition } from '../../../store/store.ts';
import { downloadBlob } from '../../../ui/downloadFile.ts';
import { useKiosk } from '../kioskContext.ts';
import type { KioskController } from '../kioskController.ts';
import type { OfflineSupport } from '../offline.ts';
import { recentErrors } from '../recovery.ts';
import {
  dayKey,
  formatRate,
  type KioskStatsRecorder,
  oathReadings,
  questionRates,
  quizAttempts,
  statsToCsv,
  summarizeDays,
  topBoards,
} from '../stats.ts';

const MAX_ATTEMPTS = 5;
const LOCK_MS = 60_000;
/** Wrong PINs are remembered across openings of the pad (not across reloads). */
const attempts = { count: 0, lockedUntil: 0 };

export interface AdminPanelProps {
  controller: KioskController;
  offline: OfflineSupport | null;
  stats: KioskStatsRecorder;
  idleSeconds: number;
}

export function AdminPanel(props: AdminPanelProps) {
  const [unlocked, setUnlocked] = useState(false);
  const pin = useExhibition((state) => state.exhibition?.kiosk?.adminPin);
  if (!unlocked) return <PinPad pin={pin} onUnlock={() => setUnlocked(true)} onCancel={() => props.controller.reset()} />;
  return <AdminScreen {...props} />;
}

function PinPad({ pin, onUnlock, onCancel }: { pin: string | undefined; onUnlock(): void; onCancel(): void }) {
  const [digits, setDigits] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now);
  const locked = attempts.lockedUntil > now;

  // The lock's countdown.
  useEffect(() => {
    if (!locked) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [locked]);

  const submit = (entered: string) => {
    if (!pin || locked) return;
    if (entered === pin) {
      attempts.count = 0;
      onUnlock();
      return;
    }
    attempts.count++;
    setDigits('');
    if (attempts.count >= MAX_ATTEMPTS) {
      attempts.count = 0;
      attempts.lockedUntil = Date.now() + LOCK_MS;
      setNow(Date.now());
      setMessage(null);
    } else {
      setMessage(kioskText('kioskPinWrong', 'zh'));
    }
  };
  const press = (key: string) => {
    if (locked) return;
    setMessage(null);
    if (key === 'delete') setDigits((value) => value.slice(0, -1));
    else if (key === 'ok') submit(digits);
    else setDigits((value) => (value.length < 8 ? value + key : value));
  };

  useEffect(() => {
    // A keyboard, when staff plug one in: digits, Enter.
    const onKey = (event: KeyboardEvent) => {
      if (/^\d$/.test(event.key)) press(event.key);
      else if (event.key === 'Enter') press('ok');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="kiosk-admin kiosk-admin--pin" role="dialog" aria-modal="true" aria-labelledby="kiosk-pin-title">
      <h2 id="kiosk-pin-title">
        {kioskText('kioskAdmin', 'zh')} · {kioskText('kioskAdmin', 'en')}
      </h2>
      {!pin ? (
        // Said to the member of staff holding the corner, who cannot fix it: whom to ask. How to
        // set the PIN is for the technician, in the README and assets/content/GUIDE.md.
        <div className="kiosk-admin__no-pin" data-testid="kiosk-no-pin">
          <p className="kiosk-admin__no-pin-title">{kioskText('kioskPinMissingTitle', 'zh')}</p>
          <p>{kioskText('kioskPinMissing', 'zh')}</p>
          <p className="kiosk-admin__no-pin-title" lang="en">
            {kioskText('kioskPinMissingTitle', 'en')}
          </p>
          <p lang="en">{kioskText('kioskPinMissing', 'en')}</p>
        </div>
      ) : (
        <>
          <p className="kiosk-pin__prompt">
            {locked
              ? kioskText('kioskPinLocked', 'zh', { n: Math.ceil((attempts.lockedUntil - now) / 1000) })
              : (message ?? kioskText('kioskPinPrompt', 'zh'))}
          </p>
          <p className="kiosk-pin__dots" aria-hidden="true" data-testid="kiosk-pin-dots">
            {Array.from({ length: Math.max(4, digits.length) }, (_, index) => (
              <span key={index} className={index < digits.length ? 'kiosk-pin__dot kiosk-pin__dot--on' : 'kiosk-pin__dot'} />
            ))}
          </p>
          <div className="kiosk-pin__pad">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9', 'delete', '0', 'ok'].map((key) => (
              <button
                key={key}
                type="button"
                className={key === 'ok' ? 'kiosk-button kiosk-button--primary' : 'kiosk-button'}
                disabled={locked}
                onClick={() => press(key)}
              >
                {key === 'delete' ? kioskText('kioskPinClear', 'zh') : key === 'ok' ? kioskText('kioskPinOk', 'zh') : key}
              </button>
            ))}
          </div>
        </>
      )}
      <button type="button" className="kiosk-button kiosk-admin__cancel" onClick={onCancel}>
        {/* With no PIN there is nothing to cancel: the one way on is back to the start screen. */}
        {pin ? kioskText('kioskCancel', 'zh') : `${kioskText('kioskBack', 'zh')} · ${kioskText('kioskBack', 'en')}`}
      </button>
    </section>
  );
}

function duration(seconds: number, lang: Lang): string {
  const whole = Math.round(seconds);
  return whole >= 60
    ? kioskText('kioskMinutes', lang, { m: Math.floor(whole / 60), s: whole % 60 })
    : kioskText('kioskSeconds', lang, { s: whole });
}

function AdminScreen({ controller, offline, stats, idleSeconds }: AdminPanelProps) {
  const exhibition = useExhibition((state) => state.exhibition);
  const offlineStatus = useKiosk((state) => state.offline);
  const [snapshot, setSnapshot] = useState(() => stats.snapshot());
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const now = Date.now();
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const panel of exhibition ? allPanels(exhibition) : []) map.set(panel.id, localize(panel.title, 'zh'));
    return map;
  }, [exhibition]);
  const oathPanelIds = useMemo(
    () => (exhibition ? allPanels(exhibition) : []).filter((panel) => panel.kind === 'oath').map((panel) => panel.id),
    [exhibition],
  );
  const titleOf = (id: string) => titles.get(id) ?? id;
  // The quizzes' titles and prompts name the rows; their file loads for this screen if not yet in.
  const quizzes = useExhibition((state) => state.quizzes);
  useEffect(() => useExhibition.getState().requestQuizzes(), []);
  const quizTexts = useMemo(() => {
    const map = new Map<string, string>();
    for (const quiz of quizzes) {
      map.set(quiz.id, localize(quiz.title, 'zh'));
      for (const question of quiz.questions) map.set(question.id, localize(question.prompt, 'zh'));
    }
    return map;
  }, [quizzes]);
  const quizTextOf = (id: string) => quizTexts.get(id) ?? id;
  const days = summarizeDays(snapshot, now, 14);
  const boards = topBoards(snapshot, now, 30).slice(0, 15);
  // Every oath wall of the exhibition, read or not, and any other counted (a wall since removed).
  const oaths = oathReadings(snapshot, now, 30, oathPanelIds);
  const attempts = quizAttempts(
    snapshot,
    now,
    30,
    quizzes.map((quiz) => quiz.id),
  );
  const questions = questionRates(snapshot, now, 30);
  const errors = recentErrors(safeStorage()).slice(-5).reverse();

  const exportCsv = () => {
    const name = `dangshi-kiosk-stats-${dayKey(now)}.csv`;
    downloadBlob(new Blob([statsToCsv(stats.snapshot(), titleOf, quizTextOf)], { type: 'text/csv;charset=utf-8' }), name);
    setNotice(kioskText('kioskExported', 'zh', { name }));
  };

  const reloadContent = () => {
    const reload = offline?.reloadContent ?? (async () => window.location.reload());
    void reload((step) =>
      setNotice(
        step === 'checking'
          ? kioskText('kioskReloadChecking', 'zh')
          : step === 'updating'
            ? kioskText('kioskReloadUpdating', 'zh')
            : kioskText('kioskReloadNone', 'zh'),
      ),
    );
  };

  const leave = () => {
    const url = new URL(window.location.href);
    url.search = formatModeParams({ mode: 'visitor' });
    url.hash = '';
    window.location.replace(url.href);
  };

  const cacheText =
    offlineStatus.cache === 'ready'
      ? kioskText('kioskOffline', 'zh')
      : offlineStatus.cache === 'unsupported'
        ? kioskText('kioskOfflineUnsupported', 'zh')
        : kioskText('kioskOfflinePending', 'zh');

  return (
    <section
      className="kiosk-admin"
      role="dialog"
      aria-modal="true"
      aria-labelledby="kiosk-admin-title"
      data-testid="kiosk-admin"
    >
      <header className="kiosk-admin__head">
        <h2 id="kiosk-admin-title">
          {kioskText('kioskAdmin', 'zh')} · {kioskText('kioskStatsTitle', 'zh')}
        </h2>
        <button type="button" className="kiosk-button" onClick={() => controller.reset()}>
          {kioskText('kioskBack', 'zh')}
        </button>
      </header>
      <div className="kiosk-admin__scroll">
        <p className="kiosk-admin__note">{kioskText('kioskStatsNote', 'zh')}</p>
        <div className="kiosk-admin__actions">
          <button type="button" className="kiosk-button kiosk-button--primary" onClick={exportCsv}>
            {kioskText('kioskExportCsv', 'zh')}
          </button>
          <button type="button" className="kiosk-button" onClick={reloadContent}>
            {kioskText('kioskReloadContent', 'zh')}
          </button>
          <button
            type="button"
            className="kiosk-button"
            onClick={() => {
              if (!confirmClear) {
                setConfirmClear(true);
                return;
              }
              stats.clear();
              setSnapshot(stats.snapshot());
              setConfirmClear(false);
            }}
          >
            {confirmClear ? kioskText('kioskClearConfirm', 'zh') : kioskText('kioskClearStats', 'zh')}
          </button>
          <button type="button" className="kiosk-button" onClick={leave}>
            {kioskText('kioskLeave', 'zh')}
          </button>
        </div>
        {notice && (
          <p className="kiosk-admin__notice" role="status">
            {notice}
          </p>
        )}

        <h3>{kioskText('kioskStatsDays', 'zh')}</h3>
        <table className="kiosk-admin__table" data-testid="kiosk-stats-days">
          <thead>
            <tr>
              <th scope="col">{kioskText('kioskStatsDay', 'zh')}</th>
              <th scope="col">{kioskText('kioskStatsVisits', 'zh')}</th>
              <th scope="col">{kioskText('kioskStatsOpens', 'zh')}</th>
              <th scope="col">{kioskText('kioskStatsReading', 'zh')}</th>
              <th scope="col">{kioskText('kioskStatsAverage', 'zh')}</th>
              {/* Last, so the columns before it keep their places. */}
              <th scope="col">{kioskText('kioskStatsOathReadings', 'zh')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((row) => (
              <tr key={row.day} className={row.visits === 0 ? 'kiosk-admin__row--empty' : undefined}>
                <td>{row.day}</td>
                <td>{row.visits}</td>
                <td>{row.opens}</td>
                <td>{duration(row.readingSeconds, 'zh')}</td>
                <td>{row.visits > 0 ? duration(row.averageVisitSeconds, 'zh') : '—'}</td>
                <td>{row.oathReadings}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h3>{kioskText('kioskStatsTopBoards', 'zh')}</h3>
        {boards.length === 0 ? (
          <p>{kioskText('kioskStatsEmpty', 'zh')}</p>
        ) : (
          <table className="kiosk-admin__table" data-testid="kiosk-stats-boards">
            <thead>
              <tr>
                <th scope="col">{kioskText('kioskStatsBoard', 'zh')}</th>
                <th scope="col">{kioskText('kioskStatsOpens', 'zh')}</th>
                <th scope="col">{kioskText('kioskStatsReading', 'zh')}</th>
                <th scope="col">{kioskText('kioskStatsAverage', 'zh')}</th>
              </tr>
            </thead>
            <tbody>
              {boards.map((row) => (
                <tr key={row.panelId}>
                  <td>{titleOf(row.panelId)}</td>
                  <td>{row.opens}</td>
                  <td>{duration(row.seconds, 'zh')}</td>
                  <td>{duration(row.averageSeconds, 'zh')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        {oaths.length > 0 && (
          <>
            <h3>{kioskText('kioskStatsOaths', 'zh')}</h3>
            <table className="kiosk-admin__table" data-testid="kiosk-stats-oaths">
              <thead>
                <tr>
                  <th scope="col">{kioskText('kioskStatsOathPanel', 'zh')}</th>
                  <th scope="col">{kioskText('kioskStatsOathReadings', 'zh')}</th>
                </tr>
              </thead>
              <tbody>
                {oaths.map((row) => (
                  <tr key={row.panelId}>
                    <td>{titleOf(row.panelId)}</td>
                    <td>{row.readings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="kiosk-admin__note">{kioskText('kioskStatsOathNote', 'zh')}</p>
          </>
        )}

        {attempts.length > 0 && (
          <>
            <h3>{kioskText('kioskStatsQuizzes', 'zh')}</h3>
            <table className="kiosk-admin__table" data-testid="kiosk-stats-quizzes">
              <thead>
                <tr>
                  <th scope="col">{kioskText('kioskStatsQuiz', 'zh')}</th>
                  <th scope="col">{kioskText('kioskStatsQuizStarted', 'zh')}</th>
                  <th scope="col">{kioskText('kioskStatsQuizFinished', 'zh')}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((row) => (
                  <tr key={row.quizId}>
                    <td>{quizTextOf(row.quizId)}</td>
                    <td>{row.started}</td>
                    <td>{row.finished}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {questions.length > 0 && (
              <>
                <h3>{kioskText('kioskStatsQuestions', 'zh')}</h3>
                <table className="kiosk-admin__table" data-testid="kiosk-stats-questions">
                  <thead>
                    <tr>
                      <th scope="col">{kioskText('kioskStatsQuestion', 'zh')}</th>
                      <th scope="col">{kioskText('kioskStatsAnswered', 'zh')}</th>
                      <th scope="col">{kioskText('kioskStatsCorrect', 'zh')}</th>
                      <th scope="col">{kioskText('kioskStatsRate', 'zh')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {questions.map((row) => (
                      <tr key={row.questionId}>
                        <td>{quizTextOf(row.questionId)}</td>
                        <td>{row.answered}</td>
                        <td>{row.correct}</td>
                        <td>{formatRate(row)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <p className="kiosk-admin__note">{kioskText('kioskStatsQuizNote', 'zh')}</p>
          </>
        )}

        <h3>{kioskText('kioskStatus', 'zh')}</h3>
        <ul className="kiosk-admin__status">
          <li data-testid="kiosk-offline-status">{cacheText}</li>
          {offlineStatus.updateWaiting && <li>{kioskText('kioskUpdateWaiting', 'zh')}</li>}
          <li>{kioskText('kioskIdleSetting', 'zh', { n: idleSeconds })}</li>
          <li>
            {kioskText('kioskRecentErrors', 'zh')}：{errors.length === 0 && kioskText('kioskNoErrors', 'zh')}
          </li>
          {errors.map((error) => (
            <li key={`${error.at}-${error.message}`} className="kiosk-admin__error">
              <code>
                {new Date(error.at).toLocaleString('zh-CN')} {error.message}
              </code>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
