#!/usr/bin/env node
// CLI: node dist/main.js --port 4100 --data ./data/sandbox [--seed S] [--public-rate N] [--demo]
// Every flag has an environment variable (see README); flags win.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { startSandbox } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    seed: { type: 'string' },
    'public-rate': { type: 'string' },
    'public-url': { type: 'string' },
    demo: { type: 'boolean' },
    'demo-config': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'usage: sunlight-sandbox --port 4100 --data ./data/sandbox [--host 127.0.0.1] [--seed S] [--public-rate N] [--public-url URL] [--demo] [--demo-config file.json]',
  );
  process.exit(0);
}

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

const env = process.env;
const port = Number(values.port ?? env.SANDBOX_PORT ?? 4100);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port / SANDBOX_PORT must be a port number, got ${values.port ?? env.SANDBOX_PORT}`);
const publicRate = Number(values['public-rate'] ?? env.SANDBOX_PUBLIC_RATE ?? 0);
if (!Number.isFinite(publicRate) || publicRate < 0)
  fail('--public-rate / SANDBOX_PUBLIC_RATE must be a number ≥ 0 (interactions per minute)');
const demoConfig = values['demo-config'] ?? env.SANDBOX_DEMO_CONFIG;
const demoWanted = values.demo ?? ['1', 'true', 'yes'].includes(String(env.SANDBOX_DEMO ?? '').toLowerCase());

void (async () => {
  const sandbox = await startSandbox({
    port,
    host: values.host ?? env.SANDBOX_HOST ?? '127.0.0.1',
    dataDir: values.data ?? env.SANDBOX_DATA_DIR ?? './data/sandbox',
    seed: values.seed ?? env.SANDBOX_SEED,
    publicRate,
    publicUrl: values['public-url'] ?? env.SANDBOX_PUBLIC_URL,
    demo:
      demoWanted || demoConfig
        ? demoConfig
          ? (JSON.parse(fs.readFileSync(demoConfig, 'utf8')) as object)
          : true
        : false,
  });
  console.log(`sandbox listening on ${sandbox.url} (data ${sandbox.ctx.dataDir}, seed ${sandbox.ctx.seed})`);
  if (sandbox.manifest) console.log(`demo accounts written to ${sandbox.ctx.dataDir}/demo-manifest.json`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
