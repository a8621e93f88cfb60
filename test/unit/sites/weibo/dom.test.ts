// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CaptureRecord, type Extraction } from '../../../../lib/records';
import { weiboAdapter } from '../../../../lib/sites/weibo';
import { ctx, fixtureDocument, fixtureJson, fixtureText } from '../../fixtures';
import { accountsOf, byId, postsOf } from './helpers';

const W = 'weibo/dataabc__weiboSpider/';
// Page URLs from the fixture's own url_map.json; "now" is the page's footer clock "weibo.cn[06-19 00:47]".
const urlMap = fixtureJson(`${W}url_map.json`) as Record<string, string>;
const urlOf = (file: string) => Object.keys(urlMap).find((u) => urlMap[u]?.endsWith(file)) ?? '';
const NOW = '2020-06-18T16:47:00Z';
const PROFILE_PAGES = [
  'a4437630f3bdfa2757bae1595186ac063fe5ec25cf2f98116ece83cb.html',
  '4957814af5a123b82e974b5537dea736dfb34e48d8835203a45d2e67.html',
  '2f62165fa3ca1e85e0d398d385c377a068b76eb95765f7020ffffd3e.html',
];
const COMMENT_PAGE = '4d5ed0a3ebd0303cb45edd544dbc0ab5e86d43e103405f0c60515884.html';
const INFO_PAGE = 'ca5f2a555e8d62f728c66fa90afb2d54d19f8c898e164204a61bdf03.html';

const extractPage = (file: string): Extraction =>
  weiboAdapter.extractDom(fixtureDocument(W + file), ctx(urlOf(file), NOW));

/** Own posts of a WAP profile page read straight from the HTML text with regular expressions. */
function directRead(html: string) {
  const blocks = html.split('<div class="c" id="M_').slice(1);
  return blocks.map((b) => {
    const bid = /^(\w+)"/.exec(b)?.[1] ?? '';
    const own = (label: string) => {
      const all = [...b.matchAll(new RegExp(`>${label}\\[(\\d+)\\]</a>`, 'g'))];
      return Number(all.at(-1)?.[1]);
    };
    const ct = /<span class="ct">(\d{4}-)?(\d\d)[-月](\d\d)日? (\d\d):(\d\d)/.exec(b);
    const [year, mo, d, h, mi] = [
      Number(ct?.[1]?.slice(0, 4) ?? 2020),
      Number(ct?.[2]),
      Number(ct?.[3]),
      Number(ct?.[4]),
      Number(ct?.[5]),
    ];
    return {
      bid,
      likes: own('赞'),
      reposts: own('转发'),
      comments: own('评论'),
      // China time, +08:00.
      createdAt: new Date(Date.UTC(year, mo - 1, d, h - 8, mi)).toISOString(),
    };
  });
}

describe('weibo.cn WAP profile pages', () => {
  it.each(PROFILE_PAGES)('%s: every post with its counts and time', (file) => {
    const x = extractPage(file);
    expect(x.failures).toEqual([]);
    const expected = directRead(fixtureText(W + file));
    expect(expected).toHaveLength(10);
    const own = postsOf(x).filter((p) => expected.some((e) => e.bid === p.shortId));
    expect(own).toHaveLength(10);
    for (const e of expected) {
      const p = own.find((q) => q.shortId === e.bid);
      expect(p?.authorId, e.bid).toBe('1669879400');
      expect(p?.authorHandle, e.bid).toBe('Dear-迪丽热巴');
      expect(p?.createdAt, e.bid).toBe(e.createdAt);
      expect(p?.createdAtApprox, e.bid).toBe(true);
      expect(p?.metrics, e.bid).toEqual({ likes: e.likes, reposts: e.reposts, comments: e.comments });
      const floors = (['likes', 'reposts', 'comments'] as const).filter((k) => e[k] === 1_000_000);
      expect(p?.lowerBounds ?? [], e.bid).toEqual(
        ['likes', 'reposts', 'comments'].filter((k) => floors.includes(k as never)),
      );
      expect(p?.metricsExact, e.bid).toBe(floors.length === 0);
    }
    for (const r of x.records)
      expect(CaptureRecord.safeParse(r).success, JSON.stringify(r).slice(0, 120)).toBe(true);
  });

  it('spot values: capped counts, ids from mblogids, the profile account', () => {
    const x = extractPage(PROFILE_PAGES[2] as string);
    // "赞[1499675] 转发[1000000] 评论[1000000]" and ct "2020-06-03 00:00 来自生日动态".
    const birthday = postsOf(x).find((p) => p.shortId === 'J4PGk4yMw');
    expect(birthday).toMatchObject({
      url: 'https://weibo.com/1669879400/J4PGk4yMw',
      metrics: { likes: 1499675, reposts: 1_000_000, comments: 1_000_000 },
      lowerBounds: ['reposts', 'comments'],
      metricsExact: false,
      createdAt: '2020-06-02T16:00:00.000Z',
    });
    expect(birthday?.id).toMatch(/^\d{16}$/);
    // "微博[1159] 关注[253] 粉丝[70805575]" on this page.
    expect(accountsOf(x).find((a) => a.id === '1669879400')).toEqual({
      kind: 'account',
      platform: 'weibo',
      id: '1669879400',
      handle: 'Dear-迪丽热巴',
      name: 'Dear-迪丽热巴',
      followers: 70805575,
      following: 253,
      posts: 1159,
      followersExact: true,
    });
  });

  it('a repost yields the original as its own post with its 原文 counts', () => {
    const x = extractPage(PROFILE_PAGES[0] as string);
    const repost = postsOf(x).find((p) => p.shortId === 'J5cVGuUNq');
    const original = postsOf(x).find((p) => p.shortId === 'J5cRdli6m');
    expect(original).toBeDefined();
    expect(repost?.repostOf).toBe(original?.id);
    expect(repost?.metrics).toEqual({ likes: 554415, reposts: 1_000_000, comments: 1_000_000 });
    expect(repost?.text.startsWith('在羌塘的美好回忆')).toBe(true);
    // The original's "赞[119296] 原文转发[1000000] 原文评论[38688]"; its author has a custom domain, no uid.
    expect(original).toMatchObject({
      authorName: 'WCS野生生物保护学会',
      authorId: '',
      createdAt: null,
      metrics: { likes: 119296, reposts: 1_000_000, comments: 38688 },
      lowerBounds: ['reposts'],
    });
    expect(original?.text.startsWith('去年和亲善大使热巴@Dear-迪丽热巴 的特别回忆[心]')).toBe(true);
    // "赞[0] 转发[0] 评论[0]" as printed on J5ykphxc8.
    expect(postsOf(x).find((p) => p.shortId === 'J5ykphxc8')?.metrics).toEqual({
      likes: 0,
      reposts: 0,
      comments: 0,
    });
    // Topic links and emoticons: hashtags kept, "[嘻嘻]" kept as text, the sinaurl redirect unwrapped.
    const first = postsOf(x).find((p) => p.shortId === 'J74OAhxtL');
    expect(first).toMatchObject({
      hashtags: ['一起热爱就现在'],
      links: ['http://t.cn/A6Lftj1K'],
      format: 'image',
    });
    expect(first?.text).toBe('#一起热爱就现在#给你们康康我眼前的画面[嘻嘻] 绿洲');
    // "[组图共2张]" after the text is the picture link, not text.
    expect(postsOf(x).find((p) => p.shortId === 'J6k49kbTc')?.text).toBe('7000[耶] 绿洲');
  });

  it("clips a repost's author name to the contract's 200 characters, however long the link text", () => {
    // The property test of edited real pages found it (seed 1706761709): the name went through unclipped.
    const page = PROFILE_PAGES[0] as string;
    const long = 'W'.repeat(700);
    const html = fixtureText(W + page).replace('>WCS野生生物保护学会</a>', `>${long}</a>`);
    const x = weiboAdapter.extractDom(
      new DOMParser().parseFromString(html, 'text/html'),
      ctx(urlOf(page), NOW),
    );
    const original = postsOf(x).find((p) => p.authorHandle.startsWith('W'));
    expect(original?.authorHandle).toBe(long.slice(0, 200));
    expect(original?.authorName).toBe(long.slice(0, 200));
    for (const r of x.records)
      expect(CaptureRecord.safeParse(r).success, JSON.stringify(r).slice(0, 120)).toBe(true);
  });

  it('a post page (/comment/<mblogid>): counts outside the post block, time with seconds', () => {
    const x = extractPage(COMMENT_PAGE);
    expect(x.failures).toEqual([]);
    expect(postsOf(x)).toHaveLength(2);
    // "转发[1000000] 评论[1000000] 赞[572950]", ct "2020-06-05 11:11:05".
    expect(postsOf(x).find((p) => p.shortId === 'J5cVGuUNq')).toMatchObject({
      authorId: '1669879400',
      authorName: 'Dear-迪丽热巴',
      metrics: { reposts: 1_000_000, comments: 1_000_000, likes: 572950 },
      createdAt: '2020-06-05T03:11:00.000Z',
    });
    // "原文转发[1000000] 原文评论[38774]": no likes shown for the original here, so none recorded.
    expect(postsOf(x).find((p) => p.shortId === 'J5cRdli6m')).toMatchObject({
      authorId: '2620077053',
      authorName: 'WCS野生生物保护学会',
      metrics: { reposts: 1_000_000, comments: 38774 },
    });
    expect(byId(x, postsOf(x).find((p) => p.shortId === 'J5cVGuUNq')?.repostOf ?? '')?.shortId).toBe(
      'J5cRdli6m',
    );
  });

  it('a page without posts (/info) yields nothing and no failure', () => {
    expect(extractPage(INFO_PAGE)).toEqual({ records: [], failures: [] });
  });
});

describe('m.weibo.cn $render_data', () => {
  // SYNTHETIC page: the real status object of retweet01.status.json placed in the script form the
  // m.weibo.cn /detail and /status pages use (`var $render_data = [{...}][0] || {};`).
  const status = (
    fixtureJson('weibo/gottaegbert__weiboAPI/response.js__retweet01.status.json') as { data: unknown }
  ).data;
  const page = () =>
    new DOMParser().parseFromString(
      `<html><body><script>var config = {};\nvar $render_data = [{\n"status": ${JSON.stringify(status)},\n"call": 1\n}][0] || {};</script></body></html>`,
      'text/html',
    );

  it('reads the status of /detail/<id> with its original', () => {
    const x = weiboAdapter.extractDom(page(), ctx('https://m.weibo.cn/detail/4383411844046171'));
    expect(x.failures).toEqual([]);
    expect(byId(x, '4383411844046171')).toMatchObject({
      repostOf: '4383404751066167',
      createdAt: '2019-06-15T03:44:46.000Z',
    });
    expect(byId(x, '4383404751066167')?.metrics).toEqual({ reposts: 1, comments: 0, likes: 0 });
  });

  it('accepts /status/<mblogid> and refuses data describing another post', () => {
    expect(postsOf(weiboAdapter.extractDom(page(), ctx('https://m.weibo.cn/status/HyZVegYAP')))).toHaveLength(
      2,
    );
    const stale = weiboAdapter.extractDom(page(), ctx('https://m.weibo.cn/detail/4645748019299849'));
    expect(stale.records).toEqual([]);
    expect(stale.failures[0]?.reason).toMatch(/another post/);
  });
});
