// startSandbox(): one HTTP server that stands in for Weibo API v2, the WeChat Official Account API and a
// government portal CMS, for any number of simulated accounts, with its state under `dataDir`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { seedDemo, writeManifest, type DemoInput, type DemoManifest } from './control/demo';
import { createContext, type SandboxContext } from './core/context';
import type { PublicSimulator } from './public-simulator/simulator';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  dataDir: string;
  /** Seeds faults, the simulated public and generated history; kept per data dir after first use. */
  seed?: string | number;
  /** Simulated public interactions per minute across all accounts (default 0: only on demand). */
  publicRate?: number;
  /** Base of the links the sandbox hands out (article pages, images); defaults to the listening URL. */
  publicUrl?: string;
  /** Set up the demo organisation's accounts (once per data dir) and write demo-manifest.json. */
  demo?: boolean | DemoInput;
}

export interface Sandbox {
  url: string;
  port: number;
  ctx: SandboxContext;
  sim: PublicSimulator;
  /** Set when started with `demo`. */
  manifest: DemoManifest | null;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const ctx = createContext(options.dataDir, options.seed === undefined ? undefined : String(options.seed));
  const { app, sim, ticker } = buildApp(ctx);
  const server = http.createServer(app);
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (e) {
    ctx.timers.close();
    ctx.db.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  ctx.publicBase = (options.publicUrl ?? url).replace(/\/$/, '');
  let manifest: DemoManifest | null = null;
  if (options.demo) {
    manifest = seedDemo(ctx, sim, options.demo === true ? {} : options.demo);
    writeManifest(ctx, manifest);
  }
  ticker.configure(options.publicRate ?? 0);
  let closed = false;
  return {
    url,
    port,
    ctx,
    sim,
    manifest,
    close: async () => {
      if (closed) return;
      closed = true;
      ctx.timers.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      ctx.db.close();
    },
  };
}

export type { DemoInput, DemoManifest } from './control/demo';
export type { SandboxContext } from './core/context';
