import { describe, expect, it } from 'vitest';
import { formatModeParams, parseModeParams } from '../../src/routing/modeParams.ts';

describe('mode parameters', () => {
  it('defaults to the visitor mode', () => {
    expect(parseModeParams('')).toEqual({
      mode: 'visitor',
      idleSeconds: null,
      warningSeconds: null,
      attractRestSeconds: null,
      tourId: null,
    });
    expect(parseModeParams('?mode=unknown&idle=5').mode).toBe('visitor');
  });

  it('reads the kiosk idle override, ignoring nonsense', () => {
    expect(parseModeParams('?mode=kiosk&idle=20')).toMatchObject({ mode: 'kiosk', idleSeconds: 20 });
    expect(parseModeParams('?mode=kiosk&idle=abc').idleSeconds).toBeNull();
    expect(parseModeParams('?mode=kiosk&idle=-3').idleSeconds).toBeNull();
    expect(parseModeParams('?mode=visitor&idle=20').idleSeconds).toBeNull();
  });

  it('reads the kiosk warning length and attract rest, in whole seconds, for the kiosk only', () => {
    expect(parseModeParams('?mode=kiosk&idle=16&warn=6&rest=4')).toMatchObject({
      idleSeconds: 16,
      warningSeconds: 6,
      attractRestSeconds: 4,
    });
    expect(parseModeParams('?mode=kiosk&warn=2.6').warningSeconds).toBe(3);
    for (const bad of ['', '0', '-1', 'soon', 'Infinity']) {
      expect(parseModeParams(`?mode=kiosk&warn=${bad}&rest=${bad}`), bad).toMatchObject({
        warningSeconds: null,
        attractRestSeconds: null,
      });
    }
    expect(parseModeParams('?mode=present&warn=5&rest=5')).toMatchObject({ warningSeconds: null, attractRestSeconds: null });
    expect(
      parseModeParams(formatModeParams({ mode: 'kiosk', idleSeconds: 16, warningSeconds: 6, attractRestSeconds: 4 })),
    ).toMatchObject({
      idleSeconds: 16,
      warningSeconds: 6,
      attractRestSeconds: 4,
    });
  });

  it('reads the present tour and round-trips', () => {
    const params = parseModeParams('?mode=present&tour=new-recruits');
    expect(params).toMatchObject({ mode: 'present', tourId: 'new-recruits' });
    expect(formatModeParams(params)).toBe('?mode=present&tour=new-recruits');
    expect(formatModeParams({ mode: 'visitor' })).toBe('');
    expect(parseModeParams(formatModeParams({ mode: 'kiosk', idleSeconds: 30 }))).toMatchObject({
      mode: 'kiosk',
      idleSeconds: 30,
    });
  });

  it('reads the curator’s mode, with no kiosk or tour settings, and round-trips it', () => {
    expect(parseModeParams('?mode=curate')).toEqual({
      mode: 'curate',
      idleSeconds: null,
      warningSeconds: null,
      attractRestSeconds: null,
      tourId: null,
    });
    // A setup link's token is the curate mode's own to read (and drop from the address bar).
    expect(parseModeParams('?mode=curate&setup=abc&idle=20&tour=t')).toMatchObject({
      mode: 'curate',
      idleSeconds: null,
      tourId: null,
    });
    expect(formatModeParams({ mode: 'curate' })).toBe('?mode=curate');
    expect(parseModeParams('?mode=Curate').mode).toBe('visitor');
  });
});
