import { describe, expect, it } from 'vitest';
import { costMetrics, cpa, cpc, cpi, cpm, roas, roi } from '@/lib/metrics/cost';

const yuan = (n: number) => ({ minor: n * 100, currency: 'CNY' });

describe('cost metrics', () => {
  it('pins the worked CPI check: 1000 / (1000 + 10) = 0.990, not 0.909', () => {
    const r = cpi({ cost: yuan(1000), clicks: 1000, conversions: 10 });
    expect(r.value).toBeCloseTo(0.990099, 6);
    expect(r.value!.toFixed(3)).toBe('0.990');
    expect(r.currency).toBe('CNY');
    expect(cpi({ cost: yuan(1000), clicks: 1000, conversions: 100 }).value).toBeCloseTo(0.909091, 6);
  });
  it('pins the worked ROI check: revenue 5000, cost 1000 → 4 (400%)', () => {
    expect(roi({ cost: yuan(1000), revenue: yuan(5000) })).toEqual({ value: 4 });
    expect(roas({ cost: yuan(1000), revenue: yuan(5000) })).toEqual({ value: 5 });
    expect(roi({ cost: yuan(1000), revenue: yuan(1500) }).value).toBe(0.5);
    expect(roi({ cost: yuan(1000), revenue: yuan(0) }).value).toBe(-1);
  });
  it('computes CPC, CPM and CPA in major units', () => {
    const input = { cost: yuan(250), impressions: 125000, clicks: 50, conversions: 5 };
    expect(cpm(input)).toEqual({ value: 2, currency: 'CNY' });
    expect(cpc(input)).toEqual({ value: 5, currency: 'CNY' });
    expect(cpa(input)).toEqual({ value: 50, currency: 'CNY' });
    // JPY has no minor unit: 1000 minor = ¥1000
    expect(cpc({ cost: { minor: 1000, currency: 'JPY' }, clicks: 1000 }).value).toBe(1);
  });
  it('returns null with a reason for a zero denominator, never Infinity or NaN', () => {
    expect(cpc({ cost: yuan(10), clicks: 0 })).toEqual({ value: null, reason: 'denominator-zero' });
    expect(cpm({ cost: yuan(10), impressions: 0 })).toEqual({ value: null, reason: 'denominator-zero' });
    expect(cpa({ cost: yuan(10), conversions: 0 })).toEqual({ value: null, reason: 'denominator-zero' });
    expect(cpi({ cost: yuan(10), clicks: 0, conversions: 0 })).toEqual({
      value: null,
      reason: 'denominator-zero',
    });
    expect(roi({ cost: yuan(0), revenue: yuan(100) })).toEqual({ value: null, reason: 'denominator-zero' });
    expect(roas({ cost: yuan(0), revenue: yuan(100) })).toEqual({ value: null, reason: 'denominator-zero' });
  });
  it('returns null for unknown inputs', () => {
    expect(cpa({ cost: yuan(10) })).toEqual({ value: null, reason: 'denominator-unknown' });
    expect(cpi({ cost: yuan(10), clicks: 5 })).toEqual({ value: null, reason: 'denominator-unknown' });
    expect(cpc({ cost: null, clicks: 5 })).toEqual({ value: null, reason: 'cost-unknown' });
    expect(roi({ cost: yuan(10) })).toEqual({ value: null, reason: 'revenue-unknown' });
    expect(roi({ cost: undefined, revenue: yuan(10) })).toEqual({ value: null, reason: 'cost-unknown' });
  });
  it('refuses to compare revenue and cost in different currencies', () => {
    const input = { cost: yuan(1000), revenue: { minor: 50000, currency: 'USD' } };
    expect(roi(input)).toEqual({ value: null, reason: 'currency-mismatch' });
    expect(roas(input)).toEqual({ value: null, reason: 'currency-mismatch' });
  });
  it('rejects negative counts and malformed money', () => {
    expect(cpc({ cost: yuan(10), clicks: -1 })).toEqual({ value: null, reason: 'invalid-input' });
    expect(cpc({ cost: { minor: 1.5, currency: 'CNY' }, clicks: 1 })).toEqual({
      value: null,
      reason: 'invalid-input',
    });
    expect(roi({ cost: yuan(-5), revenue: yuan(5) })).toEqual({ value: null, reason: 'invalid-input' });
  });
  it('bundles every metric', () => {
    const all = costMetrics({ cost: yuan(1000), clicks: 1000, conversions: 10, revenue: yuan(5000) });
    expect(all.cpi.value).toBeCloseTo(0.990099, 6);
    expect(all.cpc.value).toBe(1);
    expect(all.cpa.value).toBe(100);
    expect(all.cpm).toEqual({ value: null, reason: 'denominator-unknown' });
    expect(all.roi.value).toBe(4);
    expect(all.roas.value).toBe(5);
  });
});
