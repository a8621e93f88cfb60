import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../../lib/sites/x';
import { ctx, fixtureJson } from '../../fixtures';
import { accounts, byId, extractFixture, naiveTweets, posts, X } from './helpers';

const TW = 'vladkens__twscrape/';
const TH = 'trevorhobenshield__twitter-api-client/example_responses.md__';

type Obj = Record<string, unknown>;

/** The fields of a tweet's `legacy` block the test compares against. */
interface Legacy {
  favorite_count: number;
  retweet_count: number;
  quote_count: number;
  reply_count: number;
  bookmark_count?: number;
  retweeted_status_result?: { result: { rest_id: string } };
}

describe('UserTweets (raw_user_tweets.json, @XDevelopers, 2026 shape)', () => {
  const body = fixtureJson(`${X}${TW}raw_user_tweets.json`);
  const extraction = extractFixture(`${TW}raw_user_tweets.json`, 'UserTweets');
  const found = byId(extraction);
  const expected = naiveTweets(body);

  it('yields every tweet result once: 49 tweet objects in the file, 41 distinct ids', () => {
    let objects = 0;
    JSON.stringify(body, (_k, v) => {
      if (v && v.__typename === 'Tweet' && v.legacy) objects++;
      return v;
    });
    expect(objects).toBe(49);
    expect(expected.size).toBe(41);
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(extraction.failures).toEqual([]);
  });

  it("copies each tweet's own legacy counts and view count; a retweet wrapper keeps only its views", () => {
    for (const [id, tweet] of expected) {
      const post = found.get(id)!;
      const legacy = tweet.legacy as Legacy;
      const views = (tweet.views as Obj | undefined)?.count;
      expect(post.metrics.views).toBe(views === undefined ? undefined : Number(views));
      if (legacy.retweeted_status_result) {
        expect(post.repostOf).toBe(legacy.retweeted_status_result.result.rest_id);
        expect(Object.keys(post.metrics)).toEqual(['views']);
        continue;
      }
      expect(post.repostOf).toBeNull();
      expect(post.metrics).toMatchObject({
        likes: legacy.favorite_count,
        reposts: legacy.retweet_count,
        quotes: legacy.quote_count,
        comments: legacy.reply_count,
        bookmarks: legacy.bookmark_count,
      });
      expect(post.metricsExact).toBe(true);
    }
  });

  it('reads the pinned post (TimelinePinEntry) with the values in the file', () => {
    expect(found.get('2019881223666233717')).toMatchObject({
      url: 'https://x.com/XDevelopers/status/2019881223666233717',
      authorId: '2244994945',
      authorHandle: 'XDevelopers',
      authorName: 'Developers',
      createdAt: '2026-02-06T21:09:45.000Z',
      createdAtApprox: false,
      metrics: { likes: 5569, reposts: 832, comments: 783, quotes: 573, bookmarks: 2810, views: 2525462 },
    });
  });

  it('spot values: an original post, a retweet and its original, a quote', () => {
    expect(found.get('2072126677535346779')?.metrics).toEqual({
      views: 175653,
      likes: 1050,
      reposts: 135,
      comments: 89,
      quotes: 43,
      bookmarks: 539,
    });
    expect(found.get('2083305234688803178')).toMatchObject({
      authorHandle: 'XDevelopers',
      repostOf: '2083289084567724316',
      metrics: { views: 2062 },
    });
    expect(found.get('2083289084567724316')).toMatchObject({
      authorHandle: 'benjitaylor',
      repostOf: null,
      metrics: { likes: 674, reposts: 31, comments: 44, quotes: 13, bookmarks: 117, views: 104358 },
    });
    expect(found.get('2082642493892628916')).toMatchObject({
      authorHandle: 'santiagomed',
      quoteOf: '2082640274845811115',
    });
    expect(found.get('2082640274845811115')?.metrics.likes).toBe(365);
  });

  it('an X Article post has format article and its title as text', () => {
    const article = found.get('2079756440722665849')!;
    expect(article.format).toBe('article');
    expect(article.authorHandle).toBe('XFreeze');
    expect(article.text.startsWith('Turn your X account into a programmable intelligence system')).toBe(true);
  });

  it('a long post (note_tweet) has its full text, not the 280-character cut', () => {
    const note = found.get('2077972969603621173')!;
    expect(note.text.startsWith('Using the X API to source leads.')).toBe(true);
    expect(note.text).toContain('@Scobleizer');
    expect(note.text.length).toBeGreaterThan(280);
  });

  it('the 2025+ user shape gives accounts (core.screen_name, relationship_counts, tweet_counts)', () => {
    const dev = accounts(extraction).find((a) => a.id === '2244994945');
    expect(dev).toMatchObject({ handle: 'XDevelopers', name: 'Developers', followersExact: true });
  });
});

describe('UserTweetsAndReplies and TweetDetail: nothing is lost in modules', () => {
  const cases: Array<[string, string, number]> = [
    [`${TW}raw_user_tweets_and_replies.json`, 'UserTweetsAndReplies', 39],
    [`${TW}raw_tweet_details.json`, 'TweetDetail', 37],
    [`${TW}raw_tweet_replies.json`, 'TweetDetail', 37],
    [`${TW}raw_tweet_thread.json`, 'TweetDetail', 37],
    [`${TW}manual_tweet_with_video_1.json`, 'TweetDetail', 11],
    [`${TH}UserTweetsAndReplies.json`, 'UserTweetsAndReplies', 4],
  ];
  for (const [path, endpoint, distinct] of cases) {
    it(`${path}: ${distinct} distinct tweet results, all extracted`, () => {
      const expected = naiveTweets(fixtureJson(X + path));
      const found = byId(extractFixture(path, endpoint));
      expect(expected.size).toBe(distinct);
      expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    });
  }

  it('TweetDetail focal post and a reply with an animated GIF', () => {
    const found = byId(extractFixture(`${TW}raw_tweet_details.json`, 'TweetDetail'));
    expect(found.get('1649191520250245121')).toMatchObject({
      authorHandle: 'XDevelopers',
      metrics: { likes: 426, bookmarks: 73, views: 979440 },
    });
    expect(found.get('1649263296434806785')).toMatchObject({ authorHandle: 'ashevat', format: 'video' });
    expect(found.get('1649191523697979392')?.links).toEqual(['https://developer.twitter.com/']);
    expect(found.get('1649593041966219264')?.hashtags).toEqual(['accessibility', 'SaveA11yBots']);
  });

  it('video post: views 3443243, format video', () => {
    const found = byId(extractFixture(`${TW}manual_tweet_with_video_1.json`, 'TweetDetail'));
    expect(found.get('1671508600538161153')).toMatchObject({
      authorHandle: 'TheFigen_',
      format: 'video',
      metrics: { likes: 30817, bookmarks: 3167, views: 3443243 },
    });
    // June 2023 replies predate bookmark_count in this payload: absent, not 0.
    expect(found.get('1671508958299713538')?.metrics.bookmarks).toBeUndefined();
  });
});

describe('regression fixtures', () => {
  it('_issue_42: a retweet wrapper is its own post with repostOf; the original is a separate record', () => {
    const extraction = extractFixture(`${TW}_issue_42.json`, 'UserTweets');
    const found = byId(extraction);
    expect(found.get('1665951747842641921')).toMatchObject({
      authorHandle: '_AVICINTL',
      repostOf: '1665863576060575744',
      metrics: {},
      createdAt: '2023-06-06T05:20:23.000Z',
    });
    expect(found.get('1665863576060575744')).toMatchObject({
      authorHandle: 'ChinaDaily',
      format: 'video',
      repostOf: null,
      metrics: { likes: 27, reposts: 10, comments: 4, quotes: 5, bookmarks: 0, views: 5188 },
    });
    expect(accounts(extraction).find((a) => a.handle === 'ChinaDaily')).toMatchObject({
      id: '87775422',
      followers: 4161285,
      following: 568,
      posts: 204098,
    });
  });

  it('card_audiospace: views {state: "Enabled"} without count leaves views absent; Spaces are live', () => {
    const found = byId(extractFixture(`${TW}card_audiospace.json`, 'TweetDetail'));
    const wrapper = found.get('1789054061729173804')!;
    expect(wrapper.metrics.views).toBeUndefined();
    expect('views' in wrapper.metrics).toBe(false);
    expect(found.get('1789053970587271232')).toMatchObject({
      format: 'live',
      metrics: { likes: 108, bookmarks: 9, views: 121718 },
      links: ['https://twitter.com/i/spaces/1vOxwjaWEbdJB'],
    });
  });

  it('card_broadcast: a broadcast card is a live post', () => {
    const found = byId(extractFixture(`${TW}card_broadcast.json`, 'TweetDetail'));
    expect(found.get('1790441814857826439')).toMatchObject({
      format: 'live',
      metrics: { likes: 240, bookmarks: 41, views: 256819 },
    });
    expect(found.get('1790442867787284562')?.format).toBe('text');
  });

  it('card_summary: 5 posts, a video and a text post', () => {
    const found = byId(extractFixture(`${TW}card_summary.json`, 'TweetDetail'));
    expect(found.size).toBe(5);
    expect(found.get('1779861744510189910')).toMatchObject({
      format: 'video',
      metrics: { likes: 29017, views: 4138589 },
    });
    expect(found.get('1696922210588410217')?.metrics).toMatchObject({
      likes: 184,
      bookmarks: 5,
      views: 1003602,
    });
  });

  it('_issue_28_1 / _issue_28_2: photos, quotes, missing view counts', () => {
    const a = byId(extractFixture(`${TW}_issue_28_1.json`, 'TweetDetail'));
    expect(a.get('1658407192859492355')).toMatchObject({
      format: 'image',
      hashtags: ['Sisu'],
      metrics: { likes: 60, views: 1110 },
    });
    expect(a.get('1658409412799737856')?.metrics.views).toBeUndefined();
    expect(a.get('1677037919880507392')?.quoteOf).toBe('1677035434214412289');
    const b = byId(extractFixture(`${TW}_issue_28_2.json`, 'TweetDetail'));
    expect(b.get('1658421690001502208')?.metrics.views).toBe(67);
    expect(b.get('1676697529461743622')).toMatchObject({
      format: 'video',
      metrics: { likes: 9694, views: 973266 },
    });
  });
});

describe('users', () => {
  it('UserByScreenName 2025+ shape (raw_user_by_login): followers 695695 from relationship_counts', () => {
    const extraction = extractFixture(`${TW}raw_user_by_login.json`, 'UserByScreenName');
    expect(extraction.records).toEqual([
      {
        kind: 'account',
        platform: 'x',
        id: '2244994945',
        handle: 'XDevelopers',
        name: 'Developers',
        followers: 695695,
        following: 762,
        posts: 4319,
        followersExact: true,
        bio: 'The voice of the X Dev team and your official source for updates, news, and events, related to the X API.',
        location: '127.0.0.1',
      },
    ]);
  });

  it('UserByScreenName legacy shape (trevorhobenshield): user.legacy counts', () => {
    const extraction = extractFixture(`${TH}UserByScreenName.json`, 'UserByScreenName');
    expect(accounts(extraction)).toEqual([
      {
        kind: 'account',
        platform: 'x',
        id: '1720046887',
        handle: 'ilyasut',
        name: 'Ilya Sutskever',
        followers: 168867,
        following: 2,
        posts: 1082,
        followersExact: true,
        bio: 'towards a plurality of humanity loving AGIs @openai',
        location: '',
      },
    ]);
  });

  it('about_profile (raw_user_about) has identity but no counts: counts absent', () => {
    const [account] = accounts(extractFixture(`${TW}raw_user_about.json`, 'UserByScreenName'));
    expect(account).toEqual({
      kind: 'account',
      platform: 'x',
      id: '2244994945',
      handle: 'XDevelopers',
      name: 'Developers',
      followersExact: true,
    });
  });

  it('TweetStats has no posts and is not a failure', () => {
    expect(extractFixture(`${TH}TweetStats.json`, 'TweetStats')).toEqual({ records: [], failures: [] });
  });
});

describe('2023 single entries (trevorhobenshield)', () => {
  it('Likes: no bookmark_count key in that shape, so bookmarks is absent', () => {
    const [post] = posts(extractFixture(`${TH}Likes.json`, 'Likes'));
    expect(post).toMatchObject({
      id: '1648782486736969728',
      authorHandle: 'AiEleuther',
      metrics: { likes: 169, views: 21491 },
    });
    expect('bookmarks' in post!.metrics).toBe(false);
    expect(post!.links).toEqual(['https://blog.eleuther.ai/transformer-math/']);
  });

  it('TweetResultByRestId: the post and the quoted OpenAI post', () => {
    const found = byId(extractFixture(`${TH}TweetResultByRestId.json`, 'TweetResultByRestId'));
    expect(found.get('1631001385985773570')).toMatchObject({
      authorHandle: 'ilyasut',
      quoteOf: '1630992406542970880',
      metrics: { likes: 121, views: 28899 },
    });
    expect(found.get('1630992406542970880')).toMatchObject({
      authorHandle: 'OpenAI',
      metrics: { likes: 11145, views: 2227432 },
    });
  });

  it('TweetDetail entry, UserTweets entry and UserMedia entry', () => {
    expect(
      byId(extractFixture(`${TH}TweetDetail.json`, 'TweetDetail')).get('1631001385985773570')?.metrics.views,
    ).toBe(28899);
    expect(
      byId(extractFixture(`${TH}UserTweets.json`, 'UserTweets')).get('1648726807301218305'),
    ).toMatchObject({
      authorHandle: 'karpathy',
      quoteOf: '1647434714947395585',
      metrics: { likes: 935, bookmarks: 513, views: 409371 },
    });
    expect(byId(extractFixture(`${TH}UserMedia.json`, 'UserMedia')).get('1647421539279851521')).toMatchObject(
      {
        format: 'image',
        metrics: { likes: 460, bookmarks: 81, views: 120254 },
      },
    );
  });
});

describe('defect: a tweet seen twice whose later copy alone holds its quote in full (issue 12)', () => {
  // Derived in the test from the REAL _issue_28_2.json (TweetDetail): its "Discover more" module holds
  // tweet 1676889656225411072 with the quoted 1676697529461743622 in full. The derivation adds an
  // EARLIER copy of that tweet (a timeline item before the module) whose quote is only the
  // `quotedRefResult` stub X sends, as on real captures where the same tweet appears twice.
  const QUOTING = '1676889656225411072';
  const QUOTED = '1676697529461743622';
  const derived = () => {
    const body = structuredClone(fixtureJson(`${X}${TW}_issue_28_2.json`)) as {
      data: { threaded_conversation_with_injections_v2: { instructions: Array<{ entries: Obj[] }> } };
    };
    const entries = body.data.threaded_conversation_with_injections_v2.instructions[0]!.entries;
    const module = entries.find((e) => String(e.entryId).startsWith('tweetdetailrelatedtweets-'))!;
    const later = (module.content as { items: Array<{ item: { itemContent: Obj } }> }).items[0]!.item
      .itemContent;
    const full = (later.tweet_results as { result: Obj }).result;
    const { quoted_status_result: _quote, ...earlierCopy } = structuredClone(full);
    earlierCopy.quotedRefResult = { result: { __typename: 'Tweet', rest_id: QUOTED } };
    entries.splice(entries.indexOf(module), 0, {
      entryId: `tweet-${QUOTING}`,
      sortIndex: '1',
      content: {
        entryType: 'TimelineTimelineItem',
        __typename: 'TimelineTimelineItem',
        itemContent: { ...later, tweet_results: { result: earlierCopy } },
      },
    });
    return body;
  };

  it('records the quoted tweet from the later copy, with its real values', () => {
    const body = derived();
    // The derivation is what the defect needs: the quote's only full copy comes after the stub.
    const text = JSON.stringify(body);
    expect(text.indexOf('quotedRefResult')).toBeLessThan(text.indexOf(`"rest_id":"${QUOTED}"`));
    const found = byId(
      xAdapter.extractJson('TweetDetail', body, ctx('https://x.com/i/api/graphql/h/TweetDetail')),
    );
    expect(found.get(QUOTING)?.quoteOf).toBe(QUOTED);
    expect(found.get(QUOTED)).toMatchObject({
      authorHandle: 'Erik_Urano',
      createdAt: '2023-07-05T21:00:17.000Z',
      metrics: { likes: 9694, reposts: 2289, comments: 123, quotes: 401, bookmarks: 0, views: 973266 },
    });
  });

  it('the derived body yields exactly the posts of the real file', () => {
    const real = byId(extractFixture(`${TW}_issue_28_2.json`, 'TweetDetail'));
    const withCopy = byId(
      xAdapter.extractJson('TweetDetail', derived(), ctx('https://x.com/i/api/graphql/h/TweetDetail')),
    );
    expect([...withCopy.keys()].sort()).toEqual([...real.keys()].sort());
  });
});

describe('unions, promoted items and failures (synthetic bodies, built in the test)', () => {
  const c = ctx('https://x.com/i/api/graphql/h/HomeTimeline');
  const user = { __typename: 'User', rest_id: '1', core: { screen_name: 'a', name: 'A' } };
  const tweet = (id: string) => ({
    __typename: 'Tweet',
    rest_id: id,
    core: { user_results: { result: user } },
    legacy: { full_text: `t${id}`, created_at: 'Fri Feb 06 21:09:45 +0000 2026', favorite_count: 3 },
  });
  const item = (result: unknown, extra: Obj = {}) => ({
    content: { itemContent: { __typename: 'TimelineTweet', tweet_results: { result }, ...extra } },
  });

  it('unwraps TweetWithVisibilityResults, skips tombstones and promoted items', () => {
    const body = {
      data: {
        home: {
          instructions: [
            {
              type: 'TimelineAddEntries',
              entries: [
                item({ __typename: 'TweetWithVisibilityResults', tweet: tweet('10') }),
                item({ __typename: 'TweetTombstone', tombstone: {} }),
                item(tweet('11'), { promotedMetadata: { advertiser_results: {} } }),
                item(tweet('10')),
              ],
            },
          ],
        },
      },
    };
    const extraction = xAdapter.extractJson('HomeTimeline', body, c);
    expect(posts(extraction).map((p) => p.id)).toEqual(['10']);
    expect(extraction.failures).toEqual([]);
  });

  it('an errors-only body is a failure, not a throw', () => {
    const extraction = xAdapter.extractJson(
      'UserTweets',
      { errors: [{ message: 'Rate limit exceeded' }] },
      c,
    );
    expect(extraction.records).toEqual([]);
    expect(extraction.failures).toEqual([
      { extractor: 'x.UserTweets', reason: 'X answered with errors and no data: Rate limit exceeded' },
    ]);
  });

  it('unexpected shapes give failures', () => {
    for (const body of [null, 'text', 42, { hello: 'world' }]) {
      const extraction = xAdapter.extractJson('UserTweets', body, c);
      expect(extraction.records).toEqual([]);
      expect(extraction.failures).toHaveLength(1);
    }
    // An empty timeline page is an answer, not a failure.
    expect(xAdapter.extractJson('UserTweets', { data: { user: {} } }, c).failures).toEqual([]);
  });

  it('a pathologically deep body is cut off with a failure', () => {
    let deep: Obj = { __typename: 'Tweet' };
    for (let i = 0; i < 500; i++) deep = { x: deep };
    const extraction = xAdapter.extractJson('UserTweets', { data: deep }, c);
    expect(extraction.records).toEqual([]);
    expect(extraction.failures[0]?.reason).toMatch(/deeper than/);
  });
});
