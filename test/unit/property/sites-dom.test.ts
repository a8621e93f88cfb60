// @vitest-environment happy-dom
/**
 * Property tests of every SiteAdapter's extractDom (issue 7): hostile markup, edited real pages, and
 * pages embedding mutated real JSON never make it throw, and every record passes the contract.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Platform } from '../../../lib/records';
import { ADAPTERS } from '../../../lib/sites/index';
import { fixtureText } from '../fixtures';
import { assertExtraction, guardPrototypes, noThrow } from './contract';
import { mutate, mutations, runs } from './hostile';
import { editText, HUGE_TEXTS, hostilePage, pageOf, textEdits } from './html';

const NOW = new Date('2026-11-27T12:00:00Z');
const TIMEOUT = 60_000;

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** The whole document, or (as the live observer queues them) one element of it. */
const rootOf = (doc: Document, element: boolean): ParentNode =>
  element ? (doc.body?.firstElementChild ?? doc.body ?? doc) : doc;

const PAGE_URLS: Record<Platform, string[]> = {
  x: [
    'https://x.com/user/status/1',
    'https://x.com/user',
    'https://x.com/home',
    'https://twitter.com/i/web/status/1',
  ],
  youtube: [
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/@channel/videos',
    'https://www.youtube.com/shorts/abc',
    'https://www.youtube.com/playlist?list=PL1',
  ],
  weibo: [
    'https://weibo.cn/u/1669879400',
    'https://m.weibo.cn/status/4645748019299849',
    'https://weibo.com/1669879400',
  ],
};

const SITES = Object.keys(ADAPTERS) as Platform[];

guardPrototypes();

function check(site: Platform, doc: Document, url: string, element: boolean, what: string): void {
  const where = `${site}.extractDom on ${what}`;
  const locale = doc.documentElement?.lang || undefined;
  const result = noThrow(where, () =>
    ADAPTERS[site].extractDom(rootOf(doc, element), { url, now: NOW, locale }),
  );
  assertExtraction(result, site, where);
}

describe.each(SITES)('%s extractDom', (site) => {
  it(
    'every template filled with 1e6-character text, and nested 1 000 levels deep',
    () => {
      for (const huge of HUGE_TEXTS)
        check(site, parse(pageOf(site, () => huge)), PAGE_URLS[site][0] as string, false, 'huge text');
      check(site, parse(pageOf(site, () => '1', 1000)), PAGE_URLS[site][0] as string, false, 'deep nesting');
    },
    TIMEOUT,
  );

  it(
    'hostile markup shaped like the site’s own',
    () => {
      fc.assert(
        fc.property(
          hostilePage(site),
          fc.constantFrom(...PAGE_URLS[site]),
          fc.boolean(),
          (html, url, element) => {
            check(site, parse(html), url, element, 'hostile markup');
          },
        ),
        { numRuns: runs(60) },
      );
    },
    TIMEOUT,
  );
});

interface PageCase {
  site: Platform;
  file: string;
  url: string;
  runs: number;
}

/** Captured and labelled-synthetic pages, edited as text (MANIFEST.md of each platform). */
const PAGES: PageCase[] = [
  {
    site: 'x',
    file: 'twitter/mlamp__tweetyoink/x-tweet-sample.html',
    url: 'https://x.com/user/status/1',
    runs: 25,
  },
  { site: 'x', file: 'synthetic/x/profile-shell.html', url: 'https://x.com/user', runs: 40 },
  {
    site: 'youtube',
    file: 'synthetic/youtube/rendered-watch.html',
    url: 'https://www.youtube.com/watch?v=x',
    runs: 40,
  },
  {
    site: 'weibo',
    file: 'weibo/dataabc__weiboSpider/a4437630f3bdfa2757bae1595186ac063fe5ec25cf2f98116ece83cb.html',
    url: 'https://weibo.cn/u/1669879400',
    runs: 25,
  },
  {
    site: 'weibo',
    file: 'synthetic/weibo/m-weibo-cn-shell.html',
    url: 'https://m.weibo.cn/status/1',
    runs: 40,
  },
];

describe('extractDom on edited real pages', () => {
  it.each(PAGES.map((p) => [p.file.split('/').slice(-1)[0], p] as const))(
    '%s',
    (_name, p) => {
      const source = fixtureText(p.file);
      fc.assert(
        fc.property(textEdits(), fc.boolean(), (edits, element) => {
          check(p.site, parse(editText(source, edits)), p.url, element, `edited ${p.file}`);
        }),
        { numRuns: runs(p.runs) },
      );
    },
    TIMEOUT,
  );
});

/**
 * JSON a `<script>` can hold ("<" escaped, as the sites' own serialisers do). A 10 000-level body
 * overflows JSON.stringify itself, so such a case is discarded: no page could carry it.
 */
function scriptJson(v: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    fc.pre(false);
  }
  return (json ?? 'null').replace(/</g, '\\u003c');
}

describe('extractDom on pages embedding mutated real JSON', () => {
  it(
    'youtube ytInitialPlayerResponse and ytInitialData',
    () => {
      const player = fixtureText('youtube/iv-org__mocks/scheduled_live_PBD-Podcast.player.json');
      const playlist = (
        JSON.parse(
          fixtureText(
            'youtube/TeamNewPipe__NewPipeExtractor/youtubeplaylistextractor__courseplaylist__generated_mock_2.json',
          ),
        ) as { response: { responseBody: string } }
      ).response.responseBody;
      fc.assert(
        fc.property(mutations(), mutations(), fc.boolean(), (onPlayer, onData, withData) => {
          const p = scriptJson(mutate(JSON.parse(player), onPlayer));
          const d = withData ? scriptJson(mutate(JSON.parse(playlist), onData)) : '{}';
          const html =
            `<html lang="en"><body><script>var ytInitialPlayerResponse = ${p};</script>` +
            `<script>var ytInitialData = ${d};</script></body></html>`;
          check(
            'youtube',
            parse(html),
            'https://www.youtube.com/watch?v=N-yVic7BbY0',
            false,
            'mutated embedded JSON',
          );
        }),
        { numRuns: runs(25) },
      );
    },
    TIMEOUT,
  );

  it(
    'weibo $render_data',
    () => {
      const show = fixtureText('weibo/gottaegbert__weiboAPI/response.js__retweet01.status.json');
      fc.assert(
        fc.property(mutations(), (edits) => {
          const status = mutate((JSON.parse(show) as { data: unknown }).data, edits);
          const html = `<html><body><script>var $render_data = [{"status": ${scriptJson(status)}}][0] || {};</script></body></html>`;
          check(
            'weibo',
            parse(html),
            'https://m.weibo.cn/status/4383411844046171',
            false,
            'mutated $render_data',
          );
        }),
        { numRuns: runs(60) },
      );
    },
    TIMEOUT,
  );
});
