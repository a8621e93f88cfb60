// @vitest-environment happy-dom
/**
 * "Your accounts, recognised" (issue 14): the detectors that say which account the signed-in user is.
 * X: real captures (gym0915__LineLens, two x.com pages saved while signed in as steve830915).
 * YouTube and Weibo: synthetic inputs (test/fixtures/synthetic/*\/README.md say why), plus real
 * signed-out captures that must yield no such fact.
 */
import { describe, expect, it } from 'vitest';
import type { AccountRecord, Extraction } from '../../../../lib/records';
import { weiboAdapter } from '../../../../lib/sites/weibo';
import { xAdapter } from '../../../../lib/sites/x';
import { youtubeAdapter } from '../../../../lib/sites/youtube';
import { viewerOwnsChannel } from '../../../../lib/sites/youtube/owner';
import { ctx, fixtureDocument, fixtureJson } from '../../fixtures';

const owners = (extraction: Extraction): AccountRecord[] =>
  extraction.records.filter((r): r is AccountRecord => r.kind === 'account' && r.viewerIsOwner === true);

describe('X: the signed-in account from __INITIAL_STATE__ (real captures)', () => {
  const pages = [
    [
      'twitter/gym0915__LineLens/火山引擎即将上线 API！Seedance 2.0 除了打斗还可以做什么？.html',
      'https://x.com/ring_hyacinth/status/2022543578803962302',
    ],
    [
      'twitter/gym0915__LineLens/为啥 Gemini 新 UI 和 ChatGPT 几乎一模一样？.html',
      'https://x.com/hwwaanng/status/2056919573778292757',
    ],
  ] as const;
  for (const [file, url] of pages) {
    it(`names steve830915 on ${url}`, () => {
      const found = owners(xAdapter.extractDom(fixtureDocument(file), ctx(url)));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        kind: 'account',
        platform: 'x',
        id: '1791811076000223233',
        handle: 'steve830915',
        name: 'steve',
        followersExact: true,
        viewerIsOwner: true,
      });
    });
  }

  it('the Seedance page: the viewer’s own counts from the same state', () => {
    const file = 'twitter/gym0915__LineLens/火山引擎即将上线 API！Seedance 2.0 除了打斗还可以做什么？.html';
    const [me] = owners(xAdapter.extractDom(fixtureDocument(file), ctx('https://x.com/')));
    expect(me).toMatchObject({ followers: 4, following: 258, posts: 4 });
  });

  it('a queued subtree of the page is not the page: no viewer from an element', () => {
    const doc = fixtureDocument(
      'twitter/gym0915__LineLens/火山引擎即将上线 API！Seedance 2.0 除了打斗还可以做什么？.html',
    );
    expect(owners(xAdapter.extractDom(doc.body, ctx('https://x.com/')))).toEqual([]);
  });

  it('real signed-out pages name nobody', () => {
    for (const file of [
      'twitter/microlinkhq__metascraper/tweet.html',
      'twitter/postlight__parser/twitter.com.html',
    ]) {
      const extraction = xAdapter.extractDom(fixtureDocument(file), ctx('https://twitter.com/'));
      // The pages are read (their posts come out), and name no signed-in viewer.
      expect(extraction.records.length, file).toBeGreaterThan(0);
      expect(owners(extraction), file).toEqual([]);
    }
  });

  it('SYNTHETIC: a state whose text holds ";window." inside a string is still read to its end', () => {
    const script =
      'window.__INITIAL_STATE__={"entities":{"users":{"entities":{"7":{"id_str":"7","screen_name":"a;window.b","name":"A"}}}},' +
      '"session":{"user_id":"7"}};window.__META_DATA__={"isLoggedIn":true};';
    const doc = new DOMParser().parseFromString(`<script>${script}</script>`, 'text/html');
    expect(owners(xAdapter.extractDom(doc, ctx('https://x.com/')))).toEqual([
      expect.objectContaining({ id: '7', handle: 'a;window.b', name: 'A', viewerIsOwner: true }),
    ]);
  });

  it('SYNTHETIC: a state without session.user_id (signed out) or with a broken literal names nobody', () => {
    const page = (script: string) =>
      new DOMParser().parseFromString(`<script>${script}</script>`, 'text/html');
    const guest = 'window.__INITIAL_STATE__={"session":{"guestId":"177811838261146537","isLoaded":true}};';
    expect(owners(xAdapter.extractDom(page(guest), ctx('https://x.com/')))).toEqual([]);
    expect(
      owners(
        xAdapter.extractDom(
          page('window.__INITIAL_STATE__={"session":{"user_id":"1"'),
          ctx('https://x.com/'),
        ),
      ),
    ).toEqual([]);
  });
});

describe('YouTube: the channel header links into Studio for its own channel', () => {
  it('SYNTHETIC own channel (browse response): the channel account is the viewer’s', () => {
    const body = fixtureJson('synthetic/youtube/own-channel-browse.json');
    const found = owners(
      youtubeAdapter.extractJson('browse', body, {
        ...ctx('https://www.youtube.com/youtubei/v1/browse'),
        pageUrl: 'https://www.youtube.com/@coursepulse-test',
      }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        platform: 'youtube',
        id: 'UCcoursePulseTestChan001',
        handle: '@coursepulse-test',
        name: 'CoursePulse Test Channel',
        followers: 1200,
        posts: 37,
        viewerIsOwner: true,
      }),
    ]);
  });

  it('SYNTHETIC visited channel: a Studio link for another channel makes nobody the owner', () => {
    const body = fixtureJson('synthetic/youtube/visited-channel-browse.json');
    const extraction = youtubeAdapter.extractJson(
      'browse',
      body,
      ctx('https://www.youtube.com/youtubei/v1/browse'),
    );
    expect(owners(extraction)).toEqual([]);
    expect(extraction.records.some((r) => r.kind === 'account' && r.id === 'UCcoursePulseTestChan001')).toBe(
      true,
    );
  });

  it('real channel captures seen signed out (LOGGED_IN false) name no owner', () => {
    const channel = youtubeAdapter.extractDom(
      fixtureDocument('youtube/microlinkhq__metascraper/youtube-channel.html'),
      ctx('https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA'),
    );
    expect(owners(channel)).toEqual([]);
    const kurzgesagt = youtubeAdapter.extractJson(
      'browse',
      fixtureJson(
        'youtube/TeamNewPipe__NewPipeExtractor/youtubechannelextractor__kurzgesagt__generated_mock_2.json',
      ),
      ctx('https://www.youtube.com/youtubei/v1/browse'),
    );
    expect(owners(kurzgesagt)).toEqual([]);
  });

  it('only https Studio channel URLs of that exact id count', () => {
    const id = 'UCcoursePulseTestChan001';
    expect(viewerOwnsChannel({ a: [{ url: `https://studio.youtube.com/channel/${id}/videos` }] }, id)).toBe(
      true,
    );
    expect(viewerOwnsChannel({ url: `https://studio.youtube.com/channel/${id}x/videos` }, id)).toBe(false);
    expect(
      viewerOwnsChannel({ url: `https://evil.example/?https://studio.youtube.com/channel/${id}` }, id),
    ).toBe(false);
    expect(viewerOwnsChannel(undefined, id)).toBe(false);
  });
});

describe('Weibo: $CONFIG names the signed-in viewer (synthetic; other projects’ code only)', () => {
  it('uid and nick are the viewer, not the page owner (oid/onick)', () => {
    const extraction = weiboAdapter.extractDom(
      fixtureDocument('synthetic/weibo/config-signed-in.html'),
      ctx('https://weibo.com/u/1669879400'),
    );
    expect(owners(extraction)).toEqual([
      {
        kind: 'account',
        platform: 'weibo',
        id: '7700001234',
        handle: '学编程的小课堂',
        name: '学编程的小课堂',
        followersExact: true,
        viewerIsOwner: true,
      },
    ]);
  });

  it('signed out: nobody', () => {
    const extraction = weiboAdapter.extractDom(
      fixtureDocument('synthetic/weibo/config-signed-out.html'),
      ctx('https://weibo.com/u/1669879400'),
    );
    expect(owners(extraction)).toEqual([]);
  });
});

describe('Weibo: m.weibo.cn /api/config names the signed-in viewer by uid', () => {
  const url = 'https://m.weibo.cn/api/config';
  it('the body YaoZeyuan/stablog recorded from a signed-in session: uid 1728335761', () => {
    const extraction = weiboAdapter.extractJson(
      weiboAdapter.endpointOf(url)!,
      fixtureJson('weibo/YaoZeyuan__stablog/utils.ts__api_config.json'),
      ctx(url),
    );
    expect(extraction.failures).toEqual([]);
    expect(extraction.records).toEqual([
      {
        kind: 'account',
        platform: 'weibo',
        id: '1728335761',
        handle: '',
        name: '',
        followersExact: true,
        viewerIsOwner: true,
      },
    ]);
  });

  it('SYNTHETIC signed out (login false): nobody, and no failure', () => {
    const extraction = weiboAdapter.extractJson(
      'm/config',
      { preferQuickapp: 0, data: { login: false }, ok: 1 },
      ctx(url),
    );
    expect(extraction).toEqual({ records: [], failures: [] });
  });

  it('SYNTHETIC signed in without a uid: a failure, not a guess', () => {
    const extraction = weiboAdapter.extractJson(
      'm/config',
      { data: { login: true, st: 'x' }, ok: 1 },
      ctx(url),
    );
    expect(extraction.records).toEqual([]);
    expect(extraction.failures[0]?.reason).toBe('signed in, but no uid');
  });
});

describe('Weibo: the owner’s “编辑资料” on weibo.com/u/<uid> (synthetic; the task’s own-profile signal)', () => {
  const url = 'https://weibo.com/u/7700001234';
  it('the profile is the viewer’s: its uid, names left to the profile data', () => {
    const doc = fixtureDocument('synthetic/weibo/own-profile.html');
    expect(owners(weiboAdapter.extractDom(doc, ctx(url)))).toEqual([
      expect.objectContaining({ platform: 'weibo', id: '7700001234', viewerIsOwner: true }),
    ]);
    // The header arriving later as a subtree of the live page says the same.
    const header = doc.querySelector('.ProfileHeader_box1')!;
    expect(owners(weiboAdapter.extractDom(header, ctx(url))).map((a) => a.id)).toEqual(['7700001234']);
  });

  it('a visitor’s view (关注), another page, or another site names nobody', () => {
    const visited = fixtureDocument('synthetic/weibo/visited-profile.html');
    expect(owners(weiboAdapter.extractDom(visited, ctx(url)))).toEqual([]);
    const own = fixtureDocument('synthetic/weibo/own-profile.html');
    expect(owners(weiboAdapter.extractDom(own, ctx('https://weibo.com/7700001234/PBJVHg8Mz')))).toEqual([]);
    expect(owners(weiboAdapter.extractDom(own, ctx('https://evil.example/u/7700001234')))).toEqual([]);
  });
});
