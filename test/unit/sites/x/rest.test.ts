import { describe, expect, it } from 'vitest';
import { accounts, byId, extractFixture, posts } from './helpers';

describe('REST v1.1 (huginn fixtures, 2013)', () => {
  it('one_tweet.json: a single status and its author', () => {
    const extraction = extractFixture('huginn__huginn/one_tweet.json', 'v1.statuses');
    expect(posts(extraction)).toEqual([
      {
        kind: 'post',
        platform: 'x',
        id: '345996769290752000',
        url: 'https://x.com/tectonic/status/345996769290752000',
        authorId: '9813372',
        authorHandle: 'tectonic',
        authorName: 'Andrew Cantino',
        text: 'Crytoscape is a graph manipulation library for JS.  Impressive.  http://t.co/KQFGZWvkSs',
        createdAt: '2013-06-15T20:10:32.000Z',
        createdAtApprox: false,
        format: 'text',
        repostOf: null,
        metrics: { likes: 2, reposts: 0 },
        metricsExact: true,
        links: ['http://cytoscape.github.io/cytoscape.js/'],
        hashtags: [],
      },
    ]);
    expect(accounts(extraction)).toEqual([
      {
        kind: 'account',
        platform: 'x',
        id: '9813372',
        handle: 'tectonic',
        name: 'Andrew Cantino',
        followers: 1056,
        following: 492,
        posts: 3628,
        followersExact: true,
        bio: 'Experimentalist, web developer, and VP of Engineering at @Mavenlink.',
        location: 'San Francisco, CA',
      },
    ]);
  });

  it('user_tweets.json: five statuses of @tectonic', () => {
    const found = byId(extractFixture('huginn__huginn/user_tweets.json', 'v1.statuses'));
    expect([...found.keys()]).toEqual([
      '320997982096990208',
      '320997936773349378',
      '320989192488382464',
      '320692069385527296',
      '320607521532432384',
    ]);
    expect(found.get('320692069385527296')).toMatchObject({
      metrics: { likes: 0, reposts: 2 },
      createdAt: '2013-04-07T00:18:42.000Z',
    });
  });

  it('search_tweets.json: a retweet points at its original, which is its own record with the counts', () => {
    const extraction = extractFixture('huginn__huginn/search_tweets.json', 'v1.statuses');
    const found = byId(extraction);
    expect(found.size).toBe(3);
    expect(found.get('414073595372265472')).toMatchObject({
      authorHandle: 'drod2169',
      repostOf: '414071361066532864',
      metrics: {},
      hashtags: ['FreeBandNames'],
    });
    expect(found.get('414071361066532864')).toMatchObject({
      authorHandle: 'Just_Reboot',
      metrics: { likes: 1, reposts: 1 },
    });
    expect(accounts(extraction).find((a) => a.handle === 'Just_Reboot')?.followers).toBe(2244);
  });
});

describe('REST v2 (sns-sdks fixtures)', () => {
  it('search_tweets_query.json: no public_metrics requested, so no counts; authors from includes', () => {
    const extraction = extractFixture('sns-sdks__python-twitter/search_tweets_query.json', 'v2.tweets');
    const found = byId(extraction);
    expect(found.get('1276035977375477760')).toMatchObject({
      authorId: '63046977',
      authorHandle: 'happycamper',
      authorName: 'Emily Waligoske 🏕',
      createdAt: '2020-06-25T06:14:19.000Z',
      metrics: {},
      format: 'video',
    });
    expect(
      accounts(extraction)
        .map((a) => a.handle)
        .sort(),
    ).toEqual(['happycamper', 'jellybeanjones', 'snowman']);
  });

  it('tweet_retweet_tweets_resp.json: "RT @" retweets keep only their impressions', () => {
    const found = byId(
      extractFixture('sns-sdks__python-twitter/tweet_retweet_tweets_resp.json', 'v2.tweets'),
    );
    expect(found.size).toBe(8);
    expect(found.get('1721182049565081649')).toMatchObject({
      authorHandle: 'nurahmad73',
      createdAt: '2023-11-05T15:05:53.000Z',
      metrics: { views: 2 },
    });
  });

  it('tweet_quote_tweets_resp.json: a reply with its own counts', () => {
    const extraction = extractFixture('sns-sdks__python-twitter/tweet_quote_tweets_resp.json', 'v2.tweets');
    expect(posts(extraction)).toHaveLength(15);
    expect(byId(extraction).get('1422638903412940805')).toMatchObject({
      authorHandle: 'suhemparack',
      metrics: { likes: 2, comments: 2, reposts: 0, quotes: 0 },
    });
  });

  it('a saved body without a URL is recognised by its shape', () => {
    expect(
      posts(extractFixture('sns-sdks__python-twitter/tweet_quote_tweets_resp.json', 'file')),
    ).toHaveLength(15);
    expect(posts(extractFixture('huginn__huginn/user_tweets.json', 'file'))).toHaveLength(5);
    expect(posts(extractFixture('huginn__huginn/one_tweet.json', 'file'))).toHaveLength(1);
    expect(posts(extractFixture('vladkens__twscrape/_issue_42.json', 'file'))).toHaveLength(2);
  });
});
