/**
 * troika's BatchedText packs a member's colour as `Color.getHex()` (sRGB bytes) and its shader
 * reads those bytes as linear values. `batchedTextColor` compensates; this checks the round trip
 * the GPU sees: what the batch packs must be the wanted colour's linear value.
 */
import { Color, SRGBColorSpace } from 'three';
import { describe, expect, it } from 'vitest';
import { batchedTextColor } from '../../src/scene/TextBatch.tsx';

/** What troika's BatchedText writes into its data texture for a member of this colour. */
const packedByTroika = (color: Color) => new Color().set(color).getHex();

/** What the batched shader then draws: the packed bytes taken as linear, encoded to sRGB for the screen. */
function drawn(packed: number): string {
  const linear = new Color().setRGB(((packed >> 16) & 255) / 255, ((packed >> 8) & 255) / 255, (packed & 255) / 255);
  // setRGB without a colour space takes linear values; getHexString encodes to sRGB like the output pass.
  return `#${linear.getHexString(SRGBColorSpace)}`;
}

describe('batchedTextColor', () => {
  it('makes a batched text show the colour a plain text would (within 8-bit rounding)', () => {
    for (const wanted of ['#9b1b1e', '#2a1a12', '#f3d48a', '#d9b25f', '#ffffff', '#000000']) {
      const shown = new Color(drawn(packedByTroika(batchedTextColor(wanted)))).getHex(SRGBColorSpace);
      const expected = new Color(wanted).getHex(SRGBColorSpace);
      // Compare in sRGB bytes: dark colours lose a little to 8-bit linear storage, never more than 4/255.
      for (const shift of [16, 8, 0]) {
        expect(Math.abs(((shown >> shift) & 255) - ((expected >> shift) & 255)), wanted).toBeLessThanOrEqual(4);
      }
    }
  });

  it('without it, troika would brighten a deep red to pink (the bug it fixes)', () => {
    const naive = new Color(drawn(packedByTroika(new Color('#9b1b1e'))));
    expect(naive.getHexString(SRGBColorSpace)).not.toBe('9b1b1e');
    expect(naive.g).toBeGreaterThan(new Color('#9b1b1e').g * 3);
  });
});

describe('TextBatchMesh', () => {
  it('takes a text React inserts before a sibling (spliced into `children`) into the batch', async () => {
    const { Text } = await import('troika-three-text');
    const { Mesh } = await import('three');
    const { TextBatchMesh } = await import('../../src/scene/TextBatch.tsx');
    const batch = new TextBatchMesh();
    const rule = new Mesh();
    batch.add(rule); // an ordinary child stays one
    const added = new Text();
    batch.add(added); // through add(): batched
    // What R3F's insertBefore does when the sibling is an ordinary child: a splice and the events.
    const inserted = new Text();
    inserted.parent = batch;
    batch.children.splice(batch.children.indexOf(rule), 0, inserted);
    batch.dispatchEvent({ type: 'childadded', child: inserted });
    expect(batch.children).toEqual([rule]);
    expect(inserted.parent).toBeNull();
    const members = (batch as unknown as { _members: Map<unknown, unknown> })._members;
    expect([...members.keys()]).toEqual([added, inserted]);
    batch.remove(inserted);
    expect([...members.keys()]).toEqual([added]);
    batch.dispose();
  });

  /** A member as troika's sync leaves it once packed (its place in the batch's float texture). */
  async function batchWithMembers(Batch: new () => import('troika-three-text').BatchedText) {
    const { Text } = await import('troika-three-text');
    const batch = new Batch();
    const texts = [new Text(), new Text()];
    texts[0]?.position.set(0.1, 0.7, 0.3);
    texts[1]?.rotation.set(0, 0.3, 0); // a rotated matrix: floats that float32 cannot hold exactly
    texts.forEach((text, index) => {
      batch.add(text);
      const members = (batch as unknown as { _members: Map<unknown, { index: number }> })._members;
      const member = members.get(text);
      if (member) member.index = index;
    });
    batch.updateMatrixWorld(true);
    const prepare = () => (batch as unknown as { _prepareForRender(material: unknown): void })._prepareForRender(batch.material);
    const floats = () => (batch as unknown as { _dataTextures: Record<string, import('three').DataTexture> })._dataTextures.main;
    return { batch, texts, prepare, floats };
  }

  it("uploads its members' float texture again only when a member changed", async () => {
    const { TextBatchMesh } = await import('../../src/scene/TextBatch.tsx');
    const { batch, texts, prepare, floats } = await batchWithMembers(TextBatchMesh);
    prepare();
    const first = floats()?.version ?? 0;
    expect(first).toBeGreaterThan(0); // the first frame uploads
    for (let frame = 0; frame < 5; frame++) {
      batch.updateMatrixWorld(true);
      prepare();
    }
    expect(floats()?.version).toBe(first); // five unchanged frames: no upload
    texts[0]?.position.setX(0.25); // a member moved
    batch.updateMatrixWorld(true);
    prepare();
    expect(floats()?.version).toBe(first + 1);
    const stored = floats()?.image.data as Float32Array;
    expect(stored[12]).toBeCloseTo(0.25, 6); // the new x is what went up
    if (texts[1]) (texts[1] as unknown as { color: string }).color = '#9b1b1e'; // a member's colour changed
    prepare();
    expect(floats()?.version).toBe(first + 2);
    prepare();
    expect(floats()?.version).toBe(first + 2);
    batch.dispose();
  });

  it('troika as published uploads on every frame (what the override fixes)', async () => {
    const { BatchedText } = await import('troika-three-text');
    const { prepare, floats, batch } = await batchWithMembers(BatchedText);
    // Each value marks the texture again (version + 1 per mark): what matters is that the version
    // moves on every unchanged frame, so three uploads on every one.
    prepare();
    let version = floats()?.version ?? 0;
    for (let frame = 0; frame < 3; frame++) {
      prepare();
      expect(floats()?.version).toBeGreaterThan(version);
      version = floats()?.version ?? 0;
    }
    batch.dispose();
  });
});
