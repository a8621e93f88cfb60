/**
 * Cost and return metrics (DESIGN.md "Metric definitions", research/analytics.md §1.2).
 * Every metric is a result object: a value, or null with a reason the UI can show instead of "—".
 * A zero or unknown denominator never becomes Infinity, NaN or a fake 0.
 */
import { fromMinor, isMoney, type Money } from './money';

export type CostReason =
  | 'cost-unknown'
  | 'revenue-unknown'
  | 'denominator-unknown'
  | 'denominator-zero'
  | 'currency-mismatch'
  | 'invalid-input';

export interface MetricResult {
  value: number | null;
  reason?: CostReason;
  /** Set on money-valued metrics (CPI, CPC, CPM, CPA): the value is in this currency's major units. */
  currency?: string;
}

export interface CostInput {
  cost: Money | null | undefined;
  impressions?: number | null;
  clicks?: number | null;
  /** Purchases (or whatever the campaign counts as converting). */
  conversions?: number | null;
  revenue?: Money | null;
}

const fail = (reason: CostReason): MetricResult => ({ value: null, reason });

/** A count we can divide by: a known, finite, non-negative number. */
const countState = (n: number | null | undefined): 'unknown' | 'invalid' | 'ok' =>
  n === null || n === undefined ? 'unknown' : Number.isFinite(n) && n >= 0 ? 'ok' : 'invalid';

/** cost (major units) / denominator, with the reasons in a fixed order: cost first, then the count. */
function costPer(cost: Money | null | undefined, denominator: Array<number | null | undefined>, scale = 1) {
  if (!cost) return fail('cost-unknown');
  if (!isMoney(cost)) return fail('invalid-input');
  const states = denominator.map(countState);
  if (states.includes('invalid')) return fail('invalid-input');
  if (states.includes('unknown')) return fail('denominator-unknown');
  const total = (denominator as number[]).reduce((a, b) => a + b, 0);
  if (total === 0) return fail('denominator-zero');
  return { value: (fromMinor(cost)! / total) * scale, currency: cost.currency };
}

/**
 * Cost per effect, the project's "CPI": cost / (clicks + conversions). Not the industry CPI (cost per
 * install); label it "cost per effect". Worked check: 1000 / (1000 + 10) = 0.990 (not 0.909).
 */
export const cpi = (input: CostInput): MetricResult => costPer(input.cost, [input.clicks, input.conversions]);
/** Cost per click. */
export const cpc = (input: CostInput): MetricResult => costPer(input.cost, [input.clicks]);
/** Cost per thousand impressions. */
export const cpm = (input: CostInput): MetricResult => costPer(input.cost, [input.impressions], 1000);
/** Cost per acquisition (conversion). */
export const cpa = (input: CostInput): MetricResult => costPer(input.cost, [input.conversions]);

/** Revenue and cost as comparable minor-unit integers, or the reason they are not comparable. */
function revenueAndCost(input: CostInput): { revenue: number; cost: number } | MetricResult {
  if (!input.cost) return fail('cost-unknown');
  if (!input.revenue) return fail('revenue-unknown');
  if (!isMoney(input.cost) || !isMoney(input.revenue)) return fail('invalid-input');
  // No exchange rates here: a ratio across currencies would be a made-up number.
  if (input.cost.currency !== input.revenue.currency) return fail('currency-mismatch');
  if (input.cost.minor === 0) return fail('denominator-zero');
  if (input.cost.minor < 0) return fail('invalid-input');
  return { revenue: input.revenue.minor, cost: input.cost.minor };
}

/** Return on investment, (revenue − cost) / cost, as a ratio: 4 means +400%. */
export function roi(input: CostInput): MetricResult {
  const pair = revenueAndCost(input);
  return 'value' in pair ? pair : { value: (pair.revenue - pair.cost) / pair.cost };
}

/** Return on ad spend, revenue / cost, as a ratio (5 = "5×"). Shown beside ROI because creators mix them up. */
export function roas(input: CostInput): MetricResult {
  const pair = revenueAndCost(input);
  return 'value' in pair ? pair : { value: pair.revenue / pair.cost };
}

export interface CostMetrics {
  cpi: MetricResult;
  cpc: MetricResult;
  cpm: MetricResult;
  cpa: MetricResult;
  roi: MetricResult;
  roas: MetricResult;
}

export function costMetrics(input: CostInput): CostMetrics {
  return {
    cpi: cpi(input),
    cpc: cpc(input),
    cpm: cpm(input),
    cpa: cpa(input),
    roi: roi(input),
    roas: roas(input),
  };
}
