import { invalidate } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import * as THREE from 'three';
import { type Lang, localize } from '../content/localize.ts';
import { boardTextureUrls, photoAspect } from '../content/photoManifest.ts';
import type { ImageInfo } from '../content/schema.ts';
import { t } from '../i18n/strings.ts';
import { croppedAspect, cropUvs } from '../layout/imageCrop.ts';
import { useExhibition } from '../store/store.ts';
import { BoardText } from './BoardText.tsx';
import { deviceQuality } from './deviceQuality.ts';
import type { TextureState } from './imageTextures.ts';
import { useSceneResources } from './SceneResources.tsx';

export interface BoardImageProps {
  /** The board's panel: its photo is loaded only while the board is near the visitor. */
  panelId: string;
  image: ImageInfo;
  /** Centre of the picture area on the board, in the board's own frame. */
  position: [number, number, number];
  /** The largest the picture may be; it keeps its aspect inside this box. */
  maxWidth: number;
  maxHeight: number;
  lang: Lang;
}

export function assetUrl(src: string): string {
  return `${import.meta.env.BASE_URL}${src}`;
}

/** Fits an image of the given aspect inside a box, keeping its aspect. */
export function containSize(aspect: number, maxWidth: number, maxHeight: number): [number, number] {
  return aspect > maxWidth / maxHeight ? [maxWidth, maxWidth / aspect] : [maxHeight * aspect, maxHeight];
}

/**
 * The unit plane for a photo's crop: its own copy with the crop's texture coordinates, so the
 * shared photo texture (other boards may show all of it) is never changed. The shared plane
 * when the photo shows whole.
 */
function useCroppedPlane(crop: ImageInfo['crop'], plane: THREE.PlaneGeometry): THREE.BufferGeometry {
  // By the crop's numbers: a new object with the same numbers (each render of the content) keeps the geometry.
  const [x, y, width, height] = crop ? [crop.x, crop.y, crop.width, crop.height] : [0, 0, 0, 0];
  const geometry = useMemo(() => {
    if (width === 0 || height === 0) return plane;
    const copy = plane.clone();
    copy.setAttribute('uv', new THREE.Float32BufferAttribute(cropUvs({ x, y, width, height }), 2));
    return copy;
  }, [x, y, width, height, plane]);
  useEffect(
    () => () => {
      if (geometry !== plane) geometry.dispose();
    },
    [geometry, plane],
  );
  return geometry;
}

/** 'idle': the board is far from the visitor (or the photo manifest is still on its way), so it holds no texture. */
type BoardImageState = TextureState | { status: 'idle' };

/**
 * A photo on a board with its caption; a stand-in names the file when the photo is missing.
 * The texture is held only while the board is near the visitor (`nearBoardIds`); far away the
 * board shows a plain stand-in of the photo's shape, and the texture is released (disposed once
 * no board uses it).
 */
export function BoardImage({ panelId, image, position, maxWidth, maxHeight, lang }: BoardImageProps) {
  const { materials, images } = useSceneResources();
  const near = useExhibition((state) => state.nearBoardIds.includes(panelId));
  const photos = useExhibition((state) => state.photos);
  // A phone takes smaller photos (scene/deviceQuality.ts).
  const urls = useMemo(
    () => boardTextureUrls(photos.manifest, image.src, deviceQuality().boardTextureMaxSide).map(assetUrl),
    [photos.manifest, image.src],
  );
  /** What this board should hold now; '' for nothing. A state for another key is stale. */
  const wanted = near && photos.ready ? urls.join('\n') : '';
  const [held, setHeld] = useState<{ key: string; state: BoardImageState }>({ key: '', state: { status: 'idle' } });
  useEffect(() => {
    if (wanted === '') return;
    setHeld({ key: wanted, state: { status: 'loading' } });
    // Nearest boards first: the order of `nearBoardIds` as the board comes near.
    const priority = useExhibition.getState().nearBoardIds.indexOf(panelId);
    const release = images.acquire(
      wanted.split('\n'),
      (next) => {
        setHeld({ key: wanted, state: next });
        invalidate();
      },
      priority,
    );
    return () => {
      release();
      // Forget the released texture, so coming near again never shows it disposed.
      setHeld((current) => (current.key === wanted ? { key: '', state: { status: 'idle' } } : current));
      invalidate();
    };
  }, [images, wanted, panelId]);
  // Rendered from `wanted`, so the frame that drops a board's texture is committed before the
  // texture is disposed: a disposed texture drawn again would be uploaded again, and leak.
  const state: BoardImageState = held.key === wanted && wanted !== '' ? held.state : { status: 'idle' };

  const captionHeight = 0.09;
  const pictureMaxHeight = maxHeight - captionHeight;
  const texture: THREE.Texture | null = state.status === 'ready' ? state.texture : null;
  const source = texture?.image as { width?: number; height?: number } | undefined;
  const aspect = croppedAspect(
    photoAspect(photos.manifest, image.src) ?? (source?.width && source.height ? source.width / source.height : 3 / 2),
    image.crop,
  );
  const cropped = useCroppedPlane(image.crop, materials.plane);
  const [width, height] = containSize(aspect, maxWidth, pictureMaxHeight);
  const [x, y, z] = position;
  const pictureY = y + captionHeight / 2;
  const caption = localize(image.caption, lang);

  // A fragment, not a group: the board's text batch takes the texts here as direct children.
  return (
    <>
      {texture ? (
        // Keys make React replace the mesh: reusing it would reset `material` after the photo's was attached.
        <mesh key="photo" position={[x, pictureY, z]} scale={[width, height, 1]} geometry={cropped}>
          <meshBasicMaterial map={texture} toneMapped={false} />
        </mesh>
      ) : (
        <mesh
          key="stand-in"
          position={[x, pictureY, z]}
          scale={[width, height, 1]}
          geometry={materials.plane}
          material={materials.imageMissing}
        />
      )}
      {state.status === 'failed' && (
        <BoardText
          position={[x - width / 2 + 0.04, pictureY + 0.05, z + 0.002]}
          fontSize={0.045}
          maxWidth={width - 0.08}
          color="#7a1a1a"
        >
          {`${t('imageMissing', lang)}\n${image.src}`}
        </BoardText>
      )}
      {state.status === 'ready' && image.placeholder && (
        <BoardText position={[x, pictureY - height / 2 + 0.09, z + 0.002]} fontSize={0.05} anchorX="center" color="#f3d48a">
          {t('photoPending', lang)}
        </BoardText>
      )}
      <BoardText
        position={[x - width / 2, pictureY - height / 2 - 0.015, z]}
        fontSize={0.045}
        maxWidth={maxWidth}
        color="#5a4636"
      >
        {caption}
      </BoardText>
    </>
  );
}
