/**
 * Counts as platforms print them: "1.2万", "3.4亿", "10万+", "1.2K", "1,2 Mio.", "18.567.581".
 * Suffixes come from the runtime's CLDR data (Intl), plus the ones platforms print that CLDR lacks.
 * Recipe and test vectors: shared/research/analytics.md §3.4.
 */
export interface ParsedCount {
  /** Best integer estimate. */
  value: number;
  /** A compact suffix was present, so precision was lost. */
  approximate: boolean;
  /** "10万+", "100万+", "1K+": a floor, not a value. */
  lowerBound: boolean;
}

// Printed by the platforms but absent from CLDR: es "334 K visualizaciones", de "450 Tsd.",
// en-GB "1.2m views", ca "m" = thousand (NewPipe Utils), en-IN "14 lakh views",
// en-IN "1.1K crore views" (1.1e10, rustypipe samples).
const EXTRA: Record<string, Record<string, number>> = {
  es: { K: 1e3 },
  de: { 'Tsd.': 1e3 },
  en: {
    k: 1e3,
    m: 1e6,
    b: 1e9,
    lakh: 1e5,
    crore: 1e7,
    million: 1e6,
    billion: 1e9,
    thousand: 1e3,
    'K crore': 1e10,
  },
  ca: { m: 1e3 },
};
// Used only when the locale's own table lacks the suffix (tr "B" = 1e3, id "M" = 1e9).
const GENERIC: Record<string, number> = {
  K: 1e3,
  M: 1e6,
  B: 1e9,
  千: 1e3,
  万: 1e4,
  萬: 1e4,
  亿: 1e8,
  億: 1e8,
  万亿: 1e12,
};

const tables = new Map<string, Array<[string, number]>>();

function suffixTable(locale: string): Array<[string, number]> {
  const hit = tables.get(locale);
  if (hit) return hit;
  const table = new Map<string, number>();
  const lang = (locale.split('-')[0] ?? 'en').toLowerCase();
  for (const [suffix, mult] of Object.entries(EXTRA[lang] ?? {})) table.set(suffix, mult);
  let formats: Intl.NumberFormat[] = [];
  try {
    formats = (['short', 'long'] as const).map(
      (compactDisplay) => new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay }),
    );
  } catch {
    // An invalid locale tag from a page: fall back to the generic suffixes.
  }
  for (const f of formats) {
    for (let e = 3; e <= 12; e++) {
      for (const lead of [1, 2]) {
        // 2·10^e yields the plural long forms ("2 Millionen").
        const parts = f.formatToParts(lead * 10 ** e);
        const suffix = normalise(
          parts
            .filter((p) => p.type === 'compact')
            .map((p) => p.value)
            .join(''),
        );
        const shown = Number(
          parts
            .filter((p) => p.type === 'integer')
            .map((p) => p.value)
            .join(''),
        );
        if (suffix && shown && !table.has(suffix)) table.set(suffix, (lead * 10 ** e) / shown);
      }
    }
  }
  for (const [suffix, mult] of Object.entries(GENERIC)) if (!table.has(suffix)) table.set(suffix, mult);
  const sorted = [...table.entries()].sort((a, b) => b[0].length - a[0].length);
  tables.set(locale, sorted);
  return sorted;
}

/** NFKC folds full-width digits, NBSP and narrow NBSP; bidi marks (he, ar) are dropped. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const LETTER = /\p{L}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function matchSuffix(rest: string, locale: string): number | null {
  for (const fold of [false, true]) {
    // Exact case first: "m" ≠ "M" in ca.
    const r = fold ? rest.toLowerCase() : rest;
    for (const [suffix, mult] of suffixTable(locale)) {
      const sfx = fold ? suffix.toLowerCase() : suffix;
      if (!r.startsWith(sfx)) continue;
      const next = r.charAt(sfx.length);
      // "m" must not eat "mil" or "min".
      if (!CJK.test(sfx) && next && LETTER.test(next)) continue;
      return mult;
    }
  }
  return null;
}

/** Returns null when the text holds no number ("赞", "No views"): the caller decides what that means. */
export function parseCount(text: string | null | undefined, locale = 'en'): ParsedCount | null {
  if (text == null) return null;
  const s = normalise(String(text).slice(0, 200));
  const m = /(\d[\d., '’]*)/.exec(s);
  if (!m?.[1]) return null;
  const numText = m[1].replace(/[., '’]+$/, '');
  const rest = s.slice(m.index + numText.length).trimStart();
  const lowerBound = /^\S*\+/.test(rest);
  const mult = matchSuffix(rest, locale);
  const compact = numText.replace(/[ '’]/g, '');
  let num: number;
  if (mult !== null) {
    // "1,2 Mio." / "1.2万": the last separator is a decimal mark.
    const lastSep = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
    num =
      lastSep < 0
        ? Number(compact)
        : Number(`${compact.slice(0, lastSep).replace(/[.,]/g, '')}.${compact.slice(lastSep + 1)}`);
  } else {
    // Full counts: "18.567.581", "1,234", "2 488 417": every separator groups thousands.
    num = Number(compact.replace(/[.,]/g, ''));
  }
  if (!Number.isFinite(num) || num > Number.MAX_SAFE_INTEGER) return null;
  return { value: Math.round(num * (mult ?? 1)), approximate: mult !== null, lowerBound };
}

/** An exact integer from JSON (number or digit string), or undefined when absent or malformed. */
export function exactCount(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw === 'string' && /^\d{1,16}$/.test(raw)) {
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}
