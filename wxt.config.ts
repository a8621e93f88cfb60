import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/sites/hosts';

/**
 * The e2e build only: hosts of the course pages the tests save. A context-menu click (which grants
 * activeTab) cannot be simulated, so the test build gets these hosts instead; release builds ask for
 * the three social sites alone (checked by test/e2e/manifest.spec.ts).
 */
const E2E_COURSE_HOSTS = ['https://learnnode.com/*', 'https://www.udemy.com/*'];

export default defineConfig({
  // The e2e build (with its test hook) goes to its own folder so it never mixes with a release build.
  outDir: process.env.CP_OUT_DIR ?? '.output',
  // Catalogues as JSON.parse("…"): parsed several times faster than the same object as module code.
  vite: () => ({
    plugins: [preact()],
    json: { stringify: true, namedExports: false },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // DESIGN.md "Safety rules": nothing beyond these, and hosts only for the three sites.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: process.env.VITE_E2E ? [...HOST_PERMISSIONS, ...E2E_COURSE_HOSTS] : HOST_PERMISSIONS,
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: { gecko: { id: 'coursepulse@example.org', strict_min_version: '128.0' } },
  },
  zip: { excludeSources: ['test/**', '.ci/**', '.reports/**', '.bench/**', 'test-results/**'] },
});
