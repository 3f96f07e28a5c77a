/**
 * A small read-only window into the running scene for the end-to-end tests (and for anyone
 * debugging in the console): where a board appears on screen, how many frames were drawn, what
 * the renderer holds. Tests use it to aim real mouse clicks, never to change state.
 */
import type { RootState } from '@react-three/fiber';
import * as THREE from 'three';
import { boardById } from '../layout/queries.ts';
import { isFullyLoaded, livePose, useExhibition } from '../store/store.ts';
import { deviceQuality, type Quality } from './deviceQuality.ts';
import type { ImageTextureCache, TextureCacheStats } from './imageTextures.ts';

export interface ScreenPoint {
  /** CSS pixels from the canvas's top-left corner of the page. */
  x: number;
  y: number;
  /** Normalised device coordinates; all within −1…1 means the point is on screen. */
  ndc: [number, number, number];
}

/** A rectangle on the page in CSS pixels. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ExhibitTestHooks {
  projectPanel(panelId: string): ScreenPoint | null;
  /** The screen rectangle round a board's face (its four corners projected); null if it is behind the camera. */
  boardRect(panelId: string): ScreenRect | null;
  frames(): number;
  /** Frames requested (invalidated) but not drawn yet: 0 when the canvas is truly at rest. */
  framesPending(): number;
  /** `textBatches`: text batches in the scene, each holding one small data texture (see TextBatch.tsx). */
  memory(): { textures: number; geometries: number; calls: number; triangles: number; textBatches: number };
  /** The board photo cache, and the boards near the visitor (nearest first). */
  photos(): TextureCacheStats & { near: string[] };
  pose(): { position: number[]; yaw: number; pitch: number; moving: boolean };
  /** What this device is asked to draw (pixel ratio range, photo size) and the canvas's actual ratio. */
  quality(): Quality & { pixelRatio: number };
  /** Texts mounted but not yet typeset (a board that came near sets its text in a worker). */
  textsPending(): number;
  /**
   * For the benchmark: draw calls and triangles of one frame seen from where the camera stands,
   * looking along each of `yaws` (radians; 0 looks up the corridor, away from the entrance). Renders
   * with a stand-in camera, then once more with the real one; no state changes.
   */
  drawCallsLooking(yaws: number[]): Array<{ yaw: number; calls: number; triangles: number }>;
  /** The store's discrete state, as plain data. */
  state(): {
    openPanelId: string | null;
    focusPanelId: string | null;
    cameraGoal: unknown;
    lang: string;
    view: string;
    keyboardFocusPanelId: string | null;
    reducedMotion: boolean;
  };
}

declare global {
  interface Window {
    __exhibit?: ExhibitTestHooks;
  }
}

let imageCache: ImageTextureCache | null = null;

/** Lets `photos()` see the scene's photo cache; returns the undo. */
export function exposeImageCache(cache: ImageTextureCache): () => void {
  imageCache = cache;
  return () => {
    if (imageCache === cache) imageCache = null;
  };
}

function countTextBatches(scene: THREE.Object3D): number {
  let count = 0;
  scene.traverse((object) => {
    if ((object as { isTextBatch?: boolean }).isTextBatch) count++;
  });
  return count;
}

/** The performance mark the benchmark reads: every text the visitor can see is typeset. */
export const TEXT_READY_MARK = 'exhibit:text-ready';

export function exposeTestHooks(root: RootState): void {
  const markTextReady = () => {
    if (performance.getEntriesByName(TEXT_READY_MARK).length > 0) return true;
    if (!isFullyLoaded(useExhibition.getState().progress)) return false;
    performance.mark(TEXT_READY_MARK);
    return true;
  };
  if (!markTextReady()) {
    const stop = useExhibition.subscribe(() => {
      if (markTextReady()) stop();
    });
  }
  const point = new THREE.Vector3();
  window.__exhibit = {
    projectPanel(panelId) {
      const { layout } = useExhibition.getState();
      const board = layout ? boardById(layout, panelId) : undefined;
      if (!board) return null;
      // Aim a little below the centre: the centre of the board's face, not its title band.
      point.set(board.position[0], board.position[1] - 0.1, board.position[2]).project(root.camera);
      const rect = root.gl.domElement.getBoundingClientRect();
      return {
        x: rect.left + ((point.x + 1) / 2) * rect.width,
        y: rect.top + ((1 - point.y) / 2) * rect.height,
        ndc: [point.x, point.y, point.z],
      };
    },
    boardRect(panelId) {
      const { layout } = useExhibition.getState();
      const board = layout ? boardById(layout, panelId) : undefined;
      if (!board) return null;
      const canvas = root.gl.domElement.getBoundingClientRect();
      const xs: number[] = [];
      const ys: number[] = [];
      // The face's own x axis, turned by the board's rotation about y.
      const alongX = Math.cos(board.rotationY);
      const alongZ = -Math.sin(board.rotationY);
      for (const sideways of [-0.5, 0.5]) {
        for (const upwards of [-0.5, 0.5]) {
          point
            .set(
              board.position[0] + alongX * sideways * board.width,
              board.position[1] + upwards * board.height,
              board.position[2] + alongZ * sideways * board.width,
            )
            .project(root.camera);
          if (point.z > 1) return null;
          xs.push(canvas.left + ((point.x + 1) / 2) * canvas.width);
          ys.push(canvas.top + ((1 - point.y) / 2) * canvas.height);
        }
      }
      return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    },
    frames: () => root.gl.info.render.frame,
    framesPending: () => root.internal.frames,
    memory: () => ({
      textures: root.gl.info.memory.textures,
      geometries: root.gl.info.memory.geometries,
      calls: root.gl.info.render.calls,
      triangles: root.gl.info.render.triangles,
      textBatches: countTextBatches(root.scene),
    }),
    photos: () => ({
      ...(imageCache?.stats() ?? { held: 0, ready: 0, failed: 0, loading: 0, queued: 0 }),
      near: [...useExhibition.getState().nearBoardIds],
    }),
    pose: () => ({ position: [...livePose.position], yaw: livePose.yaw, pitch: livePose.pitch, moving: livePose.moving }),
    quality: () => ({ ...deviceQuality(), pixelRatio: root.gl.getPixelRatio() }),
    textsPending: () => {
      const { textsTotal, textsReady } = useExhibition.getState().progress;
      return Math.max(0, textsTotal - textsReady);
    },
    drawCallsLooking(yaws) {
      const camera = root.camera.clone() as THREE.PerspectiveCamera;
      camera.rotation.order = 'YXZ';
      const seen = yaws.map((yaw) => {
        camera.rotation.set(0, yaw, 0);
        camera.updateMatrixWorld();
        root.gl.render(root.scene, camera);
        return { yaw, calls: root.gl.info.render.calls, triangles: root.gl.info.render.triangles };
      });
      root.gl.render(root.scene, root.camera);
      return seen;
    },
    state: () => {
      const { openPanelId, focusPanelId, cameraGoal, lang, view, keyboardFocusPanelId, reducedMotion } = useExhibition.getState();
      return JSON.parse(
        JSON.stringify({ openPanelId, focusPanelId, cameraGoal, lang, view, keyboardFocusPanelId, reducedMotion }),
      );
    },
  };
}
