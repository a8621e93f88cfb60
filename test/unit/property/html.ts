/**
 * Hostile HTML for the DOM extractors: templates shaped like the markup each site's selectors read,
 * filled with hostile strings (unescaped, so quotes and "<" break the markup on purpose), and
 * text-level mutations (truncation, insertion, digit runs swapped) of real captured pages.
 */
import fc from 'fast-check';
import { HUGE } from './hostile';

/**
 * Strings that break markup, numbers, dates and URLs. No 1e6-character ones: happy-dom takes ~150 ms
 * to parse each, so they get their own deterministic test (HUGE_TEXTS) rather than hundreds of runs.
 */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        '0',
        '-1',
        '-5 Likes',
        '１２３',
        '1e5',
        'NaN',
        'Infinity',
        '1.2万',
        '100万+',
        '9007199254740991万',
        '99999999999999999999',
        '1,2 Mio.',
        '3.4亿次播放',
        '¥-199',
        '¥99999999999',
        '$1e308',
        '免费',
        '"><script>alert(1)</script>',
        "'><img src=x onerror=alert(1)>",
        'javascript:alert(1)',
        '//evil.example/',
        'data:text/html,x',
        'https://',
        '\u0000',
        '\ud800',
        '__proto__',
        'constructor',
        '2024-13-45T99:99:99Z',
        '+275760-09-13T00:00:00.001Z',
        '99999999999 years ago',
        '今天 99:99',
        'Tue Nov 26 10:00:00 +0800 2024',
        '<!--',
        ']]>',
        '</script>',
        '{"@type":"Course"',
      ),
    },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.stringMatching(/^[0-9.,万亿KMB+ ]{1,24}$/) },
    // Just past the record contract's caps: names 200, ids 64, text 25 000.
    { weight: 1, arbitrary: fc.constantFrom(65, 199, 201, 1000, 25_001).map((n) => 'W'.repeat(n)) },
  );

export const HUGE_TEXTS = ['a'.repeat(HUGE), '9'.repeat(HUGE), `${'1'.repeat(HUGE / 2)}万`];

type Template = (v: () => string) => string;

/** Markup shapes each DOM extractor reads (selectors from lib/sites/<site>/dom.ts, wap.ts, course/*). */
export const TEMPLATES: Record<'x' | 'youtube' | 'weibo' | 'course', Template[]> = {
  x: [
    (v) =>
      `<article data-testid="tweet" tabindex="0"><div data-testid="User-Name"><a href="/${v()}"><span>${v()}</span></a>` +
      `<div dir="ltr"><span>@${v()}</span></div></div><a href="/${v()}/status/${v()}"><time datetime="${v()}">${v()}</time></a>` +
      `<div data-testid="tweetText" lang="${v()}">${v()}<a href="${v()}">${v()}</a></div>` +
      `<div role="group" aria-label="${v()}"><button data-testid="reply" aria-label="${v()}"><span data-testid="app-text-transition-container">${v()}</span></button>` +
      `<button data-testid="retweet" aria-label="${v()} reposts"></button><button data-testid="like" aria-label="${v()} Likes"></button>` +
      `<a href="/${v()}/status/${v()}/analytics" aria-label="${v()} views"></a><button data-testid="bookmark" aria-label="${v()}"></button></div></article>`,
    (v) =>
      `<div role="link"><div data-testid="User-Name"><span>${v()}</span></div><time datetime="${v()}"></time><div data-testid="tweetText">${v()}</div></div>`,
    (v) =>
      `<div data-testid="twitterArticleReadView"><h1>${v()}</h1><time datetime="${v()}"></time><a href="/${v()}/article/${v()}">${v()}</a></div>`,
    (v) =>
      `<div class="tweet" data-tweet-id="${v()}" data-screen-name="${v()}" data-user-id="${v()}" data-name="${v()}"><span data-time-ms="${v()}"></span>` +
      `<p class="tweet-text js-tweet-text">${v()}<a href="${v()}">${v()}</a></p><div class="ProfileTweet-action--favorite"><span data-tweet-stat-count="${v()}">${v()}</span></div></div>`,
  ],
  youtube: [
    (v) =>
      `<ytd-watch-flexy video-id="${v()}"><ytd-watch-metadata><h1>${v()}</h1><div id="info"><span>${v()}</span></div>` +
      `<ytd-channel-name><a href="/@${v()}">${v()}</a></ytd-channel-name><like-button-view-model><button aria-label="${v()}">${v()}</button></like-button-view-model>` +
      `<div id="view-count">${v()}</div></ytd-watch-metadata></ytd-watch-flexy>`,
    (v) =>
      `<ytd-rich-item-renderer><ytd-rich-grid-media><a id="video-title-link" href="/watch?v=${v()}" title="${v()}" aria-label="${v()}">${v()}</a>` +
      `<div id="metadata-line"><span>${v()}</span><span>${v()}</span></div><ytd-channel-name><a href="/@${v()}">${v()}</a></ytd-channel-name>` +
      `<div class="badge-style-type-live-now">${v()}</div></ytd-rich-grid-media></ytd-rich-item-renderer>`,
    (v) =>
      `<yt-lockup-view-model><a class="yt-lockup-metadata-view-model__title" href="/shorts/${v()}">${v()}</a>` +
      `<span class="yt-content-metadata-view-model__metadata-text">${v()}</span><a href="/channel/${v()}">${v()}</a></yt-lockup-view-model>`,
    (v) =>
      `<ytm-shorts-lockup-view-model><a href="/shorts/${v()}">${v()}</a><div class="shortsLockupViewModelHostMetadataSubhead">${v()}</div></ytm-shorts-lockup-view-model>`,
    (v) => `<script>var ytInitialData = ${v()};</script>`,
    (v) =>
      `<script>window["ytInitialPlayerResponse"] = {"videoDetails":{"videoId":"${v()}","viewCount":"${v()}","title":"${v()}"}};</script>`,
  ],
  weibo: [
    (v) =>
      `<div class="c" id="M_${v()}"><div><a class="nk" href="https://weibo.cn/u/${v()}">${v()}</a><span class="ctt">${v()}</span></div>` +
      `<div><a href="https://weibo.cn/attitude/${v()}">赞[${v()}]</a><a href="https://weibo.cn/repost/${v()}">转发[${v()}]</a>` +
      `<a class="cc" href="https://weibo.cn/comment/${v()}">评论[${v()}]</a><span class="ct">${v()}</span></div></div>`,
    (v) =>
      `<title>${v()}的微博</title><div class="ut"><span class="ctt">${v()}</span></div><a href="/${v()}/info">资料</a>` +
      `<div class="tip2"><span class="tc">微博[${v()}]</span><a href="/${v()}/follow">关注[${v()}]</a><a href="/${v()}/fans">粉丝[${v()}]</a></div>` +
      `<input name="id" value="${v()}">`,
    (v) => `<script>var $render_data = [${v()}][0] || {};</script>`,
    (v) =>
      `<script>var $render_data = [{"status":{"id":"${v()}","mid":"${v()}","created_at":"${v()}","text":"${v()}",` +
      `"reposts_count":"${v()}","comments_count":"${v()}","attitudes_count":"${v()}","user":{"id":"${v()}","screen_name":"${v()}","followers_count":"${v()}"}}}][0] || {};</script>`,
  ],
  course: [
    (v) => `<script type="application/ld+json">${v()}</script>`,
    (v) =>
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Course","name":"${v()}","url":"${v()}",` +
      `"provider":{"@type":"Organization","name":"${v()}"},"offers":{"@type":"Offer","price":"${v()}","priceCurrency":"${v()}"},` +
      `"aggregateRating":{"ratingValue":"${v()}","bestRating":"${v()}","ratingCount":"${v()}"},"inLanguage":"${v()}","numberOfLessons":"${v()}"}</script>`,
    (v) =>
      `<div itemscope itemtype="https://schema.org/Course"><span itemprop="name">${v()}</span><span itemprop="price" content="${v()}">${v()}</span>` +
      `<meta itemprop="priceCurrency" content="${v()}"><meta itemprop="ratingValue" content="${v()}"><a itemprop="url" href="${v()}"></a></div>`,
    (v) =>
      `<meta property="og:title" content="${v()}"><meta property="og:url" content="${v()}"><meta property="product:price:amount" content="${v()}">` +
      `<meta property="product:price:currency" content="${v()}"><link rel="canonical" href="${v()}">`,
    (v) =>
      `<h1>${v()}</h1><span class="price">${v()}</span><del>${v()}</del><span>${v()} students</span><span>${v()} 人学习</span>`,
  ],
};

/** Every template of `site`, each slot filled by `fill`, `depth` divs deep. */
export function pageOf(site: keyof typeof TEMPLATES, fill: () => string, depth = 0): string {
  const body = TEMPLATES[site].map((t) => t(fill)).join('');
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}</body></html>`;
}

/** A page of several filled templates, sometimes wrapped in nesting, sometimes left unclosed. */
export const hostilePage = (site: keyof typeof TEMPLATES): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.nat(TEMPLATES[site].length - 1),
          fc.array(hostileText(), { minLength: 1, maxLength: 40 }),
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      // happy-dom parses 2 000 nested divs in ~2 s: deeper nesting has its own test.
      fc.constantFrom(0, 0, 0, 30),
      fc.boolean(),
      fc.constantFrom('', 'en', 'zh-CN', 'de', 'xx-@@'),
    )
    .map(([parts, depth, truncate, lang]) => {
      const body = parts
        .map(([t, values]) => {
          let i = 0;
          return (TEMPLATES[site][t] as Template)(() => values[i++ % values.length] as string);
        })
        .join('');
      const nested = `${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}`;
      const page = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${nested}</body></html>`;
      return truncate ? page.slice(0, Math.floor(page.length / 2)) : page;
    });

export interface TextEdit {
  at: number;
  op: 'truncate' | 'insert' | 'digits' | 'delete';
  text: string;
  len: number;
}

export const textEdits = (): fc.Arbitrary<TextEdit[]> =>
  fc.array(
    fc.record({
      at: fc.noBias(fc.nat()),
      op: fc.constantFrom('truncate', 'insert', 'insert', 'digits', 'digits', 'delete'),
      text: hostileText(),
      len: fc.nat(200),
    }),
    { minLength: 1, maxLength: 6 },
  );

/** Applies text edits to captured markup: cut it short, splice in hostile text, swap a digit run. */
export function editText(source: string, edits: TextEdit[]): string {
  let s = source;
  for (const e of edits) {
    const at = s.length ? e.at % s.length : 0;
    if (e.op === 'truncate') s = s.slice(0, at);
    else if (e.op === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
    else if (e.op === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
    else {
      // The next run of digits from `at` (a count, an id, a date) becomes the hostile text.
      const m = /\d+/.exec(s.slice(at));
      if (m) s = s.slice(0, at + m.index) + e.text + s.slice(at + m.index + m[0].length);
    }
  }
  return s;
}
