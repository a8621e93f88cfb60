import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

export type Catalogue = Record<string, { message: string }>;

/** A locale's UI strings, so a spec asserts the same text in both languages. */
export const catalogue = (locale: 'en' | 'zh_CN'): Catalogue =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url)),
      'utf8',
    ),
  );

/** Loads the labelled sample data through the background's command, as the Data view's button does. */
export const loadSample = (page: Page): Promise<unknown> =>
  page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'sample.load' }),
  );

/** A command to the background from an extension page, as the dashboard sends it; its reply. */
export const sendCommand = (page: Page, message: unknown): Promise<unknown> =>
  page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    message,
  );
