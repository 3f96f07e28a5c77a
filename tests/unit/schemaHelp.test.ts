/**
 * The content schema's editor help lives in src/content/schemaHelp.ts, out of the visitor's first
 * load (issue 20), and is installed into the schemas' metadata by those who read it. What it gives
 * the schemas is checked here; that the JSON Schemas and the curator's forms read it exactly as
 * before is checked by jsonSchema.test.ts (the files on disk) and the curator's form tests.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { imageSchema, panelSchema, schemaHelpSlots, TEXT_LIMITS } from '../../src/content/schema.ts';
import { installSchemaHelp, SCHEMA_HELP } from '../../src/content/schemaHelp.ts';

describe('the schema help', () => {
  installSchemaHelp();

  it('fills every slot the schemas leave with a title and a two-line hover text, and writes help for no other', () => {
    const slots = schemaHelpSlots();
    expect(slots.size).toBeGreaterThan(80);
    expect(Object.keys(SCHEMA_HELP).sort()).toEqual([...slots.keys()].sort());
    for (const [key, meta] of slots) {
      expect(typeof meta.title, key).toBe('string');
      expect(meta.title, key).not.toBe('');
      const [zh, en, ...more] = (meta.description ?? '').split('\n');
      expect(zh, key).toMatch(/\p{Script=Han}/u);
      expect(en, key).not.toMatch(/\p{Script=Han}/u);
      expect(more, key).toEqual([]);
    }
  });

  it('reaches the schemas through their own metadata, ids kept first', () => {
    const image = z.globalRegistry.get(imageSchema) as Record<string, unknown>;
    expect(Object.keys(image)).toEqual(['id', 'title', 'description']);
    expect(image.id).toBe('Image');
    expect(image.title).toBe('图片 Image');
    expect((z.globalRegistry.get(panelSchema) as { title?: string }).title).toBe('展板 Panel');
    const caption = z.globalRegistry.get(imageSchema.shape.caption) as { title: string; description: string };
    expect(caption.title).toBe('图片说明 Caption');
    expect(caption.description).toContain(`中文最多 ${TEXT_LIMITS.caption} 个字`);
  });

  it('installs once: a second call changes nothing', () => {
    const before = JSON.stringify([...schemaHelpSlots()]);
    installSchemaHelp();
    expect(JSON.stringify([...schemaHelpSlots()])).toBe(before);
  });
});
