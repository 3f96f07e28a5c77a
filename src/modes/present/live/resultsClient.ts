/**
 * The presenter's 竞赛成绩 on the station server (src/live/protocol.ts lists the API): whether
 * this page can have them at all, the past lessons, one lesson's results as data, and its CSV
 * saved as a download. The PIN is passed in by the caller on every request and kept by nobody
 * here: not in storage, not in a module variable.
 */
import {
  type LessonResultsAnswer,
  type LiveErrorCode,
  type LiveStatus,
  type PastLesson,
  type PastResults,
  resultsCsvFilename,
} from '../../../live/protocol.ts';
import { servedByStation } from '../../../live/stationDetect.ts';

/** A refusal in the API's words, or `offline`: no answer from the station at all. */
export type ResultsError = LiveErrorCode | 'offline';

export type ResultsAnswer<T> = ({ ok: true } & T) | { ok: false; error: ResultsError };

type ResultsWindow = Pick<Window, 'fetch'>;

/**
 * Whether the results can be read from this page: it is served by the station, whose status
 * answers in JSON, and the station has a presenter PIN (without one, nothing opens them).
 */
export async function resultsAvailable(win: ResultsWindow): Promise<boolean> {
  try {
    if (!(await servedByStation(win))) return false;
    const response = await win.fetch('api/live/status', { headers: { accept: 'application/json' } });
    if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) return false;
    const status = (await response.json()) as LiveStatus;
    return status?.ok === true && status.presenterPinSet;
  } catch {
    return false;
  }
}

function postPin(win: ResultsWindow, path: string, pin: string): Promise<Response> {
  return win.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ pin }),
    cache: 'no-store',
  });
}

/** A refused request's error code from its JSON body; a proxy's HTML error page is a server error. */
async function refusalOf(response: Response): Promise<ResultsError> {
  try {
    const body = (await response.json()) as { ok?: unknown; error?: unknown };
    if (body?.ok === false && typeof body.error === 'string') return body.error as LiveErrorCode;
  } catch {
    // Not JSON: fall through.
  }
  return 'server-error';
}

async function postForJson<T>(win: ResultsWindow, path: string, pin: string): Promise<ResultsAnswer<T>> {
  let response: Response;
  try {
    response = await postPin(win, path, pin);
  } catch {
    return { ok: false, error: 'offline' };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
  try {
    const body = (await response.json()) as { ok?: unknown } & T;
    if (body?.ok === true) return body as { ok: true } & T;
  } catch {
    // An answer that is not the API's JSON.
  }
  return { ok: false, error: 'server-error' };
}

const sessionPath = (sessionId: string, tail: string) => `api/live/sessions/${encodeURIComponent(sessionId)}/${tail}`;

/** The lessons that ran a contest, newest first. */
export async function fetchPastLessons(win: ResultsWindow, pin: string): Promise<ResultsAnswer<{ lessons: PastLesson[] }>> {
  const answer = await postForJson<Omit<PastResults, 'ok'>>(win, 'api/live/results', pin);
  if (!answer.ok) return answer;
  // The server lists them newest first already; sorted here too, so the list never depends on it.
  return { ok: true, lessons: [...answer.lessons].sort((a, b) => b.startedAt - a.startedAt) };
}

/** One lesson's results as data, for the printable sheet. */
export function fetchLessonResults(
  win: ResultsWindow,
  sessionId: string,
  pin: string,
): Promise<ResultsAnswer<Omit<LessonResultsAnswer, 'ok'>>> {
  return postForJson(win, sessionPath(sessionId, 'results'), pin);
}

/** A name from `Content-Disposition: attachment; filename="…"`, if it is a plain file name (never a path). */
export function filenameFromDisposition(header: string | null): string | null {
  const name = header ? /filename="([^"]+)"/i.exec(header)?.[1] : undefined;
  return name && /^[\w.-]+$/.test(name) && !name.startsWith('.') ? name : null;
}

/**
 * How long the CSV's object URL outlives the click that saves it: revoked at once, some browsers
 * drop the download before they have read the blob.
 */
const REVOKE_AFTER_MS = 1000;

export type DownloadWindow = Pick<Window, 'fetch' | 'document' | 'setTimeout'> & {
  URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
};

/**
 * Saves a lesson's CSV: fetched with the PIN (a plain link could not carry it in a POST body),
 * then handed to the browser's downloads through a temporary `<a download>` on an object URL.
 */
export async function downloadResultsCsv(
  win: DownloadWindow,
  lesson: Pick<PastLesson, 'sessionId' | 'startedAt' | 'code'>,
  pin: string,
): Promise<ResultsAnswer<{ filename: string }>> {
  let response: Response;
  try {
    response = await postPin(win, sessionPath(lesson.sessionId, 'results.csv'), pin);
  } catch {
    return { ok: false, error: 'offline' };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
  const filename =
    filenameFromDisposition(response.headers.get('content-disposition')) ?? resultsCsvFilename(lesson.startedAt, lesson.code);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    return { ok: false, error: 'offline' };
  }
  const url = win.URL.createObjectURL(blob);
  const link = win.document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  win.document.body.append(link);
  link.click();
  link.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return { ok: true, filename };
}
