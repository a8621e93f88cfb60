/**
 * Store readiness: the Firefox manifest says the extension collects nothing (addons.mozilla.org
 * requires the declaration of new extensions), and `npm run store:check` blocks on every linter error
 * and warning except Preact's own innerHTML assignment, found here in the Preact that ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv } from 'wxt';
import { blockingFindings, isPreactInnerHtml, type LintMessage } from '../../scripts/store-lint';
import config from '../../wxt.config';

describe('browser-specific manifest settings', () => {
  const manifestFor = (browser: string) =>
    (config.manifest as (env: ConfigEnv) => Record<string, unknown>)({
      browser,
      command: 'build',
      mode: 'production',
      manifestVersion: 3,
    });

  it('Firefox: no data collected, with the Firefox versions that read the declaration', () => {
    const { gecko, gecko_android } = manifestFor('firefox').browser_specific_settings as {
      gecko: { strict_min_version: string; data_collection_permissions: unknown };
      gecko_android: { strict_min_version: string };
    };
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(gecko_android.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('Chrome: none, as Chrome flags the key as unrecognised', () => {
    expect(manifestFor('chrome')).not.toHaveProperty('browser_specific_settings');
  });
});

describe('web-ext lint findings that stop a release', () => {
  // The Preact the build bundles, minified as it ships.
  const preactFile = createRequire(import.meta.url).resolve('preact');
  const preact = readFileSync(preactFile, 'utf8');
  const lines = preact.split('\n');
  const lineIndex = lines.findIndex((l) => l.includes('.innerHTML='));
  const assignment = lines[lineIndex]!.search(/[\w$]+\.innerHTML=/);
  const preactWarning: LintMessage = {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file: 'chunks/preact.js',
    line: lineIndex + 1,
    column: assignment + 1,
  };
  const own = 'export function show(el, text) {\n  el.innerHTML = text;\n}\n';
  const sources: Record<string, string> = { 'chunks/preact.js': preact, 'chunks/own.js': own };
  const read = (file: string) => sources[file]!;

  it('allow Preact’s dangerouslySetInnerHTML assignment, and only that', () => {
    expect(assignment).toBeGreaterThanOrEqual(0);
    expect(isPreactInnerHtml(preactWarning, read)).toBe(true);
    const ownWarning = { ...preactWarning, file: 'chunks/own.js', line: 2, column: 3 };
    expect(isPreactInnerHtml(ownWarning, read)).toBe(false);
    // The same place, another rule.
    expect(isPreactInnerHtml({ ...preactWarning, code: 'UNSAFE_VAR_ASSIGNMENT_OUTER' }, read)).toBe(false);
    // A finding without a position cannot be checked, so it blocks.
    expect(isPreactInnerHtml({ ...preactWarning, column: undefined }, read)).toBe(false);
  });

  it('block every error and every other warning; notices pass', () => {
    const missing: LintMessage = {
      code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
      message: 'The "data_collection_permissions" property is missing.',
      file: 'manifest.json',
    };
    const error: LintMessage = {
      code: 'JSON_INVALID',
      message: 'Your JSON is not valid.',
      file: 'manifest.json',
    };
    const notice: LintMessage = { code: 'UNKNOWN_ENTITY', message: 'a notice' };
    expect(blockingFindings({ errors: [], warnings: [preactWarning], notices: [notice] }, read)).toEqual([]);
    expect(
      blockingFindings({ errors: [error], warnings: [preactWarning, missing], notices: [notice] }, read),
    ).toEqual([error, missing]);
  });
});
