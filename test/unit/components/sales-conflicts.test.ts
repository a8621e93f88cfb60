/**
 * The conflicting orders the Campaigns view lists (components/sales-figures.ts conflictRows): open and decided
 * ones together, newest first, each with its stored order, its decision, and the posts to choose from
 * (the suggested one first, each once). Synthetic orders.
 */
import { describe, expect, it } from 'vitest';
import { conflictRows } from '../../../components/sales-figures';
import type { Conflict } from '../../../lib/sales/attribute';
import { gumroadOrder } from '../sales/generate';

const order = (orderId: string, at: number) => gumroadOrder(orderId, { at });
const x = { platform: 'x', id: '1' } as const;
const video = { platform: 'youtube', id: 'v' } as const;
const conflict = (key: string): Conflict => ({
  order: key,
  line: 2,
  // UTM and affiliate name the X post, the coupon the video.
  claims: [
    { field: 'utm', code: 'xp-1', post: x },
    { field: 'coupon', code: 'spring', post: video },
    { field: 'affiliate', code: 'xp-1', post: x },
  ],
  suggested: x,
});

describe('conflicting orders listed for a decision', () => {
  it('open and decided, newest first, with the posts to choose from once each and the decision', () => {
    const orders = [order('old', 1_000), order('new', 3_000), order('plain', 2_000), order('mid', 2_500)];
    const decision = { order: 'gumroad:mid', post: 'none', decidedAt: 9_000 };
    const rows = conflictRows(
      {
        conflicts: [conflict('gumroad:old'), conflict('gumroad:new')],
        decided: [{ ...conflict('gumroad:mid'), decision: 'none' }],
      },
      orders,
      [
        decision,
        { order: 'gumroad:plain', post: 'x:1', decidedAt: 8_000 },
        // A decision for a post the codes no longer name: attribution ignored it, so no decision shows.
        { order: 'gumroad:old', post: 'weibo:9', decidedAt: 7_000 },
      ],
    );
    expect(rows.map((r) => [r.order.orderId, r.decision ?? null])).toEqual([
      ['new', null],
      ['mid', decision],
      ['old', null],
    ]);
    for (const row of rows) expect(row.choices).toEqual([x, video]);
    expect(rows[0]!.claims).toHaveLength(3);
  });

  it('nothing to list: no conflicts, or an order no longer stored', () => {
    expect(conflictRows({ conflicts: [], decided: [] }, [order('a', 1)], [])).toEqual([]);
    expect(conflictRows({ conflicts: [conflict('gumroad:gone')], decided: [] }, [order('a', 1)], [])).toEqual(
      [],
    );
  });
});
