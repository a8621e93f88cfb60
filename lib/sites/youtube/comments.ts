/**
 * Comments and replies in `youtubei/v1/next` continuations (the comments section and each thread's
 * "N replies"). Two shapes:
 * - 2024+: the items are `commentViewModel`s holding only keys; the comment itself is a
 *   `commentEntityPayload` in `frameworkUpdates.entityBatchUpdate.mutations`, joined by `commentKey`
 *   (the heart state by `toolbarStateKey`, the link to the video by `commentSurfaceKey`).
 * - before 2024: a `commentRenderer` per comment, everything inline.
 * A reply's id is "<parent id>.<reply id>" in both, which names its parent.
 *
 * YouTube shows no follower count, bio or location for a commenter: only the channel and its handle.
 */
import { MAX_ID, MAX_NAME, MAX_TEXT } from '../../record-keys';
import type { CommentMetricKey, CommentRecord } from '../../records';
import type { Collector } from './collect';
import { CHANNEL_ID, VIDEO_ID } from './collect';
import { arr, at, type Count, type Json, obj, readAge, readCount, str, textOf } from './text';

/** The continuation items of every command in the body (reload the section, append a page of replies). */
function continuationItems(body: Json): unknown[] {
  const items: unknown[] = [];
  for (const endpoint of arr(body.onResponseReceivedEndpoints)) {
    const e = obj(endpoint);
    if (!e) continue;
    for (const command of [e.reloadContinuationItemsCommand, e.appendContinuationItemsAction])
      items.push(...arr(obj(command)?.continuationItems));
  }
  return items;
}

/** Entity payloads by key: the 2024+ comment, its surface and its toolbar state. */
function entitiesOf(body: Json): Map<string, Json> {
  const entities = new Map<string, Json>();
  for (const mutation of arr(at(body, 'frameworkUpdates', 'entityBatchUpdate', 'mutations'))) {
    const m = obj(mutation);
    const payload = obj(m?.payload);
    const key = str(m?.entityKey);
    if (!payload || !key) continue;
    for (const name in payload) {
      const entity = obj(payload[name]);
      if (entity) entities.set(key, entity);
    }
  }
  return entities;
}

const isCommentId = (id: string): boolean =>
  /^[\w-]{1,30}(?:\.[\w-]{1,30})?$/.test(id) && id.length <= MAX_ID;
const parentOf = (id: string): string | null => (id.includes('.') ? id.slice(0, id.indexOf('.')) : null);

interface Draft {
  id: string;
  /** The video the comment's own link names, if any. */
  videoId: string;
  channelId: string;
  displayName: string;
  text: string;
  published: string;
  likes: Count | null;
  replies: Count | null;
  byCreator: boolean;
  hearted: boolean;
  pinned: boolean;
}

function addComment(c: Collector, draft: Draft, pageVideo: string): void {
  if (!isCommentId(draft.id)) {
    c.fail('comment without a usable id');
    return;
  }
  const metrics: CommentRecord['metrics'] = {};
  const approx: CommentMetricKey[] = [];
  const put = (key: CommentMetricKey, count: Count | null) => {
    if (!count) return;
    metrics[key] = count.value;
    if (!count.exact) approx.push(key);
  };
  put('likes', draft.likes);
  put('replies', draft.replies);
  const published = draft.published ? readAge(draft.published, c.ctx.now) : null;
  const name = draft.displayName.trim().slice(0, MAX_NAME);
  const channelId = CHANNEL_ID.test(draft.channelId) ? draft.channelId : '';
  const record: CommentRecord = {
    kind: 'comment',
    platform: 'youtube',
    id: draft.id,
    // The comment's own link wins: after in-app navigation the page URL may already name the next video.
    postId: VIDEO_ID.test(draft.videoId) ? draft.videoId : pageVideo,
    parentId: parentOf(draft.id),
    authorId: channelId,
    authorHandle: name.startsWith('@') ? name : '',
    authorName: name,
    text: draft.text.slice(0, MAX_TEXT),
    createdAt: published?.createdAt ?? null,
    createdAtApprox: published !== null,
    metrics,
    metricsExact: approx.length === 0,
  };
  if (approx.length && approx.length < Object.keys(metrics).length) record.approx = approx;
  if (draft.byCreator) record.byCreator = true;
  if (draft.hearted) record.hearted = true;
  if (draft.pinned) record.pinned = true;
  c.comment(record);
  if (channelId) {
    c.account({
      kind: 'account',
      platform: 'youtube',
      id: channelId,
      handle: record.authorHandle,
      // Comments show the handle where a name would be: a stored channel name must not become it.
      name: name.startsWith('@') ? '' : name,
      followersExact: false,
    });
  }
}

/** A count as shown ("9.8k", "327", "" for none); an empty or unreadable one is unknown, not 0. */
const countOf = (text: string, c: Collector): Count | null =>
  text.trim() ? readCount(text, c.locale) : null;

function fromViewModel(vm: Json, entities: Map<string, Json>, c: Collector): Draft | null {
  const entity = entities.get(str(vm.commentKey));
  if (!entity) return null;
  const props = obj(entity.properties) ?? {};
  const author = obj(entity.author) ?? {};
  const toolbar = obj(entity.toolbar) ?? {};
  const state = entities.get(str(props.toolbarStateKey) || str(vm.toolbarStateKey));
  const surface = entities.get(str(vm.commentSurfaceKey));
  return {
    id: str(props.commentId) || str(vm.commentId),
    videoId: str(at(surface, 'publishedTimeCommand', 'innertubeCommand', 'watchEndpoint', 'videoId')),
    channelId: str(author.channelId),
    displayName: str(author.displayName),
    text: textOf(props.content),
    published: str(props.publishedTime),
    likes: countOf(str(toolbar.likeCountNotliked), c),
    replies: countOf(str(toolbar.replyCount), c),
    byCreator: author.isCreator === true,
    hearted: str(state?.heartState) === 'TOOLBAR_HEART_STATE_HEARTED',
    pinned: str(vm.pinnedText) !== '',
  };
}

function fromRenderer(r: Json, c: Collector): Draft {
  const buttons = obj(at(r, 'actionButtons', 'commentActionButtonsRenderer')) ?? {};
  // "Like this comment along with 9,714 other people" is exact where voteCount shows "9.7K".
  const likeLabel = str(
    at(buttons, 'likeButton', 'toggleButtonRenderer', 'accessibilityData', 'accessibilityData', 'label'),
  );
  const fromLabel = /\d/.test(likeLabel) ? readCount(likeLabel, c.locale) : null;
  const replies = typeof r.replyCount === 'number' ? { value: r.replyCount, exact: true } : null;
  return {
    id: str(r.commentId),
    videoId: str(at(r, 'publishedTimeText', 'runs', 0, 'navigationEndpoint', 'watchEndpoint', 'videoId')),
    channelId: str(at(r, 'authorEndpoint', 'browseEndpoint', 'browseId')),
    displayName: textOf(r.authorText),
    text: textOf(r.contentText),
    published: textOf(r.publishedTimeText),
    likes: fromLabel ?? countOf(textOf(r.voteCount), c),
    replies: replies && Number.isSafeInteger(replies.value) && replies.value >= 0 ? replies : null,
    byCreator: r.authorIsChannelOwner === true,
    hearted: at(buttons, 'creatorHeart', 'creatorHeartRenderer', 'isHearted') === true,
    pinned: obj(r.pinnedCommentBadge) !== undefined,
  };
}

/** The comment of one continuation item: a thread (top-level comment) or a bare reply. */
function commentIn(item: Json): { vm?: Json; renderer?: Json } {
  const thread = obj(item.commentThreadRenderer) ?? item;
  const vm = obj(at(thread, 'commentViewModel', 'commentViewModel')) ?? obj(thread.commentViewModel);
  if (vm) return { vm };
  const renderer = obj(at(thread, 'comment', 'commentRenderer')) ?? obj(thread.commentRenderer);
  return renderer ? { renderer } : {};
}

/** Every comment and reply in a `next` continuation body. `pageVideo` is the watch page's video, or "". */
export function collectComments(body: Json, c: Collector, pageVideo: string): void {
  const items = continuationItems(body);
  if (items.length === 0) return;
  let entities: Map<string, Json> | undefined;
  for (const raw of items) {
    const item = obj(raw);
    if (!item) continue;
    const { vm, renderer } = commentIn(item);
    if (vm) {
      entities ??= entitiesOf(body);
      const draft = fromViewModel(vm, entities, c);
      if (draft) addComment(c, draft, pageVideo);
      else c.fail('comment view model without its commentEntityPayload');
    } else if (renderer) addComment(c, fromRenderer(renderer, c), pageVideo);
  }
}
