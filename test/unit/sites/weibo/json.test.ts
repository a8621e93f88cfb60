import { describe, expect, it } from 'vitest';
import { CaptureRecord, type Extraction } from '../../../../lib/records';
import { weiboAdapter } from '../../../../lib/sites/weibo';
import { ctx, fixtureJson } from '../../fixtures';
import { accountsOf, byId, postsOf, statusesIn } from './helpers';

const D = 'weibo/';
const extract = (endpoint: string, body: unknown, url: string, now?: string): Extraction =>
  weiboAdapter.extractJson(endpoint, body, ctx(url, now));

/**
 * The YaoZeyuan fixture is one mymblog list item wrapped as {_note, item} by the fixture collector.
 * Wrapping it back into a mymblog response {ok:1, data:{list:[item]}} is SYNTHETIC (the envelope
 * only); the item itself is as captured.
 */
const mymblogBody = () => {
  const wrapped = fixtureJson(`${D}YaoZeyuan__stablog/new_weibo_api_com.d.ts__mymblog_item.json`) as {
    item: unknown;
  };
  return { ok: 1, data: { list: [wrapped.item] } };
};

interface Case {
  name: string;
  file: string;
  endpoint: string;
  url: string;
  now?: string;
  body?: () => unknown;
}

// Every Weibo JSON fixture that holds posts, with the endpoint it came from (MANIFEST.md).
const POST_FIXTURES: Case[] = [
  {
    name: 'getIndex timeline (ak_list_0)',
    file: 'MountainDash__nonebot-bison/weibo_ak_list_0.json',
    endpoint: 'm/container/getIndex',
    url: 'https://m.weibo.cn/api/container/getIndex?containerid=1076036279793937',
    now: '2021-06-17T12:00:00Z',
  },
  {
    name: 'getIndex timeline hours later (ak_list_1)',
    file: 'MountainDash__nonebot-bison/weibo_ak_list_1.json',
    endpoint: 'm/container/getIndex',
    url: 'https://m.weibo.cn/api/container/getIndex?containerid=1076036279793937',
    now: '2021-06-17T12:00:00Z',
  },
  {
    name: 'getIndex timeline page 2 (relative dates)',
    file: 'gottaegbert__weiboAPI/response.js__cards1.getIndex_107603_timeline_page2.json',
    endpoint: 'm/container/getIndex',
    url: 'https://m.weibo.cn/api/container/getIndex?containerid=1076031669879400&page=2',
    now: '2019-07-01T00:00:00Z',
  },
  {
    name: 'getIndex data object (cirplan)',
    file: 'cirplan__weiboBackup/README.md__getIndex_107603_sample.json',
    endpoint: 'm/container/getIndex',
    url: 'https://m.weibo.cn/api/container/getIndex?containerid=1076031223178222',
    now: '2022-09-03T00:00:00Z',
  },
  {
    name: 'm.weibo.cn statuses/show (retweet01)',
    file: 'gottaegbert__weiboAPI/response.js__retweet01.status.json',
    endpoint: 'm/statuses/show',
    url: 'https://m.weibo.cn/statuses/show?id=4383411844046171',
  },
  {
    // The old Open API v2 (api.weibo.com) list has the `statuses` shape of /ajax/feed/*.
    name: 'Open API statuses list (huginn)',
    file: 'huginn__huginn/one_weibo.json',
    endpoint: 'ajax/feed/friendstimeline',
    url: 'https://weibo.com/ajax/feed/friendstimeline?list_id=1',
  },
  {
    name: 'weibo.com mymblog item (synthetic envelope)',
    file: 'YaoZeyuan__stablog/new_weibo_api_com.d.ts__mymblog_item.json',
    endpoint: 'ajax/statuses/mymblog',
    url: 'https://weibo.com/ajax/statuses/mymblog?uid=1645372340&page=1&feature=0',
    body: mymblogBody,
  },
  {
    // The fixture is the `data` array of the response; the extractor accepts the bare array too.
    name: 'weibo.com repostTimeline data array',
    file: 'AITuring__my-watermark/Lottry.tsx__tempData.repostTimeline.json',
    endpoint: 'ajax/statuses/repostTimeline',
    url: 'https://weibo.com/ajax/statuses/repostTimeline?id=4984924937388692&page=1&moduleID=feed',
  },
];

const run = (c: Case) => extract(c.endpoint, c.body ? c.body() : fixtureJson(D + c.file), c.url, c.now);

describe('weibo JSON: every post of every fixture', () => {
  it.each(POST_FIXTURES)('$name', (c) => {
    const x = run(c);
    expect(x.failures).toEqual([]);
    const expected = statusesIn(c.body ? c.body() : fixtureJson(D + c.file));
    expect(expected.size).toBeGreaterThan(0);
    expect(
      postsOf(x)
        .map((p) => p.id)
        .sort(),
    ).toEqual([...expected.keys()].sort());
    for (const want of expected.values()) {
      const got = byId(x, want.id);
      expect(got?.authorId, want.id).toBe(want.authorId);
      if (want.createdAt) expect(got?.createdAt, want.id).toBe(want.createdAt);
      expect(got?.createdAtApprox, want.id).toBe(want.createdAt === null);
      expect(got?.metrics.reposts, want.id).toBe(want.reposts);
      expect(got?.metrics.comments, want.id).toBe(want.comments);
      expect(got?.metrics.likes, want.id).toBe(want.likes);
    }
  });

  it('every record of every fixture satisfies the record contract', () => {
    const extractions = [...POST_FIXTURES.map(run), ...OTHER_FIXTURES.map(run)];
    let n = 0;
    for (const x of extractions) {
      for (const r of x.records) {
        const parsed = CaptureRecord.safeParse(r);
        expect(parsed.success ? null : parsed.error.issues, JSON.stringify(r).slice(0, 200)).toBeNull();
        n++;
      }
    }
    expect(n).toBeGreaterThan(50);
  });
});

describe('weibo JSON: spot values checked by hand against the fixtures', () => {
  it('m.weibo.cn timeline: ids, short ids, exact dates, video plays, reposts', () => {
    const x = run(POST_FIXTURES[0] as Case);
    const pinned = byId(x, '4645748019299849');
    expect(pinned).toMatchObject({
      shortId: 'Kjc77D1jz',
      url: 'https://weibo.com/6279793937/Kjc77D1jz',
      authorId: '6279793937',
      authorHandle: '明日方舟Arknights',
      authorName: '明日方舟Arknights',
      createdAt: '2021-06-08T01:35:04.000Z',
      createdAtApprox: false,
      format: 'video',
      repostOf: null,
      // page_info.play_count "87万次播放": approximate.
      metrics: { reposts: 9079, comments: 2126, likes: 37053, views: 870_000 },
      metricsExact: false,
      hashtags: ['明日方舟', '音律联觉'],
    });
    expect(pinned?.text.startsWith('#明日方舟# #音律联觉#\n2021明日方舟音律联觉')).toBe(true);
    // The truncated list text ends without the "全文" link.
    expect(pinned?.text.endsWith('全文')).toBe(false);
    expect(byId(x, '4648806186747944')).toMatchObject({
      repostOf: '4645748019299849',
      format: 'text',
      metrics: { reposts: 7, comments: 147, likes: 1340 },
      metricsExact: true,
      links: ['http://t.cn/A6VGmrc6', 'http://t.cn/A6Vks4Os'],
    });
    expect(byId(x, '4649031014551911')).toMatchObject({
      format: 'image',
      metrics: { reposts: 83, comments: 577, likes: 16368 },
    });
    // The author seen on the posts: followers 1363591 (integer), following 33, posts 1218.
    expect(accountsOf(x)).toEqual([
      {
        kind: 'account',
        platform: 'weibo',
        id: '6279793937',
        handle: '明日方舟Arknights',
        name: '明日方舟Arknights',
        followers: 1363591,
        following: 33,
        posts: 1218,
        followersExact: true,
        bio: '《明日方舟》官方微博，欢迎咨询客服QQ服务号：800830064',
      },
    ]);
  });

  it('"100万+" counts are floors; relative "06-14" is read in China time', () => {
    const x = run(POST_FIXTURES[2] as Case);
    expect(byId(x, '4381207217392722')).toMatchObject({
      metrics: { reposts: 1_000_000, comments: 222072, likes: 452294 },
      lowerBounds: ['reposts'],
      metricsExact: false,
    });
    const both = byId(x, '4379188905591760');
    expect(both?.lowerBounds).toEqual(['reposts', 'comments']);
    // 1049077 is above the 1000000 display threshold but an exact integer: not a floor.
    expect(both?.metrics.likes).toBe(1049077);
    // "06-14" seen on 2019-07-01: the end of 14 June in +08:00.
    expect(byId(x, '4383183661430868')).toMatchObject({
      createdAt: '2019-06-14T15:59:00.000Z',
      createdAtApprox: true,
      metrics: { reposts: 240492, comments: 95535, likes: 348872 },
      metricsExact: true,
    });
    expect(byId(x, '4382054705416396')).toMatchObject({
      format: 'video',
      metrics: { views: 9035434 },
      metricsExact: true,
    });
    expect(byId(x, '4383180406740606')?.repostOf).toBe('4383031864995274');
  });

  it('string follower counts ("7164.8万") and play counts ("345万次播放") are approximate', () => {
    const x = run(POST_FIXTURES[3] as Case);
    expect(byId(x, '4804608494665869')).toMatchObject({
      repostOf: '4804268794315521',
      metrics: { reposts: 28544, comments: 17356, likes: 116398 },
      createdAt: '2022-08-20T10:29:52.000Z',
    });
    expect(byId(x, '4804268794315521')).toMatchObject({
      format: 'video',
      metrics: { views: 3_450_000 },
      metricsExact: false,
    });
    const huge = accountsOf(x).find((a) => a.id === '1223178222');
    expect(huge).toMatchObject({ followers: 71_648_000, followersExact: false, following: 733, posts: 4019 });
    // "6905" as a string is still exact.
    expect(accountsOf(x).find((a) => a.id === '3116716801')).toMatchObject({
      followers: 6905,
      followersExact: true,
    });
  });

  it('statuses/show: the embedded longText gives the original its full text', () => {
    const x = run(POST_FIXTURES[4] as Case);
    expect(byId(x, '4383411844046171')).toMatchObject({
      repostOf: '4383404751066167',
      text: '转发微博',
      shortId: 'HyZVegYAP',
    });
    const original = byId(x, '4383404751066167');
    expect(original?.text.length).toBeGreaterThan(1000);
    expect(original?.text.includes('全文')).toBe(false);
    // The keycap "#️" emoji run is no hashtag.
    expect(original?.hashtags).toEqual([]);
  });

  it('old Open API status: likes absent, not zero; URL falls back to m.weibo.cn/detail', () => {
    const x = run(POST_FIXTURES[5] as Case);
    const p = byId(x, '11488058246');
    expect(p?.metrics).toEqual({ reposts: 8, comments: 9 });
    expect(p?.url).toBe('https://m.weibo.cn/detail/11488058246');
    expect(p?.createdAt).toBe('2011-05-31T09:46:55.000Z');
  });

  it('weibo.com mymblog item: text_raw, mblogid URL, repost of an article', () => {
    const x = run(POST_FIXTURES[6] as Case);
    expect(byId(x, '4607741009594608')).toMatchObject({
      shortId: 'K3fnuEfZK',
      url: 'https://weibo.com/1645372340/K3fnuEfZK',
      authorHandle: '于三羊鲜声',
      createdAt: '2021-02-23T04:28:47.000Z',
      metrics: { reposts: 14, comments: 12, likes: 29 },
      metricsExact: true,
      repostOf: '4607667449893429',
      // The repost carries a copy of the original's article card; it describes the original.
      format: 'text',
    });
    expect(byId(x, '4607741009594608')?.text.startsWith('//@南山林雪萍 :虽然欧洲版的')).toBe(true);
    const original = byId(x, '4607667449893429');
    expect(original).toMatchObject({
      format: 'article',
      metrics: { reposts: 62, comments: 11, likes: 36 },
      shortId: 'K3dsQFvJr',
    });
    // text_raw's zero-width padding ("未来 ​​​") is dropped.
    expect(original?.text.endsWith('根据这项计划，未来')).toBe(true);
  });

  it('weibo.com repostTimeline: six reposts of one original, captured once', () => {
    const x = run(POST_FIXTURES[7] as Case);
    expect(postsOf(x)).toHaveLength(7);
    expect(postsOf(x).filter((p) => p.repostOf === '4984924937388692')).toHaveLength(6);
    expect(byId(x, '4984927802098910')).toMatchObject({
      metrics: { reposts: 19, comments: 14, likes: 11 },
      createdAt: '2023-12-31T00:34:26.000Z',
      // The repost's url_struct and topic_struct list the original's links and topics, not its own.
      links: [],
      hashtags: [],
    });
    const original = byId(x, '4984924937388692');
    expect(original).toMatchObject({
      format: 'image',
      metrics: { reposts: 131, comments: 97, likes: 125 },
      shortId: 'NzDhHv08s',
    });
    expect(original?.hashtags.slice(0, 2)).toEqual(['一条plog告别2023', '我的2023博物馆之旅']);
    expect(original?.links).toContain('https://weibo.com/7734200964/MnRsj8LGg');
  });
});

// JSON fixtures without posts: profiles, long texts, the error body.
const OTHER_FIXTURES: Case[] = [
  {
    name: 'profile with followers as "145.5万"',
    file: 'MountainDash__nonebot-bison/weibo_ak_profile.json',
    endpoint: 'm/container/getIndex',
    url: 'https://m.weibo.cn/api/container/getIndex?type=uid&value=6279793937',
  },
  {
    name: 'profile with followers as an integer',
    file: 'gottaegbert__weiboAPI/response.js__userInfo.getIndex_profile.json',
    endpoint: 'm/container/getIndex',
    url: 'https://m.weibo.cn/api/container/getIndex?type=uid&value=1669879400',
  },
  {
    name: 'statuses/extend of 4645748019299849',
    file: 'MountainDash__nonebot-bison/weibo_detail_4645748019299849',
    endpoint: 'm/statuses/extend',
    url: 'https://m.weibo.cn/statuses/extend?id=4645748019299849',
  },
  {
    // The fixture does not say which post it extends: the id in this URL is a placeholder.
    name: 'statuses/extend (statuses1)',
    file: 'gottaegbert__weiboAPI/response.js__statuses1.statuses_extend.json',
    endpoint: 'm/statuses/extend',
    url: 'https://m.weibo.cn/statuses/extend?id=1000000000000001',
  },
];

describe('weibo JSON: profiles, long text, errors', () => {
  it('profile: "145.5万" followers → 1455000, approximate', () => {
    const x = run(OTHER_FIXTURES[0] as Case);
    expect(x.failures).toEqual([]);
    expect(x.records).toEqual([
      {
        kind: 'account',
        platform: 'weibo',
        id: '6279793937',
        handle: '明日方舟Arknights',
        name: '明日方舟Arknights',
        followers: 1_455_000,
        following: 34,
        posts: 1553,
        followersExact: false,
        bio: '《明日方舟》官方微博，欢迎咨询客服QQ服务号：800830064',
      },
    ]);
  });

  it('profile: integer followers 63357736 are exact', () => {
    const x = run(OTHER_FIXTURES[1] as Case);
    expect(x.records).toEqual([
      {
        kind: 'account',
        platform: 'weibo',
        id: '1669879400',
        handle: 'Dear-迪丽热巴',
        name: 'Dear-迪丽热巴',
        followers: 63357736,
        following: 240,
        posts: 1008,
        followersExact: true,
        bio: '一只喜欢默默表演的小透明。工作联系helloworkwork@126.com🍒',
      },
    ]);
  });

  it('statuses/extend: the full text and the counts, for the id in the request URL', () => {
    const x = run(OTHER_FIXTURES[2] as Case);
    expect(x.failures).toEqual([]);
    const p = byId(x, '4645748019299849');
    expect(p).toMatchObject({
      metrics: { reposts: 7110, comments: 2202, likes: 39034 },
      metricsExact: true,
      createdAt: null,
      hashtags: ['明日方舟', '音律联觉'],
      url: 'https://m.weibo.cn/detail/4645748019299849',
    });
    // Past the list's truncation point ("…2. Ma ...").
    expect(p?.text).toContain('开奖后奖品会在出货后寄出。');
    expect(p?.text).toContain('【歌曲列表】\n1. CanNot Wait For');
    // weibo.cn/sinaurl?u= is unwrapped to its target.
    expect(p?.links).toContain('http://mrfz.biligame.com/yllj/');
  });

  it('statuses/extend without an id in the URL is a failure, not a guess', () => {
    const body = fixtureJson(`${D}MountainDash__nonebot-bison/weibo_detail_4645748019299849`);
    const x = extract('m/statuses/extend', body, 'https://m.weibo.cn/statuses/extend');
    expect(x.records).toEqual([]);
    expect(x.failures[0]?.extractor).toBe('weibo.m/statuses/extend');
  });

  it('a status list read from a comment list (buildComments) is a failure: comments are not the commenters’ posts', () => {
    const body = fixtureJson(`${D}SSaV1oRR__Weibo_Crawler_Scrapy/comment.json`);
    const x = extract('ajax/statuses/mymblog', body, 'https://weibo.com/ajax/statuses/mymblog');
    expect(x.records).toEqual([]);
    expect(x.failures[0]).toMatchObject({ extractor: 'weibo.ajax/statuses/mymblog' });
    expect(x.failures[0]!.reason).toMatch(/comment list/);
  });

  it('longtext by mblogid resolves the numeric id', () => {
    const body = { ok: 1, data: { longTextContent: '全文 #话题# http://t.cn/x' } }; // synthetic, minimal
    const x = extract(
      'ajax/statuses/longtext',
      body,
      'https://weibo.com/ajax/statuses/longtext?id=K3dsQFvJr',
    );
    expect(postsOf(x)[0]).toMatchObject({ id: '4607667449893429', shortId: 'K3dsQFvJr', hashtags: ['话题'] });
  });

  it('error fixture {"ok":0,"msg":"这里还没有内容"} → a failure naming the endpoint, no records', () => {
    const x = extract(
      'm/container/getIndex',
      fixtureJson(`${D}MountainDash__nonebot-bison/weibo_err_profile.json`),
      'https://m.weibo.cn/api/container/getIndex?type=uid&value=6279793937',
    );
    expect(x.records).toEqual([]);
    expect(x.failures).toEqual([{ extractor: 'weibo.m/container/getIndex', reason: 'ok=0: 这里还没有内容' }]);
  });

  // Synthetic bodies of the documented error shapes (research/analytics.md §4.3).
  it.each([
    ['login wall', { ok: -100, url: 'https://passport.weibo.com/sso/signin' }, /ok=-100.*passport/],
    ['HTML login page', '<!DOCTYPE html><html><title>Sina Visitor System</title></html>', /HTML/],
    ['not an object', 42, /not a JSON object/],
    ['object without a list', { ok: 1, data: {} }, /no status list/],
  ])('%s → failure, no records', (_label, body, reason) => {
    const x = extract('ajax/statuses/mymblog', body, 'https://weibo.com/ajax/statuses/mymblog?uid=1');
    expect(x.records).toEqual([]);
    expect(x.failures).toHaveLength(1);
    expect(x.failures[0]?.extractor).toBe('weibo.ajax/statuses/mymblog');
    expect(x.failures[0]?.reason).toMatch(reason);
  });

  it('never throws on hostile shapes', () => {
    for (const body of [
      null,
      undefined,
      [],
      [null, 1, 'x'],
      { ok: 1, data: { list: [{ id: {} }] } },
      { ok: 1, statuses: [{ user: 5 }] },
    ]) {
      for (const endpoint of [
        'ajax/statuses/mymblog',
        'm/container/getIndex',
        'ajax/statuses/show',
        'ajax/profile/info',
        'nope',
      ]) {
        expect(() => extract(endpoint, body, 'https://weibo.com/ajax/statuses/show?id=1')).not.toThrow();
      }
    }
  });
});

describe('weibo JSON: the same timeline captured hours apart', () => {
  const counts = (x: Extraction) => new Map(postsOf(x).map((p) => [p.id, JSON.stringify(p.metrics)]));

  it('lists which post ids changed counts, and which are new', () => {
    const before = counts(run(POST_FIXTURES[0] as Case));
    const after = counts(run(POST_FIXTURES[1] as Case));
    const changed = [...after].filter(([id, m]) => before.has(id) && before.get(id) !== m).map(([id]) => id);
    const added = [...after.keys()].filter((id) => !before.has(id));
    // Read from the files directly: the 10 shared posts have identical counts in both captures
    // (the MANIFEST's "counts changed" does not hold); the second adds one post.
    expect(changed).toEqual([]);
    expect(added).toEqual(['4649106427873349']);
    expect(byId(run(POST_FIXTURES[1] as Case), '4649106427873349')).toMatchObject({
      shortId: 'KkBtUx2dv',
      createdAt: '2021-06-17T08:00:11.000Z',
      metrics: { reposts: 272, comments: 241, likes: 4050 },
    });
  });
});
