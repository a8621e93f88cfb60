/**
 * Listing prices as course platforms print them: "¥199", "￥199.00", "US$19.99", "$82", "免费", "Free",
 * "CN¥1,299.00", "199元", "19,99 €", "€ 84,99", "A$180", "E£1,599.99", "262.68 B币".
 * Recipe and test vectors: shared/research/analytics.md §3.7. Pure: runs in pages, the CLI and tests.
 */
export interface Price {
  amount: number;
  /** ISO 4217, or null when the text names no currency (or a non-currency like B币). */
  currency: string | null;
  free: boolean;
  /** Why the currency is null although a unit was printed ("bilibili-coin"). */
  note?: string;
}

// Longest and most specific markers first: "US$" before "$", "CN¥" before "¥", "CA$" before "A$".
// A trailing "?" marks a symbol several currencies share; the page's own currency decides.
const MARKERS: Array<[RegExp, string]> = [
  [/US\$|\bUSD\b/, 'USD'],
  [/CN¥|\bRMB\b|\bCNY\b|人民币|元/, 'CNY'],
  [/HK\$|\bHKD\b/, 'HKD'],
  [/NT\$|\bTWD\b/, 'TWD'],
  [/CA\$|(?<![A-Za-z])C\$|\bCAD\b/, 'CAD'],
  [/AU\$|(?<![A-Za-z])A\$|\bAUD\b/, 'AUD'],
  [/NZ\$|\bNZD\b/, 'NZD'],
  [/(?<![A-Za-z])S\$|\bSGD\b/, 'SGD'],
  [/(?<![A-Za-z])R\$|\bBRL\b/, 'BRL'],
  [/MX\$|\bMXN\b/, 'MXN'],
  [/E£|\bEGP\b/, 'EGP'],
  [/€|\bEUR\b/, 'EUR'],
  [/£|\bGBP\b/, 'GBP'],
  [/\bJPY\b|円/, 'JPY'],
  [/₹|\bINR\b|\bRs\.?(?=\s?\d)/, 'INR'],
  [/₩|\bKRW\b/, 'KRW'],
  [/₽|\bRUB\b/, 'RUB'],
  [/₺|\bTRY\b/, 'TRY'],
  [/₫|\bVND\b/, 'VND'],
  [/₱|\bPHP\b/, 'PHP'],
  [/฿|\bTHB\b/, 'THB'],
  [/zł|\bPLN\b/, 'PLN'],
  [/\bCHF\b/, 'CHF'],
  [/\bIDR\b|\bRp\.?(?=\s?\d)/, 'IDR'],
  [/\bMYR\b|\bRM(?=\s?\d)/, 'MYR'],
  [/\bSEK\b/, 'SEK'],
  [/\bNOK\b/, 'NOK'],
  [/\bDKK\b/, 'DKK'],
  [/¥/, 'CNY?'],
  [/\$/, 'USD?'],
];

/** Bilibili's coin: pegged 1:1 to the yuan, but not a currency, so the amount keeps no ISO code. */
const BILIBILI_COIN = /B币|B幣|B-coins?\b/i;
const FREE_WORDS = /免费|免費|free|gratis|gratuit|kostenlos|gratuito|無料|무료/i;

/** Digits of the minor unit per ISO 4217, for the currencies that differ from 2. */
const MINOR_DIGITS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  IDR: 0,
  CLP: 0,
  ISK: 0,
  BHD: 3,
  KWD: 3,
};

/** APIs that send fen or cents (Geekbang 12900 = ¥129.00, Gumroad price_cents 29900 = €299.00). */
export function fromMinorUnits(minor: number, currency: string | null): number {
  const digits = MINOR_DIGITS[currency ?? ''] ?? 2;
  return Number((minor / 10 ** digits).toFixed(digits));
}

// "1,299.00", "1.299,00", "19,99", "2 488", "84,99", "199": groups of three, then an optional decimal part.
const AMOUNT = /(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:[.,](\d{1,2}))?(?!\d)/g;

function currencyIn(text: string, pageCurrency?: string): { code: string | null; at: number } {
  for (const [re, code] of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    // "¥" alone is CNY on Chinese platforms and JPY on Japanese ones; "$" alone is ambiguous too.
    const resolved = code.endsWith('?') ? (normaliseCurrency(pageCurrency) ?? code.slice(0, -1)) : code;
    return { code: resolved, at: m.index };
  }
  return { code: normaliseCurrency(pageCurrency), at: -1 };
}

/** "usd" → "USD"; anything that is not three letters → null. */
export function normaliseCurrency(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/**
 * The price in one short piece of text, or null when it holds no amount. With several numbers
 * ("2024 训练营 ¥299") the one nearest the currency marker wins.
 */
export function parsePrice(text: string | null | undefined, pageCurrency?: string): Price | null {
  if (text == null) return null;
  // NFKC folds ￥ (U+FFE5) to ¥, full-width digits, NBSP and the six-per-em spaces Bilibili prints.
  const s = String(text).slice(0, 300).normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const coin = BILIBILI_COIN.exec(s);
  const { code, at } = coin ? { code: null, at: coin.index } : currencyIn(s, pageCurrency);
  const note = coin ? { note: 'bilibili-coin' } : {};
  const amounts = [...s.matchAll(AMOUNT)];
  if (amounts.length === 0) {
    return FREE_WORDS.test(s) ? { amount: 0, currency: code, free: true, ...note } : null;
  }
  const nearest = amounts.reduce((best, m) => (at >= 0 && distance(m, at) < distance(best, at) ? m : best));
  const whole = (nearest[1] ?? '').replace(/[.,\s]/g, '');
  const amount = Number(nearest[2] ? `${whole}.${nearest[2]}` : whole);
  if (!Number.isFinite(amount)) return null;
  return { amount, currency: code, free: amount === 0, ...note };
}

function distance(m: RegExpMatchArray, at: number): number {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  return at < start ? start - at : at >= end ? at - end : 0;
}

/** True when the text carries a currency marker or a free word, i.e. reads as a price, not a count. */
export function looksLikePrice(text: string): boolean {
  const s = text.normalize('NFKC');
  return BILIBILI_COIN.test(s) || MARKERS.some(([re]) => re.test(s));
}
