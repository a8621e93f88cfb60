import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buyerKey } from '../../../lib/sales/order';
import { gumroadCsv, gumroadOrder } from '../sales/generate';

const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
const SCRIPT = join(process.cwd(), 'scripts/report.ts');
const dir = mkdtempSync(join(tmpdir(), 'cp-report-sales-'));

const report = (...args: string[]) =>
  spawnSync(process.execPath, [TSX, SCRIPT, ...args], { encoding: 'utf8' });

/** Synthetic records as `npm run -s extract` prints them: two own X posts (one with a tracked link) and a stranger's. */
function records(): string {
  const post = (id: string, handle: string, createdAt: string, links: string[]) => ({
    kind: 'post',
    platform: 'x',
    id,
    url: `https://x.com/${handle}/status/${id}`,
    authorId: handle === 'seller' ? '42' : '7',
    authorHandle: handle,
    authorName: handle,
    text: 'new course',
    createdAt,
    createdAtApprox: false,
    format: 'text',
    repostOf: null,
    metrics: { views: 1000, likes: 10 },
    metricsExact: true,
    links,
    hashtags: [],
  });
  const file = join(dir, 'records.jsonl');
  writeFileSync(
    file,
    [
      post('100', 'seller', '2026-03-01T10:00:00.000Z', [
        'https://gumroad.com/l/rust?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=xp-7f3k',
      ]),
      post('101', 'seller', '2026-03-05T10:00:00.000Z', []),
      // A stranger quoting the same link binds nothing.
      post('900', 'someone', '2026-02-28T10:00:00.000Z', ['https://gumroad.com/l/rust?utm_content=xp-7f3k']),
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  return file;
}

function orders(extra = ''): string {
  const base = { fee: 0, refund: 0, commission: 0, coupon: '', email: '' };
  const csv = gumroadCsv([
    { ...base, id: 'o1', at: Date.parse('2026-03-01T12:00:00Z'), price: 4999, fee: 530, code: 'xp-7f3k' },
    {
      ...base,
      id: 'o2',
      at: Date.parse('2026-03-02T12:00:00Z'),
      price: 4999,
      fee: 530,
      refund: 4999,
      code: 'xp-7f3k',
    },
    { ...base, id: 'o3', at: Date.parse('2026-03-10T12:00:00Z'), price: 2000, fee: 200, code: '' },
  ]);
  const file = join(dir, `orders${extra ? '-bad' : ''}.csv`);
  writeFileSync(file, csv + extra);
  return file;
}

const SEEN = { firstSeenAt: 1_772_000_000_000, lastSeenAt: 1_772_000_000_000 };

/**
 * A backup file (schema 8) of the seller's account, marked theirs, and the posts of records() (with
 * `links` per post id replacing theirs), plus `tables`.
 */
function backupFile(name: string, tables: Record<string, unknown[]>, links: Record<string, string[]> = {}) {
  const posts = readFileSync(records(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { kind?: string; id: string; links: string[] })
    .map(({ kind: _kind, ...p }) => ({
      ...p,
      links: links[p.id] ?? p.links,
      approx: [],
      metricsAt: SEEN.firstSeenAt,
      ...SEEN,
    }));
  const account = { platform: 'x', id: '42', handle: 'seller', name: 'seller', followersExact: true };
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({
      format: 'coursepulse-backup',
      schemaVersion: 8,
      exportedAt: '2026-03-20T00:00:00.000Z',
      tables: { accounts: [{ ...account, role: 'mine', ...SEEN }], posts, ...tables },
    }),
  );
  return file;
}

describe('npm run report -- --orders', () => {
  it('prints per own post the exact orders and revenue to the cent, and the inferred tier apart', () => {
    const run = report(
      records(),
      '--orders',
      orders(),
      '--mine',
      'x:seller',
      '--now',
      '2026-03-20T00:00:00Z',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { sales } = JSON.parse(run.stdout);
    expect(sales.import).toMatchObject({
      platform: 'gumroad',
      imported: 3,
      zone: 'UTC',
      skipped: { totals: 1 },
    });
    expect(sales.posts.map((p: { id: string }) => p.id)).toEqual(['100', '101']);
    const [first, second] = sales.posts;
    // o1 net 4999 − 530; o2 fully refunded: 4999 − 4999 − 530.
    expect(first.exact).toEqual({ orders: 2, revenue: [{ minor: 4469 - 530, currency: 'USD' }] });
    expect(second.exact).toEqual({ orders: 0, revenue: [] });
    expect(second.inferred).toMatchObject({ windowHours: 48, verdict: 'not-distinguishable' });
    expect(sales.tagged[0]).toMatchObject({ currency: 'USD', tagged: 3939, total: 3939 + 1800 });
    expect(sales.notSeenPosted).toEqual([]);
  }, 30_000);

  it('refuses a file with bad rows naming their lines, or imports the rest with --skip-bad-rows', () => {
    const bad = orders('P9,2026-03-03,10:00:00,oops,0.00,0.00,0.00,false,,,0.00,,,,,\n');
    const refused = report(records(), '--orders', bad, '--mine', 'x:seller');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('line 6: bad-amount in "Sale Price ($)" ("oops")');
    const skipped = report(records(), '--orders', bad, '--mine', 'x:seller', '--skip-bad-rows');
    expect(skipped.status).toBe(0);
    expect(JSON.parse(skipped.stdout).sales.import.skippedBadRows).toEqual([
      { line: 6, problem: 'bad-amount', column: 'Sale Price ($)', value: 'oops' },
    ]);
  }, 30_000);

  it("reads a backup's tracked links: a coupon the seller typed counts for the post; unposted codes listed", () => {
    const link = { platform: 'x', courseUrl: 'https://gumroad.com/l/rust', campaign: 'launch' };
    const file = backupFile('backup.json', {
      trackedLinks: [
        { ...link, code: 'xp-7f3k', coupon: 'SPRING', createdAt: SEEN.firstSeenAt },
        { ...link, code: 'wb-2abc', platform: 'weibo', createdAt: SEEN.firstSeenAt },
      ],
    });
    const base = { fee: 0, refund: 0, commission: 0, email: '', code: '' };
    const csv = join(dir, 'orders-coupon.csv');
    writeFileSync(
      csv,
      gumroadCsv([
        { ...base, id: 'c1', at: Date.parse('2026-03-02T12:00:00Z'), price: 4999, coupon: 'spring' },
        { ...base, id: 'c2', at: Date.parse('2026-03-12T12:00:00Z'), price: 4999, coupon: '' },
      ]),
    );
    const run = report(file, '--orders', csv);
    expect(run.stderr).toBe('');
    const { sales } = JSON.parse(run.stdout);
    expect(sales.posts.find((p: { id: string }) => p.id === '100').exact).toEqual({
      orders: 1,
      revenue: [{ minor: 4999, currency: 'USD' }],
    });
    expect(sales.notSeenPosted).toEqual(['wb-2abc']);
  }, 30_000);

  it("lists an order whose codes name two posts under conflicts; a backup's decision counts it for the chosen post", () => {
    const backup = (attributionDecisions: unknown[]) =>
      backupFile(
        `backup-decided-${attributionDecisions.length}.json`,
        {
          trackedLinks: [
            {
              platform: 'x',
              courseUrl: 'https://gumroad.com/l/rust',
              campaign: 'launch',
              code: 'xp-9z9z',
              coupon: 'SPRING',
              createdAt: SEEN.firstSeenAt,
            },
          ],
          attributionDecisions,
        },
        // Post 101 carries a second tracked link, whose coupon is SPRING.
        { '101': ['https://gumroad.com/l/rust?utm_content=xp-9z9z'] },
      );
    const base = { fee: 0, refund: 0, commission: 0, email: '' };
    const csv = join(dir, 'orders-conflict.csv');
    writeFileSync(
      csv,
      gumroadCsv([
        {
          ...base,
          id: 'k1',
          at: Date.parse('2026-03-06T12:00:00Z'),
          price: 4999,
          fee: 530,
          code: 'xp-7f3k',
          coupon: 'spring',
        },
        {
          ...base,
          id: 'k2',
          at: Date.parse('2026-03-07T12:00:00Z'),
          price: 2999,
          code: '',
          coupon: 'spring',
        },
      ]),
    );
    const exactOf = (sales: { posts: Array<{ id: string; exact: unknown }> }, id: string) =>
      sales.posts.find((p) => p.id === id)?.exact;

    const open = JSON.parse(report(backup([]), '--orders', csv).stdout).sales;
    expect(open.conflicts).toEqual([
      {
        order: 'gumroad:k1',
        line: 2,
        claims: [
          { field: 'utm', code: 'xp-7f3k', post: { platform: 'x', id: '100' } },
          { field: 'coupon', code: 'spring', post: { platform: 'x', id: '101' } },
        ],
        suggested: { platform: 'x', id: '100' },
      },
    ]);
    expect(open.decided).toEqual([]);
    expect(exactOf(open, '101')).toEqual({ orders: 1, revenue: [{ minor: 2999, currency: 'USD' }] });

    const run = report(
      backup([{ order: 'gumroad:k1', post: 'x:101', decidedAt: SEEN.firstSeenAt }]),
      '--orders',
      csv,
    );
    expect(run.stderr).toBe('');
    const decided = JSON.parse(run.stdout).sales;
    expect(decided.conflicts).toEqual([]);
    expect(decided.decided).toEqual([{ ...open.conflicts[0], decision: 'x:101' }]);
    expect(exactOf(decided, '101')).toEqual({
      orders: 2,
      revenue: [{ minor: 2999 + 4469, currency: 'USD' }],
    });
    expect(exactOf(decided, '100')).toEqual({ orders: 0, revenue: [] });
  }, 30_000);

  it("counts the campaign funnels' bought and advocates stages from the backup's orders and the file's, as the dashboard does", () => {
    const campaign = {
      id: 1,
      name: 'Launch',
      platforms: ['x'],
      start: '2026-03-01',
      end: '2026-03-15',
      cost: { minor: 10_000, currency: 'USD' },
      counts: { impressions: 5_000, clicks: 100, purchases: 9, referrals: 4 },
      postIds: [],
      createdAt: SEEN.firstSeenAt,
    };
    // Stored before: b@ bought on the 5th (the file below has b@ again: a repeat buyer); one order
    // in April, outside the dates; and o3, which the file imports again with a refund since.
    const stored = [
      gumroadOrder('s1', { at: Date.parse('2026-03-05T12:00:00Z'), buyer: buyerKey('b@example.com') }),
      gumroadOrder('s2', { at: Date.parse('2026-04-02T12:00:00Z'), buyer: buyerKey('c@example.com') }),
      gumroadOrder('o3', { at: Date.parse('2026-03-10T12:00:00Z'), buyer: buyerKey('b@example.com') }),
    ];
    const file = backupFile('backup-campaign.json', { campaigns: [campaign], orders: stored });
    const base = { fee: 0, refund: 0, commission: 0, coupon: '', code: '', price: 4999 };
    const csv = join(dir, 'orders-buyers.csv');
    writeFileSync(
      csv,
      gumroadCsv([
        { ...base, id: 'o1', at: Date.parse('2026-03-01T12:00:00Z'), email: 'a@example.com' },
        { ...base, id: 'o2', at: Date.parse('2026-03-02T12:00:00Z'), email: 'A@example.com ' },
        { ...base, id: 'o3', at: Date.parse('2026-03-10T12:00:00Z'), email: 'b@example.com', refund: 4999 },
      ]),
    );
    const stages = (stdout: string) =>
      (
        JSON.parse(stdout).campaigns[0] as {
          orders: { n: number } | null;
          funnel: { steps: Array<{ id: string; count: number | null; source: string }> };
        }
      ).funnel.steps.map((s) => [s.id, s.count, s.source]);

    // The backup's stored orders alone: s1 and o3 in the dates, bought by b@ twice.
    const storedOnly = report(file);
    expect(storedOnly.stderr).toBe('');
    expect(JSON.parse(storedOnly.stdout).campaigns[0].orders).toEqual({ n: 2 });
    expect(stages(storedOnly.stdout).slice(2)).toEqual([
      ['bought', 2, 'orders'],
      ['advocates', 1, 'orders'],
    ]);
    // The backup's sales section, as the dashboard shows it, without an import summary.
    expect(JSON.parse(storedOnly.stdout).sales.import).toBeUndefined();

    // The file imported over them: o1, o2 (a@ twice), s1 and o3 (b@ twice), 4 purchases in the dates.
    const run = report(file, '--orders', csv);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.campaigns[0].orders).toEqual({ n: 4 });
    expect(stages(run.stdout)).toEqual([
      ['reach', 5_000, 'entered'],
      ['engaged', 100, 'entered'],
      ['bought', 4, 'orders'],
      ['advocates', 2, 'orders'],
    ]);
    expect(out.campaigns[0].cost.cpa).toEqual({ value: 25, currency: 'USD' });
    // o3 counts once, with the file's refund: o1 and o2 net 49.99 each, o3 nothing, s1 and s2 net 44.69.
    expect(out.sales.import.imported).toBe(3);
    expect(out.sales.tagged).toEqual([
      { currency: 'USD', tagged: 0, total: 4999 * 2 + 0 + (4999 - 530) * 2, share: 0 },
    ]);

    // Extract's records and a file: the same funnel without a backup's campaigns (none to print).
    expect(JSON.parse(report(records(), '--orders', csv, '--mine', 'x:seller').stdout).campaigns).toEqual([]);
  }, 30_000);

  it('answers --help with the usage, exit 0; a wrong --mine with exit 2; an unreadable export with exit 1', () => {
    const help = report('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--orders <file>');
    expect(report(records(), '--mine', 'myspace:me').status).toBe(2);
    const png = join(dir, 'not-orders.csv');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const refused = report(records(), '--orders', png);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not an orders export we can read \(not-text\)/);
  }, 30_000);
});
