import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes through a temporary file renamed into place, so the dev server (or a station serving
 * the folder) never serves half a font or half a picture.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
