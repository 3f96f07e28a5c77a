/**
 * `npm run curate:reset [username]`, on the station PC: prints a one-time link that sets a 审核's
 * password again, for when the last one has forgotten it (a 审核 resets anyone else's in the
 * curator). It opens the same database as the station (DATA_DIR from the same environment), so
 * the link works at once, whether the station is running or not.
 *
 * - No username: the station's only 审核 (or, with none, the link creates the first one). With
 *   several, it lists them and asks for a name: any of them can then reset the others'.
 * - A username: that account; the link also makes it an enabled 审核.
 *
 * Whoever can run this can read the station's files anyway: being at the station PC is the proof.
 */
import { join } from 'node:path';
import { setupPagePath } from '../live/curateProtocol.ts';
import { CuratorService } from './commands/curatorService.ts';
import { readConfig } from './config.ts';
import { createAccountRepository } from './storage/accountRepository.ts';
import { openDatabase } from './storage/database.ts';

function main(): number {
  const config = readConfig(process.env, process.cwd());
  const username = process.argv[2]?.trim() || null;
  const db = openDatabase(join(config.dataDir, 'station.sqlite'));
  try {
    const outcome = new CuratorService({ repository: createAccountRepository(db) }).resetCommand(username);
    if (!outcome.ok) {
      if (outcome.reason === 'unknown-account') console.error(`[curate:reset] no account named "${outcome.username}"`);
      else {
        console.error(`[curate:reset] this station has several 审核 accounts: ${outcome.reviewers.join(', ')}`);
        console.error('[curate:reset] name the one to reset: npm run curate:reset -- <username>');
      }
      return 2;
    }
    // The station PC opens its own address: loopback unless PUBLIC_URL names the address to use.
    const base = config.publicUrl ?? `http://127.0.0.1:${config.port || 8080}/`;
    const link = new URL(`.${setupPagePath(outcome.token)}`, base.endsWith('/') ? base : `${base}/`).href;
    console.info(
      outcome.purpose === 'reset'
        ? `[curate:reset] a new password for 审核 "${outcome.username}": open this one-time link on this PC within 24 hours`
        : '[curate:reset] no 审核 account yet: open this one-time link on this PC within 24 hours to create one',
    );
    console.info(`CURATE_SETUP_LINK ${link}`);
    return 0;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (error: unknown) {
  console.error(`[curate:reset] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
