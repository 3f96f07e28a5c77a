/**
 * The oath of the 重温入党誓词 wall. Its words are the Party Constitution's (Chapter 1, Article 6),
 * never the exhibition's own: the content check warns when the phrases of an `oath` panel, joined,
 * are not that text word for word, and reports cue times that cannot belong to its phrases.
 */
import { localize } from './localize.ts';
import { type ContentProblem, formatJsonPath } from './problems.ts';
import type { ReferenceScope } from './references.ts';
import type { Panel } from './schema.ts';

/** The oath as 《中国共产党章程》 (Chapter 1, Article 6) gives it. */
export const PARTY_OATH =
  '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，随时准备为党和人民牺牲一切，永不叛党。';

type OathPanel = Extract<Panel, { kind: 'oath' }>;

/** The Chinese text of an oath panel: its phrases joined as written (each keeps its own punctuation). */
export function oathText(panel: OathPanel): string {
  return panel.phrases.map((phrase) => localize(phrase, 'zh')).join('');
}

/** Problems of the `oath` panels: a text that is not the Constitution's, cues that do not fit the phrases. */
export function oathProblems({ panels }: ReferenceScope): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, index, panel } of panels) {
    if (panel.kind !== 'oath') continue;
    if (oathText(panel) !== PARTY_OATH) {
      problems.push({
        severity: 'warning',
        file,
        path: formatJsonPath(['panels', index, 'phrases']),
        zh: '誓词连起来与《中国共产党章程》第一章第六条的誓词原文不一致，请逐字核对（每句连同句末的“，”或“。”）',
        en: 'the phrases, joined, are not the oath as the Party Constitution (Chapter 1, Article 6) gives it; check them word for word (each with its closing ，or 。)',
      });
    }
    const cues = panel.recording?.cues;
    if (!cues) continue;
    const at = (path: ReadonlyArray<PropertyKey>, zh: string, en: string) =>
      problems.push({ severity: 'error', file, path: formatJsonPath(['panels', index, 'recording', 'cues', ...path]), zh, en });
    if (cues.length !== panel.phrases.length) {
      at(
        [],
        `cues 要和誓词一样多：誓词有 ${panel.phrases.length} 句，cues 有 ${cues.length} 个`,
        `there must be one cue per phrase: ${panel.phrases.length} phrase(s), ${cues.length} cue(s)`,
      );
    }
    cues.forEach((cue, cueIndex) => {
      const previous = cues[cueIndex - 1];
      if (previous !== undefined && cue <= previous) {
        at(
          [cueIndex],
          `每句开始的时间要从小到大：${cue} 秒不晚于上一句的 ${previous} 秒`,
          `cues must increase: ${cue} s is not after the previous phrase's ${previous} s`,
        );
      }
    });
  }
  return problems;
}

/**
 * How many phrases a recording has reached at `seconds`: those whose cue has come (the cues are
 * the seconds at which each phrase starts, in increasing order). Before the first cue, none.
 */
export function litAtTime(cues: readonly number[], seconds: number): number {
  let lit = 0;
  while (lit < cues.length && (cues[lit] ?? Number.POSITIVE_INFINITY) <= seconds) lit++;
  return lit;
}
