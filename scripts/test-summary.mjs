// Sums the unit (vitest, the normal run and each zone run) and end-to-end (Playwright) JSON reports
// into the one closing line CI reads: "N passed, N failed, N skipped". A missing report counts as one
// failure: that runner never finished. `--zones` expects the zone runs' reports too.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const ZONE_RUNS = ['leap-day', 'dst', 'shanghai'];
const unitReports = ['unit', ...(process.argv.includes('--zones') ? ZONE_RUNS.map((z) => `unit-${z}`) : [])];
for (const name of unitReports) {
  const unit = read(`.reports/${name}.json`);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
    skipped += unit.numPendingTests + unit.numTodoTests;
    if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) failed += unit.numFailedTestSuites;
  } else failed += 1;
}

const e2e = read('.reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  if ((e2e.errors ?? []).length > 0 && e2e.stats.expected + e2e.stats.unexpected === 0) failed += 1;
} else failed += 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
