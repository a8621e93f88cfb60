import { defineConfig } from '@playwright/test';

// Report service-worker requests too, so the tests can assert the extension makes none of its own.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'test/e2e',
  // One Chromium at a time: the machines have two cores and each test owns a browser profile.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
});
