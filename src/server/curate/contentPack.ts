/**
 * The exhibition's content as a zip (src/live/curatePackProtocol.ts has the format and routes):
 * exported from the published content or the draft, imported as the working draft.
 *
 * **Export** freezes the tree first (contentTrees.ts, hard links: a moment, whatever its size) so
 * the zip is one consistent state even while someone edits or a publish swaps the store, then
 * streams it: photos stored as they are (already compressed), JSON deflated, a file at a time,
 * so memory stays small whatever the photos weigh.
 *
 * **Import** trusts nothing the zip says. The upload goes to a temporary folder under DATA_DIR
 * (cut off at {@link PackLimits.maxPackBytes}); its central directory, the zip's own index, is
 * read and every entry judged before a byte is unpacked:
 * - its name must be a plain relative path inside `assets/content/` or `assets/photos/` (or
 *   `pack.json`): no absolute path, drive letter, `..`, backslash, empty part, control or
 *   direction-changing character ({@link classifyEntryName}, pure and unit-tested);
 * - no symbolic link or other special file (the Unix type in its external attributes), no two
 *   entries for one place, no encryption, ZIP64 or method but stored and deflate;
 * - sizes within the caps as declared, and entries that do not overlap (a "better zip bomb"
 *   points many entries at the same bytes).
 * Then each entry is unpacked from its own byte range into the temporary tree, its bytes counted
 * as they come out of the inflater (a zip bomb lies about its sizes): past its cap, past what it
 * declared or past the pack's total, it stops at once; its CRC is checked at the end. Photos must
 * be photos by their bytes (photoUpload.ts's checks), SVGs safe, and the whole tree must pass the
 * build's own content check. Only then does the draft take the tree (draft.ts `replaceWith`),
 * and the temporary folder goes, refused or not.
 *
 * Entries are read by the central directory rather than by scanning local headers in order
 * (fflate's streaming Unzip): a scanner must guess where a stored entry with a data descriptor
 * ends, and the central directory is where a zip's attributes (the symlink bit) live anyway.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { Inflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { DraftProblem } from '../../live/curateDraftProtocol.ts';
import {
  PACK_CONTENT_MAX_BYTES,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PACK_MANIFEST_NAME,
  PACK_PHOTO_MAX_BYTES,
  PACK_TOTAL_MAX_BYTES,
  PACK_UPLOAD_MAX_BYTES,
  type PackErrorCode,
  type PackImportAnswer,
  type PackManifest,
  type PackRefusal,
  type PackSource,
} from '../../live/curatePackProtocol.ts';
import { type ContentStore, clearLeftovers } from './contentStore.ts';
import { freezeTree, readContentFiles } from './contentTrees.ts';
import type { CurationDraft } from './draft.ts';
import { fullCheck } from './draftCheck.ts';
import { sniffPhotoType, streamWithLimit, unsafeSvgReason } from './photoUpload.ts';

export interface PackLimits {
  /** The upload itself (the zip as sent). */
  maxPackBytes: number;
  /** One photo unpacked. */
  maxPhotoBytes: number;
  /** One content file (or pack.json) unpacked. */
  maxContentBytes: number;
  /** Everything unpacked together. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_PACK_LIMITS: PackLimits = {
  maxPackBytes: PACK_UPLOAD_MAX_BYTES,
  maxPhotoBytes: PACK_PHOTO_MAX_BYTES,
  maxContentBytes: PACK_CONTENT_MAX_BYTES,
  maxTotalBytes: PACK_TOTAL_MAX_BYTES,
  maxEntries: 20_000,
};

/** The audit log's actions of packs (curateStrings.ts has their words). */
export const PACK_AUDIT_ACTIONS = ['export-content', 'import-content'] as const;

export const EXPORT_TEMP_PREFIX = '.pack-export-';
export const IMPORT_TEMP_PREFIX = '.pack-import-';
const ASSETS = 'assets';
/** Bytes of compressed data read (and inflated) at a time: deflate's ~1000:1 at most makes ~16 MB. */
const READ_CHUNK_BYTES = 16 * 1024;
/** What a photo's type is told by (photoUpload.ts reads as much). */
const PHOTO_HEAD_BYTES = 4096;
const ACCEPTED_PHOTO_TYPES = new Set(['jpeg', 'png', 'webp', 'avif', 'svg']);

// --- Entry names (pure) --------------------------------------------------------------------------

export type EntryName =
  | { ok: true; kind: 'content' | 'photo' /** In the store's layout: "content/timeline.json", "photos/a.jpg". */; path: string }
  | { ok: true; kind: 'manifest' | 'directory' | 'skipped' }
  | { ok: false; error: Extract<PackErrorCode, 'bad-entry-name' | 'outside-folders' | 'bad-content-file'> };

/** Characters no file name needs: C0 and C1 controls, DEL, and the direction marks and overrides that disguise a name. */
function isForbiddenCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
/** What desktops add to a zip they make: never part of the content, left out without a word. */
const DESKTOP_LEFTOVERS = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);
const MAX_NAME_CHARS = 1024;
const MAX_SEGMENT_BYTES = 255;

/**
 * What a zip entry's name makes it, by its name alone: a content file, a photo, the manifest, a
 * directory (never created), a desktop's leftover (skipped), or refused. Every name that could
 * reach outside the pack's folders is refused, whatever else it is.
 */
export function classifyEntryName(name: string): EntryName {
  const bad = { ok: false, error: 'bad-entry-name' } as const;
  if (name.length === 0 || name.length > MAX_NAME_CHARS) return bad;
  if ([...name].some(isForbiddenCharacter)) return bad;
  // A backslash is a separator to Windows' tools; a colon a drive or an alternate data stream.
  if (name.includes('\\') || name.includes(':')) return bad;
  if (name.startsWith('/')) return bad;
  const directory = name.endsWith('/');
  const segments = (directory ? name.slice(0, -1) : name).split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return bad;
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return bad;
  }
  if (segments[0] === '__MACOSX' || DESKTOP_LEFTOVERS.has(segments.at(-1) ?? '')) return { ok: true, kind: 'skipped' };
  if (directory) return { ok: true, kind: 'directory' };
  if (name === PACK_MANIFEST_NAME) return { ok: true, kind: 'manifest' };
  if (segments[0] !== ASSETS) return { ok: false, error: 'outside-folders' };
  if (segments[1] === 'content') {
    const file = segments[2];
    // The build reads the content folder flat: JSON, and the editors' guide beside it.
    if (segments.length !== 3 || !file || !/\.(json|md)$/.test(file)) return { ok: false, error: 'bad-content-file' };
    return { ok: true, kind: 'content', path: `content/${file}` };
  }
  if (segments[1] === 'photos' && segments.length >= 3) return { ok: true, kind: 'photo', path: segments.slice(1).join('/') };
  return { ok: false, error: 'outside-folders' };
}

/** An entry's name as a refusal shows it: control characters escaped, cut short when very long. */
export function printableEntryName(name: string): string {
  const escaped = [...name]
    .map((character) =>
      isForbiddenCharacter(character) ? `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}` : character,
    )
    .join('');
  return escaped.length > 300 ? `${escaped.slice(0, 300)}…` : escaped;
}

/**
 * Whether an entry's external attributes make it something other than a file or a directory
 * (a symbolic link above all). Unix tools keep the file's mode in the high 16 bits; zero there
 * (a zip made on Windows) is a plain file.
 */
export function isSpecialFile(externalAttributes: number): boolean {
  const type = (externalAttributes >>> 16) & 0o170000;
  return type !== 0 && type !== 0o100000 && type !== 0o040000;
}

/** The name as the zip wrote it: UTF-8 when flagged or when it reads as such; otherwise (an old codepage) null. */
export function decodeEntryName(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// --- The central directory ----------------------------------------------------------------------

export interface CentralEntry {
  /** Decoded name; null when it does not decode. */
  name: string | null;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  externalAttributes: number;
}

/** An entry the import unpacks, with where it goes. */
export interface PlannedEntry {
  entry: CentralEntry;
  kind: 'content' | 'photo' | 'manifest';
  /** In the store's layout (content, photos); the manifest's own name. */
  path: string;
  cap: number;
}

type Refusal = PackRefusal;
const refuse = (error: PackErrorCode, entry?: string | null, problems?: DraftProblem[]): Refusal => ({
  ok: false,
  error,
  ...(entry ? { entry: printableEntryName(entry) } : {}),
  ...(problems ? { problems } : {}),
});

/**
 * Judges the zip's entries before anything is unpacked: names, types, duplicates, what the zip
 * supports, declared sizes. The plan of what to unpack, or the first refusal with its entry.
 */
export function planEntries(entries: readonly CentralEntry[], limits: PackLimits): { ok: true; plan: PlannedEntry[] } | Refusal {
  if (entries.length > limits.maxEntries) return refuse('too-many-entries');
  const plan: PlannedEntry[] = [];
  const places = new Map<string, string>();
  let declaredTotal = 0;
  for (const entry of entries) {
    const shown = entry.name ?? Buffer.from(entry.nameBytes).toString('latin1');
    if (entry.name === null) return refuse('bad-entry-name', shown);
    const name = entry.name;
    const kind = classifyEntryName(name);
    if (!kind.ok) return refuse(kind.error, name);
    if (isSpecialFile(entry.externalAttributes)) return refuse('not-a-file', name);
    if (kind.kind === 'directory' || kind.kind === 'skipped') continue;
    // Encrypted (traditional or strong), or compressed in a way this reader does not unpack.
    if (entry.flags & 0x41 || (entry.method !== 0 && entry.method !== 8)) return refuse('unsupported-zip', name);
    // One place per name, as a case-blind file system (a Windows or Mac checkout) sees it.
    const place = name.normalize('NFC').toLowerCase();
    if (places.has(place)) return refuse('duplicate-entry', name);
    places.set(place, name);
    const cap = kind.kind === 'photo' ? limits.maxPhotoBytes : limits.maxContentBytes;
    if (entry.size > cap) return refuse('entry-too-large', name);
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) return refuse('pack-too-large', name);
    plan.push({ entry, kind: kind.kind, path: 'path' in kind ? kind.path : PACK_MANIFEST_NAME, cap });
  }
  // A file where another entry needs a folder ("photos/a" and "photos/a/b.jpg"): one place, twice.
  for (const [place, name] of places) {
    const parts = place.split('/');
    for (let end = 1; end < parts.length; end++) {
      if (places.has(parts.slice(0, end).join('/'))) return refuse('duplicate-entry', name);
    }
  }
  return { ok: true, plan };
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/** The zip's central directory: its entries as it declares them, or why it cannot be read. */
export async function readCentralDirectory(
  handle: FileHandle,
  size: number,
  limits: PackLimits,
): Promise<{ ok: true; entries: CentralEntry[]; directoryOffset: number } | Refusal> {
  if (size < EOCD_BYTES) return refuse('not-zip');
  const tailLength = Math.min(size, EOCD_BYTES + MAX_COMMENT_BYTES);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let at = -1;
  for (let index = tail.length - EOCD_BYTES; index >= 0; index--) {
    if (tail.readUInt32LE(index) === EOCD_SIGNATURE && index + EOCD_BYTES + tail.readUInt16LE(index + 20) <= tail.length) {
      at = index;
      break;
    }
  }
  if (at < 0) return refuse('not-zip');
  const eocdOffset = size - tailLength + at;
  const disk = tail.readUInt16LE(at + 4);
  const directoryDisk = tail.readUInt16LE(at + 6);
  const entriesOnDisk = tail.readUInt16LE(at + 8);
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR_SIGNATURE) return refuse('unsupported-zip');
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== count) return refuse('unsupported-zip');
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return refuse('unsupported-zip');
  if (count > limits.maxEntries) return refuse('too-many-entries');
  if (directoryOffset + directorySize > eocdOffset) return refuse('damaged-zip');
  // Each record is 46 bytes and its name, extra field and comment: at most this many for `count` entries.
  if (directorySize > count * (46 + 3 * 0xffff)) return refuse('damaged-zip');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: CentralEntry[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return refuse('damaged-zip');
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const end = offset + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) return refuse('damaged-zip');
    const nameBytes = new Uint8Array(directory.subarray(offset + 46, offset + 46 + nameLength));
    const entry: CentralEntry = {
      name: decodeEntryName(nameBytes),
      nameBytes,
      flags: directory.readUInt16LE(offset + 8),
      method: directory.readUInt16LE(offset + 10),
      crc: directory.readUInt32LE(offset + 16),
      compressedSize: directory.readUInt32LE(offset + 20),
      size: directory.readUInt32LE(offset + 24),
      externalAttributes: directory.readUInt32LE(offset + 38),
      localOffset: directory.readUInt32LE(offset + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) {
      return refuse('unsupported-zip', entry.name);
    }
    entries.push(entry);
    offset = end;
  }
  return { ok: true, entries, directoryOffset };
}

// --- Unpacking -----------------------------------------------------------------------------------

/** Where each planned entry's data lies, checked against its local header; entries may not overlap. */
async function locateData(
  handle: FileHandle,
  plan: readonly PlannedEntry[],
  directoryOffset: number,
): Promise<{ ok: true; starts: Map<PlannedEntry, number> } | Refusal> {
  const starts = new Map<PlannedEntry, number>();
  const ranges: Array<{ from: number; to: number; name: string }> = [];
  for (const planned of plan) {
    const { entry } = planned;
    const header = await readAt(handle, entry.localOffset, 30 + entry.nameBytes.length);
    if (header.length < 30 + entry.nameBytes.length || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
      return refuse('damaged-zip', entry.name);
    }
    // The local header must name the same entry, the same way: no second name hidden in the file.
    if (header.readUInt16LE(8) !== entry.method || !header.subarray(30).equals(entry.nameBytes)) {
      return refuse('damaged-zip', entry.name);
    }
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + entry.compressedSize;
    if (end > directoryOffset) return refuse('damaged-zip', entry.name);
    starts.set(planned, start);
    ranges.push({ from: entry.localOffset, to: end, name: entry.name as string });
  }
  ranges.sort((a, b) => a.from - b.from);
  for (let index = 1; index < ranges.length; index++) {
    const before = ranges[index - 1] as (typeof ranges)[number];
    const range = ranges[index] as (typeof ranges)[number];
    if (range.from < before.to) return refuse('damaged-zip', range.name);
  }
  return { ok: true, starts };
}

class PackStop extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.error);
  }
}

/**
 * Unpacks one entry's bytes from `start`, handing them to `sink` as they come out, counted: past
 * the entry's cap or what it declared, or past the pack's `budget` left, it stops at once.
 * Returns how many bytes came out.
 */
async function unpackEntry(
  handle: FileHandle,
  planned: PlannedEntry,
  start: number,
  budget: number,
  sink: (chunk: Uint8Array) => Promise<void>,
): Promise<number> {
  const { entry } = planned;
  const name = entry.name as string;
  let produced = 0;
  let crc = 0;
  let pending: Uint8Array[] = [];
  let ended = entry.method === 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > entry.size || produced > planned.cap) throw new PackStop(refuse('entry-too-large', name));
    if (produced > budget) throw new PackStop(refuse('pack-too-large', name));
    pending.push(chunk);
  };
  const inflater =
    entry.method === 8
      ? new Inflate((chunk, final) => {
          take(chunk);
          if (final) ended = true;
        })
      : null;
  const flush = async () => {
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) {
      crc = crc32(chunk, crc);
      await sink(chunk);
    }
  };
  let position = start;
  const end = start + entry.compressedSize;
  while (position < end) {
    const chunk = await readAt(handle, position, Math.min(READ_CHUNK_BYTES, end - position));
    if (chunk.length === 0) throw new PackStop(refuse('damaged-zip', name));
    position += chunk.length;
    try {
      if (inflater) inflater.push(chunk, position >= end);
      else take(chunk);
    } catch (error) {
      if (error instanceof PackStop) throw error;
      // The inflater's own complaint: not deflate data, or cut short.
      throw new PackStop(refuse('damaged-zip', name));
    }
    await flush();
  }
  if (inflater && entry.compressedSize === 0) throw new PackStop(refuse('damaged-zip', name));
  if (!ended || produced !== entry.size || crc >>> 0 !== entry.crc >>> 0) throw new PackStop(refuse('damaged-zip', name));
  return produced;
}

/** A target path inside `root`, or throws: the last guard, whatever the name rules let through. */
function inside(root: string, path: string): string {
  const base = resolve(root);
  const target = resolve(base, path);
  const within = relative(base, target);
  if (within === '' || within.startsWith('..') || within.split(sep).includes('..')) {
    throw new Error(`a pack entry outside its folder: ${path}`);
  }
  return target;
}

export interface UnpackedPack {
  ok: true;
  /** Content files (assets/content/) and photos unpacked. */
  files: number;
  photos: number;
  manifest: unknown;
}

/**
 * The zip at `zipPath`, judged and unpacked into `treeDir` (which must not exist yet; it gets
 * `content/` and `photos/`). A refusal leaves whatever was unpacked for the caller to remove with
 * its temporary folder: nothing is ever written outside `treeDir`.
 */
export async function unpackPack(zipPath: string, treeDir: string, limits: PackLimits): Promise<UnpackedPack | Refusal> {
  const handle = await open(zipPath, 'r');
  try {
    const directory = await readCentralDirectory(handle, (await handle.stat()).size, limits);
    if (!directory.ok) return directory;
    const planned = planEntries(directory.entries, limits);
    if (!planned.ok) return planned;
    const located = await locateData(handle, planned.plan, directory.directoryOffset);
    if (!located.ok) return located;

    await mkdir(join(treeDir, 'content'), { recursive: true });
    await mkdir(join(treeDir, 'photos'), { recursive: true });
    let budget = limits.maxTotalBytes;
    let manifest: unknown = null;
    let files = 0;
    const photos: Array<{ path: string; name: string; head: Buffer }> = [];
    try {
      for (const plan of planned.plan) {
        const start = located.starts.get(plan) as number;
        if (plan.kind === 'manifest') {
          const chunks: Uint8Array[] = [];
          budget -= await unpackEntry(handle, plan, start, budget, async (chunk) => {
            chunks.push(chunk);
          });
          try {
            manifest = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return refuse('not-a-pack', PACK_MANIFEST_NAME);
          }
          continue;
        }
        const target = inside(treeDir, plan.path);
        await mkdir(dirname(target), { recursive: true });
        const out = await open(target, 'wx');
        let head = Buffer.alloc(0);
        try {
          budget -= await unpackEntry(handle, plan, start, budget, async (chunk) => {
            if (plan.kind === 'photo' && head.length < PHOTO_HEAD_BYTES)
              head = Buffer.concat([head, chunk.subarray(0, PHOTO_HEAD_BYTES - head.length)]);
            await out.write(chunk);
          });
        } finally {
          await out.close();
        }
        if (plan.kind === 'photo') photos.push({ path: target, name: plan.entry.name as string, head });
        else files += 1;
      }
    } catch (error) {
      if (error instanceof PackStop) return error.refusal;
      throw error;
    }

    if (manifest !== null && !isPackManifest(manifest)) return refuse('not-a-pack', PACK_MANIFEST_NAME);
    for (const photo of photos) {
      const type = sniffPhotoType(photo.head);
      if (!type || !ACCEPTED_PHOTO_TYPES.has(type)) return refuse('not-a-photo', photo.name);
      // An SVG is drawn in the station's own pages: the upload's rule holds for a pack's too.
      if (type === 'svg' && unsafeSvgReason(await readFile(photo.path, 'utf8'))) return refuse('unsafe-svg', photo.name);
    }
    return { ok: true, files, photos: photos.length, manifest };
  } finally {
    await handle.close();
  }
}

function isPackManifest(value: unknown): value is PackManifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Partial<PackManifest>;
  return manifest.format === PACK_FORMAT && manifest.version === PACK_FORMAT_VERSION;
}

// --- Export and import ---------------------------------------------------------------------------

export interface ContentPacksOptions {
  dataDir: string;
  store: ContentStore;
  draft: CurationDraft;
  /** Whether the draft holds edits nobody submitted (publishing.ts: the rule a restore keeps). */
  draftHasUnsubmittedEdits(): Promise<boolean>;
  /** The published version the store is now, if known. */
  currentVersion(): Promise<number | null>;
  audit(accountId: string, action: (typeof PACK_AUDIT_ACTIONS)[number], fields: { detail?: string | null }): void;
  limits?: Partial<PackLimits>;
  clock?: () => number;
}

export interface PackDownload {
  filename: string;
  stream: Readable;
}

/** "20250504-1430" in the station's own time: the file name says when, as the staff read clocks. */
export function packStamp(at: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
}

/** The files of a tree's folder, in the store's layout ("photos/a/b.jpg"), sorted. */
async function treeFiles(tree: string, folder: string): Promise<string[]> {
  const root = join(tree, folder);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `${folder}/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
}

/** A zip's dates run from 1980 to 2107; a file's time outside them is written as the nearest. */
function zipTime(ms: number): Date {
  return new Date(Math.min(Math.max(ms, Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 31)));
}

export class ContentPacks {
  readonly limits: PackLimits;
  private readonly clock: () => number;
  private importing = false;

  private constructor(private readonly options: ContentPacksOptions) {
    this.limits = { ...DEFAULT_PACK_LIMITS, ...options.limits };
    this.clock = options.clock ?? Date.now;
  }

  /** Opens the packs, clearing what a crash left in DATA_DIR (temporary exports and imports). */
  static async open(options: ContentPacksOptions): Promise<ContentPacks> {
    await clearLeftovers(options.dataDir, EXPORT_TEMP_PREFIX);
    await clearLeftovers(options.dataDir, IMPORT_TEMP_PREFIX);
    return new ContentPacks(options);
  }

  /** The published content or the draft (the published content before the first edit), as a zip stream. */
  async exportPack(from: PackSource, accountId: string): Promise<PackDownload> {
    const { dataDir, draft, store } = this.options;
    const work = join(dataDir, `${EXPORT_TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
    const tree = join(work, 'tree');
    const cleanUp = () => rm(work, { recursive: true, force: true });
    let versionNumber: number | null = null;
    try {
      await mkdir(work, { recursive: true });
      const frozen = from === 'draft' ? await draft.freeze(tree) : null;
      if (!frozen) {
        await freezeTree(store.dir, tree);
        versionNumber = await this.options.currentVersion();
      }
    } catch (error) {
      await cleanUp();
      throw error;
    }
    const now = new Date(this.clock());
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      version: PACK_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      from,
      ...(versionNumber !== null ? { versionNumber } : {}),
    };
    const files = [...(await treeFiles(tree, 'content')), ...(await treeFiles(tree, 'photos'))];
    // However the download ends, the frozen copy goes: done, before the zip's end is sent (the
    // generator's own finally); the browser gone, when the stream closes, started or not.
    const stream = Readable.from(zipChunks(tree, files, manifest, now, cleanUp), { objectMode: false });
    stream.once('close', () => void cleanUp());
    this.options.audit(accountId, 'export-content', { detail: `from:${from}` });
    return { filename: `dangshi-content-${from}-${packStamp(now)}.zip`, stream };
  }

  /**
   * A pack sent by a reviewer becomes the working draft, or is refused with nothing kept. Refused
   * `draft-has-changes` while the draft holds edits nobody submitted, unless `replaceDraft`.
   */
  async importPack(body: Readable, accountId: string, replaceDraft: boolean): Promise<PackImportAnswer> {
    if (this.importing) return this.drained(body, refuse('busy'));
    this.importing = true;
    const work = join(this.options.dataDir, `${IMPORT_TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
    try {
      if (!replaceDraft && (await this.options.draftHasUnsubmittedEdits())) {
        return await this.drained(body, refuse('draft-has-changes'));
      }
      await mkdir(work, { recursive: true });
      const zipPath = join(work, 'pack.zip');
      const received = await streamWithLimit(body, zipPath, this.limits.maxPackBytes);
      if (!received.ok) return refuse('too-large');
      const tree = join(work, 'tree');
      const unpacked = await unpackPack(zipPath, tree, this.limits);
      if (!unpacked.ok) return unpacked;
      await rm(zipPath, { force: true });
      const files = await readContentFiles(tree);
      if (!('content/exhibition.json' in files)) return refuse('not-a-pack');
      const errors = (await fullCheck(tree, files)).filter((problem) => problem.severity === 'error');
      if (errors.length > 0) return refuse('pack-has-errors', null, errors);
      // Someone may have edited while the pack was checked: the same rule again, just before.
      if (!replaceDraft && (await this.options.draftHasUnsubmittedEdits())) return refuse('draft-has-changes');
      await this.options.draft.replaceWith(tree, accountId);
      this.options.audit(accountId, 'import-content', { detail: `files:${unpacked.files} photos:${unpacked.photos}` });
      return { ok: true, files: unpacked.files, photos: unpacked.photos };
    } finally {
      await rm(work, { recursive: true, force: true });
      this.importing = false;
    }
  }

  private async drained(body: Readable, answer: PackRefusal): Promise<PackRefusal> {
    await drainUpload(body, this.limits.maxPackBytes);
    return answer;
  }
}

/**
 * Reads the rest of an upload to nowhere (up to the limit), then answers: a browser whose upload
 * is cut off mid-way may report a network error instead of the answer, and the dialog a
 * `draft-has-changes` opens must be shown.
 */
async function drainUpload(body: Readable, maxBytes: number): Promise<void> {
  let bytes = 0;
  for await (const chunk of body) {
    bytes += (chunk as Buffer).length;
    if (bytes > maxBytes) {
      body.destroy();
      return;
    }
  }
}

/** The zip of `files` (in the store's layout) of `tree`, chunk by chunk as the download takes them. */
async function* zipChunks(
  tree: string,
  files: readonly string[],
  manifest: PackManifest,
  now: Date,
  cleanUp: () => Promise<void>,
): AsyncGenerator<Uint8Array> {
  try {
    yield* zipEntries(tree, files, manifest, now);
  } finally {
    await cleanUp();
  }
}

async function* zipEntries(
  tree: string,
  files: readonly string[],
  manifest: PackManifest,
  now: Date,
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift() as Uint8Array;
  };
  const manifestEntry = new ZipDeflate(PACK_MANIFEST_NAME, { level: 6 });
  manifestEntry.mtime = zipTime(now.getTime());
  zip.add(manifestEntry);
  manifestEntry.push(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
  yield* drain();
  for (const file of files) {
    const path = join(tree, file);
    const info = await stat(path);
    // Photos are compressed already: stored, they cost no time and no memory to pack.
    const entry = file.startsWith('photos/')
      ? new ZipPassThrough(`${ASSETS}/${file}`)
      : new ZipDeflate(`${ASSETS}/${file}`, { level: 6 });
    entry.mtime = zipTime(info.mtimeMs);
    zip.add(entry);
    const handle = await open(path, 'r');
    try {
      let position = 0;
      if (info.size === 0) entry.push(new Uint8Array(0), true);
      while (position < info.size) {
        const chunk = await readAt(handle, position, Math.min(64 * 1024, info.size - position));
        if (chunk.length === 0) throw new Error(`${file} got shorter while it was packed`);
        position += chunk.length;
        entry.push(chunk, position >= info.size);
        yield* drain();
      }
    } finally {
      await handle.close();
    }
    yield* drain();
  }
  zip.end();
  yield* drain();
}
