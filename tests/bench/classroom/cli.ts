/**
 * `npm run bench:classroom`: the classroom at scale (issue 19). Simulated phones on loopback
 * against the real station server; prints the figures and the checks, writes them as JSON with
 * `--json FILE`, and exits 1 when a check fails (unless `--no-fail`). Options: `--help`, or
 * tests/bench/classroom/options.ts. Not part of `npm test`: it takes minutes and both cores.
 */
import { writeFile } from 'node:fs/promises';
import { parseBenchArgs, USAGE } from './options.ts';
import { formatChecks, formatTable, reportRows } from './report.ts';
import { runClassroomBench } from './run.ts';

const parsed = parseBenchArgs(process.argv.slice(2));
if (parsed === 'help') {
  console.info(USAGE);
  process.exit(0);
}
if ('error' in parsed) {
  console.error(`${parsed.error}\n\n${USAGE}`);
  process.exit(2);
}

const report = await runClassroomBench(parsed, (line) => console.info(`[bench] ${line}`));
const { machine } = report;
console.info(
  `\n课堂规模 · the classroom at scale — ${report.date.slice(0, 10)}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}\n`,
);
console.info(formatTable(['figure', ...report.scenarios.map((scenario) => scenario.name)], reportRows(report.scenarios)));
console.info(`\n${formatChecks(report.checks)}\n`);
console.info(`${report.pass ? 'PASS' : 'FAIL'} (wall time ${(report.wallMs / 1000).toFixed(1)} s)`);
if (parsed.json) {
  await writeFile(parsed.json, `${JSON.stringify(report, null, 2)}\n`);
  console.info(`wrote ${parsed.json}`);
}
process.exit(report.pass || !parsed.fail ? 0 : 1);
