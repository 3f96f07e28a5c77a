/**
 * `tsx src/build/checkContentCli.ts [contentDir] [assetsDir]` — checks the exhibition content
 * the way the build does. One line per problem, a summary, exit code 1 when there is an error.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../content/problems.ts';
import { checkContent } from './checkContent.ts';

const contentDir = resolve(process.argv[2] ?? 'assets/content');
const assetsDir = resolve(process.argv[3] ?? 'assets');

const problems = await checkContent(contentDir, assetsDir);
for (const problem of problems) console.log(formatProblem(problem));

const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;
if (problems.length === 0) {
  console.log('内容检查通过 (content check passed)');
} else {
  console.log(`内容检查：${errors} 个错误，${warnings} 个警告 (content check: ${errors} error(s), ${warnings} warning(s))`);
}
process.exitCode = errors > 0 ? 1 : 0;
