/** The station server's settings from the environment, and the address phones are sent to. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
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
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'ftp://station/' }, /PUBLIC_URL/],
    [{ STATION_PRESENTER_PIN: '12' }, /at least 4/],
  ])('stop the server with a message when wrong (%o)', (env, message) => {
    expect(() => readConfig(env, '/srv')).toThrow(message);
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
