/**
 * The content pack's rules on a zip's entries (src/server/curate/contentPack.ts), judged before a
 * byte is unpacked: which names are content, photos, the manifest, folders or a desktop's
 * leftovers, and which could reach outside the pack's folders; symlinks by their attributes;
 * duplicates (case and Unicode form blind) and files where a folder must be; the declared caps.
 */
import { describe, expect, it } from 'vitest';
import {
  type CentralEntry,
  classifyEntryName,
  DEFAULT_PACK_LIMITS,
  decodeEntryName,
  isSpecialFile,
  packStamp,
  planEntries,
  printableEntryName,
} from '../../src/server/curate/contentPack.ts';

describe('classifyEntryName', () => {
  it('places content files and photos in the store’s layout', () => {
    expect(classifyEntryName('assets/content/deqing.json')).toEqual({ ok: true, kind: 'content', path: 'content/deqing.json' });
    expect(classifyEntryName('assets/content/GUIDE.md')).toEqual({ ok: true, kind: 'content', path: 'content/GUIDE.md' });
    expect(classifyEntryName('assets/photos/uploads/2025-05-04-a.jpg')).toEqual({
      ok: true,
      kind: 'photo',
      path: 'photos/uploads/2025-05-04-a.jpg',
    });
    expect(classifyEntryName('assets/photos/党史/入党宣誓.jpg')).toEqual({
      ok: true,
      kind: 'photo',
      path: 'photos/党史/入党宣誓.jpg',
    });
    expect(classifyEntryName('pack.json')).toEqual({ ok: true, kind: 'manifest' });
  });

  it('ignores folders and what desktops add, after the same safety rules', () => {
    expect(classifyEntryName('assets/')).toEqual({ ok: true, kind: 'directory' });
    expect(classifyEntryName('assets/photos/uploads/')).toEqual({ ok: true, kind: 'directory' });
    expect(classifyEntryName('somewhere/else/')).toEqual({ ok: true, kind: 'directory' });
    expect(classifyEntryName('__MACOSX/assets/photos/._a.jpg')).toEqual({ ok: true, kind: 'skipped' });
    expect(classifyEntryName('assets/photos/.DS_Store')).toEqual({ ok: true, kind: 'skipped' });
    expect(classifyEntryName('assets/photos/Thumbs.db')).toEqual({ ok: true, kind: 'skipped' });
    expect(classifyEntryName('__MACOSX/../../evil')).toEqual({ ok: false, error: 'bad-entry-name' });
    expect(classifyEntryName('../')).toEqual({ ok: false, error: 'bad-entry-name' });
  });

  it.each([
    ['', 'empty'],
    ['../evil.json', 'a parent step'],
    ['assets/content/../../x', 'a parent step inside'],
    ['assets/photos/..', 'a parent step at the end'],
    ['./assets/content/a.json', 'a current-folder step'],
    ['assets//content/a.json', 'an empty part'],
    ['/etc/x', 'absolute'],
    ['/assets/content/a.json', 'absolute, though in the folders'],
    ['C:/Windows/x.json', 'a drive letter'],
    ['c:x.json', 'a drive-relative path'],
    ['assets\\content\\a.json', 'backslashes'],
    ['assets/content\\..\\..\\x.json', 'backslashes hiding parent steps'],
    ['assets/photos/a.jpg:stream', 'an alternate data stream'],
    ['assets/photos/a\u0000.jpg', 'NUL'],
    ['assets/photos/a\n.jpg', 'a newline'],
    ['assets/photos/a\u007f.jpg', 'DEL'],
    ['assets/photos/a\u0085.jpg', 'a C1 control'],
    ['assets/photos/gpj.\u202eevil.jpg', 'a right-to-left override'],
    [`assets/photos/${'a'.repeat(256)}.jpg`, 'a part longer than a file name may be'],
    [`assets/photos/${'a/'.repeat(600)}a.jpg`, 'a name longer than any path needs'],
  ])('refuses %j (%s) as a bad name', (name) => {
    expect(classifyEntryName(name)).toEqual({ ok: false, error: 'bad-entry-name' });
  });

  it.each([
    ['evil/x.json'],
    ['assets/evil.json'],
    ['assets/fonts/a.ttf'],
    ['assets/photos'],
    ['content/deqing.json'],
    ['dangshi-content/assets/content/deqing.json'],
    ['README.txt'],
  ])('refuses %j as outside the pack’s folders', (name) => {
    expect(classifyEntryName(name)).toEqual({ ok: false, error: 'outside-folders' });
  });

  it.each([
    ['assets/content/run.sh'],
    ['assets/content/deqing.json.exe'],
    ['assets/content/old/deqing.json'],
    ['assets/content/x.JSON'],
  ])('refuses %j in the content folder (JSON and the guide only, no sub-folders)', (name) => {
    expect(classifyEntryName(name)).toEqual({ ok: false, error: 'bad-content-file' });
  });
});

describe('the other rules of an entry', () => {
  it('prints a refused name with its control characters escaped, cut short when very long', () => {
    expect(printableEntryName('a\u0000b\u202e.jpg')).toBe('a\\u0000b\\u202e.jpg');
    expect(printableEntryName('x'.repeat(400))).toBe(`${'x'.repeat(300)}…`);
    expect(printableEntryName('assets/photos/党史.jpg')).toBe('assets/photos/党史.jpg');
  });

  it('tells symbolic links and devices from files and folders by the Unix mode', () => {
    expect(isSpecialFile(0o120777 * 0x10000)).toBe(true);
    expect(isSpecialFile(0o020666 * 0x10000)).toBe(true);
    expect(isSpecialFile(0o010644 * 0x10000)).toBe(true);
    expect(isSpecialFile(0o100644 * 0x10000)).toBe(false);
    expect(isSpecialFile(0o040755 * 0x10000 + 0x10)).toBe(false);
    // A zip made on Windows: DOS attributes only.
    expect(isSpecialFile(0x20)).toBe(false);
    expect(isSpecialFile(0)).toBe(false);
  });

  it('reads names as UTF-8, and an old codepage’s bytes as none', () => {
    expect(decodeEntryName(new TextEncoder().encode('assets/photos/党史.jpg'))).toBe('assets/photos/党史.jpg');
    expect(decodeEntryName(new Uint8Array([0x61, 0xb5, 0xb3, 0x2e, 0x6a]))).toBeNull();
  });

  it('names the file by the station’s own clock, to the minute', () => {
    expect(packStamp(new Date(2025, 4, 4, 9, 5, 59))).toBe('20250504-0905');
  });
});

describe('planEntries', () => {
  const entry = (name: string, extra: Partial<CentralEntry> = {}): CentralEntry => ({
    name,
    nameBytes: new TextEncoder().encode(name),
    flags: 0x800,
    method: 8,
    crc: 0,
    compressedSize: 10,
    size: 100,
    localOffset: 0,
    externalAttributes: 0o100644 * 0x10000,
    ...extra,
  });

  it('plans the content, photos and manifest with their caps; folders and leftovers are not unpacked', () => {
    const planned = planEntries(
      [
        entry('pack.json'),
        entry('assets/'),
        entry('assets/content/exhibition.json'),
        entry('assets/photos/a.jpg', { method: 0 }),
        entry('__MACOSX/assets/photos/._a.jpg'),
      ],
      DEFAULT_PACK_LIMITS,
    );
    if (!planned.ok) throw new Error(planned.error);
    expect(planned.plan.map(({ kind, path, cap }) => ({ kind, path, cap }))).toEqual([
      { kind: 'manifest', path: 'pack.json', cap: DEFAULT_PACK_LIMITS.maxContentBytes },
      { kind: 'content', path: 'content/exhibition.json', cap: DEFAULT_PACK_LIMITS.maxContentBytes },
      { kind: 'photo', path: 'photos/a.jpg', cap: DEFAULT_PACK_LIMITS.maxPhotoBytes },
    ]);
  });

  it('refuses the first bad entry, naming it', () => {
    const cases: Array<[CentralEntry[], string, string | undefined]> = [
      [[entry('assets/content/a.json'), entry('../evil')], 'bad-entry-name', '../evil'],
      [[entry('assets/photos/link.jpg', { externalAttributes: 0o120777 * 0x10000 })], 'not-a-file', 'assets/photos/link.jpg'],
      [[entry('assets/photos/a.jpg'), entry('assets/photos/a.jpg')], 'duplicate-entry', 'assets/photos/a.jpg'],
      [[entry('assets/photos/A.jpg'), entry('assets/photos/a.jpg')], 'duplicate-entry', 'assets/photos/a.jpg'],
      // The same name in the two Unicode forms (a Mac's decomposed é and the composed one).
      [[entry('assets/photos/e\u0301.jpg'), entry('assets/photos/\u00e9.jpg')], 'duplicate-entry', 'assets/photos/\u00e9.jpg'],
      [[entry('assets/photos/a'), entry('assets/photos/a/b.jpg')], 'duplicate-entry', 'assets/photos/a/b.jpg'],
      [[entry('assets/photos/a.jpg', { flags: 0x1 })], 'unsupported-zip', 'assets/photos/a.jpg'],
      [[entry('assets/photos/a.jpg', { method: 12 })], 'unsupported-zip', 'assets/photos/a.jpg'],
      [[entry('assets/photos/a.jpg', { size: DEFAULT_PACK_LIMITS.maxPhotoBytes + 1 })], 'entry-too-large', 'assets/photos/a.jpg'],
      [
        [entry('assets/content/a.json', { size: DEFAULT_PACK_LIMITS.maxContentBytes + 1 })],
        'entry-too-large',
        'assets/content/a.json',
      ],
      [[entry('a', { name: null, nameBytes: new Uint8Array([0x61, 0xb5]) })], 'bad-entry-name', 'a\u00b5'],
    ];
    for (const [entries, error, name] of cases) {
      expect(planEntries(entries, DEFAULT_PACK_LIMITS), error).toEqual({ ok: false, error, ...(name ? { entry: name } : {}) });
    }
  });

  it('refuses more than the total declared, and more entries than allowed', () => {
    const limits = { ...DEFAULT_PACK_LIMITS, maxTotalBytes: 250, maxEntries: 3 };
    expect(
      planEntries([entry('assets/photos/a.jpg'), entry('assets/photos/b.jpg'), entry('assets/photos/c.jpg')], limits),
    ).toEqual({
      ok: false,
      error: 'pack-too-large',
      entry: 'assets/photos/c.jpg',
    });
    expect(
      planEntries(
        [1, 2, 3, 4].map((index) => entry(`assets/photos/${index}.jpg`, { size: 1 })),
        limits,
      ),
    ).toEqual({
      ok: false,
      error: 'too-many-entries',
    });
  });
});
