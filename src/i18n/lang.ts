/** The exhibition's two languages: every localized string of the content and the interface has both. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
