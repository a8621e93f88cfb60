import { describe, expect, it } from 'vitest';
import { parseRelativeTime } from '../../../../lib/parse/date';
import { readCount, readCreatedAt } from '../../../../lib/sites/weibo/status';

// 2021-06-17 20:00 in China (+08:00) is 12:00 UTC.
const NOW = new Date('2021-06-17T12:00:00Z');
const CHINA = 480;

describe('parseRelativeTime with a fixed zone (Weibo prints China time)', () => {
  it.each([
    ['06-14', '2021-06-14T15:59:00.000Z', 86_400_000],
    ['06月17日 18:12', '2021-06-17T10:12:00.000Z', 60_000],
    ['2020-06-03 00:00', '2020-06-02T16:00:00.000Z', 60_000],
    ['2020-06-05 11:11:05', '2020-06-05T03:11:00.000Z', 60_000],
    ['昨天 10:00', '2021-06-16T02:00:00.000Z', 60_000],
    ['今天 09:15', '2021-06-17T01:15:00.000Z', 60_000],
    ['前天 23:30', '2021-06-15T15:30:00.000Z', 60_000],
  ])('%s → %s', (raw, iso, precision) => {
    expect(parseRelativeTime(raw, NOW, CHINA)).toEqual({ at: new Date(iso), precisionMs: precision });
  });

  it('uses the zone for the calendar day, not the machine: 00:30 in China is still the previous UTC day', () => {
    // 2021-06-17 00:30 +08:00 = 2021-06-16T16:30Z; "昨天 10:00" is 16 June in China.
    const lateUtc = new Date('2021-06-16T16:30:00Z');
    expect(parseRelativeTime('昨天 10:00', lateUtc, CHINA)?.at.toISOString()).toBe(
      '2021-06-16T02:00:00.000Z',
    );
    expect(parseRelativeTime('今天 10:00', lateUtc, CHINA)?.at.toISOString()).toBe(
      '2021-06-17T02:00:00.000Z',
    );
  });

  it('rolls a month-day after now into the previous year', () => {
    expect(parseRelativeTime('12-31', new Date('2022-01-05T00:00:00Z'), CHINA)?.at.toISOString()).toBe(
      '2021-12-31T15:59:00.000Z',
    );
  });

  it('relative forms do not depend on the zone', () => {
    expect(parseRelativeTime('16小时前', NOW, CHINA)?.at.toISOString()).toBe('2021-06-16T20:00:00.000Z');
    expect(parseRelativeTime('刚刚', NOW, CHINA)?.at).toEqual(NOW);
  });
});

describe('weibo created_at and counts', () => {
  it('exact for the ajax form, approximate otherwise', () => {
    expect(readCreatedAt('Tue Jun 08 09:35:04 +0800 2021', NOW)).toEqual({
      createdAt: '2021-06-08T01:35:04.000Z',
      createdAtApprox: false,
    });
    expect(readCreatedAt('16小时前', NOW)).toEqual({
      createdAt: '2021-06-16T20:00:00.000Z',
      createdAtApprox: true,
    });
    expect(readCreatedAt('garbage', NOW)).toEqual({ createdAt: null, createdAtApprox: false });
    expect(readCreatedAt(undefined, NOW)).toEqual({ createdAt: null, createdAtApprox: false });
  });

  it.each([
    [37053, undefined, { value: 37053, approximate: false, lowerBound: false }],
    ['6905', undefined, { value: 6905, approximate: false, lowerBound: false }],
    ['145.5万', undefined, { value: 1_455_000, approximate: true, lowerBound: false }],
    ['7164.8万', undefined, { value: 71_648_000, approximate: true, lowerBound: false }],
    ['1.2亿', undefined, { value: 120_000_000, approximate: true, lowerBound: false }],
    ['100万+', 1_000_000, { value: 1_000_000, approximate: true, lowerBound: true }],
    [1_000_000, 1_000_000, { value: 1_000_000, approximate: false, lowerBound: true }],
    [1_049_077, 1_000_000, { value: 1_049_077, approximate: false, lowerBound: false }],
    ['87万次播放', undefined, { value: 870_000, approximate: true, lowerBound: false }],
  ])('%s (cap %s)', (raw, cap, want) => {
    expect(readCount(raw, cap)).toEqual(want);
  });

  it.each([[''], [null], [undefined], ['赞'], [-1], [1.5], [{}]])('%s is no count', (raw) => {
    expect(readCount(raw)).toBeUndefined();
  });
});
