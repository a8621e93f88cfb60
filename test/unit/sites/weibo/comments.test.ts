import { describe, expect, it } from 'vitest';
import type { AccountRecord, CommentRecord, Extraction } from '../../../../lib/records';
import { weiboAdapter } from '../../../../lib/sites/weibo';
import { ctx, fixtureJson } from '../../fixtures';

const run = (url: string, path: string): Extraction => {
  const endpoint = weiboAdapter.endpointOf(url);
  if (!endpoint) throw new Error(`no endpoint for ${url}`);
  return weiboAdapter.extractJson(endpoint, fixtureJson(path), ctx(url));
};
const comments = (e: Extraction) =>
  new Map(e.records.filter((r): r is CommentRecord => r.kind === 'comment').map((c) => [c.id, c]));
const accounts = (e: Extraction) =>
  new Map(e.records.filter((r): r is AccountRecord => r.kind === 'account').map((a) => [a.id, a]));

describe('weibo.com buildComments, real capture (SSaV1oRR/Weibo_Crawler_Scrapy, post 5079225425986690)', () => {
  const url =
    'https://weibo.com/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&is_show_bulletin=2&is_mix=0&count=10&uid=5525643726&fetch_level=0';
  const extraction = run(url, 'weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json');
  const found = comments(extraction);

  it('yields all 7 top-level comments under the post, with text, author, likes, time and IP属地', () => {
    expect(extraction.failures).toEqual([]);
    expect(found.size).toBe(7);
    for (const c of found.values()) {
      expect(c).toMatchObject({
        platform: 'weibo',
        postId: '5079225425986690',
        parentId: null,
        region: '江苏',
      });
      expect(c.createdAtApprox).toBe(false);
    }
    expect(found.get('5079687065764999')).toEqual({
      kind: 'comment',
      platform: 'weibo',
      id: '5079687065764999',
      postId: '5079225425986690',
      parentId: null,
      authorId: '5079193812',
      authorHandle: '得安_Dan',
      authorName: '得安_Dan',
      text: '点赞评论发一份[哈哈][哈哈][哈哈]',
      createdAt: '2024-09-17T12:13:55.000Z',
      createdAtApprox: false,
      metrics: { likes: 0, replies: 0 },
      metricsExact: true,
      region: '江苏',
    });
    expect(found.get('5079249186721981')).toMatchObject({
      authorHandle: '慕容吹雪爱吃菠萝',
      text: '不好吃，因为我没抽到[泪]',
      metrics: { likes: 1, replies: 0 },
    });
  });

  it("turns each commenter into an account with followers, bio and the profile's location", () => {
    const people = accounts(extraction);
    expect(people.get('5079193812')).toMatchObject({
      handle: '得安_Dan',
      followers: 47,
      following: 587,
      bio: '读书 旅行',
      location: '江苏',
    });
    // The profile says 山西; the comment's IP属地 says 江苏: both kept, each where it belongs.
    const pineapple = [...found.values()].find((c) => c.authorHandle === '慕容吹雪爱吃菠萝')!;
    expect(people.get(pineapple.authorId)?.location).toBe('山西');
    expect(pineapple.region).toBe('江苏');
  });

  it('takes the post from analysis_extra even when the request URL is unknown', () => {
    const bare = weiboAdapter.extractJson(
      'ajax/statuses/buildComments',
      fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
      ctx('https://weibo.com/ajax/statuses/buildComments'),
    );
    expect([...comments(bare).values()].every((c) => c.postId === '5079225425986690')).toBe(true);
  });
});

describe('shapes only other projects document (synthetic bodies, test/fixtures/synthetic/weibo/README.md)', () => {
  it('m.weibo.cn hotflow: top-level comments, inline replies with parents, HTML text, 万 likes', () => {
    const e = run(
      'https://m.weibo.cn/comments/hotflow?id=5103000000000000&mid=5103000000000000&max_id_type=0',
      'synthetic/weibo/hotflow.json',
    );
    const found = comments(e);
    expect(e.failures).toEqual([]);
    expect(found.size).toBe(4);
    expect(found.get('5103000000000001')).toMatchObject({
      postId: '5103000000000000',
      parentId: null,
      authorHandle: '前端小白',
      text: '老师，Vue3 的课什么时候出？[doge]',
      metrics: { likes: 12, replies: 2 },
      region: '北京',
      hearted: true,
    });
    expect(found.get('5103000000000002')).toMatchObject({ parentId: '5103000000000001', text: '下个月' });
    // A reply to a reply names the reply it answers.
    expect(found.get('5103000000000003')).toMatchObject({
      parentId: '5103000000000002',
      text: '回复@课脉作者:蹲一个',
      region: '广东',
    });
    expect(found.get('5103000000000004')).toMatchObject({
      metrics: { likes: 15000, replies: 0 },
      metricsExact: false,
      approx: ['likes'],
    });
    expect(accounts(e).get('1000000001')).toMatchObject({
      followers: 12000,
      followersExact: false,
      bio: '在学前端，想转行',
    });
  });

  it('m.weibo.cn hotFlowChild: the replies of one comment and the thread root', () => {
    const e = run(
      'https://m.weibo.cn/comments/hotFlowChild?cid=5103000000000001&max_id=0&max_id_type=0',
      'synthetic/weibo/hotflowchild.json',
    );
    const found = comments(e);
    expect(found.size).toBe(3);
    expect(found.get('5103000000000001')!.parentId).toBeNull();
    expect(found.get('5103000000000002')!.parentId).toBe('5103000000000001');
    expect(found.get('5103000000000003')!.parentId).toBe('5103000000000002');
    // The child page names no post.
    expect(found.get('5103000000000002')!.postId).toBe('');
  });

  it('weibo.com buildComments fetch_level=1: replies to one comment; the post author is marked', () => {
    const e = run(
      'https://weibo.com/ajax/statuses/buildComments?flow=0&is_reload=1&id=5079249186721981&is_show_bulletin=2&is_mix=1&fetch_level=1&max_id=0&count=20&uid=5525643726',
      'synthetic/weibo/buildcomments-replies.json',
    );
    const [reply] = comments(e).values();
    expect(reply).toMatchObject({
      id: '5079300000000001',
      postId: '5079225425986690',
      parentId: '5079249186721981',
      text: '抽奖看运气',
      metrics: { likes: 2, replies: 0 },
      byCreator: true,
    });
    expect(accounts(e).get('5525643726')).toMatchObject({ bio: '教编程', location: '江苏 南京' });
  });
});
