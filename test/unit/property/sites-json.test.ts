/**
 * Property tests of every SiteAdapter's extractJson (issue 7): for every endpoint id the adapter
 * knows, arbitrary values, hostile recipes and mutated real bodies never make it throw, and every
 * record it returns passes the record contract.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../lib/records';
import { ADAPTERS } from '../../../lib/sites/index';
import { fixtureText } from '../fixtures';
import { assertExtraction, guardPrototypes, noThrow } from './contract';
import { hostile, locale, materialize, mutate, mutations, RECIPE_NAMES, runs } from './hostile';

const NOW = new Date('2026-11-27T12:00:00Z');
/** Generous: the runs are few, but the two shared cores are busy. */
const TIMEOUT = 60_000;

/** Every endpoint id each adapter's endpointOf can return (lib/sites/<site>/endpoints.ts), and an unknown one. */
const ENDPOINTS: Record<Platform, string[]> = {
  x: [
    'UserTweets',
    'UserTweetsAndReplies',
    'UserMedia',
    'UserByScreenName',
    'UserByRestId',
    'TweetDetail',
    'TweetResultByRestId',
    'TweetResultsByRestIds',
    'HomeTimeline',
    'HomeLatestTimeline',
    'SearchTimeline',
    'Likes',
    'Bookmarks',
    'ListLatestTweetsTimeline',
    'CommunityTweetsTimeline',
    'v1.statuses',
    'v1.users',
    'v2.tweets',
    'v2.users',
    'file',
  ],
  youtube: ['browse', 'next', 'player', 'search', 'reel', 'file'],
  weibo: [
    'ajax/statuses/mymblog',
    'ajax/statuses/show',
    'ajax/statuses/longtext',
    'ajax/statuses/repostTimeline',
    'ajax/statuses/buildComments',
    'ajax/feed/friendstimeline',
    'ajax/feed/groupstimeline',
    'ajax/profile/info',
    'm/container/getIndex',
    'm/statuses/show',
    'm/statuses/extend',
    'm/comments/hotflow',
    'file',
  ],
};

/** Each endpoint's URL as the hook sees it, so the adapter's URL-dependent paths run too. */
const urlOf = (site: Platform, endpoint: string): string =>
  site === 'x'
    ? endpoint.startsWith('v')
      ? `https://api.x.com/${endpoint.startsWith('v1') ? '1.1' : '2'}/${endpoint.endsWith('users') ? 'users/show.json' : 'tweets'}`
      : `https://x.com/i/api/graphql/h/${endpoint}`
    : site === 'youtube'
      ? `https://www.youtube.com/youtubei/v1/${endpoint === 'reel' ? 'reel/reel_item_watch' : endpoint}`
      : `https://${endpoint.startsWith('m/') ? 'm.weibo.cn' : 'weibo.com'}/${endpoint.replace(/^m\//, '')}?id=4645748019299849`;

const hostileUrl = (site: Platform, endpoint: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(urlOf(site, endpoint)) },
    fc.constantFrom(
      '',
      'not a url',
      'javascript:alert(1)',
      'https://evil.example/',
      `https://x.com/${'a'.repeat(5000)}`,
    ),
    fc.webUrl(),
  );

const SITES = Object.keys(ADAPTERS) as Platform[];

guardPrototypes();

describe.each(SITES)('%s extractJson on arbitrary values', (site) => {
  const adapter = ADAPTERS[site];

  it(
    'never throws and emits only contract records, for every endpoint and any value',
    () => {
      const endpoint = fc.constantFrom(...ENDPOINTS[site]);
      fc.assert(
        fc.property(
          endpoint.chain((e) => fc.tuple(fc.constant(e), hostileUrl(site, e))),
          hostile(),
          locale(),
          ([e, url], body, loc) => {
            const where = `${site}.extractJson(${e})`;
            const result = noThrow(where, () =>
              adapter.extractJson(e, materialize(body), { url, now: NOW, locale: loc }),
            );
            assertExtraction(result, site, where);
          },
        ),
        { numRuns: runs(200) },
      );
    },
    TIMEOUT,
  );

  it(
    'survives every hostile recipe (1e6-char strings, 10 000 levels, prototype keys) at every endpoint',
    () => {
      for (const e of ENDPOINTS[site]) {
        for (const recipe of RECIPE_NAMES) {
          const where = `${site}.extractJson(${e}, ${recipe})`;
          const url = urlOf(site, e);
          const body = materialize({ recipe });
          // Both as the body and as the one field an envelope is read from.
          for (const b of [body, { data: body }, { ok: 1, data: { list: [body], cards: [body] } }]) {
            assertExtraction(
              noThrow(where, () => adapter.extractJson(e, b, { url, now: NOW })),
              site,
              where,
            );
          }
        }
      }
    },
    TIMEOUT,
  );
});

interface FixtureCase {
  site: Platform;
  file: string;
  endpoint: string;
  url?: string;
  /** How to get the response body out of the file (NewPipe mocks wrap it; one Weibo item lacks its envelope). */
  unwrap?: (json: unknown) => unknown;
  runs: number;
}

const newPipe = (json: unknown) =>
  JSON.parse((json as { response: { responseBody: string } }).response.responseBody);
const T = 'twitter/';
const TREVOR = `${T}trevorhobenshield__twitter-api-client/example_responses.md__`;
const YT = 'youtube/';
const W = 'weibo/';

/** Real captured bodies, each fed to the endpoint it came from (MANIFEST.md of each platform). */
const FIXTURES: FixtureCase[] = [
  { site: 'x', file: `${TREVOR}UserTweets.json`, endpoint: 'UserTweets', runs: 60 },
  { site: 'x', file: `${TREVOR}UserTweetsAndReplies.json`, endpoint: 'UserTweetsAndReplies', runs: 40 },
  { site: 'x', file: `${TREVOR}TweetDetail.json`, endpoint: 'TweetDetail', runs: 60 },
  { site: 'x', file: `${TREVOR}TweetResultByRestId.json`, endpoint: 'TweetResultByRestId', runs: 60 },
  { site: 'x', file: `${TREVOR}UserByScreenName.json`, endpoint: 'UserByScreenName', runs: 100 },
  { site: 'x', file: `${TREVOR}Likes.json`, endpoint: 'Likes', runs: 60 },
  { site: 'x', file: `${TREVOR}UserMedia.json`, endpoint: 'UserMedia', runs: 60 },
  { site: 'x', file: `${T}vladkens__twscrape/_issue_42.json`, endpoint: 'file', runs: 40 },
  {
    site: 'x',
    file: `${T}vladkens__twscrape/raw_user_by_login.json`,
    endpoint: 'UserByScreenName',
    runs: 60,
  },
  { site: 'x', file: `${T}huginn__huginn/user_tweets.json`, endpoint: 'v1.statuses', runs: 60 },
  { site: 'x', file: `${T}huginn__huginn/one_tweet.json`, endpoint: 'v1.statuses', runs: 60 },
  {
    site: 'x',
    file: `${T}sns-sdks__python-twitter/tweet_quote_tweets_resp.json`,
    endpoint: 'v2.tweets',
    runs: 40,
  },
  {
    site: 'x',
    file: `${T}sns-sdks__python-twitter/search_tweets_query.json`,
    endpoint: 'v2.tweets',
    runs: 60,
  },
  {
    site: 'youtube',
    file: `${YT}iv-org__mocks/scheduled_live_PBD-Podcast.player.json`,
    endpoint: 'player',
    runs: 60,
  },
  {
    site: 'youtube',
    file: `${YT}pytube__pytube/yt-video-irauhITDrsE.vid_info.json`,
    endpoint: 'player',
    runs: 60,
  },
  {
    site: 'youtube',
    file: `${YT}TeamNewPipe__NewPipeExtractor/youtubeplaylistextractor__courseplaylist__generated_mock_2.json`,
    endpoint: 'browse',
    unwrap: newPipe,
    runs: 40,
  },
  {
    site: 'youtube',
    file: `${YT}TeamNewPipe__NewPipeExtractor/youtubesearchextractor__shortformcontent__generated_mock_2.json`,
    endpoint: 'search',
    unwrap: newPipe,
    runs: 12,
  },
  {
    site: 'youtube',
    file: `${YT}iv-org__mocks/scheduled_live_PBD-Podcast.next.json`,
    endpoint: 'next',
    runs: 8,
  },
  {
    site: 'weibo',
    file: `${W}cirplan__weiboBackup/README.md__getIndex_107603_sample.json`,
    endpoint: 'm/container/getIndex',
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}MountainDash__nonebot-bison/weibo_ak_list_0.json`,
    endpoint: 'm/container/getIndex',
    runs: 20,
  },
  {
    site: 'weibo',
    file: `${W}MountainDash__nonebot-bison/weibo_ak_profile.json`,
    endpoint: 'm/container/getIndex',
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}gottaegbert__weiboAPI/response.js__userInfo.getIndex_profile.json`,
    endpoint: 'm/container/getIndex',
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}gottaegbert__weiboAPI/response.js__retweet01.status.json`,
    endpoint: 'm/statuses/show',
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}gottaegbert__weiboAPI/response.js__statuses1.statuses_extend.json`,
    endpoint: 'm/statuses/extend',
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}MountainDash__nonebot-bison/weibo_detail_4645748019299849`,
    endpoint: 'm/statuses/extend',
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}huginn__huginn/one_weibo.json`,
    endpoint: 'ajax/feed/friendstimeline',
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}YaoZeyuan__stablog/new_weibo_api_com.d.ts__mymblog_item.json`,
    endpoint: 'ajax/statuses/mymblog',
    // SYNTHETIC envelope around the captured item, as in test/unit/sites/weibo/json.test.ts.
    unwrap: (json) => ({ ok: 1, data: { list: [(json as { item: unknown }).item] } }),
    runs: 60,
  },
  {
    site: 'weibo',
    file: `${W}AITuring__my-watermark/Lottry.tsx__tempData.repostTimeline.json`,
    endpoint: 'ajax/statuses/repostTimeline',
    runs: 10,
  },
];

describe('extractJson on mutated real bodies', () => {
  it.each(FIXTURES.map((f) => [f.file.split('/').slice(-1)[0], f] as const))(
    '%s',
    (_name, f) => {
      const text = fixtureText(f.file);
      const fresh = () => (f.unwrap ? f.unwrap(JSON.parse(text)) : JSON.parse(text));
      const adapter = ADAPTERS[f.site];
      // Mostly the endpoint the body came from; sometimes another one of the same site.
      const endpoint = fc.oneof(
        { weight: 3, arbitrary: fc.constant(f.endpoint) },
        fc.constantFrom(...ENDPOINTS[f.site]),
      );
      fc.assert(
        fc.property(mutations(), endpoint, locale(), (edits, e, loc) => {
          const body = mutate(fresh(), edits);
          const where = `${f.site}.extractJson(${e}) on mutated ${f.file}`;
          const url = f.url ?? urlOf(f.site, e);
          const result = noThrow(where, () => adapter.extractJson(e, body, { url, now: NOW, locale: loc }));
          assertExtraction(result, f.site, where);
        }),
        { numRuns: runs(f.runs) },
      );
      // The mutations must leave some bodies readable, or the record checks above would test nothing.
      // Counted on a fixed sample of the same generator, so the check does not hang on the run's seed.
      const sample = fc.sample(mutations(), { numRuns: f.runs, seed: 20261127 });
      const productive = sample.filter(
        (edits) =>
          adapter.extractJson(f.endpoint, mutate(fresh(), edits), {
            url: f.url ?? urlOf(f.site, f.endpoint),
            now: NOW,
          }).records.length > 0,
      ).length;
      expect(productive).toBeGreaterThan(f.runs / 10);
    },
    TIMEOUT,
  );
});
