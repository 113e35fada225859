// npm run bench: builds what the benchmarks use, then runs every bench/<target>/run.mjs (or the targets named
// on the command line: `npm run bench -- ingest`). Each prints its figure beside a baseline measured in the
// same run; bench/RESULTS.md keeps the latest figures.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, install, log, root, run } from './lib.mjs';

install();
buildAll();
const benchDir = join(root, 'bench');
const all = existsSync(benchDir)
  ? readdirSync(benchDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(benchDir, d.name, 'run.mjs')))
      .map((d) => d.name)
  : [];
const wanted = process.argv.slice(2);
const targets = wanted.length ? wanted : all;
const unknown = targets.filter((t) => !all.includes(t));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${all.join(', ') || '(none)'}`);
  process.exit(2);
}
let failed = 0;
for (const target of targets) {
  log(`bench ${target}`);
  if (run(process.execPath, [join(benchDir, target, 'run.mjs')]) !== 0) failed++;
}
process.exit(failed ? 1 : 0);
