// Real worker processes as production runs them: `node apps/server/dist/main.js` with SUNLIGHT_ROLE=worker
// on the test's database (the build must be current; npm test builds first). The fleet keeps `size` of them
// running and can kill one with SIGKILL and start its replacement at once, as a supervisor would.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../../dist/main.js');

export interface WorkerFleet {
  /** The pids of the workers running now. */
  pids(): number[];
  /** SIGKILLs the worker and starts another in its place; resolves once the kill is done. */
  killAndReplace(pid: number): Promise<void>;
  /** Starts the workers and waits until every one has started. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function workerFleet(size: number, env: Record<string, string>, logFile: string): WorkerFleet {
  const live = new Map<number, ChildProcess>();
  const log: WriteStream = createWriteStream(logFile, { flags: 'a' });

  const spawnOne = (): Promise<void> => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, SUNLIGHT_ROLE: 'worker', SUNLIGHT_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.set(child.pid!, child);
    child.stderr.pipe(log, { end: false });
    return new Promise((resolve, reject) => {
      // main.ts says it has started on stdout (the logs are JSON on stderr).
      child.stdout.on('data', () => resolve());
      child.once('exit', (code, signal) => {
        live.delete(child.pid!);
        reject(new Error(`worker ${child.pid} exited with ${code ?? signal} before it started`));
      });
    });
  };

  return {
    pids: () => [...live.keys()],
    async killAndReplace(pid) {
      const child = live.get(pid);
      if (!child) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
      // Not awaited: the replacement boots while the test goes on killing.
      spawnOne().catch(() => undefined);
    },
    async start() {
      await Promise.all(Array.from({ length: size }, spawnOne));
    },
    async stop() {
      const all = [...live.values()];
      await Promise.all(
        all.map((c) => {
          const gone = new Promise((r) => c.once('exit', r));
          c.kill('SIGKILL');
          return gone;
        }),
      );
      log.end();
    },
  };
}
