import { defineConfig } from '@playwright/test'

// The browser tests run against the real API on a fresh SQLite database, which also serves the built app.
const port = Number(process.env.BONDGENOOT_E2E_PORT ?? 8765)
export const demoPassword = process.env.BONDGENOOT_DEMO_PASSWORD ?? 'e2e-demo-password'
process.env.BONDGENOOT_DEMO_PASSWORD = demoPassword

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } },
    {
      name: 'phone',
      testIgnore: /journeys/,
      use: { browserName: 'chromium', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: './e2e/start-api.sh',
    url: `http://127.0.0.1:${port}/api/v1/health/ready`,
    // Only for local iterations against a server you started yourself; CI always starts a fresh one.
    reuseExistingServer: process.env.BONDGENOOT_E2E_REUSE === '1',
    timeout: 120_000,
    stdout: 'ignore',
    stderr: process.env.BONDGENOOT_E2E_LOGS === '1' ? 'pipe' : 'ignore',
    env: { BONDGENOOT_E2E_PORT: String(port), BONDGENOOT_DEMO_PASSWORD: demoPassword },
  },
})
