// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../../lib/sites/x';
import { parseButtonLabel, parseGroupLabel } from '../../../../lib/sites/x/action-labels';
import { ctx, fixtureDocument } from '../../fixtures';
import { byId, posts, X } from './helpers';

const GEMINI = 'gym0915__LineLens/为啥 Gemini 新 UI 和 ChatGPT 几乎一模一样？.html';
const SEEDANCE = 'gym0915__LineLens/火山引擎即将上线 API！Seedance 2.0 除了打斗还可以做什么？.html';

const extract = (doc: ParentNode, url = 'https://x.com/', locale?: string) =>
  xAdapter.extractDom(doc, ctx(url, '2026-11-27T12:00:00Z', locale));

describe('action bar labels', () => {
  it('English group label (mlamp fixture wording)', () => {
    expect(parseGroupLabel('48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views')).toEqual({
      values: { comments: 48, reposts: 152, likes: 553, bookmarks: 9, views: 30142 },
      approximate: false,
    });
  });

  it('Chinese group label, as in the LineLens zh pages', () => {
    expect(parseGroupLabel('12 回复、7 次转帖、84 喜欢、58 书签、232341 次观看', 'zh')).toEqual({
      values: { comments: 12, reposts: 7, likes: 84, bookmarks: 58, views: 232341 },
      approximate: false,
    });
  });

  it('SYNTHETIC labels: singular words, a missing count, thousands separators, a zh label with 引用', () => {
    expect(parseGroupLabel('1 reply, 1,234 likes, 1 view').values).toEqual({
      comments: 1,
      likes: 1234,
      views: 1,
    });
    expect(parseGroupLabel('3 回复、2 次引用、1 喜欢', 'zh').values).toEqual({
      comments: 3,
      quotes: 2,
      likes: 1,
    });
    expect(parseGroupLabel('Reply, Repost, Like').values).toEqual({});
  });

  it('button labels in en and zh; a label without a number has no count', () => {
    expect(parseButtonLabel('48 Replies. Reply')).toEqual({ value: 48, approximate: false });
    expect(parseButtonLabel('2596467 views. View post analytics')).toEqual({
      value: 2596467,
      approximate: false,
    });
    expect(parseButtonLabel('84 喜欢次数。喜欢', 'zh')).toEqual({ value: 84, approximate: false });
    expect(parseButtonLabel('209 书签。加入书签', 'zh')).toEqual({ value: 209, approximate: false });
    expect(parseButtonLabel('Bookmark')).toBeNull();
  });
});

describe('current x.com DOM (mlamp__tweetyoink)', () => {
  it('x-tweet-sample.html: exact 48/152/553/9/30142 from the group label', () => {
    const extraction = extract(fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-sample.html`));
    expect(extraction.failures).toEqual([]);
    expect(posts(extraction)).toEqual([
      {
        kind: 'post',
        platform: 'x',
        id: '1981398750557065646',
        url: 'https://x.com/TestUser123/status/1981398750557065646',
        authorId: '',
        authorHandle: 'TestUser123',
        authorName: 'Test User Account',
        text: "Democrat Shutdown Jeopardizes America's Skies",
        createdAt: '2025-10-23T16:34:09.000Z',
        createdAtApprox: false,
        format: 'text',
        repostOf: null,
        metrics: { comments: 48, reposts: 152, likes: 553, bookmarks: 9, views: 30142 },
        metricsExact: true,
        links: ['https://t.co/xYHSw5Tm00'],
        hashtags: [],
      },
    ]);
  });

  it('the same article as root, and a subtree inside it, give the same post', () => {
    const doc = fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-sample.html`);
    const article = doc.querySelector('article[data-testid="tweet"]')!;
    expect(posts(extract(article))[0]?.metrics.views).toBe(30142);
    const group = article.querySelector('[role="group"]')!;
    expect(posts(extract(group))[0]?.id).toBe('1981398750557065646');
  });

  it('without the group label the button labels still give exact counts', () => {
    const doc = fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-sample.html`);
    doc.querySelector('[role="group"]')!.removeAttribute('aria-label');
    const [post] = posts(extract(doc));
    expect(post?.metrics).toEqual({ comments: 48, reposts: 152, likes: 553, bookmarks: 9, views: 29900 });
    // Views then come only from the visible "29.9K": the record is no longer exact.
    expect(post?.metricsExact).toBe(false);
  });

  it('without any label only the visible text is left: "29.9K" is approximate', () => {
    const doc = fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-sample.html`);
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    const [post] = posts(extract(doc));
    expect(post?.metrics).toEqual({ comments: 48, reposts: 152, likes: 553, bookmarks: 9, views: 29900 });
    expect(post?.metricsExact).toBe(false);
  });

  it('x-tweet-quote.html: the quoting post, its exact counts and quoteOf; the quoted post separately', () => {
    const found = byId(extract(fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-quote.html`)));
    expect(found.get('1983130065320780162')).toMatchObject({
      authorHandle: 'TestQuoter',
      authorName: 'Test Quoter',
      text: 'This is a quote tweet with additional commentary',
      createdAt: '2025-10-28T11:13:47.000Z',
      format: 'text',
      quoteOf: '1983129251856470493',
      metrics: { comments: 2534, reposts: 4483, likes: 25616, bookmarks: 797, views: 2596467 },
      metricsExact: true,
    });
    expect(found.get('1983129251856470493')).toMatchObject({
      authorHandle: 'OriginalAuthor',
      authorName: 'Original Author',
      createdAt: '2025-10-28T11:10:33.000Z',
      format: 'image',
      metrics: {},
    });
  });
});

describe('defect: the action bar rendered inside the quoted-tweet card (issue 12)', () => {
  // Derived in the test from the REAL x-tweet-quote.html: the action bar (`role="group"` with the
  // counts label, its buttons and the analytics link) is moved into the quoted card, as some status
  // pages render it. A quoted tweet never has an action bar of its own, so the bar is the outer tweet's.
  const derived = () => {
    const doc = fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-quote.html`);
    const card = [...doc.querySelectorAll('div[role="link"]')].find((q) =>
      q.querySelector('[data-testid="User-Name"]'),
    )!;
    const bar = doc.querySelector('[role="group"][aria-label]')!;
    card.appendChild(bar);
    expect(card.contains(bar)).toBe(true);
    return doc;
  };

  it('gives exactly the posts of the real page: the outer tweet its exact counts, the quote none', () => {
    const extraction = extract(derived());
    expect(extraction.failures).toEqual([]);
    const real = byId(extract(fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-quote.html`)));
    expect(byId(extraction)).toEqual(real);
    expect(real.get('1983130065320780162')?.metrics.likes).toBe(25616);
    expect(real.get('1983129251856470493')?.metrics).toEqual({});
  });

  it('without the group label the moved buttons give the outer tweet what they give in place', () => {
    const doc = derived();
    doc.querySelector('[role="group"]')!.removeAttribute('aria-label');
    const found = byId(extract(doc));
    // The capture's bookmark button carries no count, so bookmarks come only from the group label.
    const counts = { comments: 2534, reposts: 4483, likes: 25616, views: 2596467 };
    expect(found.get('1983130065320780162')?.metrics).toEqual(counts);
    expect(found.get('1983130065320780162')?.metricsExact).toBe(true);
    expect(found.get('1983129251856470493')?.metrics).toEqual({});
    const inPlace = fixtureDocument(`${X}mlamp__tweetyoink/x-tweet-quote.html`);
    inPlace.querySelector('[role="group"]')!.removeAttribute('aria-label');
    expect(byId(extract(inPlace)).get('1983130065320780162')?.metrics).toEqual(counts);
  });
});

describe('zh x.com saved pages (gym0915__LineLens, X Articles)', () => {
  it('a stand-alone X Article page and the two posts embedded in it', () => {
    const extraction = extract(
      fixtureDocument(X + GEMINI),
      'https://x.com/hwwaanng/status/2056919573778292757',
      'zh',
    );
    expect(extraction.failures).toEqual([]);
    const found = byId(extraction);
    expect(found.size).toBe(3);
    expect(found.get('2056919573778292757')).toMatchObject({
      authorHandle: 'hwwaanng',
      authorName: 'Hwang',
      text: '为啥 Gemini 新 UI 和 ChatGPT 几乎一模一样？',
      createdAt: '2026-05-20T02:06:56.000Z',
      format: 'article',
      metrics: { comments: 12, reposts: 7, likes: 84, bookmarks: 58, views: 232341 },
      metricsExact: true,
    });
    expect(found.get('2056658641747583451')).toMatchObject({
      authorHandle: 'pixel_updates',
      authorName: 'Pixel Updates',
      createdAt: '2026-05-19T08:50:05.000Z',
      format: 'image',
      metrics: { comments: 6, reposts: 6, likes: 213, bookmarks: 10, views: 5528 },
    });
    expect(found.get('2056643158986162589')).toMatchObject({
      authorHandle: 'ShishirShelke1',
      createdAt: '2026-05-19T07:48:34.000Z',
      metrics: { comments: 22, reposts: 15, likes: 547, bookmarks: 28, views: 26854 },
    });
  });

  it('an X Article shown as a post: one record, format article', () => {
    const extraction = extract(
      fixtureDocument(X + SEEDANCE),
      'https://x.com/ring_hyacinth/status/2022543578803962302',
      'zh',
    );
    expect(posts(extraction)).toHaveLength(1);
    expect(posts(extraction)[0]).toMatchObject({
      id: '2022543578803962302',
      authorHandle: 'ring_hyacinth',
      authorName: 'Ring Hyacinth',
      text: '火山引擎即将上线 API！Seedance 2.0 除了打斗还可以做什么？',
      createdAt: '2026-02-14T05:29:00.000Z',
      format: 'article',
      metrics: { comments: 8, reposts: 40, likes: 141, bookmarks: 209, views: 16642 },
      metricsExact: true,
    });
  });
});

describe('legacy twitter.com pages (until 2019)', () => {
  it('postlight twitter.com.html: 12 tweets, retweets and likes from data-tweet-stat-count', () => {
    const found = byId(extract(fixtureDocument(`${X}postlight__parser/twitter.com.html`)));
    expect(found.size).toBe(12);
    expect(found.get('745276948213968896')).toMatchObject({
      url: 'https://x.com/KingBeyonceStan/status/745276948213968896',
      authorId: '394957116',
      authorHandle: 'KingBeyonceStan',
      authorName: 'Lina Morgana',
      text: "Now before you write me off as bias I'm going to start out with one of my all time favorites. Like, I love her.",
      createdAt: '2016-06-21T15:27:25.000Z',
      format: 'text',
      // The page printed no reply count: absent, not 0.
      metrics: { reposts: 79, likes: 282 },
      metricsExact: true,
    });
    expect(found.get('745281845571379202')).toMatchObject({
      format: 'image',
      metrics: { reposts: 493, likes: 1313 },
    });
    expect(found.get('745857012706189312')).toMatchObject({
      authorHandle: 'PurelyIdle',
      metrics: { reposts: 0, likes: 0 },
    });
  });

  it('metascraper tweet.html (es): 21 tweets; the permalink video post with replies', () => {
    const found = byId(
      extract(fixtureDocument(`${X}microlinkhq__metascraper/tweet.html`), 'https://twitter.com/', 'es'),
    );
    expect(found.size).toBe(21);
    expect(found.get('955905369242513414')).toMatchObject({
      authorHandle: '_developit',
      authorName: 'Jason Miller 🦊⚛',
      authorId: '16495353',
      createdAt: '2018-01-23T20:49:34.000Z',
      format: 'video',
      metrics: { comments: 10, reposts: 67, likes: 203 },
      links: ['http://github.com/developit/karmatic'],
    });
    expect(found.get('955907280222015488')?.metrics).toEqual({ comments: 0, reposts: 0, likes: 6 });
  });
});

describe('robustness', () => {
  it('an empty document and a foreign page give nothing and no failure', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><article><a href="/a/status/1">x</a></article></body></html>',
      'text/html',
    );
    expect(extract(doc)).toEqual({ records: [], failures: [] });
  });

  it('a tweet article without a permalink (placeholder) is skipped', () => {
    const doc = new DOMParser().parseFromString(
      '<article data-testid="tweet"><div data-testid="tweetText">This post is unavailable.</div></article>',
      'text/html',
    );
    expect(extract(doc).records).toEqual([]);
  });
});
