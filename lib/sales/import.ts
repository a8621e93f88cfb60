/**
 * A decoded export table + its preset → orders, with every row that could not be read reported by its
 * file line. Nothing is imported while errors remain unless the user chooses to skip those rows.
 */
import { minorDigits, toMinor } from '../metrics/money';
import { zonedToUtc } from '../metrics/time';
import { parsePrice } from '../parse/price';
import type { Table } from './decode';
import { buyerKey, normaliseCode, type Order, type Utm } from './order';
import { indexHeaders, type Preset, type Role } from './presets';

export type RowProblem = 'no-id' | 'bad-date' | 'bad-amount' | 'no-currency';

export interface RowError {
  line: number;
  problem: RowProblem;
  /** The header of the cell at fault and its text (capped), so the message can show both. */
  column?: string;
  value?: string;
}

export interface ImportResult {
  orders: Order[];
  errors: RowError[];
  /** Rows that are not sales (a totals row, failed or pending charges) or repeat an order id in the file. */
  skipped: { totals: number; notPaid: number; duplicate: number };
  /** The zone the file's times were read in (see Order.zone). */
  zone: string;
}

const TRUE = /^(true|yes|y|1|是)$/i;
const MONTH_NAME =
  /^(?:[a-z]{3,9},?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;
const PLAIN_NUMBER = /^-?(\d+)(?:\.(\d+))?$/;
const MAX_CELL = 200;

/** The instant of a date cell (and an optional separate time cell) in `zone`, or null. */
export function parseInstant(date: string, time: string | undefined, zone: string): number | null {
  const text = `${date.trim()}${time?.trim() && !/\d:\d/.test(date) ? ` ${time.trim()}` : ''}`;
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  if (/^\d{13}$/.test(text)) return Number(text);
  const iso =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  // Month first: the US platforms (Udemy, Teachable) write 11/30/2025.
  const us =
    /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  let wall: number;
  let offset: string | undefined;
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = iso;
    wall = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
    if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31 || +h > 23 || +mi > 59 || +s > 60) return null;
    offset = iso[8];
  } else if (us) {
    const [, mo, d, yy, h = '0', mi = '0', s = '0', ampm] = us;
    const year = yy!.length === 2 ? 2000 + +yy! : +yy!;
    let hour = +h;
    if (ampm) hour = (hour % 12) + (/p/i.test(ampm) ? 12 : 0);
    if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31 || hour > 23 || +mi > 59) return null;
    wall = Date.UTC(year, +mo! - 1, +d!, hour, +mi, +s);
    offset = us[8];
  } else if (MONTH_NAME.test(text)) {
    // "Nov 11, 2025 00:10", "11 November 2025": the engine reads month names; read as UTC, then as
    // a wall time in the zone, so the machine's own zone never enters.
    const explicit = /(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i.test(text);
    const ms = Date.parse(explicit ? text : `${text} UTC`);
    if (!Number.isFinite(ms)) return null;
    return explicit || zone === 'UTC' ? ms : zonedToUtc(ms, zone);
  } else {
    return null;
  }
  if (offset) {
    if (/^(Z|UTC|GMT)$/i.test(offset)) return wall;
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
    return wall - (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +m[3]!) * 60_000;
  }
  return zone === 'UTC' ? wall : zonedToUtc(wall, zone);
}

const hasOffset = (text: string) =>
  /(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})\s*$/i.test(text.trim()) || /^\d{10,13}$/.test(text.trim());

/** An amount cell in minor units: "25.00", "$1,299.00", "19,99 €"; integers of minor units for API fields. */
export function readMinor(text: string, currency: string, isMinor: boolean): number | null {
  const s = text.trim();
  if (s === '') return 0;
  const plain = PLAIN_NUMBER.exec(s);
  if (plain) {
    if (isMinor && !s.includes('.')) return Number(s);
    // Exact digits when the decimals fit the currency ("49.99" USD → 4999), without a float round trip.
    const digits = minorDigits(currency);
    const fraction = plain[2] ?? '';
    if (digits !== null && fraction.length <= digits) {
      const minor = Number(plain[1]!) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
      return s.startsWith('-') ? -minor : minor;
    }
    return toMinor(Number(s), currency)?.minor ?? null;
  }
  const negative = /^-|^\(.*\)$/.test(s);
  const price = parsePrice(s.replace(/^-|^\(|\)$/g, ''));
  if (!price) return null;
  const minor = toMinor(price.amount, currency)?.minor;
  return minor === undefined ? null : negative ? -minor : minor;
}

function utmFromJson(text: string): Utm {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const pick = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
    return {
      source: pick('utm_source'),
      medium: pick('utm_medium'),
      campaign: pick('utm_campaign'),
      term: pick('utm_term'),
      content: pick('utm_content'),
    };
  } catch {
    return {};
  }
}

/** FNV-1a of the row's cells: a stable id for exports without one, so a re-import still changes nothing. */
function rowId(cells: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) h = Math.imul(h ^ cell.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return `row-${(h >>> 0).toString(36)}-${cells.join('').length}`;
}

const UTM_ROLES = [
  ['source', 'utmSource'],
  ['medium', 'utmMedium'],
  ['campaign', 'utmCampaign'],
  ['term', 'utmTerm'],
  ['content', 'utmContent'],
] as const;

export function importOrders(table: Table, preset: Preset, userZone: string): ImportResult {
  const index = indexHeaders(table.headers);
  const col = new Map<Role, number>();
  const minorCols = new Set<number>();
  for (const [role, candidates] of Object.entries(preset.columns) as [Role, string[]][]) {
    const found = candidates.find((c) => index.has(c));
    if (found !== undefined) col.set(role, index.get(found)!);
  }
  for (const h of preset.minorUnits ?? []) if (index.has(h)) minorCols.add(index.get(h)!);
  const zone = preset.zone === 'user' ? userZone : preset.zone;
  const result: ImportResult = {
    orders: [],
    errors: [],
    skipped: { totals: 0, notPaid: 0, duplicate: 0 },
    zone,
  };
  const seen = new Set<string>();

  // The row being read; the helpers below are made once, not per row (100k rows in the budget).
  let cells: string[] = [];
  let line = 0;
  let currency = '';
  const cell = (role: Role) => {
    const i = col.get(role);
    return i === undefined ? undefined : cells[i]!.trim() || undefined;
  };
  const fail = (problem: RowProblem, role?: Role) => {
    const i = role ? col.get(role) : undefined;
    const error: RowError = { line, problem };
    if (i !== undefined) {
      error.column = table.headers[i]!;
      error.value = cells[i]!.slice(0, MAX_CELL);
    }
    result.errors.push(error);
  };
  const amount = (role: Role): number | null => {
    const i = col.get(role);
    return i === undefined ? 0 : readMinor(cells[i]!, currency, minorCols.has(i));
  };

  for (let r = 0; r < table.rows.length; r++) {
    cells = table.rows[r]!;
    line = table.lines[r]!;

    const rawId = col.has('orderId') ? cell('orderId') : rowId(cells);
    if (preset.totalsRow && rawId && preset.totalsRow.test(rawId)) {
      result.skipped.totals++;
      continue;
    }
    const status = cell('status');
    if (preset.paid && status && !preset.paid.test(status)) {
      result.skipped.notPaid++;
      continue;
    }
    if (!rawId) {
      fail('no-id', 'orderId');
      continue;
    }
    const dateText = cell('date');
    const at = dateText ? parseInstant(dateText, cell('time'), zone) : null;
    if (at === null) {
      fail('bad-date', 'date');
      continue;
    }

    const grossText = cell('gross');
    const named = cell('currency')?.toUpperCase();
    const symbol = grossText && !PLAIN_NUMBER.test(grossText) ? parsePrice(grossText)?.currency : null;
    currency = (named && minorDigits(named) !== null ? named : (symbol ?? preset.currency)) ?? '';
    if (minorDigits(currency) === null) {
      fail('no-currency', col.has('currency') ? 'currency' : 'gross');
      continue;
    }
    const gross = grossText === undefined ? null : amount('gross');
    if (gross === null) {
      fail('bad-amount', 'gross');
      continue;
    }
    const tax = amount('tax');
    let refunds = amount('refunds');
    const fees = amount('fees');
    const commission = amount('affiliateCommission');
    const share = col.has('sellerShare') ? amount('sellerShare') : null;
    const badRole =
      tax === null
        ? 'tax'
        : refunds === null
          ? 'refunds'
          : fees === null
            ? 'fees'
            : commission === null
              ? 'affiliateCommission'
              : col.has('sellerShare') && share === null
                ? 'sellerShare'
                : null;
    if (badRole) {
      fail('bad-amount', badRole);
      continue;
    }
    const net = gross - Math.abs(tax!);
    if (TRUE.test(cell('fullyRefunded') ?? '')) refunds = net;

    const orderId = rawId.slice(0, MAX_CELL);
    if (seen.has(orderId)) {
      result.skipped.duplicate++;
      continue;
    }
    seen.add(orderId);

    const order: Order = {
      platform: preset.platform,
      orderId,
      at,
      zone: hasOffset(dateText!) ? 'offset' : zone,
      currency,
      gross: net,
      refunds: Math.abs(refunds!),
      // The platform's cut where the export gives only the seller's share (Udemy).
      fees: share !== null ? Math.max(0, net - share) : Math.abs(fees!),
      affiliateCommission: Math.abs(commission!),
      line,
    };
    const fromJson: Utm = col.has('customData') ? utmFromJson(cell('customData') ?? '') : {};
    const utm: Utm = {};
    let tagged = false;
    for (const [field, role] of UTM_ROLES) {
      const value = normaliseCode(cell(role) ?? fromJson[field]);
      if (value) {
        utm[field] = value;
        tagged = true;
      }
    }
    if (tagged) order.utm = utm;
    const coupon = normaliseCode(cell('coupon'));
    if (coupon) order.coupon = coupon;
    const affiliate = cell('affiliate');
    if (affiliate) order.affiliate = affiliate.slice(0, MAX_CELL);
    const channel = cell('channel');
    if (channel) order.channel = channel.slice(0, MAX_CELL);
    const referrer = cell('referrer');
    if (referrer && referrer.toLowerCase() !== 'direct') order.referrer = referrer.slice(0, MAX_CELL);
    const buyer = buyerKey(cell('email'));
    if (buyer) order.buyer = buyer;
    const product = cell('product');
    if (product) order.product = product.slice(0, MAX_CELL);
    if (TRUE.test(cell('renewal') ?? '')) order.renewal = true;
    result.orders.push(order);
  }
  return result;
}
