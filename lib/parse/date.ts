/**
 * Absolute and relative dates as platforms print them. Recipe and vectors:
 * shared/research/analytics.md §3.5–3.6. Relative dates are approximate: the true time lies in
 * [at − precisionMs, at].
 */
import { isAsciiWordChar } from './chars';

export interface ParsedTime {
  at: Date;
  precisionMs: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const UNITS: Array<[RegExp, number]> = [
  [/^(s|secs?|seconds?|秒|秒钟|秒鐘|sekunden?|secondes?|segundos?)$/, 1000],
  [/^(m|mins?|minutes?|分|分钟|分鐘|minuten?|minutos?)$/, MIN],
  [/^(h|hrs?|hours?|小时|小時|時間|stunden?|heures?|horas?)$/, HOUR],
  [/^(d|days?|天|日|tage?n?|jours?|días?|dias?)$/, DAY],
  [/^(w|weeks?|周|週|週間|星期|wochen?|semaines?|semanas?)$/, 7 * DAY],
  [/^(months?|mos?|个月|個月|か月|ヶ月|月|monate?n?|mois|mes|meses)$/, 30 * DAY],
  [/^(y|years?|年|jahre?n?|ans?|años?)$/, 365 * DAY],
];

function unitMs(word: string): number | null {
  for (const [re, ms] of UNITS) if (re.test(word)) return ms;
  return null;
}

// Anything outside printable ASCII, or a space the folding below would drop or merge. Text without
// any ("3 days ago", most list dates) is what NFKC and that folding return unchanged: skipping them
// keeps list pages cheap.
const NOT_PLAIN_ASCII = /[^\x21-\x7e ]|^ | $| {2}/;

/** Calendar arithmetic in the machine's zone, or at a fixed UTC offset when the site names one. */
function calendarAt(tzOffsetMinutes?: number) {
  if (tzOffsetMinutes === undefined) {
    return {
      yearOf: (d: Date) => d.getFullYear(),
      dayOf: (d: Date) => [d.getFullYear(), d.getMonth(), d.getDate()] as const,
      at: (y: number, mo: number, day: number, h: number, mi: number) => new Date(y, mo, day, h, mi),
    };
  }
  const shift = tzOffsetMinutes * MIN;
  const wall = (d: Date) => new Date(d.getTime() + shift);
  return {
    yearOf: (d: Date) => wall(d).getUTCFullYear(),
    dayOf: (d: Date) => [wall(d).getUTCFullYear(), wall(d).getUTCMonth(), wall(d).getUTCDate()] as const,
    at: (y: number, mo: number, day: number, h: number, mi: number) =>
      new Date(Date.UTC(y, mo, day, h, mi) - shift),
  };
}

/**
 * `now` is explicit so tests and stored snapshots are reproducible. Calendar forms ("昨天 10:00",
 * "11-26") use the machine's zone unless `tzOffsetMinutes` gives the zone the site prints in
 * (Weibo prints China time: +480), so a capture made abroad still lands on the right instant.
 */
export function parseRelativeTime(raw: string, now: Date, tzOffsetMinutes?: number): ParsedTime | null {
  const normal = NOT_PLAIN_ASCII.test(raw) ? raw.normalize('NFKC').replace(/\s+/g, ' ').trim() : raw;
  const s = normal.toLowerCase();
  const t = now.getTime();
  if (/^(刚刚|just now|now|たった今)$/.test(s)) return { at: now, precisionMs: MIN };

  // "3 hours ago", "3小时前", "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "Streamed 2 days ago".
  // A number is tried from its first digit only and a unit is a word of at most 16 letters: an
  // unbounded unit after any digit was quadratic ("1111…" then "xxxx…" hung a property test).
  const rel = /(?<!\d)(\d+)\s*([^\d\s]{1,16}?)\s*(?:ago|前)|(?:vor|il y a|hace)\s+(\d+)\s+(\S+)/.exec(s);
  if (rel) {
    const n = Number(rel[1] ?? rel[3]);
    const ms = unitMs(rel[2] ?? rel[4] ?? '');
    const at = new Date(t - n * (ms ?? 0));
    // "3334027 mo ago" lies before the first instant a Date can hold: no date, not an Invalid Date.
    if (ms) return Number.isNaN(at.getTime()) ? null : { at, precisionMs: ms };
  }

  // "今天 10:00", "昨天 10:00", "前天 09:15", "11-26", "2024-11-26 10:00", "11月26日 10:00"
  const hm = /(\d{1,2}):(\d{2})/.exec(s);
  const cal = calendarAt(tzOffsetMinutes);
  // Without a time of day, the end of that day: the true time lies in [at − precisionMs, at].
  const [hour, minute] = hm ? [Number(hm[1]), Number(hm[2])] : [23, 59];
  // "99:99" is no time of day; Date would roll it into the next days.
  if (hour > 23 || minute > 59) return null;
  const dayShift = /^(今天|today)/.test(s)
    ? 0
    : /^(昨天|yesterday|gestern|hier|ayer)/.test(s)
      ? 1
      : /^前天/.test(s)
        ? 2
        : -1;
  if (dayShift >= 0) {
    const [y, mo, day] = cal.dayOf(new Date(t - dayShift * DAY));
    return { at: cal.at(y, mo, day, hour, minute), precisionMs: hm ? MIN : DAY };
  }

  const ymd = /(?:(\d{4})[-/年.])?(\d{1,2})[-/月.](\d{1,2})日?/.exec(s);
  if (ymd) {
    const year = ymd[1] ? Number(ymd[1]) : cal.yearOf(now);
    let d = cal.at(year, Number(ymd[2]) - 1, Number(ymd[3]), hour, minute);
    if (Number.isNaN(d.getTime())) return null;
    // "12-31" seen in January belongs to last year.
    if (!ymd[1] && d.getTime() > t) d = cal.at(year - 1, Number(ymd[2]) - 1, Number(ymd[3]), hour, minute);
    // "13-45", "02-30" and years 0–99 (which Date maps to 19xx) would roll over into another day.
    const [y, mo, day] = cal.dayOf(d);
    if (mo !== Number(ymd[2]) - 1 || day !== Number(ymd[3]) || y < 100) return null;
    return { at: d, precisionMs: hm ? MIN : DAY };
  }
  return null;
}

/** X and Weibo both print `Tue Nov 26 10:00:00 +0800 2024`; Date.parse needs the year moved. */
export function parseTwitterStyleDate(s: string): Date | null {
  const ms = twitterStyleTime(s);
  return ms === null ? null : new Date(ms);
}

const TWITTER_STYLE = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;
const MONTH_ABBREVIATIONS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/**
 * parseTwitterStyleDate as a time value, for callers that only want its ISO string (see toIso).
 * Every X and Weibo post date comes through here, and `new Date(string)` costs several times the
 * arithmetic: a well-formed date (month as printed, fields in range, a day the month has) is computed
 * with Date.UTC. Anything else goes to the Date parser as before, which decides what it means.
 */
export function twitterStyleTime(s: string): number | null {
  return printedTime(s) ?? parsedTime(s);
}

/**
 * The date exactly as X and Weibo print it, 30 characters, read by position: no regex, no
 * substrings. Null for anything else (padding, a month in other case, fields out of range), which
 * parsedTime then reads as it always has.
 */
function printedTime(s: string): number | null {
  if (
    s.length !== 30 ||
    s.charCodeAt(3) !== SPACE ||
    s.charCodeAt(7) !== SPACE ||
    s.charCodeAt(10) !== SPACE ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON ||
    s.charCodeAt(19) !== SPACE ||
    s.charCodeAt(25) !== SPACE ||
    !isAsciiWordChar(s.charCodeAt(0)) ||
    !isAsciiWordChar(s.charCodeAt(1)) ||
    !isAsciiWordChar(s.charCodeAt(2))
  )
    return null;
  const sign = s.charCodeAt(20);
  if (sign !== PLUS && sign !== MINUS) return null;
  const monthIndex = MONTH_ABBREVIATIONS.indexOf(s.slice(4, 7));
  if (monthIndex % 3 !== 0) return null;
  return utcOf(
    digitsAt(s, 26, 4),
    monthIndex / 3,
    digitsAt(s, 8, 2),
    digitsAt(s, 11, 2),
    digitsAt(s, 14, 2),
    digitsAt(s, 17, 2),
    sign === MINUS,
    digitsAt(s, 21, 2),
    digitsAt(s, 23, 2),
  );
}

/** The regex reading of the format, trimmed; what Date.UTC cannot take goes to the Date parser. */
function parsedTime(s: string): number | null {
  const m = TWITTER_STYLE.exec(s.trim());
  if (!m) return null;
  const monthIndex = MONTH_ABBREVIATIONS.indexOf(m[1] ?? '');
  const plain = utcOf(
    Number(m[9]),
    monthIndex % 3 === 0 ? monthIndex / 3 : -1,
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    m[6] === '-',
    Number(m[7]),
    Number(m[8]),
  );
  if (plain !== null) return plain;
  const t = new Date(`${m[1]} ${m[2]} ${m[9]} ${m[3]}:${m[4]}:${m[5]} GMT${m[6]}${m[7]}${m[8]}`).getTime();
  return Number.isNaN(t) ? null : t;
}

/**
 * A well-formed date (month as printed, fields in range, a day the month has) as a time value by
 * arithmetic; null for anything else. A field given as -1 is no number.
 */
function utcOf(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  west: boolean,
  offsetHours: number,
  offsetMinutes: number,
): number | null {
  const plain =
    month >= 0 &&
    year >= 1000 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    offsetHours >= 0 &&
    offsetHours <= 14 &&
    offsetMinutes >= 0 &&
    offsetMinutes <= 59;
  if (!plain) return null;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * MIN * (west ? -1 : 1);
  return Date.UTC(year, month, day, hour, minute, second) - offsetMs;
}

const SPACE = 0x20;
const COLON = 0x3a;
const PLUS = 0x2b;
const MINUS = 0x2d;

/** `length` ASCII digits of `s` from `at` as a number; -1 when any is not one. */
function digitsAt(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const digit = s.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 1) return MONTH_DAYS[month] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: toISOString's four-digit years.
const FIRST_ISO_MS = -62_167_219_200_000;
const LAST_ISO_MS = 253_402_300_799_999;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, the same string for every time value, at about half the cost: every
 * post date of a response goes through it. Years 0000–9999 are built here from the day count
 * (H. Hinnant's civil_from_days); other years (±YYYYYY) and fractional or invalid values go to
 * toISOString itself.
 */
export function toIso(ms: number): string {
  if (!(ms >= FIRST_ISO_MS && ms <= LAST_ISO_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY);
  const msOfDay = ms - days * DAY;
  // Days since 0000-03-01, split into 400-year eras; years start in March so leap days fall last.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const millis = msOfDay % 1000;
  const seconds = Math.floor(msOfDay / 1000);
  return (
    `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(month)}-${pad2(day)}` +
    `T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}` +
    `.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`
  );
}
