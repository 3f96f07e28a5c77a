/**
 * The live-session protocol between the station server (src/server/) and the browser: the
 * projector (presenter) and the audience's phones (participants). Shared by both sides, so it
 * imports nothing from Node or the DOM: the schemas here are the ones the server checks every
 * message with, and the types are what the browser receives.
 *
 * ## HTTP (all JSON answers are `{ ok: true, … }` or `{ ok: false, error: LiveErrorCode }`)
 *
 * - `GET  /api/live/status` → {@link LiveStatus}. The front end's feature test: on a plain static
 *   host this answers 404 (or an HTML fallback page), and whatever needs the server stays hidden.
 * - `POST /api/live/sessions` `{ pin, tourId }` ({@link createSessionBodySchema}) →
 *   201 {@link CreatedSession}. The PIN is the station's presenter PIN; wrong PINs are counted per
 *   address and lock it out for a while (`locked`). The tour must exist in the served build's
 *   content (`all` is every panel in corridor order).
 * - `GET  /api/live/sessions/:sessionId/qr.svg` → the join QR (`PUBLIC_URL/join/<code>`), made on
 *   the server. It encodes only the public join link, never a secret.
 * - `GET  /api/live/qr.svg?path=<same-origin path>` → a QR of `PUBLIC_URL` + that path (a card's
 *   deep link, e.g. `/?#/panel/<id>`). Only a path on the station's own origin is accepted, so the
 *   station never draws a QR of someone else's address.
 * - `POST /api/live/results` `{ pin }` → {@link PastResults}: the lessons that ran a contest, newest
 *   first (the presenter's list; never shown to a phone).
 * - `POST /api/live/sessions/:sessionId/results.csv` `{ pin }` or `{ presenterSecret }` ({@link resultsBodySchema})
 *   → the lesson's contest results as CSV (UTF-8 with BOM, for Excel). Wrong PINs count as above.
 * - `POST /api/live/sessions/:sessionId/results` `{ pin }` or `{ presenterSecret }` → `{ ok: true, results }`
 *   ({@link LessonResultsAnswer}): the same results as the CSV, as data (the presenter's printable
 *   sheet), with the same checks: wrong PINs count as above, a wrong secret is `unauthorized`, an
 *   unknown lesson `not-found`, one that ran no contest `no-contest`. A participant token opens neither.
 * - A POST whose `Origin` is another site's is refused (`bad-origin`).
 * - `GET  /join/<code>` → 302 to the follower page at the site root, `/?mode=follow&code=<code>`
 *   (the site's asset paths are relative: a page must never be served under `/join/`). `/join`
 *   → `/?mode=follow` (asks for the code); an unknown or ended code → `/?mode=follow&error=<code>`
 *   with `unknown-code`, `bad-code` or `rate-limited`.
 *
 * ## socket.io (namespace {@link LIVE_NAMESPACE}, default path `/socket.io/`)
 *
 * Who a connection is comes from its handshake `auth` ({@link liveAuthSchema}); a refused
 * handshake ends in `connect_error` whose `data` is a {@link Refusal}:
 *
 * - presenter: `{ role: 'presenter', sessionId, presenterSecret }` (the secret from
 *   `POST /api/live/sessions`; a reloaded projector window connects again with it).
 * - participant: `{ role: 'participant', code, participantToken?, nickname? }`. Connecting is
 *   joining: without a token (or with one of another lesson) the phone becomes a new participant
 *   and its welcome carries a `participantToken`; keeping it in `socket.auth` makes every
 *   reconnect (Wi-Fi drop, sleep, server restart) resume the same participant.
 *
 * On connect the server sends `live:welcome` ({@link PresenterWelcome} or
 * {@link ParticipantWelcome}): the whole current state, so a late joiner and a reconnecting phone
 * are in sync at once, without a reload. Afterwards:
 *
 * | server → client | to | payload |
 * | --- | --- | --- |
 * | `live:snapshot` | everyone in the lesson | {@link LiveSnapshot} (ignore one whose `seq` is older than the last) |
 * | `live:roster` | presenters | {@link LiveRoster}: nicknames, following or free, connected |
 * | `live:you` | one participant | {@link ParticipantSelf} (e.g. after 集合 set it following again) |
 * | `live:removed` | one participant | `{ sessionId }`, then the server disconnects it |
 * | `live:ended` | everyone | `{ sessionId, reason }`, then the server disconnects them |
 * | `live:refused` | the sender | `{ event, error }` for a refused message sent without an ack |
 *
 * Client → server messages are `socket.emit(event, payload, ack)`; the ack gets
 * `{ ok: true, … }` or a {@link Refusal}. A refused message changes nothing. Presenters may send
 * {@link PRESENTER_MESSAGES}, participants {@link PARTICIPANT_MESSAGES}; anything else is
 * `unknown-event`. Each connection has a message budget (`rate-limited`), and a frame above
 * {@link MAX_MESSAGE_BYTES} closes the connection.
 *
 * Reconnecting: a transport that drops (Wi-Fi, sleep, the server restarting) is reconnected by
 * socket.io-client itself ({@link LIVE_CLIENT_OPTIONS}); the new welcome is the whole state, so
 * apply it as such. A refused handshake (`connect_error` with `data.error`) is not retried by
 * socket.io-client: show it (`unknown-code`: ask for the code again; `removed`; `session-ended`).
 * After `live:removed` or `live:ended` the server disconnects the socket ("io server disconnect"),
 * after which socket.io-client does not reconnect either: forget the token.
 *
 * 知识竞赛 (the contest): the presenter's `live:contest-start` puts the tour's quiz (from the served
 * build's quiz.json) to the phones, a question at a time; `live:contest-next` reveals it, then shows
 * the leaderboard, then the next question, and after the last the podium; `live:contest-reveal`
 * reveals early; `live:contest-close` takes it off the screens. The server times each question on
 * its own clock and reveals it at time-up by itself. Phones answer with `live:answer`: one answer
 * per phone per question, none after time-up or the reveal, and a phone that joined mid-question
 * plays from the next one. Everyone's snapshot carries `contest` ({@link LiveContestView}: ids and
 * counts, nothing of the answer before the reveal); each phone's `live:you` carries its own part
 * ({@link ParticipantContest}: its answer, then its result and place). Every answer is in SQLite,
 * so a restarted server resumes the contest where it was.
 *
 * A lesson's stops are fixed when it starts: `panelId` names a panel of the build served then. A
 * rebuild mid-lesson may drop a panel, so a client must cope with a `panelId` it cannot find.
 *
 * The presenter secret is only ever in the create answer and the presenter's own auth: no
 * snapshot, roster, QR or phone message carries it.
 */
import { z } from 'zod';

// zod 4 compiles validators with `new Function` unless told not to; the site's CSP forbids eval.
z.config({ jitless: true });

export const LIVE_PROTOCOL_VERSION = 1;
export const LIVE_NAMESPACE = '/live';
/** Largest socket.io frame the server reads (engine.io `maxHttpBufferSize`); messages are tiny. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** A lesson ends by itself this long after it started, and its code stops working. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const NICKNAME_MAX_CHARS = 12;

/**
 * socket.io-client options for the browser: reconnect by itself, soon (a phone back on the Wi-Fi
 * or a restarted server should resync within seconds), and never give up.
 */
export const LIVE_CLIENT_OPTIONS = {
  reconnection: true,
  reconnectionAttempts: Number.POSITIVE_INFINITY,
  reconnectionDelay: 500,
  reconnectionDelayMax: 2000,
  randomizationFactor: 0.3,
} as const;

export const LIVE_ERRORS = [
  /** The message or body does not have the expected shape. */
  'bad-request',
  /** Not a message this role may send. */
  'unknown-event',
  /** Too many messages or requests; try again shortly. */
  'rate-limited',
  /** Too many wrong attempts from this address: locked out for a while. */
  'locked',
  'wrong-pin',
  /** The station has no presenter PIN (STATION_PRESENTER_PIN): live sessions cannot start. */
  'pin-not-configured',
  'unknown-tour',
  /** The server has no build of the site yet (it is building). */
  'no-build',
  /** A join code matching no live lesson. */
  'unknown-code',
  /** A join code not of six digits. */
  'bad-code',
  /** Presenter credentials that do not match a live lesson. */
  'unauthorized',
  'session-ended',
  'session-full',
  'too-many-sessions',
  'unknown-participant',
  /** The presenter removed this participant. */
  'removed',
  /** A stop index outside the tour. */
  'out-of-range',
  /** A QR path that is not on the station's own origin. */
  'bad-path',
  /** A request sent from a page of another site (its Origin is not the station's). */
  'bad-origin',
  'payload-too-large',
  'not-found',
  'server-error',
  // 知识竞赛 (the contest on the phones):
  /** A contest is under way (its podium ends it): one at a time. */
  'contest-running',
  /** The lesson's tour names no quiz, or the served build has none by that id (or it has no questions). */
  'no-quiz',
  /** No contest is under way. */
  'no-contest',
  /** An answer to another question than the one under way. */
  'wrong-question',
  /** The question's time is up (on the server's clock), or it was revealed. */
  'too-late',
  /** A phone that joined after the question began plays from the next one. */
  'not-eligible',
  /** One answer per phone per question. */
  'already-answered',
] as const;
export type LiveErrorCode = (typeof LIVE_ERRORS)[number];

export interface Refusal {
  ok: false;
  error: LiveErrorCode;
}

export const LIVE_BLANKS = ['none', 'black', 'white'] as const;
/** The projector's blank screen; phones show 请看大屏幕 while it is black or white. */
export type LiveBlank = (typeof LIVE_BLANKS)[number];

// --- Field schemas -------------------------------------------------------------------------

export const joinCodeSchema = z.string().regex(/^\d{6}$/);
export const sessionIdSchema = z.uuid();
export const participantIdSchema = z.uuid();
/** Secrets and tokens: 32 random bytes, base64url. */
export const secretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const tourIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Characters that could reorder or hide text where the nickname is shown (bidi controls, C0/C1). */
const HIDDEN_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/**
 * A nickname: plain text, at most {@link NICKNAME_MAX_CHARS} characters after trimming (an empty
 * one is no nickname). It is kept as text and only ever shown as text, so `<b>` stays `<b>`.
 */
export const nicknameSchema = z
  .string()
  .max(200)
  .transform((text) =>
    text
      .normalize('NFC')
      .replace(/[\t\n\r ]+/g, ' ')
      .trim(),
  )
  .refine((text) => !HIDDEN_CHARACTERS.test(text), 'no control characters')
  .refine((text) => [...text].length <= NICKNAME_MAX_CHARS, `at most ${NICKNAME_MAX_CHARS} characters`)
  .transform((text) => (text === '' ? null : text));

// --- HTTP bodies ---------------------------------------------------------------------------

export const createSessionBodySchema = z.strictObject({
  pin: z.string().min(1).max(64),
  tourId: tourIdSchema,
});
export type CreateSessionBody = z.input<typeof createSessionBodySchema>;

export const qrQuerySchema = z.strictObject({ path: z.string().min(1).max(512) });

/** Who may read contest results: the station's presenter PIN (any lesson), or a lesson's own presenter secret. */
export const resultsBodySchema = z.union([
  z.strictObject({ pin: z.string().min(1).max(64) }),
  z.strictObject({ presenterSecret: secretSchema }),
]);
export type ResultsBody = z.input<typeof resultsBodySchema>;

// --- Handshake -----------------------------------------------------------------------------

export const presenterAuthSchema = z.strictObject({
  role: z.literal('presenter'),
  sessionId: sessionIdSchema,
  presenterSecret: secretSchema,
});
export const participantAuthSchema = z.strictObject({
  role: z.literal('participant'),
  code: joinCodeSchema,
  participantToken: secretSchema.optional(),
  nickname: nicknameSchema.optional(),
});
export const liveAuthSchema = z.discriminatedUnion('role', [presenterAuthSchema, participantAuthSchema]);
export type PresenterAuth = z.input<typeof presenterAuthSchema>;
export type ParticipantAuth = z.input<typeof participantAuthSchema>;

// --- Messages ------------------------------------------------------------------------------

const empty = z.strictObject({});

/** What the presenter (the projector, the presenter view) may send. */
export const PRESENTER_MESSAGES = {
  /** Go to a stop of the tour (0-based) and a page of its card (1-based, default 1). */
  'live:goto': z.strictObject({ stopIndex: z.int().min(0).max(9999), page: z.int().min(1).max(999).optional() }),
  'live:blank': z.strictObject({ blank: z.enum(LIVE_BLANKS) }),
  /** 集合: every phone back to the guide (following again). */
  'live:gather': empty,
  /** Whether the projector may show the audience's nicknames. */
  'live:nicknames': z.strictObject({ visible: z.boolean() }),
  'live:remove': z.strictObject({ participantId: participantIdSchema }),
  'live:end': empty,
  /** Read the current state again (answers like the welcome). */
  'live:sync': empty,
  /** 知识竞赛: the lesson's quiz on the phones, from its first question (the tour must name a quiz). */
  'live:contest-start': empty,
  /** Reveal the question under way now, before its time is up. */
  'live:contest-reveal': empty,
  /** On: the question's reveal, then the leaderboard, then the next question; after the last, the podium. */
  'live:contest-next': empty,
  /** The contest off the projector and the phones (its results stay). */
  'live:contest-close': empty,
} as const;

const optionIdSchema = z.string().min(1).max(64);

/** What a phone may send. */
export const PARTICIPANT_MESSAGES = {
  /** 回到讲解 (true) or 自由参观 (false). */
  'live:follow': z.strictObject({ following: z.boolean() }),
  /** Leave the lesson for good (a new connection joins as someone new). */
  'live:leave': empty,
  /** Keeps the phone counted as present; answers the server's clock. */
  'live:ping': empty,
  'live:sync': empty,
  /** Its answer to the contest's question under way: the option ids chosen (one, or a multiple's several). */
  'live:answer': z.strictObject({ questionId: optionIdSchema, optionIds: z.array(optionIdSchema).min(1).max(12) }),
} as const;

export type PresenterMessage = keyof typeof PRESENTER_MESSAGES;
export type ParticipantMessage = keyof typeof PARTICIPANT_MESSAGES;
export type PresenterMessagePayload<E extends PresenterMessage> = z.input<(typeof PRESENTER_MESSAGES)[E]>;
export type ParticipantMessagePayload<E extends ParticipantMessage> = z.input<(typeof PARTICIPANT_MESSAGES)[E]>;

// --- What the server sends -----------------------------------------------------------------

/** The lesson as everyone in it sees it. Nothing personal, nothing secret. */
export interface LiveSnapshot {
  protocol: typeof LIVE_PROTOCOL_VERSION;
  sessionId: string;
  code: string;
  status: 'live' | 'ended';
  tourId: string;
  /** 0-based; the lesson's progress is `stopIndex + 1` / `stopCount`. */
  stopIndex: number;
  stopCount: number;
  panelId: string;
  /** The page of the stop's card the projector shows (1-based). */
  page: number;
  blank: LiveBlank;
  /** Goes up by one at each 集合: a phone seeing it change goes back to the guide. */
  gatherSeq: number;
  nicknamesVisible: boolean;
  /** Joined and neither left nor removed. */
  participantCount: number;
  /** Of those, connected right now. */
  connectedCount: number;
  /** Of those, following the guide (not looking around on their own). */
  followingCount: number;
  /** Goes up with every change of the lesson: a client ignores a snapshot older than its last. */
  seq: number;
  startedAt: number;
  expiresAt: number;
  /** The server's clock when this was sent (epoch ms), for the contest's countdowns. */
  serverTime: number;
  /** 知识竞赛 under way or on its podium; null when none shows. */
  contest: LiveContestView | null;
}

export type LiveContestPhase = 'question' | 'revealed' | 'leaderboard' | 'podium';

/** One line of the leaderboard. Nicknames only while the presenter lets the projector show them. */
export interface LiveContestEntry {
  rank: number;
  /** The participant's number in join order (学员 N where nicknames are hidden). */
  participantNumber: number;
  nickname: string | null;
  points: number;
  correct: number;
}

/**
 * The contest as everyone sees it. The question's text and options are in the build's quiz.json
 * (each phone reads it in its own language); the server sends ids and numbers only, and nothing
 * of the answer before the reveal.
 */
export interface LiveContestView {
  contestId: string;
  quizId: string;
  phase: LiveContestPhase;
  questionId: string;
  /** 0-based. */
  questionIndex: number;
  questionCount: number;
  /** The question's countdown on the server's clock: compare with `serverTime`, not the phone's clock. */
  questionStartedAt: number;
  deadline: number;
  /** Answers taken for the question under way, of how many may answer it. */
  answeredCount: number;
  eligibleCount: number;
  /** From the reveal on: the correct option ids, and how many chose each option. */
  answer: string[] | null;
  counts: Record<string, number> | null;
  /** From the reveal on: how many answered it right (all of a multiple's options, and no others). */
  correctCount: number | null;
  /** From the leaderboard on: the first ten. */
  leaderboard: LiveContestEntry[] | null;
}

/** A phone's own part in the contest. */
export interface ParticipantContest {
  contestId: string;
  questionId: string;
  /** Whether it may answer the question under way (a late joiner plays from the next one). */
  eligible: boolean;
  /** What it answered to the question under way (null: nothing yet). */
  answer: string[] | null;
  /** From the reveal on: whether it was right, and the points it earned for this question. */
  correct: boolean | null;
  questionPoints: number | null;
  /** Points of the questions revealed so far, its place among everyone in the lesson, and of how many. */
  points: number;
  rank: number;
  of: number;
}

export interface ParticipantView {
  participantId: string;
  nickname: string | null;
  following: boolean;
  connected: boolean;
  joinedAt: number;
  lastSeen: number;
}

/** The room, for the presenter only. */
export interface LiveRoster {
  sessionId: string;
  seq: number;
  participants: ParticipantView[];
}

/** A phone's own standing. */
export interface ParticipantSelf {
  participantId: string;
  nickname: string | null;
  following: boolean;
  /** Its part in the contest showing (null: none). */
  contest: ParticipantContest | null;
}

export interface PresenterWelcome {
  ok: true;
  role: 'presenter';
  snapshot: LiveSnapshot;
  roster: LiveRoster;
  joinUrl: string;
}

export interface ParticipantWelcome {
  ok: true;
  role: 'participant';
  snapshot: LiveSnapshot;
  you: ParticipantSelf;
  /** Only when a new participant was made: keep it (e.g. sessionStorage) and send it on reconnect. */
  participantToken?: string;
}

export interface CreatedSession {
  ok: true;
  sessionId: string;
  code: string;
  presenterSecret: string;
  joinUrl: string;
  snapshot: LiveSnapshot;
}

export interface LiveStatus {
  ok: true;
  protocol: typeof LIVE_PROTOCOL_VERSION;
  publicUrl: string;
  build: { stamp: string | null; building: boolean };
  /** False when the station has no presenter PIN: the projector then offers no 课堂互动. */
  presenterPinSet: boolean;
}

export type LiveEndReason = 'ended' | 'expired';

/** A past lesson in the presenter's list of results. */
export interface PastLesson {
  sessionId: string;
  tourId: string;
  tourTitle: string;
  code: string;
  startedAt: number;
  endedAt: number | null;
  participantCount: number;
  contests: Array<{
    contestId: string;
    quizId: string;
    quizTitle: string;
    startedAt: number;
    finishedAt: number | null;
    questionCount: number;
  }>;
}

export interface PastResults {
  ok: true;
  lessons: PastLesson[];
}

/** A participant's mark on one question: right, wrong, or no answer given. */
export type ResultMark = 'correct' | 'wrong' | null;

/** One question of a contest, as the results count it. */
export interface QuestionResult {
  /** 0-based, in the quiz's order (题号 is index + 1). */
  index: number;
  id: string;
  /** The correct answer's option ids (the option letters and texts are the build's quiz.json). */
  correctOptionIds: string[];
  /** How many answered; null for a question not put to the room yet (the contest stopped before it). */
  answeredCount: number | null;
  correctCount: number | null;
  /** correctCount / answeredCount (0–1); null when nobody answered. */
  correctRate: number | null;
}

/** One row of a contest's final standings. */
export interface StandingResult {
  /** 1-based; no two share one. */
  rank: number;
  /** 学员 N: the participant's place in the lesson's join order (1-based), the same on every contest. */
  participantNumber: number;
  /** As the phone typed it: render it as text only. */
  nickname: string | null;
  points: number;
  correctCount: number;
  /** One per question, in the quiz's order. */
  marks: ResultMark[];
  /** The presenter removed them (their answers stay counted as given). */
  removed: boolean;
}

export interface ContestResults {
  contestId: string;
  quizId: string;
  quizTitle: string;
  startedAt: number;
  /** When the podium showed; null for a contest that stopped before its last question. */
  finishedAt: number | null;
  questions: QuestionResult[];
  standings: StandingResult[];
}

/** A lesson's contest results (what its CSV holds), for the presenter's printable sheet. */
export interface LessonResults {
  sessionId: string;
  tourId: string;
  tourTitle: string;
  code: string;
  startedAt: number;
  contests: ContestResults[];
}

export interface LessonResultsAnswer {
  ok: true;
  results: LessonResults;
}

/** The CSV's file name, `contest-results-YYYYMMDD-<code>.csv`, by the lesson's local start date. */
export function resultsCsvFilename(startedAt: number, code: string): string {
  const day = new Date(startedAt);
  const stamp = `${day.getFullYear()}${String(day.getMonth() + 1).padStart(2, '0')}${String(day.getDate()).padStart(2, '0')}`;
  return `contest-results-${stamp}-${code}.csv`;
}

/** Server → client event names, in one place for both sides. */
export const LIVE_SERVER_EVENTS = {
  welcome: 'live:welcome',
  snapshot: 'live:snapshot',
  roster: 'live:roster',
  you: 'live:you',
  removed: 'live:removed',
  ended: 'live:ended',
  refused: 'live:refused',
} as const;

/** The follower page a join link leads to (relative to the site root). */
export function followerPagePath(code: string | null, error?: LiveErrorCode): string {
  const params = new URLSearchParams({ mode: 'follow' });
  if (code) params.set('code', code);
  if (error) params.set('error', error);
  return `/?${params.toString()}`;
}
