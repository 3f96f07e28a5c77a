/**
 * Checks the content and builds the font subsets and photo sizes, for `vite build` and the dev server alike.
 * A content error fails the build; in dev it is only printed, since the app shows it at run time.
 * In dev, editing a content file rebuilds the fonts (new characters) and reloads the page.
 * Adding or replacing a photo under `assets/photos/` redoes its sizes and tells the page.
 */
import { readdir, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
import { type ContentProblem, formatProblem } from '../content/problems.ts';
import { checkContent } from './checkContent.ts';
import { buildFonts, describeFontSizes } from './fonts.ts';
import { buildPhotos, describePhotos, removePhotoOriginals } from './photos.ts';

export const CONTENT_DIR = 'assets/content';
export const ASSETS_DIR = 'assets';
export const FONTS_OUT_DIR = 'assets/generated/fonts';
export const PHOTOS_DIR = 'assets/photos';
export const PHOTOS_OUT_DIR = 'assets/generated/photos';

const TAG = '[exhibition]';

/**
 * The folder the build reads the content and photos from (and writes their generated fonts and
 * sizes into): the checkout's `assets/`, or, on the station server, its content store
 * (`DATA_DIR/content`, same layout), named by `DANGSHI_ASSETS_DIR`: one source for the build, the
 * curator and a developer.
 */
export function assetsRoot(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.DANGSHI_ASSETS_DIR ? resolve(root, env.DANGSHI_ASSETS_DIR) : join(root, ASSETS_DIR);
}

export function exhibitionAssets(): Plugin {
  let config: ResolvedConfig | undefined;
  // Runs one after another: a save during a rebuild queues another rebuild, never a parallel one.
  let queue: Promise<unknown> = Promise.resolve();

  const root = () => config?.root ?? process.cwd();
  const assets = () => assetsRoot(root());
  const contentDir = () => join(assets(), 'content');
  const logger = (): Pick<Logger, 'info' | 'warn'> => config?.logger ?? console;

  /** Subsets the fonts; true when they changed (new characters in the content). */
  async function fonts(): Promise<boolean> {
    const started = Date.now();
    const result = await buildFonts({ contentDir: contentDir(), outDir: join(assets(), 'generated/fonts') });
    const took = result.skipped ? 'unchanged' : `${Date.now() - started} ms`;
    logger().info(`${TAG} fonts: ${result.manifest.characters} characters, ${describeFontSizes(result.manifest)} (${took})`);
    return !result.skipped;
  }

  /**
   * Board textures and card sizes of the content's photos (unchanged photos are skipped). The
   * photos that could not be converted are returned: the dev server goes on without them (the
   * board shows its placeholder), a build stops on them.
   */
  async function photos(): Promise<Array<{ src: string; error: string }>> {
    const started = Date.now();
    const result = await buildPhotos({
      assetsDir: assets(),
      contentDir: contentDir(),
      outDir: join(assets(), 'generated/photos'),
    });
    const took = result.skipped ? 'unchanged' : `${Date.now() - started} ms`;
    logger().info(`${TAG} photos: ${describePhotos(result)} (${took})`);
    for (const { src, error } of result.failed) logger().warn(`${TAG} photo ${src} could not be converted: ${error}`);
    return result.failed;
  }

  const check = () => checkContent(contentDir(), assets());

  function warnAll(problems: ContentProblem[]): void {
    if (problems.length === 0) return;
    const lines = problems.map((problem) => `  ${formatProblem(problem)}`);
    logger().warn(`${TAG} ${problems.length} content problem(s):\n${lines.join('\n')}`);
  }

  /** Runs after whatever is queued; a failure is the caller's, never the queue's. */
  function enqueue(task: () => Promise<unknown>): Promise<unknown> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    name: 'dangshi:exhibition-assets',
    // Vitest loads vite.config.ts too; tests build their own fonts into temp folders.
    apply: () => !process.env.VITEST,

    configResolved(resolved) {
      config = resolved;
    },

    async buildStart() {
      const problems = await check();
      const errors = problems.filter((problem) => problem.severity === 'error').length;
      if (config?.command === 'build' && errors > 0) {
        this.error(
          `${TAG} the content has ${errors} error(s); fix them and build again:\n${problems.map(formatProblem).join('\n')}`,
        );
      }
      warnAll(problems);
      await enqueue(fonts);
      const failed = (await enqueue(photos)) as Awaited<ReturnType<typeof photos>>;
      // A site published with a photo missing from its boards is not the content that was
      // reviewed: a build (the station's publishing among them) fails and publishes nothing.
      if (config?.command === 'build' && failed.length > 0) {
        this.error(
          `${TAG} ${failed.length} photo(s) could not be read; replace them and build again:\n${failed
            .map(({ src, error }) => `  ${src}: ${error}`)
            .join('\n')}`,
        );
      }
    },

    // vite copies assets/ into the build as it is (before this hook; the kiosk's service worker is
    // made after it, in closeBundle, so it never lists what is taken out here): the photos'
    // originals go, and only their generated sizes are published.
    async writeBundle(options) {
      if (config?.command !== 'build') return;
      const outDir = options.dir ?? resolve(root(), config.build.outDir);
      const removed = await removePhotoOriginals(outDir);
      if (removed.length > 0) logger().info(`${TAG} photos: ${removed.length} original(s) left out of the build`);
      // The site's assets are folders (content/, photos/, generated/); a file beside them is the
      // station's own record (the content store's seed.json), never the site's.
      for (const entry of await readdir(assets(), { withFileTypes: true }).catch(() => [])) {
        if (entry.isFile()) await rm(join(outDir, entry.name), { force: true });
      }
    },

    configureServer(server) {
      const watchedContent = contentDir();
      server.watcher.add(watchedContent);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (file: string) => {
        const inside = relative(watchedContent, file);
        if (inside.startsWith('..') || isAbsolute(inside) || !file.endsWith('.json')) return;
        // Editors save in bursts (write, rename, touch): wait for the last one.
        clearTimeout(timer);
        timer = setTimeout(() => {
          enqueue(async () => {
            warnAll(await check());
            const fontsChanged = await fonts();
            await photos();
            // troika keeps a font it has loaded, so new characters need a fresh page; otherwise the
            // page swaps the content in place and the visitor stays where they are.
            server.ws.send(fontsChanged ? { type: 'full-reload' } : { type: 'custom', event: 'exhibition:content-changed' });
          }).catch((error: unknown) => logger().warn(`${TAG} ${error instanceof Error ? error.message : String(error)}`));
        }, 150);
      };
      // A photo added, replaced or removed: redo its sizes, then let the page pick up the new URLs.
      const photosDir = join(assets(), 'photos');
      server.watcher.add(photosDir);
      let photoTimer: ReturnType<typeof setTimeout> | undefined;
      const onPhotoChange = (file: string) => {
        const inside = relative(photosDir, file);
        if (inside.startsWith('..') || isAbsolute(inside)) return;
        clearTimeout(photoTimer);
        photoTimer = setTimeout(() => {
          enqueue(async () => {
            warnAll(await check());
            await photos();
            server.ws.send({ type: 'custom', event: 'exhibition:content-changed' });
          }).catch((error: unknown) => logger().warn(`${TAG} ${error instanceof Error ? error.message : String(error)}`));
        }, 150);
      };
      server.watcher.on('change', onPhotoChange);
      server.watcher.on('add', onPhotoChange);
      server.watcher.on('unlink', onPhotoChange);
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
