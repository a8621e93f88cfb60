/**
 * toIso and twitterStyleTime replace Date#toISOString and `new Date(string)` on the hot path of every
 * post date: both must give exactly what those give, edge cases included.
 */
import { describe, expect, it } from 'vitest';
import { parseTwitterStyleDate, toIso, twitterStyleTime } from '../../../lib/parse/date';

/** The former implementation: the Date parser reads the string with the year moved. */
function viaDateParser(s: string): number | null {
  const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4}) (\d{4})$/.exec(s.trim());
  if (!m) return null;
  const t = new Date(`${m[1]} ${m[2]} ${m[5]} ${m[3]} GMT${m[4]}`).getTime();
  return Number.isNaN(t) ? null : t;
}

describe('toIso', () => {
  it('equals toISOString at the edges of four-digit years, of days and of leap days', () => {
    const times = [
      0,
      -1,
      1,
      -0,
      -62_167_219_200_000, // 0000-01-01T00:00:00.000Z
      -62_167_219_200_001, // the year -1: "-000001-12-31T23:59:59.999Z"
      253_402_300_799_999, // 9999-12-31T23:59:59.999Z
      253_402_300_800_000, // "+010000-01-01T00:00:00.000Z"
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(1900, 1, 28, 12),
      Date.UTC(2024, 11, 31, 23, 59, 59, 5),
      Date.UTC(2021, 5, 8, 1, 35, 4, 50),
      -8.64e15,
      8.64e15,
    ];
    for (const t of times) expect(toIso(t), String(t)).toBe(new Date(t).toISOString());
  });

  it('equals toISOString on a weekly sweep from 1600 to 2400', () => {
    // Differences are collected and compared once: 41k expect calls took over 5 s on a loaded machine.
    const differing: string[] = [];
    for (let t = Date.UTC(1600, 0, 1); t < Date.UTC(2400, 0, 1); t += 7 * 86_400_000 + 3_723_001) {
      if (toIso(t) !== new Date(t).toISOString()) differing.push(`${t}: ${toIso(t)}`);
    }
    expect(differing).toEqual([]);
  });
});

describe('twitterStyleTime', () => {
  it('reads the X / Weibo format at any offset', () => {
    expect(toIso(twitterStyleTime('Tue Jun 08 09:35:04 +0800 2021') ?? 0)).toBe('2021-06-08T01:35:04.000Z');
    expect(toIso(twitterStyleTime('Sat Mar 01 23:10:00 -0530 2025') ?? 0)).toBe('2025-03-02T04:40:00.000Z');
    expect(toIso(twitterStyleTime('Wed Oct 10 20:19:24 +0000 2018') ?? 0)).toBe('2018-10-10T20:19:24.000Z');
  });

  it('agrees with the Date parser on every month, day, offset and on malformed fields', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const odd = ['jun', 'JUN', 'Foo', 'anF', '123'];
    const offsets = ['+0800', '-0530', '+0000', '-0000', '+1400', '-1200', '+0545', '+1500', '+0860'];
    // Compared once at the end: 101k expect calls took over 5 s on a loaded machine.
    const differing: string[] = [];
    for (const year of ['2023', '2024', '2100', '0999'])
      for (const month of [...months, ...odd])
        for (let day = 0; day <= 32; day++)
          for (const offset of offsets)
            for (const time of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60']) {
              const s = `Sun ${month} ${String(day).padStart(2, '0')} ${time} ${offset} ${year}`;
              if (twitterStyleTime(s) !== viaDateParser(s)) differing.push(`${s}: ${twitterStyleTime(s)}`);
            }
    expect(differing).toEqual([]);
  });

  it('is what parseTwitterStyleDate returns as a Date, null for other text', () => {
    expect(parseTwitterStyleDate(' Thu Feb 29 12:00:00 +0100 2024 ')?.getTime()).toBe(
      Date.UTC(2024, 1, 29, 11),
    );
    expect(twitterStyleTime('2024-02-29T12:00:00Z')).toBeNull();
    expect(parseTwitterStyleDate('Thu Feb 29 12:00:00 +0100 24')).toBeNull();
  });
});
