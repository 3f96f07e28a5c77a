/**
 * The kiosk sync's pure decisions (no I/O): which station to ask and where, which of the new
 * build's files can be copied from a copy already on the kiosk (same size and sha256: unchanged),
 * which must be downloaded, and which kept builds to remove after a switch.
 */
import { SITE_MANIFEST_PATH, type SiteManifest, type SiteManifestFile } from '../../live/siteManifestProtocol.ts';

/** A build already on the kiosk, with the manifest that says what it holds. */
export interface LocalCopy {
  dir: string;
  manifest: SiteManifest;
}

export type FileSource = { kind: 'reuse'; copy: LocalCopy; path: string } | { kind: 'download' };

export interface FileStep {
  file: SiteManifestFile;
  source: FileSource;
}

/** The station's base URL, always ending in `/` so paths resolve under it (a station behind a sub-path too). */
export function stationBase(station: string): URL {
  const url = new URL(station);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) address: ${station}`);
  if (url.username || url.password) throw new Error('the station address must not carry a user or password');
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

export function manifestUrl(base: URL): URL {
  return new URL(`.${SITE_MANIFEST_PATH}`, base);
}

/** Where the station serves a manifest's path: each segment encoded, so a `#`, `?` or `%` in a name stays in the name. */
export function fileUrl(base: URL, path: string): URL {
  return new URL(`./${path.split('/').map(encodeURIComponent).join('/')}`, base);
}

/**
 * For each file of the new build: a copy on the kiosk with the same size and hash (the current
 * build's first, then the kept ones'; the same path first, then any), or a download. A reused
 * file is still hashed again once copied: a local copy damaged on disk is then downloaded.
 */
export function planSync(remote: SiteManifest, locals: readonly LocalCopy[]): FileStep[] {
  const key = (file: SiteManifestFile) => `${file.sha256}:${file.size}`;
  const byContent = new Map<string, { copy: LocalCopy; path: string }>();
  const byPath = locals.map((copy) => ({ copy, files: new Map(copy.manifest.files.map((file) => [file.path, file])) }));
  for (const copy of locals) {
    for (const file of copy.manifest.files) {
      if (!byContent.has(key(file))) byContent.set(key(file), { copy, path: file.path });
    }
  }
  return remote.files.map((file): FileStep => {
    const samePath = byPath.find(({ files }) => {
      const found = files.get(file.path);
      return found !== undefined && key(found) === key(file);
    });
    if (samePath) return { file, source: { kind: 'reuse', copy: samePath.copy, path: file.path } };
    const sameContent = byContent.get(key(file));
    return { file, source: sameContent ? { kind: 'reuse', ...sameContent } : { kind: 'download' } };
  });
}

/** The entries of `builds/` to remove: all but the builds to keep (the new one and the one before it). */
export function buildsToPrune(entries: readonly string[], keep: readonly (string | null)[]): string[] {
  return entries.filter((name) => !keep.includes(name));
}

export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
