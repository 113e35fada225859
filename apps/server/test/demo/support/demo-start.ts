// A demo installation as `npm start` makes one: the sandbox in demo mode (config/demo-sandbox.json, with
// the history each test asks for) and the server started with its manifest on a fresh database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoInput, type Sandbox, startSandbox } from '@sunlight/sandbox';
import { type Engine } from '../../support/engines';
import { startTestApp, type TestApp } from '../../support/test-app';

const demoConfig = JSON.parse(
  readFileSync(join(__dirname, '../../../../../config/demo-sandbox.json'), 'utf8'),
) as DemoInput;

export interface DemoStart {
  sb: Sandbox;
  t: TestApp;
  close(): Promise<void>;
}

export async function startDemo(
  engine: Engine,
  seed: string,
  history: NonNullable<DemoInput['history']>,
): Promise<DemoStart> {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-demo-'));
  const sb = await startSandbox({ dataDir: dir, seed, demo: { ...demoConfig, history } });
  const t = await startTestApp(engine, {
    SUNLIGHT_DEMO: '1',
    SUNLIGHT_DEMO_ACCOUNTS: join(dir, 'demo-manifest.json'),
  });
  return {
    sb,
    t,
    close: async () => {
      await t.close();
      await sb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
