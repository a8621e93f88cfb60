/**
 * Posts in the rendered page: the fallback for what the GraphQL copies did not deliver, and the way
 * saved pages are backfilled. Reads attributes and text only (never layout), so it can run on every
 * subtree the observer queues without forcing a reflow.
 *
 * Three renderers are handled:
 * - the current x.com React DOM: `article[data-testid="tweet"]`, counts in the action bar's labels;
 * - X Article read views (`[data-testid="twitterArticleReadView"]`), on their own or inside a tweet;
 * - the pre-2019 server-rendered twitter.com pages (`.tweet[data-tweet-id]`), which people still have
 *   saved (postlight and metascraper fixtures).
 */
import { parseCount } from '../../parse/count';
import type { ExtractContext, Extraction, MetricKey, Metrics, PostRecord } from '../../records';
import { parseButtonLabel, parseGroupLabel } from './action-labels';
import { hashtagList, httpLinks, isNativeId, name, postUrl, pruneMetrics, RecordSet, text } from './shared';
import { signedInAccount } from './viewer';

const EXTRACTOR = 'x.dom';
const TWEET = 'article[data-testid="tweet"]';
const ARTICLE_VIEW_ID = 'twitterArticleReadView';
const ARTICLE_VIEW = `[data-testid="${ARTICLE_VIEW_ID}"]`;
const LEGACY_TWEET = '.tweet[data-tweet-id]';

/** `/<handle>/status/<id>` (also absolute and with `/photo/1`, `/analytics`, … after it). */
const STATUS_PATH =
  /^(?:https?:\/\/(?:[\w-]+\.)?(?:x|twitter)\.com)?\/(\w{1,50})\/status\/(\d{1,25})(?:\/([\w]+))?/;

interface StatusLink {
  handle: string;
  id: string;
  /** "analytics", "photo", "quotes", … or undefined for the permalink itself. */
  sub?: string;
}

function statusOf(a: Element): StatusLink | null {
  const m = STATUS_PATH.exec(a.getAttribute('href') ?? '');
  return m?.[1] && m[2] ? { handle: m[1], id: m[2], sub: m[3] } : null;
}

/** Visible text with emoji, which X renders as `<img alt="😀">`; hidden link copies are skipped. */
function readText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (e.tagName === 'IMG') out += e.getAttribute('alt') ?? '';
        else if (!e.classList.contains('u-hidden') && e.getAttribute('aria-hidden') !== 'true') walk(e);
      }
    }
  };
  walk(el);
  return out.trim();
}

function isElement(root: ParentNode): root is Element {
  return typeof (root as Element).matches === 'function';
}

/** Elements matching `selector` in root, root itself included. */
function within(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (isElement(root) && root.matches(selector)) found.unshift(root);
  return found;
}

/** The action bar: the counts label and the reply/repost/like/bookmark/analytics controls. */
const ACTION_BAR = '[role="group"]';

/**
 * What belongs to one tweet: not inside a nested tweet article, and not inside the quoted tweet it
 * embeds (a `div[role="link"]` holding its own author line) — except an action bar there: a quoted
 * tweet never has one of its own on X, and some status pages render the outer tweet's inside the card.
 */
class Scope {
  private readonly quotes: Element[];
  /** Action bars inside the quoted card, which are this tweet's. */
  private readonly quotedBars: Element[];
  /** Tweets rendered inside this one (a conversation thread); their contents are theirs. */
  private readonly inner: Element[];

  constructor(
    readonly root: Element,
    nested: string,
  ) {
    this.quotes = [...root.querySelectorAll('div[role="link"]')].filter((q) =>
      q.querySelector('[data-testid="User-Name"]'),
    );
    this.inner = [...root.querySelectorAll(nested)];
    this.quotedBars = this.quotes.flatMap((q) => [...q.querySelectorAll(ACTION_BAR)]);
  }

  /** Most tweets hold neither a nested tweet nor a quote: then everything inside is their own. */
  owns(el: Element): boolean {
    if (this.inner.length === 0 && this.quotes.length === 0) return true;
    if (this.inner.some((tweet) => tweet !== el && tweet.contains(el))) return false;
    if (!this.quotes.some((q) => q.contains(el))) return true;
    return this.quotedBars.some((bar) => bar.contains(el));
  }

  private readonly found = new Map<string, Element[]>();
  private testIds: Map<string, Element[]> | undefined;

  /** Own matches, each selector queried once per tweet (querySelectorAll is most of the DOM cost). */
  all(selector: string): Element[] {
    let els = this.found.get(selector);
    if (!els) {
      els = [...this.root.querySelectorAll(selector)].filter((el) => this.owns(el));
      this.found.set(selector, els);
    }
    return els;
  }

  /** Own elements by `data-testid`, from one query of the tweet instead of one per lookup. */
  byTestId(id: string): Element[] {
    if (!this.testIds) {
      const map = new Map<string, Element[]>();
      for (const el of this.all('[data-testid]')) {
        const key = el.getAttribute('data-testid') ?? '';
        const list = map.get(key);
        if (list) list.push(el);
        else map.set(key, [el]);
      }
      this.testIds = map;
    }
    return this.testIds.get(id) ?? [];
  }

  /** The first own match, without testing every later one. */
  first(selector: string): Element | undefined {
    for (const el of this.root.querySelectorAll(selector)) if (this.owns(el)) return el;
    return undefined;
  }

  quoted(): Element | undefined {
    return this.quotes[0];
  }
}

// ---- counts --------------------------------------------------------------------------------------

const BUTTON_METRIC: Record<string, MetricKey> = {
  reply: 'comments',
  retweet: 'reposts',
  unretweet: 'reposts',
  like: 'likes',
  unlike: 'likes',
  bookmark: 'bookmarks',
  removeBookmark: 'bookmarks',
};

const ACTION_BAR_KEYS: MetricKey[] = ['comments', 'reposts', 'likes', 'bookmarks', 'views'];

interface Counts {
  metrics: Metrics;
  exact: boolean;
}

/**
 * Exact labels first (the group's, then each button's), and only for a count neither labels, the
 * visible compact text ("29.9K"), which makes the record approximate.
 */
function countsOf(scope: Scope, locale: string): Counts {
  const metrics: Metrics = {};
  let exact = true;
  const fill = (key: MetricKey, value: number, approximate: boolean) => {
    if (metrics[key] !== undefined) return;
    metrics[key] = value;
    if (approximate) exact = false;
  };
  for (const group of scope.all('[role="group"][aria-label]')) {
    const parsed = parseGroupLabel(group.getAttribute('aria-label') ?? '', locale);
    for (const [key, value] of Object.entries(parsed.values) as Array<[MetricKey, number]>) {
      fill(key, value, parsed.approximate);
    }
  }
  // The group label usually names every count: then the buttons have nothing to add.
  if (ACTION_BAR_KEYS.every((key) => metrics[key] !== undefined))
    return { metrics: pruneMetrics(metrics), exact };
  const controls: Array<[MetricKey, Element]> = [];
  for (const [testId, key] of Object.entries(BUTTON_METRIC)) {
    for (const button of scope.byTestId(testId)) controls.push([key, button]);
  }
  for (const link of scope.all('a[href*="/status/"]'))
    if (statusOf(link)?.sub === 'analytics') controls.push(['views', link]);
  for (const [key, control] of controls) {
    const parsed = parseButtonLabel(control.getAttribute('aria-label') ?? '', locale);
    if (parsed) fill(key, parsed.value, parsed.approximate);
  }
  const visible = (el: Element) => el.querySelector('[data-testid="app-text-transition-container"]');
  for (const [key, control] of controls) {
    const parsed = parseCount(readText(visible(control)), locale);
    if (parsed && !parsed.lowerBound) fill(key, parsed.value, parsed.approximate);
  }
  // A focal post shows "29.9K Views" beside its time, outside the action bar.
  if (metrics.views === undefined) {
    const outside = scope.byTestId('app-text-transition-container').find((el) => !el.closest(ACTION_BAR));
    const parsed = parseCount(readText(outside), locale);
    if (parsed && !parsed.lowerBound) fill('views', parsed.value, parsed.approximate);
  }
  return { metrics: pruneMetrics(metrics), exact };
}

// ---- current x.com -------------------------------------------------------------------------------

function permalinkOf(scope: Scope): StatusLink | null {
  const links = scope.all('a[href*="/status/"]');
  const withTime = links.find((a) => a.querySelector('time'));
  const chosen = withTime ?? links.find((a) => !statusOf(a)?.sub) ?? links[0];
  return chosen ? statusOf(chosen) : null;
}

function isoTime(el: Element | undefined): string | null {
  const raw = el?.getAttribute('datetime');
  if (!raw) return null;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function formatIn(scope: Scope): PostRecord['format'] {
  const has = (...ids: string[]) => ids.some((id) => scope.byTestId(id).length > 0);
  if (has(ARTICLE_VIEW_ID, 'twitter-article-title')) return 'article';
  if (has('videoPlayer', 'videoComponent')) return 'video';
  if (has('tweetPhoto')) return 'image';
  return 'text';
}

function displayName(scope: Scope): string {
  const userName = scope.byTestId('User-Name')[0];
  // Microdata of X Article headers: <meta itemprop="name" content="Hwang">.
  const micro = scope.first('[itemprop="author"] meta[itemprop="name"]')?.getAttribute('content');
  return name(micro ?? readText(userName?.querySelector('[dir="ltr"]') ?? userName));
}

function tweetTextLinks(body: Element | undefined, scope: Scope): { links: string[]; hashtags: string[] } {
  const anchors = body ? [...body.querySelectorAll('a[href]')] : [];
  const cards = scope.byTestId('card.wrapper').flatMap((card) => [...card.querySelectorAll('a[href]')]);
  const hrefs = [...anchors, ...cards].map((a) => a.getAttribute('href') ?? '');
  const tags = anchors
    .filter((a) => (a.getAttribute('href') ?? '').includes('/hashtag/'))
    .map((a) => readText(a).replace(/^[#＃]/, ''));
  return { links: httpLinks(hrefs), hashtags: hashtagList(tags) };
}

function modernPost(scope: Scope, link: StatusLink, locale: string): PostRecord {
  const body = scope.byTestId('tweetText')[0];
  const title = scope.byTestId('twitter-article-title')[0];
  const { metrics, exact } = countsOf(scope, locale);
  const { links, hashtags } = tweetTextLinks(body, scope);
  const post: PostRecord = {
    kind: 'post',
    platform: 'x',
    id: link.id,
    url: postUrl(link.handle, link.id),
    // The DOM does not carry the numeric user id; the GraphQL copy of the same post does.
    authorId: '',
    authorHandle: name(link.handle),
    authorName: displayName(scope),
    text: text(body ? readText(body) : readText(title)),
    createdAt: isoTime(scope.first('time[datetime]')),
    createdAtApprox: false,
    format: formatIn(scope),
    repostOf: null,
    metrics,
    metricsExact: exact,
    links,
    hashtags,
  };
  return post;
}

/** The quoted tweet: no counts of its own on the page, but its id, author, text and time. */
function quotedPost(quote: Element): PostRecord | null {
  const scope = new Scope(quote, TWEET);
  // An action bar in the card is the outer tweet's, and so is its analytics link.
  const link = scope
    .all('a[href*="/status/"]')
    .filter((a) => !a.closest(ACTION_BAR))
    .map(statusOf)
    .find(Boolean);
  if (!link) return null;
  const body = scope.first('[data-testid="tweetText"]');
  return {
    kind: 'post',
    platform: 'x',
    id: link.id,
    url: postUrl(link.handle, link.id),
    authorId: '',
    authorHandle: name(link.handle),
    authorName: displayName(scope),
    text: text(readText(body)),
    createdAt: isoTime(scope.first('time[datetime]')),
    createdAtApprox: false,
    format: formatIn(scope),
    repostOf: null,
    metrics: {},
    metricsExact: true,
    links: [],
    hashtags: [],
  };
}

function takeTweetArticle(article: Element, set: RecordSet, locale: string): void {
  const scope = new Scope(article, TWEET);
  const link = permalinkOf(scope);
  if (!link) {
    // Placeholders ("This post is unavailable") render an article without a permalink.
    return;
  }
  const post = modernPost(scope, link, locale);
  const quote = scope.quoted();
  const quoted = quote ? quotedPost(quote) : null;
  if (quoted && quoted.id !== post.id) {
    post.quoteOf = quoted.id;
    set.addPost(post);
    set.addPost(quoted);
  } else set.addPost(post);
}

/** A stand-alone X Article page (`/<handle>/article/<id>`): its own action bar, title, author microdata. */
function takeArticleView(view: Element, set: RecordSet, locale: string, pageUrl: string): void {
  const scope = new Scope(view, TWEET);
  const link = scope.all('a[href*="/status/"]').map(statusOf).find(Boolean) ?? statusFromPage(pageUrl);
  if (!link) {
    set.fail(EXTRACTOR, 'X Article view without a status link');
    return;
  }
  const post = modernPost(scope, link, locale);
  post.format = 'article';
  set.addPost(post);
}

function statusFromPage(url: string): StatusLink | null {
  try {
    const m =
      STATUS_PATH.exec(new URL(url).pathname) ??
      /^\/(\w{1,50})\/article\/(\d{1,25})/.exec(new URL(url).pathname);
    return m?.[1] && m[2] ? { handle: m[1], id: m[2] } : null;
  } catch {
    return null;
  }
}

// ---- legacy twitter.com (until 2019) -------------------------------------------------------------

const LEGACY_STAT: Array<[MetricKey, string]> = [
  ['comments', 'reply'],
  ['reposts', 'retweet'],
  ['likes', 'favorite'],
];

function legacyPost(tweet: Element): PostRecord | null {
  const id = tweet.getAttribute('data-tweet-id');
  if (!isNativeId(id)) return null;
  const handle = name(tweet.getAttribute('data-screen-name') ?? '');
  const metrics: Metrics = {};
  for (const [key, action] of LEGACY_STAT) {
    // Server-rendered exact integers; a count the page left out (no replies yet) stays absent.
    const count = tweet.querySelector(`.ProfileTweet-action--${action} [data-tweet-stat-count]`);
    const value = parseCount(count?.getAttribute('data-tweet-stat-count'));
    if (value && !value.approximate) metrics[key] = value.value;
  }
  const ms = Number(tweet.querySelector('[data-time-ms]')?.getAttribute('data-time-ms'));
  const body = tweet.querySelector('.js-tweet-text, .tweet-text');
  const anchors = body ? [...body.querySelectorAll('a')] : [];
  const own = (el: Element) => !el.closest('.QuoteTweet');
  const format: PostRecord['format'] = [
    ...tweet.querySelectorAll('.PlayableMedia, .AdaptiveMedia-video'),
  ].some(own)
    ? 'video'
    : [...tweet.querySelectorAll('.AdaptiveMedia-photoContainer')].some(own)
      ? 'image'
      : 'text';
  return {
    kind: 'post',
    platform: 'x',
    id,
    url: postUrl(handle, id),
    authorId: isNativeId(tweet.getAttribute('data-user-id'))
      ? (tweet.getAttribute('data-user-id') ?? '')
      : '',
    authorHandle: handle,
    authorName: name(tweet.getAttribute('data-name') ?? ''),
    text: text(readText(body)),
    createdAt: Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null,
    createdAtApprox: false,
    format,
    repostOf: null,
    metrics,
    metricsExact: true,
    links: httpLinks(anchors.map((a) => a.getAttribute('data-expanded-url') ?? undefined)),
    hashtags: hashtagList(
      anchors
        .filter((a) => a.classList.contains('twitter-hashtag'))
        .map((a) => readText(a).replace(/^#/, '')),
    ),
  };
}

// ---- entry point ---------------------------------------------------------------------------------

export function extractDom(root: ParentNode, ctx: ExtractContext): Extraction {
  const set = new RecordSet();
  const locale = ctx.locale || 'en';
  try {
    const articles = within(root, TWEET);
    // A queued subtree inside a post (a count that just changed) still describes that post.
    const enclosing = isElement(root) ? root.parentElement?.closest(TWEET) : null;
    if (enclosing) articles.unshift(enclosing);
    for (const article of articles) takeTweetArticle(article, set, locale);
    for (const view of within(root, ARTICLE_VIEW)) {
      if (!view.closest(TWEET)) takeArticleView(view, set, locale, ctx.url);
    }
    for (const tweet of within(root, LEGACY_TWEET)) {
      const post = legacyPost(tweet);
      if (post) set.addPost(post);
    }
    // The whole page (first load or a saved file), not a queued subtree: it names who is signed in.
    const viewer = root.nodeType === 9 ? signedInAccount(root as Document) : null;
    if (viewer) set.addAccount(viewer);
  } catch (error) {
    set.fail(EXTRACTOR, `DOM extraction stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
  return set.toExtraction();
}
