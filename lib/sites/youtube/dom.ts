/**
 * The rendered page, for what the embedded JSON and the hook did not give (pages opened before the
 * hook ran, cards added after in-app navigation). Reads attributes and text only, never layout.
 * Counts here are what people see ("1.2M views"), so mostly approximate; the like button's
 * aria-label holds the full number (Return YouTube Dislike reads the same label).
 */
import { type Channel, type Collector, VIDEO_ID, type VideoDraft } from './collect';
import { handleOf } from './items';
import { pageUrl } from './page';
import { looksLikeAge, readAge, readCount, readViews } from './text';

// One selector per card generation, newest first; dated so dead ones can go.
const CARDS = [
  'yt-lockup-view-model', // 2025–: home, channel tabs, related
  'ytm-shorts-lockup-view-model, ytm-shorts-lockup-view-model-v2', // 2024–: Shorts shelves and tab
  'ytd-rich-grid-media', // 2020–: channel and home grids (inside ytd-rich-item-renderer)
  'ytd-video-renderer', // search results
  'ytd-grid-video-renderer', // channel tabs before 2023
  'ytd-compact-video-renderer', // related videos before 2025
  'ytd-playlist-video-renderer', // playlist pages
  'ytd-reel-item-renderer', // Shorts shelves before 2024
].join(', ');

const TITLE_LINK = [
  'a#video-title-link',
  'a#video-title',
  'a.yt-lockup-metadata-view-model__title',
  'a.yt-lockup-metadata-view-model-wiz__title',
  'a[href*="/shorts/"]',
  'a[href*="/watch?v="]',
].join(', ');

const META_TEXT = [
  '#metadata-line span',
  '.yt-content-metadata-view-model__metadata-text',
  '.yt-content-metadata-view-model-wiz__metadata-text',
  '.shortsLockupViewModelHostMetadataSubhead',
  '.shortsLockupViewModelHostOutsideMetadataSubhead',
  '#video-info span',
].join(', ');

function videoIdOf(href: string): { id: string; short: boolean } | null {
  let absolute: string;
  try {
    absolute = new URL(href, 'https://www.youtube.com/').href;
  } catch {
    return null;
  }
  const url = pageUrl(absolute);
  return VIDEO_ID.test(url.videoId) ? { id: url.videoId, short: url.shorts } : null;
}

function channelOf(card: Element): Channel | undefined {
  const link = card.querySelector('ytd-channel-name a, #channel-name a, a[href^="/@"], a[href^="/channel/"]');
  const href = link?.getAttribute('href') ?? '';
  const id = /^\/channel\/(UC[\w-]{22})/.exec(href)?.[1] ?? '';
  const handle = handleOf(href);
  return id || handle ? { id, handle, name: (link?.textContent ?? '').trim() } : undefined;
}

function readCard(card: Element, c: Collector): void {
  const link = card.querySelector(TITLE_LINK);
  const target = videoIdOf(link?.getAttribute('href') ?? '');
  if (!link || !target) return;
  const draft: VideoDraft = {
    id: target.id,
    format: target.short ? 'short' : 'video',
    title: (link.getAttribute('title') || link.textContent || '').trim(),
    channel: channelOf(card),
    metrics: {},
  };
  if (
    card.querySelector('.badge-style-type-live-now, [aria-label="LIVE"], .yt-badge-shape--thumbnail-live')
  ) {
    draft.format = 'live';
  }
  for (const el of card.querySelectorAll(META_TEXT)) {
    const text = (el.textContent ?? '').trim();
    if (!/\d/.test(text)) continue;
    if (looksLikeAge(text)) {
      const published = readAge(text, c.ctx.now);
      if (published) draft.published = published;
      else c.fail(`dom: unreadable date "${text}"`);
      continue;
    }
    const reading = readViews(text, c.locale);
    if (reading?.kind === 'audience') draft.format = 'live';
    else if (reading?.kind === 'count' && !draft.metrics.views) draft.metrics.views = reading.count;
  }
  c.video(draft);
}

/** The watch page's own video: title, channel, like label, view count line. */
function readWatch(doc: ParentNode, c: Collector): void {
  const url = pageUrl(c.ctx.url);
  if (!url.videoId) return;
  const meta = doc.querySelector('ytd-watch-metadata');
  // The watch element says which video it shows; after navigation an old one may linger.
  const shown = doc.querySelector('ytd-watch-flexy')?.getAttribute('video-id');
  if (!meta || (shown && shown !== url.videoId)) return;
  const draft: VideoDraft = {
    id: url.videoId,
    format: url.shorts ? 'short' : 'video',
    title: (meta.querySelector('h1')?.textContent ?? '').trim(),
    channel: channelOf(meta),
    metrics: {},
  };
  const likeLabel = meta.querySelector(
    'like-button-view-model button[aria-label], #segmented-like-button button[aria-label]',
  );
  const likes = readCount(likeLabel?.getAttribute('aria-label') ?? '', c.locale);
  if (likes) draft.metrics.likes = likes;
  const viewsText = (meta.querySelector('#info span, #view-count')?.textContent ?? '').trim();
  const views = viewsText ? readViews(viewsText, c.locale) : null;
  if (views?.kind === 'count') draft.metrics.views = views.count;
  if (views?.kind === 'audience') draft.format = 'live';
  c.video(draft);
}

export function collectDom(root: ParentNode, c: Collector): void {
  if (root.nodeType === 9) readWatch(root, c);
  const cards = [...root.querySelectorAll(CARDS)];
  if (root.nodeType === 1 && (root as Element).matches(CARDS)) cards.unshift(root as Element);
  for (const card of cards) readCard(card, c);
}
