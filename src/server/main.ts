/**
 * `npm run serve`: the station server. Serves the exhibition and its live lessons from one
 * process; settings come from the environment (see config.ts and the README's "Station server").
 *
 * Signals: SIGTERM/SIGINT stop it cleanly (the phones reconnect when it is back), SIGHUP checks
 * the build stamp again (after a `git pull`: `systemctl --user reload dangshi-station`).
 */
import { resolve } from 'node:path';
import { startStation } from './app.ts';
import { DEFAULT_LIMITS } from './commands/liveService.ts';
import { readConfig } from './config.ts';
import { lanAddresses } from './network.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const log = (message: string) => console.info(`[station] ${message}`);

async function main(): Promise<void> {
  const config = readConfig(process.env, process.cwd());
  const station = await startStation({
    root: ROOT,
    ...config,
    limits: { newParticipants: { ...DEFAULT_LIMITS.newParticipants, maxFailures: config.joinsPerAddress } },
    log,
  });
  const lan = lanAddresses();
  log(`党史长廊 station server, listening on ${config.host}:${station.port}`);
  log(`PUBLIC_URL ${station.publicUrl}${config.publicUrl ? '' : ' (not set: the first LAN address; set PUBLIC_URL to choose)'}`);
  for (const { interfaceName, address } of lan) log(`  LAN address ${interfaceName}: http://${address}:${station.port}/`);
  if (lan.length === 0) log('  no LAN address: phones cannot reach this machine (is it on the Wi-Fi?)');
  log(
    config.presenterPin
      ? 'presenter PIN set: live lessons can start'
      : 'STATION_PRESENTER_PIN is not set: the site works, but no live lesson can start',
  );
  log(
    `curator (?mode=curate): logins from this PC${
      config.curateAllow.length
        ? ` and from CURATE_ALLOW ${config.curateAllow.join(', ')}`
        : ' only (CURATE_ALLOW adds addresses)'
    }`,
  );
  if (station.resumed.resumed || station.resumed.expired) {
    log(`resumed ${station.resumed.resumed} live lesson(s); ${station.resumed.expired} had run past their time and ended`);
  }
  log(
    config.serveDist
      ? `serving ${config.serveDist} as it is (SERVE_DIST)`
      : `build ${station.builds.current?.stamp ?? 'none yet'}`,
  );
  // One line a harness can read: where this process answers.
  console.info(`STATION_READY ${JSON.stringify({ url: station.localUrl, port: station.port, publicUrl: station.publicUrl })}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    station.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => {
    log('SIGHUP: checking the build');
    void station.builds.refresh();
  });
}

main().catch((error: unknown) => {
  console.error(`[station] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
