/**
 * The oath lit phrase by phrase, shared by the ceremony screen (#/oath/<id>) and the projector's
 * oath stop: the phrase just lit as a large caption (announced to a screen reader as it changes),
 * and the whole oath beneath it, the phrases read so far lit and the rest still dim. The oath is
 * always shown in Chinese, the words of the Party Constitution; an English reader gets each
 * phrase's translation under the caption.
 */
import { type Lang, localize } from '../content/localize.ts';
import type { Panel } from '../content/schema.ts';
import { oathText } from '../i18n/oathStrings.ts';

export type OathPanel = Extract<Panel, { kind: 'oath' }>;

export interface OathCaptionsProps {
  panel: OathPanel;
  /** How many phrases are lit (0 before the first). */
  lit: number;
  lang: Lang;
  /** The class block: `oath-ceremony` (the screen) or `projector` (the projector's stop). */
  block: 'oath-ceremony' | 'projector';
  /** What the caption says before the first phrase is lit. */
  startHint: string;
}

export function OathCaptions({ panel, lit, lang, block, startHint }: OathCaptionsProps) {
  const current = lit > 0 ? panel.phrases[lit - 1] : undefined;
  const translation = lang === 'en' && current && typeof current === 'object' ? current.en : undefined;
  const total = panel.phrases.length;
  return (
    <div className={`${block}__oath-captions`} data-lit={lit} data-phrases={total}>
      <p className={`${block}__oath-progress`}>{lit > 0 ? oathText('oathProgress', lang, { n: lit, total }) : startHint}</p>
      {/* The caption is what a screen reader hears as each phrase is lit. */}
      <div className={`${block}__oath-caption`} aria-live="polite" aria-atomic="true">
        {current && (
          <p className={`${block}__oath-current`} lang="zh-CN">
            {localize(current, 'zh')}
          </p>
        )}
        {translation && (
          <p className={`${block}__oath-caption-translation`} lang="en">
            {translation}
          </p>
        )}
      </div>
      <ol className={`${block}__oath-phrases`} lang="zh-CN">
        {panel.phrases.map((phrase, index) => {
          const state = index < lit - 1 ? 'read' : index === lit - 1 ? 'current' : 'ahead';
          return (
            <li
              key={`${index}-${localize(phrase, 'zh')}`}
              className={`${block}__oath-phrase ${block}__oath-phrase--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {localize(phrase, 'zh')}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
