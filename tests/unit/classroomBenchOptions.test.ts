/** `npm run bench:classroom`'s command line. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, DEFAULT_SCENARIOS, parseBenchArgs } from '../bench/classroom/options.ts';

describe('parseBenchArgs', () => {
  it('runs both scenarios of issue 19 by default', () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({ ...DEFAULT_OPTIONS, scenarios: DEFAULT_SCENARIOS });
    expect(DEFAULT_SCENARIOS.map(({ lessons, phonesPerLesson }) => [lessons, phonesPerLesson])).toEqual([
      [1, 200],
      [20, 40],
    ]);
  });

  it('runs one scenario of the counts given', () => {
    expect(parseBenchArgs(['--phones', '200', '--lessons', '1'])).toMatchObject({
      scenarios: [{ name: '200 phones in one lesson', lessons: 1, phonesPerLesson: 200 }],
    });
    expect(parseBenchArgs(['--lessons', '20', '--phones', '40'])).toMatchObject({
      scenarios: [{ name: '20 lessons × 40 phones', lessons: 20, phonesPerLesson: 40 }],
    });
    expect(parseBenchArgs(['--lessons=3'])).toMatchObject({ scenarios: [{ lessons: 3, phonesPerLesson: 40 }] });
  });

  it('takes the other options, with = or as the next word', () => {
    expect(
      parseBenchArgs([
        '--steps',
        '2',
        '--questions=1',
        '--question-seconds',
        '6',
        '--restart',
        'sigkill',
        '--json',
        'out.json',
        '--no-fail',
        '--websocket-only',
        '--settle-ms',
        '0',
      ]),
    ).toMatchObject({
      steps: 2,
      questions: 1,
      questionSeconds: 6,
      restartSignals: ['SIGKILL'],
      json: 'out.json',
      fail: false,
      websocketOnly: true,
      settleMs: 0,
    });
    expect(parseBenchArgs(['--restart', 'none'])).toMatchObject({ restartSignals: [] });
    expect(parseBenchArgs(['--processes', '2'])).toMatchObject({ processes: 2 });
    expect(parseBenchArgs([])).toMatchObject({ processes: 1 });
    expect(parseBenchArgs(['--processes', '9'])).toEqual({ error: '--processes needs at most 8, not 9' });
    expect(parseBenchArgs(['--processes', '0'])).toMatchObject({ error: expect.stringContaining('at least 1') });
    expect(parseBenchArgs(['--restart', 'SIGTERM,SIGKILL'])).toMatchObject({ restartSignals: ['SIGTERM', 'SIGKILL'] });
  });

  it('does not share the default list between runs', () => {
    const first = parseBenchArgs([]) as { restartSignals: string[] };
    first.restartSignals.push('SIGINT');
    expect(DEFAULT_OPTIONS.restartSignals).toEqual(['SIGTERM', 'SIGKILL']);
  });

  it.each([
    [['--phones', '0'], /--phones needs a whole number of at least 1, not 0/],
    [['--phones'], /--phones needs a whole number/],
    [['--steps', '-1'], /--steps/],
    [['--question-seconds', '3'], /at least 5/],
    [['--questions', '1.5'], /--questions/],
    [['--restart', 'SIGHUP'], /SIGHUP is not/],
    [['--json'], /--json needs a file name/],
    [['--fast'], /unknown option --fast/],
  ])('says what is wrong with %o', (args, message) => {
    const parsed = parseBenchArgs(args);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toMatch(message);
  });

  it('answers --help', () => {
    expect(parseBenchArgs(['--help'])).toBe('help');
    expect(parseBenchArgs(['--phones', '5', '-h'])).toBe('help');
  });
});
