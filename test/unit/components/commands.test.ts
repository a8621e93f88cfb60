import { beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../lib/background/commands';
import { CoursePulseDb } from '../../../lib/db/schema';

const db = new CoursePulseDb('commands-ui-test');
const run = (message: unknown) =>
  runCommand(
    {
      db,
      saveCourseFromTab: async () => ({ ok: true }),
      checkCoursesInTab: async () => ({ ok: true }),
      stopSync: async () => {},
    },
    message,
  );
const campaign = {
  name: 'Launch',
  platforms: ['x'],
  start: '2026-03-01',
  end: '2026-03-31',
  cost: { minor: 100_000, currency: 'CNY' },
  counts: { clicks: 1000 },
  postIds: [],
};

describe('dashboard commands', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });

  it('puts, updates, fills from orders and deletes a campaign', async () => {
    const put = await run({ type: 'campaign.put', campaign });
    expect(put.ok).toBe(true);
    const id = (put as { detail: number }).detail;
    const stored = await db.campaigns.get(id);
    expect(stored).toMatchObject({ ...campaign, id });
    expect(typeof stored?.createdAt).toBe('number');

    expect(await run({ type: 'campaign.put', campaign: { ...campaign, id, name: 'Renamed' } })).toEqual({
      ok: true,
      detail: id,
    });
    expect((await db.campaigns.get(id))?.createdAt).toBe(stored?.createdAt);

    await run({ type: 'campaign.orders', id, purchases: 10, revenue: { minor: 500_000, currency: 'CNY' } });
    expect((await db.campaigns.get(id))?.counts).toEqual({
      clicks: 1000,
      purchases: 10,
      revenue: { minor: 500_000, currency: 'CNY' },
    });
    expect(await run({ type: 'campaign.delete', id })).toEqual({ ok: true });
    expect(await db.campaigns.count()).toBe(0);
    expect(await run({ type: 'campaign.orders', id, purchases: 1, revenue: null })).toEqual({
      ok: false,
      reason: 'no such campaign',
    });
  });

  it('refuses malformed campaigns and settings outside the allowed keys', async () => {
    expect(
      (await run({ type: 'campaign.put', campaign: { ...campaign, cost: { minor: 1.5, currency: 'CNY' } } }))
        .ok,
    ).toBe(false);
    expect((await run({ type: 'campaign.put', campaign: { ...campaign, createdAt: 1 } })).ok).toBe(false);
    expect((await run({ type: 'settings.put', key: 'timeZone', value: 'Mars/Olympus' })).ok).toBe(false);
    expect((await run({ type: 'settings.put', key: 'anything', value: 1 })).ok).toBe(false);
    expect(await run({ type: 'settings.put', key: 'timeZone', value: 'Asia/Shanghai' })).toEqual({
      ok: true,
    });
    expect(await db.settings.get('timeZone')).toEqual({ key: 'timeZone', value: 'Asia/Shanghai' });
    const mapping = { amount: '金额', orderId: '订单号', defaultCurrency: 'CNY' };
    expect(await run({ type: 'settings.put', key: 'ordersMapping', value: mapping })).toEqual({ ok: true });
  });

  it('confirms, dismisses and marks courses', async () => {
    await db.courses.put({
      url: 'https://example.com/c',
      title: 'C',
      provider: 'P',
      price: 99,
      currency: 'CNY',
      source: 'post',
      status: 'sighting',
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    expect(await run({ type: 'course.status', url: 'https://example.com/c', status: 'saved' })).toEqual({
      ok: true,
    });
    expect(await run({ type: 'course.mine', url: 'https://example.com/c', mine: true })).toEqual({
      ok: true,
    });
    expect(await db.courses.get('https://example.com/c')).toMatchObject({ status: 'saved', mine: true });
    await run({ type: 'course.mine', url: 'https://example.com/c', mine: false });
    expect((await db.courses.get('https://example.com/c'))?.mine).toBeUndefined();
    expect(await run({ type: 'course.status', url: 'https://nope.example', status: 'dismissed' })).toEqual({
      ok: false,
      reason: 'no such course',
    });
  });

  it("stores the competitor overview's instructor → account links and refuses a malformed one", async () => {
    const links = { 'Dr. Angela Yu': 'x:123', 'Jose Portilla': '' };
    expect(await run({ type: 'settings.put', key: 'competitorLinks', value: links })).toEqual({ ok: true });
    expect((await db.settings.get('competitorLinks'))?.value).toEqual(links);
    expect(
      await run({ type: 'settings.put', key: 'competitorLinks', value: { 'Dr. Angela Yu': 7 } }),
    ).toMatchObject({ ok: false });
    expect(await run({ type: 'settings.put', key: 'competitorLinks', value: { '': 'x:1' } })).toMatchObject({
      ok: false,
    });
    expect((await db.settings.get('competitorLinks'))?.value).toEqual(links);
  });
});
