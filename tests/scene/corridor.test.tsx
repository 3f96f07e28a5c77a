// @vitest-environment jsdom
/**
 * The corridor scene, rendered from the shipped content in @react-three/test-renderer: what is on
 * the walls, where it hangs, what clicks do, and that the shared GPU resources are released.
 * troika's text mesh (TroikaText) is replaced by `MockText` (the real one is typeset in troika's worker).
 */
import ReactThreeTestRenderer, { type ReactThreeTest } from '@react-three/test-renderer';
import * as THREE from 'three';
import { afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { boardBoldStrings, collectContentStrings, fontCharacters } from '../../src/build/characters.ts';
import { fontMetricsFor } from '../../src/build/fonts.ts';
import { allPanels, loadExhibition, type ReadContentFile } from '../../src/content/load.ts';
import { type Lang, localize } from '../../src/content/localize.ts';
import type { Exhibition, Panel } from '../../src/content/schema.ts';
import { t } from '../../src/i18n/strings.ts';
import { CLICK_TOLERANCE_PX, canvasPresses, TAP_TOLERANCE_PX } from '../../src/input/tapTolerance.ts';
import { TITLE_BAND_HEIGHT } from '../../src/layout/boardText.ts';
import { type CorridorLayout, DEFAULT_DIMENSIONS, layoutCorridor } from '../../src/layout/corridor.ts';
import { Corridor, type CorridorProps } from '../../src/scene/Corridor.tsx';
import type { CorridorMaterials } from '../../src/scene/corridorMaterials.ts';
import { FONT_BOLD } from '../../src/scene/fonts.ts';
import { TextBatchMesh } from '../../src/scene/TextBatch.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { readShippedFile } from '../support/shippedContent.ts';
import { textSync } from './mockText.tsx';

vi.mock('../../src/scene/TroikaText.tsx', async () => ({ TroikaText: (await import('./mockText.tsx')).MockText }));

/** Every set of shared materials the scene creates, in order, so the tests can watch them. */
const created = vi.hoisted(() => ({ sets: [] as CorridorMaterials[] }));
vi.mock('../../src/scene/corridorMaterials.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/scene/corridorMaterials.ts')>();
  return {
    ...actual,
    createCorridorMaterials(...args: Parameters<typeof actual.createCorridorMaterials>) {
      const set = actual.createCorridorMaterials(...args);
      created.sets.push(set);
      return set;
    },
  };
});

// React only flushes effects inside act() when told the environment is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Renderer = ReactThreeTest.Renderer;
type TestInstance = ReactThreeTest.ReactThreeTestInstance;

let exhibition: Exhibition;
let layout: CorridorLayout;
let panels: Panel[];

beforeAll(async () => {
  const result = await loadExhibition(readShippedFile);
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  if (!result.exhibition) throw new Error('assets/content/exhibition.json did not load');
  exhibition = result.exhibition;
  layout = layoutCorridor(exhibition);
  panels = allPanels(exhibition);
  expect(panels.length).toBeGreaterThan(1);
  expect(layout.boards).toHaveLength(panels.length);
});

// Any console error (a React warning, a failed effect) fails the test.
let consoleErrors: MockInstance<typeof console.error>;
const mounted: Renderer[] = [];

beforeEach(() => {
  created.sets.length = 0;
  textSync.reset();
  useExhibition.setState({
    progress: { ...useExhibition.getState().progress, textsReady: 0, textsTotal: 0, texturesLoaded: 0, texturesTotal: 0 },
    textBoardIds: null,
  });
  consoleErrors = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  for (const renderer of mounted.splice(0)) await renderer.unmount();
  const unexpected = consoleErrors.mock.calls.map((args) => args.map(String).join(' '));
  vi.restoreAllMocks();
  expect(unexpected).toEqual([]);
});

interface Rendered {
  renderer: Renderer;
  onOpenPanel: ReturnType<typeof vi.fn<(panelId: string) => void>>;
  onWalkTo: ReturnType<typeof vi.fn<(x: number, z: number) => void>>;
  /** Renders the same corridor again with some props changed. */
  rerender(changes: Partial<CorridorProps>): Promise<void>;
}

async function renderCorridor(changes: Partial<CorridorProps> = {}): Promise<Rendered> {
  const onOpenPanel = vi.fn<(panelId: string) => void>();
  const onWalkTo = vi.fn<(x: number, z: number) => void>();
  let props: CorridorProps = { exhibition, layout, lang: 'zh', onOpenPanel, onWalkTo, ...changes };
  const renderer = await ReactThreeTestRenderer.create(<Corridor {...props} />);
  mounted.push(renderer);
  return {
    renderer,
    onOpenPanel,
    onWalkTo,
    async rerender(next) {
      props = { ...props, ...next };
      await renderer.update(<Corridor {...props} />);
    },
  };
}

const byName = (renderer: Renderer, name: string): TestInstance => renderer.scene.find((node) => node.instance.name === name);
const boardFaces = (renderer: Renderer) => byName(renderer, 'board-faces').instance as THREE.InstancedMesh;
const floor = (renderer: Renderer) => byName(renderer, 'floor');

/**
 * The scene's objects that match, each once. An object inside a text batch is reached twice (as
 * the batch's three.js child and as its own React node).
 */
function objects(renderer: Renderer, matches: (object: THREE.Object3D) => boolean): THREE.Object3D[] {
  return [...new Set(renderer.scene.findAll((node) => matches(node.instance)).map((node) => node.instance))];
}

/** The scene's meshes, each once. */
const meshes = (renderer: Renderer) => objects(renderer, (object) => object instanceof THREE.Mesh) as THREE.Mesh[];

/** The mocked texts in the scene. */
function texts(renderer: Renderer): THREE.Object3D[] {
  return objects(renderer, (object) => typeof object.userData.text === 'string');
}

/** The group that carries a board's content: placed at the board's centre, turned like the board. */
function isAtBoard(object: THREE.Object3D | null, board: CorridorLayout['boards'][number]): boolean {
  if (!object) return false;
  const [x, y, z] = board.position;
  return object.position.distanceTo(new THREE.Vector3(x, y, z)) < 1e-6 && Math.abs(object.rotation.y - board.rotationY) < 1e-6;
}

/** Whether a text on a board sits in its red title band (a member's name may repeat the title below it). */
const inTitleBand = (text: THREE.Object3D, board: CorridorLayout['boards'][number]) =>
  text.position.y <= board.height / 2 && text.position.y >= board.height / 2 - TITLE_BAND_HEIGHT;

/**
 * The board group a text hangs in. A board's texts are children of its text batch (one draw call
 * for them all), which sits at the board group's origin.
 */
function boardGroupOf(text: THREE.Object3D): THREE.Object3D | null {
  const batch = text.parent;
  expect(batch, `text "${text.userData.text}" is drawn in a batch`).toBeInstanceOf(TextBatchMesh);
  expect(batch?.position.length()).toBe(0);
  return batch?.parent ?? null;
}

/** Each board's panel title as printed in the board's title band, and how many times it is there. */
function titlesOnBoards(renderer: Renderer, boards: CorridorLayout['boards'], panelsById: Map<string, Panel>, lang: Lang) {
  const all = texts(renderer);
  return boards.map((board) => {
    const panel = panelsById.get(board.panelId);
    if (!panel) throw new Error(`no panel ${board.panelId}`);
    const title = localize(panel.title, lang);
    // A long title is set on two lines: the board breaks it, so compare the words, not the breaks.
    const unbroken = (text: string) => text.replace(/\s+/g, '');
    const found = all.filter(
      (text) =>
        typeof text.userData.text === 'string' &&
        unbroken(text.userData.text) === unbroken(title) &&
        isAtBoard(boardGroupOf(text), board) &&
        inTitleBand(text, board),
    );
    return { panelId: board.panelId, title, count: found.length, group: found[0] ? boardGroupOf(found[0]) : null };
  });
}

const panelMap = (source: Exhibition) => new Map(allPanels(source).map((panel) => [panel.id, panel]));

describe('Corridor scene', () => {
  it('draws every board face in one instanced mesh, each instance at its board, facing the corridor', async () => {
    const { renderer } = await renderCorridor();
    const faces = boardFaces(renderer);
    expect(faces).toBeInstanceOf(THREE.InstancedMesh);
    expect(faces.count).toBe(panels.length);

    const matrix = new THREE.Matrix4();
    const position = new THREE.Vector3();
    const rotation = new THREE.Quaternion();
    const scale = new THREE.Vector3();
    layout.boards.forEach((board, index) => {
      faces.getMatrixAt(index, matrix);
      matrix.decompose(position, rotation, scale);
      expect(position.x, `${board.panelId} x`).toBeCloseTo(board.position[0], 2);
      expect(position.y, `${board.panelId} y`).toBeCloseTo(board.position[1], 2);
      expect(position.z, `${board.panelId} z`).toBeCloseTo(board.position[2], 2);
      expect(scale.x).toBeCloseTo(board.width, 5);
      expect(scale.y).toBeCloseTo(board.height, 5);
      // The face's front (+z in its own frame) points away from its wall, into the corridor.
      const front = new THREE.Vector3(0, 0, 1).applyQuaternion(rotation);
      expect(Math.sign(front.x), board.panelId).toBe(board.wall === 'left' ? 1 : -1);
    });
  });

  it('prints every panel title on its own board, once per panel', async () => {
    const { renderer } = await renderCorridor();
    const titles = titlesOnBoards(renderer, layout.boards, panelMap(exhibition), 'zh');
    for (const { panelId, title, count } of titles) expect(count, `title "${title}" of ${panelId}`).toBe(1);
    const groups = new Set(titles.map(({ group }) => group));
    expect(groups.size).toBe(panels.length);
    // The board's text uses the shipped fonts.
    for (const group of groups) {
      for (const text of group?.children ?? []) {
        if (typeof text.userData.text === 'string') expect(text.userData.font).toMatch(/NotoSansSC-(Regular|Bold)\.woff$/);
      }
    }
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`everything the corridor draws in bold (${lang}) is in the strings the boards' bold file is cut for`, async () => {
      // No split known (metrics without boardBold): every text asked for in bold takes the bold file.
      const { renderer } = await renderCorridor({ lang });
      const bold = new Set(boardBoldStrings(exhibition).flatMap((text) => Array.from(text)));
      const boldTexts = texts(renderer).filter((text) => text.userData.font === FONT_BOLD);
      expect(boldTexts.length).toBeGreaterThan(panels.length);
      for (const text of boldTexts) {
        const printed = String(text.userData.text);
        const outside = Array.from(printed).filter((char) => char.trim() !== '' && !bold.has(char));
        expect(outside, `bold "${printed}"`).toEqual([]);
      }
    });
  }

  it('sets text only on the boards near the visitor; a far board keeps its frame, face and title band', async () => {
    const [near, far] = layout.boards;
    if (!near || !far) throw new Error('need two boards');
    useExhibition.setState({ textBoardIds: [near.panelId] });
    const { renderer } = await renderCorridor();
    const onBoard = (board: (typeof layout.boards)[number]) =>
      texts(renderer).filter((text) => text.parent instanceof TextBatchMesh && isAtBoard(text.parent.parent, board));
    expect(onBoard(near).length).toBeGreaterThan(0);
    expect(onBoard(far)).toEqual([]);
    // Every board is still there to see and to click.
    expect(boardFaces(renderer).count).toBe(panels.length);

    await ReactThreeTestRenderer.act(async () => useExhibition.getState().setTextBoards([far.panelId]));
    expect(onBoard(near)).toEqual([]);
    expect(onBoard(far).length).toBeGreaterThan(0);
  });

  it('draws all of a board’s text in one batch (one draw call), and disposes the batches on unmount', async () => {
    const { renderer } = await renderCorridor();
    const batches = objects(renderer, (object) => object instanceof TextBatchMesh) as TextBatchMesh[];
    for (const board of layout.boards) {
      const onBoard = batches.filter((batch) => isAtBoard(batch.parent, board));
      expect(onBoard, board.panelId).toHaveLength(1);
      const printed = texts(renderer).filter((text) => text.parent === onBoard[0]);
      expect(printed.length, `${board.panelId}: title and body in the batch`).toBeGreaterThanOrEqual(2);
    }
    // Every text of the corridor is batched: boards, photo captions, entrance, lintels, section headers, far wall.
    const loose = texts(renderer).filter((text) => !(text.parent instanceof TextBatchMesh));
    expect(loose.map((text) => text.userData.text)).toEqual([]);
    // Far fewer batches than texts: that is the point.
    expect(batches.length).toBeLessThan(texts(renderer).length / 3);

    const disposed = new Set<TextBatchMesh>();
    for (const batch of batches) {
      const dispose = batch.dispose.bind(batch);
      batch.dispose = () => {
        disposed.add(batch);
        dispose();
      };
    }
    mounted.splice(mounted.indexOf(renderer), 1);
    await renderer.unmount();
    expect(disposed.size).toBe(batches.length);
  });

  it('opens the clicked board’s panel, and not at the end of a drag', async () => {
    const { renderer, onOpenPanel } = await renderCorridor();
    const faces = byName(renderer, 'board-faces');

    for (const [index, board] of layout.boards.entries()) {
      const stopPropagation = vi.fn();
      await renderer.fireEvent(faces, 'click', { instanceId: index, delta: 0, stopPropagation });
      expect(onOpenPanel).toHaveBeenLastCalledWith(board.panelId);
      // Otherwise the floor or wall behind the board would take the click too.
      expect(stopPropagation).toHaveBeenCalled();
    }
    expect(onOpenPanel).toHaveBeenCalledTimes(layout.boards.length);
    onOpenPanel.mockClear();

    const last = layout.boards.length - 1;
    await renderer.fireEvent(faces, 'click', { instanceId: last, delta: 50 });
    await renderer.fireEvent(faces, 'click', { instanceId: last, delta: CLICK_TOLERANCE_PX + 1 });
    expect(onOpenPanel).not.toHaveBeenCalled();

    // A little jitter of the pointer during the click is still a click.
    await renderer.fireEvent(faces, 'click', { instanceId: last, delta: CLICK_TOLERANCE_PX });
    expect(onOpenPanel).toHaveBeenCalledWith(layout.boards[last]?.panelId);
    onOpenPanel.mockClear();

    // A fingertip wobbles more than a mouse: a tap that drifted a little further still opens…
    const tap = (delta: number) => ({ instanceId: last, delta, nativeEvent: { pointerType: 'touch' } });
    await renderer.fireEvent(faces, 'click', tap(TAP_TOLERANCE_PX));
    expect(onOpenPanel).toHaveBeenCalledWith(layout.boards[last]?.panelId);
    onOpenPanel.mockClear();
    // …but a drag to look around does not.
    await renderer.fireEvent(faces, 'click', tap(TAP_TOLERANCE_PX + 1));
    expect(onOpenPanel).not.toHaveBeenCalled();

    // No instance hit, or one past the boards (a stale id): nothing opens.
    await renderer.fireEvent(faces, 'click', { delta: 0 });
    await renderer.fireEvent(faces, 'click', { instanceId: layout.boards.length, delta: 0 });
    expect(onOpenPanel).not.toHaveBeenCalled();
  });

  it('walks to the clicked point of the floor, and not at the end of a drag', async () => {
    const { renderer, onWalkTo, onOpenPanel } = await renderCorridor();
    const floorNode = floor(renderer);
    const mesh = floorNode.instance as THREE.Mesh;
    // The floor covers the whole corridor, so every point of it can be walked to.
    mesh.updateMatrixWorld();
    const box = new THREE.Box3().setFromObject(mesh);
    expect(box.min.x).toBeCloseTo(-layout.width / 2, 5);
    expect(box.max.x).toBeCloseTo(layout.width / 2, 5);
    expect(box.max.z).toBeCloseTo(layout.entranceZ, 5);
    expect(box.min.z).toBeCloseTo(layout.endZ, 5);

    await renderer.fireEvent(floorNode, 'click', { point: new THREE.Vector3(0.7, 0, -12.25), delta: 2 });
    expect(onWalkTo).toHaveBeenCalledExactlyOnceWith(0.7, -12.25);

    await renderer.fireEvent(floorNode, 'click', { point: new THREE.Vector3(-1, 0, -3), delta: 50 });
    expect(onWalkTo).toHaveBeenCalledTimes(1);
    expect(onOpenPanel).not.toHaveBeenCalled();
  });

  it('neither walks nor opens a board at the end of a long press or a pinch', async () => {
    const { renderer, onWalkTo, onOpenPanel } = await renderCorridor();
    const floorNode = floor(renderer);
    const faces = byName(renderer, 'board-faces');
    const point = new THREE.Vector3(0, 0, -8);
    // What the canvas's press log heard (installDragLook feeds it), then the click the browser sends.
    const touchClick = (pointerId: number, timeStamp: number) => ({ pointerId, timeStamp, pointerType: 'touch' });

    // A finger held 1.5 s on the floor, then lifted where it was.
    canvasPresses.pointerDown({ pointerId: 31, timeStamp: 1000, isPrimary: true });
    canvasPresses.pointerUp({ pointerId: 31 });
    await renderer.fireEvent(floorNode, 'click', { point, delta: 0, nativeEvent: touchClick(31, 2500) });
    await renderer.fireEvent(faces, 'click', { instanceId: 0, delta: 0, nativeEvent: touchClick(31, 2500) });
    // Two fingers pinching (whichever of them the click names).
    canvasPresses.pointerDown({ pointerId: 32, timeStamp: 3000, isPrimary: true });
    canvasPresses.pointerDown({ pointerId: 33, timeStamp: 3005, isPrimary: false });
    canvasPresses.pointerUp({ pointerId: 33 });
    canvasPresses.pointerUp({ pointerId: 32 });
    await renderer.fireEvent(floorNode, 'click', { point, delta: 0, nativeEvent: touchClick(32, 3100) });
    await renderer.fireEvent(faces, 'click', { instanceId: 0, delta: 0, nativeEvent: touchClick(33, 3100) });
    expect(onWalkTo).not.toHaveBeenCalled();
    expect(onOpenPanel).not.toHaveBeenCalled();

    // A quick tap still walks, and opens.
    canvasPresses.pointerDown({ pointerId: 34, timeStamp: 4000, isPrimary: true });
    canvasPresses.pointerUp({ pointerId: 34 });
    await renderer.fireEvent(floorNode, 'click', { point, delta: 2, nativeEvent: touchClick(34, 4120) });
    expect(onWalkTo).toHaveBeenCalledExactlyOnceWith(0, -8);
    await renderer.fireEvent(faces, 'click', { instanceId: 0, delta: 2, nativeEvent: touchClick(34, 4120) });
    expect(onOpenPanel).toHaveBeenCalledExactlyOnceWith(layout.boards[0]?.panelId);
  });

  it('reprints the boards in English when the language changes', async () => {
    const view = await renderCorridor();
    const byId = panelMap(exhibition);
    const chineseOnly = (panel: Panel) => localize(panel.title, 'zh') !== localize(panel.title, 'en');
    expect(panels.filter(chineseOnly).length).toBeGreaterThan(0);

    await view.rerender({ lang: 'en' });
    const english = titlesOnBoards(view.renderer, layout.boards, byId, 'en');
    for (const { panelId, title, count } of english) expect(count, `English title "${title}" of ${panelId}`).toBe(1);
    const chinese = titlesOnBoards(view.renderer, layout.boards, byId, 'zh');
    for (const { panelId, count } of chinese) {
      const panel = byId.get(panelId);
      if (panel && chineseOnly(panel)) expect(count, `Chinese title of ${panelId} is gone`).toBe(0);
    }
    // The entrance arch follows too.
    const shown = texts(view.renderer).map((text) => text.userData.text);
    expect(shown).toContain(localize(exhibition.title, 'en'));

    await view.rerender({ lang: 'zh' });
    for (const { count } of titlesOnBoards(view.renderer, layout.boards, byId, 'zh')) expect(count).toBe(1);
  });

  it('hangs a panel added to the content files with no code change', async () => {
    const addedId = 'scene-test-added-panel';
    const lastSection = exhibition.sections.at(-1);
    if (!lastSection) throw new Error('no sections');
    const sectionFile = lastSection.file;
    // What a member of staff would do: copy a panel in the JSON and give it a new id and title.
    const readWithAddedPanel: ReadContentFile = async (name) => {
      const text = await readShippedFile(name);
      if (name !== sectionFile) return text;
      const json = JSON.parse(text) as { panels: Array<Record<string, unknown>> };
      const template = json.panels[0];
      json.panels.push({ ...template, id: addedId, title: { zh: '新增展板', en: 'An Added Board' } });
      return JSON.stringify(json);
    };
    const extended = await loadExhibition(readWithAddedPanel);
    expect(extended.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    if (!extended.exhibition) throw new Error('extended content did not load');
    const extendedLayout = layoutCorridor(extended.exhibition);
    const addedIndex = extendedLayout.boards.findIndex((board) => board.panelId === addedId);
    const addedBoard = extendedLayout.boards[addedIndex];
    if (!addedBoard) throw new Error('the added panel was not laid out');

    const view = await renderCorridor();
    const textsBefore = useExhibition.getState().progress.textsTotal;
    await view.rerender({ exhibition: extended.exhibition, layout: extendedLayout });

    const faces = boardFaces(view.renderer);
    expect(faces.count).toBe(panels.length + 1);
    const matrix = new THREE.Matrix4();
    const position = new THREE.Vector3();
    extendedLayout.boards.forEach((board, index) => {
      position.setFromMatrixPosition(faces.getMatrixAt(index, matrix));
      expect(position.distanceTo(new THREE.Vector3(...board.position)), board.panelId).toBeLessThan(0.01);
    });

    const titles = titlesOnBoards(view.renderer, extendedLayout.boards, panelMap(extended.exhibition), 'zh');
    expect(titles.find(({ panelId }) => panelId === addedId)).toMatchObject({ title: '新增展板', count: 1 });
    expect(new Set(titles.map(({ group }) => group)).size).toBe(panels.length + 1);
    // Its texts join the loading count.
    expect(useExhibition.getState().progress.textsTotal).toBeGreaterThan(textsBefore);

    await view.renderer.fireEvent(byName(view.renderer, 'board-faces'), 'click', { instanceId: addedIndex, delta: 0 });
    expect(view.onOpenPanel).toHaveBeenCalledExactlyOnceWith(addedId);
  });

  describe('shared resources', () => {
    /** Every material, texture and geometry in a set, each with whether it has been disposed. */
    function watch(set: CorridorMaterials) {
      const resources = new Set<THREE.Material | THREE.Texture | THREE.BufferGeometry>();
      for (const value of Object.values(set)) {
        if (value instanceof THREE.BufferGeometry) resources.add(value);
        if (value instanceof THREE.MeshBasicMaterial) {
          resources.add(value);
          if (value.map) resources.add(value.map);
        }
      }
      const disposed = new Set<unknown>();
      for (const resource of resources) resource.addEventListener('dispose', () => disposed.add(resource));
      return { resources, disposed };
    }

    /** The materials and geometries the scene's meshes draw with (mocked texts left out). */
    function inUse(renderer: Renderer) {
      const used = new Set<THREE.Material | THREE.BufferGeometry>();
      for (const mesh of meshes(renderer)) {
        // Texts and their batches are troika's own meshes, disposed with them (see the batch test).
        if (typeof mesh.userData.text === 'string' || mesh instanceof TextBatchMesh) continue;
        used.add(mesh.geometry);
        for (const material of [mesh.material].flat()) used.add(material);
      }
      return used;
    }

    it('are created once, shared by the meshes, and all disposed on unmount', async () => {
      const view = await renderCorridor();
      const { renderer } = view;
      expect(created.sets).toHaveLength(1);
      const [set] = created.sets;
      if (!set) throw new Error('no materials');
      expect(boardFaces(renderer).material).toBe(set.boardFace);
      expect(boardFaces(renderer).geometry).toBe(set.plane);
      expect((floor(renderer).instance as THREE.Mesh).material).toBe(set.floor);
      const { resources, disposed } = watch(set);
      expect([...resources].filter((resource) => resource instanceof THREE.Texture).length, 'baked textures').toBeGreaterThan(0);
      for (const used of inUse(renderer)) expect(resources.has(used), `${used.type} comes from the shared set`).toBe(true);

      // Re-rendering (here, in another language) keeps them.
      await view.rerender({ lang: 'en' });
      expect(created.sets).toHaveLength(1);
      expect(disposed.size).toBe(0);

      mounted.splice(mounted.indexOf(renderer), 1);
      await renderer.unmount();
      const left = [...resources].filter((resource) => !disposed.has(resource)).map((resource) => resource.type);
      expect(left).toEqual([]);
    });

    it('are replaced when the corridor changes size, and the old set is disposed', async () => {
      const view = await renderCorridor();
      const [first] = created.sets;
      if (!first) throw new Error('no materials');
      const firstSet = watch(first);

      const wider = layoutCorridor(exhibition, { ...DEFAULT_DIMENSIONS, width: DEFAULT_DIMENSIONS.width + 0.8 });
      await view.rerender({ layout: wider });
      expect(created.sets).toHaveLength(2);
      const [, second] = created.sets;
      if (!second) throw new Error('no second set');
      const secondSet = watch(second);

      expect([...firstSet.resources].filter((resource) => !firstSet.disposed.has(resource))).toEqual([]);
      // Nothing on screen still draws with a disposed material or geometry.
      for (const used of inUse(view.renderer))
        expect(secondSet.resources.has(used), `${used.type} is from the new set`).toBe(true);
      expect(boardFaces(view.renderer).count).toBe(panels.length);
      expect(secondSet.disposed.size).toBe(0);
    });
  });

  describe('photos', () => {
    /** Panels whose board shows a picture (stats and to-fill boards have no room for one). */
    const imagePanels = () => panels.filter((panel) => panel.images[0] && panel.kind !== 'stats' && panel.kind !== 'to-fill');

    // Photos load only on boards near the visitor, once the photo manifest has been fetched.
    // Unless a test says otherwise, every board is near and there is no manifest (original files).
    beforeEach(() => {
      useExhibition.setState({
        nearBoardIds: layout.boards.map((board) => board.panelId),
        photos: { ready: true, manifest: null },
      });
    });
    afterEach(async () => {
      // Unmount first: a store change under a mounted scene would update it outside act().
      for (const renderer of mounted.splice(0)) await renderer.unmount();
      useExhibition.setState({ nearBoardIds: [], photos: { ready: false, manifest: null } });
    });

    /** The meshes drawing one of these textures. */
    const photoMeshes = (renderer: Renderer, textures: THREE.Texture[]) =>
      meshes(renderer).filter((mesh) => textures.includes((mesh.material as THREE.MeshBasicMaterial).map as THREE.Texture));

    /** Makes every photo "load" at once as a 400×300 picture; returns the textures handed out. */
    function loadPhotosInstantly(): THREE.Texture[] {
      const loaded: THREE.Texture[] = [];
      vi.spyOn(THREE.TextureLoader.prototype, 'load').mockImplementation((_url, onLoad) => {
        const texture = new THREE.Texture({ width: 400, height: 300 } as HTMLImageElement);
        loaded.push(texture);
        onLoad?.(texture);
        return texture;
      });
      return loaded;
    }

    it('are loaded once per file, counted, captioned, and released on unmount', async () => {
      expect(imagePanels().length).toBeGreaterThan(0);
      const loaded = loadPhotosInstantly();
      const view = await renderCorridor();
      const distinct = new Set(imagePanels().map((panel) => panel.images[0]?.src));
      expect(loaded).toHaveLength(distinct.size);
      expect(useExhibition.getState().progress).toMatchObject({ texturesLoaded: distinct.size, texturesTotal: distinct.size });

      const shown = texts(view.renderer).map((text) => text.userData.text);
      for (const panel of imagePanels()) expect(shown).toContain(localize(panel.images[0]?.caption, 'zh'));
      const placeholders = imagePanels().filter((panel) => panel.images[0]?.placeholder).length;
      expect(shown.filter((text) => text === t('photoPending', 'zh'))).toHaveLength(placeholders);

      const disposed = new Set<THREE.Texture>();
      for (const texture of loaded) texture.addEventListener('dispose', () => disposed.add(texture));
      mounted.splice(mounted.indexOf(view.renderer), 1);
      await view.renderer.unmount();
      expect(disposed.size).toBe(loaded.length);
    });

    it('are drawn on their boards once loaded, at their own aspect', async () => {
      const loaded = loadPhotosInstantly();
      const view = await renderCorridor();
      const pictures = meshes(view.renderer).filter((mesh) =>
        loaded.includes((mesh.material as THREE.MeshBasicMaterial).map as THREE.Texture),
      );
      expect(pictures).toHaveLength(imagePanels().length);
      // Fitted to the picture's own 4:3 shape.
      for (const mesh of pictures) expect(mesh.scale.x / mesh.scale.y).toBeCloseTo(4 / 3, 5);
    });

    it('a cropped photo shows only its crop, at the crop’s shape; the shared texture and plane stay whole', async () => {
      const loaded = loadPhotosInstantly();
      const [first] = imagePanels();
      if (!first) throw new Error('need a photo');
      const crop = { x: 0.5, y: 0, width: 0.5, height: 0.5 };
      const cropped: Exhibition = {
        ...exhibition,
        sections: exhibition.sections.map((section) => ({
          ...section,
          panels: section.panels.map((panel) =>
            panel.id === first.id
              ? ({ ...panel, images: panel.images.map((image, index) => (index === 0 ? { ...image, crop } : image)) } as Panel)
              : panel,
          ),
        })),
      };
      const view = await renderCorridor({ exhibition: cropped });
      const pictures = photoMeshes(view.renderer, loaded);
      const uvsOf = (mesh: THREE.Mesh) => Array.from(mesh.geometry.getAttribute('uv').array);
      const whole = [0, 1, 1, 1, 0, 0, 1, 0];
      const croppedMeshes = pictures.filter((mesh) => uvsOf(mesh).join() !== whole.join());
      // The top-right quarter of a 4:3 picture: still 4:3, u 0.5–1, v 0.5–1.
      expect(croppedMeshes).toHaveLength(1);
      expect(uvsOf(croppedMeshes[0] as THREE.Mesh)).toEqual([0.5, 1, 1, 1, 0.5, 0.5, 1, 0.5]);
      expect((croppedMeshes[0] as THREE.Mesh).scale.x / (croppedMeshes[0] as THREE.Mesh).scale.y).toBeCloseTo(4 / 3, 5);
      const others = pictures.filter((mesh) => mesh !== croppedMeshes[0]);
      expect(others.length).toBe(imagePanels().length - 1);
      // The other boards still share the one plane; no texture's own transform was touched.
      expect(new Set(others.map((mesh) => mesh.geometry)).size).toBe(1);
      for (const texture of loaded)
        expect([texture.offset.x, texture.offset.y, texture.repeat.x, texture.repeat.y]).toEqual([0, 0, 1, 1]);
    });

    it('are held only by boards near the visitor, and disposed when their board goes far', async () => {
      const loaded = loadPhotosInstantly();
      const requested = vi.mocked(THREE.TextureLoader.prototype.load);
      const [nearPanel, farPanel] = imagePanels();
      if (!nearPanel || !farPanel || nearPanel.images[0]?.src === farPanel.images[0]?.src) throw new Error('need two photos');
      useExhibition.setState({ nearBoardIds: [nearPanel.id] });
      const view = await renderCorridor();
      expect(requested.mock.calls.map((call) => call[0])).toEqual([`/${nearPanel.images[0]?.src}`]);
      expect(photoMeshes(view.renderer, loaded)).toHaveLength(1);
      expect(useExhibition.getState().progress).toMatchObject({ texturesLoaded: 1, texturesTotal: 1 });
      // A far board shows the plain stand-in, not the "missing" label.
      const shown = texts(view.renderer).map((text) => text.userData.text);
      expect(shown.filter((text) => String(text).startsWith(t('imageMissing', 'zh')))).toEqual([]);
      const standIns = meshes(view.renderer).filter((mesh) => mesh.material === created.sets.at(-1)?.imageMissing);
      expect(standIns.length).toBe(imagePanels().length - 1);

      // The visitor walks on: the first board goes far, the other comes near.
      const [first] = loaded;
      const disposed = vi.fn();
      first?.addEventListener('dispose', disposed);
      await ReactThreeTestRenderer.act(async () => useExhibition.getState().setNearBoards([farPanel.id]));
      expect(disposed).toHaveBeenCalledTimes(1);
      expect(loaded).toHaveLength(2);
      expect(photoMeshes(view.renderer, loaded).map((mesh) => (mesh.material as THREE.MeshBasicMaterial).map)).toEqual([
        loaded[1],
      ]);

      // Coming back loads it afresh, never the disposed texture.
      await ReactThreeTestRenderer.act(async () => useExhibition.getState().setNearBoards([nearPanel.id, farPanel.id]));
      expect(loaded).toHaveLength(3);
      const drawn = photoMeshes(view.renderer, loaded).map((mesh) => (mesh.material as THREE.MeshBasicMaterial).map);
      expect(drawn).not.toContain(first);
      expect(drawn).toHaveLength(2);
    });

    it('use the generated board texture and the photo’s shape from the manifest', async () => {
      const loaded = loadPhotosInstantly();
      const requested = vi.mocked(THREE.TextureLoader.prototype.load);
      const [panel] = imagePanels();
      const src = panel?.images[0]?.src;
      if (!panel || !src) throw new Error('need a photo');
      useExhibition.setState({
        nearBoardIds: [panel.id],
        photos: {
          ready: true,
          manifest: {
            version: 1,
            photos: {
              [src]: {
                hash: '0123456789abcdef',
                width: 2000,
                height: 1000,
                board: { width: 1024, height: 512, webp: 'generated/photos/x-board.webp', jpg: 'generated/photos/x-board.jpg' },
                card: [{ width: 640, height: 320, avif: 'g/x.avif', webp: 'g/x.webp', jpg: 'g/x.jpg' }],
              },
            },
          },
        },
      });
      const view = await renderCorridor();
      expect(requested.mock.calls.map((call) => call[0])).toEqual(['/generated/photos/x-board.webp']);
      const [mesh] = photoMeshes(view.renderer, loaded);
      // 2:1 as the manifest says, though the (mock) texture itself is 4:3.
      expect((mesh?.scale.x ?? 0) / (mesh?.scale.y ?? 1)).toBeCloseTo(2, 5);
    });

    it('are named by their file when they cannot be loaded', async () => {
      vi.spyOn(THREE.TextureLoader.prototype, 'load').mockImplementation((_url, _onLoad, _onProgress, onError) => {
        onError?.(new Error('404'));
        return new THREE.Texture();
      });
      const view = await renderCorridor();
      const shown = texts(view.renderer).map((text) => text.userData.text);
      for (const panel of imagePanels()) expect(shown).toContain(`${t('imageMissing', 'zh')}\n${panel.images[0]?.src}`);
      const { texturesLoaded, texturesTotal } = useExhibition.getState().progress;
      expect(texturesTotal).toBeGreaterThan(0);
      expect(texturesLoaded).toBe(texturesTotal);
    });
  });

  describe('loading progress', () => {
    const progress = () => useExhibition.getState().progress;

    it('counts every text on the walls, and each as ready once it is typeset', async () => {
      textSync.auto = false;
      const view = await renderCorridor();
      const count = texts(view.renderer).length;
      // At least a title per board, plus the landmarks.
      expect(count).toBeGreaterThan(panels.length);
      expect(progress()).toMatchObject({ textsTotal: count, textsReady: 0 });

      // In act(): every text set lets the corridor mount the boards it kept back (Corridor.tsx).
      let flushed = 0;
      await ReactThreeTestRenderer.act(async () => {
        flushed = textSync.flush();
      });
      expect(flushed).toBe(count);
      expect(progress()).toMatchObject({ textsTotal: count, textsReady: count });

      // Re-typesetting in another language is not counted again.
      await view.rerender({ lang: 'en' });
      await ReactThreeTestRenderer.act(async () => {
        textSync.flush();
      });
      expect(progress()).toMatchObject({ textsTotal: count, textsReady: count });
    });

    it("holds the lettering while the font's advance widths are on their way, then sets it with them", async () => {
      textSync.auto = false;
      useExhibition.setState({ fontMetrics: null });
      useExhibition.getState().fontMetricsRequested();
      try {
        const view = await renderCorridor();
        // The room is there (walls, boards' faces), not one text: each would be set twice.
        expect(boardFaces(view.renderer).count).toBe(layout.boards.length);
        expect(texts(view.renderer)).toEqual([]);
        expect(progress()).toMatchObject({ textsTotal: 0 });
        const metrics = fontMetricsFor(fontCharacters(collectContentStrings(exhibition)));
        await ReactThreeTestRenderer.act(async () => {
          useExhibition.getState().fontMetricsLoaded(metrics);
        });
        expect(useExhibition.getState()).toMatchObject({ fontMetricsPending: false, fontMetrics: metrics });
        const count = texts(view.renderer).length;
        expect(count).toBeGreaterThan(panels.length);
        // Each asks to be set once, with the widths in hand.
        expect(textSync.pending.size).toBe(count);
      } finally {
        await ReactThreeTestRenderer.act(async () => {
          useExhibition.setState({ fontMetrics: null, fontMetricsPending: false });
        });
      }
    });

    it('sets the lettering without widths when they cannot be had (troika wraps instead)', async () => {
      useExhibition.getState().fontMetricsRequested();
      const view = await renderCorridor();
      expect(texts(view.renderer)).toEqual([]);
      await ReactThreeTestRenderer.act(async () => {
        useExhibition.getState().fontMetricsLoaded(null);
      });
      expect(useExhibition.getState()).toMatchObject({ fontMetricsPending: false, fontMetrics: null });
      expect(texts(view.renderer).length).toBeGreaterThan(panels.length);
    });

    it('counts texts removed before they were typeset as done, so loading can finish', async () => {
      textSync.auto = false;
      const view = await renderCorridor();
      const count = texts(view.renderer).length;
      textSync.pending.values().next().value?.();
      expect(progress()).toMatchObject({ textsTotal: count, textsReady: 1 });
      mounted.splice(mounted.indexOf(view.renderer), 1);
      await view.renderer.unmount();
      expect(progress()).toMatchObject({ textsTotal: count, textsReady: count });
    });
  });
});

describe('the periods on the corridor wall', () => {
  it('names each period and its years on a plate over its first milestone, in the visitor language', async () => {
    const view = await renderCorridor();
    const periods = exhibition.periods ?? [];
    expect(periods.length).toBe(4);
    const plates = meshes(view.renderer).filter((mesh) => mesh.name.startsWith('period-heading-'));
    expect(plates.map((mesh) => mesh.name)).toEqual(periods.map((period) => `period-heading-${period.id}`));
    for (const period of periods) {
      const plate = plates.find((mesh) => mesh.name === `period-heading-${period.id}`);
      const first = allPanels(exhibition).find((panel) => panel.kind === 'milestone' && panel.period === period.id);
      const board = layout.boards.find((candidate) => candidate.panelId === first?.id);
      if (!plate || !board) throw new Error(`no plate or board for ${period.id}`);
      // Over the board: the same wall and place along it, above its top edge.
      const at = plate.getWorldPosition(new THREE.Vector3());
      expect(at.x).toBeCloseTo(board.position[0], 6);
      expect(at.z).toBeCloseTo(board.position[2], 6);
      expect(at.y).toBeGreaterThan(board.position[1] + board.height / 2);
    }
    const label = (lang: Lang) =>
      periods.map((period) => {
        const years =
          period.to === undefined ? (lang === 'zh' ? `${period.from} 年起` : `${period.from} on`) : `${period.from}–${period.to}`;
        return `${localize(period.title, lang)}  ${years}`;
      });
    const shown = () => texts(view.renderer).map((text) => text.userData.text as string);
    for (const text of label('zh')) expect(shown()).toContain(text);
    await view.rerender({ lang: 'en' });
    for (const text of label('en')) expect(shown()).toContain(text);
    expect(shown()).not.toContain(label('zh')[0]);
  });
});
