/**
 * A stand-in for the board texts' troika mesh (src/scene/TroikaText.tsx) in the scene tests. The
 * real one is typeset in troika's worker, which never runs in the test renderer. This one draws an empty mesh
 * that carries its string (`userData.text`, name `text:<string>`) and size (`userData.fontSize`), and reports "typeset" through
 * `onSync` like troika does: at once, or only when the test calls `textSync.flush()`.
 */
import { type Ref, useEffect } from 'react';
import type * as THREE from 'three';

type Sync = () => void;

export const textSync = {
  /** True: every text reports itself typeset as soon as it mounts or its string changes. */
  auto: true,
  pending: new Set<Sync>(),
  /** Typesets every text waiting for it; returns how many there were. */
  flush(): number {
    const waiting = [...this.pending];
    this.pending.clear();
    for (const sync of waiting) sync();
    return waiting.length;
  },
  reset(): void {
    this.auto = true;
    this.pending.clear();
  },
};

export interface MockTextProps {
  text: string;
  font?: string;
  fontSize?: number;
  position?: [number, number, number];
  onSync?: (troikaMesh: unknown) => void;
  ref?: Ref<THREE.Mesh>;
}

export function MockText({ text, font, fontSize, position, onSync, ref }: MockTextProps) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: like troika, a new string is typeset (and reported) again.
  useEffect(() => {
    if (!onSync) return;
    const sync: Sync = () => onSync({});
    if (textSync.auto) {
      sync();
      return;
    }
    textSync.pending.add(sync);
    return () => {
      textSync.pending.delete(sync);
    };
  }, [text, onSync]);
  return <mesh ref={ref} name={`text:${text}`} position={position} userData={{ text, font, fontSize }} />;
}
