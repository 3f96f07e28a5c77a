/**
 * How much the device is asked to draw: the canvas's pixel ratio and the size of the board
 * photos. A phone's screen has three device pixels per CSS pixel and a modest GPU: drawing every
 * one of them costs 9× the fill of a 1× screen for detail nobody sees at arm's length, and a
 * 1024 px photo per board costs memory a phone shares with everything else.
 *
 * `chooseQuality` is the one decision, pure (unit-tested); `deviceQuality` reads the browser.
 */
import { probeWebgl } from './webglProbe.ts';

export interface DeviceTraits {
  /** The screen's size in CSS pixels (either orientation). */
  screenWidth: number;
  screenHeight: number;
  devicePixelRatio: number;
  /** `navigator.deviceMemory` in GB (Chromium only, rounded down to 0.25…8); undefined if unknown. */
  deviceMemory?: number;
  /** `navigator.hardwareConcurrency`; undefined if unknown. */
  hardwareConcurrency?: number;
  /** True when the main pointer is a finger (`(pointer: coarse)`). */
  coarsePointer: boolean;
  /**
   * True when WebGL is drawn by the CPU (SwiftShader, llvmpipe, Microsoft Basic Render Driver): a
   * kiosk PC whose GPU driver is blocklisted falls back to one. Every pixel then costs CPU time.
   */
  softwareRenderer?: boolean;
}

export type DeviceClass = 'desktop' | 'tablet' | 'phone';

export interface Quality {
  deviceClass: DeviceClass;
  lowEnd: boolean;
  /** The canvas's pixel ratio range, for R3F's `dpr`: the device's own ratio, capped at `[1]`. */
  dpr: [number, number];
  /** Longest side wanted of a board photo texture, in pixels. */
  boardTextureMaxSide: number;
  /**
   * Anisotropic filtering for the floor, walls and photos (sharp at grazing angles). Nearly free on
   * a GPU; on a CPU rasteriser it doubles the cost of a frame (measured: 208 → 99 ms at 1280×720).
   */
  anisotropy: number;
  /**
   * Blending the two nearest mipmap levels of a texture (trilinear filtering) for the floor, walls,
   * boards and photos. Free on a GPU; on a CPU rasteriser it doubles every texture read, and the
   * corridor is textured nearly everywhere: taking the nearest level alone (the steps between
   * levels show faintly far down the floor) measured 48 → 38 ms a walking frame on SwiftShader.
   */
  blendMipmaps: boolean;
  /**
   * The soft pools of light laid over the corridor: a halo on the wall around each board and a
   * sheen on the floor under each ceiling light, large additive quads. On a GPU they cost nothing
   * to speak of; on a CPU rasteriser they were the largest part of a walking frame after the
   * walls themselves (SwiftShader, 1280×720, ratio 0.5: a walk at 50–57 ms a frame, 34–35 ms
   * without them). The halos add almost nothing to see on the near-white plaster; the floor then
   * shows its stone without the lamps' reflections.
   */
  lightPools: boolean;
  /**
   * How far away a board has its text set and drawn, in metres (layout/queries.ts's TEXT_BOARDS);
   * beyond, its frame, face and title band stand for it. 30 m where the GPU draws; on a CPU
   * rasteriser 18 m, where a board's title is under 3 px high at 1280×720 and its body text a grey
   * line: the start view then sets about a third fewer texts, every glyph's distance field made in
   * JavaScript (text ready 2.4–3.3 → 2.0–2.9 s on SwiftShader), and each walking frame draws fewer.
   */
  textRadius: number;
  /**
   * Multisampled edges. A GPU resolves them in hardware; a CPU rasteriser shades every sample and
   * resolves the buffer each frame (measured on SwiftShader at 1280×720: 165 → 130 ms a frame).
   */
  antialias: boolean;
  /**
   * Whether troika draws each glyph's distance field with WebGL (its default) or in a worker in
   * plain JavaScript. On a GPU the WebGL way is the quick one. On a CPU rasteriser it is the slow
   * one and, worse, it is not finished when troika says the text is ready: the draws wait in the
   * GPU process's queue, so the loading screen goes and then the first frame of the first move
   * takes 10–14 s (measured on SwiftShader at 1280×720: the backlog behind the loaded corridor
   * 14 s with WebGL, none in the worker; loading + backlog 21 s against 10 s).
   */
  textSdfOnGpu: boolean;
  /**
   * The side, in pixels, of each glyph's distance field (troika's `sdfGlyphSize`). 64 is troika's
   * default; a CPU rasteriser makes the fields in JavaScript, where they were half of a page load's
   * CPU time (measured on SwiftShader at 1280×720: 10 → 5.5 CPU-seconds, 8 → 5 s to the corridor,
   * with 32). At 32 the board's lettering is the same to the eye at every distance the visitor can
   * walk to (screenshots compared at 4× zoom: mean difference 0.07 of 255 per channel).
   */
  textSdfSize: 32 | 64;
}

/** Renderer names (WebGL's RENDERER string) of the rasterisers that run on the CPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE_RENDERER.test(rendererName);
}

/** With a finger for a pointer: a phone's short side is under 600 CSS px, a tablet's under 1100. */
const PHONE_SHORT_SIDE = 600;
const TABLET_SHORT_SIDE = 1100;

export function chooseQuality(traits: DeviceTraits): Quality {
  const shortSide = Math.min(traits.screenWidth, traits.screenHeight);
  // Both need a finger for a pointer: a small screen driven by a mouse (a netbook, a small browser
  // screen in a virtual machine) is a desktop with a desktop's photos.
  const deviceClass: DeviceClass = !traits.coarsePointer
    ? 'desktop'
    : shortSide < PHONE_SHORT_SIDE
      ? 'phone'
      : shortSide < TABLET_SHORT_SIDE
        ? 'tablet'
        : 'desktop';
  // Unknown memory or cores count as enough: desktop Firefox and Safari report neither.
  const lowEnd =
    (traits.deviceMemory !== undefined && traits.deviceMemory <= 3) ||
    (traits.hardwareConcurrency !== undefined && traits.hardwareConcurrency <= 4);
  const capByClass: Record<DeviceClass, number> = { desktop: 2, tablet: 1.75, phone: 1.5 };
  const classCap = lowEnd ? Math.min(capByClass[deviceClass], deviceClass === 'desktop' ? 1.5 : 1.25) : capByClass[deviceClass];
  // On a CPU rasteriser every device pixel is paid for in CPU time: draw CSS pixels only.
  const cap = traits.softwareRenderer ? 1 : classCap;
  const maxDpr = Math.max(1, Math.min(cap, traits.devicePixelRatio || 1));
  // Only phones take the smaller photos: a low-end desktop still has the screen and the memory for them.
  const boardTextureMaxSide = deviceClass === 'phone' ? 640 : 1024;
  const anisotropy = traits.softwareRenderer ? 1 : 4;
  const antialias = !traits.softwareRenderer;
  const blendMipmaps = !traits.softwareRenderer;
  const lightPools = !traits.softwareRenderer;
  const textRadius = traits.softwareRenderer ? 18 : 30;
  const textSdfOnGpu = !traits.softwareRenderer;
  const textSdfSize = traits.softwareRenderer ? 32 : 64;
  return {
    deviceClass,
    lowEnd,
    dpr: [1, maxDpr],
    boardTextureMaxSide,
    anisotropy,
    blendMipmaps,
    lightPools,
    textRadius,
    antialias,
    textSdfOnGpu,
    textSdfSize,
  };
}

let current: Quality | null = null;

/** This device's quality, decided once per page (a rotated phone is still a phone). */
export function deviceQuality(): Quality {
  if (current) return current;
  if (typeof window === 'undefined') {
    current = chooseQuality({ screenWidth: 1920, screenHeight: 1080, devicePixelRatio: 1, coarsePointer: false });
    return current;
  }
  const nav = navigator as Navigator & { deviceMemory?: number };
  current = chooseQuality({
    screenWidth: window.screen?.width || window.innerWidth,
    screenHeight: window.screen?.height || window.innerHeight,
    devicePixelRatio: window.devicePixelRatio || 1,
    deviceMemory: nav.deviceMemory,
    hardwareConcurrency: nav.hardwareConcurrency || undefined,
    coarsePointer: window.matchMedia?.('(pointer: coarse)').matches ?? false,
    softwareRenderer: isSoftwareRenderer(probeWebgl().rendererName),
  });
  return current;
}
