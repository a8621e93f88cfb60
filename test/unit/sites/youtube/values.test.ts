// @vitest-environment happy-dom
/**
 * Real values read from the fixtures (by hand, in the raw files) for each page kind, renderer and
 * locale, and the rules: exact stays exact, abbreviated is never passed off as exact, stale page
 * data is refused, unknown formats are failures rather than zeros.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../fixtures';
import {
  accounts,
  agoIso,
  courses,
  DAY,
  extractBody,
  extractHtml,
  extractInvidious,
  extractNewPipe,
  METASCRAPER,
  PYTUBE,
  post,
  posts,
} from './load';

const HOUR = 3_600_000;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

describe('watch page: player response (videoDetails, microformat)', () => {
  it('exact views, channel, handle and the publish time with its offset (iv MrBeast player)', () => {
    const p = post(extractInvidious('regular_mrbeast.player.json'), '2isYuQZMbdU');
    expect(p).toMatchObject({
      url: 'https://www.youtube.com/watch?v=2isYuQZMbdU',
      authorId: 'UCX6OQ3DkcsbYNE6H8uQQuVA',
      authorHandle: '@MrBeast',
      authorName: 'MrBeast',
      text: 'I Gave My 100,000,000th Subscriber An Island',
      createdAt: '2022-08-04T19:59:59.000Z', // "2022-08-04T12:59:59-07:00"
      createdAtApprox: false,
      format: 'video',
      metrics: { views: 220_226_287 },
      metricsExact: true,
    });
  });

  it('an upcoming live stream: format live, its placeholder "0" views left out, date-only publishDate approximate', () => {
    const p = post(extractInvidious('scheduled_live_PBD-Podcast.player.json'), 'N-yVic7BbY0');
    expect(p.format).toBe('live');
    expect(p.metrics).toEqual({});
    expect(p.createdAt).toBe('2023-02-27T12:00:00.000Z');
    expect(p.createdAtApprox).toBe(true);
    expect(p.authorHandle).toBe('@PBDPodcast');
  });

  it('the Shorts player (reel_item_watch) wraps the player response', () => {
    const p = post(
      extractNewPipe('youtubestreamextractorcollaborators__generated_mock_1.json', 'en-GB'),
      '3sbYbckT1VY',
    );
    // 696 s long: the Shorts player plays it, but it is not a Short.
    expect(p).toMatchObject({
      format: 'video',
      authorId: 'UC513PdAP2-jWkJunTh5kXRw',
      authorName: 'CrunchLabs',
    });
    expect(p.metrics).toEqual({ views: 4_821_905 });
  });

  it('player without microformat: exact views, no date', () => {
    const p = post(
      extractNewPipe('youtubestreamextractordefault__descriptionpewdiepie__generated_mock_3.json', 'en-GB'),
      '7PIMiDcwNvc',
    );
    expect(p).toMatchObject({
      metrics: { views: 41_613_592 },
      createdAt: null,
      authorId: 'UC-lHJZR3Gqxm24_Vd_AJ5Yw',
    });
  });
});

describe('watch page: next response (primary info, like button, comments, owner)', () => {
  it('en: full views, likes from the button label; the abbreviated comments "228K" are marked, not demoting exact counts', () => {
    const e = extractInvidious('regular_mrbeast.next.json');
    const p = post(e, '2isYuQZMbdU');
    expect(p.metrics).toEqual({ views: 220_226_287, likes: 6_870_691, comments: 228_000 });
    expect(p.metricsExact).toBe(false);
    expect(p.approx).toEqual(['comments']);
    expect(p.createdAt).toBe('2022-08-04T12:00:00.000Z'); // "Aug 4, 2022", day precision
    expect(p.createdAtApprox).toBe(true);
    expect(accounts(e)).toEqual([
      {
        kind: 'account',
        platform: 'youtube',
        id: 'UCX6OQ3DkcsbYNE6H8uQQuVA',
        handle: '@MrBeast',
        name: 'MrBeast',
        followers: 320_000_000, // "320M subscribers"
        followersExact: false,
      },
    ]);
  });

  it('en: related compactVideoRenderer with full views and a relative date', () => {
    const p = post(extractInvidious('regular_mrbeast.next.json'), 'krsBRQbOPQ4');
    expect(p).toMatchObject({
      text: '$1 vs $250,000,000 Private Island!',
      authorId: 'UCX6OQ3DkcsbYNE6H8uQQuVA',
      metrics: { views: 230_617_484 }, // "230,617,484 views"
      metricsExact: true,
      createdAt: agoIso(8 * MONTH), // "8 months ago"
      createdAtApprox: true,
    });
  });

  it('en: shortsLockupViewModel on a watch page: title from the label, "36K views" approximate', () => {
    const p = post(extractInvidious('regular_mrbeast.next.json'), 'qp2mvXTGfL0');
    expect(p).toMatchObject({
      url: 'https://www.youtube.com/shorts/qp2mvXTGfL0',
      text: '🗿😱 #mrbeast #shorts #comedy #funny',
      format: 'short',
      metrics: { views: 36_000 },
      metricsExact: false,
      hashtags: ['mrbeast', 'shorts', 'comedy', 'funny'],
    });
  });

  it('de-DE: "18.567.581 Aufrufe", "469.694" likes, "19.783" comments, "27.04.2021"', () => {
    const e = extractNewPipe('youtubecommentsextractor__localizedvotecount__generated_mock_2.json', 'de-DE');
    expect(post(e, 'QqsLTNkzvaY')).toMatchObject({
      text: 'What If You Fall into a Black Hole?',
      authorId: 'UCsXVk37bltHxD1rDPwtNM8Q',
      authorHandle: '@kurzgesagt',
      metrics: { views: 18_567_581, likes: 469_694, comments: 19_783 },
      metricsExact: true,
      createdAt: '2021-04-27T12:00:00.000Z',
    });
    // lockupViewModel related video: "13 Mio. Aufrufe", "vor 2 Jahren"
    expect(post(e, 'cFslUSyfZPc')).toMatchObject({
      text: 'What Happens If You Destroy A Black Hole?',
      authorName: 'Kurzgesagt – In a Nutshell',
      metrics: { views: 13_000_000 },
      metricsExact: false,
      createdAt: agoIso(2 * YEAR),
    });
    expect(accounts(e)[0]).toMatchObject({
      id: 'UCsXVk37bltHxD1rDPwtNM8Q',
      followers: 25_000_000,
      followersExact: false,
    });
  });

  it('a live stream: "10,226 watching now" is not views; format live; likes from the label', () => {
    const p = post(
      extractNewPipe('youtubestreamextractorlivestream__generated_mock_8.json', 'en-GB'),
      'X4VbdwhkE10',
    );
    expect(p).toMatchObject({
      format: 'live',
      metrics: { likes: 5366 },
      createdAt: '2026-06-04T12:00:00.000Z',
    });
    expect(p.metrics.views).toBeUndefined();
  });

  it('ratings disabled: the button says "Like", so likes are absent, not 0', () => {
    const p = post(
      extractNewPipe('youtubestreamextractordefault__ratingsdisabled__generated_mock_8.json', 'en-GB'),
      'it3OtbTxQk0',
    );
    expect(p.metrics).toEqual({ views: 46_409 });
  });

  it('a scheduled stream ("6 waiting", "Scheduled for Feb 28, 2023"): no views, no publish date yet', () => {
    const p = post(extractInvidious('scheduled_live_PBD-Podcast.next.json'), 'N-yVic7BbY0');
    expect(p).toMatchObject({ format: 'live', metrics: {}, createdAt: null });
  });

  it('en-GB related lockups: "1.5m"-style counts approximate, "Streamed …" items are live', () => {
    const e = extractNewPipe(
      'youtubestreamextractordefault__descriptionpewdiepie__generated_mock_8.json',
      'en-GB',
    );
    expect(post(e, '7PIMiDcwNvc').metrics).toEqual({
      views: 41_613_595,
      likes: 5_471_574,
      comments: 501_000,
    });
    expect(post(e, '7PIMiDcwNvc').approx).toEqual(['comments']);
    expect(post(e, 'tKOlGCqDowQ')).toMatchObject({
      text: "I'm a dad now",
      metrics: { views: 13_000_000 },
      metricsExact: false,
    });
  });
});

describe('watch page HTML: ytInitialPlayerResponse + ytInitialData merged into one record', () => {
  it('en (pytube): exact views from videoDetails, likes from the toggle button label, exact date-less publishDate', () => {
    const e = extractHtml(
      fixtureText(`${PYTUBE}yt-video-2lAe1cqCOXo.watch.html`),
      'https://www.youtube.com/watch?v=2lAe1cqCOXo',
    );
    expect(post(e, '2lAe1cqCOXo')).toMatchObject({
      authorId: 'UCBR8-60-B28hp2BmDPdntcQ',
      authorName: 'YouTube',
      metrics: { views: 115_965_063, likes: 3_485_266 },
      metricsExact: true,
      hashtags: ['YouTubeRewind'],
    });
    expect(accounts(e)[0]).toMatchObject({ id: 'UCBR8-60-B28hp2BmDPdntcQ', followers: 31_500_000 });
  });

  it('age-restricted (LOGIN_REQUIRED) still has its counts', () => {
    const e = extractHtml(
      fixtureText(`${PYTUBE}yt-video-irauhITDrsE.watch.html`),
      'https://www.youtube.com/watch?v=irauhITDrsE',
    );
    expect(post(e, 'irauhITDrsE').metrics).toEqual({ views: 714_918, likes: 19_038 });
  });

  it('es-ES: publishDate with offset wins over "14 abr 2017"; likes from "junto con otras 7373 personas"', () => {
    const e = extractHtml(
      fixtureText(`${METASCRAPER}youtube-video.html`),
      'https://www.youtube.com/watch?v=hwMkbaS_M_c',
    );
    expect(post(e, 'hwMkbaS_M_c')).toMatchObject({
      authorId: 'UCzcRQ3vRNr6fJ1A9rqFn7QA',
      authorHandle: '@OneMedia.',
      metrics: { views: 1_077_715, likes: 7373 },
      createdAt: '2017-04-14T16:02:38.000Z',
      createdAtApprox: false,
    });
    expect(accounts(e)[0]).toMatchObject({ followers: 4_690_000, followersExact: false }); // "4,69 M de suscriptores"
  });

  it('es-ES (2025 page): microformat likeCount and "159 visualizaciones"', () => {
    const e = extractHtml(
      fixtureText(`${METASCRAPER}youtube-title.html`),
      'https://www.youtube.com/watch?v=DIsktwOQZuU',
    );
    expect(post(e, 'DIsktwOQZuU')).toMatchObject({
      text: 'GBAF 2024 – Highlights',
      metrics: { views: 159, likes: 2 },
      createdAt: '2025-03-28T00:55:38.000Z',
    });
  });

  it('stale data after in-app navigation: no watch record, a "stale" failure', () => {
    const e = extractHtml(
      fixtureText(`${METASCRAPER}youtube-title.html`),
      'https://www.youtube.com/watch?v=2isYuQZMbdU',
    );
    expect(posts(e)).toEqual([]);
    expect(e.failures.length).toBeGreaterThan(0);
    for (const f of e.failures) expect(f.reason).toMatch(/^stale: .*DIsktwOQZuU.*2isYuQZMbdU/);
  });

  it('a watch page read while the URL is a channel is stale too', () => {
    const e = extractHtml(
      fixtureText(`${PYTUBE}yt-video-irauhITDrsE.watch.html`),
      'https://www.youtube.com/@MrBeast/videos',
    );
    expect(posts(e)).toEqual([]);
    expect(e.failures.map((f) => f.reason.slice(0, 6))).toEqual(['stale:', 'stale:']);
  });

  it('a channel page read while the URL is another channel is stale', () => {
    const e = extractHtml(
      fixtureText(`${PYTUBE}channel-videos.html`),
      'https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA',
    );
    expect(e.records).toEqual([]);
    expect(e.failures[0]?.reason).toMatch(/^stale: ytInitialData describes channel UCs6nmQViDpUw0nuIx9c_WvA/);
  });
});

describe('channel pages', () => {
  it('home (pageHeaderViewModel + richItemRenderer > videoRenderer): full views exact, the account approximate', () => {
    const e = extractNewPipe('youtubechannelextractor__kurzgesagt__generated_mock_2.json', 'en-GB');
    expect(post(e, 'D0WQK7cMJn8')).toMatchObject({
      text: 'We Made A New Channel!',
      authorId: 'UCsXVk37bltHxD1rDPwtNM8Q',
      authorHandle: '@kurzgesagt',
      authorName: 'Kurzgesagt – In a Nutshell',
      metrics: { views: 1_545_374 }, // "1,545,374 views", short "1.5m views"
      metricsExact: true,
      createdAt: agoIso(10 * DAY), // "10 days ago"
      createdAtApprox: true,
    });
    expect(accounts(e)).toEqual([
      {
        kind: 'account',
        platform: 'youtube',
        id: 'UCsXVk37bltHxD1rDPwtNM8Q',
        handle: '@kurzgesagt',
        name: 'Kurzgesagt – In a Nutshell',
        followers: 25_000_000, // "25m subscribers"
        followersExact: false,
        posts: 337, // "337 videos"
      },
    ]);
  });

  it('Videos tab (richItemRenderer > lockupViewModel): "28 views", "13 days ago", channel from the page', () => {
    const e = extractNewPipe('youtubechanneltabextractor__videos__generated_mock_3.json', 'en-GB');
    expect(post(e, 'BD-LB23rRBE')).toMatchObject({
      authorId: 'UCTwECeGqMZee77BjdoYtI2Q',
      authorHandle: '@creativecommons',
      authorName: 'Creative Commons',
      metrics: { views: 28 },
      metricsExact: true,
      createdAt: agoIso(13 * DAY),
    });
    expect(accounts(e)[0]).toMatchObject({ id: 'UCTwECeGqMZee77BjdoYtI2Q', followers: 8840, posts: 258 });
  });

  it('Shorts tab (shortsLockupViewModel): "895k views" approximate, no date', () => {
    const e = extractNewPipe('youtubechanneltabextractor__shorts__generated_mock_2.json', 'en-GB');
    expect(post(e, 'l-X5WbDSH2o')).toMatchObject({
      url: 'https://www.youtube.com/shorts/l-X5WbDSH2o',
      text: 'Packing lunch for my special roommate',
      format: 'short',
      authorId: 'UCh8gHdtzO2tXd593_bjErWg',
      authorHandle: '@Doobydobap',
      metrics: { views: 895_000 },
      metricsExact: false,
      createdAt: null,
    });
    for (const p of posts(e)) expect(p.metricsExact).toBe(false);
  });

  it('pytube channel /videos (c4TabbedHeaderRenderer + gridVideoRenderer)', () => {
    const e = extractHtml(
      fixtureText(`${PYTUBE}channel-videos.html`),
      'https://www.youtube.com/c/ProgrammingKnowledge/videos',
    );
    expect(post(e, 't_xLpJo_35k')).toMatchObject({
      authorId: 'UCs6nmQViDpUw0nuIx9c_WvA',
      authorName: 'ProgrammingKnowledge',
      metrics: { views: 1639 }, // "1,639 views"
      metricsExact: true,
      createdAt: agoIso(2 * DAY),
    });
    expect(accounts(e)[0]).toMatchObject({
      id: 'UCs6nmQViDpUw0nuIx9c_WvA',
      followers: 1_380_000,
      followersExact: false,
    });
  });

  it('es-ES channel (shelfRenderer > gridVideoRenderer): "127.696 visualizaciones" is exact', () => {
    const e = extractHtml(
      fixtureText(`${METASCRAPER}youtube-channel.html`),
      'https://www.youtube.com/@OneMedia.',
    );
    expect(post(e, 'c31G0fKqHs8')).toMatchObject({
      text: 'MARMALADE Trailer (2024) Joe Keery',
      authorHandle: '@OneMedia.',
      metrics: { views: 127_696 },
      metricsExact: true,
    });
    expect(accounts(e)[0]).toMatchObject({ id: 'UCzcRQ3vRNr6fJ1A9rqFn7QA', followers: 4_690_000 });
  });
});

describe('search results', () => {
  const e = extractNewPipe('youtubesearchextractor__shortformcontent__generated_mock_2.json', 'en-GB');

  it('videoRenderer: channel from the byline, "15,260 views" exact, "1 day ago"', () => {
    expect(post(e, '3NHftLP8hcg')).toMatchObject({
      authorId: 'UCE5rBWLmUEfQmKn_-bb9D5Q',
      authorHandle: '@lidirode',
      authorName: 'LiDiRo Reagiert',
      metrics: { views: 15_260 },
      createdAt: agoIso(DAY),
      hashtags: ['519', 'lidiro', 'shorts'],
    });
  });

  it('a Short in the results (reelWatchEndpoint) keeps its full count', () => {
    expect(post(e, 'JrRC57hrgs8')).toMatchObject({
      format: 'short',
      url: 'https://www.youtube.com/shorts/JrRC57hrgs8',
      authorHandle: '@MistiHappyLifestyle',
      metrics: { views: 2_571_811 },
      createdAt: agoIso(6 * DAY),
    });
  });

  it('a live result ("1,071 watching", LIVE_NOW badge): live, no views', () => {
    expect(post(e, 'VjwWKFXMgv8')).toMatchObject({ format: 'live', metrics: {} });
  });
});

describe('course playlists', () => {
  it('the header with a "Course" badge is a course record', () => {
    const e = extractNewPipe('youtubeplaylistextractor__courseplaylist__generated_mock_2.json', 'en-GB');
    expect(courses(e)).toEqual([
      {
        kind: 'course',
        url: 'https://www.youtube.com/playlist?list=PLWxziGKTUvQFIsbbFcTZz7jOT4TMGnZBh',
        title: 'C++ Template Metaprogramming',
        provider: 'YouTube',
        instructor: 'BitsOfQ',
        price: null,
        currency: null,
        source: 'site',
        lessons: 14,
        missing: ['price'],
      },
    ]);
  });

  it('lessons (playlistVideoRenderer, no byline): the owner\'s, "33k views • 4 years ago"', () => {
    const e = extractNewPipe('youtubeplaylistextractor__courseplaylist__generated_mock_3.json', 'en-GB');
    expect(post(e, 'VBI6TSo8Zog')).toMatchObject({
      text: 'Intro to Template Metaprogramming - Template Metaprogramming in C++ - E1',
      authorId: 'UCQCZ3qqDuojo9w9BrEE5nhw',
      authorHandle: '@bitsofq',
      metrics: { views: 33_000 },
      metricsExact: false,
      createdAt: agoIso(4 * YEAR),
    });
  });
});

describe('comment continuations hold comments, no videos', () => {
  const first = (file: string, locale: string) => {
    const e = extractNewPipe(file, locale);
    expect(e.failures).toEqual([]);
    expect(e.records.filter((r) => r.kind === 'post')).toEqual([]);
    const comments = e.records.filter((r) => r.kind === 'comment');
    expect(comments).toHaveLength(20);
    return new Map(comments.map((c) => [c.id, c]));
  };

  it('en-GB shows "19k" likes: approximate', () => {
    const found = first('youtubecommentsextractor__likesvotes__generated_mock_3.json', 'en-GB');
    expect(found.get('UgxDNsnHi5PyPNHDj6R4AaABAg')).toMatchObject({
      postId: 'QqsLTNkzvaY',
      authorHandle: '@kurzgesagt',
      metrics: { likes: 19000, replies: 436 },
      metricsExact: false,
    });
    expect(found.get('UgwjpPdzoYGcjYDcX114AaABAg')).toMatchObject({
      authorHandle: '@FPJourney',
      metrics: { likes: 499, replies: 2 },
      metricsExact: true,
    });
  });

  it('de-DE shows "19.924" likes: exact, with the German thousands dot', () => {
    const found = first('youtubecommentsextractor__localizedvotecount__generated_mock_3.json', 'de-DE');
    expect(found.get('UgxDNsnHi5PyPNHDj6R4AaABAg')).toMatchObject({
      metrics: { likes: 19924, replies: 436 },
      metricsExact: true,
      createdAtApprox: true,
    });
    expect(found.get('Ugzv190DkulihA9aH6J4AaABAg')).toMatchObject({
      authorHandle: '@mkbhd',
      metrics: { likes: 42218, replies: 463 },
    });
    // "vor 4 Jahren" counted back from the observation time (2026-11-27).
    expect(found.get('Ugzv190DkulihA9aH6J4AaABAg')!.createdAt!.slice(0, 4)).toBe('2022');
  });
});

describe('unknown formats are failures, never zeros', () => {
  const url = 'https://www.youtube.com/youtubei/v1/browse';
  const card = (viewCountText: string, publishedTimeText: string) => ({
    contents: [
      {
        videoRenderer: {
          videoId: 'aaaaaaaaaaa',
          title: { runs: [{ text: 'synthetic' }] },
          viewCountText: { simpleText: viewCountText },
          publishedTimeText: { simpleText: publishedTimeText },
        },
      },
    ],
  });

  it('"No views" is a real zero', () => {
    const e = extractBody(url, card('No views', '3 days ago'), 'en');
    expect(post(e, 'aaaaaaaaaaa')).toMatchObject({
      metrics: { views: 0 },
      metricsExact: true,
      createdAt: agoIso(3 * DAY),
    });
    expect(e.failures).toEqual([]);
  });

  it('an unreadable count and date are reported and left out', () => {
    const e = extractBody(url, card('lots of views', '3 fortnights ago'), 'en');
    expect(post(e, 'aaaaaaaaaaa').metrics).toEqual({});
    expect(post(e, 'aaaaaaaaaaa').createdAt).toBeNull();
    expect(e.failures.map((f) => f.reason)).toEqual([
      'videoRenderer: unreadable view count "lots of views"',
      'videoRenderer: unreadable date "3 fortnights ago"',
    ]);
  });

  it('a count with a digit but an unknown shape is a failure', () => {
    const e = extractBody(url, card('10万+ views', '3天前'), 'zh-CN');
    expect(post(e, 'aaaaaaaaaaa').metrics).toEqual({});
    expect(post(e, 'aaaaaaaaaaa').createdAt).toBe(agoIso(3 * DAY));
    expect(e.failures).toEqual([
      { extractor: 'youtube.browse', reason: 'videoRenderer: unreadable view count "10万+ views"' },
    ]);
  });

  it('a body that is not an object, or a broken layout, never throws', () => {
    expect(extractBody(url, 'oops', 'en').failures[0]?.reason).toBe('body is not a JSON object');
    expect(
      extractBody('https://www.youtube.com/youtubei/v1/player', { videoDetails: { videoId: 3 } }, 'en')
        .failures,
    ).toEqual([{ extractor: 'youtube.player', reason: 'player: no videoDetails.videoId' }]);
  });

  it('relative units: hours, weeks', () => {
    const e = extractBody(url, card('1.2M views', 'Streamed 2 weeks ago'), 'en');
    expect(post(e, 'aaaaaaaaaaa')).toMatchObject({
      format: 'live',
      metrics: { views: 1_200_000 },
      metricsExact: false,
      createdAt: agoIso(2 * WEEK),
    });
    expect(
      post(extractBody(url, card('12 million views', '5 hours ago'), 'en'), 'aaaaaaaaaaa').createdAt,
    ).toBe(agoIso(5 * HOUR));
  });
});
