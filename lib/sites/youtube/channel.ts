/**
 * Channels as account records (subscribers) and YouTube course playlists as course records. The
 * subscriber count is always printed abbreviated above 1 000 ("1.38M subscribers"), so it is usually
 * approximate; YouTube offers no exact count anywhere.
 */
import { MAX_NAME, MAX_TITLE } from '../../record-keys';
import type { AccountRecord } from '../../records';
import { CHANNEL_ID, type Channel, type Collector } from './collect';
import { channelOfEndpoint, channelOfRuns, type Handler, handleOf } from './items';
import { arr, at, type Json, obj, readCount, str, textOf } from './text';

/** The channel a browse response describes (`metadata.channelMetadataRenderer`), if any. */
export function channelOfPage(data: Json): Channel | undefined {
  const meta = obj(at(data, 'metadata', 'channelMetadataRenderer'));
  const id = str(meta?.externalId);
  if (!CHANNEL_ID.test(id)) return undefined;
  return { id, handle: handleOf(str(meta?.vanityChannelUrl)), name: str(meta?.title) };
}

/**
 * A playlist page's owner. Course playlists print no byline on their items (every lesson is the
 * owner's), so the items are attributed to the owner; items with a byline keep their own.
 */
export function ownerOfPlaylist(data: Json): Channel | undefined {
  for (const item of arr(at(data, 'sidebar', 'playlistSidebarRenderer', 'items'))) {
    const owner = obj(at(item, 'playlistSidebarSecondaryInfoRenderer', 'videoOwner', 'videoOwnerRenderer'));
    const channel =
      owner &&
      (channelOfRuns(owner.title) ?? channelOfEndpoint(owner.navigationEndpoint, textOf(owner.title)));
    if (channel) return { ...channel, name: channel.name || textOf(owner?.title) };
  }
  return channelOfRuns(at(data, 'header', 'playlistHeaderRenderer', 'ownerText'));
}

export function addAccount(c: Collector, channel: Channel, followersText: string, videosText = ''): void {
  const record: AccountRecord = {
    kind: 'account',
    platform: 'youtube',
    id: channel.id,
    handle: channel.handle,
    name: channel.name.slice(0, MAX_NAME),
    followersExact: false,
  };
  const followers = followersText ? readCount(followersText, c.locale) : null;
  if (followersText && !followers && /\d/.test(followersText)) {
    c.fail(`subscribers: unreadable "${followersText}"`);
  }
  if (followers) {
    record.followers = followers.value;
    record.followersExact = followers.exact;
  }
  // `posts` has no exactness flag: an abbreviated video count ("6,8 K") is left out.
  const videos = videosText ? readCount(videosText, c.locale) : null;
  if (videos?.exact) record.posts = videos.value;
  c.account(record);
}

/** Watch page owner line: name, link and "320M subscribers". */
export const videoOwner: Handler = (r, c) => {
  const channel = channelOfRuns(r.title) ?? channelOfEndpoint(r.navigationEndpoint, textOf(r.title));
  if (channel)
    addAccount(c, { ...channel, name: channel.name || textOf(r.title) }, textOf(r.subscriberCountText));
};

/** The channel header before 2024: subscribers, handle and video count. */
const c4Header: Handler = (r, c, scope) => {
  const id = str(r.channelId);
  if (!CHANNEL_ID.test(id)) return;
  const handle = textOf(r.channelHandleText);
  const channel = {
    id,
    handle: handle.startsWith('@') ? handle : (scope.channel?.handle ?? ''),
    name: str(r.title) || scope.channel?.name || '',
  };
  addAccount(c, channel, textOf(r.subscriberCountText), textOf(r.videosCountText));
};

/** The 2024– header: rows of parts, "@handle" then "25m subscribers • 337 videos". */
const pageHeader: Handler = (r, c, scope) => {
  if (!scope.channel) return;
  const rows = arr(
    at(r, 'content', 'pageHeaderViewModel', 'metadata', 'contentMetadataViewModel', 'metadataRows'),
  ).map((row) => arr(obj(row)?.metadataParts).map((part) => textOf(obj(part)?.text)));
  const parts = rows.flat();
  const handle = parts.find((t) => t.startsWith('@')) ?? scope.channel.handle;
  const counts = parts.filter((t) => /\d/.test(t) && !t.startsWith('@'));
  addAccount(c, { ...scope.channel, handle }, counts[0] ?? '', counts[1] ?? '');
};

/** Search results and channel lists. Since 2024 `subscriberCountText` holds the handle and
 * `videoCountText` the subscribers; both layouts are read. */
const channelCard: Handler = (r, c) => {
  const id = str(r.channelId);
  if (!CHANNEL_ID.test(id)) return;
  const subscriberText = textOf(r.subscriberCountText);
  const swapped = subscriberText.startsWith('@');
  const handle = swapped
    ? subscriberText
    : handleOf(str(at(r, 'navigationEndpoint', 'browseEndpoint', 'canonicalBaseUrl')));
  addAccount(
    c,
    { id, handle, name: textOf(r.title) },
    swapped ? textOf(r.videoCountText) : subscriberText,
    swapped ? '' : textOf(r.videoCountText),
  );
};

// The "Course" badge of a playlist header, in the languages our users use.
const COURSE_BADGE = /course|curso|cours|kurs|corso|课程|課程|コース|강좌/i;

/** A YouTube course is a playlist with a "Course" badge: free to watch, so no price is shown. */
const playlistHeader: Handler = (r, c) => {
  const id = str(r.playlistId);
  const badges = arr(r.playlistBadges).map((b) => str(at(b, 'metadataBadgeRenderer', 'label')));
  if (!/^[\w-]{10,64}$/.test(id) || !badges.some((label) => COURSE_BADGE.test(label))) return;
  const lessons = readCount(textOf(r.numVideosText), c.locale);
  const owner = channelOfRuns(r.ownerText);
  c.course({
    kind: 'course',
    url: `https://www.youtube.com/playlist?list=${id}`,
    title: textOf(r.title).slice(0, MAX_TITLE),
    provider: 'YouTube',
    ...(owner?.name ? { instructor: owner.name.slice(0, MAX_NAME) } : {}),
    price: null,
    currency: null,
    source: 'site',
    ...(lessons?.exact ? { lessons: lessons.value } : {}),
    missing: ['price'],
  });
};

export const CHANNEL_HANDLERS: Record<string, Handler> = {
  videoOwnerRenderer: videoOwner,
  c4TabbedHeaderRenderer: c4Header,
  pageHeaderRenderer: pageHeader,
  channelRenderer: channelCard,
  gridChannelRenderer: channelCard,
  playlistHeaderRenderer: playlistHeader,
};
