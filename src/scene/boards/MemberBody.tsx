import { localize } from '../../content/localize.ts';
import { MEMBER_BODY as AT, TEXT_Z } from '../../layout/boardBodies.ts';
import { BoardText } from '../BoardText.tsx';
import { PALETTE } from '../corridorMaterials.ts';
import { FittedText } from './FittedText.tsx';
import type { BoardBodyProps } from './types.ts';

/** A member (or members): the names in red, their roles, their honours with stars, then the summary. */
export function MemberBody({ panel, lang, plan, left, bodyTop, summary }: BoardBodyProps<'member'>) {
  const names = panel.people.map((person) => localize(person.name, lang)).join(lang === 'zh' ? '  ·  ' : ' · ');
  const roles = [...new Set(panel.people.map((person) => localize(person.role, lang)))].join(' / ');
  const honours = [...new Set(panel.people.flatMap((person) => person.honours.map((honour) => localize(honour, lang))))];
  return (
    <>
      <BoardText
        bold
        position={[left, bodyTop + AT.namesRise, TEXT_Z]}
        fontSize={AT.namesSize}
        color={PALETTE.red}
        maxWidth={plan.textWidth}
      >
        {names}
      </BoardText>
      <BoardText
        position={[left, bodyTop - AT.rolesDrop, TEXT_Z]}
        fontSize={AT.rolesSize}
        color="#5a4636"
        maxWidth={plan.textWidth}
      >
        {roles}
      </BoardText>
      {honours.length > 0 && (
        <BoardText
          bold
          position={[left, bodyTop - AT.honoursDrop, TEXT_Z]}
          fontSize={AT.honoursSize}
          color="#a0741f"
          maxWidth={plan.textWidth}
        >
          {honours.map((honour) => `★ ${honour}`).join('   ')}
        </BoardText>
      )}
      <FittedText text={summary} box={plan.summary} position={[left, bodyTop - plan.summaryOffset, TEXT_Z]} color={PALETTE.ink} />
    </>
  );
}
