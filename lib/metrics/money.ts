/**
 * Money as integer minor units plus an ISO 4217 code (DESIGN.md "Metric definitions"): no float drift
 * when summing, and amounts in different currencies are never added together.
 */

export interface Money {
  /** Integer minor units: fen for CNY, cents for USD, yen for JPY (which has none). */
  minor: number;
  /** ISO 4217 code, upper case ("CNY", "USD", "JPY"). */
  currency: string;
}

const digitsCache = new Map<string, number | null>();

/**
 * Minor-unit digits from the runtime's CLDR data (JPY 0, CNY 2, KWD 3) rather than a hand-kept table.
 * Null for a string that is not a currency code, so callers can report it instead of throwing.
 */
export function minorDigits(currency: string): number | null {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits: number | null = null;
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = null;
    }
  }
  digitsCache.set(currency, digits);
  return digits;
}

export const isCurrencyCode = (currency: string): boolean => minorDigits(currency) !== null;

/** A valid Money: a safe integer of minor units in a known currency. */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Money>;
  return Number.isSafeInteger(m.minor) && typeof m.currency === 'string' && isCurrencyCode(m.currency);
}

/** 19.99 CNY → {minor: 1999, currency: 'CNY'}; rounds half away from zero to the currency's precision. */
export function toMinor(amount: number, currency: string): Money | null {
  const digits = minorDigits(currency);
  if (digits === null || !Number.isFinite(amount)) return null;
  const scaled = amount * 10 ** digits;
  // Round on a representation fixed to a few extra digits: 1.005 * 100 is 100.49999999999999 in binary.
  const minor = Math.sign(scaled) * Math.round(Math.abs(Number(scaled.toFixed(6))));
  return Number.isSafeInteger(minor) ? { minor: minor === 0 ? 0 : minor, currency } : null;
}

/** Major units as a number, for display and ratios (1999 fen → 19.99). Null for an unknown currency. */
export function fromMinor(money: Money): number | null {
  const digits = minorDigits(money.currency);
  return digits === null ? null : money.minor / 10 ** digits;
}

/** Totals per currency, in first-seen order. Different currencies stay apart; there is no exchange rate. */
export function sumByCurrency(list: readonly (Money | null | undefined)[]): Map<string, Money> {
  const totals = new Map<string, Money>();
  for (const money of list) {
    if (!money) continue;
    const total = totals.get(money.currency);
    if (total) total.minor += money.minor;
    else totals.set(money.currency, { minor: money.minor, currency: money.currency });
  }
  return totals;
}

/** "¥1,000.00" / "$12.50" / "￥1,000" in the reader's locale; "—" when the currency is not known. */
export function formatMoney(money: Money | null | undefined, locale: string): string {
  if (!money) return '—';
  const major = fromMinor(money);
  if (major === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(major);
}
