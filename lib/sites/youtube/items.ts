/**
 * Videos in lists: channel tabs, search results, related videos, playlists, Shorts shelves. Every
 * renderer YouTube has used for a video card maps to one VideoDraft; the walker finds them wherever
 * a response nests them, so a new wrapper (richItemRenderer, shelves, continuations) needs no code.
 */
import { MAX_NAME } from '../../record-keys';
import { CHANNEL_ID, type Channel, type Collector, VIDEO_ID, type VideoDraft } from './collect';
import { arr, at, type Json, looksLikeAge, obj, readAge, readViews, str, textOf } from './text';

/** What a response says about the page: on a channel page, cards without a byline are its own. */
export interface Scope {
  channel?: Channel;
}

export type Handler = (renderer: Json, c: Collector, scope: Scope) => void;

/**
 * "/@MrBeast" or "http://www.youtube.com/@MrBeast" → "@MrBeast"; "/channel/UC…" has no handle. Clipped
 * to the record's cap: a page can write a link of any length.
 */
export function handleOf(path: string): string {
  const m = /^(?:https?:\/\/(?:www\.|m\.)?youtube\.com)?\/(@[^/?#]+)/.exec(path);
  if (!m?.[1]) return '';
  try {
    return decodeURIComponent(m[1]).slice(0, MAX_NAME);
  } catch {
    return m[1].slice(0, MAX_NAME);
  }
}

export function channelOfEndpoint(endpoint: unknown, name: string): Channel | undefined {
  const be = obj(at(endpoint, 'browseEndpoint'));
  const id = str(be?.browseId);
  return CHANNEL_ID.test(id) ? { id, handle: handleOf(str(be?.canonicalBaseUrl)), name } : undefined;
}

/** The byline runs of classic renderers: the run that links to a channel. */
export function channelOfRuns(text: unknown): Channel | undefined {
  for (const run of arr(obj(text)?.runs)) {
    const channel = channelOfEndpoint(obj(run)?.navigationEndpoint, str(obj(run)?.text));
    if (channel) return channel;
  }
  return undefined;
}

/** Views and age texts of one card, in the order the card prints them (full count before short). */
function applyTexts(draft: VideoDraft, views: string[], age: string, c: Collector, kind: string): void {
  for (const text of views) {
    const reading = readViews(text, c.locale);
    if (!reading) continue;
    if (reading.kind === 'audience') {
      draft.format = 'live';
      break;
    }
    if (reading.kind === 'unknown') {
      c.fail(`${kind}: unreadable view count "${reading.text}"`);
      continue;
    }
    if (!draft.metrics.views || (reading.count.exact && !draft.metrics.views.exact))
      draft.metrics.views = reading.count;
  }
  if (!age) return;
  const published = readAge(age, c.ctx.now);
  if (!published) {
    // "Premieres 5/12/26", "Scheduled for …": not published yet, so no date; anything else is news.
    if (/\d/.test(age) && !/premiere|schedul|geplant|programad|prévu|预定|預定/i.test(age)) {
      c.fail(`${kind}: unreadable date "${age}"`);
    }
    return;
  }
  draft.published = published;
  if (published.streamed) draft.format = 'live';
}

const LIVE_STYLES = /LIVE|UPCOMING/;

/** Live and Shorts markers of classic cards: badges, the thumbnail's time overlay, a Shorts link. */
function classicFormat(r: Json): VideoDraft['format'] {
  if (at(r, 'navigationEndpoint', 'reelWatchEndpoint')) return 'short';
  if (r.upcomingEventData) return 'live';
  for (const badge of arr(r.badges)) {
    if (/LIVE/.test(str(at(badge, 'metadataBadgeRenderer', 'style')))) return 'live';
  }
  for (const overlay of arr(r.thumbnailOverlays)) {
    const style = str(at(overlay, 'thumbnailOverlayTimeStatusRenderer', 'style'));
    if (LIVE_STYLES.test(style)) return 'live';
    if (style === 'SHORTS') return 'short';
  }
  return 'video';
}

/** videoRenderer, gridVideoRenderer, compactVideoRenderer, endScreenVideoRenderer, playlist items. */
function classicVideo(kind: string): Handler {
  return (r, c, scope) => {
    const id = str(r.videoId);
    if (!VIDEO_ID.test(id)) {
      c.fail(`${kind}: no video id`);
      return;
    }
    const channel =
      channelOfRuns(r.ownerText) ??
      channelOfRuns(r.longBylineText) ??
      channelOfRuns(r.shortBylineText) ??
      scope.channel;
    const draft: VideoDraft = { id, format: classicFormat(r), title: textOf(r.title), channel, metrics: {} };
    // playlistVideoRenderer prints "33k views • 4 years ago" as runs of videoInfo.
    const info = arr(obj(r.videoInfo)?.runs).map((run) => str(obj(run)?.text));
    const views = [textOf(r.viewCountText), textOf(r.shortViewCountText), info[0] ?? ''];
    applyTexts(draft, views, textOf(r.publishedTimeText) || (info[2] ?? ''), c, kind);
    c.video(draft);
  };
}

/** Older Shorts shelves: headline and an abbreviated count, no date. */
const reelItem: Handler = (r, c, scope) => {
  const id = str(r.videoId);
  if (!VIDEO_ID.test(id)) return c.fail('reelItemRenderer: no video id');
  const draft: VideoDraft = {
    id,
    format: 'short',
    title: textOf(r.headline),
    channel: scope.channel,
    metrics: {},
  };
  applyTexts(draft, [textOf(r.viewCountText)], '', c, 'reelItemRenderer');
  c.video(draft);
};

/** Shorts shelves and the Shorts tab (2024–): "895k views" overlaid on the thumbnail, no date. */
const shortsLockup: Handler = (r, c, scope) => {
  const fromCommand = str(at(r, 'onTap', 'innertubeCommand', 'reelWatchEndpoint', 'videoId'));
  const id = VIDEO_ID.test(fromCommand)
    ? fromCommand
    : (/^shorts-shelf-item-([\w-]{11})$/.exec(str(r.entityId))?.[1] ?? '');
  if (!id) return c.fail('shortsLockupViewModel: no video id');
  const views = textOf(at(r, 'overlayMetadata', 'secondaryText'));
  // Shelves without a primary text name the Short only in the label: "<title>, 36K views - play Short".
  const label = str(r.accessibilityText);
  const cut = views ? label.lastIndexOf(`, ${views}`) : -1;
  const title = textOf(at(r, 'overlayMetadata', 'primaryText')) || (cut > 0 ? label.slice(0, cut) : '');
  const draft: VideoDraft = { id, format: 'short', title, channel: scope.channel, metrics: {} };
  applyTexts(draft, [views], '', c, 'shortsLockupViewModel');
  c.video(draft);
};

/**
 * The first channel link under `node`: the lockup's avatar, or for a collaboration the first channel
 * of the avatar stack's dialog, which sits deeper.
 */
function findChannel(node: unknown, depth = 0): Channel | undefined {
  if (depth > 30 || node === null || typeof node !== 'object') return undefined;
  const here = channelOfEndpoint(node, '');
  if (here) return here;
  for (const child of Object.values(node)) {
    const found = findChannel(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function hasBadgeStyle(node: unknown, style: RegExp, depth = 0): boolean {
  if (depth > 12 || node === null || typeof node !== 'object') return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'badgeStyle' && typeof value === 'string' && style.test(value)) return true;
    if (hasBadgeStyle(value, style, depth + 1)) return true;
  }
  return false;
}

/**
 * The 2025– card (channel Videos tab, related videos): metadata rows of text parts. With an avatar
 * the first row is the channel name; the row holding the age also holds the views, first.
 */
const lockup: Handler = (r, c, scope) => {
  // Playlists, mixes, podcasts and channels use the same card; only videos are posts.
  if (r.contentType !== 'LOCKUP_CONTENT_TYPE_VIDEO') return;
  const id = str(r.contentId);
  if (!VIDEO_ID.test(id)) return c.fail('lockupViewModel: no video id');
  const meta = obj(at(r, 'metadata', 'lockupMetadataViewModel'));
  const rows = arr(at(meta, 'metadata', 'contentMetadataViewModel', 'metadataRows')).map((row) =>
    arr(obj(row)?.metadataParts).map((part) => textOf(obj(part)?.text)),
  );
  const avatarChannel = findChannel(meta?.image);
  const channel = avatarChannel
    ? { ...avatarChannel, name: rows.length > 1 ? (rows[0]?.[0] ?? '') : '' }
    : scope.channel;
  const isShort = at(
    r,
    'rendererContext',
    'commandContext',
    'onTap',
    'innertubeCommand',
    'reelWatchEndpoint',
  );
  const live = hasBadgeStyle(r.contentImage, /LIVE|UPCOMING/);
  const draft: VideoDraft = {
    id,
    format: live ? 'live' : isShort ? 'short' : 'video',
    title: textOf(meta?.title),
    channel,
    metrics: {},
  };
  const countRows = avatarChannel && rows.length > 1 ? rows.slice(1) : rows;
  const ageRow = countRows.find(
    (parts) => parts.length > 1 && readAge(parts[parts.length - 1] ?? '', c.ctx.now),
  );
  if (ageRow) applyTexts(draft, [ageRow[0] ?? ''], ageRow[ageRow.length - 1] ?? '', c, 'lockupViewModel');
  else {
    // No age: a live stream ("1.2K watching") or an upcoming one; read what looks like a count.
    const parts = countRows.flat().filter((t) => /\d/.test(t));
    const age = parts.find(looksLikeAge);
    if (age) c.fail(`lockupViewModel: unreadable date "${age}"`);
    applyTexts(draft, parts.filter((t) => !looksLikeAge(t)).slice(0, 1), '', c, 'lockupViewModel');
  }
  c.video(draft);
};

export const ITEM_HANDLERS: Record<string, Handler> = {
  videoRenderer: classicVideo('videoRenderer'),
  gridVideoRenderer: classicVideo('gridVideoRenderer'),
  compactVideoRenderer: classicVideo('compactVideoRenderer'),
  endScreenVideoRenderer: classicVideo('endScreenVideoRenderer'),
  playlistVideoRenderer: classicVideo('playlistVideoRenderer'),
  playlistPanelVideoRenderer: classicVideo('playlistPanelVideoRenderer'),
  reelItemRenderer: reelItem,
  shortsLockupViewModel: shortsLockup,
  lockupViewModel: lockup,
};
