import { describe, expect, it } from 'vitest';
import { formatMoney, fromMinor, isMoney, minorDigits, sumByCurrency, toMinor } from '@/lib/metrics/money';

describe('minor units', () => {
  it('reads minor-unit digits from CLDR', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
  });
  it('rejects strings that are not currency codes', () => {
    expect(minorDigits('cny')).toBeNull();
    expect(minorDigits('CN')).toBeNull();
    expect(toMinor(1, 'yuan')).toBeNull();
  });
  it('converts to and from minor units without float drift', () => {
    expect(toMinor(19.99, 'CNY')).toEqual({ minor: 1999, currency: 'CNY' });
    expect(toMinor(0.1 + 0.2, 'USD')).toEqual({ minor: 30, currency: 'USD' });
    expect(toMinor(1.005, 'USD')).toEqual({ minor: 101, currency: 'USD' });
    expect(toMinor(1000, 'JPY')).toEqual({ minor: 1000, currency: 'JPY' });
    expect(toMinor(-2.5, 'CNY')).toEqual({ minor: -250, currency: 'CNY' });
    expect(toMinor(Number.NaN, 'CNY')).toBeNull();
    expect(fromMinor({ minor: 1999, currency: 'CNY' })).toBe(19.99);
    expect(fromMinor({ minor: 1000, currency: 'JPY' })).toBe(1000);
    expect(fromMinor({ minor: 1234, currency: 'KWD' })).toBe(1.234);
  });
  it('recognises valid Money only', () => {
    expect(isMoney({ minor: 100, currency: 'CNY' })).toBe(true);
    expect(isMoney({ minor: 1.5, currency: 'CNY' })).toBe(false);
    expect(isMoney({ minor: 100, currency: 'rmb' })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });
});

describe('sumByCurrency', () => {
  it('keeps one total per currency and never adds different currencies', () => {
    const totals = sumByCurrency([
      { minor: 100000, currency: 'CNY' },
      { minor: 2500, currency: 'USD' },
      null,
      { minor: 50, currency: 'CNY' },
      undefined,
      { minor: 1000, currency: 'JPY' },
    ]);
    expect([...totals.keys()]).toEqual(['CNY', 'USD', 'JPY']);
    expect(totals.get('CNY')).toEqual({ minor: 100050, currency: 'CNY' });
    expect(totals.get('USD')).toEqual({ minor: 2500, currency: 'USD' });
    expect(totals.get('JPY')).toEqual({ minor: 1000, currency: 'JPY' });
  });
  it('does not mutate its input', () => {
    const a = { minor: 1, currency: 'CNY' };
    sumByCurrency([a, { minor: 2, currency: 'CNY' }]);
    expect(a.minor).toBe(1);
  });
  it('is empty for an empty list', () => {
    expect(sumByCurrency([]).size).toBe(0);
  });
});

describe('formatMoney', () => {
  it('formats in the reader locale with the currency precision', () => {
    expect(formatMoney({ minor: 100000, currency: 'CNY' }, 'zh-CN')).toBe('¥1,000.00');
    expect(formatMoney({ minor: 1250, currency: 'USD' }, 'en-US')).toBe('$12.50');
    expect(formatMoney({ minor: 1000, currency: 'JPY' }, 'ja-JP')).toBe('￥1,000');
    expect(formatMoney({ minor: 123450, currency: 'EUR' }, 'de-DE')).toBe('1.234,50\u00a0€');
  });
  it('shows a dash for nothing', () => {
    expect(formatMoney(null, 'en')).toBe('—');
    expect(formatMoney({ minor: 1, currency: 'x' }, 'en')).toBe('—');
  });
});
