/**
 * The corridor's fixed landmarks, all drawn from the content: the entrance arch with the title
 * and theme slogan, a lintel and a header board opening each section, and the far wall with the
 * brigade's motto.
 */
import { Fragment } from 'react';
import { type Lang, localize } from '../content/localize.ts';
import type { Exhibition } from '../content/schema.ts';
import { type CorridorLayout, FAR_WALL_LETTERING } from '../layout/corridor.ts';
import { fitFontSize } from '../layout/textFit.ts';
import { BoardText } from './BoardText.tsx';
import { PALETTE } from './corridorMaterials.ts';
import { useSceneResources } from './SceneResources.tsx';
import { TextBatch } from './TextBatch.tsx';

interface LandmarkProps {
  exhibition: Exhibition;
  layout: CorridorLayout;
  lang: Lang;
}

const LINTEL_HEIGHT = 0.42;

export function EntranceArch({ exhibition, layout, lang }: LandmarkProps) {
  const { materials } = useSceneResources();
  const { width, height } = layout;
  const z = layout.entranceArchZ;
  const beamHeight = 0.95;
  const beamY = height - beamHeight / 2;
  const title = localize(exhibition.title, lang);
  const theme = localize(exhibition.theme, lang);
  const host = localize(exhibition.host, lang);
  const pillarWidth = 0.32;
  return (
    <group name="entrance-arch">
      <mesh geometry={materials.box} material={materials.redPanel} position={[0, beamY, z]} scale={[width, beamHeight, 0.25]} />
      <mesh
        geometry={materials.box}
        material={materials.gold}
        position={[0, height - beamHeight - 0.015, z]}
        scale={[width, 0.03, 0.27]}
      />
      {[-1, 1].map((side) => (
        <group key={side}>
          <mesh
            geometry={materials.box}
            material={materials.redPanel}
            position={[side * (width / 2 - pillarWidth / 2), (height - beamHeight) / 2, z]}
            scale={[pillarWidth, height - beamHeight, 0.3]}
          />
          <mesh
            geometry={materials.box}
            material={materials.gold}
            position={[side * (width / 2 - pillarWidth - 0.008), (height - beamHeight) / 2, z]}
            scale={[0.016, height - beamHeight, 0.3]}
          />
        </group>
      ))}
      <TextBatch>
        <BoardText
          name="entrance-title"
          bold
          position={[0, beamY + 0.2, z + 0.13]}
          anchorX="center"
          anchorY="middle"
          fontSize={fitFontSize(title, width - 0.6, 0.3, 0.14)}
          color={PALETTE.brightGold}
          letterSpacing={lang === 'zh' ? 0.25 : 0}
        >
          {title}
        </BoardText>
        <BoardText
          name="entrance-theme"
          bold
          position={[0, beamY - 0.2, z + 0.13]}
          anchorX="center"
          anchorY="middle"
          fontSize={fitFontSize(theme, width - 0.5, 0.13, 0.06)}
          color={PALETTE.cream}
          letterSpacing={lang === 'zh' ? 0.08 : 0}
        >
          {theme}
        </BoardText>
        <BoardText
          name="entrance-host"
          position={[0, beamY - 0.38, z + 0.13]}
          anchorX="center"
          anchorY="middle"
          fontSize={0.055}
          color={PALETTE.gold}
        >
          {host}
        </BoardText>
      </TextBatch>
    </group>
  );
}

export function SectionMarkers({ exhibition, layout, lang }: LandmarkProps) {
  const { materials } = useSceneResources();
  return (
    <group name="section-markers">
      {layout.sections.map((placement) => {
        const section = exhibition.sections.find((candidate) => candidate.id === placement.sectionId);
        if (!section) return null;
        const title = localize(section.title, lang);
        const subtitle = localize(section.subtitle, lang);
        const intro = localize(section.intro, lang);
        const { header } = placement;
        const left = -header.width / 2 + 0.12;
        const lintelY = layout.height - LINTEL_HEIGHT / 2;
        return (
          <Fragment key={section.id}>
            {/* The lintel across the corridor, its title batched with it (a batch cannot hold another). */}
            <TextBatch>
              <mesh
                geometry={materials.box}
                material={materials.redPanel}
                position={[0, lintelY, placement.lintelZ]}
                scale={[layout.width, LINTEL_HEIGHT, 0.12]}
              />
              <mesh
                geometry={materials.box}
                material={materials.gold}
                position={[0, layout.height - LINTEL_HEIGHT, placement.lintelZ]}
                scale={[layout.width, 0.02, 0.13]}
              />
              <BoardText
                bold
                position={[0, lintelY, placement.lintelZ + 0.065]}
                anchorX="center"
                anchorY="middle"
                fontSize={fitFontSize(title, layout.width - 0.6, 0.17, 0.08)}
                color={PALETTE.brightGold}
              >
                {title}
              </BoardText>
            </TextBatch>
            <TextBatch position={header.position} rotation={[0, header.rotationY, 0]}>
              <BoardText
                bold
                position={[left, header.height / 2 - 0.12, 0.006]}
                fontSize={fitFontSize(title, header.width - 0.24, 0.15, 0.08)}
                color={PALETTE.brightGold}
                maxWidth={header.width - 0.24}
              >
                {title}
              </BoardText>
              {subtitle && (
                <BoardText
                  bold
                  position={[left, header.height / 2 - 0.36, 0.006]}
                  fontSize={0.075}
                  color={PALETTE.cream}
                  maxWidth={header.width - 0.24}
                >
                  {subtitle}
                </BoardText>
              )}
              <mesh
                geometry={materials.plane}
                material={materials.gold}
                position={[0, header.height / 2 - 0.52, 0.004]}
                scale={[header.width - 0.24, 0.008, 1]}
              />
              {intro && (
                <BoardText
                  position={[left, header.height / 2 - 0.6, 0.006]}
                  fontSize={0.062}
                  lineHeight={1.6}
                  color={PALETTE.cream}
                  maxWidth={header.width - 0.24}
                  clipRect={[0, -(header.height - 0.7), header.width, 0.02]}
                >
                  {intro}
                </BoardText>
              )}
            </TextBatch>
          </Fragment>
        );
      })}
    </group>
  );
}

export function FarWall({ exhibition, layout, lang }: LandmarkProps) {
  const { materials } = useSceneResources();
  const motto = localize(exhibition.motto, lang);
  const caption = localize(exhibition.mottoCaption, lang);
  const z = layout.endZ;
  const lettering = FAR_WALL_LETTERING;
  return (
    <group name="far-wall">
      <mesh
        geometry={materials.plane}
        material={materials.redPanel}
        position={[0, layout.height / 2, z]}
        scale={[layout.width, layout.height, 1]}
      />
      <mesh
        geometry={materials.plane}
        material={materials.gold}
        position={[0, layout.height * 0.62, z + 0.003]}
        scale={[layout.width * 0.7, 0.012, 1]}
      />
      <TextBatch>
        {motto && (
          <BoardText
            bold
            position={[0, layout.height * lettering.motto.heightShare, z + 0.01]}
            anchorX="center"
            anchorY="middle"
            fontSize={fitFontSize(
              motto,
              layout.width - 2 * lettering.motto.sideMargin,
              lettering.motto.fontSize,
              lettering.motto.minFontSize,
            )}
            color={PALETTE.brightGold}
            letterSpacing={lang === 'zh' ? lettering.motto.letterSpacingZh : 0}
          >
            {motto}
          </BoardText>
        )}
        {caption && (
          <BoardText
            position={[0, layout.height * lettering.caption.heightShare, z + 0.01]}
            anchorX="center"
            anchorY="middle"
            fontSize={lettering.caption.fontSize}
            color={PALETTE.cream}
          >
            {caption}
          </BoardText>
        )}
        <BoardText
          position={[0, layout.height * lettering.host.heightShare, z + 0.01]}
          anchorX="center"
          anchorY="middle"
          fontSize={lettering.host.fontSize}
          color={PALETTE.gold}
        >
          {localize(exhibition.host, lang)}
        </BoardText>
      </TextBatch>
    </group>
  );
}
