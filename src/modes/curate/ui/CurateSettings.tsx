/**
 * 展览设置 (every curator): the exhibition's own settings — its title, subtitle, host, theme, motto
 * and its caption, source, the periods of the Party's history, the kiosk — as a form drawn from
 * exhibition.json's schema, saved as typed. The sections and tours are each their own document,
 * edited on their own screens (栏目, 讲解路线), and `$schema` is not the staff's.
 */
import { useCallback, useId, useState } from 'react';
import { exhibitionFileSchema } from '../../../content/schema.ts';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { DocumentRef } from '../../../live/curateDraftProtocol.ts';
import { type DocumentJson, findDocument, NOT_SETTINGS, withDocument } from '../documentModel.ts';
import { pageStorage } from '../pageStorage.ts';
import { draftRefs } from '../schemaForm/draftRefs.ts';
import { CurateDocumentEditor } from './CurateDocumentEditor.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';
import { useCurateDraft } from './useCurateDraft.ts';

const SETTINGS: DocumentRef = { kind: 'settings' };

export function CurateSettings({ lang, api }: CurateScreenProps) {
  const headingId = useId();
  const [storage] = useState(pageStorage);
  const { snapshot, loadError, problems, update } = useCurateDraft(api);
  const onSaved = useCallback(
    (ref: DocumentRef, value: DocumentJson, version: string) => update((current) => withDocument(current, ref, value, version)),
    [update],
  );
  const settings = snapshot ? findDocument(snapshot, SETTINGS) : null;

  return (
    <section className="curate-card curate-documents" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {curateText('navSettings', lang)}
      </h2>
      <p className="curate-hint">{curateText('settingsElsewhere', lang)}</p>
      {loadError ? (
        <p className="curate-error" role="alert">
          {curateErrorText(loadError, lang)}
        </p>
      ) : snapshot === null ? (
        <p className="curate-status">{curateText('editorLoading', lang)}</p>
      ) : settings ? (
        // The form keeps its own copy as it is typed: a save's new snapshot does not reset it.
        <CurateDocumentEditor
          lang={lang}
          api={api}
          docRef={SETTINGS}
          value={settings.value}
          version={settings.version}
          schema={exhibitionFileSchema}
          omit={NOT_SETTINGS}
          problems={problems}
          refs={draftRefs(snapshot, lang)}
          storage={storage}
          win={window}
          onSaved={onSaved}
        />
      ) : (
        <p className="curate-error" role="alert">
          {curateErrorText('not-found', lang)}
        </p>
      )}
    </section>
  );
}
