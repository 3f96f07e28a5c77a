/**
 * The station server's settings, from the environment (the systemd unit or the shell). Checked
 * here once, so a typo stops the server with a message rather than running it half-configured.
 *
 * HOST, PORT, DATA_DIR, PUBLIC_URL, STATION_PRESENTER_PIN, SERVE_DIST: the README's table.
 * The curator's (布展):
 * - STATION_ADMIN_USER (default `admin`) and STATION_ADMIN_PASSWORD: the first 审核, created at
 *   a start that finds no reviewer; without the password that start prints a one-time setup link.
 *   A password too short (under 8) or equal to the username stops the server here.
 * - CURATE_ALLOW: addresses besides the station PC itself that may use `/api/curate/`, as IPs and
 *   CIDR ranges separated by commas or spaces (`192.168.1.30, 10.0.5.0/24`). Empty: the PC only.
 * Live lessons:
 * - STATION_JOINS_PER_ADDRESS: new participants one address may make in 10 minutes (default 600,
 *   the service's own). Behind a NAT a whole class shares one address; a county-wide lesson behind
 *   one, or the classroom bench (all its phones are 127.0.0.1), needs more.
 * Beyond one process (issue 19; the README's "Beyond one PC"):
 * - REDIS_URL (`redis://host:6379`): processes sharing this Redis are one station for live
 *   lessons. Unset: this process is the station alone.
 * - STATION_PROCESS_ID: this process's name among them (default: host, pid and a random suffix).
 * - STATION_TRUSTED_PROXIES: the proxies in front (IPs and CIDR ranges, as CURATE_ALLOW). Only a
 *   request from one of them has its X-Forwarded-For believed; every rate limit and the curator's
 *   "this PC only" then see the phone's own address, not the proxy's.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { usernameSchema } from '../live/curateProtocol.ts';
import { processIdSchema } from './cluster/relayProtocol.ts';
import { DEFAULT_LIMITS } from './commands/liveService.ts';
import { passwordProblem } from './commands/passwords.ts';

/** A setting that lists IPs and CIDR ranges (parseAddressList), empty when unset. */
function addressListSetting() {
  return z
    .string()
    .optional()
    .transform((list, context) => {
      const parsed = parseAddressList(list ?? '');
      if (typeof parsed === 'string') {
        context.addIssue({ code: 'custom', message: `not an IP address or CIDR range: ${parsed}` });
        return z.NEVER;
      }
      return parsed;
    });
}

const environmentSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((url) => url || undefined),
  STATION_PRESENTER_PIN: z
    .string()
    .optional()
    .transform((pin) => (pin?.trim() ? pin.trim() : undefined))
    .refine((pin) => pin === undefined || pin.length >= 4, 'STATION_PRESENTER_PIN needs at least 4 characters'),
  SERVE_DIST: z.string().min(1).optional(),
  // The first 审核 (reviewer), created at the first start when there is none; later starts ignore both.
  STATION_ADMIN_USER: z
    .string()
    .optional()
    .transform((user) => (user?.trim() ? user.trim() : 'admin'))
    .pipe(usernameSchema),
  STATION_ADMIN_PASSWORD: z
    .string()
    .optional()
    .transform((password) => (password ? password : undefined)),
  CURATE_ALLOW: addressListSetting(),
  // Empty is unset (a systemd unit's `Environment=STATION_JOINS_PER_ADDRESS=`), not zero.
  STATION_JOINS_PER_ADDRESS: z
    .string()
    .optional()
    .transform((text) => (text?.trim() ? Number(text.trim()) : DEFAULT_LIMITS.newParticipants.maxFailures))
    .pipe(z.number().int().min(1).max(1_000_000)),
  // Proxies in front of the station (issue 19: several processes behind one): X-Forwarded-For is believed only from these.
  STATION_TRUSTED_PROXIES: addressListSetting(),
  REDIS_URL: z
    .string()
    .optional()
    .transform((text) => (text?.trim() ? text.trim() : undefined))
    .pipe(z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' }).optional()),
  STATION_PROCESS_ID: z
    .string()
    .optional()
    .transform((text) => (text?.trim() ? text.trim() : undefined))
    .pipe(processIdSchema.optional()),
});

export interface StationConfig {
  host: string;
  port: number;
  dataDir: string;
  publicUrl: string | null;
  presenterPin: string | null;
  serveDist: string | null;
  /** The curator's first 审核, created when the station has none (STATION_ADMIN_USER). */
  adminUser: string;
  /** Its password (STATION_ADMIN_PASSWORD); null: the first start prints a one-time setup link instead. */
  adminPassword: string | null;
  /** Addresses besides the station PC itself that may use the curator (CURATE_ALLOW), e.g. `192.168.1.30`, `10.0.5.0/24`. */
  curateAllow: string[];
  /** New participants one address may make in the limit's window (STATION_JOINS_PER_ADDRESS; default the service's 600). */
  joinsPerAddress: number;
  /** Proxies whose X-Forwarded-For names the client (STATION_TRUSTED_PROXIES), canonical like curateAllow; empty: none. */
  trustedProxies: string[];
  /** Redis shared by the station's processes (REDIS_URL); null: this process alone. */
  redisUrl: string | null;
  /** This process's name among them (STATION_PROCESS_ID); null: made up at start. */
  processId: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): StationConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`station server settings: ${problems}`);
  }
  const values = parsed.data;
  const adminProblem = values.STATION_ADMIN_PASSWORD
    ? passwordProblem(values.STATION_ADMIN_PASSWORD, values.STATION_ADMIN_USER)
    : null;
  if (adminProblem) {
    throw new Error(
      `station server settings: STATION_ADMIN_PASSWORD: ${
        adminProblem === 'same-as-username' ? 'must not be the username' : 'needs 8 to 200 characters'
      }`,
    );
  }
  return {
    host: values.HOST,
    port: values.PORT,
    dataDir: resolve(cwd, values.DATA_DIR),
    publicUrl: values.PUBLIC_URL ?? null,
    presenterPin: values.STATION_PRESENTER_PIN ?? null,
    serveDist: values.SERVE_DIST ? resolve(cwd, values.SERVE_DIST) : null,
    adminUser: values.STATION_ADMIN_USER,
    adminPassword: values.STATION_ADMIN_PASSWORD ?? null,
    curateAllow: values.CURATE_ALLOW,
    joinsPerAddress: values.STATION_JOINS_PER_ADDRESS,
    trustedProxies: values.STATION_TRUSTED_PROXIES,
    redisUrl: values.REDIS_URL ?? null,
    processId: values.STATION_PROCESS_ID ?? null,
  };
}

/**
 * CURATE_ALLOW's list: IPv4 or IPv6 addresses and CIDR ranges, separated by commas or spaces,
 * each written back in one canonical form (`192.168.1.7`, `10.0.5.0/24`, `fd00::/8`). The first
 * entry that is neither comes back as a string, for the error message.
 */
export function parseAddressList(text: string): string[] | string {
  const entries: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : 0;
    if (family === 0 || extra !== undefined) return entry;
    if (prefix === undefined) {
      entries.push(canonicalAddress(address));
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return entry;
    entries.push(`${canonicalAddress(address)}/${bits}`);
  }
  return entries;
}

function canonicalAddress(address: string): string {
  // The URL parser writes IPv6 in its shortest form (`fd00:0:0::1` → `fd00::1`); IPv4 stays as it is.
  return isIPv6(address) ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
}

/** Whether an address (as the socket reports it; IPv4-mapped IPv6 counts as IPv4) is in a parsed CURATE_ALLOW list. */
export function addressMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    return type !== null && list.check(address, type);
  };
}

/** Loopback, IPv4 or IPv6, mapped or not: a connection from the station PC to itself. */
export function isLoopback(address: string): boolean {
  if (address === '::1') return true;
  const ipv4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isIPv4(ipv4) && ipv4.startsWith('127.');
}
