import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const RELEASE_MANIFEST = fileURLToPath(new URL('../../.output/chrome-mv3/manifest.json', import.meta.url));

test('the release manifest asks only for the permissions DESIGN.md lists, hosts only for the three sites and, optionally, a sync server', () => {
  const manifest = JSON.parse(readFileSync(RELEASE_MANIFEST, 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual([
    'activeTab',
    'alarms',
    'contextMenus',
    'scripting',
    'storage',
    'unlimitedStorage',
  ]);
  expect(manifest.host_permissions).toEqual([
    'https://x.com/*',
    'https://twitter.com/*',
    'https://mobile.twitter.com/*',
    'https://www.youtube.com/*',
    'https://m.youtube.com/*',
    'https://weibo.com/*',
    'https://www.weibo.com/*',
    'https://m.weibo.cn/*',
  ]);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  // Sync's server, whatever its address: asked for at Connect for that origin only.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  const matches = manifest.content_scripts.flatMap((cs: { matches: string[] }) => cs.matches);
  expect(matches.every((m: string) => manifest.host_permissions.includes(m))).toBe(true);
  // No remote code: no externally_connectable, no CSP loosening.
  expect(manifest.externally_connectable).toBeUndefined();
  expect(JSON.stringify(manifest.content_security_policy ?? {})).not.toMatch(/unsafe-eval|https?:/);
  // Firefox's settings stay out of the Chrome package (Chrome flags the key as unrecognised).
  expect(manifest.browser_specific_settings).toBeUndefined();
});
