/**
 * One sync at a time per kiosk folder (the timer's and one started by hand). On Linux the lock is
 * an abstract Unix socket named after the folder: binding it is atomic, and the kernel releases
 * it when the process ends however it ends (a kill -9, a power cut), so there is never a stale
 * lock to clear by hand. Elsewhere (a developer's Mac) a lock file created with O_EXCL stands in,
 * taken over when the process it names is gone.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

export interface SyncLock {
  release(): Promise<void>;
}

export class SyncLockBusy extends Error {
  constructor(dir: string) {
    super(`another sync of ${dir} is running; this one does nothing`);
    this.name = 'SyncLockBusy';
  }
}

function listen(server: Server, name: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(name, () => {
      server.off('error', fail);
      done();
    });
  });
}

/** `dir` must be the folder's real path, so two spellings of one folder share one lock. */
export async function acquireSyncLock(dir: string): Promise<SyncLock> {
  if (process.platform === 'linux') {
    const server = createServer((socket) => socket.destroy());
    const name = `\0dangshi-kiosk-sync-${createHash('sha256').update(dir).digest('hex').slice(0, 32)}`;
    try {
      await listen(server, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new SyncLockBusy(dir);
      throw error;
    }
    // The lock alone must not keep the process alive.
    server.unref();
    return { release: () => new Promise((done) => server.close(() => done())) };
  }
  return acquireLockFile(dir);
}

async function acquireLockFile(dir: string): Promise<SyncLock> {
  const file = join(dir, '.kiosk-sync.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && processExists(pid)) throw new SyncLockBusy(dir);
    // Left by a sync that died: take it over (once; a second refusal means another just took it).
    await rm(file, { force: true });
  }
  throw new SyncLockBusy(dir);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
