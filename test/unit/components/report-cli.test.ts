import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../lib/sample';

const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
const SCRIPT = join(process.cwd(), 'scripts/report.ts');
const dir = mkdtempSync(join(tmpdir(), 'cp-report-'));
const NOW = Date.parse('2026-03-10T00:00:00Z');

/** A backup of the labelled sample data, as the Data view would export it. */
function sampleBackup(): string {
  const data = generateSample({ now: NOW, postsPerAccount: 40, observationsPerPost: 2 });
  const tables = {
    ...data,
    campaigns: data.campaigns.map((c, i) => ({ ...c, id: i + 1 })),
    settings: [{ key: 'timeZone', value: 'Asia/Shanghai' }],
  };
  const file = join(dir, 'backup.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'coursepulse-backup',
      schemaVersion: 1,
      exportedAt: new Date(NOW).toISOString(),
      tables,
    }),
  );
  return file;
}

describe('npm run report', () => {
  it('prints the sample campaign figures and the known best slot as JSON', () => {
    const out = execFileSync(process.execPath, [TSX, SCRIPT, sampleBackup()], { encoding: 'utf8' });
    const report = JSON.parse(out);
    expect(report.timeZone).toBe('Asia/Shanghai');
    expect(report.generatedAt).toBe('2026-03-10T00:00:00.000Z');
    const [campaign] = report.campaigns;
    expect(campaign.cost.cpi.value).toBeCloseTo(1000 / 1010, 9);
    expect(campaign.cost.roi.value).toBe(4);
    expect(campaign.funnel.steps.map((s: { count: number | null }) => s.count).slice(1)).toEqual([
      1000, 10, 3,
    ]);
    expect(campaign.posts.found).toBeGreaterThan(0);
    expect(report.suggestions.x.suggestions[0]).toMatchObject({ kind: 'slot', key: 'Tue20' });
    // As on the dashboard: the hours of the comments under the sample's YouTube and Weibo posts.
    const { audience } = report.suggestions.youtube;
    expect(audience.comments).toBeGreaterThan(0);
    expect(audience.busiest).toHaveLength(3);
    expect(report.suggestions.x.audience).toBeUndefined();
  }, 30_000);

  it('says why in one line and exits non-zero on bad input', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"coursepulse-backup","schemaVersion":1,"tables":{"posts":[{"id":1}]}}');
    const run = spawnSync(process.execPath, [TSX, SCRIPT, bad], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^report: posts row 1: /);
    const missing = spawnSync(process.execPath, [TSX, SCRIPT], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
  }, 30_000);
});
