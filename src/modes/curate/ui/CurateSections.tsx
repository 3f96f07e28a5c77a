/**
 * 栏目 (every curator): each section's entry in exhibition.json — its title, subtitle, intro (printed
 * on its header board) and accent colour — as a form drawn from the section schema. Its panel file
 * is shown and never edited here: the section's panels live in that file, and the server refuses
 * to point a section elsewhere. Sections are added and removed by a developer (a new file).
 */
import { sectionEntrySchema } from '../../../content/schema.ts';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DocumentJson } from '../documentModel.ts';
import { CurateDocumentList } from './CurateDocumentList.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';

const NOT_IN_FORM = ['file'] as const;

function sectionFile(lang: Lang) {
  return (value: DocumentJson) => (
    <p className="curate-hint" data-testid="curate-section-file">
      {curateText('sectionFileIs', lang, { file: typeof value.file === 'string' ? value.file : '' })}
    </p>
  );
}

export function CurateSections({ lang, api }: CurateScreenProps) {
  return (
    <CurateDocumentList
      lang={lang}
      api={api}
      kind="section"
      heading="navSections"
      pick="pickSection"
      empty="noSections"
      schema={sectionEntrySchema}
      omit={NOT_IN_FORM}
      describe={sectionFile(lang)}
    />
  );
}
