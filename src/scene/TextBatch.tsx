/**
 * Draws every <BoardText> inside it in ONE draw call (troika's BatchedText), instead of one per
 * text. A board carries up to a dozen texts; unbatched, the corridor's text alone was 154 draw
 * calls per frame. Children keep their own position, size, colour and clip rectangle, in the
 * batch's frame; non-text children (a gold rule, say) are drawn as ordinary children.
 */
import { invalidate, type ThreeElements } from '@react-three/fiber';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { Color, type ColorRepresentation, type DataTexture, type Material, type Object3D, SRGBColorSpace } from 'three';
import { BatchedText, Text } from 'troika-three-text';
import { filterUploadRequests, markForUpload } from './textureUploads.ts';
import { UninstancedGlyphsGeometry } from './uninstancedGlyphs.ts';

/**
 * The colour to give a text inside a batch so that it shows as `color`.
 *
 * troika's BatchedText packs each member's colour with `Color.getHex()`, which returns sRGB, and
 * its shader uses the packed value as if it were linear; three's output encoding then brightens it
 * once more (a deep red #9b1b1e showed as pink). So the member gets a colour whose sRGB bytes ARE
 * the wanted linear values: the shader then reads exactly the colour a plain Text would draw.
 */
export function batchedTextColor(color: ColorRepresentation): Color {
  const linear = new Color(color); // three's working space is linear sRGB
  return new Color().setRGB(linear.r, linear.g, linear.b, SRGBColorSpace);
}

const InBatch = createContext(false);

/** True inside a <TextBatch>: its texts must pass their colour through `batchedTextColor`. */
export function useInTextBatch(): boolean {
  return useContext(InBatch);
}

/**
 * A BatchedText that also takes texts React inserts *before* a sibling: R3F splices such a child
 * straight into `children` (bypassing `add`), which would draw it on its own and outside the batch.
 */
export class TextBatchMesh extends BatchedText {
  /** Each batch keeps its members' matrices and colours in a small float texture of its own. */
  readonly isTextBatch = true;

  constructor() {
    super();
    // Glyphs as plain quads, not instances: on a CPU rasteriser each instance costs like a draw.
    this.geometry.dispose();
    this.geometry = new UninstancedGlyphsGeometry();
    this.addEventListener('childadded', ({ child }: { child: Object3D }) => {
      if (!(child instanceof Text)) return;
      const index = this.children.indexOf(child);
      if (index !== -1) this.children.splice(index, 1);
      child.parent = null;
      this.addText(child);
    });
    // Nothing half-set is shown: the batch (and what it holds) stays hidden until every member has
    // been typeset once. Hidden, it is not rendered, so nothing calls its sync: each member's own
    // sync does, until the last one is in.
    this.visible = false;
    // A member that changed is typeset in a worker, then packed into the batch a moment later:
    // the canvas renders on demand, so ask for the frame that shows it.
    this.addEventListener('synccomplete', () => {
      if (!this.visible && this.allTextsSet()) this.visible = true;
      invalidate();
    });
  }

  /** True when every member has been typeset and none waits for a newer typesetting. */
  allTextsSet(): boolean {
    return this.texts.every((text) => {
      const member = text as unknown as { textRenderInfo?: unknown; _needsSync?: boolean };
      return Boolean(member.textRenderInfo) && !member._needsSync;
    });
  }

  override addText(text: Text): void {
    super.addText(text);
    text.addEventListener('synccomplete', this.packWhileHidden);
  }

  override removeText(text: Text): void {
    text.removeEventListener('synccomplete', this.packWhileHidden);
    super.removeText(text);
  }

  private readonly packWhileHidden = () => {
    if (!this.visible) this.sync();
  };

  /** Each member texture's floats as last uploaded, to upload again only when one changed. */
  private readonly uploadedFloats = new WeakMap<DataTexture, Float32Array>();

  /**
   * troika re-uploads the members' float texture on EVERY frame: it marks the texture for upload
   * when a new value `!==` the stored one, but the store is a Float32Array, so any value float32
   * cannot hold exactly (0.1, a rotated matrix) always differs from its own rounding: about 35
   * uploads a frame while walking the corridor (issue 20), GPU-process work for nothing. So
   * troika's own marks are ignored and the batch uploads when a stored float really changed.
   */
  protected override _prepareForRender(material: Material): void {
    super._prepareForRender(material);
    const textures = (this as unknown as { _dataTextures: Record<string, DataTexture> })._dataTextures;
    // `for…in`, not Object.values: this runs for every batch on every frame.
    for (const key in textures) {
      const texture = textures[key];
      if (!texture) continue;
      const floats = texture.image.data as Float32Array;
      const uploaded = this.uploadedFloats.get(texture);
      if (!uploaded) {
        // New (the first frame, or troika made a bigger one): troika has marked it; from now on
        // the batch alone decides.
        if (texture.version === 0) markForUpload(texture);
        filterUploadRequests(texture, () => false);
        this.uploadedFloats.set(texture, floats.slice());
      } else if (!sameFloats(uploaded, floats)) {
        uploaded.set(floats);
        markForUpload(texture);
      }
    }
  }

  /** The texts the batch draws, in the order they joined (troika keeps them in `_members`). */
  get texts(): Text[] {
    return [...(this as unknown as { _members: Map<Text, unknown> })._members.keys()];
  }
}

function sameFloats(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  // Object.is: a NaN equals a NaN (else it would upload on every frame), and -0 differs from 0.
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

export type TextBatchProps = Omit<ThreeElements['group'], 'children'> & { children: ReactNode };

export function TextBatch({ children, ...props }: TextBatchProps) {
  const batch = useMemo(() => new TextBatchMesh(), []);
  useEffect(() => () => batch.dispose(), [batch]);
  return (
    <primitive object={batch} {...props}>
      <InBatch.Provider value={true}>{children}</InBatch.Provider>
    </primitive>
  );
}
