import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ColorRepresentation } from 'three';
import type { Text } from 'troika-three-text';
import { useExhibition } from '../store/store.ts';
import { deviceQuality } from './deviceQuality.ts';
import { boardFontFor } from './fonts.ts';
import { batchedTextColor, useInTextBatch } from './TextBatch.tsx';
import { TroikaText, type TroikaTextProps } from './TroikaText.tsx';

export type BoardTextProps = Omit<TroikaTextProps, 'font' | 'text'> & {
  children: string;
  bold?: boolean;
};

/**
 * Where troika draws the glyphs' distance fields (in a worker on a CPU rasteriser) and at what
 * size (scene/deviceQuality.ts says why). Every board's text shares one atlas per size, so all of
 * them take the same size.
 */
const glyphFields = () => ({ gpuAccelerateSDF: deviceQuality().textSdfOnGpu, sdfGlyphSize: deviceQuality().textSdfSize });

/**
 * Text on a board: our shipped font, CJK-aware wrapping, and a report to the loading screen the
 * first time it is typeset (troika works in a worker, so text appears a moment after the board).
 */
export function BoardText({ children, bold = false, onSync, color, ...props }: BoardTextProps) {
  const reported = useRef(false);
  const boardBold = useExhibition((state) => state.fontMetrics?.boardBold);
  const font = useMemo(() => boardFontFor(children, bold, boardBold), [children, bold, boardBold]);
  const inBatch = useInTextBatch();
  const shownColor = useMemo(
    () => (inBatch && color !== undefined ? batchedTextColor(color as ColorRepresentation) : color),
    [inBatch, color],
  );
  useEffect(() => {
    useExhibition.getState().textRegistered();
    return () => {
      // Removed before it was ever typeset: count it as done so loading can finish.
      if (!reported.current) useExhibition.getState().textReady();
    };
  }, []);
  const handleSync = useCallback(
    (mesh: Text) => {
      if (!reported.current) {
        reported.current = true;
        useExhibition.getState().textReady();
      }
      onSync?.(mesh);
    },
    [onSync],
  );
  return (
    <TroikaText
      font={font}
      text={children}
      // troika only breaks CJK runs (which have no spaces) with break-word.
      overflowWrap="break-word"
      anchorX="left"
      anchorY="top"
      {...glyphFields()}
      onSync={handleSync}
      color={shownColor}
      {...props}
    />
  );
}
