import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type INestApplication } from '@nestjs/common';
import { startApp } from '../../src/app-factory';
import { loadConfig } from '../../src/config/app-config';
import { ApiClient } from '../support/api-client';
import { ADMIN_PASSWORD, TEST_SECRET_KEY, type TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';

export interface SecondInstance {
  url: string;
  clock: TestClock;
  client(): ApiClient;
  close(): Promise<void>;
}

/** Another api process on the same database, as a second server behind a load balancer would be. */
export async function startSecondInstance(t: TestApp): Promise<SecondInstance> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SUNLIGHT_ROLE: 'api',
    SUNLIGHT_DATA_DIR: t.db.dataDir,
    DATABASE_URL: t.db.url,
    SUNLIGHT_SECRET_KEY: TEST_SECRET_KEY,
    SUNLIGHT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SUNLIGHT_DEMO: '0',
    SUNLIGHT_LOG_LEVEL: 'silent',
  });
  const clock = new TestClock();
  const app = (await startApp(config, clock)).http as INestApplication;
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return { url, clock, client: () => new ApiClient(url), close: () => app.close() };
}
