import { describe, expect, it } from 'vitest';
import { observationsOf } from '../../../lib/db/history';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { weiboAdapter } from '../../../lib/sites/weibo';
import { fixtureJson } from '../fixtures';

const URL =
  'https://m.weibo.cn/api/container/getIndex?type=uid&value=6279793937&containerid=1076036279793937';
const FIRST = 'weibo/MountainDash__nonebot-bison/weibo_ak_list_0.json';
const LATER = 'weibo/MountainDash__nonebot-bison/weibo_ak_list_1.json';

/** id → "reposts/comments/likes" for every status in a getIndex body, read straight from the JSON. */
function countsIn(path: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (s: Record<string, unknown> | undefined) => {
    if (!s) return;
    out.set(String(s.id), `${s.reposts_count}/${s.comments_count}/${s.attitudes_count}`);
    visit(s.retweeted_status as Record<string, unknown> | undefined);
  };
  const body = fixtureJson(path) as { data: { cards: Array<{ mblog?: Record<string, unknown> }> } };
  for (const card of body.data.cards) visit(card.mblog);
  return out;
}

describe('the same Weibo timeline captured twice, hours apart (real captures)', () => {
  it('stores each post once, with a second snapshot exactly where its counts changed', async () => {
    const db = new CoursePulseDb(`weibo-twice-${Math.random()}`);
    const capture = (path: string, batchId: string, at: number) =>
      applyBatch(
        db,
        {
          batchId,
          records: weiboAdapter.extractJson('m/container/getIndex', fixtureJson(path), {
            url: URL,
            now: new Date(at),
          }).records,
          failures: [],
        },
        at,
      );
    await capture(FIRST, 'capture-first', Date.parse('2021-06-17T08:00:00Z'));
    await capture(LATER, 'capture-later', Date.parse('2021-06-17T12:00:00Z'));

    const first = countsIn(FIRST);
    const later = countsIn(LATER);
    const ids = new Set([...first.keys(), ...later.keys()]);
    expect(await db.posts.count()).toBe(ids.size);
    for (const id of ids) {
      const earlier = await db.postSnapshots
        .where('[platform+postId+at]')
        .between(['weibo', id, 0], ['weibo', id, Number.MAX_SAFE_INTEGER])
        .toArray();
      const post = await db.posts.get(['weibo', id]);
      const changed = first.has(id) && later.has(id) && first.get(id) !== later.get(id);
      expect(post && observationsOf(post, earlier).length, id).toBe(changed ? 2 : 1);
    }
    // What the two real captures hold: the later one adds one post; no shared post changed counts.
    expect([...later.keys()].filter((id) => !first.has(id))).toEqual(['4649106427873349']);
  });
});
