// npm test: every check CI runs — format, lint, types, import cycles, unit and integration tests on
// both database engines, the build, and the end-to-end tests in Chromium. It runs them all and
// reports every failure, then ends with one line: "N passed, M failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, ensurePnpm, install, log, root, run } from './lib.mjs';

const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

install();
buildAll();
const pnpmBin = ensurePnpm();
const failedSteps = [];
const step = (name, cmd, args, options) => {
  log(name);
  if (run(cmd, args, options) !== 0) failedSteps.push(name);
};
const bin = (name) => join(root, 'node_modules', '.bin', name);

step('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
step('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
step('typecheck', pnpmBin, ['-r', '--no-bail', 'typecheck']);
step('import cycles (madge)', bin('madge'), [
  '--circular',
  '--extensions',
  'ts,vue',
  '--ts-config',
  'apps/server/tsconfig.json',
  'apps/server/src',
  'apps/web/src',
  'apps/sandbox/src',
  'libs/contracts/src',
]);

const vitestPackages = [
  ['@sunlight/contracts', 'libs/contracts'],
  ['@sunlight/server', 'apps/server'],
  ['@sunlight/web', 'apps/web'],
  ['@sunlight/sandbox', 'apps/sandbox'],
];
for (const [name, dir] of vitestPackages) {
  if (
    !existsSync(join(root, dir, 'vitest.config.mts')) &&
    !existsSync(join(root, dir, 'vitest.config.ts')) &&
    !existsSync(join(root, dir, 'vite.config.ts'))
  )
    continue;
  const out = join(results, `${name.replace(/\W/g, '_')}.json`);
  step(`tests: ${name}`, pnpmBin, [
    '--filter',
    name,
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
}

step('e2e (Playwright, Chromium)', pnpmBin, ['--filter', '@sunlight/e2e', 'exec', 'playwright', 'test'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'e2e.json') },
});

let passed = 0;
let failed = 0;
for (const [name] of vitestPackages) {
  const file = join(results, `${name.replace(/\W/g, '_')}.json`);
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
const e2e = join(results, 'e2e.json');
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
}
if (failedSteps.length) console.error(`\n✗ failed: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
