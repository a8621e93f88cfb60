/**
 * Ordered funnel (DESIGN.md "Metric definitions", research/analytics.md §1.3–1.5): step rate
 * n(i)/n(i−1), overall n(last)/n(first), drop-off 1 − step, a Wilson 95% interval on every rate, and
 * the worst step flagged with advice ids (i18n message keys; the UI translates them).
 */
import { type Interval, wilson } from './stats';

export type StageSource = 'observed' | 'entered' | 'imported' | 'orders';

/** The later stages counted from stored orders (lib/sales/stages.ts): `orders` is the n they come from. */
export interface OrderStageCounts {
  orders: number;
  bought: number;
  /** Null where the export names no buyers: unknown, not zero. */
  repeatBuyers: number | null;
  /** Null where the export carries no affiliates or referral marks. */
  referrals: number | null;
}

export interface FunnelStageInput {
  id: string;
  label: string;
  /** Null when nobody has observed or entered this stage yet. */
  count: number | null;
  source: StageSource;
}

export interface Rate extends Interval {
  value: number;
}

export type StepReason =
  | 'first-stage'
  | 'count-unknown'
  | 'previous-unknown'
  | 'previous-zero'
  | 'invalid-count';

export interface GrewAnomaly {
  anomaly: 'grew';
  /** The count as given. */
  raw: number;
  /** What the rates used instead: the nearest earlier known stage's (clamped) count. */
  clampedTo: number;
}

export interface FunnelStep {
  id: string;
  label: string;
  source: StageSource;
  /** The count as given. */
  count: number | null;
  /** The count the rates use: clamped so a later stage never exceeds an earlier one. */
  used: number | null;
  /** n(i) / n(i−1), null for the first stage or when either count is unknown (see `reason`). */
  step: Rate | null;
  /** n(i) / n(first). */
  overall: Rate | null;
  /** 1 − step rate. */
  dropOff: number | null;
  /** n(i−1) − n(i): people lost at this step. */
  lost: number | null;
  reason?: StepReason;
  anomaly?: GrewAnomaly;
}

export interface WorstStep {
  fromId: string;
  toId: string;
  /** Index of the later stage in `steps`. */
  index: number;
  step: Rate;
  /** i18n message keys with concrete things to try at this transition. */
  adviceIds: string[];
}

export interface FunnelResult {
  steps: FunnelStep[];
  /** n(last) / n(first); null when either is unknown or the first is 0. */
  overall: Rate | null;
  worst: WorstStep | null;
  anomalies: Array<GrewAnomaly & { id: string }>;
}

/** Stage ids of the default growth path: 引入 → 培养 → 成熟 → 忠诚. */
export const DEFAULT_STAGE_IDS = ['reach', 'engaged', 'bought', 'advocates'] as const;
export const DEFAULT_STAGE_LABELS: Record<(typeof DEFAULT_STAGE_IDS)[number], string> = {
  reach: '引入 reach',
  engaged: '培养 engaged',
  bought: '成熟 bought',
  advocates: '忠诚 advocates',
};

/** Concrete things to try per transition (keys are `${fromId}->${toId}`). Message keys for _locales. */
export const FUNNEL_ADVICE: Record<string, string[]> = {
  'reach->engaged': ['adviceHooks', 'adviceFormats', 'advicePostingTime'],
  'engaged->bought': ['adviceWorkedExamples', 'adviceQa', 'adviceHandsOnProject', 'adviceClearOffer'],
  'bought->advocates': ['adviceReferralIncentive', 'adviceCommunity', 'adviceFollowUp'],
};
/** For custom stages we know nothing about: ask the people who stopped, and make the step smaller. */
export const GENERIC_ADVICE = ['adviceAskDropouts', 'adviceSimplifyStep'];

export const adviceFor = (fromId: string, toId: string): string[] =>
  FUNNEL_ADVICE[`${fromId}->${toId}`] ?? GENERIC_ADVICE;

export interface DefaultStageCounts {
  views?: number | null;
  engagements?: number | null;
  linkClicks?: number | null;
  purchases?: number | null;
  referrals?: number | null;
  repeatBuyers?: number | null;
  /** Where each count came from; defaults: views/engagements observed, the rest entered. */
  sources?: Partial<Record<(typeof DEFAULT_STAGE_IDS)[number], StageSource>>;
}

const known = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The default four stages. "Engaged" prefers link clicks (closer to buying) over public engagements;
 * "advocates" adds referrals and repeat buyers, whichever are known.
 */
export function defaultStages(counts: DefaultStageCounts): FunnelStageInput[] {
  const engagedFromClicks = known(counts.linkClicks);
  const advocateParts = [counts.referrals, counts.repeatBuyers].filter(known);
  const src = counts.sources ?? {};
  return [
    {
      id: 'reach',
      label: DEFAULT_STAGE_LABELS.reach,
      count: known(counts.views) ? counts.views : null,
      source: src.reach ?? 'observed',
    },
    {
      id: 'engaged',
      label: DEFAULT_STAGE_LABELS.engaged,
      count: engagedFromClicks ? counts.linkClicks! : known(counts.engagements) ? counts.engagements : null,
      source: src.engaged ?? (engagedFromClicks ? 'entered' : 'observed'),
    },
    {
      id: 'bought',
      label: DEFAULT_STAGE_LABELS.bought,
      count: known(counts.purchases) ? counts.purchases : null,
      source: src.bought ?? 'entered',
    },
    {
      id: 'advocates',
      label: DEFAULT_STAGE_LABELS.advocates,
      count: advocateParts.length ? advocateParts.reduce((a, b) => a + b, 0) : null,
      source: src.advocates ?? 'entered',
    },
  ];
}

function rate(k: number, n: number): Rate | null {
  const interval = wilson(k, n);
  return interval ? { value: k / n, ...interval } : null;
}

const validCount = (n: number | null): boolean => n === null || (Number.isFinite(n) && n >= 0);

export function computeFunnel(stages: readonly FunnelStageInput[]): FunnelResult {
  const steps: FunnelStep[] = [];
  const anomalies: FunnelResult['anomalies'] = [];
  // The nearest earlier known (clamped) count: an ordered funnel cannot grow, even across an unknown stage.
  let ceiling: number | null = null;
  let first: number | null = null;

  stages.forEach((stage, i) => {
    const base = { id: stage.id, label: stage.label, source: stage.source, count: stage.count };
    if (!validCount(stage.count)) {
      steps.push({
        ...base,
        used: null,
        step: null,
        overall: null,
        dropOff: null,
        lost: null,
        reason: 'invalid-count',
      });
      return;
    }
    let used = stage.count;
    let anomaly: GrewAnomaly | undefined;
    if (used !== null && ceiling !== null && used > ceiling) {
      // Reported, not hidden: usually a stage counted from another source or another time window.
      anomaly = { anomaly: 'grew', raw: used, clampedTo: ceiling };
      anomalies.push({ id: stage.id, ...anomaly });
      used = ceiling;
    }
    if (i === 0) first = used;
    if (used !== null) ceiling = used;

    const previous = i > 0 ? steps[i - 1]!.used : null;
    let reason: StepReason | undefined;
    let step: Rate | null = null;
    if (i === 0) reason = 'first-stage';
    else if (used === null) reason = 'count-unknown';
    else if (previous === null) reason = 'previous-unknown';
    else if (previous === 0) reason = 'previous-zero';
    else step = rate(used, previous);

    const overall = used !== null && first !== null && first > 0 ? rate(used, first) : null;
    steps.push({
      ...base,
      used,
      step,
      overall,
      dropOff: step ? 1 - step.value : null,
      lost: step && previous !== null && used !== null ? previous - used : null,
      ...(reason ? { reason } : {}),
      ...(anomaly ? { anomaly } : {}),
    });
  });

  const last = steps[steps.length - 1];
  const overall =
    steps.length > 1 && last?.used != null && first !== null && first > 0 ? rate(last.used, first) : null;
  return { steps, overall, worst: worstStep(steps), anomalies };
}

/**
 * The worst step is the one whose Wilson upper bound is lowest: "even at best, this step loses the most".
 * Ranking by the point rate would flag 0 of 3 referrals over a solid 2% of 10 000 views.
 */
function worstStep(steps: readonly FunnelStep[]): WorstStep | null {
  let worst: WorstStep | null = null;
  steps.forEach((s, i) => {
    if (!s.step || i === 0) return;
    if (worst && s.step.high >= worst.step.high) return;
    const from = steps[i - 1]!.id;
    worst = { fromId: from, toId: s.id, index: i, step: s.step, adviceIds: adviceFor(from, s.id) };
  });
  return worst;
}
