import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/build/checkContent.ts';

const FIXTURE = 'tests/fixtures/content-valid';

let assetsDir: string;
let contentDir: string;

beforeEach(() => {
  assetsDir = mkdtempSync(join(tmpdir(), 'check-content-'));
  cpSync(FIXTURE, assetsDir, { recursive: true });
  contentDir = join(assetsDir, 'content');
});

afterEach(() => {
  rmSync(assetsDir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: tests edit raw JSON freely.
function edit(file: string, change: (json: any) => void): void {
  const path = join(contentDir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

const errors = async () => (await checkContent(contentDir, assetsDir)).filter((problem) => problem.severity === 'error');

describe('checkContent', () => {
  it('finds no errors in valid content', async () => {
    expect(await errors()).toEqual([]);
  });

  it('reports a missing image with its file and path', async () => {
    edit('brigade.json', (json) => {
      // A broken panel first, so the loaded panel index (1) differs from the index in the file (2).
      json.panels.unshift({ id: 'broken', kind: 'nonsense' });
      json.panels[2].images = [
        { src: 'photos/team.png', caption: '有' },
        { src: 'photos/x.jpg', caption: '没有' },
      ];
    });
    const missing = (await errors()).filter((problem) => problem.zh.startsWith('找不到文件'));
    expect(missing).toEqual([
      {
        severity: 'error',
        file: 'assets/content/brigade.json',
        path: 'panels[2].images[1].src',
        zh: '找不到文件 "photos/x.jpg"',
        en: 'file not found "photos/x.jpg"',
      },
    ]);
  });

  it('reports missing narration recordings and captions with their file and path', async () => {
    mkdirSync(join(assetsDir, 'audio'), { recursive: true });
    writeFileSync(join(assetsDir, 'audio/here.mp3'), '');
    edit('brigade.json', (json) => {
      json.panels[0].narration = { src: 'audio/here.mp3', captions: 'audio/gone.vtt' };
      json.panels[1].narration = { en: { src: 'audio/missing.mp3' } };
    });
    const missing = (await errors()).filter((problem) => problem.zh.startsWith('找不到文件'));
    expect(missing.map(({ file, path, en }) => ({ file, path, en }))).toEqual([
      { file: 'assets/content/brigade.json', path: 'panels[0].narration.captions', en: 'file not found "audio/gone.vtt"' },
      { file: 'assets/content/brigade.json', path: 'panels[1].narration.en.src', en: 'file not found "audio/missing.mp3"' },
    ]);
  });

  it('reports a missing oath recording with its file and path', async () => {
    edit('brigade.json', (json) => {
      json.panels.push({
        id: 'party-oath',
        kind: 'oath',
        title: '入党誓词',
        phrases: ['我志愿加入中国共产党，', '永不叛党。'],
        recording: { src: 'audio/oath.mp3' },
      });
    });
    const missing = (await errors()).filter((problem) => problem.zh.startsWith('找不到文件'));
    expect(missing.map(({ file, path, en }) => ({ file, path, en }))).toEqual([
      { file: 'assets/content/brigade.json', path: 'panels[4].recording.src', en: 'file not found "audio/oath.mp3"' },
    ]);
  });

  it('reports an image whose name differs only in case', async () => {
    edit('timeline.json', (json) => {
      json.panels[0].images[0].src = 'photos/Team.png';
    });
    const problems = await errors();
    expect(problems.map((problem) => `${problem.file}: ${problem.path}`)).toEqual([
      'assets/content/timeline.json: panels[0].images[0].src',
    ]);
  });

  it('reports a character no font has, with its file and path', async () => {
    edit('brigade.json', (json) => {
      json.panels.unshift({ id: 'broken', kind: 'nonsense' });
      json.panels[2].title = { zh: '𠀀测试𠀀', en: 'Test' };
    });
    edit('exhibition.json', (json) => {
      json.sections[1].subtitle = '大事记𠀀';
    });
    const glyphs = (await errors()).filter((problem) => problem.zh.startsWith('字体中没有这个字'));
    expect(glyphs).toEqual([
      {
        severity: 'error',
        file: 'assets/content/exhibition.json',
        path: 'sections[1].subtitle',
        zh: '字体中没有这个字：“𠀀”',
        en: 'no shipped font has the character "𠀀" (U+20000)',
      },
      {
        severity: 'error',
        file: 'assets/content/brigade.json',
        path: 'panels[2].title.zh',
        zh: '字体中没有这个字：“𠀀”',
        en: 'no shipped font has the character "𠀀" (U+20000)',
      },
    ]);
  });

  it('keeps the loader’s own problems', async () => {
    edit('timeline.json', (json) => {
      json.panels[1].date = '1949-13';
    });
    const problems = await errors();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'assets/content/timeline.json', path: 'panels[1].date' });
  });
});
