/**
 * 讲解路线 (every curator): the guided tours of the projector sessions — each tour's title, the quiz
 * that closes it, and its stops in order, each a panel picked from the corridor's, its talking
 * points and how long to stay — as a form drawn from the tour schema. 新建讲解路线 makes one from
 * the server's template (one stop, at the corridor's first panel); 删除 asks first.
 */
import { useMemo } from 'react';
import { tourSchema } from '../../../content/schema.ts';
import { CurateDocumentList, type DocumentAdding, type DocumentRemoving } from './CurateDocumentList.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';

export function CurateTours({ lang, api }: CurateScreenProps) {
  const adding = useMemo<DocumentAdding>(
    () => ({
      button: 'newTour',
      titleLabel: 'newTourTitle',
      submit: 'createTour',
      done: 'tourCreated',
      create: (title) => api.addTour(title ? { title } : {}),
    }),
    [api],
  );
  const removing = useMemo<DocumentRemoving>(
    () => ({ question: 'deleteTourOf', done: 'tourDeleted', inUse: 'documentInUse', remove: (id) => api.deleteTour(id) }),
    [api],
  );
  return (
    <CurateDocumentList
      lang={lang}
      api={api}
      kind="tour"
      heading="navTours"
      pick="pickTour"
      empty="noTours"
      schema={tourSchema}
      adding={adding}
      removing={removing}
      movable
    />
  );
}
