import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpointOf, X_HOOK_PATTERN } from '../../../../lib/sites/x/endpoints';
import { fixtureJson } from '../../fixtures';

describe('X_HOOK_PATTERN and endpointOf', () => {
  const hook = new RegExp(X_HOOK_PATTERN);

  it('matches the operation name on x.com, twitter.com and relative URLs, whatever the query hash', () => {
    const cases: Array<[string, string]> = [
      ['https://x.com/i/api/graphql/q6xj5bs0hapm9309hexA_g/UserTweets?variables=%7B%7D', 'UserTweets'],
      [
        'https://twitter.com/i/api/graphql/6hvhmQQ9zPIR8RZWHFAm4w/UserTweetsAndReplies?x=1',
        'UserTweetsAndReplies',
      ],
      ['/i/api/graphql/xd_EMdYvB9hfZsZ6Idri0w/TweetDetail?variables=%7B%7D', 'TweetDetail'],
      ['https://x.com/i/api/graphql/7xflPyRiUxGVbJd4uWmbfg/TweetResultByRestId', 'TweetResultByRestId'],
      ['https://x.com/i/api/graphql/abc/TweetResultsByRestIds?v=1', 'TweetResultsByRestIds'],
      ['https://x.com/i/api/graphql/abc/UserMedia?v=1', 'UserMedia'],
      ['https://x.com/i/api/graphql/abc/HomeTimeline', 'HomeTimeline'],
      ['https://x.com/i/api/graphql/abc/HomeLatestTimeline', 'HomeLatestTimeline'],
      ['https://x.com/i/api/graphql/abc/SearchTimeline?q=1', 'SearchTimeline'],
      ['https://x.com/i/api/graphql/abc/Likes?v=1', 'Likes'],
      ['https://x.com/i/api/graphql/abc/Bookmarks?v=1', 'Bookmarks'],
      ['https://x.com/i/api/graphql/abc/ListLatestTweetsTimeline?v=1', 'ListLatestTweetsTimeline'],
      ['https://x.com/i/api/graphql/abc/CommunityTweetsTimeline?v=1', 'CommunityTweetsTimeline'],
      ['https://x.com/i/api/graphql/abc/CommunityMediaTimeline?v=1', 'CommunityMediaTimeline'],
      ['https://x.com/i/api/graphql/1VOOyvKkiI3FMmkeDNxM9A/UserByScreenName?v=1', 'UserByScreenName'],
      ['https://x.com/i/api/graphql/abc/UserByRestId', 'UserByRestId'],
    ];
    for (const [url, op] of cases) {
      expect(hook.test(url), url).toBe(true);
      expect(endpointOf(url), url).toBe(op);
    }
  });

  it('does not match other operations, prefixes of names, or other hosts', () => {
    for (const url of [
      'https://x.com/i/api/graphql/abc/Followers?v=1',
      'https://x.com/i/api/graphql/abc/UserTweetsX?v=1',
      'https://x.com/i/api/graphql/abc/CreateTweet',
      'https://x.com/i/api/graphql/abc/DMInboxTimeline',
      'https://evil.example/i/api/graphql/abc/UserTweets',
      'https://x.com.evil.example/i/api/graphql/abc/UserTweets',
      'https://x.com/home',
    ]) {
      expect(hook.test(url), url).toBe(false);
      expect(endpointOf(url), url).toBeNull();
    }
  });

  it('labels the twscrape fixtures by their operation names (__meta.json)', () => {
    const meta = fixtureJson('twitter/vladkens__twscrape/__meta.json') as Record<string, [string, string]>;
    const ops = Object.fromEntries(
      Object.entries(meta).map(([name, [path]]) => [
        name,
        endpointOf(`https://x.com/i/api/graphql/${path}?v=1`),
      ]),
    );
    expect(ops).toMatchObject({
      tweet_details: 'TweetDetail',
      tweet_replies: 'TweetDetail',
      search: 'SearchTimeline',
      list_timeline: 'ListLatestTweetsTimeline',
      community_tweets: 'CommunityTweetsTimeline',
      followers: null,
      retweeters: null,
    });
  });

  it('maps the REST v1.1 and v2 APIs to shape ids', () => {
    expect(endpointOf('https://api.twitter.com/1.1/statuses/user_timeline.json?screen_name=a')).toBe(
      'v1.statuses',
    );
    expect(endpointOf('https://api.twitter.com/1.1/search/tweets.json?q=a')).toBe('v1.statuses');
    expect(endpointOf('https://api.twitter.com/1.1/users/show.json?screen_name=a')).toBe('v1.users');
    expect(endpointOf('https://api.x.com/2/tweets/search/recent?query=a')).toBe('v2.tweets');
    expect(endpointOf('https://api.twitter.com/2/tweets/1/quote_tweets')).toBe('v2.tweets');
    expect(endpointOf('https://api.twitter.com/2/users/2244994945/tweets')).toBe('v2.tweets');
    expect(endpointOf('https://api.twitter.com/2/users/by/username/XDevelopers')).toBe('v2.users');
    expect(endpointOf('https://x.com/2/tweets')).toBeNull();
  });

  it('stays small and imports nothing (the MAIN-world hook bundles it)', () => {
    expect(X_HOOK_PATTERN.length).toBeLessThan(400);
    // vitest runs from the project root.
    const source = readFileSync('lib/sites/x/endpoints.ts', 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
