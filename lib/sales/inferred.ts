/**
 * The inferred ledger, for orders no code ties to a post: did the orders in a window after a post
 * (default 48 h) exceed what quiet time predicts? Never added to the exact figures.
 *
 * Model (research/attribution.md): the baseline daily rate has a Gamma posterior from the quiet time
 * (k₀ untagged orders in T₀ quiet days, Jeffreys prior: shape k₀ + ½, rate T₀), so the number of
 * baseline orders in a window of w days is negative binomial (r = k₀ + ½, p = T₀ / (T₀ + w)). With x
 * orders seen, P(the post added any) = P(baseline < x), and the 90% interval of the excess is
 * x − [95th, 5th percentile of the baseline]. Worked example reproduced in the tests: 14 orders in 28
 * quiet days, 2 orders in 48 h → 0.72, −1 to 2; 5 orders → 0.994, 2 to 5.
 *
 * Overlapping windows: an order inside several posts' windows is split between them by time decay
 * (half-life 24 h: 6 h after A and 30 h after B → A 0.667, B 0.333). A stated rule, not evidence.
 */
import { type PostRef, postKey } from './links';
import { type Order, orderKey } from './order';

export const DEFAULT_WINDOW_HOURS = 48;
export const DEFAULT_HALF_LIFE_HOURS = 24;
/**
 * Below this probability the post's window is "not distinguishable from normal sales". Every own post
 * is tested at once, so 0.95 would call one quiet post in twenty a seller; at 0.99 a quiet post passes
 * about one time in a hundred (measured over generated data in the tests).
 */
export const DEFAULT_THRESHOLD = 0.99;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * P(N ≤ k) for N ~ NegBin(r, p) counting failures, pmf Γ(n+r)/(n!Γ(r)) pʳ (1−p)ⁿ. The terms are
 * walked in log space: pʳ underflows to 0 for a baseline of thousands of orders, and a walk from zero
 * would then never grow.
 */
export function negBinCdf(k: number, r: number, p: number): number {
  if (k < 0) return 0;
  let total = 0;
  walkNegBin(r, p, (n, cumulative) => {
    total = cumulative;
    return n < k;
  });
  return Math.min(1, total);
}

/** The smallest n with P(N ≤ n) ≥ q. */
export function negBinQuantile(q: number, r: number, p: number): number {
  let at = 0;
  walkNegBin(r, p, (n, cumulative) => {
    at = n;
    return cumulative < q;
  });
  return at;
}

/** Calls `next(n, P(N ≤ n))` for n = 0, 1, … while it returns true. */
function walkNegBin(r: number, p: number, next: (n: number, cumulative: number) => boolean): void {
  const logFail = Math.log1p(-p);
  let logTerm = r * Math.log(p);
  let total = Math.exp(logTerm);
  for (let n = 0; next(n, total) && n < 10_000_000; n++) {
    logTerm += Math.log((n + r) / (n + 1)) + logFail;
    total += Math.exp(logTerm);
  }
}

export interface Lift {
  /** Orders seen in the window (a share when windows overlap). */
  observed: number;
  /** Expected baseline orders in the window. */
  expected: number;
  /** P(the post added any orders). */
  pAny: number;
  /** 90% interval of the excess orders. */
  low: number;
  high: number;
  windowHours: number;
  baseline: { orders: number; quietDays: number };
  /** False → "not distinguishable from normal sales". */
  distinguishable: boolean;
}

export function lift(
  baseline: { orders: number; quietDays: number },
  observed: number,
  windowDays: number,
  threshold = DEFAULT_THRESHOLD,
): Lift | null {
  if (baseline.quietDays <= 0 || windowDays <= 0) return null;
  const r = baseline.orders + 0.5;
  const p = baseline.quietDays / (baseline.quietDays + windowDays);
  // Fewer baseline orders than seen: with a fractional share, fewer than its whole part rounded up.
  // Shares are sums of fractions: 1e-9 keeps 2.0000000001 from counting as three orders.
  const pAny = observed <= 0 ? 0 : negBinCdf(Math.ceil(observed - 1e-9) - 1, r, p);
  return {
    observed,
    expected: (r * (1 - p)) / p,
    pAny,
    low: observed - negBinQuantile(0.95, r, p),
    high: observed - negBinQuantile(0.05, r, p),
    windowHours: windowDays * 24,
    baseline,
    distinguishable: pAny >= threshold,
  };
}

/** Decay weights of one order's windows, normalised: 6 h after A, 30 h after B → 0.667, 0.333. */
export function splitByDecay(ageHours: readonly number[], halfLifeHours = DEFAULT_HALF_LIFE_HOURS): number[] {
  const weights = ageHours.map((h) => 2 ** (-h / halfLifeHours));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

export interface InferInput {
  orders: readonly Order[];
  /** Own posts with their publication instant (epoch ms). */
  posts: ReadonlyArray<PostRef & { at: number }>;
  /** Orders the exact ledger already counts: left out of both the windows and the baseline. */
  attributed?: ReadonlySet<string>;
  /** The period the orders file covers; default: its first to its last order (tagged ones too). */
  range?: { start: number; end: number };
  windowHours?: number;
  halfLifeHours?: number;
  threshold?: number;
}

export interface Inferred {
  perPost: Map<string, Lift>;
  baseline: { orders: number; quietDays: number };
}

export function inferLift(input: InferInput): Inferred {
  const windowMs = (input.windowHours ?? DEFAULT_WINDOW_HOURS) * HOUR;
  // The file's period comes from all its orders; the counts from the untagged new purchases only.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const o of input.orders) {
    first = Math.min(first, o.at);
    last = Math.max(last, o.at);
  }
  const start = input.range?.start ?? first;
  const end = input.range?.end ?? last;
  const times = input.orders
    .filter((o) => !o.renewal && !input.attributed?.has(orderKey(o)))
    .map((o) => o.at)
    .sort((a, b) => a - b);
  const posts = input.posts.filter((p) => p.at + windowMs > start && p.at < end).sort((a, b) => a.at - b.at);

  // Quiet time: the range minus the union of the windows.
  let covered = 0;
  let runStart = start;
  let runEnd = start;
  for (const p of posts) {
    const s = Math.max(p.at, start);
    const e = Math.min(p.at + windowMs, end);
    if (s > runEnd) {
      covered += Math.max(0, runEnd - runStart);
      runStart = s;
      runEnd = e;
    } else runEnd = Math.max(runEnd, e);
  }
  covered += Math.max(0, runEnd - runStart);
  const quietDays = Math.max(0, end - start - covered) / DAY;

  const shares = new Map<string, number>();
  let quietOrders = 0;
  let earliestOpen = 0;
  for (const at of times) {
    while (earliestOpen < posts.length && posts[earliestOpen]!.at + windowMs <= at) earliestOpen++;
    const open: Array<{ key: string; age: number }> = [];
    for (let i = earliestOpen; i < posts.length && posts[i]!.at <= at; i++) {
      const p = posts[i]!;
      if (at < p.at + windowMs) open.push({ key: postKey(p), age: (at - p.at) / HOUR });
    }
    if (open.length === 0) {
      if (at >= start && at <= end) quietOrders++;
      continue;
    }
    const split = splitByDecay(
      open.map((o) => o.age),
      input.halfLifeHours,
    );
    open.forEach((o, i) => {
      shares.set(o.key, (shares.get(o.key) ?? 0) + split[i]!);
    });
  }
  const baseline = { orders: quietOrders, quietDays };
  const perPost = new Map<string, Lift>();
  for (const p of posts) {
    const windowDays = (Math.min(p.at + windowMs, end) - Math.max(p.at, start)) / DAY;
    const result = lift(baseline, shares.get(postKey(p)) ?? 0, windowDays, input.threshold);
    if (result) perPost.set(postKey(p), result);
  }
  return { perPost, baseline };
}
