/**
 * One YouTube JSON document (a youtubei response, or `ytInitialData` / `ytInitialPlayerResponse` of a
 * page) into the collector: the watch parts by their fixed paths, everything else by walking the
 * tree for the renderers in ITEM_HANDLERS and CHANNEL_HANDLERS.
 */
import { MAX_NAME } from '../../record-keys';
import { CHANNEL_HANDLERS, channelOfPage, ownerOfPlaylist } from './channel';
import type { Collector } from './collect';
import { type Handler, ITEM_HANDLERS, type Scope } from './items';
import { viewerOwnsChannel } from './owner';
import { at, type Json, obj } from './text';
import { nextVideo, playerVideo } from './watch';

const HANDLERS: Record<string, Handler> = {
  ...ITEM_HANDLERS,
  ...CHANNEL_HANDLERS,
  // Read by nextVideo through fixed paths; walking into them again would only repeat it.
  videoPrimaryInfoRenderer: () => {},
  videoSecondaryInfoRenderer: () => {},
};

// Subtrees that never hold a video card: skipping them keeps the walk well under a JSON.parse.
const SKIP = new Set([
  'responseContext',
  'frameworkUpdates',
  'topbar',
  'trackingParams',
  'clickTrackingParams',
  'loggingDirectives',
  'streamingData',
  'playerConfig',
  'storyboards',
  'playbackTracking',
  'captions',
  'attestation',
  'adPlacements',
  'playerAds',
  'adSlots',
  'annotations',
  'thumbnail',
  'thumbnails',
  'microformat',
  'commandMetadata',
  'hotkeyDialog',
  // Comments are read by lib/sites/youtube/comments.ts; the header carries the whole emoji picker.
  'commentsHeaderRenderer',
  'commentThreadRenderer',
  'commentViewModel',
  'commentRenderer',
]);

/** Deep enough for every layout seen; a bound so a hostile body cannot exhaust the stack. */
const MAX_DEPTH = 120;

// What the walk does at a key, found with one lookup per key: skip the subtree, or hand it to a
// renderer's handler. A Map holds only its own entries, so a body key like "constructor" finds none.
const SKIP_SUBTREE = 'skip';
// Later entries win: a key in SKIP stays skipped even if a handler ever shared its name.
const AT_KEY = new Map<string, Handler | typeof SKIP_SUBTREE>([
  ...Object.entries(HANDLERS),
  ...[...SKIP].map((key) => [key, SKIP_SUBTREE] as const),
]);

function walk(node: unknown, c: Collector, scope: Scope, depth: number): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) if (item !== null && typeof item === 'object') walk(item, c, scope, depth + 1);
    return;
  }
  for (const key in node) {
    const value = (node as Json)[key];
    if (value === null || typeof value !== 'object') continue;
    const action = AT_KEY.get(key);
    if (action === SKIP_SUBTREE) continue;
    if (action) {
      const renderer = obj(value);
      if (renderer) action(renderer, c, scope);
    } else walk(value, c, scope, depth + 1);
  }
}

export interface DataOptions {
  /** `reel/reel_item_watch`: the Shorts player, which also plays ordinary videos. */
  reel?: boolean;
  /** The page URL is /shorts/<this video>. */
  shortUrl?: boolean;
}

export function collectData(data: Json, c: Collector, opts: DataOptions = {}): void {
  const player = obj(data.playerResponse) ?? (data.videoDetails ? data : undefined);
  if (player) playerVideo(player, c, opts);
  if (at(data, 'contents', 'twoColumnWatchNextResults')) nextVideo(data, c);
  const page = channelOfPage(data);
  walk(data, c, { channel: page ?? ownerOfPlaylist(data) }, 0);
  if (page && viewerOwnsChannel(data.header, page.id)) {
    c.account({
      kind: 'account',
      platform: 'youtube',
      ...page,
      name: page.name.slice(0, MAX_NAME),
      followersExact: false,
      viewerIsOwner: true,
    });
  }
}
