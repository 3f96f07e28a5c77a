/**
 * The builds of the site the server serves. Each build lives in `DATA_DIR/builds/<stamp>/`; when
 * the checkout's stamp (buildStamp.ts) differs from the current build's, the server builds again
 * with `vite build --outDir` in a child process at the lowest CPU priority, keeps serving the
 * current build meanwhile, and switches when the new one is complete (the folder only gets its
 * final name once the build succeeded, and the pointer file is replaced by a rename). The last
 * few builds are kept: a page still open from before a switch loads its hashed chunks from them.
 * Each build gets its `manifest.json` (site/manifest.ts) before it gets its final name.
 *
 * `SERVE_DIST` skips all of this and serves a given folder as it is (tests, or a build made
 * elsewhere).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { constants, setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { computeBuildStamp } from './buildStamp.ts';
import { computeSiteManifest, writeSiteManifest } from './manifest.ts';

export interface SiteBuild {
  stamp: string;
  dir: string;
}

/**
 * Builds the site into `outDir` from the content in `assetsDir` (the checkout's assets/ when null);
 * rejects when the build failed or was aborted (the server stopping).
 */
export type Builder = (outDir: string, logFile: string, signal: AbortSignal, assetsDir: string | null) => Promise<void>;

export interface SiteBuildsOptions {
  /** The checkout (where vite.config.ts is). */
  root: string;
  dataDir: string;
  /** Serve this folder as it is and never build. */
  serveDist?: string | null;
  builder?: Builder;
  /** How many builds to keep, the current one included. */
  keep?: number;
  /** The stamp of the checkout (default: computeBuildStamp(root, assetsDir)). */
  stamp?: () => Promise<string>;
  /**
   * Where the build reads the content and photos: the content store (DATA_DIR/content, the same
   * layout as the checkout's assets/), or the checkout's own assets/ when null.
   */
  assetsDir?: string | null | (() => string | null);
  log?: (message: string) => void;
}

interface PointerFile {
  current: string | null;
  previous: string[];
}

const STAMP_PATTERN = /^[0-9a-f]{16}$/;
/** The last build's duration, for publishing's progress estimate. */
const DURATION_FILE = 'last-duration.json';

export class SiteBuilds {
  private currentBuild: SiteBuild | null = null;
  private previousBuilds: SiteBuild[] = [];
  private running: Promise<void> | null = null;
  private again = false;
  private lastError: string | null = null;
  private lastErrorLog: string | null = null;
  private readonly buildsDir: string;
  private readonly keep: number;
  private readonly log: (message: string) => void;
  private readonly listeners = new Set<(build: SiteBuild) => void>();
  private readonly abort = new AbortController();

  constructor(private readonly options: SiteBuildsOptions) {
    this.buildsDir = join(options.dataDir, 'builds');
    this.keep = Math.max(2, options.keep ?? 3);
    this.log = options.log ?? (() => {});
  }

  get current(): SiteBuild | null {
    return this.currentBuild;
  }

  get building(): boolean {
    return this.running !== null;
  }

  get error(): string | null {
    return this.lastError;
  }

  /** The log of the last failed build (null when the last build succeeded). */
  get lastLog(): string | null {
    return this.lastErrorLog;
  }

  /** Where hashed files are looked for: the current build first, then the kept ones. */
  roots(): string[] {
    return [this.currentBuild, ...this.previousBuilds]
      .filter((build): build is SiteBuild => build !== null)
      .map((build) => build.dir);
  }

  /** Stops a build in progress (its half-made folder is cleared at the next start). */
  close(): void {
    this.abort.abort();
  }

  onSwitch(listener: (build: SiteBuild) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads which build was current, and clears what an interrupted build left behind. */
  async open(): Promise<void> {
    if (this.options.serveDist) {
      const dir = resolve(this.options.serveDist);
      this.currentBuild = { stamp: 'serve-dist', dir };
      return;
    }
    await mkdir(this.buildsDir, { recursive: true });
    for (const name of await readdir(this.buildsDir)) {
      if (name.startsWith('.tmp-')) await rm(join(this.buildsDir, name), { recursive: true, force: true });
    }
    const pointer = await this.readPointer();
    const toBuild = (stamp: string | null): SiteBuild | null =>
      stamp && STAMP_PATTERN.test(stamp) && existsSync(join(this.buildsDir, stamp, 'index.html'))
        ? { stamp, dir: join(this.buildsDir, stamp) }
        : null;
    this.currentBuild = toBuild(pointer.current);
    this.previousBuilds = pointer.previous.map(toBuild).filter((build): build is SiteBuild => build !== null);
  }

  /**
   * Builds when the checkout's stamp differs from the current build's. Resolves when the server
   * serves a build of the stamp it found (or the build failed: the old one stays). A call while
   * a build runs makes one more build afterwards, in case the checkout changed during it.
   */
  refresh(): Promise<void> {
    if (this.options.serveDist || this.abort.signal.aborted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.buildIfStale();
        } while (this.again && !this.abort.signal.aborted);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async buildIfStale(): Promise<void> {
    const assetsDir = this.assetsDirNow();
    const stamp = await (this.options.stamp ?? (() => computeBuildStamp(this.options.root, undefined, assetsDir)))();
    if (this.currentBuild?.stamp === stamp) return;
    const kept =
      this.previousBuilds.find((build) => build.stamp === stamp) ??
      (existsSync(join(this.buildsDir, stamp, 'index.html')) ? { stamp, dir: join(this.buildsDir, stamp) } : undefined);
    if (kept) {
      // Back to a build we still have (a change undone), or one made ahead (publishing): no need to build it again.
      this.log(`build ${stamp} is ready from before; switching to it`);
      await this.switchTo(kept);
      return;
    }
    const temporary = join(this.buildsDir, `.tmp-${stamp}-${randomBytes(4).toString('hex')}`);
    const logFile = join(this.buildsDir, `${stamp}.log`);
    const started = Date.now();
    this.log(
      this.currentBuild
        ? `the site changed (build ${stamp}); building it in the background, serving ${this.currentBuild.stamp} meanwhile`
        : `no build of the site yet (build ${stamp}); building it now`,
    );
    try {
      await (this.options.builder ?? viteBuilder(this.options.root))(temporary, logFile, this.abort.signal, assetsDir);
      if (!existsSync(join(temporary, 'index.html'))) throw new Error('the build wrote no index.html');
      // Its list of files with their hashes, for the lobby kiosk's sync (GET /api/site/manifest).
      await writeSiteManifest(temporary, await computeSiteManifest(temporary, stamp));
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      if (this.abort.signal.aborted) return;
      this.lastError = error instanceof Error ? error.message : String(error);
      this.lastErrorLog = logFile;
      this.log(`the build failed (${this.lastError}); see ${logFile}`);
      return;
    }
    const dir = join(this.buildsDir, stamp);
    await rm(dir, { recursive: true, force: true });
    await rename(temporary, dir);
    this.lastError = null;
    this.lastErrorLog = null;
    this.log(`build ${stamp} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await this.rememberDuration(Date.now() - started);
    await this.switchTo({ stamp, dir });
  }

  /**
   * Builds the site from the content in `assetsDir` into its stamp's folder, without switching to
   * it: publishing builds a submission first, and only once that succeeded replaces the content
   * and switches (refresh() then finds the build ready). `started` is told the stamp and the log
   * file as soon as they are known. Rejects with the build's error (its log says more).
   */
  async prepare(assetsDir: string, started?: (build: { stamp: string; logFile: string }) => void): Promise<SiteBuild> {
    if (this.options.serveDist) throw new Error('this server serves a fixed folder (SERVE_DIST) and builds nothing');
    await mkdir(this.buildsDir, { recursive: true });
    const stamp = await (this.options.stamp ?? (() => computeBuildStamp(this.options.root, undefined, assetsDir)))();
    const dir = join(this.buildsDir, stamp);
    const logFile = join(this.buildsDir, `${stamp}.log`);
    started?.({ stamp, logFile });
    if (existsSync(join(dir, 'index.html'))) return { stamp, dir };
    const temporary = join(this.buildsDir, `.tmp-${stamp}-${randomBytes(4).toString('hex')}`);
    const began = Date.now();
    try {
      await (this.options.builder ?? viteBuilder(this.options.root))(temporary, logFile, this.abort.signal, assetsDir);
      if (!existsSync(join(temporary, 'index.html'))) throw new Error('the build wrote no index.html');
      // The kiosks check what they download against it (src/deploy/kiosk/), as for every build.
      await writeSiteManifest(temporary, await computeSiteManifest(temporary, stamp));
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    await rm(dir, { recursive: true, force: true });
    await rename(temporary, dir);
    await this.rememberDuration(Date.now() - began);
    this.log(`build ${stamp} made ahead in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    return { stamp, dir };
  }

  /** How long the last build took (ms), for a progress bar's estimate; null before any. */
  async lastDuration(): Promise<number | null> {
    try {
      const parsed = JSON.parse(await readFile(join(this.buildsDir, DURATION_FILE), 'utf8')) as { ms?: unknown };
      return typeof parsed.ms === 'number' && parsed.ms > 0 ? parsed.ms : null;
    } catch {
      return null;
    }
  }

  private async rememberDuration(ms: number): Promise<void> {
    await writeFile(join(this.buildsDir, DURATION_FILE), `${JSON.stringify({ ms })}\n`).catch(() => {});
  }

  /** The content folder to build now (a function for the curator's preview: the draft once there is one). */
  private assetsDirNow(): string | null {
    const { assetsDir } = this.options;
    return typeof assetsDir === 'function' ? assetsDir() : (assetsDir ?? null);
  }

  private async switchTo(build: SiteBuild): Promise<void> {
    const before = this.currentBuild;
    const previous = [before, ...this.previousBuilds].filter(
      (candidate): candidate is SiteBuild => candidate !== null && candidate.stamp !== build.stamp,
    );
    const kept = previous.slice(0, this.keep - 1);
    const dropped = previous.slice(this.keep - 1);
    await this.writePointer({ current: build.stamp, previous: kept.map((candidate) => candidate.stamp) });
    this.currentBuild = build;
    this.previousBuilds = kept;
    for (const old of dropped) await rm(old.dir, { recursive: true, force: true });
    for (const listener of this.listeners) listener(build);
  }

  private async readPointer(): Promise<PointerFile> {
    try {
      const parsed = JSON.parse(await readFile(join(this.buildsDir, 'current.json'), 'utf8')) as Partial<PointerFile>;
      return {
        current: typeof parsed.current === 'string' ? parsed.current : null,
        previous: Array.isArray(parsed.previous) ? parsed.previous.filter((stamp) => typeof stamp === 'string') : [],
      };
    } catch {
      return { current: null, previous: [] };
    }
  }

  /** Replaced by a rename, so a crash leaves the old pointer or the new one, never half of one. */
  private async writePointer(pointer: PointerFile): Promise<void> {
    const file = join(this.buildsDir, 'current.json');
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(pointer, null, 2)}\n`);
    await rename(temporary, file);
  }
}

/** `vite build --outDir <dir>` in a child process at the lowest priority, its output in a log file. */
export function viteBuilder(root: string): Builder {
  return (outDir, logFile, signal, assetsDir) =>
    new Promise<void>((done, fail) => {
      const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
      // Vitest's marker turns the content plugin off (tests build their own fonts): never in a real build.
      delete env.VITEST;
      if (assetsDir) env.DANGSHI_ASSETS_DIR = assetsDir;
      else delete env.DANGSHI_ASSETS_DIR;
      const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // The server stopping stops its build too, rather than leaving it running on its own.
        signal,
      });
      if (child.pid !== undefined) {
        try {
          // The lessons come first: the build takes whatever CPU is left.
          setPriority(child.pid, constants.priority.PRIORITY_LOW);
        } catch {
          // Not allowed here (some containers): the build still runs, only at normal priority.
        }
      }
      const log = createWriteStream(logFile);
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
      child.on('error', (error) => {
        log.end();
        fail(error);
      });
      child.on('close', (code, signal) => {
        log.end();
        if (code === 0) done();
        else fail(new Error(`vite build exited with ${signal ?? code}`));
      });
    });
}
