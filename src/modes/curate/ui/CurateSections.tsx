/**
 * 栏目 (every curator): each section's entry in exhibition.json — its title, subtitle, intro (printed
 * on its header board) and accent colour — as a form drawn from the section schema. Its panel file
 * is shown and never edited here: the section's panels live in that file, and the server refuses
 * to point a section elsewhere. 新建栏目 adds one after the others with its own empty panel file;
 * 上移 / 下移 change the corridor's order; 删除 asks first, and is refused, in words, while the
 * section still holds panels (moved or deleted on the panels page first) or is the last one.
 */
import { useMemo } from 'react';
import { sectionEntrySchema } from '../../../content/schema.ts';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DocumentJson } from '../documentModel.ts';
import { CurateDocumentList, type DocumentAdding, type DocumentRemoving } from './CurateDocumentList.tsx';
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
  const adding = useMemo<DocumentAdding>(
    () => ({
      button: 'newSection',
      titleLabel: 'newSectionTitle',
      submit: 'createSection',
      done: 'sectionCreated',
      create: (title) => api.addSection(title ? { title } : {}),
    }),
    [api],
  );
  const removing = useMemo<DocumentRemoving>(
    () => ({
      question: 'deleteSectionOf',
      done: 'sectionDeleted',
      inUse: 'sectionInUse',
      remove: (id) => api.deleteSection(id),
    }),
    [api],
  );
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
      adding={adding}
      removing={removing}
      movable
    />
  );
}
