/**
 * The language switch. It shows the other language's name in that language ("English" / "中文");
 * its accessible name starts with that visible text and adds what it does ("English · 切换到英文"),
 * so speech-input users can say what they see (WCAG 2.5.3, axe's label-content-name-mismatch).
 */

import { t } from '../i18n/strings.ts';
import { useExhibition } from '../store/store.ts';

export function LanguageToggle({ className }: { className?: string }) {
  const lang = useExhibition((state) => state.lang);
  return (
    <button type="button" className={className} onClick={() => useExhibition.getState().toggleLang()}>
      <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{t('language', lang)}</span>
      <span className="visually-hidden"> · {t('languageLabel', lang)}</span>
    </button>
  );
}
