import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of the web app against a real server with fresh demo data.
 * Debian's Chromium is used (no browser download); the web app must already be built
 * into packages/web/dist (the test runner script builds it first).
 */
/** E2E_PORT lets two runs share a machine; each gets its own port and data folder. */
const PORT = Number(process.env.E2E_PORT ?? 8181);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: `.tmp/e2e-results-${PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    locale: 'ru-RU',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node packages/server/bin/linia.js start --port ${PORT} --data .tmp/e2e-data-${PORT} --fresh`,
    url: `http://127.0.0.1:${PORT}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
