import { defineConfig } from '@playwright/test';

/** E2E_PORT lets two runs share a machine; the demo sandbox listens 1000 above it. */
export const PORT = Number(process.env.E2E_PORT ?? 3197);
export const ADMIN_PASSWORD = 'E2e-Boot-Pass-26';
export const DEMO_PASSWORD = 'E2e-Demo-Pass-26';

/** Debian's Chromium, headless; the test tools cannot download browsers of their own here. */
export default defineConfig({
  testDir: 'specs',
  outputDir: 'artifacts/results',
  timeout: 60_000,
  workers: 1,
  // The JSON report goes to a file: on stdout it would bury the list of results.
  reporter: [['list'], ['json', { outputFile: 'artifacts/report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node support/start-app.mjs',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      SANDBOX_PORT: String(PORT + 1000),
      HOST: '127.0.0.1',
      SUNLIGHT_DEMO: '1',
      SUNLIGHT_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SUNLIGHT_DEMO_PASSWORD: DEMO_PASSWORD,
    },
  },
});
