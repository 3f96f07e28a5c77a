/**
 * The kiosk sync's network side: the station's manifest, and one file at a time streamed to disk
 * while it is counted and hashed. Nothing here trusts the station: the manifest is checked with
 * the shared schema, a file is refused the moment it runs longer than the manifest says, and a
 * station that stops answering or sending (a stalled or cut connection) is given up on after a
 * timeout.
 *
 * node:http rather than fetch: each sync has its own connection pool (`StationConnection`),
 * closed when the sync ends, so no connection to the station outlives it (fetch's shared pool
 * keeps sockets open to a station it gave up on, which then cannot stop until they time out).
 * Redirects are not followed: the station answers its files itself.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type SiteManifest, type SiteManifestFile, siteManifestSchema } from '../../live/siteManifestProtocol.ts';
import { describeBytes } from './syncPlan.ts';

/** A sync that must not go ahead, with the sentence to print. */
export class SyncRefusal extends Error {
  constructor(
    message: string,
    /** A file did not match the manifest (the station may have switched builds meanwhile). */
    readonly mismatch = false,
  ) {
    super(message);
    this.name = 'SyncRefusal';
  }
}

/** The manifest is a few hundred kB for a big site; anything far beyond is not one. */
const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;

export function timeoutError(what: string): Error {
  return Object.assign(new Error(`timed out (${what})`), { name: 'TimeoutError' });
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return error.message;
  if (error.name === 'AbortError') return 'stopped (another file failed)';
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}

/** Why the whole sync was stopped, when it was for a reason of its own (its deadline). */
function stoppedBy(signal: AbortSignal | undefined): Error | null {
  return signal?.aborted && signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? signal.reason : null;
}

export interface GetOptions {
  /** The longest wait for the answer's headers. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The sync's own connections to the station. */
export interface StationConnection {
  get(url: URL, options: GetOptions): Promise<IncomingMessage>;
  /** Closes every connection (the sync is over, or gave up). */
  close(): void;
}

export function stationConnection(parallel: number): StationConnection {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets: parallel }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets: parallel }),
  };
  return {
    get: (url, { timeoutMs, signal }) =>
      new Promise((done, fail) => {
        const secure = url.protocol === 'https:';
        const request = (secure ? httpsRequest : httpRequest)(
          url,
          { agent: agents[secure ? 'https:' : 'http:'], ...(signal ? { signal } : {}) },
          (response) => {
            clearTimeout(timer);
            done(response);
          },
        );
        const timer = setTimeout(() => request.destroy(timeoutError('no answer')), timeoutMs);
        request.on('error', (error) => {
          clearTimeout(timer);
          fail(error);
        });
        request.end();
      }),
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/**
 * A body in chunks, destroyed when no chunk arrives for `stallMs`: a station that keeps the
 * connection open and sends nothing must not hold the sync (and its lock) for ever. A body cut
 * short by the station closing the connection ends in an error here too.
 */
async function* chunksOf(response: IncomingMessage, stallMs: number): AsyncGenerator<Buffer> {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => response.destroy(timeoutError(`nothing for ${stallMs / 1000} s`)), stallMs);
  };
  try {
    arm();
    for await (const chunk of response) {
      arm();
      yield chunk as Buffer;
    }
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchManifest(connection: StationConnection, url: URL, timeoutMs: number): Promise<SiteManifest> {
  let text: string;
  try {
    const response = await connection.get(url, { timeoutMs });
    if (response.statusCode !== 200) {
      response.destroy();
      throw new SyncRefusal(
        response.statusCode === 503
          ? `the station at ${url.origin} has no build yet (503); nothing changed here`
          : `the station answered ${response.statusCode} for ${url.href}; nothing changed here`,
      );
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of chunksOf(response, timeoutMs)) {
      bytes += chunk.length;
      if (bytes > MANIFEST_MAX_BYTES)
        throw new SyncRefusal(`the station's manifest is over ${describeBytes(MANIFEST_MAX_BYTES)}`);
      chunks.push(chunk);
    }
    text = Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof SyncRefusal) throw error;
    throw new SyncRefusal(`could not fetch the station's manifest from ${url.href}: ${reasonOf(error)}; nothing changed here`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncRefusal(`the station's manifest at ${url.href} is not JSON; nothing changed here`);
  }
  const parsed = siteManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || 'manifest'}: ${issue.message}`);
    const more =
      parsed.error.issues.length > problems.length ? ` (and ${parsed.error.issues.length - problems.length} more)` : '';
    throw new SyncRefusal(`refused the station's manifest: ${problems.join('; ')}${more}; nothing changed here`);
  }
  return parsed.data;
}

export interface DownloadOptions {
  /** The longest wait for the answer, and for each next chunk of it. */
  stallMs: number;
  /** Stops the download (another file failed, or the deadline passed: the whole sync stops). */
  signal?: AbortSignal;
}

/**
 * Downloads one file to `target` (which must not exist: opened with O_EXCL, so no symlink or
 * earlier file is ever written through), checking its size as it comes and its sha256 at the
 * end, and flushes it to disk (a kiosk switched off at the wall must not wake to half a file).
 * Rejects with a SyncRefusal naming the file; the caller removes what was written.
 */
export async function downloadFile(
  connection: StationConnection,
  url: URL,
  target: string,
  expected: SiteManifestFile,
  options: DownloadOptions,
): Promise<void> {
  let response: IncomingMessage;
  try {
    response = await connection.get(url, { timeoutMs: options.stallMs, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    throw new SyncRefusal(`download of ${expected.path} failed: ${reasonOf(stoppedBy(options.signal) ?? error)}`);
  }
  if (response.statusCode !== 200) {
    response.destroy();
    throw new SyncRefusal(`the station answered ${response.statusCode} for ${expected.path}`, true);
  }
  const announced = response.headers['content-length'];
  if (announced !== undefined && response.headers['content-encoding'] === undefined && Number(announced) !== expected.size) {
    response.destroy();
    throw new SyncRefusal(`${expected.path} is ${announced} bytes at the station, the manifest says ${expected.size}`, true);
  }
  const hash = createHash('sha256');
  let bytes = 0;
  const file = await open(target, 'wx', 0o644);
  try {
    for await (const chunk of chunksOf(response, options.stallMs)) {
      bytes += chunk.length;
      if (bytes > expected.size) {
        throw new SyncRefusal(`${expected.path} runs past the ${expected.size} bytes the manifest says`, true);
      }
      hash.update(chunk);
      await file.write(chunk);
    }
    await file.sync();
  } catch (error) {
    response.destroy();
    if (error instanceof SyncRefusal) throw error;
    throw new SyncRefusal(
      `download of ${expected.path} failed after ${bytes} of ${expected.size} bytes: ${reasonOf(stoppedBy(options.signal) ?? error)}`,
    );
  } finally {
    await file.close();
  }
  if (bytes !== expected.size) {
    throw new SyncRefusal(`${expected.path} was cut short: ${bytes} of ${expected.size} bytes`);
  }
  const sha256 = hash.digest('hex');
  if (sha256 !== expected.sha256) {
    throw new SyncRefusal(`${expected.path} does not match the manifest (sha256 ${sha256}, expected ${expected.sha256})`, true);
  }
}
