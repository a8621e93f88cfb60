/**
 * Weibo post text as the APIs send it: HTML in `text` (m.weibo.cn, weibo.com, weibo.cn WAP pages),
 * plain text in `text_raw` / `longTextContent`. Parsed with regular expressions, not a DOM, so the
 * same code runs in the page, in the CLI and in tests.
 */

import { isAsciiWordChar } from '../../parse/chars';
import { MAX_URL } from '../../record-keys';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// The "read more" link a truncated post ends with: m.weibo.cn `<a href="/status/…">全文</a>`, weibo.cn
// `<a href='/comment/…?ckAll=1'>全文</a>`, weibo.com `<span class="expand">展开</span>`. Read where a
// tag opens (sticky).
const TRUNCATION_LINK = /<a\b[^>]*>\s*全文\s*<\/a>|<span class=["']?expand["']?>\s*展开\s*<\/span>/y;
// Emoticons are images whose alt is "[名字]"; the plain-text forms (text_raw) keep that "[名字]".
const EMOTICON = /^\[[^\]]{1,20}\]$/;

/**
 * A post's HTML read in one pass: its visible text (line breaks kept, emoticons as "[名字]", tags
 * and zero-width spaces gone) and its outbound links (as linksInHtml finds them).
 */
export function readPostHtml(html: string): { text: string; links: string[] } {
  const links: string[] = [];
  if (!html.includes('<') && !html.includes('&')) return { text: tidy(html), links };
  const text = replaceTags(html, links);
  return { text: tidy(text.includes('&') ? decodeEntities(text) : text), links };
}

// An image with an alt, read where a tag opens (sticky): the alt of an emoticon is its text.
const IMG_WITH_ALT = /<img\b[^>]*?\balt=(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/iy;

/**
 * Every tag replaced: a `<br…>` by a line break, an emoticon image by its alt, a read-more link
 * and anything else by nothing; the outbound links of anchors go to `links`. Tags are read as the regex
 * /<br\s*\/?>|<img…alt=…>|<[^>]*>/gi would read them: a '<' with a '>' after it opens a tag ending at
 * that '>', or for an image at the end of its alt. An indexOf scan rather than that regex with a
 * replace callback per tag, which cost more than parsing the JSON: post HTML is mostly tags (a topic
 * link carries a 300-character href), and this runs for every post of a timeline.
 */
function replaceTags(html: string, links: string[]): string {
  let out = '';
  let copied = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', copied)) {
    let close = html.indexOf('>', open + 1);
    // No '>' after this '<' means none after any later one either: the rest is text.
    if (close === -1) break;
    let replacement = '';
    // The tag's first letter in lower case (ASCII letters differ from capitals in bit 0x20 alone):
    // most tags are neither a line break nor an image, and need no closer look.
    const letter = html.charCodeAt(open + 1) | 0x20;
    if (mayOpenReadMore(html, open, close) && stickyMatch(TRUNCATION_LINK, html, open))
      close = TRUNCATION_LINK.lastIndex - 1;
    else if (letter === 0x62 && opensTag(html, open, 'br')) replacement = '\n';
    else if (letter === 0x61 && !isAsciiWordChar(html.charCodeAt(open + 2))) {
      // The href of this anchor, read within the tag only: a search running on past a tag without
      // one would make a page of bare "<a>"s quadratic.
      const href = HREF_ATTRIBUTE.exec(html.slice(open + 2, close));
      if (href) addLink(links, href[1] ?? href[2] ?? href[3] ?? '');
    } else if (letter === 0x69 && opensTag(html, open, 'img')) {
      const img = stickyMatch(IMG_WITH_ALT, html, open);
      if (img) {
        close = IMG_WITH_ALT.lastIndex - 1;
        const alt = img[1] ?? img[2] ?? img[3];
        if (alt !== undefined && EMOTICON.test(alt)) replacement = alt;
      }
    }
    out += html.slice(copied, open) + replacement;
    copied = close + 1;
  }
  return out + html.slice(copied);
}

/**
 * Whether TRUNCATION_LINK could match at the tag `open`…`close`: it opens with "<span" (case as
 * written), or with "<a" and then, right after this tag's '>', "全文" or a space. Character tests
 * are cheaper than trying the regex at every tag, and a topic link is read to its end before it fails.
 */
function mayOpenReadMore(html: string, open: number, close: number): boolean {
  const first = html.charCodeAt(open + 1);
  if (first === 0x73) return true;
  if (first !== 0x61) return false;
  const next = html.charCodeAt(close + 1);
  // Printable ASCII is neither '全' nor a \s space.
  return !(next > 0x20 && next < 0x7f);
}

/** The match of sticky `re` right at `at`, or null; `re.lastIndex` is then its end. */
function stickyMatch(re: RegExp, html: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(html);
}

/** `html` has '<' and then `name` (lower-case ASCII letters) at `at`, in any case: "<BR>", "<Img". */
function opensTag(html: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    // ASCII letters differ from their capitals in bit 0x20 alone.
    if ((html.charCodeAt(at + 1 + i) | 0x20) !== name.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Plain text (`text_raw`): the zero-width padding Weibo appends ("未来 ​​​") and the spaces that end
 * a line go.
 */
export function tidy(text: string): string {
  const visible = ZERO_WIDTH.test(text) ? text.replace(ZERO_WIDTH_ALL, '') : text;
  return withoutSpacesBeforeBreaks(visible).trim();
}

const ZERO_WIDTH = /[\u200b\u200c\u2060\ufeff]/;
const ZERO_WIDTH_ALL = /[\u200b\u200c\u2060\ufeff]/g;

const isLineSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0xa0;

/**
 * `text.replace(/[ \t\u00a0]+\n/g, '\n')` in linear time: that regex retries a run of spaces from
 * each of its characters, so a long run not followed by a line break took quadratic time (a hostile
 * post of 10^5 spaces hung the mutated-body property test). Each line's trailing spaces are read
 * back from its break, once; a text without any is returned as it is.
 */
function withoutSpacesBeforeBreaks(text: string): string {
  let out = '';
  let copied = 0;
  for (let br = text.indexOf('\n'); br !== -1; br = text.indexOf('\n', br + 1)) {
    let end = br;
    while (end > copied && isLineSpace(text.charCodeAt(end - 1))) end--;
    if (end === br) continue;
    out += text.slice(copied, end);
    copied = br;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// "#话题#". A keycap "#️⃣" or a bare "#" followed by a space is no topic.
const HASHTAG = /#([^#\n]{1,64})#/g;
const NO_TOPIC = /^(?:\s|\ufe0f|\u20e3)|\s$/;

export function hashtagsIn(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('#')) return out;
  // An exec loop rather than matchAll, which builds a RegExp and an iterator per call (per post).
  HASHTAG.lastIndex = 0;
  for (let m = HASHTAG.exec(text); m; m = HASHTAG.exec(text)) {
    const tag = m[1] ?? '';
    if (NO_TOPIC.test(tag)) continue;
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

const HREF = /<a\b[^>]*?\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const HREF_ATTRIBUTE = /\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

function addLink(out: string[], raw: string): void {
  if (!/^https?:\/\//i.test(raw) || NAVIGATION.test(raw)) return;
  const href = unwrapRedirect(raw.includes('&') ? decodeEntities(raw) : raw);
  if (href && href.length <= MAX_URL && !out.includes(href)) out.push(href);
}

/**
 * Outbound links of a post's HTML: absolute http(s) hrefs, with weibo.cn's `sinaurl?u=` redirect
 * unwrapped. Links to topic, search and mention pages are Weibo's own navigation, not the post's links.
 */
export function linksInHtml(html: string): string[] {
  const out: string[] = [];
  if (!html.includes('http')) return out;
  // An exec loop rather than matchAll, as in hashtagsIn.
  HREF.lastIndex = 0;
  for (let m = HREF.exec(html); m; m = HREF.exec(html)) addLink(out, m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

function unwrapRedirect(href: string): string | null {
  if (!SINAURL.test(href)) return href;
  try {
    const target = new URL(href).searchParams.get('u');
    return target && /^https?:\/\//i.test(target) ? target : null;
  } catch {
    return null;
  }
}

// Topic, search and mention pages are Weibo's own navigation, not the post's links.
const NAVIGATION =
  /^https?:\/\/(?:m\.weibo\.cn\/(?:search|p\/index|n\/)|s\.weibo\.com\/|weibo\.cn\/(?:pages\/100808topic|n\/|search)|huati\.weibo\.c(?:n|om)\/)/i;
const SINAURL = /^https?:\/\/(?:[\w-]+\.)*weibo\.cn\/sinaurl\?/i;

/** http(s) only, within the record's caps. */
export function isStorableUrl(url: unknown): url is string {
  return typeof url === 'string' && url.length <= MAX_URL && /^https?:\/\/\S+$/i.test(url);
}
