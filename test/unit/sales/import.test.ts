import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { decodeOrdersFile, decodeText, parseCsv, type Table } from '../../../lib/sales/decode';
import { importOrders, parseInstant, readMinor } from '../../../lib/sales/import';
import { netMinor, ORDER_PLATFORMS } from '../../../lib/sales/order';
import {
  detectPreset,
  guessMapping,
  mappingPreset,
  PRESETS,
  presetMapping,
} from '../../../lib/sales/presets';

const FIX = 'test/fixtures/orders/';
const SYN = 'test/fixtures/synthetic/orders/';
const bytes = (path: string) => new Uint8Array(readFileSync(path));

async function table(path: string): Promise<Table> {
  const decoded = await decodeOrdersFile(bytes(path));
  if (!decoded.ok) throw new Error(`not read: ${decoded.reason}`);
  return decoded.table;
}

describe('orders: real export headers', () => {
  it('detects Gumroad from the header its export service writes (64 columns)', async () => {
    const t = await table(`${FIX}antiwork__gumroad/gumroad-sales-header-derived.csv`);
    expect(t.headers).toHaveLength(64);
    const preset = detectPreset(t.headers);
    expect(preset?.platform).toBe('gumroad');
    // Every column the preset names for money and codes exists in the real header.
    const result = importOrders(t, preset!, 'Asia/Shanghai');
    expect(result.orders).toEqual([]);
    expect(result.errors).toEqual([]);
    for (const role of ['orderId', 'gross', 'fees', 'affiliateCommission', 'coupon', 'utmContent'] as const) {
      const keys = t.headers.map((h) =>
        h
          .toLowerCase()
          .replace(/[^a-z0-9$]+/g, ' ')
          .trim(),
      );
      expect(
        preset!.columns[role]!.some((c) => keys.includes(c)),
        role,
      ).toBe(true);
    }
  });

  it.each([
    ['stripe-payments-all-columns.csv', 50],
    ['stripe-payments-default-columns.csv', 21],
  ])('reads Stripe %s: five charges in CAD, to the cent, in UTC', async (file, columns) => {
    const t = await table(`${FIX}reubano__csv2ofx/${file}`);
    expect(t.headers).toHaveLength(columns);
    const preset = detectPreset(t.headers);
    expect(preset?.platform).toBe('stripe');
    const { orders, errors } = importOrders(t, preset!, 'Asia/Shanghai');
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.orderId, o.currency, o.gross, o.fees, o.refunds, netMinor(o)])).toEqual([
      ['ch_1IGl9SBI9JK85yVZtjcU9OLJ', 'CAD', 2500, 103, 0, 2397],
      ['ch_1IGfFFBI9JK85yVZn6NXQs03', 'CAD', 2750, 110, 0, 2640],
      ['ch_1IGYhLBI9JK85yVZPHrxqN27', 'CAD', 2500, 103, 0, 2397],
      ['ch_1IGYBPBI9JK85yVZ0OID8QTG', 'CAD', 2500, 103, 0, 2397],
      ['ch_1IVbR2BI9JK85yVZUofVdX4R', 'CAD', 1000, 59, 0, 941],
    ]);
    // "2021-02-03 13:12" is UTC in a Stripe export, whatever the user's zone.
    expect(new Date(orders[0]!.at).toISOString()).toBe('2021-02-03T13:12:00.000Z');
    expect(orders[0]!.zone).toBe('UTC');
    expect(orders[0]!.line).toBe(2);
    // The e-mail is "x" in the fixture (redacted): no buyer key from it.
    expect(orders.every((o) => o.buyer === undefined)).toBe(true);
  });

  it('reads Stripe Title Case headers with the same preset', () => {
    const csv =
      'id,Description,Created (UTC),Amount,Amount Refunded,Currency,Fee,Tax,Status,Customer Email,utm_content (metadata)\n' +
      'ch_1,Course,2026-03-01 09:30,49.00,10.00,usd,1.72,0.00,Paid,Buyer@Example.com,xp-7f3k\n' +
      'ch_2,Course,2026-03-01 09:31,49.00,0.00,usd,0.00,0.00,Failed,,\n';
    const decoded = parseCsv(csv, 'utf-8');
    if (!decoded.ok) throw new Error(decoded.reason);
    const preset = detectPreset(decoded.table.headers)!;
    expect(preset.platform).toBe('stripe');
    const result = importOrders(decoded.table, preset, 'UTC');
    expect(result.skipped.notPaid).toBe(1);
    expect(result.orders).toHaveLength(1);
    const [o] = result.orders;
    expect([o!.gross, o!.refunds, o!.fees, netMinor(o!)]).toEqual([4900, 1000, 172, 3728]);
    expect(o!.utm).toEqual({ content: 'xp-7f3k' });
    expect(o!.buyer).toMatch(/^b[0-9a-z]+$/);
  });

  it('every preset says what backs it; only Gumroad and Stripe are backed by real headers', () => {
    expect(
      PRESETS.filter((p) => p.backedBy !== 'documented-fields')
        .map((p) => p.platform)
        .sort(),
    ).toEqual(['gumroad', 'stripe']);
    expect(PRESETS.map((p) => p.platform)).toEqual(ORDER_PLATFORMS.filter((p) => p !== 'custom'));
  });

  it.each([
    [
      'udemy',
      'Transaction Id,Date,Course Name,Coupon Code,Revenue Channel,Price,Currency,Tax,Store Fee,Instructor Share,Exchange Rate',
    ],
    ['teachable', 'Date,Student,Product,Offer type,Coupon,Earnings (USD),Gateway'],
    ['thinkific', 'id,coupon_code,affiliate_referral_code,amount,created_at'],
    [
      'lemonsqueezy',
      'order_number,currency,subtotal,discount_total,tax,total,refunded_amount,status,created_at',
    ],
    ['paddle', 'id,status,currency_code,billed_at,custom_data,discount_id'],
    ['xiaoe', 'order_id,pay_time,price,channel_type,channel_source_description,coupons,refund_amount'],
  ])('detects %s by its documented field names', (platform, header) => {
    expect(detectPreset(header.split(','))?.platform).toBe(platform);
  });

  it('reads documented-field exports: Udemy fees are the platform cut, Paddle custom_data carries UTM, 小鹅通 API counts 分', () => {
    const read = (csv: string, zone = 'UTC') => {
      const d = parseCsv(csv, 'utf-8');
      if (!d.ok) throw new Error(d.reason);
      return importOrders(d.table, detectPreset(d.table.headers)!, zone);
    };
    const udemy = read(
      'Transaction Id,Date,Course Name,Coupon Code,Revenue Channel,Price,Currency,Tax,Store Fee,Instructor Share,Exchange Rate\n' +
        '123,2026-03-01 10:00,Rust,LAUNCH-X,Instructor coupon,20.00,USD,2.00,0,17.00,1\n',
      'America/Los_Angeles',
    );
    expect(udemy.orders[0]).toMatchObject({
      gross: 1800,
      fees: 100,
      coupon: 'launch-x',
      channel: 'Instructor coupon',
    });
    // Udemy does not say its zone: the seller's zone is assumed and recorded.
    expect(udemy.orders[0]!.zone).toBe('America/Los_Angeles');
    expect(new Date(udemy.orders[0]!.at).toISOString()).toBe('2026-03-01T18:00:00.000Z');
    const paddle = read(
      'id,status,currency_code,billed_at,custom_data,details.totals.total,details.totals.tax,details.totals.fee\n' +
        'txn_1,completed,EUR,2026-03-01T10:00:00Z,"{""utm_content"":""XP-7F3K"",""utm_source"":""x""}",5900,900,300\n',
    );
    expect(paddle.orders[0]).toMatchObject({
      gross: 5000,
      fees: 300,
      currency: 'EUR',
      utm: { content: 'xp-7f3k', source: 'x' },
    });
    const xiaoe = read(
      'order_id,pay_time,price,channel_type,channel_source_description,coupons,refund_amount\n' +
        'x1,2026-03-01 20:00:00,19900,2,wb-launch,,0\n',
    );
    expect(xiaoe.orders[0]).toMatchObject({
      gross: 19900,
      currency: 'CNY',
      affiliate: 'wb-launch',
      zone: 'Asia/Shanghai',
    });
    expect(new Date(xiaoe.orders[0]!.at).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });
});

describe('orders: files as they arrive', () => {
  it('reads GBK from Chinese Excel (strict UTF-8 fails, GB18030 reads it); 小鹅通 headers, Asia/Shanghai assumed', async () => {
    const raw = bytes(`${SYN}xiaoe-gbk.csv`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();
    const t = await table(`${SYN}xiaoe-gbk.csv`);
    expect(t.encoding).toBe('gb18030');
    expect(t.headers[0]).toBe('订单号');
    const preset = detectPreset(t.headers);
    expect(preset?.platform).toBe('xiaoe');
    const { orders, errors } = importOrders(t, preset!, 'Europe/Berlin');
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.orderId, o.gross, o.refunds, o.affiliate, o.coupon])).toEqual([
      ['XE-1001', 19900, 0, '微博-课程帖', 'wb-launch'],
      ['XE-1002', 19900, 19900, '公众号', undefined],
      ['XE-1003', 9950, 0, '微博-课程帖', 'wb-launch'],
    ]);
    expect(new Date(orders[0]!.at).toISOString()).toBe('2026-03-02T12:15:00.000Z');
    expect(orders[0]!.zone).toBe('Asia/Shanghai');
  });

  it('reads UTF-8 with a BOM, semicolons and decimal commas through the mapping form', async () => {
    const t = await table(`${SYN}shop-bom-semicolon.csv`);
    expect([t.encoding, t.delimiter, t.headers[0]]).toEqual(['utf-8 BOM', ';', 'order']);
    expect(detectPreset(t.headers)).toBeNull();
    const mapping = guessMapping(t.headers);
    expect(mapping).toEqual({ amount: 'amount', currency: 'currency', date: 'date', orderId: 'order' });
    const { orders, errors } = importOrders(t, mappingPreset(mapping, t.headers), 'Europe/Berlin');
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.orderId, o.gross, o.currency, o.utm?.content, o.coupon])).toEqual([
      ['A-1', 4900, 'EUR', 'xp-7f3k', undefined],
      ['A-2', 4900, 'EUR', 'yt-a1b2', 'yt10'],
      ['A-3', 129900, 'EUR', undefined, undefined],
    ]);
    // The user's zone, stated: 10:00 in Berlin (CET) is 09:00Z.
    expect(orders[0]!.zone).toBe('Europe/Berlin');
    expect(new Date(orders[0]!.at).toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('reports bad rows by file line, skips the Totals row, keys buyers without keeping e-mails', async () => {
    const t = await table(`${SYN}gumroad-bad-rows.csv`);
    const result = importOrders(t, detectPreset(t.headers)!, 'UTC');
    expect(result.errors).toEqual([
      { line: 3, problem: 'bad-date', column: 'Purchase Date', value: 'yesterday' },
      { line: 4, problem: 'bad-amount', column: 'Sale Price ($)', value: 'lots' },
    ]);
    expect(result.skipped.totals).toBe(1);
    const [p1, p4] = result.orders;
    expect([p1!.orderId, p1!.gross, p1!.fees, netMinor(p1!), p1!.utm]).toEqual([
      'P1',
      10000,
      1300,
      8700,
      { source: 'x', medium: 'social', campaign: 'launch', content: 'xp-7f3k' },
    ]);
    expect(new Date(p1!.at).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    // net = gross − refunds − fees − affiliate commission.
    expect([p4!.coupon, p4!.affiliate, p4!.affiliateCommission, netMinor(p4!)]).toEqual([
      'spring',
      'ann',
      1000,
      7700,
    ]);
    expect(JSON.stringify(result.orders)).not.toContain('example.com');
  });

  it('counts lines across quoted cells that span lines', () => {
    const d = parseCsv(
      'id,amount,created,currency\n"a\nb",1.00,2026-01-01,USD\nc,x,2026-01-01,USD\n',
      'utf-8',
    );
    if (!d.ok) throw new Error(d.reason);
    expect(d.table.lines).toEqual([2, 4]);
  });

  it('refuses what it cannot read, with the reason', async () => {
    expect(await decodeOrdersFile(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(await decodeOrdersFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toEqual({
      ok: false,
      reason: 'not-text',
    });
    // 0xFF alone is neither UTF-8 nor GB18030.
    expect(decodeText(new Uint8Array([0x61, 0x2c, 0xff, 0x0a]))).toEqual({ reason: 'unknown-encoding' });
    expect((await decodeOrdersFile(new TextEncoder().encode('just one line\n'))).ok).toBe(false);
    const broken = await decodeOrdersFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken).toMatchObject({ ok: false, reason: 'spreadsheet-unreadable' });
  });

  it('reads an .xlsx (generated with SheetJS) with the same preset and line numbers', async () => {
    const sheet = utils.aoa_to_sheet([
      ['Purchase ID', 'Purchase Date', 'Sale Price ($)', 'Fees ($)', 'UTM Content'],
      ['P1', '2026-03-01 10:00:00', 100, 13, 'xp-7f3k'],
      ['P2', '2026-03-02 11:00:00', 'n/a', 13, ''],
    ]);
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, 'Sales');
    const file = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const decoded = await decodeOrdersFile(file);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.table.encoding).toBe('xlsx');
    const result = importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'UTC');
    expect(result.orders.map((o) => [o.orderId, o.gross, o.fees, o.utm?.content])).toEqual([
      ['P1', 10000, 1300, 'xp-7f3k'],
    ]);
    expect(result.errors).toEqual([
      { line: 3, problem: 'bad-amount', column: 'Sale Price ($)', value: 'n/a' },
    ]);
  });

  it('importing the same file twice gives the same orders (keys and values)', async () => {
    const t = await table(`${FIX}reubano__csv2ofx/stripe-payments-all-columns.csv`);
    const a = importOrders(t, detectPreset(t.headers)!, 'UTC');
    const b = importOrders(
      await table(`${FIX}reubano__csv2ofx/stripe-payments-all-columns.csv`),
      detectPreset(t.headers)!,
      'UTC',
    );
    expect(b.orders).toEqual(a.orders);
    // Exports without an id column still key each row stably.
    const noId = parseCsv('amount,date,currency\n5.00,2026-01-01,USD\n6.00,2026-01-02,USD\n', 'utf-8');
    if (!noId.ok) throw new Error(noId.reason);
    const preset = mappingPreset(guessMapping(noId.table.headers), noId.table.headers);
    const ids = importOrders(noId.table, preset, 'UTC').orders.map((o) => o.orderId);
    expect(ids).toEqual(importOrders(noId.table, preset, 'UTC').orders.map((o) => o.orderId));
    expect(new Set(ids).size).toBe(2);
  });
});

describe('orders: cells', () => {
  it('reads times with offsets, epoch seconds, US dates and zone wall times', () => {
    expect(parseInstant('2026-03-01T10:00:00+08:00', undefined, 'UTC')).toBe(
      Date.parse('2026-03-01T02:00:00Z'),
    );
    expect(parseInstant('1700000000', undefined, 'UTC')).toBe(1_700_000_000_000);
    expect(parseInstant('11/30/2025 1:05 PM', undefined, 'UTC')).toBe(Date.parse('2025-11-30T13:05:00Z'));
    expect(parseInstant('2026年3月1日 20:00', undefined, 'Asia/Shanghai')).toBe(
      Date.parse('2026-03-01T12:00:00Z'),
    );
    // Berlin's DST night: 03:30 on 29 March 2026 is CEST (+2).
    expect(parseInstant('2026-03-29 03:30', undefined, 'Europe/Berlin')).toBe(
      Date.parse('2026-03-29T01:30:00Z'),
    );
    expect(parseInstant('Nov 11, 2025 00:10', undefined, 'Asia/Shanghai')).toBe(
      Date.parse('2025-11-10T16:10:00Z'),
    );
    expect(parseInstant('11 November 2025 08:00 GMT', undefined, 'Asia/Shanghai')).toBe(
      Date.parse('2025-11-11T08:00:00Z'),
    );
    expect(parseInstant('2026-13-01', undefined, 'UTC')).toBeNull();
    expect(parseInstant('soon', undefined, 'UTC')).toBeNull();
  });

  it('reads amounts to the minor unit without float drift', () => {
    expect(readMinor('1.005', 'USD', false)).toBe(101);
    expect(readMinor('$1,299.00', 'USD', false)).toBe(129900);
    expect(readMinor('1999', 'JPY', false)).toBe(1999);
    expect(readMinor('19900', 'CNY', true)).toBe(19900);
    expect(readMinor('-2.50', 'USD', false)).toBe(-250);
    expect(readMinor('', 'USD', false)).toBe(0);
    expect(readMinor('abc', 'USD', false)).toBeNull();
  });
});

describe('orders: the mapping form filled from a recognised export', () => {
  it('maps Gumroad and Stripe columns to the form, with the export currency where the file has none', async () => {
    const gumroad = await table(`${FIX}antiwork__gumroad/gumroad-sales-header-derived.csv`);
    expect(presetMapping(detectPreset(gumroad.headers)!, gumroad.headers)).toEqual({
      amount: 'Sale Price ($)',
      defaultCurrency: 'USD',
      date: 'Purchase Date',
      orderId: 'Purchase ID',
      referral: 'Affiliate',
    });
    const stripe = await table(`${FIX}reubano__csv2ofx/stripe-payments-default-columns.csv`);
    expect(presetMapping(detectPreset(stripe.headers)!, stripe.headers)).toEqual({
      amount: 'converted_amount',
      currency: 'converted_currency',
      date: 'created',
      orderId: 'id',
    });
  });
});
