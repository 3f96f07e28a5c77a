/**
 * 导出与导入 (issue 18, item 4): the exhibition's content as a zip. Every curator may download the
 * published content or the current draft (plain links: the browser saves the attachment, however
 * big); a reviewer may also import a zip as the working draft (CuratePackImport), since it
 * replaces the whole draft.
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import { packExportPath } from '../../../live/curatePackProtocol.ts';
import { roleSatisfies } from '../../../live/curateProtocol.ts';
import { CuratePackImport } from './CuratePackImport.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';

export function CuratePack({ lang, api, session }: CurateScreenProps) {
  const headingId = useId();
  const exportId = useId();
  const publishedHintId = useId();
  const draftHintId = useId();
  return (
    <section className="curate-card curate-pack" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('navPack', lang)}
      </h2>
      <p>{curateText('packIntro', lang)}</p>
      <section aria-labelledby={exportId}>
        <h3 id={exportId}>{curateText('packExportTitle', lang)}</h3>
        <ul className="curate-pack__downloads">
          <li>
            <a className="curate-button" href={packExportPath('published')} download aria-describedby={publishedHintId}>
              {curateText('packExportPublished', lang)}
            </a>{' '}
            <span id={publishedHintId} className="curate-hint">
              {curateText('packExportPublishedHint', lang)}
            </span>
          </li>
          <li>
            <a className="curate-button" href={packExportPath('draft')} download aria-describedby={draftHintId}>
              {curateText('packExportDraft', lang)}
            </a>{' '}
            <span id={draftHintId} className="curate-hint">
              {curateText('packExportDraftHint', lang)}
            </span>
          </li>
        </ul>
      </section>
      {roleSatisfies(session.account.role, 'reviewer') && <CuratePackImport lang={lang} api={api} />}
    </section>
  );
}
