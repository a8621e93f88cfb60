import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Node by default: happy-dom's set-up costs half a second per file, and most files need no DOM.
    // Files that parse pages or render components start with `// @vitest-environment happy-dom`.
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    // Vitest's default leaves one core to itself, which is one worker on CI's two cores; the main
    // process only collects results, so two workers there run the suite in 200 s instead of 273 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // With both cores busy, a large saved page's first parse takes 3–4 s: the 5 s default is too near.
    testTimeout: 20_000,
    // The JSON report feeds the single closing line .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: '.reports/unit.json' },
  },
});
