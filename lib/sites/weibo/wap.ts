/**
 * The old weibo.cn WAP pages (profile `/<uid>/profile?page=n`, post `/comment/<mblogid>`), as saved
 * pages and the extract CLI see them; the extension's content scripts do not run on weibo.cn. Each
 * post is a `div.c#M_<mblogid>`; counts read "赞[523801] 转发[1000000] 评论[393530]", where
 * weibo.cn stops counting at 1000000 (a floor), and times read "06月17日 18:12 来自…" in China time.
 */
import { MAX_LIST, MAX_NAME, MAX_TEXT } from '../../record-keys';
import type { AccountRecord, ExtractContext, MetricKey, PostRecord } from '../../records';
import { mblogidToId } from './ids';
import { MetricsBuilder, postUrl, readCreatedAt, type WeiboCollector } from './status';
import { decodeEntities, hashtagsIn, readPostHtml } from './text';

/** weibo.cn shows 1000000 for every count at or above it. */
const WAP_CAP = 1_000_000;
const LABEL_KEY: Record<string, MetricKey> = { 赞: 'likes', 转发: 'reposts', 评论: 'comments' };

// "赞[523801]", "原文转发[1000000]"; the opening tag says whose count it is (span.cmt = the original's).
const COUNT =
  /(<span class="cmt">|<a\b[^>]*>|<span\b[^>]*>)\s*(?:&nbsp;|\s)*(原文)?(赞|转发|评论)\[(\d{1,16})\]/g;
// A count of zero can show as the bare action label: <a href=".../attitude/J74OAhxtL/add?…">赞</a>.
const LABEL_ONLY =
  /<a\b[^>]*href="[^"]*\/(?:attitude|repost|comment)\/[^"]*"[^>]*>\s*(赞|转发|评论)\s*<\/a>/g;
// Where a post's own text ends: its picture, its action links or its time.
// "[<a href=…/picAll/…>组图共9张</a>]" opens its bracket before the link.
const TEXT_END =
  /\[?<a\b[^>]*href="[^"]*\/(?:attitude|repost|comment|mblog\/pic|mblog\/picAll|mblog\/oripic)\/|<span class="ct">|<span class="cmt">(?:赞|原文)/;
const MBLOGID = /^[0-9a-zA-Z]{5,12}$/;

interface WapCounts {
  own: MetricsBuilder;
  original: MetricsBuilder;
}

function countsIn(html: string, into: WapCounts): void {
  for (const m of html.matchAll(COUNT)) {
    const [, tag, originalMark, label, digits] = m;
    const key = LABEL_KEY[label ?? ''];
    if (!key || digits === undefined) continue;
    const value = Number(digits);
    const count = { value, approximate: false, lowerBound: value === WAP_CAP };
    const target =
      originalMark || (tag === '<span class="cmt">' && label === '赞') ? into.original : into.own;
    if (target.metrics[key] === undefined) target.set(key, count);
  }
  for (const m of html.matchAll(LABEL_ONLY)) {
    const key = LABEL_KEY[m[1] ?? ''];
    if (key && into.own.metrics[key] === undefined)
      into.own.set(key, { value: 0, approximate: false, lowerBound: false });
  }
}

const textBefore = (html: string, end: RegExp): string => {
  const m = end.exec(html);
  return m ? html.slice(0, m.index) : html;
};

function fromFirst(html: string, marker: string): string {
  const i = html.indexOf(marker);
  return i < 0 ? html : html.slice(i);
}

/** Profile owner: uid from the page URL or its own links, name from the header or the title. */
function pageOwner(root: ParentNode, ctx: ExtractContext): { id: string; name: string } {
  const fromUrl = /weibo\.cn\/(?:u\/)?(\d{5,12})(?:[/?#]|$)/.exec(ctx.url)?.[1];
  const infoLink = root.querySelector('a[href$="/info"]')?.getAttribute('href') ?? '';
  const id = fromUrl ?? /^\/(\d{5,12})\/info$/.exec(infoLink)?.[1] ?? '';
  const header = root.querySelector('div.ut span.ctt');
  const headerName = header?.firstChild?.nodeType === 3 ? (header.firstChild.textContent ?? '').trim() : '';
  const title = root.querySelector('title')?.textContent ?? '';
  // The record contract caps names at 200 characters; a page's header or title can be any length.
  return { id, name: (headerName || title.replace(/的微博$/, '').trim()).slice(0, MAX_NAME) };
}

/** "微博[1159] 关注[253] 粉丝[70805574]" under the profile header. */
function ownerAccount(root: ParentNode, owner: { id: string; name: string }): AccountRecord | null {
  const tip = root.querySelector('div.tip2')?.innerHTML;
  if (!owner.id || !tip) return null;
  const read = (label: string) => {
    const m = new RegExp(`${label}\\[(\\d{1,16})\\]`).exec(tip);
    return m ? Number(m[1]) : undefined;
  };
  const account: AccountRecord = {
    kind: 'account',
    platform: 'weibo',
    id: owner.id,
    handle: owner.name,
    name: owner.name,
    followersExact: true,
  };
  const followers = read('粉丝');
  const following = read('关注');
  const posts = read('微博');
  if (followers !== undefined) account.followers = followers;
  if (following !== undefined) account.following = following;
  if (posts !== undefined) account.posts = posts;
  return account;
}

/** The page's own counts on /comment/<mblogid> sit in the divs after the post, before the comments. */
function trailingHtml(block: Element): string {
  let html = '';
  let next = block.nextElementSibling;
  for (let i = 0; next && i < 3; i++, next = next.nextElementSibling) {
    if (next.id === 'cmtfrm' || next.id.startsWith('C_')) break;
    html += next.outerHTML;
  }
  return html;
}

function postRecord(
  id: string,
  shortId: string,
  author: { id: string; name: string },
  html: string,
  metrics: MetricsBuilder,
  time: { createdAt: string | null; createdAtApprox: boolean },
  repostOf: string | null,
  hasPicture: boolean,
): PostRecord {
  const read = readPostHtml(html);
  const text = read.text.slice(0, MAX_TEXT);
  const record: PostRecord = {
    kind: 'post',
    platform: 'weibo',
    id,
    url: postUrl(id, author.id, shortId),
    authorId: author.id,
    authorHandle: author.name,
    authorName: author.name,
    text,
    ...time,
    format: hasPicture ? 'image' : /\/video\/show\?/.test(html) ? 'video' : 'text',
    repostOf,
    metrics: metrics.metrics,
    metricsExact: metrics.exact,
    links: read.links.slice(0, MAX_LIST),
    hashtags: hashtagsIn(text).slice(0, MAX_LIST),
    shortId,
  };
  if (metrics.lowerBounds.length) record.lowerBounds = metrics.lowerBounds;
  if (metrics.approx.length) record.approx = metrics.approx;
  return record;
}

/** A name a link's text gives ("@Dear-迪丽热巴"), within the contract's 200 characters: markup can hold any length. */
const nameIn = (html: string): string => decodeEntities(html).replace(/^@/, '').trim().slice(0, MAX_NAME);

/** The original a WAP repost shows: "转发了 <a>name</a> 的微博:", its text, and its 原文 counts. */
function readOriginal(html: string, counts: MetricsBuilder, c: WeiboCollector): string | null {
  const head =
    /<span class="cmt">(?:&nbsp;|\s)*转发了(?:&nbsp;|\s)*<a\b[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>[\s\S]*?<\/span>/.exec(
      html,
    );
  if (!head) return null;
  const bid =
    /<a\b[^>]*href="[^"]*\/comment\/([0-9a-zA-Z]{5,12})[^"]*"[^>]*>原文评论/.exec(html)?.[1] ??
    /<a\b[^>]*href=['"][^'"]*\/comment\/([0-9a-zA-Z]{5,12})\?ckAll=1['"]/.exec(html)?.[1];
  const id = bid ? mblogidToId(bid) : null;
  if (!bid || !id) return null;
  const authorId = /^(?:https?:\/\/weibo\.cn)?\/(?:u\/)?(\d{5,12})$/.exec(head[1] ?? '')?.[1] ?? '';
  const authorName = nameIn(head[2] ?? '');
  const rest = html.slice((head.index ?? 0) + head[0].length);
  const body = textBefore(rest, /<span class="cmt">|<a\b[^>]*class="cc"/);
  const record = postRecord(
    id,
    bid,
    { id: authorId, name: authorName },
    body,
    counts,
    { createdAt: null, createdAtApprox: false },
    null,
    false,
  );
  c.putPost(record, true);
  if (authorId)
    c.putAccount({
      kind: 'account',
      platform: 'weibo',
      id: authorId,
      handle: authorName,
      name: authorName,
      followersExact: true,
    });
  return id;
}

/** Posts of a weibo.cn WAP page into `c`; returns how many post blocks it found. */
export function extractWapPage(root: ParentNode, ctx: ExtractContext, c: WeiboCollector): number {
  const blocks = root.querySelectorAll('div.c[id^="M_"]');
  if (blocks.length === 0) return 0;
  const owner = pageOwner(root, ctx);
  const account = ownerAccount(root, owner);
  if (account) c.putAccount(account);
  const urlBid = /\/comment\/([0-9a-zA-Z]{5,12})/.exec(ctx.url)?.[1];
  for (const block of blocks) {
    const bid =
      block.id.slice(2) ||
      urlBid ||
      block.ownerDocument?.querySelector('input[name="id"]')?.getAttribute('value') ||
      '';
    const id = MBLOGID.test(bid) ? mblogidToId(bid) : null;
    if (!id) {
      c.fail(`WAP post without an mblogid (${block.id || 'no id'})`);
      continue;
    }
    let html = block.innerHTML;
    // A post page names its author in the post block: <a href="/1669879400">Dear-迪丽热巴</a>.
    const authorLink = /^\s*<div>\s*<a\b[^>]*href="\/(?:u\/)?(\d{5,12})"[^>]*>([^<]+)<\/a>/.exec(html);
    const author = authorLink ? { id: authorLink[1] ?? '', name: nameIn(authorLink[2] ?? '') } : owner;
    const onPostPage = !block.id.slice(2);
    if (onPostPage) html += trailingHtml(block);
    const counts: WapCounts = { own: new MetricsBuilder(), original: new MetricsBuilder() };
    countsIn(html, counts);
    const repostOf = readOriginal(html, counts.original, c);
    const ownHtml = repostOf
      ? fromFirst(html, '<span class="cmt">转发理由:</span>').replace(
          '<span class="cmt">转发理由:</span>',
          '',
        )
      : fromFirst(html, '<span class="ctt">');
    const ct = /<span class="ct">([\s\S]*?)<\/span>/.exec(html)?.[1] ?? '';
    const time = readCreatedAt(
      decodeEntities(ct)
        .replace(/来自[\s\S]*$/, '')
        .trim(),
      ctx.now,
    );
    const hasPicture = /\/mblog\/(?:pic|picAll|oripic)\b/.test(html);
    c.putPost(
      postRecord(id, bid, author, textBefore(ownHtml, TEXT_END), counts.own, time, repostOf, hasPicture),
      false,
    );
  }
  return blocks.length;
}
