// npm start: build the extension and open Chromium with it loaded, the dashboard showing the
// labelled sample data. With no display (or --headless) it runs headless and writes screenshots.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `No Chromium at ${executablePath}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const extension = resolve('.output/chrome-mv3');

if (headless) {
  console.log(
    process.env.DISPLAY
      ? 'Running headless (--headless).'
      : 'No display found: running headless and writing screenshots instead of opening a window.',
  );
}
const context = await chromium.launchPersistentContext(headless ? '' : resolve('.chromium-profile'), {
  executablePath,
  headless,
  viewport: { width: 1280, height: 860 },
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const dashboard = await context.newPage();
await dashboard.goto(`chrome-extension://${extensionId}/options.html#overview`);
await dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'sample.load' }));
await dashboard.reload();

if (headless) {
  mkdirSync('screenshots', { recursive: true });
  const views = [
    'overview',
    'posts',
    'accounts',
    'campaigns',
    'suggestions',
    'courses',
    'data',
    'health',
    'settings',
  ];
  for (const view of views) {
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#${view}`);
    await dashboard.waitForTimeout(600);
    await dashboard.screenshot({ path: `screenshots/dashboard-${view}.png`, fullPage: true });
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(600);
  await popup.screenshot({ path: 'screenshots/popup.png', fullPage: true });
  console.log(`Screenshots written to ${resolve('screenshots')} (dashboard-*.png, popup.png).`);
  await context.close();
} else {
  console.log(
    'Chromium is open with CoursePulse loaded and sample data in the dashboard. Close the window to stop.',
  );
  await new Promise((done) => context.on('close', done));
}
