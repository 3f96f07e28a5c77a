/**
 * Starting and driving the station server in tests, on loopback only, with a temporary DATA_DIR.
 *
 * - `startStationInProcess()`: the server in this process (fast; fake clocks and builders).
 * - `spawnStation()`: the real `npm run serve` entry (src/server/main.ts) as a child process, so a
 *   test can kill it and start it again on the same port and DATA_DIR (restart and resume). This
 *   is also the helper for end-to-end tests: `spawnStation({ serveDist: DIST })` serves the built
 *   site, and browsers open `station.url`.
 * - `makeFixtureBuild()`: a tiny "build" (index.html, a hashed chunk, sw.js, the real content
 *   JSON), so server tests need no `vite build`.
 * - `connectPresenter()` / `connectPhone()`: socket.io-client connections resolved on their welcome.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { loadExhibition } from '../../src/content/load.ts';
import { presentTour, toursOf } from '../../src/content/tours.ts';
import {
  type CreatedSession,
  LIVE_CLIENT_OPTIONS,
  LIVE_NAMESPACE,
  type ParticipantWelcome,
  type PresenterWelcome,
  type Refusal,
} from '../../src/live/protocol.ts';
import { type StationOptions, type StationServer, startStation } from '../../src/server/app.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PIN = '2468';

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `dangshi-${prefix}-`));
}

/** A build folder the server can serve: the real content, a page, a hashed chunk, a service worker. */
export async function makeFixtureBuild(dir: string, tag = 'a1b2c3d4'): Promise<{ dir: string; chunk: string }> {
  await mkdir(join(dir, 'assets'), { recursive: true });
  await mkdir(join(dir, 'content'), { recursive: true });
  const chunk = `assets/index-${tag}.js`;
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./${chunk}"></script></head><body>fixture ${tag}</body></html>`,
  );
  await writeFile(join(dir, chunk), `console.info('fixture ${tag}');\n`);
  await writeFile(join(dir, 'sw.js'), `importScripts('./workbox-${tag}.js');\n`);
  await writeFile(join(dir, `workbox-${tag}.js`), '// workbox\n');
  const contentDir = join(ROOT, 'assets/content');
  for (const name of await readdir(contentDir)) {
    if (name.endsWith('.json')) await cp(join(contentDir, name), join(dir, 'content', name));
  }
  return { dir, chunk };
}

/** A contest question as a fixture build's quiz.json has it. */
export interface FixtureQuestion {
  id: string;
  kind: string;
  options: Array<{ id: string }>;
  answer: string[];
  seconds?: number;
}

/** A quiz's questions in a fixture build (the shipped quiz.json copied by {@link makeFixtureBuild}). */
export async function fixtureQuizQuestions(buildDir: string, quizId = 'new-recruits'): Promise<FixtureQuestion[]> {
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(join(buildDir, 'content/quiz.json'), 'utf8')) as {
    quizzes: Array<{ id: string; questions: FixtureQuestion[] }>;
  };
  const quiz = file.quizzes.find((candidate) => candidate.id === quizId);
  if (!quiz) throw new Error(`no ${quizId} quiz in ${buildDir}`);
  return quiz.questions;
}

/** A tour's panel ids as the projector's own code makes them from the shipped content. */
export async function expectedStops(tourId: string): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const { exhibition } = await loadExhibition((name) => readFile(join(ROOT, 'assets/content', name), 'utf8'));
  if (!exhibition) throw new Error('the shipped content does not load');
  const tour = toursOf(exhibition).find((candidate) => candidate.id === tourId);
  if (!tour) throw new Error(`no tour ${tourId}`);
  return presentTour(exhibition, tour).stops.map((stop) => stop.panel.id);
}

export interface TestStation {
  url: string;
  dataDir: string;
  station: StationServer;
  close(): Promise<void>;
}

/** The server in this process, on 127.0.0.1 at a free port, serving a fixture build unless told otherwise. */
export async function startStationInProcess(options: Partial<StationOptions> = {}): Promise<TestStation> {
  const dataDir = options.dataDir ?? (await tempDir('data'));
  const serveDist =
    options.serveDist === undefined ? (await makeFixtureBuild(join(dataDir, 'fixture-dist'))).dir : options.serveDist;
  const station = await startStation({
    root: ROOT,
    host: '127.0.0.1',
    port: 0,
    publicUrl: null,
    presenterPin: PIN,
    rosterDelayMs: 20,
    ...options,
    dataDir,
    serveDist,
  });
  return {
    url: station.localUrl,
    dataDir,
    station,
    close: async () => {
      await station.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ChildStation {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  dataDir: string;
  serveDist: string | null;
  /** 0 for a free port; the same port again for a restart. */
  port?: number;
  pin?: string | null;
  publicUrl?: string;
  env?: Record<string, string>;
}

/** `npm run serve`'s entry as a child process (no npm in between, so a kill reaches the server itself). */
export async function spawnStation({
  dataDir,
  serveDist,
  port = 0,
  pin = PIN,
  publicUrl,
  env = {},
}: SpawnOptions): Promise<ChildStation> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir };
  delete childEnv.VITEST;
  delete childEnv.STATION_PRESENTER_PIN;
  delete childEnv.SERVE_DIST;
  delete childEnv.PUBLIC_URL;
  // The developer's own curator settings must not reach a test's station.
  delete childEnv.STATION_ADMIN_USER;
  delete childEnv.STATION_ADMIN_PASSWORD;
  delete childEnv.CURATE_ALLOW;
  // A test's own settings go on top.
  Object.assign(childEnv, env);
  if (pin) childEnv.STATION_PRESENTER_PIN = pin;
  if (serveDist) childEnv.SERVE_DIST = serveDist;
  if (publicUrl) childEnv.PUBLIC_URL = publicUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = new Promise<{ url: string; port: number }>((done, fail) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const line = /^STATION_READY (.*)$/m.exec(output);
      if (line?.[1]) done(JSON.parse(line[1]) as { url: string; port: number });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => {
      output += data.toString();
    });
    exited.then((code) => fail(new Error(`the station server exited (${code}) before it was ready:\n${output}`)));
  });
  const { url, port: actualPort } = await ready;
  return {
    url,
    port: actualPort,
    child,
    output: () => output,
    exited,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

// --- HTTP ----------------------------------------------------------------------------------

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

export async function createLesson(baseUrl: string, tourId = 'all', pin = PIN): Promise<CreatedSession> {
  const { status, json } = await postJson(new URL('api/live/sessions', baseUrl).href, { pin, tourId });
  if (status !== 201) throw new Error(`creating a lesson failed: ${status} ${JSON.stringify(json)}`);
  return json as CreatedSession;
}

/**
 * A GET with the path and headers exactly as written: fetch would resolve "..", as a browser
 * does (an attacker need not), and adds `cache-control: no-cache` to a conditional request.
 */
export function rawGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

// --- Sockets -------------------------------------------------------------------------------

export interface Connected<W> {
  socket: Socket;
  welcome: W;
}

const openSockets = new Set<Socket>();

/** Closes every socket the helpers opened (call in afterEach/afterAll). */
export function closeAllSockets(): void {
  for (const socket of openSockets) socket.disconnect();
  openSockets.clear();
}

function connect<W>(
  baseUrl: string,
  auth: Record<string, unknown>,
  options: Record<string, unknown> = {},
): Promise<Connected<W>> {
  const socket = io(new URL(LIVE_NAMESPACE, baseUrl).href, {
    ...LIVE_CLIENT_OPTIONS,
    auth,
    transports: ['websocket'],
    forceNew: true,
    ...options,
  });
  openSockets.add(socket);
  return new Promise((done, fail) => {
    // Both listeners go once the first welcome or refusal is in: a later connect_error (the
    // server restarting) must leave socket.io-client reconnecting as it would in a browser.
    const onWelcome = (welcome: W) => {
      socket.off('connect_error', onError);
      done({ socket, welcome });
    };
    const onError = (error: Error & { data?: Refusal }) => {
      socket.off('live:welcome', onWelcome);
      socket.disconnect();
      openSockets.delete(socket);
      fail(Object.assign(new Error(error.data?.error ?? error.message), { refusal: error.data }));
    };
    socket.once('live:welcome', onWelcome);
    socket.once('connect_error', onError);
  });
}

export function connectPresenter(
  baseUrl: string,
  lesson: Pick<CreatedSession, 'sessionId' | 'presenterSecret'>,
): Promise<Connected<PresenterWelcome>> {
  return connect(baseUrl, { role: 'presenter', sessionId: lesson.sessionId, presenterSecret: lesson.presenterSecret });
}

export function connectPhone(
  baseUrl: string,
  { code, participantToken, nickname }: { code: string; participantToken?: string; nickname?: string },
  options: Record<string, unknown> = {},
): Promise<Connected<ParticipantWelcome>> {
  const auth: Record<string, unknown> = { role: 'participant', code };
  if (participantToken) auth.participantToken = participantToken;
  if (nickname !== undefined) auth.nickname = nickname;
  return connect(baseUrl, auth, options);
}

/** A handshake that must be refused: resolves with the refusal's error code. */
export async function refusedHandshake(baseUrl: string, auth: unknown, namespace = LIVE_NAMESPACE): Promise<string> {
  const socket = io(new URL(namespace, baseUrl).href, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  openSockets.add(socket);
  try {
    return await new Promise<string>((done, fail) => {
      socket.once('connect', () => fail(new Error('the handshake was accepted')));
      socket.once('connect_error', (error: Error & { data?: Refusal }) => done(error.data?.error ?? `(${error.message})`));
    });
  } finally {
    socket.disconnect();
    openSockets.delete(socket);
  }
}

export function emitWithAck<T = { ok: boolean; error?: string }>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

/** The next time `event` arrives on `socket` with a payload that passes `accept`. */
export function nextEvent<T>(
  socket: Socket,
  event: string,
  accept: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      fail(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      done(payload);
    };
    socket.on(event, listener);
  });
}
