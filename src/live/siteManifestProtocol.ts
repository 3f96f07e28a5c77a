/**
 * The site manifest: what the station's current build is made of, for the lobby kiosk's sync
 * (src/deploy/kiosk/syncBuild.ts), which fetches the build when it changes and checks every file
 * against this list before it swaps its local copy.
 *
 * ## HTTP
 *
 * - `GET /api/site/manifest` → {@link SiteManifest}: public and read-only, like the site itself
 *   (no session). 503 `no-build` before the station has a build. The same JSON lies next to each
 *   build as `manifest.json` (written when the build completes), so `/manifest.json` serves it too.
 * - Each file is then fetched from the site as usual: `GET /<path>` (each segment URL-encoded).
 *
 * Like protocol.ts this module imports nothing from Node or the DOM: the station and the kiosk's
 * sync read one schema, and one path rule.
 */
import { z } from 'zod';

export const SITE_MANIFEST_PATH = '/api/site/manifest';
/** The manifest's own file next to a build; never listed in the manifest itself. */
export const SITE_MANIFEST_FILE = 'manifest.json';

/** A build's name on the kiosk's disk: a folder name with nothing a shell or a path could misread. */
export const BUILD_STAMP_PATTERN = /^[0-9a-z][0-9a-z_-]{0,63}$/;

/** Generous for a site of photos and recordings, and still a bound for a kiosk's disk. */
export const SITE_MANIFEST_LIMITS = {
  files: 20_000,
  fileBytes: 1024 * 1024 * 1024,
  totalBytes: 8 * 1024 * 1024 * 1024,
  pathLength: 1024,
  segmentBytes: 255,
} as const;

/**
 * Why a manifest's path may not be written under a build folder, or null when it may: it must be
 * relative and '/'-separated, with no empty, `.`, `..` or hidden (dot) segment, no backslash, no
 * control or invisible formatting character (a bidi override could make a name read as another),
 * and within the lengths a file system takes. Hidden names are refused as the station's static
 * files refuse them: the kiosk could never fetch one anyway.
 */
export function manifestPathProblem(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.length > SITE_MANIFEST_LIMITS.pathLength) return 'path too long';
  if (path.startsWith('/')) return 'absolute path';
  if (path.includes('\\')) return 'backslash in path';
  if (/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(path)) return 'control or invisible character in path';
  if (path !== path.normalize('NFC')) return 'path not in Unicode normal form (NFC)';
  if (path === SITE_MANIFEST_FILE) return `${SITE_MANIFEST_FILE} is the manifest's own name`;
  for (const segment of path.split('/')) {
    if (segment === '') return 'empty path segment';
    if (segment === '.' || segment === '..') return `"${segment}" segment`;
    if (segment.startsWith('.')) return 'hidden (dot) segment';
    if (new TextEncoder().encode(segment).length > SITE_MANIFEST_LIMITS.segmentBytes) return 'path segment too long';
  }
  return null;
}

export const siteManifestFileSchema = z.object({
  path: z.string().superRefine((path, context) => {
    const problem = manifestPathProblem(path);
    if (problem) context.addIssue({ code: 'custom', message: `${problem}: ${JSON.stringify(path)}` });
  }),
  size: z.number().int().min(0).max(SITE_MANIFEST_LIMITS.fileBytes),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 as 64 lowercase hex digits'),
});

export const siteManifestSchema = z
  .object({
    stamp: z.string().regex(BUILD_STAMP_PATTERN, 'stamp: lowercase letters, digits, - and _, at most 64'),
    files: z.array(siteManifestFileSchema).min(1).max(SITE_MANIFEST_LIMITS.files),
  })
  .superRefine((manifest, context) => {
    // One entry per path, and no path both a file and a folder of another (`a` and `a/b`).
    const files = new Set<string>();
    const folders = new Set<string>();
    let total = 0;
    for (const [index, file] of manifest.files.entries()) {
      total += file.size;
      if (files.has(file.path)) {
        context.addIssue({ code: 'custom', path: ['files', index, 'path'], message: `listed twice: ${file.path}` });
      }
      files.add(file.path);
      const segments = file.path.split('/');
      for (let end = 1; end < segments.length; end++) folders.add(segments.slice(0, end).join('/'));
    }
    for (const path of files) {
      if (folders.has(path)) context.addIssue({ code: 'custom', path: ['files'], message: `both a file and a folder: ${path}` });
    }
    if (!manifest.files.some((file) => file.path === 'index.html')) {
      context.addIssue({ code: 'custom', path: ['files'], message: 'no index.html' });
    }
    if (total > SITE_MANIFEST_LIMITS.totalBytes) context.addIssue({ code: 'custom', path: ['files'], message: 'too many bytes' });
  });

export type SiteManifestFile = z.infer<typeof siteManifestFileSchema>;
export type SiteManifest = z.infer<typeof siteManifestSchema>;
