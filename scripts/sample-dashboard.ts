/**
 * The extension in Chromium with the labelled sample data, and the screenshots the README shows:
 * shared by `npm start` (a window, or screenshots when headless) and `npm run screenshots`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { fail } from './cli';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether fontconfig knows a Chinese font: without one, headless Chromium draws every Han character as a box. */
export function hasChineseFont(): boolean {
  const list = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return list.status === 0 && list.stdout.trim() !== '';
}

export const NO_CHINESE_FONT =
  'No Chinese font found (fc-list :lang=zh): Chinese would show as empty boxes. Install one (Debian: apt-get install -y fonts-noto-cjk).';

export interface SampleDashboard {
  context: BrowserContext;
  extensionId: string;
  dashboard: Page;
}

/** Builds the extension, opens Chromium with it and loads the sample data; `profileDir` '' is a throwaway profile. */
export async function openSampleDashboard(headless: boolean, profileDir = ''): Promise<SampleDashboard> {
  if (!existsSync(CHROMIUM))
    fail(
      `no Chromium at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  const extension = resolve('.output/chrome-mv3');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#overview`);
  await dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'sample.load' }));
  await dashboard.reload();
  return { context, extensionId, dashboard };
}

/** Opens a dashboard view and waits until its data has loaded and its charts have drawn. */
async function showView(page: Page, view: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, view);
  await page.getByRole('tab', { selected: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.waitForTimeout(300);
}

/** A view's detail the README shows opened: a post's history, an account's growth, a course's prices. */
const OPENED: Record<string, string> = {
  posts: 'button[aria-label^="History"]',
  accounts: 'button[aria-label^="Growth path"]',
  courses: 'button[aria-label^="Price history"]',
};

/** The whole page, cut at this height: the top of a long view says enough on the front page. */
const MAX_HEIGHT = 1600;

const VIEWS = [
  'overview',
  'posts',
  'accounts',
  'campaigns',
  'suggestions',
  'audience',
  'courses',
  'data',
  'health',
  'settings',
];

/**
 * Writes every view in English (light), the overview in the dark theme, the campaigns and audience views in Chinese
 * and the popup into `dir`, the audience's zone set to the sample's (Asia/Shanghai). Returns the files.
 */
export async function writeScreenshots({ context, extensionId, dashboard }: SampleDashboard, dir: string) {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const shot = async (page: Page, name: string) => {
    const path = join(dir, `${name}.png`);
    const { width, height } = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) },
    });
    written.push(path);
  };
  await dashboard.setViewportSize({ width: 1280, height: 860 });
  await showView(dashboard, 'settings');
  await dashboard.getByTestId('language').selectOption('en');
  await dashboard.getByTestId('time-zone').selectOption('Asia/Shanghai');

  for (const view of VIEWS) {
    await showView(dashboard, view);
    const detail = OPENED[view];
    if (detail) {
      await dashboard.locator(detail).first().click();
      await dashboard.locator('.chart canvas').first().waitFor();
    }
    await shot(dashboard, `dashboard-${view}`);
  }
  await dashboard.emulateMedia({ colorScheme: 'dark' });
  await showView(dashboard, 'overview');
  await shot(dashboard, 'dashboard-overview-dark');
  await dashboard.emulateMedia({ colorScheme: 'light' });

  const popup = await context.newPage();
  // As small as the browser opens it: the screenshot grows to the popup's content.
  await popup.setViewportSize({ width: 380, height: 200 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('popup-next-slot').waitFor();
  await popup.waitForTimeout(300);
  await shot(popup, 'popup');
  await popup.close();

  await showView(dashboard, 'settings');
  await dashboard.getByTestId('language').selectOption('zh_CN');
  await showView(dashboard, 'campaigns');
  await shot(dashboard, 'dashboard-campaigns-zh');
  await showView(dashboard, 'audience');
  await shot(dashboard, 'dashboard-audience-zh');
  return written;
}
