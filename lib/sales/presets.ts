/**
 * Which column of each platform's export holds what, detected by header names (research/attribution.md
 * "Order exports"). Headers are compared normalised ("Created (UTC)" and "created_utc" are the same), so
 * Stripe's snake_case and Title Case column sets share one preset.
 *
 * Backed by real files: Gumroad (the header its own export service writes) and Stripe (Dashboard
 * exports, both column sets). The others follow the field names their documentation gives; they have
 * not been checked against a real export and say so (`backedBy`).
 */
import type { OrdersMapping } from '../messages';
import type { OrderPlatform } from './order';

export type Role =
  | 'orderId'
  | 'date'
  | 'time'
  | 'currency'
  | 'gross'
  | 'tax'
  | 'refunds'
  | 'fullyRefunded'
  | 'fees'
  /** What the seller keeps after the platform's cut (Udemy "Instructor Share"): fees are the rest. */
  | 'sellerShare'
  | 'affiliateCommission'
  | 'coupon'
  | 'utmSource'
  | 'utmMedium'
  | 'utmCampaign'
  | 'utmTerm'
  | 'utmContent'
  | 'affiliate'
  | 'channel'
  | 'referrer'
  | 'email'
  | 'product'
  | 'status'
  | 'renewal'
  /** A JSON object of checkout data (Paddle custom_data) that may carry utm_* keys. */
  | 'customData';

export interface Preset {
  platform: OrderPlatform;
  backedBy: 'real-export' | 'export-source-code' | 'documented-fields' | 'user-mapping';
  /** Every group must match one header for the preset to apply. */
  detect: string[][];
  columns: Partial<Record<Role, string[]>>;
  /** The currency when the file has no currency column (Gumroad's "($)" columns are US dollars). */
  currency?: string;
  /** "UTC" when the export says so; a zone assumed and shown; "user" = the seller's own zone. */
  zone: 'UTC' | 'Asia/Shanghai' | 'user';
  /** Headers whose amounts are integers of minor units (API-style fields: cents, 分). */
  minorUnits?: string[];
  /** Rows whose status does not match are not sales (failed, pending, refunded-only charges). */
  paid?: RegExp;
  /** A summary row to skip (Gumroad ends with "Totals"), matched on the order-id cell. */
  totalsRow?: RegExp;
}

/** Header text → comparison key: lower case, runs of anything but letters/digits/Han/$ as one space. */
export const headerKey = (header: string): string =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9$\u3400-\u9fff]+/g, ' ')
    .trim();

const utm = (prefix: string, suffix = '') => ({
  utmSource: [`${prefix}source${suffix}`],
  utmMedium: [`${prefix}medium${suffix}`],
  utmCampaign: [`${prefix}campaign${suffix}`],
  utmTerm: [`${prefix}term${suffix}`],
  utmContent: [`${prefix}content${suffix}`],
});

export const PRESETS: readonly Preset[] = [
  {
    platform: 'gumroad',
    backedBy: 'export-source-code',
    detect: [['purchase id'], ['sale price $']],
    currency: 'USD',
    zone: 'UTC',
    totalsRow: /^totals?$/i,
    columns: {
      orderId: ['purchase id'],
      date: ['purchase date'],
      time: ['purchase time utc timezone'],
      gross: ['sale price $'],
      tax: ['taxes $'],
      fees: ['fees $'],
      refunds: ['partial refund $'],
      fullyRefunded: ['fully refunded'],
      affiliate: ['affiliate'],
      affiliateCommission: ['affiliate commission $'],
      coupon: ['discount code'],
      referrer: ['referrer'],
      email: ['purchase email', 'buyer email'],
      product: ['item name'],
      renewal: ['recurring charge'],
      ...utm('utm '),
    },
  },
  {
    platform: 'stripe',
    backedBy: 'real-export',
    detect: [['id'], ['amount'], ['amount refunded'], ['created', 'created utc', 'created date utc']],
    zone: 'UTC',
    paid: /^(paid|succeeded)$/i,
    columns: {
      orderId: ['id'],
      date: ['created', 'created utc', 'created date utc'],
      // The converted columns are in the account's settlement currency, the currency of `fee`.
      gross: ['converted amount', 'amount'],
      refunds: ['converted amount refunded', 'amount refunded'],
      currency: ['converted currency', 'currency'],
      fees: ['fee'],
      tax: ['tax'],
      status: ['status'],
      email: ['customer email'],
      product: ['description'],
      coupon: ['coupon metadata', 'discount code metadata', 'promo code metadata'],
      affiliate: ['affiliate metadata', 'ref metadata'],
      ...utm('utm ', ' metadata'),
    },
  },
  {
    platform: 'udemy',
    backedBy: 'documented-fields',
    detect: [['transaction id'], ['instructor share']],
    zone: 'user',
    columns: {
      orderId: ['transaction id'],
      date: ['date', 'transaction date'],
      gross: ['price'],
      tax: ['tax'],
      sellerShare: ['instructor share'],
      currency: ['currency'],
      coupon: ['coupon code'],
      channel: ['revenue channel'],
      product: ['course name'],
    },
  },
  {
    platform: 'teachable',
    backedBy: 'documented-fields',
    detect: [['earnings usd'], ['offer type', 'gateway']],
    currency: 'USD',
    zone: 'UTC',
    columns: {
      orderId: ['transaction id', 'sale id', 'id'],
      date: ['date', 'purchased at'],
      gross: ['earnings usd'],
      coupon: ['coupon'],
      affiliate: ['affiliate'],
      email: ['student', 'email'],
      product: ['product'],
    },
  },
  {
    platform: 'thinkific',
    backedBy: 'documented-fields',
    detect: [['affiliate referral code'], ['created at']],
    zone: 'UTC',
    columns: {
      orderId: ['id', 'order id', 'order number'],
      date: ['created at'],
      gross: ['amount', 'amount dollars'],
      currency: ['currency'],
      coupon: ['coupon code'],
      affiliate: ['affiliate referral code'],
      email: ['user email', 'email'],
      product: ['product name'],
      status: ['status'],
    },
  },
  {
    platform: 'lemonsqueezy',
    backedBy: 'documented-fields',
    detect: [['order number'], ['discount total'], ['refunded amount']],
    zone: 'UTC',
    paid: /^(paid|refunded|partial_refund)$/i,
    minorUnits: ['total', 'tax', 'refunded amount'],
    columns: {
      orderId: ['order number', 'identifier'],
      date: ['created at'],
      gross: ['total'],
      tax: ['tax'],
      refunds: ['refunded amount'],
      currency: ['currency'],
      email: ['user email'],
      product: ['product name', 'first order item product name'],
      status: ['status'],
      affiliate: ['affiliate', 'aff'],
      coupon: ['discount code'],
    },
  },
  {
    platform: 'paddle',
    backedBy: 'documented-fields',
    detect: [['currency code'], ['billed at', 'custom data']],
    zone: 'UTC',
    paid: /^(completed|paid|billed)$/i,
    minorUnits: ['details totals total', 'details totals tax', 'details totals fee', 'total', 'tax', 'fee'],
    columns: {
      orderId: ['transaction id', 'id'],
      date: ['billed at', 'created at'],
      gross: ['details totals total', 'total'],
      tax: ['details totals tax', 'tax'],
      fees: ['details totals fee', 'fee'],
      currency: ['currency code'],
      coupon: ['discount id', 'discount code'],
      customData: ['custom data'],
      status: ['status'],
      email: ['customer email', 'email'],
    },
  },
  {
    platform: 'xiaoe',
    backedBy: 'documented-fields',
    detect: [
      ['order id', '订单号', '订单编号'],
      ['channel source description', '渠道来源', '渠道'],
    ],
    currency: 'CNY',
    zone: 'Asia/Shanghai',
    // The open API counts in 分; the Chinese headers of the admin export show 元.
    minorUnits: ['price', 'actual fee', 'refund amount'],
    columns: {
      orderId: ['order id', '订单号', '订单编号'],
      date: ['pay time', '支付时间', 'order create time', '下单时间', '创建时间'],
      gross: ['actual fee', '实付金额', '实收金额', 'price', '订单金额'],
      refunds: ['refund amount', '退款金额'],
      affiliate: ['channel source description', '渠道来源', '渠道', 'promoter', '推广员'],
      channel: ['channel type', '渠道类型'],
      coupon: ['coupons', 'coupon', '优惠券', '优惠码'],
      product: ['goods name', 'resource name', '商品名称'],
      status: ['order state', '订单状态'],
    },
  },
];

/** Header key → column index (first occurrence). */
export type HeaderIndex = Map<string, number>;

export function indexHeaders(headers: readonly string[]): HeaderIndex {
  const index: HeaderIndex = new Map();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

/** The preset whose header groups all match, the most specific first; null → the mapping form. */
export function detectPreset(headers: readonly string[]): Preset | null {
  const index = indexHeaders(headers);
  const matching = PRESETS.filter((p) => p.detect.every((group) => group.some((h) => index.has(h))));
  return matching.sort((a, b) => b.detect.length - a.detect.length)[0] ?? null;
}

/** How each platform names itself (brand names, the same in every language). */
export const PLATFORM_NAMES: Record<OrderPlatform, string> = {
  gumroad: 'Gumroad',
  stripe: 'Stripe',
  udemy: 'Udemy',
  teachable: 'Teachable',
  thinkific: 'Thinkific',
  lemonsqueezy: 'Lemon Squeezy',
  paddle: 'Paddle',
  xiaoe: '小鹅通',
  custom: 'CSV',
};

/** A recognised export's columns as the mapping form shows them (the seller can still change them). */
export function presetMapping(preset: Preset, headers: readonly string[]): OrdersMapping {
  const index = indexHeaders(headers);
  const header = (role: Role) => {
    const found = preset.columns[role]?.find((c) => index.has(c));
    return found === undefined ? undefined : headers[index.get(found)!];
  };
  const mapping: OrdersMapping = { amount: header('gross') ?? headers[0] ?? '' };
  const currency = header('currency');
  const date = header('date');
  const orderId = header('orderId');
  const referral = header('affiliate');
  if (currency) mapping.currency = currency;
  if (preset.currency) mapping.defaultCurrency = preset.currency;
  if (date) mapping.date = date;
  if (orderId) mapping.orderId = orderId;
  if (referral) mapping.referral = referral;
  return mapping;
}

/** A first guess at the mapping from the header names (English and Chinese exports), for the form. */
export function guessMapping(headers: readonly string[]): OrdersMapping {
  const find = (re: RegExp) => headers.find((h) => re.test(h));
  const guess: OrdersMapping = {
    amount: find(/amount|total|price|revenue|金额|实付|价格|收入/i) ?? headers[0] ?? '',
  };
  const currency = find(/currency|币种|货币/i);
  const date = find(/date|time|created|日期|时间/i);
  const orderId = find(/order|订单/i);
  const referral = find(/referr|推荐|邀请/i);
  if (currency) guess.currency = currency;
  if (date) guess.date = date;
  if (orderId) guess.orderId = orderId;
  if (referral) guess.referral = referral;
  return guess;
}

/**
 * The user's mapping (the form) as a preset. UTM and coupon columns are still found by their usual
 * names, so a shop export with utm_content or a coupon column attributes exactly too.
 */
export function mappingPreset(mapping: OrdersMapping, headers: readonly string[]): Preset {
  const key = (h: string | undefined) => (h ? [headerKey(h)] : undefined);
  const byName = (re: RegExp) => {
    const h = headers.find((x) => re.test(headerKey(x)));
    return h ? [headerKey(h)] : undefined;
  };
  const columns: Preset['columns'] = {
    gross: [headerKey(mapping.amount)],
    currency: key(mapping.currency),
    date: key(mapping.date),
    orderId: key(mapping.orderId),
    affiliate: key(mapping.referral),
    coupon: byName(/^(coupon|coupon code|discount code|promo code|优惠券|优惠码)$/),
    utmSource: byName(/^utm source$/),
    utmMedium: byName(/^utm medium$/),
    utmCampaign: byName(/^utm campaign$/),
    utmContent: byName(/^utm content$/),
    email: byName(/^(email|e mail|customer email|buyer email|邮箱)$/),
  };
  for (const role of Object.keys(columns) as Role[]) if (!columns[role]) delete columns[role];
  const preset: Preset = { platform: 'custom', backedBy: 'user-mapping', detect: [], columns, zone: 'user' };
  if (mapping.defaultCurrency) preset.currency = mapping.defaultCurrency;
  return preset;
}
