import { invalidate } from '@react-three/fiber';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { useExhibition } from '../store/store.ts';
import { type CorridorMaterials, createCorridorMaterials } from './corridorMaterials.ts';
import { ImageTextureCache } from './imageTextures.ts';
import { exposeImageCache } from './testHooks.ts';

interface SceneResources {
  materials: CorridorMaterials;
  images: ImageTextureCache;
}

const ResourcesContext = createContext<SceneResources | null>(null);

/** Creates the corridor's shared materials and photo cache once, and disposes them on unmount. */
export function SceneResourcesProvider({
  corridorLength,
  corridorWidth,
  children,
}: {
  corridorLength: number;
  corridorWidth: number;
  children: ReactNode;
}) {
  const materials = useMemo(() => createCorridorMaterials(corridorLength, corridorWidth), [corridorLength, corridorWidth]);
  const images = useMemo(
    () =>
      new ImageTextureCache(({ loaded, total }) => {
        useExhibition.getState().texturesProgress(loaded, total);
        invalidate();
      }),
    [],
  );
  useEffect(() => () => materials.dispose(), [materials]);
  useEffect(() => () => images.disposeAll(), [images]);
  useEffect(() => exposeImageCache(images), [images]);
  const value = useMemo(() => ({ materials, images }), [materials, images]);
  return <ResourcesContext.Provider value={value}>{children}</ResourcesContext.Provider>;
}

export function useSceneResources(): SceneResources {
  const resources = useContext(ResourcesContext);
  if (!resources) throw new Error('useSceneResources must be used inside <SceneResourcesProvider>');
  return resources;
}
