import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractContext } from '../../lib/records';

// Not `new URL(rel, import.meta.url)`: happy-dom's URL global resolves against http://localhost:3000.
const FIXTURES = `${join(dirname(fileURLToPath(import.meta.url)), '../fixtures')}/`;

/** A captured file under test/fixtures/ (copied from shared/fixtures with its MANIFEST row). */
export const fixtureText = (path: string): string => readFileSync(FIXTURES + path, 'utf8');
export const fixtureJson = (path: string): unknown => JSON.parse(fixtureText(path));

/** A parsed HTML fixture as a Document (happy-dom's DOMParser, the vitest environment). */
export function fixtureDocument(path: string): Document {
  return new DOMParser().parseFromString(fixtureText(path), 'text/html');
}

/** A fixed observation time keeps relative dates ("3小时前") reproducible. */
export const ctx = (url: string, now = '2026-11-27T12:00:00Z', locale?: string): ExtractContext => ({
  url,
  now: new Date(now),
  locale,
});
