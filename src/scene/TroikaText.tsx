/**
 * troika's text mesh as an R3F element that never suspends: drei's <Text> without its font preload.
 *
 * drei's <Text> suspends until troika has read the font, then React shows what it held back. On
 * the start (SwiftShader, a Chromium trace) that cost two round trips through a busy main thread —
 * the worker's "font read" answer, then React's retry and commit — before a board text asked to be
 * typeset at all: the typesetting worker sat idle 0.2–0.3 s. troika needs no such wait: a text's
 * request is queued in its worker behind the font it names, and the mesh draws nothing until its
 * first typesetting is in, so nothing half-set is shown (a batch stays hidden until every member
 * is in: TextBatch.tsx).
 */
import { type ThreeElement, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useState } from 'react';
import { Text } from 'troika-three-text';

export type TroikaTextProps = Omit<ThreeElement<typeof Text>, 'ref' | 'args' | 'object' | 'children' | 'text'> & {
  text: string;
  /** Called after each typesetting of this text is in. */
  onSync?: (mesh: Text) => void;
};

export function TroikaText({ onSync, ...props }: TroikaTextProps) {
  const invalidate = useThree((state) => state.invalidate);
  const [mesh] = useState(() => new Text());
  // After every render, as drei does: troika typesets again only when a property it uses changed.
  useLayoutEffect(() => {
    mesh.sync(() => {
      invalidate();
      onSync?.(mesh);
    });
  });
  useEffect(() => () => mesh.dispose(), [mesh]);
  return <primitive object={mesh} {...props} />;
}
