/**
 * Local calendar parts in an IANA time zone via Intl (no date library): the weekday and hour a post
 * went out *for its audience*, and day keys for daily series.
 */

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface LocalParts {
  /** YYYY-MM-DD in the time zone. */
  day: string;
  /** 0 = Monday … 6 = Sunday (ISO order, so a week reads Mon→Sun). */
  weekday: number;
  /** 0–23. */
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US with h23 gives stable ASCII parts whatever the user's locale.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone ("Asia/Shanghai", "UTC"); a typo would otherwise throw deep inside. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * formatToParts costs microseconds and a report reads it for every post, so results are cached per
 * quarter hour: every real zone offset is a multiple of 15 minutes, so day, weekday and hour cannot
 * change inside one.
 */
const QUARTER_HOUR = 900_000;
const MAX_CACHED = 200_000;
const partsCache = new Map<string, LocalParts>();

export function localParts(ms: number, timeZone: string): LocalParts {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const cacheKey = `${timeZone} ${quarter}`;
  const cached = partsCache.get(cacheKey);
  if (cached) return cached;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(quarter * QUARTER_HOUR)) parts[p.type] = p.value;
  const result: LocalParts = {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday as Weekday),
    hour: Number(parts.hour) % 24,
  };
  if (partsCache.size >= MAX_CACHED) partsCache.clear();
  partsCache.set(cacheKey, result);
  return result;
}

export const dayKey = (ms: number, timeZone: string): string => localParts(ms, timeZone).day;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The day `n` calendar days after (or before, when negative) a YYYY-MM-DD day. */
export const addDays = (day: string, n: number): string =>
  new Date((dayNumber(day) + n) * 86_400_000).toISOString().slice(0, 10);

/**
 * Local calendar day (YYYY-MM-DD) of an instant in the browser's own zone: the day keys of the daily
 * rollups. Read from local getters, never through toISOString, which gives the UTC day (the day before
 * in Asia/Shanghai until 08:00).
 */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole calendar days from day a to day b (YYYY-MM-DD); DST-proof because both are read as UTC dates. */
export const daysBetween = (a: string, b: string): number => Math.round(dayNumber(b) - dayNumber(a));

/** The Monday (YYYY-MM-DD) of the local week containing `ms`: a key for per-week cadence. */
export function weekKey(ms: number, timeZone: string): string {
  const { day, weekday } = localParts(ms, timeZone);
  return addDays(day, -weekday);
}

const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai +8 h → 28 800 000); cached per quarter hour. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const cacheKey = `${timeZone} ${quarter}`;
  const cached = offsetCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const f = formatterFor(timeZone);
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(quarter * QUARTER_HOUR)) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
  const offset = wall - quarter * QUARTER_HOUR;
  if (offsetCache.size >= MAX_CACHED) offsetCache.clear();
  offsetCache.set(cacheKey, offset);
  return offset;
}

/**
 * The instant a wall-clock time names in a zone ("2025-11-11 20:03" in Asia/Shanghai → 12:03Z). A time
 * skipped by a DST jump reads as the same wall time under the earlier offset; a repeated one as the first.
 */
export function zonedToUtc(wallAsUtc: number, timeZone: string): number {
  const first = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  const second = wallAsUtc - zoneOffsetMs(first, timeZone);
  return second === first ? first : Math.min(first, second);
}
