import { mkdirSync, writeFileSync } from 'node:fs';
import { type Server } from 'node:http';
import { join } from 'node:path';
import { type AddressInfo } from 'node:net';
import { type INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startApp } from '../../src/app-factory';
import { loadConfig } from '../../src/config/app-config';
import { ApiClient } from './api-client';
import { createTestDatabase, type Engine, type TestDatabase } from './engines';
import { TestClock } from './test-clock';

export const ADMIN_PASSWORD = 'Sunlight-Boot-2026';
export const DEMO_PASSWORD = 'Demo-Pass-2026';
export const TEST_SECRET_KEY = 'a'.repeat(64);

export interface TestApp {
  engine: Engine;
  url: string;
  app: INestApplication;
  ds: DataSource;
  db: TestDatabase;
  clock: TestClock;
  client(): ApiClient;
  /** A client logged in as the given user. */
  as(username: string, password?: string): Promise<ApiClient>;
  close(): Promise<void>;
}

/** The api role on a fresh database of the given engine, listening on a free port, started as main.ts starts it. */
export async function startTestApp(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase(engine);
  // A stand-in SPA build, so the app is tested with static serving on as in production.
  const webDist = join(db.dataDir, 'web');
  mkdirSync(webDist);
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>阳光政务新媒体运营台</title>');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SUNLIGHT_ROLE: 'api',
    SUNLIGHT_DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    SUNLIGHT_SECRET_KEY: TEST_SECRET_KEY,
    SUNLIGHT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SUNLIGHT_DEMO: '0',
    SUNLIGHT_DEMO_PASSWORD: DEMO_PASSWORD,
    SUNLIGHT_LOG_LEVEL: 'silent',
    SUNLIGHT_WEB_DIST: webDist,
    ...env,
  });
  const clock = new TestClock();
  const { http } = await startApp(config, clock);
  const app = http!;
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    engine,
    url,
    app,
    ds: app.get(DataSource),
    db,
    clock,
    client: () => new ApiClient(url),
    async as(username, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) {
      const c = new ApiClient(url);
      const res = await c.login(username, password);
      if (res.status !== 200)
        throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return c;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
