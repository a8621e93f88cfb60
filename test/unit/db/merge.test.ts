import { describe, expect, it } from 'vitest';
import { incomingState, mergeMetrics } from '../../../lib/db/merge';

describe('mergeMetrics', () => {
  it('takes an exact value over anything stored', () => {
    const stored = incomingState({ views: 1_200_000 }, false);
    const merged = mergeMetrics(stored, incomingState({ views: 1_234_567 }, true));
    expect(merged).toEqual({ m: { views: 1_234_567 }, approx: [], lowerBounds: [] });
  });

  it('keeps an exact value when an abbreviated one agrees with it', () => {
    const stored = incomingState({ views: 1_234_567, likes: 10 }, true);
    const merged = mergeMetrics(stored, incomingState({ views: 1_200_000 }, false));
    expect(merged.m).toEqual({ views: 1_234_567, likes: 10 });
    expect(merged.approx).toEqual([]);
  });

  it('takes an abbreviated value once the count has clearly moved past the exact one', () => {
    const stored = incomingState({ views: 1_234_567 }, true);
    const merged = mergeMetrics(stored, incomingState({ views: 1_500_000 }, false));
    expect(merged).toEqual({ m: { views: 1_500_000 }, approx: ['views'], lowerBounds: [] });
  });

  it('never lowers an exact count with a smaller abbreviation', () => {
    const stored = incomingState({ likes: 5000 }, true);
    expect(mergeMetrics(stored, incomingState({ likes: 4000 }, false)).m.likes).toBe(5000);
  });

  it('lets a floor raise a smaller value but never overwrite a larger exact one', () => {
    const capped = incomingState({ reposts: 1_000_000 }, false, ['reposts']);
    expect(mergeMetrics(incomingState({ reposts: 1_500_000 }, true), capped).m.reposts).toBe(1_500_000);
    const raised = mergeMetrics(incomingState({ reposts: 900_000 }, true), capped);
    expect(raised).toEqual({ m: { reposts: 1_000_000 }, approx: ['reposts'], lowerBounds: ['reposts'] });
  });

  it('keeps a stored key the new observation lacks (hidden is not zero)', () => {
    const stored = incomingState({ views: 10, bookmarks: 3 }, true);
    expect(mergeMetrics(stored, incomingState({ views: 12 }, true)).m).toEqual({ views: 12, bookmarks: 3 });
  });
});

describe('incomingState', () => {
  it('marks only the listed keys approximate when a record says which', () => {
    expect(incomingState({ views: 870_000, likes: 37_053 }, false, [], ['views']).approx).toEqual(['views']);
    expect(incomingState({ views: 870_000, likes: 37_053 }, false).approx).toEqual(['views', 'likes']);
  });
});
