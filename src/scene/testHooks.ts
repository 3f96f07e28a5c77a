/**
 * A small read-only window into the running scene for the end-to-end tests (and for anyone
 * debugging in the console): where a board appears on screen, how many frames were drawn, what
 * the renderer holds. Tests use it to aim real mouse clicks, never to change state.
 */
import type { RootState } from '@react-three/fiber';
import * as THREE from 'three';
import { boardById } from '../layout/queries.ts';
import { livePose } from '../store/live.ts';
import { isFullyLoaded } from '../store/progress.ts';
import { useExhibition } from '../store/store.ts';
import { deviceQuality, type Quality } from './deviceQuality.ts';
import type { ImageTextureCache, TextureCacheStats } from './imageTextures.ts';
import { drawnPixelRatio } from './reducedResolutionRender.ts';
import { TextBatchMesh } from './TextBatch.tsx';
import { leastWalkPixelRatio } from './walkResolution.ts';

/** A rectangle on the page, CSS pixels. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ScreenPoint {
  /** CSS pixels from the canvas's top-left corner of the page. */
  x: number;
  y: number;
  /** Normalised device coordinates; all within −1…1 means the point is on screen. */
  ndc: [number, number, number];
}

export interface ExhibitTestHooks {
  projectPanel(panelId: string): ScreenPoint | null;
  /** The screen rectangle round a board's face (its four corners projected); null if it is behind the camera. */
  boardRect(panelId: string): ScreenRect | null;
  /**
   * Where a named 3D text (e.g. the entrance arch's `entrance-title`) shows on the page: the
   * rectangle around its typeset glyphs, or null when it is not typeset or not in front of the
   * camera. May reach beyond the canvas; compare it with the canvas to tell whether it is seen.
   */
  textRect(name: string): ScreenRect | null;
  /** Where a point of the corridor (x, y, z in metres) appears on screen. */
  projectPoint(point: [number, number, number]): ScreenPoint;
  frames(): number;
  /** Frames requested (invalidated) but not drawn yet: 0 when the canvas is truly at rest. */
  framesPending(): number;
  /** `textBatches`: text batches in the scene, each holding one small data texture (see TextBatch.tsx). */
  memory(): { textures: number; geometries: number; calls: number; triangles: number; textBatches: number };
  /** The board photo cache, and the boards near the visitor (nearest first). */
  photos(): TextureCacheStats & { near: string[] };
  pose(): { position: number[]; yaw: number; pitch: number; moving: boolean };
  /**
   * What this device is asked to draw (pixel ratio range, photo size), the canvas's actual ratio
   * (lower while walking on a slow device), its full one and the least a walk may draw at.
   */
  quality(): Quality & { pixelRatio: number; fullPixelRatio: number; leastWalkPixelRatio: number };
  /** Texts mounted but not yet typeset (a board that came near sets its text in a worker). */
  textsPending(): number;
  /**
   * For the benchmark: draw calls and triangles of one frame seen from where the camera stands,
   * looking along each of `yaws` (radians; 0 looks up the corridor, away from the entrance). Renders
   * with a stand-in camera, then once more with the real one; no state changes.
   */
  drawCallsLooking(yaws: number[]): Array<{ yaw: number; calls: number; triangles: number }>;
  /**
   * Every text printed on a board, as troika typeset it: the string, its font size (metres) and,
   * once typeset, its `textRenderInfo`'s glyph quads and caret cells (in the text's own frame).
   */
  boardTexts(panelId: string): BoardTextLayout[];
  /** The store's discrete state, as plain data. */
  state(): {
    openPanelId: string | null;
    focusPanelId: string | null;
    cameraGoal: unknown;
    lang: string;
    view: string;
    keyboardFocusPanelId: string | null;
    reducedMotion: boolean;
    /** The quiz screen and its attempt (null: no attempt), so a test can tell the question on screen. */
    quiz: {
      screen: 'list' | 'quiz' | null;
      status: string;
      quizId: string | null;
      round: number;
      attempt: { phase: string; index: number; questionId: string | null; seed: number } | null;
    };
  };
}

export interface BoardTextLayout {
  text: string;
  fontSize: number;
  /** Per drawn glyph (whitespace draws none): [minX, minY, maxX, maxY] of its quad, ink plus SDF margin. */
  glyphBounds: number[];
  glyphAtlasIndices: number[];
  /** Per character: [startX, endX, bottomY, topY]. */
  caretPositions: number[];
  typeset: boolean;
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

function boardTexts(scene: THREE.Object3D, panelId: string): BoardTextLayout[] {
  let board: THREE.Object3D | undefined;
  scene.traverse((object) => {
    if (object.userData.panelId === panelId) board = object;
  });
  const texts: BoardTextLayout[] = [];
  board?.traverse((object) => {
    if (!(object instanceof TextBatchMesh)) return;
    for (const text of object.texts) {
      const info = text.textRenderInfo;
      texts.push({
        text: text.text,
        fontSize: text.fontSize,
        glyphBounds: Array.from(info?.glyphBounds ?? []),
        glyphAtlasIndices: Array.from(info?.glyphAtlasIndices ?? []),
        caretPositions: Array.from(info?.caretPositions ?? []),
        typeset: info !== null,
      });
    }
  });
  return texts;
}

/**
 * The scene's texts called `name`, with the matrix that takes their geometry to world space. A
 * text in a batch is no child of anything (the batch draws it): its matrix is the batch's frame.
 */
function namedTexts(scene: THREE.Object3D, name: string): Array<{ text: THREE.Mesh; toWorld: THREE.Matrix4 }> {
  const found: Array<{ text: THREE.Mesh; toWorld: THREE.Matrix4 }> = [];
  scene.traverse((object) => {
    if ((object as { isTextBatch?: boolean }).isTextBatch) {
      // troika's BatchedText keeps its members in `_members` (not part of its typed API).
      const members = (object as unknown as { _members?: Map<THREE.Mesh, unknown> })._members;
      for (const text of members?.keys() ?? []) {
        if (text.name === name)
          found.push({ text, toWorld: new THREE.Matrix4().multiplyMatrices(object.matrixWorld, text.matrix) });
      }
    } else if (object.name === name && (object as THREE.Mesh).isMesh) {
      found.push({ text: object as THREE.Mesh, toWorld: object.matrixWorld });
    }
  });
  return found;
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
  const project = (x: number, y: number, z: number): ScreenPoint => {
    point.set(x, y, z).project(root.camera);
    const rect = root.gl.domElement.getBoundingClientRect();
    return {
      x: rect.left + ((point.x + 1) / 2) * rect.width,
      y: rect.top + ((1 - point.y) / 2) * rect.height,
      ndc: [point.x, point.y, point.z],
    };
  };
  window.__exhibit = {
    projectPanel(panelId) {
      const { layout } = useExhibition.getState();
      const board = layout ? boardById(layout, panelId) : undefined;
      if (!board) return null;
      // Aim a little below the centre: the centre of the board's face, not its title band.
      return project(board.position[0], board.position[1] - 0.1, board.position[2]);
    },
    boardRect(panelId) {
      const { layout } = useExhibition.getState();
      const board = layout ? boardById(layout, panelId) : undefined;
      if (!board) return null;
      const rect = root.gl.domElement.getBoundingClientRect();
      const across = new THREE.Vector3(Math.cos(board.rotationY), 0, -Math.sin(board.rotationY));
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [u, v] of [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, 1],
      ] as const) {
        point
          .set(...board.position)
          .addScaledVector(across, (u * board.width) / 2)
          .add(new THREE.Vector3(0, (v * board.height) / 2, 0))
          .project(root.camera);
        if (point.z > 1 || point.z < -1) return null;
        xs.push(rect.left + ((point.x + 1) / 2) * rect.width);
        ys.push(rect.top + ((1 - point.y) / 2) * rect.height);
      }
      return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    },
    textRect(name) {
      const rect = root.gl.domElement.getBoundingClientRect();
      const camera = root.camera;
      camera.updateMatrixWorld();
      let box: ScreenRect | null = null;
      for (const { text, toWorld } of namedTexts(root.scene, name)) {
        const bounds = text.geometry.boundingBox;
        if (!bounds || bounds.isEmpty()) continue;
        for (let corner = 0; corner < 8; corner++) {
          point
            .set(
              corner & 1 ? bounds.max.x : bounds.min.x,
              corner & 2 ? bounds.max.y : bounds.min.y,
              corner & 4 ? bounds.max.z : bounds.min.z,
            )
            .applyMatrix4(toWorld);
          // Behind the camera a corner would project mirrored: only corners in front count.
          if (point.clone().applyMatrix4(camera.matrixWorldInverse).z >= 0) continue;
          point.project(camera);
          const x = rect.left + ((point.x + 1) / 2) * rect.width;
          const y = rect.top + ((1 - point.y) / 2) * rect.height;
          box = box
            ? {
                left: Math.min(box.left, x),
                top: Math.min(box.top, y),
                right: Math.max(box.right, x),
                bottom: Math.max(box.bottom, y),
              }
            : { left: x, top: y, right: x, bottom: y };
        }
      }
      return box;
    },
    projectPoint: ([x, y, z]) => project(x, y, z),
    frames: () => root.gl.info.render.frame,
    // Read through the store: the `internal` of the state handed to onCreated is replaced when the
    // canvas goes live, so the one captured here would always say 0.
    framesPending: () => root.get().internal.frames,
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
    quality: () => {
      const { viewport, size } = root.get();
      return {
        ...deviceQuality(),
        pixelRatio: drawnPixelRatio(root.gl),
        fullPixelRatio: viewport.dpr,
        leastWalkPixelRatio: leastWalkPixelRatio(viewport.dpr, size.width, size.height),
      };
    },
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
    boardTexts: (panelId) => boardTexts(root.scene, panelId),
    state: () => {
      const { openPanelId, focusPanelId, cameraGoal, lang, view, keyboardFocusPanelId, reducedMotion } = useExhibition.getState();
      const { quizScreen, quizStatus, openQuizId, quizRound, quizAttempt } = useExhibition.getState();
      const quiz = {
        screen: quizScreen,
        status: quizStatus,
        quizId: openQuizId,
        round: quizRound,
        attempt: quizAttempt && {
          phase: quizAttempt.phase,
          index: quizAttempt.index,
          questionId: quizAttempt.quiz.questions[quizAttempt.index]?.id ?? null,
          seed: quizAttempt.seed,
        },
      };
      return JSON.parse(
        JSON.stringify({ openPanelId, focusPanelId, cameraGoal, lang, view, keyboardFocusPanelId, reducedMotion, quiz }),
      );
    },
  };
}
