/**
 * The exact ledger: orders carrying a code bound to a post (UTM content, coupon, affiliate/渠道) count
 * for that post; sums are facts, per currency, never converted. An order whose codes point at
 * different posts is a conflict: shown, counted for neither until the seller decides (`decisions`):
 * for one of the posts it names, then it counts exactly for that post, or for none (NO_POST), then it
 * stays out of the exact ledger for good, like an order without a code.
 * The default precedence offered for a conflict is PRECEDENCE: the UTM content is the click that led
 * to the purchase; a coupon travels (it is read aloud, shared in groups); an affiliate mark is last.
 */
import { type MetricResult, roas, roi } from '../metrics/cost';
import { type Money, sumByCurrency } from '../metrics/money';
import type { Platform, PostRecord } from '../records';
import { type Binding, type PostRef, postKey, type TrackedLink } from './links';
import { netMinor, normaliseCode, type Order, orderKey } from './order';

export type CodeField = 'utm' | 'coupon' | 'affiliate';
export const PRECEDENCE: readonly CodeField[] = ['utm', 'coupon', 'affiliate'];

/** The seller's decision that a conflicting order counts for none of the posts its codes name. */
export const NO_POST = 'none';

export interface Figures {
  /** New purchases (renewals are revenue, not acquisitions). */
  orders: number;
  renewals: number;
  /** Net revenue (gross − refunds − fees − affiliate commission) per currency. */
  revenue: Money[];
  gross: Money[];
}

export interface Conflict {
  order: string;
  line: number;
  /** Each field's code and the post it is bound to. */
  claims: Array<{ field: CodeField; code: string; post: PostRef }>;
  /** The post PRECEDENCE would pick. */
  suggested: PostRef;
}

/** A conflict the seller decided: `decision` is the key of the post it counts for, or NO_POST. */
export interface DecidedConflict extends Conflict {
  decision: string;
}

export interface ExactAttribution {
  perPost: Map<string, Figures>;
  perSite: Map<Platform, Figures>;
  perFormat: Map<string, Figures>;
  perCampaign: Map<string, Figures>;
  /** Conflicts waiting for the seller's decision: counted for no post, site, format or campaign. */
  conflicts: Conflict[];
  /** Conflicts the seller decided (counted as decided), so the decision can be seen and undone. */
  decided: DecidedConflict[];
  /** Orders with a known code whose link no captured post carries yet (counted per site and campaign). */
  unboundOrders: number;
  /** Net revenue carrying any known code, and all net revenue, per currency: "62% of revenue is tagged". */
  tagged: Array<{ currency: string; tagged: number; total: number; share: number | null }>;
  /** Keys of the orders counted in the exact ledger (the inferred tier leaves them out). */
  attributed: Set<string>;
}

interface Claim {
  field: CodeField;
  code: string;
  link: TrackedLink;
}

/** The fields of an order that can carry a tracked code. */
export type OrderCodes = Pick<Order, 'utm' | 'coupon' | 'affiliate'>;

/** The tracked links by code and by (normalised) coupon. */
function linkMaps(links: readonly TrackedLink[]) {
  const byCode = new Map(links.map((l) => [l.code, l]));
  const byCoupon = new Map<string, TrackedLink>();
  for (const l of links) {
    const coupon = normaliseCode(l.coupon);
    if (coupon) byCoupon.set(coupon, l);
  }
  return { byCode, byCoupon };
}

/** Whether an order's codes name any of `links`: what makes it tagged in the exact ledger. */
export function taggedBy(links: readonly TrackedLink[]): (order: OrderCodes) => boolean {
  const { byCode, byCoupon } = linkMaps(links);
  return (order) => claimsOf(order, byCode, byCoupon).length > 0;
}

/** The tracked links an order's fields name, in PRECEDENCE order. */
function claimsOf(
  order: OrderCodes,
  byCode: Map<string, TrackedLink>,
  byCoupon: Map<string, TrackedLink>,
): Claim[] {
  const claims: Claim[] = [];
  const content = order.utm?.content;
  const link = content ? byCode.get(content) : undefined;
  if (link) claims.push({ field: 'utm', code: content!, link });
  const couponLink = order.coupon ? byCoupon.get(order.coupon) : undefined;
  if (couponLink) claims.push({ field: 'coupon', code: order.coupon!, link: couponLink });
  // 小鹅通 渠道 and affiliate ids: a per-post link named with the code.
  const affiliate = normaliseCode(order.affiliate);
  const affiliateLink = affiliate ? byCode.get(affiliate) : undefined;
  if (affiliateLink) claims.push({ field: 'affiliate', code: affiliate!, link: affiliateLink });
  return claims;
}

function emptyFigures(): { orders: number; renewals: number; net: Money[]; gross: Money[] } {
  return { orders: 0, renewals: 0, net: [], gross: [] };
}

type Acc = ReturnType<typeof emptyFigures>;

function add(groups: Map<string, Acc>, key: string, order: Order) {
  let acc = groups.get(key);
  if (!acc) {
    acc = emptyFigures();
    groups.set(key, acc);
  }
  if (order.renewal) acc.renewals++;
  else acc.orders++;
  acc.net.push({ minor: netMinor(order), currency: order.currency });
  acc.gross.push({ minor: order.gross, currency: order.currency });
}

const finish = <K extends string>(groups: Map<K, Acc>): Map<K, Figures> =>
  new Map(
    [...groups].map(([k, a]) => [
      k,
      {
        orders: a.orders,
        renewals: a.renewals,
        revenue: [...sumByCurrency(a.net).values()],
        gross: [...sumByCurrency(a.gross).values()],
      },
    ]),
  );

export interface AttributionInput {
  orders: readonly Order[];
  links: readonly TrackedLink[];
  bindings: ReadonlyMap<string, Binding>;
  /** Own posts (for the format). */
  posts: ReadonlyArray<Pick<PostRecord, 'platform' | 'id' | 'format'>>;
  /**
   * The seller's choice for conflicting orders: order key → post key, or NO_POST. A choice naming a
   * post the order's codes no longer point at (a binding changed since) is ignored: the conflict is
   * shown again.
   */
  decisions?: ReadonlyMap<string, string>;
}

export function attributeExact(input: AttributionInput): ExactAttribution {
  const { byCode, byCoupon } = linkMaps(input.links);
  const formats = new Map(input.posts.map((p) => [postKey(p), p.format]));
  const linkByPost = new Map<string, TrackedLink>();
  for (const l of input.links) {
    const b = input.bindings.get(l.code);
    if (b) linkByPost.set(postKey(b.post), l);
  }
  const perPost = new Map<string, Acc>();
  const perSite = new Map<string, Acc>();
  const perFormat = new Map<string, Acc>();
  const perCampaign = new Map<string, Acc>();
  const conflicts: Conflict[] = [];
  const decided: DecidedConflict[] = [];
  const attributed = new Set<string>();
  const taggedNet: Money[] = [];
  const allNet: Money[] = [];
  let unboundOrders = 0;

  for (const order of input.orders) {
    const net = { minor: netMinor(order), currency: order.currency };
    allNet.push(net);
    const claims = claimsOf(order, byCode, byCoupon);
    if (claims.length === 0) continue;
    taggedNet.push(net);
    const key = orderKey(order);
    const posted = claims.flatMap((c) => {
      const b = input.bindings.get(c.link.code);
      return b ? [{ ...c, post: b.post }] : [];
    });
    const distinct = new Set(posted.map((c) => postKey(c.post)));
    let chosen: string | undefined;
    let link: TrackedLink = claims[0]!.link;
    if (distinct.size > 1) {
      const conflict: Conflict = {
        order: key,
        line: order.line,
        claims: posted.map(({ field, code, post }) => ({ field, code, post })),
        suggested: posted[0]!.post,
      };
      const decision = input.decisions?.get(key);
      if (decision !== NO_POST && !(decision && distinct.has(decision))) {
        conflicts.push(conflict);
        continue;
      }
      decided.push({ ...conflict, decision });
      if (decision === NO_POST) continue;
      chosen = decision;
    } else if (distinct.size === 1) chosen = [...distinct][0]!;
    if (chosen) link = linkByPost.get(chosen) ?? posted.find((c) => postKey(c.post) === chosen)!.link;
    else unboundOrders++;
    attributed.add(key);
    add(perSite, link.platform, order);
    add(perCampaign, link.campaign, order);
    if (chosen) {
      add(perPost, chosen, order);
      add(perFormat, formats.get(chosen) ?? 'unknown', order);
    }
  }

  const taggedTotals = sumByCurrency(taggedNet);
  const tagged = [...sumByCurrency(allNet).values()].map((total) => {
    const t = taggedTotals.get(total.currency)?.minor ?? 0;
    return {
      currency: total.currency,
      tagged: t,
      total: total.minor,
      share: total.minor > 0 ? t / total.minor : null,
    };
  });
  return {
    perPost: finish(perPost),
    perSite: finish(perSite) as Map<Platform, Figures>,
    perFormat: finish(perFormat),
    perCampaign: finish(perCampaign),
    conflicts,
    decided,
    unboundOrders,
    tagged,
    attributed,
  };
}

/**
 * The funnel's later stages from orders: 成熟 = new purchases; 忠诚 = repeat buyers (a buyer key with
 * two or more purchases) plus orders referred by an affiliate that is not one of the seller's own
 * codes. Null where the export carries neither buyers nor affiliates: unknown, not zero.
 */
export function funnelFromOrders(
  orders: readonly Order[],
  links: readonly TrackedLink[],
): { bought: number; advocates: number | null; repeatBuyers: number | null; referrals: number | null } {
  const own = new Set(links.map((l) => l.code));
  const perBuyer = new Map<string, number>();
  let bought = 0;
  let referrals = 0;
  let haveBuyers = false;
  let haveAffiliates = false;
  for (const o of orders) {
    if (o.renewal) continue;
    bought++;
    if (o.buyer) {
      haveBuyers = true;
      perBuyer.set(o.buyer, (perBuyer.get(o.buyer) ?? 0) + 1);
    }
    if (o.affiliate) {
      haveAffiliates = true;
      if (!own.has(normaliseCode(o.affiliate) ?? '')) referrals++;
    }
  }
  const repeat = haveBuyers ? [...perBuyer.values()].filter((n) => n >= 2).length : null;
  const ref = haveAffiliates ? referrals : null;
  return {
    bought,
    repeatBuyers: repeat,
    referrals: ref,
    advocates: repeat === null && ref === null ? null : (repeat ?? 0) + (ref ?? 0),
  };
}

/** ROI and ROAS of a group against its cost, in the cost's currency only (no exchange rates). */
export function returnOn(
  figures: Figures | undefined,
  cost: Money | null,
): { roi: MetricResult; roas: MetricResult } {
  const revenue = figures?.revenue.find((m) => m.currency === cost?.currency) ?? figures?.revenue[0] ?? null;
  return { roi: roi({ cost, revenue }), roas: roas({ cost, revenue }) };
}
