/**
 * Reading YouTube's text objects, counts and dates. YouTube prints list counts and dates for people
 * ("1.5m views", "vor 2 Jahren"); these helpers say how exact each reading is so callers never pass
 * an abbreviated count or a relative date off as exact.
 */
import { normalise, parseCount } from '../../parse/count';
import { parseRelativeTime, toIso } from '../../parse/date';

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A nested value by keys and indexes; undefined as soon as a step is missing. */
export function at(v: unknown, ...path: Array<string | number>): unknown {
  let cur = v;
  for (const step of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

/** The three text shapes: `{simpleText}`, `{runs: [{text}]}` and the view models' `{content}`. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = obj(v);
  if (!o) return '';
  if (typeof o.simpleText === 'string') return o.simpleText;
  if (typeof o.content === 'string') return o.content;
  if (Array.isArray(o.runs)) return o.runs.map((r) => str(obj(r)?.text)).join('');
  return '';
}

export interface Count {
  value: number;
  exact: boolean;
}

/**
 * Concurrent viewers of a live stream or waiting viewers of a premiere ("10,226 watching now",
 * "6 waiting"): not views, so never stored as views.
 */
const AUDIENCE_NOW =
  /watching|waiting|sehen gerade|zuschauer|warten|mirando|esperando|espectadores|regardent|spectateurs|en attente|正在观看|正在觀看|等待|視聴中|待機中|시청 중|대기 중/i;
/** A real zero, printed as words: "No views" (en), "Keine Aufrufe" (de), "Sin visualizaciones" (es)… */
const NO_VIEWS =
  /^(no views|keine aufrufe|sin visualizaciones|aucune vue|nessuna visualizzazione|nenhuma visualização|无人观看|沒有人觀看|尚無觀看次數|沒有觀看次數|조회수 없음)/i;

export type ViewsReading =
  | { kind: 'count'; count: Count }
  | { kind: 'audience' }
  | { kind: 'unknown'; text: string };

/** "220,226,287 views" exact; "1.5m views" approximate; "No views" zero; "… watching now" not views. */
export function readViews(text: string, locale: string): ViewsReading | null {
  const s = normalise(text);
  if (!s) return null;
  if (AUDIENCE_NOW.test(s)) return { kind: 'audience' };
  if (NO_VIEWS.test(s)) return { kind: 'count', count: { value: 0, exact: true } };
  const parsed = parseCount(s, locale);
  if (!parsed || parsed.lowerBound) return { kind: 'unknown', text: s };
  return { kind: 'count', count: { value: parsed.value, exact: !parsed.approximate } };
}

/** A count in a label or a button ("like this video along with 6,870,691 other people", "1 K"). */
export function readCount(text: string, locale: string): Count | null {
  const parsed = parseCount(text, locale);
  if (!parsed || parsed.lowerBound) return null;
  return { value: parsed.value, exact: !parsed.approximate };
}

export interface Published {
  createdAt: string;
  approx: boolean;
  /** "Streamed 2 weeks ago": the video was a live stream. */
  streamed: boolean;
}

// Only texts that say "ago" in some language reach the relative-date parser: its calendar forms
// would read "1.5 m views" as 1 May.
const AGO = /\bago\b|前|\bvor\b|il y a|\bhace\b/i;
export const looksLikeAge = (text: string): boolean => AGO.test(text);
const STREAMED = /stream|直播|gestreamt|transmitido|diffusé|配信/i;

// A list page prints the same few ages ("1 year ago", "2 weeks ago") on dozens of cards, and the
// lockup card reads its age twice: readings are kept per text for one `now`. Callers store the
// returned object as is and never change it, so cards may share one.
const ageReadings = new Map<string, Published | null>();
let ageReadingsNow = Number.NaN;
const MAX_AGE_READINGS = 500;

/** List items show only "3 days ago": resolved against `now`, always approximate. */
export function readAge(text: string, now: Date): Published | null {
  const t = now.getTime();
  if (t !== ageReadingsNow || ageReadings.size >= MAX_AGE_READINGS) {
    ageReadings.clear();
    ageReadingsNow = t;
  }
  const known = ageReadings.get(text);
  if (known !== undefined) return known;
  const reading = readAgeUncached(text, now);
  ageReadings.set(text, reading);
  return reading;
}

function readAgeUncached(text: string, now: Date): Published | null {
  const s = normalise(text);
  if (!AGO.test(s)) return null;
  const parsed = parseRelativeTime(s, now);
  if (!parsed) return null;
  return { createdAt: toIso(parsed.at.getTime()), approx: true, streamed: STREAMED.test(s) };
}

/**
 * `publishDate` / `uploadDate` of the player microformat: "2022-08-04T12:59:59-07:00" is exact;
 * a bare "2023-02-27" (older responses; yt-dlp notes it is US/Pacific) becomes midday UTC of that
 * day, which lies inside the Pacific calendar day, and is marked approximate.
 */
export function readIsoDate(raw: unknown): Published | null {
  const s = str(raw);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : { createdAt: d.toISOString(), approx: false, streamed: false };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(s))
    return dayDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8)));
  return null;
}

function dayDate(year: number, month: number, day: number): Published | null {
  const d = new Date(Date.UTC(year, month - 1, day, 12));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { createdAt: toIso(d.getTime()), approx: true, streamed: false };
}

const monthTables = new Map<string, Map<string, number>>();

/** Month names of the locale (short and long, dots dropped) plus English, from the runtime's CLDR. */
function monthNames(locale: string): Map<string, number> {
  const hit = monthTables.get(locale);
  if (hit) return hit;
  const table = new Map<string, number>();
  for (const loc of ['en', locale]) {
    for (const month of ['short', 'long'] as const) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(loc, { month, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let m = 0; m < 12; m++) {
        const name = format
          .format(new Date(Date.UTC(2000, m, 15)))
          .toLowerCase()
          .replace(/\./g, '');
        if (/\p{L}/u.test(name) && !table.has(name)) table.set(name, m + 1);
      }
    }
  }
  monthTables.set(locale, table);
  return table;
}

/**
 * The watch page's date line as people read it: "Aug 4, 2022", "27 mar 2025", "27.04.2021",
 * "2022年8月4日", "Started streaming on 4 Jun 2026". Day precision, so approximate.
 */
export function readDisplayDate(text: string, locale: string): Published | null {
  const s = normalise(text).toLowerCase();
  const streamed = STREAMED.test(s);
  const ymd = /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/.exec(s);
  const withStreamed = (p: Published | null) => (p ? { ...p, streamed } : null);
  if (ymd) return withStreamed(dayDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])));
  const numeric = /(\d{1,2})[./-](\d{1,2})[./-](\d{4})/.exec(s);
  if (numeric) {
    const monthFirst = /^en(-us)?$/i.test(locale);
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    return withStreamed(dayDate(Number(numeric[3]), monthFirst ? a : b, monthFirst ? b : a));
  }
  const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(s);
  if (!year) return null;
  const names = monthNames(locale);
  let month = 0;
  for (const word of s.replace(/\./g, '').match(/\p{L}+/gu) ?? []) {
    month = names.get(word) ?? 0;
    if (month) break;
  }
  const day = /(?:^|\D)(\d{1,2})(?:\D|$)/.exec(s.replace(year[1] ?? '', ' '));
  if (!month || !day) return null;
  return withStreamed(dayDate(Number(year[1]), month, Number(day[1])));
}
