import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decayWeight,
  effectiveN,
  lowerBound,
  mad,
  median,
  SortedWindow,
  shrink,
  weightedMean,
  weightedVariance,
  wilson,
} from '@/lib/metrics/stats';

describe('SortedWindow', () => {
  it('gives the median of a sliding window, as sorting the window each time would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        (xs, width) => {
          const window = new SortedWindow();
          xs.forEach((x, i) => {
            window.add(x);
            if (i >= width) window.remove(xs[i - width]!);
            expect(window.median()).toBe(median(xs.slice(Math.max(0, i - width + 1), i + 1)));
          });
        },
      ),
    );
    expect(new SortedWindow().median()).toBeNull();
  });
});

describe('median and mad', () => {
  it('takes the middle value, averaging the two middle ones', () => {
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });
  it('scales the median absolute deviation to σ and ignores one huge value', () => {
    // |x − 3| = 2,1,0,1,97 → median 1 → ×1.4826
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 10);
    expect(mad([])).toBeNull();
  });
});

describe('wilson', () => {
  it('matches the known 95% interval for 10/100', () => {
    const i = wilson(10, 100)!;
    expect(i.low).toBeCloseTo(0.0552, 4);
    expect(i.high).toBeCloseTo(0.1744, 4);
  });
  it('gives [0.54%, 1.8%] for 10 of 1010 (research §1.4)', () => {
    const i = wilson(10, 1010)!;
    expect(i.low).toBeCloseTo(0.0054, 4);
    expect(i.high).toBeCloseTo(0.018, 3);
  });
  it('is not degenerate at 0 successes: 0/10 → [0, 0.2775]', () => {
    const i = wilson(0, 10)!;
    expect(i.low).toBe(0);
    expect(i.high).toBeCloseTo(0.2775, 4);
  });
  it('returns null when there are no trials or k is impossible', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(5, 3)).toBeNull();
    expect(wilson(-1, 3)).toBeNull();
  });
});

describe('weights and shrinkage', () => {
  it('computes weighted mean and variance', () => {
    expect(weightedMean([1, 3], [1, 3])).toBe(2.5);
    expect(weightedMean([1], [0])).toBeNull();
    // equal weights: the sample variance of 1 and 3
    expect(weightedVariance([1, 3], [1, 1])).toBeCloseTo(2, 10);
    expect(weightedVariance([1], [1])).toBeNull();
  });
  it('counts unequal weights as fewer posts (Kish)', () => {
    expect(effectiveN([1, 1, 1, 1])).toBe(4);
    expect(effectiveN([1, 0.5])).toBeCloseTo(1.8, 10);
    expect(effectiveN([])).toBe(0);
  });
  it('shrinks toward the prior by n/(n+k)', () => {
    expect(shrink(2, 5, 0, 5)).toBe(1);
    expect(shrink(2, 0, 0.5, 5)).toBe(0.5);
    expect(shrink(2, 95, 0, 5)).toBeCloseTo(1.9, 10);
  });
  it('takes a one-sided lower bound', () => {
    expect(lowerBound(1, 0.1)).toBeCloseTo(0.836, 10);
    expect(lowerBound(1, 0.1, 1.96)).toBeCloseTo(0.804, 10);
  });
  it('halves the weight every half-life and never exceeds 1', () => {
    expect(decayWeight(90, 90)).toBe(0.5);
    expect(decayWeight(0, 90)).toBe(1);
    expect(decayWeight(-3, 90)).toBe(1);
  });
});
