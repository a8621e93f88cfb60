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

const LETTER = /\p{L}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A suffix with what matching it needs, worked out once per locale rather than per count. */
interface Suffix {
  text: string;
  lower: string;
  /** CJK suffixes ("万") may run straight into a word ("万次播放"); Latin ones must end at a non-letter. */
  cjk: boolean;
  mult: number;
}

/** A locale's suffixes, longest first, grouped by first character as written and lower-cased. */
interface SuffixTable {
  byFirst: Map<string, Suffix[]>;
  byFirstLower: Map<string, Suffix[]>;
}

const tables = new Map<string, SuffixTable>();

function suffixTable(locale: string): SuffixTable {
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
  const sorted = [...table.entries()]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([text, mult]) => ({ text, lower: text.toLowerCase(), cjk: CJK.test(text), mult }));
  // A suffix can only start the rest if its first character does: most rests ("views", "次播放")
  // then meet one or two candidates instead of the whole table, twice. Grouping keeps the order.
  const byFirst = new Map<string, Suffix[]>();
  const byFirstLower = new Map<string, Suffix[]>();
  const addTo = (groups: Map<string, Suffix[]>, key: string, suffix: Suffix) => {
    const group = groups.get(key);
    if (group) group.push(suffix);
    else groups.set(key, [suffix]);
  };
  for (const suffix of sorted) {
    addTo(byFirst, suffix.text.charAt(0), suffix);
    addTo(byFirstLower, suffix.lower.charAt(0), suffix);
  }
  const built = { byFirst, byFirstLower };
  tables.set(locale, built);
  return built;
}

// Anything outside printable ASCII, or a space normalise would drop or merge. Text without any
// ("1,234 views", most counts) is already normal, and skipping NFKC for it keeps list pages cheap.
const NOT_PLAIN_ASCII = /[^\x21-\x7e ]|^ | $| {2}/;

/** NFKC folds full-width digits, NBSP and narrow NBSP; bidi marks (he, ar) are dropped. */
export function normalise(text: string): string {
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function matchSuffix(rest: string, locale: string): number | null {
  // No suffix is empty: nothing after the number ("1,234") matches none.
  if (!rest) return null;
  const table = suffixTable(locale);
  // Exact case first: "m" ≠ "M" in ca.
  const exact = suffixAt(rest, table.byFirst.get(rest.charAt(0)), false);
  if (exact !== null) return exact;
  const lower = rest.toLowerCase();
  return suffixAt(lower, table.byFirstLower.get(lower.charAt(0)), true);
}

/** The multiplier of the longest suffix `r` starts with (`fold`: compared lower-cased), or null. */
function suffixAt(r: string, table: Suffix[] | undefined, fold: boolean): number | null {
  if (!table) return null;
  for (const suffix of table) {
    const sfx = fold ? suffix.lower : suffix.text;
    if (!r.startsWith(sfx)) continue;
    const next = r.charAt(sfx.length);
    // "m" must not eat "mil" or "min".
    if (!suffix.cjk && next && LETTER.test(next)) continue;
    return suffix.mult;
  }
  return null;
}

// Built once: parseCount runs for every count on a list page.
const NUMBER = /(\d[\d., '’]*)/;
const TRAILING_SEPARATORS = /[., '’]+$/;
/** "10万+", "1K+": a plus right after the number or its suffix. */
const PLUS_SUFFIX = /^\S*\+/;
const SPACE_SEPARATORS = /[ '’]/g;
const MARKS = /[.,]/g;

/** Returns null when the text holds no number ("赞", "No views"): the caller decides what that means. */
export function parseCount(text: string | null | undefined, locale = 'en'): ParsedCount | null {
  if (text == null) return null;
  const s = normalise(String(text).slice(0, 200));
  const m = NUMBER.exec(s);
  if (!m?.[1]) return null;
  const numText = m[1].replace(TRAILING_SEPARATORS, '');
  const rest = s.slice(m.index + numText.length).trimStart();
  const lowerBound = PLUS_SUFFIX.test(rest);
  const mult = matchSuffix(rest, locale);
  const compact = numText.replace(SPACE_SEPARATORS, '');
  let num: number;
  if (mult !== null) {
    // "1,2 Mio." / "1.2万": the last separator is a decimal mark.
    const lastSep = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
    num =
      lastSep < 0
        ? Number(compact)
        : Number(`${compact.slice(0, lastSep).replace(MARKS, '')}.${compact.slice(lastSep + 1)}`);
  } else {
    // Full counts: "18.567.581", "1,234", "2 488 417": every separator groups thousands.
    num = Number(compact.replace(MARKS, ''));
  }
  const value = Math.round(num * (mult ?? 1));
  // "1000000000万亿" is past what a count can exactly hold: no count rather than a rounded 1e21.
  if (!Number.isSafeInteger(value)) return null;
  return { value, approximate: mult !== null, lowerBound };
}

/** An exact integer from JSON (number or digit string), or undefined when absent or malformed. */
export function exactCount(raw: unknown): number | undefined {
  // `+ 0` turns -0 into 0: both pass the checks, but only 0 survives a JSON round trip unchanged.
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw + 0 : undefined;
  if (typeof raw === 'string' && /^\d{1,16}$/.test(raw)) {
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}
