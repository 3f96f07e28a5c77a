import { describe, expect, it } from 'vitest';
import { formatModeParams, parseModeParams } from '../../src/routing/modeParams.ts';

describe('mode parameters', () => {
  it('defaults to the visitor mode', () => {
    expect(parseModeParams('')).toEqual({ mode: 'visitor', idleSeconds: null, tourId: null });
    expect(parseModeParams('?mode=unknown&idle=5').mode).toBe('visitor');
  });

  it('reads the kiosk idle override, ignoring nonsense', () => {
    expect(parseModeParams('?mode=kiosk&idle=20')).toMatchObject({ mode: 'kiosk', idleSeconds: 20 });
    expect(parseModeParams('?mode=kiosk&idle=abc').idleSeconds).toBeNull();
    expect(parseModeParams('?mode=kiosk&idle=-3').idleSeconds).toBeNull();
    expect(parseModeParams('?mode=visitor&idle=20').idleSeconds).toBeNull();
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
});
