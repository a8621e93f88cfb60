import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/sites/hosts';

/**
 * The e2e build only: hosts of the course pages the tests save. A context-menu click (which grants
 * activeTab) cannot be simulated, so the test build gets these hosts instead; release builds ask for
 * the three social sites alone (checked by test/e2e/manifest.spec.ts).
 */
const E2E_COURSE_HOSTS = ['https://learnnode.com/*', 'https://www.udemy.com/*', 'https://www.imooc.com/*'];
/**
 * The e2e build only: the tests' sync server. Headless Chromium shows Connect's permission prompt
 * where nobody can answer it; granted up front, `permissions.request` resolves at once (the rest of
 * Connect runs as for a user) and Disconnect's `permissions.remove` is refused for it.
 */
const E2E_SYNC_HOSTS = ['http://127.0.0.1/*'];

/** Where a user's own CouchDB may be: any address, granted one origin at a time at Connect. */
const SYNC_SERVER_HOSTS = ['https://*/*', 'http://*/*'];

/**
 * Firefox's settings. addons.mozilla.org requires new extensions to declare what data they collect
 * and transmit: CoursePulse keeps everything in the browser and sends nothing, hence `none`. Firefox
 * reads that key from 140 (the ESR; 128, enough for MAIN-world scripts, is out of support) and from
 * 142 on Android, so those are the minimum versions (web-ext lint warns otherwise). WXT 0.21's
 * manifest type predates the key (wxt-dev/wxt#1975) but passes it through: declared here rather than
 * inline, where the type check would refuse the unknown property.
 */
const GECKO = {
  id: 'coursepulse@example.org',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

export default defineConfig({
  // The e2e build (with its test hook) goes to its own folder so it never mixes with a release build.
  outDir: process.env.CP_OUT_DIR ?? '.output',
  // Catalogues as JSON.parse("…"): parsed several times faster than the same object as module code.
  vite: () => ({
    plugins: [preact()],
    json: { stringify: true, namedExports: false },
    // Modules shared by the popup and the dashboard's views would otherwise come as a dozen small
    // chunks, each one more request in the page's import waterfall (popup +40 ms, bench scale).
    build: { rollupOptions: { output: { experimentalMinChunkSize: 100_000 } } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // DESIGN.md "Safety rules": nothing beyond these, and hosts only for the three sites. `alarms`
    // paces sync's steps; sync's server is asked for at Connect, that one origin alone (SyncSetting).
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting', 'alarms'],
    host_permissions: process.env.VITE_E2E
      ? [...HOST_PERMISSIONS, ...E2E_COURSE_HOSTS, ...E2E_SYNC_HOSTS]
      : HOST_PERMISSIONS,
    optional_host_permissions: SYNC_SERVER_HOSTS,
    action: { default_title: '__MSG_extName__' },
    // Firefox's alone: Chrome flags the key as unrecognised.
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } },
    }),
  }),
  // The sources zip AMO reviewers rebuild from: sources only, no tests, outputs or images
  // (npm run store:check fails on any file in it that git does not track).
  zip: {
    excludeSources: [
      'test/**',
      '.ci/**',
      '.reports/**',
      '.bench/**',
      'test-results/**',
      'playwright-report/**',
      'screenshots/**',
      'docs/screenshots/**',
      '**/*.log',
    ],
  },
});
