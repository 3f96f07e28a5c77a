import { localize } from '../../content/localize.ts';
import { TEXT_Z } from '../../layout/boardBodies.ts';
import { PALETTE } from '../corridorMaterials.ts';
import { FittedText } from './FittedText.tsx';
import type { BoardBodyProps } from './types.ts';

/** A board of points (the brigade's work): one line a point, or the summary where it has none. */
export function ListBody({ panel, lang, plan, left, bodyTop, summary }: BoardBodyProps<'board'>) {
  const points = panel.points.map((point) => `· ${localize(point, lang)}`).join('\n');
  return (
    <FittedText text={points || summary} box={plan.list ?? plan.summary} position={[left, bodyTop, TEXT_Z]} color={PALETTE.ink} />
  );
}
