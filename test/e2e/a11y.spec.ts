/**
 * Accessibility of every dashboard view and the popup on the labelled sample data, in both languages
 * and both colour schemes: axe-core (WCAG 2 A/AA) finds no serious or critical violation.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './extension';
import { type Catalogue, catalogue, loadSample } from './ui';

const VIEWS = [
  'overview',
  'posts',
  'accounts',
  'campaigns',
  'suggestions',
  'courses',
  'data',
  'health',
  'settings',
] as const;
const LOCALES = ['en', 'zh_CN'] as const;
const SCHEMES = ['light', 'dark'] as const;

/** The detail panel each view opens from a row (named by the message its buttons start with). */
const OPENERS: Partial<Record<(typeof VIEWS)[number], string>> = {
  posts: 'postHistory',
  accounts: 'growthPath',
  courses: 'priceHistory',
};

/** Opens a row's detail panel and every chart's numbers, so axe sees them too. */
async function openDetails(page: Page, view: (typeof VIEWS)[number], messages: Catalogue) {
  const opener = OPENERS[view];
  if (opener) {
    await page.locator(`button[aria-label^="${messages[opener]!.message}"]`).first().click();
    await settle(page);
  }
  const summaries = await page.locator('details.chart-numbers > summary').all();
  // Each of these views draws at least one chart from the sample data, with its numbers beside it.
  if (opener || view === 'overview') expect(summaries.length, `${view} charts`).toBeGreaterThan(0);
  for (const summary of summaries) await summary.click();
  await expect(page.locator('details.chart-numbers[open] table caption')).toHaveCount(summaries.length);
}

async function settle(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForTimeout(150);
}

for (const locale of LOCALES)
  for (const scheme of SCHEMES)
    test(`axe: every dashboard view and the popup, ${locale}, ${scheme}`, async ({ ext }) => {
      test.setTimeout(180_000);
      const { context, extensionId } = ext;
      const messages = catalogue(locale);
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
      await page.getByTestId('language').selectOption(locale);
      const loaded = await loadSample(page);
      expect(loaded).toEqual({ ok: true });
      await page.emulateMedia({ colorScheme: scheme });

      const found: string[] = [];
      for (const view of VIEWS) {
        await page.goto(`chrome-extension://${extensionId}/options.html#${view}`);
        await expect(page.locator(`#panel-${view}`)).toBeVisible();
        await settle(page);
        await openDetails(page, view, messages);
        for (const line of await seriousViolations(page)) found.push(`${view}: ${line}`);
      }
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await settle(popup);
      for (const line of await seriousViolations(popup)) found.push(`popup: ${line}`);
      if (found.length) console.log(found.join('\n'));
      expect(found).toEqual([]);
    });
