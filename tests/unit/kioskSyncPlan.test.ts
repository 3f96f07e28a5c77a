/**
 * The kiosk sync's pure parts: the manifest's path rule and schema (shared with the station),
 * the plan of what to copy and what to download, the station's URLs, pruning, and the command line.
 */
import { describe, expect, it } from 'vitest';
import { parseSyncArgs } from '../../src/deploy/kiosk/syncArgs.ts';
import { buildsToPrune, fileUrl, type LocalCopy, manifestUrl, planSync, stationBase } from '../../src/deploy/kiosk/syncPlan.ts';
import { manifestPathProblem, type SiteManifest, siteManifestSchema } from '../../src/live/siteManifestProtocol.ts';

const hash = (digit: string) => digit.repeat(64);

function manifest(stamp: string, files: [string, number, string][]): SiteManifest {
  return { stamp, files: files.map(([path, size, sha256]) => ({ path, size, sha256 })) };
}

describe('a manifest path', () => {
  it.each(['index.html', 'assets/index-BxY_z9.js', 'photos/队旗 合影#1.svg', 'content/exhibition.json', 'a/b/c/d.txt'])(
    '%j may be written under a build',
    (path) => {
      expect(manifestPathProblem(path)).toBeNull();
    },
  );

  it.each([
    ['', 'empty path'],
    ['../escape.txt', '".." segment'],
    ['assets/../../escape.txt', '".." segment'],
    ['assets/./x.js', '"." segment'],
    ['/etc/passwd', 'absolute path'],
    ['assets\\x.js', 'backslash in path'],
    ['..\\escape.txt', 'backslash in path'],
    ['assets//x.js', 'empty path segment'],
    ['assets/', 'empty path segment'],
    ['.git/config', 'hidden (dot) segment'],
    ['assets/.env', 'hidden (dot) segment'],
    ['assets/x\u0000.js', 'control or invisible character in path'],
    ['assets/x\n.js', 'control or invisible character in path'],
    ['assets/\u202Esj.exe', 'control or invisible character in path'],
    ['assets/zero\u200Bwidth.js', 'control or invisible character in path'],
    ['cafe\u0301.txt', 'path not in Unicode normal form (NFC)'],
    ['manifest.json', "manifest.json is the manifest's own name"],
    [`assets/${'x'.repeat(256)}`, 'path segment too long'],
    [`${'a/'.repeat(600)}x`, 'path too long'],
  ])('%j is refused: %s', (path, problem) => {
    expect(manifestPathProblem(path)).toBe(problem);
  });
});

describe('the manifest schema', () => {
  const good = manifest('0123456789abcdef', [
    ['index.html', 10, hash('a')],
    ['assets/x.js', 0, hash('b')],
  ]);

  it('accepts an honest manifest', () => {
    expect(siteManifestSchema.safeParse(good).success).toBe(true);
  });

  it.each([
    ['a stamp that is a path', { ...good, stamp: '../x' }],
    ['an uppercase hash', { ...good, files: [{ path: 'index.html', size: 1, sha256: 'A'.repeat(64) }] }],
    ['a negative size', { ...good, files: [{ path: 'index.html', size: -1, sha256: hash('a') }] }],
    ['a fractional size', { ...good, files: [{ path: 'index.html', size: 1.5, sha256: hash('a') }] }],
    ['no files', { ...good, files: [] }],
    ['no index.html', manifest('abc', [['assets/x.js', 1, hash('a')]])],
    [
      'a path listed twice',
      manifest('abc', [
        ['index.html', 1, hash('a')],
        ['index.html', 1, hash('a')],
      ]),
    ],
    [
      'a path both a file and a folder',
      manifest('abc', [
        ['index.html', 1, hash('a')],
        ['assets', 1, hash('a')],
        ['assets/x.js', 1, hash('b')],
      ]),
    ],
    [
      'more bytes than a kiosk takes',
      manifest(
        'abc',
        Array.from({ length: 9 }, (_, index): [string, number, string] => [
          index === 0 ? 'index.html' : `big-${index}.bin`,
          1024 * 1024 * 1024,
          hash('c'),
        ]),
      ),
    ],
  ])('refuses %s', (_name, candidate) => {
    expect(siteManifestSchema.safeParse(candidate).success).toBe(false);
  });
});

describe('the sync plan', () => {
  const current: LocalCopy = {
    dir: '/kiosk/builds/old',
    manifest: manifest('old', [
      ['index.html', 10, hash('1')],
      ['assets/app-1.js', 20, hash('2')],
      ['photos/a.jpg', 30, hash('3')],
    ]),
  };
  const kept: LocalCopy = {
    dir: '/kiosk/builds/older',
    manifest: manifest('older', [
      ['index.html', 10, hash('9')],
      ['photos/b.jpg', 40, hash('4')],
    ]),
  };

  it('copies what is unchanged (same path, size and hash), and downloads the rest', () => {
    const remote = manifest('new', [
      ['index.html', 11, hash('5')],
      ['assets/app-1.js', 20, hash('2')],
      ['photos/a.jpg', 30, hash('3')],
    ]);
    expect(
      planSync(remote, [current]).map((step) => [step.file.path, step.source.kind === 'reuse' ? step.source.path : 'download']),
    ).toEqual([
      ['index.html', 'download'],
      ['assets/app-1.js', 'assets/app-1.js'],
      ['photos/a.jpg', 'photos/a.jpg'],
    ]);
  });

  it('finds a file by its content under another name, or in a build kept from before', () => {
    const remote = manifest('new', [
      ['index.html', 10, hash('9')],
      ['photos/renamed.jpg', 30, hash('3')],
      ['photos/b.jpg', 40, hash('4')],
    ]);
    const steps = planSync(remote, [current, kept]);
    expect(
      steps.map((step) => (step.source.kind === 'reuse' ? `${step.source.copy.dir}/${step.source.path}` : 'download')),
    ).toEqual(['/kiosk/builds/older/index.html', '/kiosk/builds/old/photos/a.jpg', '/kiosk/builds/older/photos/b.jpg']);
  });

  it('does not reuse a file of the same hash but another size, nor the same size but another hash', () => {
    const remote = manifest('new', [
      ['index.html', 99, hash('1')],
      ['assets/app-1.js', 20, hash('7')],
    ]);
    expect(planSync(remote, [current]).map((step) => step.source.kind)).toEqual(['download', 'download']);
  });

  it('downloads everything on a kiosk with nothing yet', () => {
    const remote = manifest('new', [['index.html', 10, hash('1')]]);
    expect(planSync(remote, []).map((step) => step.source.kind)).toEqual(['download']);
  });
});

describe('the station URLs', () => {
  it('resolves the manifest and each file under the station, a sub-path too', () => {
    const base = stationBase('http://192.168.1.20:8080');
    expect(manifestUrl(base).href).toBe('http://192.168.1.20:8080/api/site/manifest');
    const behindProxy = stationBase('https://station.example/dangshi?x=1#y');
    expect(manifestUrl(behindProxy).href).toBe('https://station.example/dangshi/api/site/manifest');
    expect(fileUrl(behindProxy, 'assets/x.js').href).toBe('https://station.example/dangshi/assets/x.js');
  });

  it('encodes each segment, so a name with # ? % or spaces stays one file', () => {
    const base = stationBase('http://127.0.0.1:8080/');
    expect(fileUrl(base, 'photos/队旗 合影#1?.svg').pathname).toBe(`/photos/${encodeURIComponent('队旗 合影#1?.svg')}`);
    expect(fileUrl(base, 'photos/100%.jpg').pathname).toBe('/photos/100%25.jpg');
  });

  it.each(['ftp://station/', 'file:///etc/passwd', 'http://user:secret@station/', 'not a url'])('refuses %j', (url) => {
    expect(() => stationBase(url)).toThrow();
  });
});

describe('pruning', () => {
  it('keeps the new build and the one before it, and nothing else', () => {
    expect(buildsToPrune(['a', 'b', 'c', 'local-20250101000000'], ['c', 'b'])).toEqual(['a', 'local-20250101000000']);
    expect(buildsToPrune(['a'], ['a', null])).toEqual([]);
  });
});

describe('the command line', () => {
  const home = '/home/kiosk';
  const cwd = '/home/kiosk/dangshi';

  it('reads --station and --dir, expanding ~ and making the folder absolute', () => {
    const parsed = parseSyncArgs(['--station', 'http://192.168.1.20:8080', '--dir=~/dangshi'], {}, home, cwd);
    expect(parsed.ok && parsed.args.station.href).toBe('http://192.168.1.20:8080/');
    expect(parsed.ok && parsed.args.dir).toBe('/home/kiosk/dangshi');
    expect(parsed.ok && parsed.args.timeoutSeconds).toBe(30);
    const relative = parseSyncArgs(['--station=http://s:1', '--dir', 'site', '--timeout', '5'], {}, home, cwd);
    expect(relative.ok && relative.args.dir).toBe('/home/kiosk/dangshi/site');
    expect(relative.ok && relative.args.timeoutSeconds).toBe(5);
  });

  it('takes the station and the folder from the environment, the command line winning', () => {
    const env = { DANGSHI_STATION_URL: 'http://10.0.0.5:8080', DANGSHI_KIOSK_DIR: '/srv/kiosk' };
    const fromEnv = parseSyncArgs([], env, home, cwd);
    expect(fromEnv.ok && [fromEnv.args.station.href, fromEnv.args.dir]).toEqual(['http://10.0.0.5:8080/', '/srv/kiosk']);
    const overridden = parseSyncArgs(['--station', 'http://10.0.0.6:8080'], env, home, cwd);
    expect(overridden.ok && overridden.args.station.host).toBe('10.0.0.6:8080');
  });

  it.each([
    [[], 'no station address'],
    [['--station', 'http://s:1'], 'no kiosk folder'],
    [['--station', 'ftp://s', '--dir', '/x'], '--station: not an http(s) address'],
    [['--station', 'http://s:1', '--dir', '/x', '--timeout', '0'], '--timeout'],
    [['--station'], '--station needs a value'],
    [['--verbose'], 'unknown argument: --verbose'],
  ])('refuses %j with a message', (argv, message) => {
    const parsed = parseSyncArgs(argv, {}, home, cwd);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('answers --help with the usage and no error', () => {
    expect(parseSyncArgs(['--help'], {}, home, cwd)).toEqual({ ok: false, help: true, error: null });
  });
});
