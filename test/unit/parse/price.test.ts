import { describe, expect, it } from 'vitest';
import { fromMinorUnits, looksLikePrice, parsePrice } from '../../../lib/parse/price';

describe('parsePrice (analytics.md §3.7 vectors)', () => {
  it.each([
    ['¥199', 199, 'CNY'],
    ['￥199.00', 199, 'CNY'],
    ['US$19.99', 19.99, 'USD'],
    ['$82', 82, 'USD'],
    ['CN¥1,299.00', 1299, 'CNY'],
    ['199元', 199, 'CNY'],
    ['$19.99', 19.99, 'USD'],
    ['HK$199.00', 199, 'HKD'],
    ['19,99 €', 19.99, 'EUR'],
    ['1.299,00 €', 1299, 'EUR'],
    ['€ 84,99', 84.99, 'EUR'], // Udemy nl_NL udemy_com:price, NBSP after the symbol
    ['A$180', 180, 'AUD'], // Udemy affiliate API 2017
    ['CA$21.99', 21.99, 'CAD'], // Udemy search, Canada
    ['E£1,599.99', 1599.99, 'EGP'], // Udemy pricing API, Egypt
    ['$49 USD', 49, 'USD'], // edX verified track
    ['£5.29', 5.29, 'GBP'],
    ['₹455', 455, 'INR'],
    ['NT$1,280', 1280, 'TWD'],
  ])('%s → %d %s', (text, amount, currency) => {
    expect(parsePrice(text)).toEqual({ amount, currency, free: false });
  });

  it('reads a bare ¥ as the page currency (JPY on a Japanese page), otherwise CNY', () => {
    expect(parsePrice('￥1,980', 'JPY')).toEqual({ amount: 1980, currency: 'JPY', free: false });
    expect(parsePrice('¥1,980')?.currency).toBe('CNY');
    expect(parsePrice('$10', 'cad')?.currency).toBe('CAD');
  });

  it('reads free words as 0', () => {
    expect(parsePrice('免费')).toEqual({ amount: 0, currency: null, free: true });
    expect(parsePrice('Free', 'USD')).toEqual({ amount: 0, currency: 'USD', free: true });
    expect(parsePrice('¥0')).toEqual({ amount: 0, currency: 'CNY', free: true });
  });

  it('keeps the amount of B币 but no currency: bilibili coins are not money', () => {
    // "262.68 B币" with U+2006 six-per-em spaces, as the pugv season API prints it.
    expect(parsePrice('262.68\u2006B币')).toEqual({
      amount: 262.68,
      currency: null,
      free: false,
      note: 'bilibili-coin',
    });
  });

  it('reads a number without a currency, and nothing from text without digits', () => {
    expect(parsePrice('12,345')).toEqual({ amount: 12345, currency: null, free: false });
    expect(parsePrice('Buy now')).toBeNull();
    expect(parsePrice('')).toBeNull();
    expect(parsePrice(undefined)).toBeNull();
  });

  it('takes the number nearest the currency marker', () => {
    expect(parsePrice('2024 训练营 ¥299')?.amount).toBe(299);
    expect(parsePrice('Current price: CA$21.99 Original price: CA$139.99')?.amount).toBe(21.99);
  });

  it('tells prices from counts', () => {
    expect(looksLikePrice('$82')).toBe(true);
    expect(looksLikePrice('5556人已学')).toBe(false);
  });
});

describe('fromMinorUnits', () => {
  it('turns fen and cents into amounts', () => {
    expect(fromMinorUnits(12900, 'CNY')).toBe(129);
    expect(fromMinorUnits(6800, 'CNY')).toBe(68);
    expect(fromMinorUnits(29900, 'EUR')).toBe(299);
    expect(fromMinorUnits(349, 'USD')).toBe(3.49);
    expect(fromMinorUnits(1980, 'JPY')).toBe(1980);
    expect(fromMinorUnits(1999, null)).toBe(19.99);
  });
});
