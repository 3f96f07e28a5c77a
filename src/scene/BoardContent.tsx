/**
 * What is printed on one board, laid out by the panel's kind. Coordinates are in the board's own
 * frame: metres, origin at the board's centre, +z out of the face. The frame, face and title band
 * behind this text are drawn for all boards at once by <BoardFixtures>.
 */
import { memo } from 'react';
import { formatDate, type Lang, localize } from '../content/localize.ts';
import type { Panel } from '../content/schema.ts';
import type { BoardPlacement } from '../layout/corridor.ts';
import { fitFontSize } from '../layout/textFit.ts';
import { t } from '../ui/strings.ts';
import { BoardImage } from './BoardImage.tsx';
import { BoardText } from './BoardText.tsx';
import { PALETTE } from './corridorMaterials.ts';
import { useSceneResources } from './SceneResources.tsx';

/** Height of the red title band at the top of every board. */
export const TITLE_BAND_HEIGHT = 0.3;
const PAD = 0.1;
const TEXT_Z = 0.006;

interface BoardContentProps {
  panel: Panel;
  placement: BoardPlacement;
  lang: Lang;
}

export const BoardContent = memo(function BoardContent({ panel, placement, lang }: BoardContentProps) {
  const { materials } = useSceneResources();
  const { width, height } = placement;
  const left = -width / 2 + PAD;
  const bodyTop = height / 2 - TITLE_BAND_HEIGHT - 0.08;
  const bodyBottom = -height / 2 + PAD;
  const image = panel.images[0];
  // With a picture, text takes the left half and the picture the right.
  const textWidth = image ? width * 0.48 - PAD : width - 2 * PAD;
  const summary = localize(panel.summary, lang);
  const title = localize(panel.title, lang);
  /** The first paragraph of the card's text, printed small where the board has room. */
  const lead = localize(panel.body[0], lang);
  const bodyClip: [number, number, number, number] = [0, bodyBottom - bodyTop, textWidth + 0.01, 0.02];

  let body: React.ReactNode;
  switch (panel.kind) {
    case 'milestone': {
      const year = panel.date.slice(0, 4);
      const columnWidth = 0.62;
      body = (
        <>
          <BoardText bold position={[left, bodyTop + 0.02, TEXT_Z]} fontSize={0.24} color={PALETTE.red} letterSpacing={-0.02}>
            {year}
          </BoardText>
          {panel.date.length > 4 && (
            <BoardText
              position={[left + 0.01, bodyTop - 0.28, TEXT_Z]}
              fontSize={0.06}
              color="#6b4a33"
              maxWidth={columnWidth - 0.05}
            >
              {formatDate(panel.date, lang)}
            </BoardText>
          )}
          <BoardText
            position={[left + columnWidth, bodyTop, TEXT_Z]}
            fontSize={0.078}
            lineHeight={1.55}
            maxWidth={width - 2 * PAD - columnWidth}
            color={PALETTE.ink}
            clipRect={[0, -0.38, width, 0.02]}
          >
            {summary}
          </BoardText>
          {lead && (
            <>
              <mesh
                position={[0, bodyTop - 0.43, TEXT_Z - 0.002]}
                scale={[width - 2 * PAD, 0.004, 1]}
                geometry={materials.plane}
                material={materials.gold}
              />
              <BoardText
                position={[left, bodyTop - 0.48, TEXT_Z]}
                fontSize={0.05}
                lineHeight={1.6}
                maxWidth={width - 2 * PAD}
                color="#4a3628"
                clipRect={[0, bodyBottom - bodyTop + 0.48, width, 0.02]}
              >
                {lead}
              </BoardText>
            </>
          )}
        </>
      );
      break;
    }
    case 'member': {
      const names = panel.people.map((person) => localize(person.name, lang)).join(lang === 'zh' ? '  ·  ' : ' · ');
      const roles = [...new Set(panel.people.map((person) => localize(person.role, lang)))].join(' / ');
      const honours = [...new Set(panel.people.flatMap((person) => person.honours.map((honour) => localize(honour, lang))))];
      body = (
        <>
          <BoardText bold position={[left, bodyTop + 0.01, TEXT_Z]} fontSize={0.12} color={PALETTE.red} maxWidth={textWidth}>
            {names}
          </BoardText>
          <BoardText position={[left, bodyTop - 0.17, TEXT_Z]} fontSize={0.058} color="#5a4636" maxWidth={textWidth}>
            {roles}
          </BoardText>
          {honours.length > 0 && (
            <BoardText bold position={[left, bodyTop - 0.27, TEXT_Z]} fontSize={0.058} color="#a0741f" maxWidth={textWidth}>
              {honours.map((honour) => `★ ${honour}`).join('   ')}
            </BoardText>
          )}
          <BoardText
            position={[left, bodyTop - (honours.length > 0 ? 0.4 : 0.3), TEXT_Z]}
            fontSize={0.066}
            lineHeight={1.55}
            maxWidth={textWidth}
            color={PALETTE.ink}
            clipRect={[0, bodyBottom - bodyTop + 0.4, textWidth + 0.01, 0.02]}
          >
            {summary}
          </BoardText>
        </>
      );
      break;
    }
    case 'stats': {
      const columns = 4;
      const cellWidth = (width - 2 * PAD) / columns;
      const headerText = panel.since ? `${t('since', lang)} ${formatDate(panel.since, lang)}` : summary;
      body = (
        <>
          <BoardText position={[left, bodyTop + 0.03, TEXT_Z]} fontSize={0.055} color="#6b4a33" maxWidth={width - 2 * PAD}>
            {headerText}
          </BoardText>
          {panel.stats.slice(0, 8).map((stat, index) => {
            const column = index % columns;
            const row = Math.floor(index / columns);
            const x = left + column * cellWidth;
            const y = bodyTop - 0.1 - row * 0.4;
            const unit = localize(stat.unit, lang);
            return (
              <group key={`${index}-${stat.value}`}>
                <BoardText bold position={[x, y, TEXT_Z]} fontSize={0.15} color={PALETTE.red}>
                  {`${stat.value}${unit && lang === 'zh' ? unit : ''}`}
                </BoardText>
                <BoardText
                  position={[x, y - 0.19, TEXT_Z]}
                  fontSize={0.047}
                  lineHeight={1.3}
                  maxWidth={cellWidth - 0.06}
                  color={PALETTE.ink}
                >
                  {lang === 'zh' || !unit ? localize(stat.label, lang) : `${unit} · ${localize(stat.label, lang)}`}
                </BoardText>
              </group>
            );
          })}
        </>
      );
      break;
    }
    case 'board': {
      const points = panel.points.map((point) => `· ${localize(point, lang)}`).join('\n');
      body = (
        <BoardText
          position={[left, bodyTop, TEXT_Z]}
          fontSize={0.062}
          lineHeight={1.6}
          maxWidth={textWidth}
          color={PALETTE.ink}
          clipRect={bodyClip}
        >
          {points || summary}
        </BoardText>
      );
      break;
    }
    case 'to-fill': {
      body = (
        <>
          <BoardText bold position={[0, bodyTop - 0.02, TEXT_Z]} anchorX="center" fontSize={0.1} color={PALETTE.red}>
            {`【${t('toFill', lang)}】`}
          </BoardText>
          <BoardText
            position={[0, bodyTop - 0.22, TEXT_Z]}
            anchorX="center"
            textAlign="center"
            fontSize={0.066}
            lineHeight={1.55}
            maxWidth={width - 4 * PAD}
            color="#5a4636"
            clipRect={[-width / 2, bodyBottom - bodyTop + 0.22, width / 2, 0.02]}
          >
            {localize(panel.note, lang)}
          </BoardText>
        </>
      );
      break;
    }
    default: {
      // 'event': a date line, then the summary.
      const date = panel.date ? formatDate(panel.date, lang) : '';
      body = (
        <>
          {date && (
            <BoardText bold position={[left, bodyTop + 0.02, TEXT_Z]} fontSize={0.07} color={PALETTE.red}>
              {date}
            </BoardText>
          )}
          <BoardText
            position={[left, bodyTop - (date ? 0.14 : 0), TEXT_Z]}
            fontSize={0.07}
            lineHeight={1.55}
            maxWidth={textWidth}
            color={PALETTE.ink}
            clipRect={[0, bodyBottom - bodyTop + (date ? 0.14 : 0), textWidth + 0.01, 0.02]}
          >
            {summary}
          </BoardText>
        </>
      );
    }
  }

  return (
    <group position={placement.position} rotation={[0, placement.rotationY, 0]}>
      <BoardText
        bold
        position={[left, height / 2 - TITLE_BAND_HEIGHT / 2, TEXT_Z]}
        anchorY="middle"
        fontSize={fitFontSize(title, width - 2 * PAD, 0.1, 0.062)}
        lineHeight={1.15}
        maxWidth={width - 2 * PAD}
        color={PALETTE.brightGold}
        clipRect={[0, -TITLE_BAND_HEIGHT / 2, width - 2 * PAD, TITLE_BAND_HEIGHT / 2]}
      >
        {title}
      </BoardText>
      {body}
      {image && panel.kind !== 'stats' && panel.kind !== 'to-fill' && (
        <BoardImage
          image={image}
          position={[width / 4 + 0.02, (bodyTop + bodyBottom) / 2, 0.004]}
          maxWidth={width / 2 - PAD - 0.04}
          maxHeight={bodyTop - bodyBottom + 0.04}
          lang={lang}
        />
      )}
    </group>
  );
});
