// What the multi-process tests share: the parent starts a worker script with `node --import tsx` and waits
// for its "ready"; the worker drains jobs the way the worker role's tick does until it is killed.
import { type ChildProcess, spawn } from 'node:child_process';
import { type JobRunner } from '../../src/modules/jobs/job-runner';

export function startWorkerProcess(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

/**
 * In the worker: says "ready", then drains, after `beforeDrain` (e.g. queueing due sends) each time; a failed
 * tick is logged and the next one tries again.
 */
export async function drainForever(runner: JobRunner, beforeDrain?: () => Promise<unknown>): Promise<never> {
  process.stdout.write('ready\n');
  for (;;) {
    const ran = await Promise.resolve(beforeDrain?.())
      .then(() => runner.drain())
      .catch((err: unknown) => {
        console.error(err);
        return 0;
      });
    if (ran === 0) await new Promise((r) => setTimeout(r, 50));
  }
}

export function runWorker(main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
