/**
 * This machine's addresses on the station's network, so the station can pick the one the phones
 * reach (PUBLIC_URL), and the default when none is picked.
 */
import { networkInterfaces } from 'node:os';

export interface LanAddress {
  interfaceName: string;
  address: string;
}

/** IPv4 addresses other than loopback: what a phone on the same Wi-Fi can type or scan. */
export function lanAddresses(interfaces = networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [interfaceName, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) found.push({ interfaceName, address: entry.address });
    }
  }
  return found;
}

/** Bound to loopback: loopback; bound to one address: that one; to all: the first LAN address. */
export function defaultPublicUrl(host: string, port: number, lan: LanAddress[]): string {
  const loopbackOnly = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const wildcard = host === '0.0.0.0' || host === '::';
  const chosen = loopbackOnly ? '127.0.0.1' : wildcard ? (lan[0]?.address ?? '127.0.0.1') : host;
  return `http://${chosen.includes(':') ? `[${chosen}]` : chosen}:${port}/`;
}
