/**
 * One order as CoursePulse keeps it, whatever platform exported it (research/attribution.md "Order
 * exports"). Pure data: no Dexie, no DOM.
 *
 * Money is integer minor units in the order's single currency (lib/metrics/money.ts); amounts of
 * different orders are summed per currency only. The raw row is not kept: it holds buyer names,
 * e-mails and addresses, and every field attribution needs is mapped below.
 */
import type { Money } from '../metrics/money';

export const ORDER_PLATFORMS = [
  'gumroad',
  'stripe',
  'udemy',
  'teachable',
  'thinkific',
  'lemonsqueezy',
  'paddle',
  'xiaoe',
  'custom',
] as const;
export type OrderPlatform = (typeof ORDER_PLATFORMS)[number];

export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

export interface Order {
  platform: OrderPlatform;
  /** The platform's own id; with `platform` the key, so importing the same file twice changes nothing. */
  orderId: string;
  /** The instant, epoch ms (UTC). */
  at: number;
  /**
   * The zone the file's times were read in: "UTC" when the export says so, "offset" when each value
   * carries its own offset, else the zone assumed (Asia/Shanghai for 小鹅通, the user's for the rest).
   */
  zone: string;
  /** ISO 4217. */
  currency: string;
  /** What the buyer paid, less tax where the export separates it; minor units. */
  gross: number;
  refunds: number;
  fees: number;
  affiliateCommission: number;
  product?: string;
  coupon?: string;
  utm?: Utm;
  /** Affiliate, 渠道 or 推广员: the platform's own per-link mark. */
  affiliate?: string;
  /** A channel the platform reports (Udemy "Revenue Channel", 小鹅通 channel_type): a site, not a post. */
  channel?: string;
  referrer?: string;
  /** A pseudonymous key of the buyer's e-mail (see buyerKey), for repeat buyers; never the e-mail. */
  buyer?: string;
  /** A subscription renewal: revenue, but not a new acquisition. */
  renewal?: boolean;
  /** The file line the order came from (1-based, the header is line 1), for messages. */
  line: number;
}

/** Revenue for ROI: gross − refunds − fees − affiliate commission (research/attribution.md). */
export const netMinor = (o: Pick<Order, 'gross' | 'refunds' | 'fees' | 'affiliateCommission'>): number =>
  o.gross - o.refunds - o.fees - o.affiliateCommission;

export const netRevenue = (o: Order): Money => ({ minor: netMinor(o), currency: o.currency });

export const orderKey = (o: Pick<Order, 'platform' | 'orderId'>): string => `${o.platform}:${o.orderId}`;

/**
 * FNV-1a (53 bits) of the trimmed, lower-cased e-mail: the same buyer gets the same key in every file,
 * and the stored orders never hold an address. It is a pseudonym, not anonymity: someone who already
 * knows an address can test it, which is why it never leaves this machine in reports.
 */
export function buyerKey(email: string | undefined): string | undefined {
  const s = email?.trim().toLowerCase();
  if (!s?.includes('@')) return undefined;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `b${((h2 >>> 0) & 0x1fffff).toString(36)}${(h1 >>> 0).toString(36)}`;
}

const MAX_CODE = 200;

/** Codes are compared as Gumroad stores them: lower case, symbols as "-". */
export const normaliseCode = (text: string | undefined): string | undefined => {
  const s = text
    ?.trim()
    .toLowerCase()
    .replace(/[^a-z0-9\u3400-\u9fff-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s ? s.slice(0, MAX_CODE) : undefined;
};

/**
 * The orders the database holds once `imported` is imported over `stored`: one per key, an imported
 * order replacing the stored one (a refund since), in the database's key order (platform, then id,
 * compared by code units as IndexedDB compares strings).
 */
export function ordersAfterImport<O extends Order>(stored: readonly O[], imported: readonly O[]): O[] {
  const byKey = new Map(stored.map((o) => [orderKey(o), o]));
  for (const o of imported) byKey.set(orderKey(o), o);
  const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byKey.values()].sort(
    (a, b) => codeUnits(a.platform, b.platform) || codeUnits(a.orderId, b.orderId),
  );
}
