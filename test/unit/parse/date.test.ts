import { describe, expect, it } from 'vitest';
import { parseRelativeTime, parseTwitterStyleDate } from '../../../lib/parse/date';
import { fixtureJson } from '../fixtures';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// analytics.md §3.6 runs its vectors at 2026-11-27 12:00 local time.
const now = new Date(2026, 10, 27, 12, 0, 0);
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('parseRelativeTime: analytics.md §3.6 vectors', () => {
  const relative: Array<[string, number, number]> = [
    ['3小时前', 3 * HOUR, HOUR],
    ['3 小时前', 3 * HOUR, HOUR],
    ['5分钟前', 5 * MIN, MIN],
    ['3 hours ago', 3 * HOUR, HOUR],
    ['Streamed 2 days ago', 2 * DAY, DAY],
    ['3 時間前', 3 * HOUR, HOUR],
    ['1 か月前', 30 * DAY, 30 * DAY],
    ['vor 3 Stunden', 3 * HOUR, HOUR],
    ['il y a 3\u00a0heures', 3 * HOUR, HOUR],
    ['Hace 3 horas', 3 * HOUR, HOUR],
    ['1 week ago', 7 * DAY, 7 * DAY],
    ['1周前', 7 * DAY, 7 * DAY],
    ['2 years ago', 2 * 365 * DAY, 365 * DAY],
    ['vor 6 Tagen', 6 * DAY, DAY],
    ['vor 1 Jahr', 365 * DAY, 365 * DAY],
    ['il y a 1 an', 365 * DAY, 365 * DAY],
    ['hace 2 meses', 60 * DAY, 30 * DAY],
    ['23 小時前', 23 * HOUR, HOUR],
    ['1 週間前', 7 * DAY, 7 * DAY],
    // issue 3
    ['3 days ago', 3 * DAY, DAY],
    ['3天前', 3 * DAY, DAY],
    ['Streamed 2 weeks ago', 14 * DAY, 7 * DAY],
    ['vor 2 Jahren', 2 * 365 * DAY, 365 * DAY],
  ];
  it.each(relative)('%s', (text, back, precision) => {
    expect(parseRelativeTime(text, now)).toEqual({ at: ago(back), precisionMs: precision });
  });

  it('刚刚 is now, minute precision', () => {
    expect(parseRelativeTime('刚刚', now)).toEqual({ at: now, precisionMs: MIN });
  });
  it('"昨天 10:00" → Nov 26 10:00', () => {
    expect(parseRelativeTime('昨天 10:00', now)).toEqual({
      at: new Date(2026, 10, 26, 10, 0),
      precisionMs: MIN,
    });
  });
  it('"11-26" → Nov 26, day precision', () => {
    const parsed = parseRelativeTime('11-26', now);
    expect(parsed?.precisionMs).toBe(DAY);
    expect(parsed?.at.getMonth()).toBe(10);
    expect(parsed?.at.getDate()).toBe(26);
  });
  it('"12-31" seen on 2026-01-05 is 2025', () => {
    expect(parseRelativeTime('12-31', new Date(2026, 0, 5, 12))?.at.getFullYear()).toBe(2025);
  });
  it('"2024-11-26 10:00"', () => {
    expect(parseRelativeTime('2024-11-26 10:00', now)).toEqual({
      at: new Date(2024, 10, 26, 10, 0),
      precisionMs: MIN,
    });
  });
  it('text without a date → null', () => {
    expect(parseRelativeTime('No views', now)).toBeNull();
  });
  it('reads a long run of digits then letters in linear time (found hanging the mutated-page property test)', () => {
    const started = performance.now();
    expect(parseRelativeTime(`${'1'.repeat(100_000)}${'x'.repeat(100_000)}`, now)).toBeNull();
    expect(parseRelativeTime(`${'1'.repeat(100_000)}${'x'.repeat(100_000)} 3 天前`, now)?.at).toEqual(
      new Date(now.getTime() - 3 * 86_400_000),
    );
    // Quadratic, the first of these took minutes; linear, it takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('keeps a number whole: "12 days ago" is 12 days, and a number too long for a date is no date', () => {
    expect(parseRelativeTime('12 days ago', now)?.at).toEqual(new Date(now.getTime() - 12 * 86_400_000));
    expect(parseRelativeTime('123456789012345678 days ago', now)).toBeNull();
  });
});

describe('parseTwitterStyleDate', () => {
  it('moves the year and keeps the offset', () => {
    expect(parseTwitterStyleDate('Tue Nov 26 10:00:00 +0800 2024')?.toISOString()).toBe(
      '2024-11-26T02:00:00.000Z',
    );
    expect(parseTwitterStyleDate('Sat Dec 31 23:59:59 +0000 2023')?.toISOString()).toBe(
      '2023-12-31T23:59:59.000Z',
    );
    expect(parseTwitterStyleDate('yesterday')).toBeNull();
  });
});

describe('parseRelativeTime: rustypipe timeago_samples_short (real YouTube strings)', () => {
  const samples = fixtureJson('youtube/TeamPiped__rustypipe/timeago_samples_short.excerpt.json') as Record<
    string,
    string[]
  >;
  // The lists are index-aligned across locales; the unit of each index, read from the en list
  // ("35 min ago", "1h ago", "1d ago", "2w ago", "1mo ago", "1y ago").
  const UNIT = { min: MIN, h: HOUR, d: DAY, w: 7 * DAY, mo: 30 * DAY, y: 365 * DAY } as const;
  const en = samples.en ?? [];
  const expected = en.map((text) => {
    const m = /^(\d+)\s*(min|mo|h|d|w|y) ago$/.exec(text);
    if (!m) throw new Error(`unexpected en sample ${text}`);
    return { n: Number(m[1]), unit: UNIT[m[2] as keyof typeof UNIT] };
  });
  const rows = ['en', 'zh-CN', 'zh-HK', 'zh-TW'].flatMap((locale) =>
    (samples[locale] ?? []).map((text, i) => ({ locale, text, ...(expected[i] ?? { n: 0, unit: 0 }) })),
  );

  it('holds 40 samples per locale', () => expect(rows).toHaveLength(160));

  it.each(rows)('$locale "$text"', ({ text, n, unit }) => {
    expect(parseRelativeTime(text, now)).toEqual({ at: ago(n * unit), precisionMs: unit });
  });
});
