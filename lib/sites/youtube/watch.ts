/**
 * The watch page: the player response (`videoDetails`: exact views, channel id; microformat: publish
 * time with its offset) and the next response (like button label with the full count, comment
 * count, the date line, the owner and subscribers).
 */

import { exactCount } from '../../parse/count';
import { videoOwner } from './channel';
import { CHANNEL_ID, type Collector, VIDEO_ID, type VideoDraft } from './collect';
import { handleOf } from './items';
import {
  arr,
  at,
  type Json,
  obj,
  readAge,
  readCount,
  readDisplayDate,
  readIsoDate,
  readViews,
  str,
  textOf,
} from './text';

/** Shorts are at most 3 minutes long; the Shorts player (`reel`) also plays ordinary videos. */
const MAX_SHORT_SECONDS = 180;

export function playerVideo(
  player: Json,
  c: Collector,
  opts: { reel?: boolean; shortUrl?: boolean } = {},
): void {
  const details = obj(player.videoDetails);
  const id = str(details?.videoId);
  if (!details || !VIDEO_ID.test(id)) {
    c.fail('player: no videoDetails.videoId');
    return;
  }
  const micro = obj(at(player, 'microformat', 'playerMicroformatRenderer'));
  const channelId = str(details.channelId) || str(micro?.externalChannelId);
  const upcoming = details.isUpcoming === true;
  const liveNow = details.isLive === true || at(micro, 'liveBroadcastDetails', 'isLiveNow') === true;
  const seconds = Number(str(details.lengthSeconds) || Number.NaN);
  const short = opts.shortUrl || (opts.reel && seconds > 0 && seconds <= MAX_SHORT_SECONDS);
  const draft: VideoDraft = {
    id,
    format: details.isLiveContent === true || upcoming ? 'live' : short ? 'short' : 'video',
    title: str(details.title),
    channel: {
      id: CHANNEL_ID.test(channelId) ? channelId : '',
      handle: handleOf(str(micro?.ownerProfileUrl)),
      name: str(details.author) || str(micro?.ownerChannelName),
    },
    published: readIsoDate(micro?.publishDate) ?? readIsoDate(micro?.uploadDate),
    metrics: {},
  };
  // Before a premiere or stream starts the count is a placeholder "0"; during a stream it counts
  // viewers now. Neither is the video's views.
  const views = exactCount(details.viewCount) ?? exactCount(micro?.viewCount);
  if (views !== undefined && !upcoming && !liveNow) draft.metrics.views = { value: views, exact: true };
  const likes = exactCount(micro?.likeCount);
  if (likes !== undefined) draft.metrics.likes = { value: likes, exact: true };
  c.video(draft);
}

/** The like button's label carries the full count in every layout since 2020. */
function likeLabel(primary: Json): string {
  for (const button of arr(at(primary, 'videoActions', 'menuRenderer', 'topLevelButtons'))) {
    const b = obj(button);
    const label =
      str(
        at(
          b,
          'segmentedLikeDislikeButtonViewModel',
          'likeButtonViewModel',
          'likeButtonViewModel',
          'toggleButtonViewModel',
          'toggleButtonViewModel',
          'defaultButtonViewModel',
          'buttonViewModel',
          'accessibilityText',
        ),
      ) ||
      str(
        at(
          b,
          'segmentedLikeDislikeButtonRenderer',
          'likeButton',
          'toggleButtonRenderer',
          'accessibilityData',
          'accessibilityData',
          'label',
        ),
      ) ||
      (str(at(b, 'toggleButtonRenderer', 'defaultIcon', 'iconType')) === 'LIKE'
        ? str(at(b, 'toggleButtonRenderer', 'accessibilityData', 'accessibilityData', 'label'))
        : '');
    if (label) return label;
  }
  return '';
}

/** "228K" on the comments teaser, or the comments panel header ("19.783"). */
function commentsText(data: Json, contents: unknown[]): string {
  for (const panel of arr(data.engagementPanels)) {
    const p = obj(at(panel, 'engagementPanelSectionListRenderer'));
    if (str(p?.panelIdentifier) !== 'engagement-panel-comments-section') continue;
    const text = textOf(at(p, 'header', 'engagementPanelTitleHeaderRenderer', 'contextualInfo'));
    if (text) return text;
  }
  for (const item of contents) {
    for (const inner of arr(at(item, 'itemSectionRenderer', 'contents'))) {
      const text = textOf(at(inner, 'commentsEntryPointHeaderRenderer', 'commentCount'));
      if (text) return text;
    }
  }
  return '';
}

/**
 * Responses trimmed of `currentVideoEndpoint` (Invidious mocks) still name the video in the primary
 * info's own buttons (like, share, sign-in prompts), which all act on this video.
 */
function firstVideoId(node: unknown, depth = 0): string {
  if (depth > 20 || node === null || typeof node !== 'object') return '';
  const own = str((node as Json).videoId);
  if (VIDEO_ID.test(own)) return own;
  for (const child of Object.values(node)) {
    const found = firstVideoId(child, depth + 1);
    if (found) return found;
  }
  return '';
}

const LIVE_DATE = /stream|live|直播|配信|geplant|schedul|programad|prévu/i;
const SCHEDULED = /schedul|geplant|programad|prévu|预定|預定|予定/i;

export function nextVideo(data: Json, c: Collector): void {
  const contents = arr(at(data, 'contents', 'twoColumnWatchNextResults', 'results', 'results', 'contents'));
  const primary = contents.map((x) => obj(obj(x)?.videoPrimaryInfoRenderer)).find(Boolean);
  const secondary = contents.map((x) => obj(obj(x)?.videoSecondaryInfoRenderer)).find(Boolean);
  if (!primary) return;
  const id =
    str(at(data, 'currentVideoEndpoint', 'watchEndpoint', 'videoId')) || firstVideoId(primary.videoActions);
  if (!VIDEO_ID.test(id)) {
    c.fail('next: no video id for the primary info');
    return;
  }
  const owner = obj(at(secondary, 'owner', 'videoOwnerRenderer'));
  if (owner) videoOwner(owner, c, {});
  const ownerRun = obj(arr(at(owner, 'title', 'runs'))[0]);
  const ownerEndpoint = obj(at(ownerRun, 'navigationEndpoint', 'browseEndpoint'));
  const draft: VideoDraft = {
    id,
    format: 'video',
    title: textOf(primary.title),
    channel: {
      id: CHANNEL_ID.test(str(ownerEndpoint?.browseId)) ? str(ownerEndpoint?.browseId) : '',
      handle: handleOf(str(ownerEndpoint?.canonicalBaseUrl)),
      name: str(ownerRun?.text),
    },
    metrics: {},
  };
  const counter = obj(at(primary, 'viewCount', 'videoViewCountRenderer'));
  if (counter?.isLive === true) draft.format = 'live';
  for (const text of [textOf(counter?.viewCount), textOf(counter?.shortViewCount)]) {
    const reading = text ? readViews(text, c.locale) : null;
    if (reading?.kind === 'audience') draft.format = 'live';
    if (reading?.kind === 'unknown') c.fail(`next: unreadable view count "${reading.text}"`);
    if (
      reading?.kind === 'count' &&
      (!draft.metrics.views || (reading.count.exact && !draft.metrics.views.exact))
    ) {
      draft.metrics.views = reading.count;
    }
  }
  const likes = readCount(likeLabel(primary), c.locale);
  if (likes) draft.metrics.likes = likes;
  const comments = commentsText(data, contents);
  const commentCount = comments ? readCount(comments, c.locale) : null;
  if (commentCount) draft.metrics.comments = commentCount;
  else if (comments && /\d/.test(comments)) c.fail(`next: unreadable comment count "${comments}"`);
  const dateText = textOf(primary.dateText);
  if (dateText && LIVE_DATE.test(dateText)) draft.format = 'live';
  // "Scheduled for Feb 28, 2023" is when it will start, not when it was published.
  if (!SCHEDULED.test(dateText)) {
    draft.published =
      readDisplayDate(dateText, c.locale) ?? readAge(textOf(primary.relativeDateText), c.ctx.now);
    if (!draft.published && /\d/.test(dateText)) c.fail(`next: unreadable date "${dateText}"`);
  }
  c.video(draft);
}
