/**
 * Local calendar days never go through UTC. Each case runs in several zones by switching the
 * process's zone (Node re-reads TZ when it changes), so it fails on a UTC round trip wherever CI runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dayToChartX } from '../../components/Chart';
import { campaignOrders } from '../../components/orders';
import { dayBefore } from '../../components/overview';
import { localDay } from '../../lib/metrics/time';
import { parseInstant } from '../../lib/sales/import';
import type { Order } from '../../lib/sales/order';
import { generateSample } from '../../lib/sample';

const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati', 'UTC'];
const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

/** Epoch ms of a wall-clock time in the current process zone. */
const wall = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();

describe.each(ZONES)('in %s', (zone) => {
  it('an orders CSV date "11/11/2025" is 11 November in the campaign, not the day before', () => {
    process.env.TZ = zone;
    const day = { start: '2025-11-11', end: '2025-11-11' };
    for (const text of ['11/11/2025', 'Nov 11, 2025 00:10', '2025/11/11 23:59']) {
      // Read in the seller's zone, counted in the campaign by the seller's local day.
      const at = parseInstant(text, undefined, 'Asia/Shanghai')!;
      const order = { at, currency: 'CNY', gross: 100, refunds: 0, fees: 0, affiliateCommission: 0 };
      expect(campaignOrders([order as Order], day, 'Asia/Shanghai').purchases, text).toBe(1);
    }
  });

  it('the day of an instant is the local day, at either end of it', () => {
    process.env.TZ = zone;
    expect(localDay(wall(2026, 12, 6, 0, 5))).toBe('2026-12-06');
    expect(localDay(wall(2026, 12, 6, 23, 55))).toBe('2026-12-06');
    expect(localDay(wall(2028, 2, 29, 23, 30))).toBe('2028-02-29');
  });

  it('"n days before" counts calendar days, across a DST change night', () => {
    process.env.TZ = zone;
    // Europe/Berlin springs forward on 2027-03-28: that day has 23 hours.
    expect(dayBefore(wall(2027, 3, 29, 0, 30), 1)).toBe('2027-03-28');
    expect(dayBefore(wall(2027, 3, 29, 0, 30), 2)).toBe('2027-03-27');
    expect(dayBefore(wall(2028, 3, 1, 0, 30), 1)).toBe('2028-02-29');
  });

  it('a chart labels a day key with that day', () => {
    process.env.TZ = zone;
    for (const day of ['2027-03-28', '2026-12-06', '2028-02-29']) {
      expect(localDay(dayToChartX(day) * 1000)).toBe(day);
    }
  });

  it('the sample campaign runs to the local today', () => {
    process.env.TZ = zone;
    const now = wall(2026, 12, 6, 7, 0);
    const [campaign] = generateSample({ now, postsPerAccount: 1, observationsPerPost: 1 }).campaigns;
    expect(campaign?.end).toBe('2026-12-06');
    expect(campaign?.start).toBe('2026-11-06');
  });
});
