import { METRIC_KEYS, type MetricKey } from '../record-keys';
import type { Metrics } from '../records';

/** What we hold for one post's counts: values plus which are approximate or only floors. */
export interface MetricState {
  m: Metrics;
  approx: MetricKey[];
  lowerBounds: MetricKey[];
}

/**
 * An abbreviated count ("1.2M") that still agrees with a stored exact one within this ratio says
 * nothing new: the exact value stays. Beyond it, the count has really moved and the newer
 * approximate value wins.
 */
export const APPROX_AGREES = 0.05;

/**
 * Merges a new observation into the stored counts, key by key:
 * - an exact value always wins (it is the newest observation);
 * - an approximate value never replaces an exact one it agrees with;
 * - a floor ("100万+", Weibo's capped 1000000) only raises a smaller value and stays marked;
 * - a key the observation lacks keeps its stored value (hidden is not zero).
 */
export function mergeMetrics(stored: MetricState | undefined, incoming: MetricState): MetricState {
  const m: Metrics = { ...stored?.m };
  const approx = new Set(stored?.approx);
  const lowerBounds = new Set(stored?.lowerBounds);
  for (const key of METRIC_KEYS) {
    const next = incoming.m[key];
    if (next === undefined) continue;
    const prev = m[key];
    const prevExact = prev !== undefined && !approx.has(key) && !lowerBounds.has(key);
    if (incoming.lowerBounds.includes(key)) {
      if (prev === undefined || prev < next) {
        m[key] = next;
        lowerBounds.add(key);
        approx.add(key);
      }
      continue;
    }
    if (incoming.approx.includes(key)) {
      if (prevExact && Math.abs(next - prev) <= prev * APPROX_AGREES) continue;
      if (prevExact && next < prev) continue;
      m[key] = next;
      approx.add(key);
      lowerBounds.delete(key);
      continue;
    }
    m[key] = next;
    approx.delete(key);
    lowerBounds.delete(key);
  }
  return { m, approx: sorted(approx), lowerBounds: sorted(lowerBounds) };
}

const sorted = (keys: Set<MetricKey>): MetricKey[] => METRIC_KEYS.filter((k) => keys.has(k));

export function sameMetrics(a: Metrics | undefined, b: Metrics): boolean {
  return METRIC_KEYS.every((k) => a?.[k] === b[k]);
}

/** The state an extracted record carries: `metricsExact: false` marks every present key approximate. */
export function incomingState(
  m: Metrics,
  metricsExact: boolean,
  lowerBounds: MetricKey[] = [],
  approxKeys?: MetricKey[],
): MetricState {
  const present = METRIC_KEYS.filter((k) => m[k] !== undefined);
  const approximate = metricsExact ? lowerBounds : (approxKeys ?? present);
  return {
    m,
    approx: present.filter((k) => approximate.includes(k) || lowerBounds.includes(k)),
    lowerBounds: lowerBounds.filter((k) => m[k] !== undefined),
  };
}
