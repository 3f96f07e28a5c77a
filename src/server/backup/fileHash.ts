/**
 * A file's SHA-256 and size, and a copy that hashes what it copies and then reads its copy back:
 * a backup's manifest names what is on the backup's disk, not what was meant to be written there.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileFacts {
  size: number;
  sha256: string;
}

export async function hashFile(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
  }
  return { size, sha256: hash.digest('hex') };
}

export class CopyMismatchError extends Error {
  constructor(readonly path: string) {
    super(`the copy of ${path} does not read back as written`);
  }
}

/**
 * Copies `from` to `to` (which must not exist yet, or is replaced) and returns the facts of the
 * bytes copied, after checking the copy reads back the same. `mode` for the copy (0o600: a
 * backup holds the station's password hashes).
 */
export async function copyFileVerified(from: string, to: string, mode = 0o600): Promise<FileFacts> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { mode }));
  const copied: FileFacts = { size, sha256: hash.digest('hex') };
  const readBack = await hashFile(to);
  if (readBack.sha256 !== copied.sha256 || readBack.size !== copied.size) throw new CopyMismatchError(to);
  return copied;
}
