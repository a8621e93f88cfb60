import { describe, expect, it } from 'vitest';
import { computeFunnel, defaultStages, type FunnelStageInput, GENERIC_ADVICE } from '@/lib/metrics/funnel';

const stages = (...counts: Array<number | null>): FunnelStageInput[] =>
  defaultStages({}).map((s, i) => ({ ...s, count: counts[i] ?? null }));

describe('computeFunnel', () => {
  it('computes step, overall and drop-off with Wilson intervals (1000 → 300 → 60 → 12)', () => {
    const f = computeFunnel(stages(1000, 300, 60, 12));
    const [reach, engaged, bought, advocates] = f.steps;
    expect(reach!.step).toBeNull();
    expect(reach!.reason).toBe('first-stage');
    expect(reach!.overall!.value).toBe(1);
    expect(engaged!.step!.value).toBe(0.3);
    expect(engaged!.step!.low).toBeCloseTo(0.272, 3);
    expect(engaged!.step!.high).toBeCloseTo(0.329, 3);
    expect(engaged!.dropOff).toBeCloseTo(0.7, 10);
    expect(engaged!.lost).toBe(700);
    expect(bought!.step!.value).toBe(0.2);
    expect(bought!.step!.low).toBeCloseTo(0.159, 3);
    expect(bought!.step!.high).toBeCloseTo(0.249, 3);
    expect(bought!.overall!.value).toBe(0.06);
    expect(advocates!.step!.value).toBe(0.2);
    expect(advocates!.step!.low).toBeCloseTo(0.118, 3);
    expect(advocates!.step!.high).toBeCloseTo(0.318, 3);
    expect(f.overall!.value).toBe(0.012);
    expect(f.anomalies).toEqual([]);
  });

  it('flags the worst step by its upper bound, with advice for that transition', () => {
    const f = computeFunnel(stages(1000, 300, 60, 12));
    // Both later steps are 20%; engaged→bought has the lower upper bound (more data behind it).
    expect(f.worst).toMatchObject({ fromId: 'engaged', toId: 'bought', index: 2 });
    expect(f.worst!.adviceIds).toEqual([
      'adviceWorkedExamples',
      'adviceQa',
      'adviceHandsOnProject',
      'adviceClearOffer',
    ]);
    const g = computeFunnel(stages(10000, 100, 50, 40));
    expect(g.worst).toMatchObject({ fromId: 'reach', toId: 'engaged' });
    expect(g.worst!.adviceIds).toEqual(['adviceHooks', 'adviceFormats', 'advicePostingTime']);
    const h = computeFunnel(stages(1000, 500, 400, 10));
    expect(h.worst!.adviceIds).toEqual(['adviceReferralIncentive', 'adviceCommunity', 'adviceFollowUp']);
  });

  it('clamps a stage that grew and reports the anomaly instead of hiding it', () => {
    const f = computeFunnel(stages(100, 150, 20, 30));
    const [, engaged, bought, advocates] = f.steps;
    expect(engaged!.count).toBe(150);
    expect(engaged!.used).toBe(100);
    expect(engaged!.anomaly).toEqual({ anomaly: 'grew', raw: 150, clampedTo: 100 });
    expect(engaged!.step!.value).toBe(1);
    expect(bought!.step!.value).toBe(0.2);
    expect(advocates!.anomaly).toEqual({ anomaly: 'grew', raw: 30, clampedTo: 20 });
    expect(advocates!.step!.value).toBe(1);
    expect(f.overall!.value).toBe(0.2);
    expect(f.anomalies).toEqual([
      { id: 'engaged', anomaly: 'grew', raw: 150, clampedTo: 100 },
      { id: 'advocates', anomaly: 'grew', raw: 30, clampedTo: 20 },
    ]);
  });

  it('keeps unknown stages unknown and still clamps across them', () => {
    const f = computeFunnel(stages(1000, null, 2000, null));
    const [, engaged, bought, advocates] = f.steps;
    expect(engaged).toMatchObject({ used: null, step: null, overall: null, reason: 'count-unknown' });
    expect(bought).toMatchObject({ used: 1000, step: null, reason: 'previous-unknown' });
    expect(bought!.anomaly).toEqual({ anomaly: 'grew', raw: 2000, clampedTo: 1000 });
    expect(bought!.overall!.value).toBe(1);
    expect(advocates!.reason).toBe('count-unknown');
    expect(f.overall).toBeNull();
    expect(f.worst).toBeNull();
  });

  it('handles zeros without dividing by them', () => {
    const f = computeFunnel(stages(0, 0, 0, 0));
    expect(f.steps[1]).toMatchObject({ step: null, overall: null, dropOff: null, reason: 'previous-zero' });
    expect(f.overall).toBeNull();
    const g = computeFunnel(stages(100, 0, 0, 0));
    expect(g.steps[1]!.step!.value).toBe(0);
    expect(g.steps[1]!.dropOff).toBe(1);
    expect(g.steps[2]!.reason).toBe('previous-zero');
    expect(g.overall!.value).toBe(0);
  });

  it('marks negative or non-finite counts invalid', () => {
    const f = computeFunnel(stages(100, -5, 10, 1));
    expect(f.steps[1]!.reason).toBe('invalid-count');
    expect(f.steps[2]!.reason).toBe('previous-unknown');
  });

  it('returns an empty result for no stages', () => {
    expect(computeFunnel([])).toEqual({ steps: [], overall: null, worst: null, anomalies: [] });
  });

  it('accepts custom stages with generic advice', () => {
    const f = computeFunnel([
      { id: 'visit', label: 'Visited page', count: 500, source: 'imported' },
      { id: 'trial', label: 'Free lesson', count: 100, source: 'imported' },
      { id: 'paid', label: 'Paid', count: 40, source: 'imported' },
    ]);
    expect(f.worst).toMatchObject({ fromId: 'visit', toId: 'trial', adviceIds: GENERIC_ADVICE });
    expect(f.overall!.value).toBe(0.08);
  });
});

describe('defaultStages', () => {
  it('follows reach → engaged → bought → advocates and prefers link clicks for engaged', () => {
    const s = defaultStages({
      views: 5000,
      engagements: 300,
      linkClicks: 120,
      purchases: 8,
      referrals: 1,
      repeatBuyers: 2,
    });
    expect(s.map((x) => [x.id, x.count, x.source])).toEqual([
      ['reach', 5000, 'observed'],
      ['engaged', 120, 'entered'],
      ['bought', 8, 'entered'],
      ['advocates', 3, 'entered'],
    ]);
    expect(s[0]!.label).toBe('引入 reach');
    expect(s[3]!.label).toBe('忠诚 advocates');
  });
  it('falls back to engagements and leaves unknown stages null', () => {
    const s = defaultStages({ views: 5000, engagements: 300, sources: { bought: 'imported' } });
    expect(s.map((x) => [x.id, x.count, x.source])).toEqual([
      ['reach', 5000, 'observed'],
      ['engaged', 300, 'observed'],
      ['bought', null, 'imported'],
      ['advocates', null, 'entered'],
    ]);
  });
});
