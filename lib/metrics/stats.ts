/**
 * Small-sample statistics for the dashboard (research/analytics.md §1.4, §2.3, §2.5). No dependencies.
 * Functions that cannot answer return null rather than NaN, so a caller cannot print "NaN" by accident.
 */

export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.96;
/** z for a one-sided 95% lower bound (used to rank suggestions). */
export const Z_ONE_SIDED_95 = 1.64;

export const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

export function median(xs: readonly number[]): number | null {
  return medianOfSorted([...xs].sort((a, b) => a - b));
}

function medianOfSorted(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A multiset kept sorted, for the median of a sliding window: adding or removing a value costs a
 * binary search and one move, instead of sorting the whole window for every position.
 */
export class SortedWindow {
  private readonly values: number[] = [];

  get size(): number {
    return this.values.length;
  }

  private indexOf(x: number): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.values[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(x: number): void {
    this.values.splice(this.indexOf(x), 0, x);
  }

  /** Removes one copy of x (which must have been added). */
  remove(x: number): void {
    this.values.splice(this.indexOf(x), 1);
  }

  median(): number | null {
    return medianOfSorted(this.values);
  }
}

/** Median absolute deviation scaled by 1.4826, a robust estimate of σ (one viral post does not move it). */
export function mad(xs: readonly number[]): number | null {
  const m = median(xs);
  if (m === null) return null;
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)))!;
}

/**
 * Wilson score interval for k successes in n trials (Evan Miller, "How Not To Sort By Average Rating").
 * Unlike the normal approximation it stays inside [0, 1] and is honest for small n and rates near 0.
 * Null when n is not positive: there is no rate to bound.
 */
export function wilson(k: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || !(k >= 0) || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  const scale = 1 + z2 / n;
  return { low: Math.max(0, (centre - spread) / scale), high: Math.min(1, (centre + spread) / scale) };
}

export function weightedMean(xs: readonly number[], weights: readonly number[]): number | null {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = weights[i] ?? 0;
    sw += w;
    swx += w * xs[i]!;
  }
  return sw > 0 ? swx / sw : null;
}

/** Weighted variance around the weighted mean (reliability weights, Kish-corrected); null below two points. */
export function weightedVariance(xs: readonly number[], weights: readonly number[]): number | null {
  const mean = weightedMean(xs, weights);
  const nEff = effectiveN(weights);
  if (mean === null || nEff <= 1) return null;
  let sw = 0;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = weights[i] ?? 0;
    sw += w;
    ss += w * (xs[i]! - mean) ** 2;
  }
  return (ss / sw) * (nEff / (nEff - 1));
}

/** Kish effective sample size: ten posts with tiny recency weights count as fewer than ten. */
export function effectiveN(weights: readonly number[]): number {
  let sw = 0;
  let sw2 = 0;
  for (const w of weights) {
    sw += w;
    sw2 += w * w;
  }
  return sw2 > 0 ? (sw * sw) / sw2 : 0;
}

/**
 * Empirical-Bayes style shrinkage of a group mean toward a prior mean, the prior being worth
 * `priorWeight` observations: (n·mean + k·prior) / (n + k). A group of 2 posts barely moves.
 */
export function shrink(mean: number, n: number, priorMean: number, priorWeight: number): number {
  if (n + priorWeight <= 0) return priorMean;
  return (n * mean + priorWeight * priorMean) / (n + priorWeight);
}

/** One-sided lower bound mean − z·se: rank by what we are fairly sure of, not by the point estimate. */
export function lowerBound(mean: number, se: number, z = Z_ONE_SIDED_95): number {
  return mean - z * se;
}

/** Exponential decay weight: a post `halfLifeDays` old counts half as much as one posted today. */
export function decayWeight(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(ageDays, 0) / halfLifeDays);
}

/** Append to the list under `key`, creating it: grouping in O(n) (spreading a copy per item is O(n²)). */
export function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
