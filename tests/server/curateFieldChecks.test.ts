/**
 * The build's text checks at the field (布展, issue 17 item 4): every save of a panel or a
 * document answers, besides the loaders' problems, the board-fit measure of the one line-breaker
 * (too long, or printed smaller to fit) and the characters no shipped font has — located on the
 * field that holds them, so the editor shows them as the staff type. Real files in a temporary
 * DATA_DIR seeded from this checkout, the real fonts.
 */
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftProblem, DraftSnapshot, UpdateAnswer, UpdateOk } from '../../src/live/curateDraftProtocol.ts';
import { openContentStore } from '../../src/server/curate/contentStore.ts';
import { type ChangeEntry, CurationDraft } from '../../src/server/curate/draft.ts';
import { ROOT, tempDir } from './stationHarness.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read the draft's raw JSON freely.
type Json = any;

const CURATOR = 'curator-1';
/** Characters of the brigade's own words, so the measure is the font's, not a guess. */
const WORDS = '党史长廊德清消防救援大队';
const title = (length: number) => WORDS.repeat(6).slice(0, length);
/** Outside the shipped font: a CJK Extension B character (as rare names have) and an emoji. */
const RARE = '𠀀';

function ok(answer: UpdateAnswer): UpdateOk {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer).slice(0, 400)}`);
  return answer;
}

const fieldOf = (problem: DraftProblem) => ('field' in problem.target ? problem.target.field.join('.') : null);
const at = (problems: readonly DraftProblem[], field: string) => problems.filter((problem) => fieldOf(problem) === field);

describe('the text checks in every save’s answer', () => {
  let dataDir: string;
  let draft: CurationDraft;
  const entries: ChangeEntry[] = [];

  beforeEach(async () => {
    dataDir = await tempDir('field-checks');
    const store = await openContentStore({ dataDir, root: ROOT });
    draft = await CurationDraft.open({ dataDir, store, changeLog: { record: (entry) => void entries.push(entry) } });
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  async function eventPanel(): Promise<{ panel: Json; version: string; snapshot: DraftSnapshot }> {
    const snapshot = await draft.snapshot();
    const panels: Json[] = (snapshot.files['content/deqing.json'] as Json).panels;
    const panel = panels.find((candidate) => candidate.kind === 'event');
    return { panel, version: snapshot.versions.panels[panel.id]?.version as string, snapshot };
  }

  async function saveTitle(value: unknown): Promise<DraftProblem[]> {
    const { panel, version } = await eventPanel();
    const started = performance.now();
    const answer = ok(await draft.updatePanel(panel.id, { ...panel, title: value }, version, CURATOR));
    console.info(`one panel's save with its field checks: ${(performance.now() - started).toFixed(0)} ms`);
    return answer.problems;
  }

  it('a title that fits its board at full size gets no text problem', async () => {
    const problems = await saveTitle(title(8));
    expect(at(problems, 'title')).toEqual([]);
  });

  it('a title that fits only printed smaller is told so at the title, with the size it will have', async () => {
    const problems = at(await saveTitle(title(20)), 'title');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe('warning');
    expect(problems[0]?.message.zh).toMatch(/缩小到原来的 (\d+)% 才放得下/);
    const percent = Number(/(\d+)%/.exec(problems[0]?.message.zh ?? '')?.[1]);
    expect(percent).toBeGreaterThan(50);
    expect(percent).toBeLessThan(100);
  });

  it('a title too long for its board gets the build’s own overflow warning at the title', async () => {
    const problems = at(await saveTitle(title(58)), 'title');
    expect(problems.map((problem) => problem.message.zh)).toEqual([expect.stringMatching(/^文字太长：展板上只能显示 2 行/)]);
  });

  it('an English title’s problem is at title.en, the Chinese one’s at title.zh', async () => {
    const problems = await saveTitle({ zh: title(20), en: 'A'.repeat(170) });
    expect(at(problems, 'title.zh').map((problem) => problem.message.zh)).toEqual([expect.stringContaining('缩小')]);
    expect(at(problems, 'title.en').map((problem) => problem.message.zh)).toEqual([expect.stringContaining('文字太长')]);
  });

  it('a character no shipped font has is named at the field that holds it', async () => {
    const { panel, version } = await eventPanel();
    const answer = ok(
      await draft.updatePanel(panel.id, { ...panel, title: `张${RARE}同志`, body: ['第一段', `第二段有🔥`] }, version, CURATOR),
    );
    const inTitle = at(answer.problems, 'title');
    expect(inTitle.map((problem) => [problem.severity, problem.message.zh])).toEqual([['error', `字体中没有这个字：“${RARE}”`]]);
    expect(at(answer.problems, 'body.1').map((problem) => problem.message.zh)).toEqual(['字体中没有这个字：“🔥”']);
    expect(at(answer.problems, 'body.0')).toEqual([]);
  });

  it('a document’s save is checked too: the exhibition’s settings name a rare character at its field', async () => {
    const snapshot = await draft.snapshot();
    const exhibition = snapshot.files['content/exhibition.json'] as Json;
    const { sections: _sections, tours: _tours, $schema: _schema, ...settings } = exhibition;
    const answer = ok(
      await draft.updateDocument(
        { kind: 'settings' },
        { ...settings, motto: { ...settings.motto, zh: `${RARE}${settings.motto.zh}` } },
        snapshot.versions.settings as string,
        CURATOR,
      ),
    );
    expect(answer.problems.map((problem) => [problem.target.kind, fieldOf(problem), problem.message.zh])).toContainEqual([
      'settings',
      'motto.zh',
      `字体中没有这个字：“${RARE}”`,
    ]);
  });

  it('a photo the draft does not have is named at its image after every save, not only in the whole check', async () => {
    const { panel, version } = await eventPanel();
    const image = { src: 'photos/uploads/not-there.jpg', caption: '合影', alt: '大队党员合影' };
    const first = ok(await draft.updatePanel(panel.id, { ...panel, images: [image] }, version, CURATOR));
    const missing = (problems: readonly DraftProblem[]) =>
      at(problems, 'images.0.src').map((problem) => [problem.severity, problem.message.zh]);
    expect(missing(first.problems)).toEqual([['error', '找不到文件 "photos/uploads/not-there.jpg"']]);
    // The next save, of another field, still names it.
    const second = ok(
      await draft.updatePanel(panel.id, { ...panel, images: [image], summary: '改了摘要' }, first.version, CURATOR),
    );
    expect(missing(second.problems)).toEqual(missing(first.problems));
  });

  it('the editor’s whole check names the shrunk texts too, but the build’s does not', async () => {
    const { panel, version } = await eventPanel();
    ok(await draft.updatePanel(panel.id, { ...panel, title: title(20) }, version, CURATOR));
    const whole = (await draft.check()).filter(
      (problem) => problem.target.kind === 'panel' && problem.target.panelId === panel.id,
    );
    expect(at(whole, 'title').map((problem) => problem.message.zh)).toEqual([expect.stringContaining('缩小到原来的')]);
    const { checkContent } = await import('../../src/build/checkContent.ts');
    const build = await checkContent(`${draft.dir}/content`, draft.dir);
    expect(build.some((problem) => problem.zh.includes('缩小到原来的'))).toBe(false);
  });
});
