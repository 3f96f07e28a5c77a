/**
 * The oath wall's ceremony (重温入党誓词), in both languages, looked up with `oathText()` (which
 * also finds the shared `UI_STRINGS`). A table of its own, not spread into `UI_STRINGS`: it comes
 * with the card and the ceremony, out of the first load (issue 20, initial JS). The font subsetter
 * carries these characters (src/build/characters.ts). Members 重温 (renew) the oath; anyone else
 * may 诵读 (read it aloud): the wording says both.
 */
import type { Lang } from './lang.ts';
import { textWithShared } from './strings.ts';

export const OATH_STRINGS = {
  oathBegin: { zh: '重温 / 诵读入党誓词', en: 'Renew or read the oath' },
  oathCeremony: { zh: '重温入党誓词', en: 'Renewing the Party admission oath' },
  oathLead: {
    zh: '党员重温，参观者诵读。领誓人读完一句，点一下屏幕或按空格键，点亮下一句。',
    en: 'Members renew the oath; other visitors may read it aloud. When a phrase has been read, whoever leads taps the screen or presses Space to light the next.',
  },
  oathLeadTouch: {
    zh: '党员重温，参观者诵读。领誓人读完一句，点一下屏幕，点亮下一句。',
    en: 'Members renew the oath; other visitors may read it aloud. When a phrase has been read, whoever leads taps the screen to light the next.',
  },
  oathStart: { zh: '点一下屏幕，点亮第一句', en: 'Tap to light the first phrase' },
  oathNextPhrase: { zh: '下一句', en: 'Next phrase' },
  oathPreviousPhrase: { zh: '上一句', en: 'Previous phrase' },
  oathProgress: { zh: '第 {n} 句，共 {total} 句', en: 'Phrase {n} of {total}' },
  oathDone: { zh: '誓词诵读完毕', en: 'The oath has been read to the end' },
  oathAgain: { zh: '再读一遍', en: 'Read it again' },
  oathFinish: { zh: '结束', en: 'Finish' },
  oathPlayRecording: { zh: '播放领誓录音', en: 'Play the recording' },
  oathStopRecording: { zh: '停止录音', en: 'Stop the recording' },
} as const satisfies Record<string, Record<Lang, string>>;

export type OathStringKey = keyof typeof OATH_STRINGS;

/** An oath string, or a shared interface string, with its `{name}` placeholders filled. */
export const oathText = textWithShared(OATH_STRINGS);
