import { describe, expect, it } from 'vitest';
import {
  nextSlotStart,
  nextSuggestedSlot,
  parseSlotKey,
  slotLabel,
  weekdayName,
} from '../../../lib/metrics/slots';

describe('slots', () => {
  it('parses the suggestion keys and refuses anything else', () => {
    expect(parseSlotKey('Tue20')).toEqual({ weekday: 1, hour: 20 });
    expect(parseSlotKey('Mon00')).toEqual({ weekday: 0, hour: 0 });
    expect(parseSlotKey('Xyz20')).toBeNull();
    expect(parseSlotKey('Tue24')).toBeNull();
    expect(parseSlotKey('Tue2')).toBeNull();
  });

  it('names slots in both languages, Monday first', () => {
    expect(weekdayName(0, 'en')).toBe('Monday');
    expect(slotLabel('Tue20', 'en')).toBe('Tuesday 20:00–22:00');
    expect(slotLabel('Tue20', 'zh-CN')).toBe('星期二 20:00–22:00');
    expect(slotLabel('Sun22', 'en')).toBe('Sunday 22:00–00:00');
  });

  it('finds the next start of a slot in the audience zone', () => {
    // 2026-03-09 is a Monday; Tuesday 20:00 in Shanghai is Tuesday 12:00 UTC.
    const monday = Date.parse('2026-03-09T00:00:00Z');
    expect(new Date(nextSlotStart('Tue20', monday, 'Asia/Shanghai')!).toISOString()).toBe(
      '2026-03-10T12:00:00.000Z',
    );
    // Already past this week's slot: next week's.
    const wednesday = Date.parse('2026-03-11T00:00:00Z');
    expect(new Date(nextSlotStart('Tue20', wednesday, 'Asia/Shanghai')!).toISOString()).toBe(
      '2026-03-17T12:00:00.000Z',
    );
    expect(nextSlotStart('nope', monday, 'UTC')).toBeNull();
  });

  it('picks the best slot by lower bound across platforms, or says how many posts are missing', () => {
    const now = Date.parse('2026-03-09T00:00:00Z');
    const slot = (key: string, lowerBound: number) => ({
      kind: 'slot',
      key,
      n: 10,
      uplift: lowerBound + 0.3,
      lowerBound,
      confidence: 'high',
    });
    const picked = nextSuggestedSlot(
      [
        {
          status: 'ok',
          platform: 'x',
          suggestions: [{ ...slot('Fri10', 1.2), kind: 'format' }, slot('Mon08', 1.1)],
        },
        { status: 'ok', platform: 'weibo', suggestions: [slot('Tue20', 1.5)] },
        { status: 'not-enough-data', platform: 'youtube', more: 4 },
      ],
      now,
      'Asia/Shanghai',
    );
    expect(picked.slot).toMatchObject({
      platform: 'weibo',
      key: 'Tue20',
      at: Date.parse('2026-03-10T12:00:00Z'),
    });
    expect(
      nextSuggestedSlot(
        [
          { status: 'not-enough-data', platform: 'x', more: 7 },
          { status: 'not-enough-data', platform: 'weibo', more: 3 },
        ],
        now,
        'UTC',
      ),
    ).toEqual({ slot: null, more: 3 });
  });
});
