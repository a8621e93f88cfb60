import { describe, expect, it } from 'vitest';
import {
  campaignToForm,
  emptyForm,
  formToCampaign,
  parseAmount,
  parseCount,
  postIdFrom,
} from '../../../components/campaign-form';
import { campaignOrders, chooseRevenue } from '../../../components/orders';
import type { Campaign } from '../../../lib/db/schema';
import { buildReport } from '../../../lib/metrics';
import { attachReason, withAttachedPosts } from '../../../lib/metrics/campaign-posts';
import { parseCsv } from '../../../lib/sales/decode';
import { importOrders } from '../../../lib/sales/import';
import { guessMapping, mappingPreset } from '../../../lib/sales/presets';

describe('campaign form', () => {
  it('parses amounts and counts strictly', () => {
    expect(parseAmount('1,000.50')).toBe(1000.5);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('12abc')).toBeNaN();
    expect(parseCount('1 000')).toBe(1000);
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('1.5')).toBeNaN();
    expect(parseCount('-3')).toBeNaN();
  });

  it('takes post ids from pasted links', () => {
    expect(postIdFrom('https://x.com/dev/status/2019881223666233717?s=20')).toBe('2019881223666233717');
    expect(postIdFrom('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1')).toBe('dQw4w9WgXcQ');
    expect(postIdFrom('https://youtu.be/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    expect(postIdFrom('https://weibo.com/1234567/O1a2b3c4d')).toBe('O1a2b3c4d');
    expect(postIdFrom(' 12345 ')).toBe('12345');
  });

  it('turns the form into the campaign command shape, money in minor units', () => {
    const form = {
      ...emptyForm('2026-03-01'),
      name: ' Spring launch ',
      platforms: ['x' as const],
      end: '2026-03-31',
      cost: '1000',
      clicks: '1,000',
      purchases: '10',
      revenue: '5000.00',
      postIds: 'https://x.com/a/status/111\n222, 222',
    };
    const parsed = formToCampaign(form);
    expect(parsed).toEqual({
      ok: true,
      campaign: {
        name: 'Spring launch',
        platforms: ['x'],
        start: '2026-03-01',
        end: '2026-03-31',
        cost: { minor: 100_000, currency: 'CNY' },
        counts: { clicks: 1000, purchases: 10, revenue: { minor: 500_000, currency: 'CNY' } },
        postIds: ['111', '222'],
      },
    });
    expect(formToCampaign({ ...form, name: '' })).toEqual({ ok: false, error: 'formNameMissing' });
    expect(formToCampaign({ ...form, end: '2026-02-01' })).toEqual({ ok: false, error: 'formDatesInvalid' });
    expect(formToCampaign({ ...form, cost: '10元' })).toEqual({ ok: false, error: 'formAmountInvalid' });
    expect(formToCampaign({ ...form, clicks: '1.5' })).toEqual({ ok: false, error: 'formCountInvalid' });
    // JPY has no minor unit: 1000 yen is 1000 minor units.
    const yen = formToCampaign({ ...form, currency: 'JPY' });
    expect(yen.ok && yen.campaign.cost).toEqual({ minor: 1000, currency: 'JPY' });
  });

  it('round-trips a stored campaign through the form', () => {
    const stored: Campaign = {
      id: 3,
      name: 'A',
      platforms: ['weibo'],
      start: '2026-01-01',
      end: '2026-01-31',
      cost: { minor: 123_45, currency: 'USD' },
      counts: { clicks: 7, revenue: { minor: 999, currency: 'USD' } },
      postIds: ['p1'],
      createdAt: 1,
    };
    const form = campaignToForm(stored);
    expect(form).toMatchObject({
      id: 3,
      currency: 'USD',
      cost: '123.45',
      clicks: '7',
      revenue: '9.99',
      postIds: 'p1',
    });
    const back = formToCampaign(form);
    expect(back.ok && back.campaign).toMatchObject({
      id: 3,
      cost: stored.cost,
      counts: stored.counts,
      postIds: ['p1'],
    });
  });
});

describe('campaign posts', () => {
  const campaign = {
    platforms: ['x'],
    start: '2026-03-01',
    end: '2026-03-07',
    courseUrl: 'https://example.com/course/',
    postIds: ['manual-1'],
  };
  const post = (id: string, platform: string, createdAt: string | null, links: string[] = []) => ({
    platform,
    id,
    authorId: 'me',
    createdAt,
    links,
  });

  it('attaches by hand, by course link, or own posts on the platform within the local dates', () => {
    expect(attachReason(campaign, post('manual-1', 'weibo', null), false, 'UTC')).toBe('manual');
    expect(
      attachReason(campaign, post('l', 'youtube', null, ['https://example.com/course#buy']), false, 'UTC'),
    ).toBe('course-link');
    expect(attachReason(campaign, post('d', 'x', '2026-03-07T20:00:00Z'), true, 'UTC')).toBe('dates');
    // 2026-02-28 17:00 UTC is already 1 March in Shanghai.
    expect(attachReason(campaign, post('d', 'x', '2026-02-28T17:00:00Z'), true, 'Asia/Shanghai')).toBe(
      'dates',
    );
    expect(attachReason(campaign, post('d', 'x', '2026-02-28T17:00:00Z'), true, 'UTC')).toBeNull();
    expect(attachReason(campaign, post('d', 'x', '2026-03-02T00:00:00Z'), false, 'UTC')).toBeNull();
    expect(attachReason(campaign, post('d', 'weibo', '2026-03-02T00:00:00Z'), true, 'UTC')).toBeNull();
  });

  it('lists every attached id once, for buildReport', () => {
    const full = { ...campaign, name: 'c', cost: null, counts: {} };
    const posts = [
      post('a', 'x', '2026-03-02T00:00:00Z'),
      post('manual-1', 'x', null),
      post('b', 'x', '2026-04-01T00:00:00Z'),
    ];
    expect(withAttachedPosts(full, posts, () => true, 'UTC').postIds).toEqual(['manual-1', 'a']);
  });
});

describe('orders CSV', () => {
  // Synthetic orders, as a shop export might look (labelled test input, not a capture).
  const csv = [
    '订单号,实付金额,下单时间,推荐人',
    'A1,¥500.00,2026-03-02 20:01,',
    'A2,500,2026/03/03,bob',
    'A2,500,2026/03/03,bob',
    'A3,US$20,2026-03-04,',
    'A4,¥500.00,2026-04-01,',
    'A5,,2026-03-05,',
  ].join('\n');
  const read = (text: string, mapping: Parameters<typeof mappingPreset>[0]) => {
    const decoded = parseCsv(text, 'utf-8');
    if (!decoded.ok) throw new Error(decoded.reason);
    return importOrders(decoded.table, mappingPreset(mapping, decoded.table.headers), 'Asia/Shanghai');
  };

  it('guesses the mapping from Chinese headers', () => {
    expect(guessMapping(['订单号', '实付金额', '下单时间', '推荐人'])).toEqual({
      amount: '实付金额',
      date: '下单时间',
      orderId: '订单号',
      referral: '推荐人',
    });
  });

  it('counts orders in the dates once each, revenue per currency, never summed across currencies', () => {
    const mapping = {
      amount: '实付金额',
      date: '下单时间',
      orderId: '订单号',
      referral: '推荐人',
      defaultCurrency: 'CNY',
    };
    // One reader of order files: lib/sales/import reads the rows, the campaign takes its dates' share.
    const result = read(csv, mapping);
    expect(result.skipped.duplicate).toBe(1);
    // The sixth row, on line 7 after the header.
    expect(result.errors).toEqual([{ line: 7, problem: 'bad-amount', column: '实付金额', value: '' }]);
    const summary = campaignOrders(
      result.orders,
      { start: '2026-03-01', end: '2026-03-31' },
      'Asia/Shanghai',
    );
    expect(summary).toEqual({
      purchases: 3,
      revenue: [
        { minor: 100_000, currency: 'CNY' },
        { minor: 2000, currency: 'USD' },
      ],
      referrals: 1,
      outsideDates: 1,
    });
    expect(chooseRevenue(summary.revenue, 'CNY')).toEqual({
      money: { minor: 100_000, currency: 'CNY' },
      warning: 'ordersManyCurrencies',
    });
    expect(chooseRevenue([{ minor: 5, currency: 'EUR' }], undefined)).toEqual({
      money: { minor: 5, currency: 'EUR' },
    });
    expect(chooseRevenue([{ minor: 5, currency: 'EUR' }], 'CNY').money).toBeNull();
  });

  it('feeds the worked check: cost 1000, clicks 1000, 10 orders of 500 → CPI 0.990, ROI 400%', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `o${i},2026-03-0${(i % 9) + 1},500.00,CNY`);
    const result = read(['id,date,amount,currency', ...rows].join('\n'), {
      amount: 'amount',
      currency: 'currency',
      orderId: 'id',
      date: 'date',
    });
    const summary = campaignOrders(result.orders, undefined, 'UTC');
    const campaign = {
      name: 'c',
      platforms: [],
      start: '2026-03-01',
      end: '2026-03-31',
      cost: { minor: 100_000, currency: 'CNY' },
      counts: {
        clicks: 1000,
        purchases: summary.purchases,
        revenue: chooseRevenue(summary.revenue, 'CNY').money!,
      },
      postIds: [],
    };
    const report = buildReport({ posts: [], campaigns: [campaign], settings: { timeZone: 'UTC', now: 0 } });
    expect(summary.purchases).toBe(10);
    expect(report.campaigns[0]!.cost.cpi.value).toBeCloseTo(0.990099, 6);
    expect(report.campaigns[0]!.cost.roi.value).toBe(4);
  });
});
