/** The station server's settings from the environment, and the address phones are sent to. */
import { describe, expect, it } from 'vitest';
import { addressMatcher, isLoopback, parseAddressList, readConfig } from '../../src/server/config.ts';
import { defaultPublicUrl, lanAddresses } from '../../src/server/network.ts';

describe('settings', () => {
  it('default to all addresses, port 8080 and ./data', () => {
    expect(readConfig({}, '/srv/dangshi')).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/srv/dangshi/data',
      publicUrl: null,
      presenterPin: null,
      serveDist: null,
      adminUser: 'admin',
      adminPassword: null,
      curateAllow: [],
      joinsPerAddress: 600,
      trustedProxies: [],
      redisUrl: null,
      processId: null,
    });
  });

  it('take what the environment sets', () => {
    expect(
      readConfig(
        {
          HOST: '127.0.0.1',
          PORT: '9000',
          DATA_DIR: '/var/lib/dangshi',
          PUBLIC_URL: 'http://192.168.1.20:9000',
          STATION_PRESENTER_PIN: ' 8642 ',
          SERVE_DIST: 'dist',
          STATION_ADMIN_USER: ' 张伟 ',
          STATION_ADMIN_PASSWORD: 'long enough pass',
          CURATE_ALLOW: '192.168.1.30, 10.0.5.0/24 fd00:0:0::1',
          STATION_JOINS_PER_ADDRESS: '5000',
          REDIS_URL: ' redis://10.0.5.2:6379/0 ',
          STATION_TRUSTED_PROXIES: '127.0.0.1, 10.0.5.0/24',
          STATION_PROCESS_ID: 'station-b',
        },
        '/srv/dangshi',
      ),
    ).toEqual({
      host: '127.0.0.1',
      port: 9000,
      dataDir: '/var/lib/dangshi',
      publicUrl: 'http://192.168.1.20:9000',
      presenterPin: '8642',
      serveDist: '/srv/dangshi/dist',
      adminUser: '张伟',
      adminPassword: 'long enough pass',
      curateAllow: ['192.168.1.30', '10.0.5.0/24', 'fd00::1'],
      joinsPerAddress: 5000,
      trustedProxies: ['127.0.0.1', '10.0.5.0/24'],
      redisUrl: 'redis://10.0.5.2:6379/0',
      processId: 'station-b',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'ftp://station/' }, /PUBLIC_URL/],
    [{ STATION_PRESENTER_PIN: '12' }, /at least 4/],
    [{ STATION_ADMIN_PASSWORD: 'short' }, /STATION_ADMIN_PASSWORD/],
    [{ STATION_ADMIN_USER: 'keeper1234', STATION_ADMIN_PASSWORD: 'KEEPER1234' }, /not be the username/],
    [{ STATION_ADMIN_USER: 'two words' }, /STATION_ADMIN_USER/],
    [{ CURATE_ALLOW: '192.168.1.300' }, /CURATE_ALLOW.*192\.168\.1\.300/],
    [{ CURATE_ALLOW: '10.0.0.0/33' }, /CURATE_ALLOW/],
    [{ CURATE_ALLOW: 'station.local' }, /CURATE_ALLOW/],
    [{ STATION_JOINS_PER_ADDRESS: '0' }, /STATION_JOINS_PER_ADDRESS/],
    [{ STATION_JOINS_PER_ADDRESS: 'many' }, /STATION_JOINS_PER_ADDRESS/],
    [{ STATION_JOINS_PER_ADDRESS: '2.5' }, /STATION_JOINS_PER_ADDRESS/],
    [{ REDIS_URL: 'http://10.0.5.2:6379' }, /REDIS_URL must be a redis:\/\//],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL/],
    [{ STATION_PROCESS_ID: 'two words' }, /STATION_PROCESS_ID/],
    [{ STATION_TRUSTED_PROXIES: 'proxy.local' }, /STATION_TRUSTED_PROXIES.*proxy\.local/],
  ])('stop the server with a message when wrong (%o)', (env, message) => {
    expect(() => readConfig(env, '/srv')).toThrow(message);
  });

  it('keep the join limit per address at the service’s own unless raised', () => {
    expect(readConfig({ STATION_JOINS_PER_ADDRESS: ' ' }, '/srv').joinsPerAddress).toBe(600);
    expect(readConfig({ STATION_JOINS_PER_ADDRESS: '20000' }, '/srv').joinsPerAddress).toBe(20_000);
  });

  it('treat an empty REDIS_URL as none (one process alone)', () => {
    expect(readConfig({ REDIS_URL: '', STATION_PROCESS_ID: ' ' }, '/srv')).toMatchObject({ redisUrl: null, processId: null });
  });

  it('treat an empty PIN as none', () => {
    expect(readConfig({ STATION_PRESENTER_PIN: '   ' }, '/srv').presenterPin).toBeNull();
  });
});

describe('the address phones are sent to', () => {
  const lan = lanAddresses({
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
    wlan0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
      { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff::', mac: '', cidr: null, scopeid: 2 },
    ],
  });

  it('lists the LAN addresses, not loopback', () => {
    expect(lan).toEqual([{ interfaceName: 'wlan0', address: '192.168.1.20' }]);
  });

  it('is the first LAN address when listening on all, loopback when only there', () => {
    expect(defaultPublicUrl('0.0.0.0', 8080, lan)).toBe('http://192.168.1.20:8080/');
    expect(defaultPublicUrl('127.0.0.1', 8080, lan)).toBe('http://127.0.0.1:8080/');
    expect(defaultPublicUrl('0.0.0.0', 8080, [])).toBe('http://127.0.0.1:8080/');
    expect(defaultPublicUrl('10.0.0.7', 80, lan)).toBe('http://10.0.0.7:80/');
  });
});

describe('the addresses that may use the curator (CURATE_ALLOW)', () => {
  const allowed = (list: string) => {
    const entries = parseAddressList(list);
    if (typeof entries === 'string') throw new Error(`not parsed: ${entries}`);
    return addressMatcher(entries);
  };

  it('match single addresses exactly', () => {
    const matches = allowed('192.168.1.30');
    expect(matches('192.168.1.30')).toBe(true);
    expect(matches('192.168.1.31')).toBe(false);
    expect(matches('192.168.1.3')).toBe(false);
  });

  it('match IPv4 ranges by their prefix, at both ends and not beyond', () => {
    const matches = allowed('10.0.5.0/24,172.16.0.0/12');
    expect(matches('10.0.5.0')).toBe(true);
    expect(matches('10.0.5.255')).toBe(true);
    expect(matches('10.0.6.0')).toBe(false);
    expect(matches('10.0.4.255')).toBe(false);
    expect(matches('172.31.255.1')).toBe(true);
    expect(matches('172.32.0.1')).toBe(false);
  });

  it('take an IPv4-mapped IPv6 address as the IPv4 one, and match IPv6 ranges', () => {
    expect(allowed('10.0.5.0/24')('::ffff:10.0.5.9')).toBe(true);
    const matches = allowed('fd00::/8');
    expect(matches('fd12:3456::1')).toBe(true);
    expect(matches('fe80::1')).toBe(false);
  });

  it('match nothing when empty, and never a malformed address', () => {
    expect(allowed('')('127.0.0.1')).toBe(false);
    expect(allowed('0.0.0.0/0')('not an address')).toBe(false);
    expect(allowed('0.0.0.0/0')('203.0.113.9')).toBe(true);
  });

  it('report the first entry that is not an address or range', () => {
    expect(parseAddressList('10.0.0.1, 10.0.0.0/8/2')).toBe('10.0.0.0/8/2');
    expect(parseAddressList('10.0.0.0/-1')).toBe('10.0.0.0/-1');
    expect(parseAddressList('::1/129')).toBe('::1/129');
  });

  it('know loopback in all its spellings', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address), address).toBe(true);
    for (const address of ['128.0.0.1', '::2', '192.168.1.20', 'unknown']) expect(isLoopback(address), address).toBe(false);
  });
});
