/**
 * Property tests of the shared parsers (issue 7): on any text they return null or a finite,
 * non-negative, safe value, and never throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactCount, parseCount } from '../../../lib/parse/count';
import { parseRelativeTime, parseTwitterStyleDate, twitterStyleTime } from '../../../lib/parse/date';
import { parsePrice } from '../../../lib/parse/price';
import { noThrow } from './contract';
import { HUGE, locale, runs } from './hostile';

const NOW = new Date('2026-11-27T12:00:00Z');
/** Generous: the runs are cheap, but the two shared cores are busy. */
const TIMEOUT = 60_000;

/** Text shaped like a printed count: a number with separators, a suffix, sometimes words around it. */
const countText = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('', '约', 'views: ', '−', '-', '+', '赞 ', '\u200f'),
      fc.stringMatching(/^[0-9０-９][0-9０-９.,' ’\u00a0\u202f]{0,40}$/),
      fc.constantFrom('', ' ', '\u00a0'),
      fc.constantFrom(
        '',
        'K',
        'k',
        'M',
        'B',
        '万',
        '萬',
        '亿',
        '万亿',
        'Mio.',
        'Tsd.',
        'lakh',
        'crore',
        'K crore',
        'mil',
        'млн',
        'ألف',
        '+',
        '万+',
        'e5',
        'e308',
      ),
      fc.constantFrom('', ' views', '次播放', '+', ' Aufrufe', '人关注'),
    )
    .map((parts) => parts.join(''));

/** Long digit runs with a multiplying suffix: the product can pass Number.MAX_SAFE_INTEGER. */
const bigCountText = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.stringMatching(/^[1-9]\d{9,22}(\.\d{1,3})?$/),
      fc.constantFrom('万', '亿', '万亿', 'K', 'B', ' crore', '万+'),
    )
    .map(([n, suffix]) => `${n}${suffix}`);

const anyText = (): fc.Arbitrary<string> =>
  fc.oneof(
    bigCountText(),
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    countText(),
  );

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

describe('parseCount', () => {
  it(
    'returns null or a safe non-negative integer with boolean flags, for any text and locale',
    () => {
      fc.assert(
        fc.property(anyText(), locale(), (text, loc) => {
          const parsed = noThrow('parseCount', () => parseCount(text, loc));
          if (parsed === null) return;
          expect(isCount(parsed.value), `${JSON.stringify(text)} → ${parsed.value}`).toBe(true);
          expect(typeof parsed.approximate).toBe('boolean');
          expect(typeof parsed.lowerBound).toBe('boolean');
        }),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );

  it(
    'reads every plain safe integer back exactly (digits, or grouped with commas)',
    () => {
      fc.assert(
        fc.property(fc.maxSafeNat(), fc.boolean(), (n, grouped) => {
          const text = grouped ? n.toLocaleString('en-US') : String(n);
          expect(parseCount(text)).toEqual({ value: n, approximate: false, lowerBound: false });
        }),
        { numRuns: runs(200) },
      );
    },
    TIMEOUT,
  );

  it(
    'survives a 1e6-character count, null and undefined',
    () => {
      for (const text of ['9'.repeat(HUGE), `${'1'.repeat(HUGE)}万`, '万'.repeat(HUGE), null, undefined]) {
        const parsed = noThrow('parseCount', () => parseCount(text));
        if (parsed) expect(isCount(parsed.value)).toBe(true);
      }
    },
    TIMEOUT,
  );
});

describe('exactCount', () => {
  it(
    'returns undefined or a safe non-negative integer for any value at all',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.anything({ withNullPrototype: true, withBoxedValues: true, withBigInt: true }),
            fc.constantFrom(
              Number.NaN,
              -1,
              1.5,
              1e308,
              '１２３',
              '1e5',
              '-1',
              '9007199254740993',
              ' 1',
              '01',
            ),
            fc.double(),
          ),
          (raw) => {
            const n = noThrow('exactCount', () => exactCount(raw));
            if (n !== undefined) expect(isCount(n), `${String(raw)} → ${n}`).toBe(true);
          },
        ),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );
});

/** Text shaped like the dates platforms print, with numbers far out of range. */
const dateText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(
        fc.oneof(fc.nat(), fc.stringMatching(/^\d{1,30}$/)),
        fc.constantFrom(' hours ago', '小时前', '秒前', ' years ago', ' mo ago', '天前'),
      )
      .map(([n, unit]) => `${n}${unit}`),
    fc
      .tuple(
        fc.stringMatching(/^\d{1,30}$/),
        fc.constantFrom('vor ', 'il y a ', 'hace '),
        fc.constantFrom(' Jahren', ' ans', ' años', ' Stunden'),
      )
      .map(([n, pre, unit]) => `${pre}${n}${unit}`),
    fc
      .tuple(
        fc.constantFrom('', '今天 ', '昨天 ', '前天 ', 'yesterday '),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([day, h, m]) => `${day}${h}:${String(m).padStart(2, '0')}`),
    fc
      .tuple(
        fc.constantFrom('', '0000-', '2024-', '9999-', '275760-', '2024年'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('', ' 10:00', ' 99:99', '日'),
      )
      .map(([y, mo, d, t]) => `${y}${mo}-${d}${t}`),
    fc.string({ maxLength: 40 }),
  );

describe('parseRelativeTime', () => {
  it(
    'returns null or a valid instant with a positive precision, never after "now" for "… ago"',
    () => {
      fc.assert(
        fc.property(dateText(), fc.constantFrom(undefined, 480, -300, 0, 840), (text, tz) => {
          const parsed = noThrow('parseRelativeTime', () => parseRelativeTime(text, NOW, tz));
          if (parsed === null) return;
          expect(Number.isFinite(parsed.at.getTime()), `${JSON.stringify(text)} → invalid Date`).toBe(true);
          expect(() => parsed.at.toISOString()).not.toThrow();
          expect(parsed.precisionMs > 0 && Number.isFinite(parsed.precisionMs)).toBe(true);
          if (/ago|前|vor|il y a|hace/.test(text) && !/^(今天|昨天|前天)/.test(text)) {
            expect(parsed.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
          }
        }),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );

  it(
    'a calendar form never rolls over into another day ("13-45" is no date, "99:99" no time)',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          (month, day, hour, minute) => {
            const text = `2024-${month}-${day} ${hour}:${String(minute).padStart(2, '0')}`;
            const parsed = parseRelativeTime(text, NOW, 480);
            const daysInMonth = new Date(Date.UTC(2024, month, 0)).getUTCDate();
            const valid =
              month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59;
            if (!parsed) return;
            // UTC+8 wall clock of the result must show what was printed.
            const wall = new Date(parsed.at.getTime() + 480 * 60_000);
            expect(valid, `${text} was accepted`).toBe(true);
            expect([
              wall.getUTCMonth() + 1,
              wall.getUTCDate(),
              wall.getUTCHours(),
              wall.getUTCMinutes(),
            ]).toEqual([month, day, hour, minute]);
          },
        ),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );
});

describe('parseTwitterStyleDate', () => {
  it(
    'returns null or a valid Date for any text, including near-misses of the format',
    () => {
      const nearMiss = fc
        .tuple(
          fc.constantFrom('Tue', 'Xyz', '123'),
          fc.constantFrom('Nov', 'Foo', 'Feb'),
          fc.stringMatching(/^\d{2}$/),
          fc.stringMatching(/^\d{2}:\d{2}:\d{2}$/),
          fc.stringMatching(/^[+-]\d{4}$/),
          fc.stringMatching(/^\d{4}$/),
        )
        .map((p) => p.join(' '));
      fc.assert(
        fc.property(fc.oneof(nearMiss, fc.string({ maxLength: 40 })), (text) => {
          const d = noThrow('parseTwitterStyleDate', () => parseTwitterStyleDate(text));
          if (d) expect(Number.isFinite(d.getTime()), text).toBe(true);
        }),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );
});

describe('twitterStyleTime', () => {
  it('reads every well-formed date and offset to the exact millisecond', () => {
    const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
    const WEEKDAYS = 'Sun Mon Tue Wed Thu Fri Sat'.split(' ');
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (utcMs, offsetMinutes) => {
          const at = Math.floor(utcMs / 1000) * 1000;
          const local = new Date(at + offsetMinutes * 60_000);
          const abs = Math.abs(offsetMinutes);
          const text = `${WEEKDAYS[local.getUTCDay()]} ${MONTHS[local.getUTCMonth()]} ${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)} ${pad(local.getUTCFullYear(), 4)}`;
          expect(twitterStyleTime(text), text).toBe(at);
          // Padded or otherwise irregular, the same date still reads the same.
          expect(twitterStyleTime(` ${text} `), text).toBe(at);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe('parsePrice', () => {
  const priceText = fc
    .tuple(
      fc.constantFrom('', '¥', '￥', 'US$', '$', 'CN¥', '€ ', 'A$', 'E£', 'Rs.', 'RM', '-', '−'),
      fc.stringMatching(/^[0-9０-９][0-9０-９.,\s]{0,40}$/),
      fc.constantFrom('', '元', ' €', ' B币', ' USD', ' 免费', 'e308'),
    )
    .map((p) => p.join(''));

  it(
    'returns null or a finite non-negative amount with an ISO code or null',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(priceText, fc.string({ maxLength: 60 })),
          fc.oneof(
            fc.constantFrom(undefined, 'USD', 'usd', 'JPY', '', 'EURO', '¥'),
            fc.string({ maxLength: 5 }),
          ),
          (text, pageCurrency) => {
            const price = noThrow('parsePrice', () => parsePrice(text, pageCurrency));
            if (price === null) return;
            expect(Number.isFinite(price.amount) && price.amount >= 0, `${text} → ${price.amount}`).toBe(
              true,
            );
            if (price.currency !== null) expect(price.currency).toMatch(/^[A-Z]{3}$/);
            expect(price.free).toBe(price.amount === 0);
          },
        ),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );

  it(
    'survives huge text',
    () => {
      for (const text of ['9'.repeat(HUGE), `¥${'9'.repeat(HUGE)}`, ' '.repeat(HUGE)]) {
        const price = noThrow('parsePrice', () => parsePrice(text));
        if (price) expect(Number.isFinite(price.amount)).toBe(true);
      }
    },
    TIMEOUT,
  );
});
