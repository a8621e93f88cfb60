/**
 * Posting suggestions from the user's own mature posts (DESIGN.md "Metric definitions" → suggestions,
 * research/analytics.md §2.3–2.4).
 *
 * 1. Score every mature own post against its own account: log1p(engagements) − log1p(rolling median).
 * 2. Weight recent posts more (half-life), group by weekday × hour slot in the audience's time zone,
 *    weekday, format, hashtag, topic, length bucket and weekly cadence.
 * 3. Shrink each group toward the account mean (prior worth `priorPosts` posts) and rank by a lower
 *    bound, so two lucky posts do not make a "best time".
 * 4. Below the data thresholds say "not enough data" with how many posts are needed, never guess.
 * Competitor posts never enter this: the functions take own posts only (see summarizeCompetitors).
 */
import type { CommentLike, PostLike } from '../audience/types';
import { engagements, type MetricCounts } from './engagement';
import {
  decayWeight,
  effectiveN,
  mad,
  median,
  pushTo,
  SortedWindow,
  shrink,
  weightedMean,
  Z_ONE_SIDED_95,
} from './stats';
import { localParts, WEEKDAYS, weekKey } from './time';

/**
 * The post fields the metrics read. Structurally compatible with records.ts `PostRecord` (and the
 * stored post), so records can be passed as they are.
 */
export interface MetricPost {
  platform: string;
  id: string;
  authorId: string;
  /** ISO 8601; null when the page did not say. */
  createdAt: string | null;
  /** True when createdAt came from "3小时前"-style text: good to the day, not to the hour. */
  createdAtApprox: boolean;
  format: string;
  hashtags: readonly string[];
  text?: string;
  /** Characters of text, when the text itself is not kept. */
  textLength?: number;
  metrics: MetricCounts;
  /** When `metrics` were observed: the post's latest observation, after its snapshots (epoch ms). */
  metricsAt?: number;
}

export type SuggestionKind = 'slot' | 'weekday' | 'format' | 'hashtag' | 'topic' | 'length' | 'cadence';
export const SUGGESTION_KINDS: readonly SuggestionKind[] = [
  'slot',
  'weekday',
  'format',
  'hashtag',
  'topic',
  'length',
  'cadence',
];
export type Confidence = 'low' | 'medium' | 'high';

export interface Suggestion {
  kind: SuggestionKind;
  /** Slot "Tue18" (weekday + local start hour), weekday "Tue", format "video", hashtag, "100-199", "3-4". */
  key: string;
  /** Posts in the group (weeks, for cadence). */
  n: number;
  /** Shrunken effect as a ratio to the account's typical post: 1.8 = "×1.8 typical". */
  uplift: number;
  /** The one-sided 95% lower bound of that ratio; suggestions are ranked by it. */
  lowerBound: number;
  confidence: Confidence;
}

export interface GroupStat extends Suggestion {
  /** Effective n after recency weights. */
  nEff: number;
  /** Upper bound of the ratio (for "worth trying" views). */
  upperBound: number;
  /** Fewer posts than the group minimum: shown, never suggested. */
  thin: boolean;
}

export interface NotEnoughData {
  status: 'not-enough-data';
  have: number;
  need: number;
  /** need − have: "post N more before suggestions appear". */
  more: number;
}

export type KindResult = { status: 'ok'; groups: GroupStat[] } | NotEnoughData;

export interface HeatCell {
  weekday: number;
  hour: number;
  key: string;
  n: number;
  /** Shrunken score relative to the account mean (log scale); 0 for untried cells. */
  score: number;
  uplift: number;
}

export interface Experiment {
  kind: 'slot';
  key: string;
  weekday: number;
  hour: number;
  /** The good slot it neighbours. */
  adjacentTo: string;
  /** Comments of the audience in the slot's hours, when their hours are known: why this neighbour. */
  audienceComments?: number;
}

/** When the audience comments, as evidence beside the slots. */
export interface AudienceHours {
  /** Comments under the user's posts on the platform, with a time. */
  comments: number;
  /** The local hours most of them came in, most first (at most three). */
  busiest: number[];
}

export interface PlatformSuggestions {
  status: 'ok';
  platform: string;
  /** Mature own posts scored. */
  have: number;
  excluded: { immature: number; noDate: number; noCounts: number; approxTimeFromSlots: number };
  /** Median engagements of the scored posts: the "typical post" the ratios refer to. */
  baselineMedian: number;
  suggestions: Suggestion[];
  groups: Record<SuggestionKind, KindResult>;
  heatmap: { slotHours: number; cells: HeatCell[][] };
  experiment: Experiment | null;
  /** Present when `audienceHours` knows the platform. */
  audience?: AudienceHours;
}

export type SuggestResult =
  | PlatformSuggestions
  | (NotEnoughData & { platform: string; audience?: AudienceHours });

export interface SuggestOptions {
  /** IANA zone of the audience ("Asia/Shanghai"). */
  timeZone: string;
  /** Reference time (epoch ms, ISO or Date): explicit so results are reproducible. */
  now: number | string | Date;
  /** Hours before a post counts as mature; default 48, YouTube 168 (first-week views). */
  matureAfterHours?: number | Partial<Record<string, number>>;
  /** Mature posts needed before anything is suggested. */
  minPosts?: number;
  /** Posts a group needs before it can be suggested. */
  minGroup?: number;
  /** Prior weight of the account mean, in posts. */
  priorPosts?: number;
  halfLifeDays?: number;
  /** Hours per slot; must divide 24 (1, 2, 3, 4, 6, 8, 12). */
  slotHours?: number;
  /** z of the one-sided lower bound. */
  z?: number;
  /** Keywords to group by (matched in text and hashtags, case-insensitive). */
  topics?: readonly string[];
  /** Suggestions kept per kind. */
  maxPerKind?: number;
  /** Local hours [0, nightEndHour) are never offered as experiments. */
  nightEndHour?: number;
  /**
   * What a post achieved, the thing ranked: engagements by default; exact orders once enough orders
   * are tied to posts (lib/sales/report.ts rankBy). Null leaves the post out, as unknown counts do.
   */
  outcome?: (post: MetricPost) => number | null;
  /**
   * Per platform, comments under the user's posts per local hour 0–23 (in `timeZone`): the untried
   * slot offered is the neighbour of a good one where the audience comments most, and the hours
   * they comment in stand beside the slots, also before there are posts enough to rank.
   */
  audienceHours?: Readonly<Record<string, readonly number[]>>;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const DEFAULT_MATURE_HOURS: Record<string, number> = { youtube: 168 };
/** Half-width of the rolling-median window: a baseline that follows the account's growth. */
const BASELINE_HALF_WINDOW_DAYS = 45;
/** Fewer posts than this in the window: use the whole account's median instead. */
const BASELINE_MIN_POSTS = 5;
/** Floor of the per-post noise, in log units: identical scores must not give a zero-width bound. */
const SIGMA_FLOOR = 0.1;
const LENGTH_BUCKETS: Array<[number, string]> = [
  [40, '0-39'],
  [100, '40-99'],
  [200, '100-199'],
  [500, '200-499'],
  [Number.POSITIVE_INFINITY, '500+'],
];
const CADENCE_BUCKETS: Array<[number, string]> = [
  [1, '1'],
  [2, '2'],
  [4, '3-4'],
  [7, '5-7'],
  [14, '8-14'],
  [Number.POSITIVE_INFINITY, '15+'],
];

const toMillis = (value: number | string | Date): number =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);

export function lengthBucket(length: number): string {
  return LENGTH_BUCKETS.find(([limit]) => length < limit)![1];
}

export function cadenceBucket(postsPerWeek: number): string {
  return CADENCE_BUCKETS.find(([limit]) => postsPerWeek <= limit)![1];
}

export const slotKey = (weekday: number, hour: number, slotHours: number): string =>
  `${WEEKDAYS[weekday]}${String(Math.floor(hour / slotHours) * slotHours).padStart(2, '0')}`;

/** "#Rust", "#话题#" and "rust" are one hashtag. */
export const normaliseHashtag = (tag: string): string =>
  tag
    .trim()
    .replace(/^#+|#+$/g, '')
    .toLowerCase();

const textLength = (post: MetricPost): number | null =>
  typeof post.textLength === 'number'
    ? post.textLength
    : typeof post.text === 'string'
      ? [...post.text].length
      : null;

function matureHoursFor(platform: string, opt: SuggestOptions['matureAfterHours']): number {
  if (typeof opt === 'number') return opt;
  return opt?.[platform] ?? DEFAULT_MATURE_HOURS[platform] ?? 48;
}

export function confidenceOf(n: number, lowerBoundRatio: number): Confidence {
  if (lowerBoundRatio > 1 && n >= 10) return 'high';
  if (lowerBoundRatio > 1 && n >= 5) return 'medium';
  return 'low';
}

interface Scored {
  post: MetricPost;
  at: number;
  engagements: number;
  score: number;
  weight: number;
}

/** log1p(engagements) − log1p(rolling median of the same account around the post's date). */
function scorePosts(
  posts: Array<{ post: MetricPost; at: number; engagements: number }>,
  now: number,
  halfLife: number,
) {
  const byAccount = new Map<string, typeof posts>();
  for (const p of posts) {
    const list = byAccount.get(p.post.authorId) ?? [];
    list.push(p);
    byAccount.set(p.post.authorId, list);
  }
  const scored: Scored[] = [];
  for (const list of byAccount.values()) {
    list.sort((a, b) => a.at - b.at);
    const accountMedian = median(list.map((p) => p.engagements))!;
    const window = new SortedWindow();
    let lo = 0;
    let hi = 0;
    for (const p of list) {
      while (list[lo]!.at < p.at - BASELINE_HALF_WINDOW_DAYS * DAY) window.remove(list[lo++]!.engagements);
      while (hi < list.length && list[hi]!.at <= p.at + BASELINE_HALF_WINDOW_DAYS * DAY)
        window.add(list[hi++]!.engagements);
      const baseline = window.size >= BASELINE_MIN_POSTS ? window.median()! : accountMedian;
      scored.push({
        ...p,
        score: Math.log1p(p.engagements) - Math.log1p(baseline),
        weight: decayWeight((now - p.at) / DAY, halfLife),
      });
    }
  }
  return scored;
}

interface GroupItem {
  keys: string[];
  score: number;
  weight: number;
}

interface GroupContext {
  prior: number;
  sigma: number;
  priorPosts: number;
  z: number;
  minGroup: number;
}

/** Shrunken, bounded statistics per key; sorted by lower bound, best first. */
function groupStats(kind: SuggestionKind, items: readonly GroupItem[], ctx: GroupContext): GroupStat[] {
  const groups = new Map<string, { scores: number[]; weights: number[] }>();
  for (const item of items) {
    for (const key of item.keys) {
      const g = groups.get(key) ?? { scores: [], weights: [] };
      g.scores.push(item.score);
      g.weights.push(item.weight);
      groups.set(key, g);
    }
  }
  const stats: GroupStat[] = [];
  for (const [key, g] of groups) {
    const nEff = effectiveN(g.weights);
    const mean = weightedMean(g.scores, g.weights) ?? ctx.prior;
    const shrunk = shrink(mean, nEff, ctx.prior, ctx.priorPosts);
    // Posterior spread of a normal mean with a prior worth `priorPosts` observations.
    const se = ctx.sigma / Math.sqrt(nEff + ctx.priorPosts);
    const n = g.scores.length;
    const lowerBound = Math.exp(shrunk - ctx.z * se - ctx.prior);
    stats.push({
      kind,
      key,
      n,
      nEff,
      uplift: Math.exp(shrunk - ctx.prior),
      lowerBound,
      upperBound: Math.exp(shrunk + ctx.z * se - ctx.prior),
      confidence: confidenceOf(n, lowerBound),
      thin: n < ctx.minGroup,
    });
  }
  return stats.sort((a, b) => b.lowerBound - a.lowerBound);
}

function kindResult(groups: GroupStat[], minGroup: number): KindResult {
  const have = groups.reduce((m, g) => Math.max(m, g.n), 0);
  if (have < minGroup) return { status: 'not-enough-data', have, need: minGroup, more: minGroup - have };
  return { status: 'ok', groups };
}

const toSuggestion = ({ kind, key, n, uplift, lowerBound, confidence }: GroupStat): Suggestion => ({
  kind,
  key,
  n,
  uplift,
  lowerBound,
  confidence,
});

/** Suggestions for one platform from that platform's own posts. */
export function suggestForPlatform(
  platform: string,
  ownPosts: readonly MetricPost[],
  options: SuggestOptions,
): SuggestResult {
  const now = toMillis(options.now);
  const minPosts = options.minPosts ?? 20;
  const minGroup = options.minGroup ?? 3;
  const slotHours = options.slotHours ?? 3;
  const halfLife = options.halfLifeDays ?? 90;
  const matureMs = matureHoursFor(platform, options.matureAfterHours) * HOUR;
  if (!Number.isFinite(now)) throw new RangeError('suggestForPlatform: `now` is not a valid time');
  if (24 % slotHours !== 0) throw new RangeError('suggestForPlatform: slotHours must divide 24');

  const excluded = { immature: 0, noDate: 0, noCounts: 0, approxTimeFromSlots: 0 };
  const candidates: Array<{ post: MetricPost; at: number; engagements: number }> = [];
  const immatureWeeks = new Set<string>();
  for (const post of ownPosts) {
    if (post.platform !== platform) continue;
    const at = post.createdAt ? Date.parse(post.createdAt) : Number.NaN;
    if (!Number.isFinite(at)) {
      excluded.noDate++;
      continue;
    }
    if (now - at < matureMs) {
      excluded.immature++;
      immatureWeeks.add(weekKey(at, options.timeZone));
      continue;
    }
    const e = options.outcome ? options.outcome(post) : engagements(post.metrics);
    if (e === null) {
      excluded.noCounts++;
      continue;
    }
    candidates.push({ post, at, engagements: e });
  }
  const hours = options.audienceHours?.[platform];
  const audience = hours ? { audience: audienceHoursOf(hours) } : {};
  if (candidates.length < minPosts) {
    return {
      status: 'not-enough-data',
      platform,
      have: candidates.length,
      need: minPosts,
      more: minPosts - candidates.length,
      ...audience,
    };
  }

  const scored = scorePosts(candidates, now, halfLife);
  const scores = scored.map((s) => s.score);
  const ctx: GroupContext = {
    prior:
      weightedMean(
        scores,
        scored.map((s) => s.weight),
      ) ?? 0,
    sigma: Math.max(mad(scores) ?? 0, SIGMA_FLOOR),
    priorPosts: options.priorPosts ?? 5,
    z: options.z ?? Z_ONE_SIDED_95,
    minGroup,
  };

  const topics = (options.topics ?? []).map((t) => t.trim()).filter(Boolean);
  const items: Record<Exclude<SuggestionKind, 'cadence'>, GroupItem[]> = {
    slot: [],
    weekday: [],
    format: [],
    hashtag: [],
    topic: [],
    length: [],
  };
  for (const s of scored) {
    const base = { score: s.score, weight: s.weight };
    const local = localParts(s.at, options.timeZone);
    items.weekday.push({ ...base, keys: [WEEKDAYS[local.weekday]!] });
    // An approximate time ("3小时前") is good to the day, not to the hour.
    if (s.post.createdAtApprox) excluded.approxTimeFromSlots++;
    else items.slot.push({ ...base, keys: [slotKey(local.weekday, local.hour, slotHours)] });
    items.format.push({ ...base, keys: [s.post.format] });
    const tags = [...new Set(s.post.hashtags.map(normaliseHashtag).filter(Boolean))];
    if (tags.length) items.hashtag.push({ ...base, keys: tags });
    if (topics.length) {
      const haystack = `${s.post.text ?? ''} ${tags.join(' ')}`.toLowerCase();
      const hits = topics.filter((t) => haystack.includes(t.toLowerCase()));
      if (hits.length) items.topic.push({ ...base, keys: hits });
    }
    const length = textLength(s.post);
    if (length !== null) items.length.push({ ...base, keys: [lengthBucket(length)] });
  }

  const groups = {} as Record<SuggestionKind, KindResult>;
  const all: GroupStat[] = [];
  let slotGroups: GroupStat[] = [];
  for (const kind of Object.keys(items) as Array<keyof typeof items>) {
    const stats = groupStats(kind, items[kind], ctx);
    if (kind === 'slot') slotGroups = stats;
    groups[kind] = kindResult(stats, minGroup);
    all.push(...stats);
  }
  const cadence = cadenceStats(scored, immatureWeeks, options.timeZone, ctx, halfLife, now);
  groups.cadence = kindResult(cadence, minGroup);
  all.push(...cadence);

  const maxPerKind = options.maxPerKind ?? 3;
  const perKind = new Map<SuggestionKind, number>();
  const suggestions: Suggestion[] = [];
  for (const g of all.filter((g) => !g.thin && g.uplift > 1).sort((a, b) => b.lowerBound - a.lowerBound)) {
    const used = perKind.get(g.kind) ?? 0;
    if (used >= maxPerKind) continue;
    perKind.set(g.kind, used + 1);
    suggestions.push(toSuggestion(g));
  }

  const heatmap = buildHeatmap(slotGroups, slotHours);
  return {
    status: 'ok',
    platform,
    have: scored.length,
    excluded,
    baselineMedian: median(scored.map((s) => s.engagements))!,
    suggestions,
    groups,
    heatmap: { slotHours, cells: heatmap },
    experiment: findExperiment(slotGroups, heatmap, slotHours, options.nightEndHour ?? 6, hours),
    ...audience,
  };
}

function audienceHoursOf(hours: readonly number[]): AudienceHours {
  const busiest = [...hours.keys()]
    .filter((h) => hours[h]! > 0)
    .sort((a, b) => hours[b]! - hours[a]! || a - b)
    .slice(0, 3);
  return { comments: hours.reduce((a, b) => a + b, 0), busiest };
}

/**
 * Posting cadence: per account and local week, posts that week vs the week's total engagement,
 * scored against the account's median week. Weeks still holding immature posts are left out.
 */
function cadenceStats(
  scored: readonly Scored[],
  immatureWeeks: ReadonlySet<string>,
  timeZone: string,
  ctx: GroupContext,
  halfLife: number,
  now: number,
): GroupStat[] {
  const weeks = new Map<
    string,
    { account: string; week: string; posts: number; total: number; start: number }
  >();
  for (const s of scored) {
    const week = weekKey(s.at, timeZone);
    if (immatureWeeks.has(week)) continue;
    const key = `${s.post.authorId}\u0000${week}`;
    const w = weeks.get(key) ?? {
      account: s.post.authorId,
      week,
      posts: 0,
      total: 0,
      start: Date.parse(week),
    };
    w.posts++;
    w.total += s.engagements;
    weeks.set(key, w);
  }
  const byAccount = new Map<string, number[]>();
  for (const w of weeks.values()) pushTo(byAccount, w.account, w.total);
  const items: GroupItem[] = [];
  for (const w of weeks.values()) {
    const typical = median(byAccount.get(w.account)!)!;
    items.push({
      keys: [cadenceBucket(w.posts)],
      score: Math.log1p(w.total) - Math.log1p(typical),
      weight: decayWeight((now - w.start) / DAY, halfLife),
    });
  }
  if (items.length === 0) return [];
  const weekScores = items.map((i) => i.score);
  return groupStats('cadence', items, {
    ...ctx,
    prior:
      weightedMean(
        weekScores,
        items.map((i) => i.weight),
      ) ?? 0,
    sigma: Math.max(mad(weekScores) ?? 0, SIGMA_FLOOR),
  });
}

/** 7 weekdays × (24 / slotHours) cells; untried cells have n 0 and a neutral score. */
function buildHeatmap(slotGroups: readonly GroupStat[], slotHours: number): HeatCell[][] {
  const byKey = new Map(slotGroups.map((g) => [g.key, g]));
  return WEEKDAYS.map((_, weekday) =>
    Array.from({ length: 24 / slotHours }, (_, i) => {
      const hour = i * slotHours;
      const key = slotKey(weekday, hour, slotHours);
      const g = byKey.get(key);
      return { weekday, hour, key, n: g?.n ?? 0, score: g ? Math.log(g.uplift) : 0, uplift: g?.uplift ?? 1 };
    }),
  );
}

/**
 * One untried slot to experiment with: next to a good slot (same day ±1 slot, or the same slot a day
 * earlier or later), never in the night hours. Of those, the one whose hours the audience comments
 * in most when `hours` says (ties and no comments: the neighbour of the best-ranked good slot).
 */
function findExperiment(
  slotGroups: readonly GroupStat[],
  cells: HeatCell[][],
  slotHours: number,
  nightEndHour: number,
  hours?: readonly number[],
): Experiment | null {
  const perDay = 24 / slotHours;
  const candidates: Experiment[] = [];
  for (const good of slotGroups.filter((g) => !g.thin && g.uplift > 1)) {
    const weekday = WEEKDAYS.indexOf(good.key.slice(0, 3) as (typeof WEEKDAYS)[number]);
    const index = Number(good.key.slice(3)) / slotHours;
    const neighbours: Array<[number, number]> = [
      [weekday, index - 1],
      [weekday, index + 1],
      [(weekday + 6) % 7, index],
      [(weekday + 1) % 7, index],
    ];
    for (const [day, slot] of neighbours) {
      if (slot < 0 || slot >= perDay) continue;
      const cell = cells[day]![slot]!;
      if (cell.n === 0 && cell.hour >= nightEndHour && !candidates.some((c) => c.key === cell.key))
        candidates.push({ kind: 'slot', key: cell.key, weekday: day, hour: cell.hour, adjacentTo: good.key });
    }
  }
  if (!hours) return candidates[0] ?? null;
  const commentsIn = (c: Experiment) => hours.slice(c.hour, c.hour + slotHours).reduce((a, b) => a + b, 0);
  let best: Experiment | null = null;
  for (const c of candidates) if (!best || commentsIn(c) > commentsIn(best)) best = c;
  return best && { ...best, audienceComments: commentsIn(best) };
}

/** Suggestions for every platform present in `ownPosts` (own posts only: never pass competitors'). */
export function suggestPosting(
  ownPosts: readonly MetricPost[],
  options: SuggestOptions,
): Record<string, SuggestResult> {
  const platforms = [...new Set(ownPosts.map((p) => p.platform))].sort();
  return Object.fromEntries(platforms.map((p) => [p, suggestForPlatform(p, ownPosts, options)]));
}

export interface CompetitorSummary {
  platform: string;
  authorId: string;
  posts: number;
  /** Median engagements: their scale, not comparable to a different-sized account. */
  medianEngagements: number | null;
  /** Mean posts per local week over the weeks they posted in. */
  postsPerWeek: number | null;
  formats: Array<{ key: string; n: number; medianEngagements: number | null }>;
  hashtags: Array<{ key: string; n: number }>;
  /** When they post (weekday × slot), most used first: context, not advice. */
  slots: Array<{ key: string; n: number }>;
}

const topCounts = (keys: string[], limit: number): Array<{ key: string; n: number }> => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
};

/** What competitors post and how it does, per account, for context beside (never inside) the suggestions. */
export function summarizeCompetitors(
  posts: readonly MetricPost[],
  opts: { timeZone: string; slotHours?: number; limit?: number },
): CompetitorSummary[] {
  const slotHours = opts.slotHours ?? 3;
  const limit = opts.limit ?? 5;
  const byAccount = new Map<string, MetricPost[]>();
  for (const p of posts) {
    const key = `${p.platform}\u0000${p.authorId}`;
    pushTo(byAccount, key, p);
  }
  const summaries: CompetitorSummary[] = [];
  for (const list of byAccount.values()) {
    const eng = (ps: MetricPost[]) =>
      ps.map((p) => engagements(p.metrics)).filter((e): e is number => e !== null);
    const formats = new Map<string, MetricPost[]>();
    for (const p of list) pushTo(formats, p.format, p);
    const slots: string[] = [];
    const weeks = new Set<string>();
    let dated = 0;
    for (const p of list) {
      const at = p.createdAt ? Date.parse(p.createdAt) : Number.NaN;
      if (!Number.isFinite(at)) continue;
      dated++;
      weeks.add(weekKey(at, opts.timeZone));
      if (p.createdAtApprox) continue;
      const local = localParts(at, opts.timeZone);
      slots.push(slotKey(local.weekday, local.hour, slotHours));
    }
    summaries.push({
      platform: list[0]!.platform,
      authorId: list[0]!.authorId,
      posts: list.length,
      medianEngagements: median(eng(list)),
      postsPerWeek: weeks.size ? dated / weeks.size : null,
      formats: [...formats.entries()]
        .map(([key, ps]) => ({ key, n: ps.length, medianEngagements: median(eng(ps)) }))
        .sort((a, b) => b.n - a.n),
      hashtags: topCounts(
        list.flatMap((p) => [...new Set(p.hashtags.map(normaliseHashtag).filter(Boolean))]),
        limit,
      ),
      slots: topCounts(slots, limit),
    });
  }
  return summaries.sort((a, b) => b.posts - a.posts);
}

/**
 * When the audience comments, per platform: comments under `posts` by anyone but the posts' authors,
 * per local hour 0–23 in `timeZone` (SuggestOptions `audienceHours`). Undated ones are left out.
 */
export function audienceHoursUnder(
  posts: readonly PostLike[],
  comments: readonly CommentLike[],
  timeZone: string,
): Record<string, number[]> {
  const underPost = new Set(posts.map((p) => `${p.platform}:${p.id}`));
  const authors = new Set(posts.map((p) => `${p.platform}:${p.authorId}`));
  const out: Record<string, number[]> = {};
  for (const c of comments) {
    const at = c.createdAt ? Date.parse(c.createdAt) : Number.NaN;
    if (
      !Number.isFinite(at) ||
      authors.has(`${c.platform}:${c.authorId}`) ||
      !underPost.has(`${c.platform}:${c.postId || c.conversationId}`)
    )
      continue;
    out[c.platform] ??= new Array<number>(24).fill(0);
    out[c.platform]![localParts(at, timeZone).hour]!++;
  }
  return out;
}
