import { useMemo } from 'react';
import { fitBox, type TextBox } from '../../layout/boardText.ts';
import { type Advance, advanceOf } from '../../layout/lineBreak.ts';
import { useExhibition } from '../../store/store.ts';
import { BoardText, type BoardTextProps } from '../BoardText.tsx';

export type FittedTextProps = Omit<BoardTextProps, 'children' | 'fontSize' | 'maxWidth'> & { text: string; box: TextBox };

/** Running text set into its box: broken by our line-breaker, shrunk a little or cut with "…". */
export function FittedText({ text, box, bold, ...props }: FittedTextProps) {
  const metrics = useExhibition((state) => state.fontMetrics);
  const advance: Advance = useMemo(() => advanceOf(metrics, box.bold || Boolean(bold)), [metrics, box.bold, bold]);
  const fitted = useMemo(() => fitBox(text, box, advance), [text, box, advance]);
  return (
    <BoardText bold={box.bold || bold} fontSize={fitted.fontSize} lineHeight={box.lineHeight} whiteSpace="nowrap" {...props}>
      {fitted.lines.join('\n')}
    </BoardText>
  );
}
