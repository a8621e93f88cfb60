/**
 * Which posts belong to a campaign: the ones attached by hand (campaign.postIds), plus own posts on
 * the campaign's platforms posted within its dates (in the audience's time zone), plus any post that
 * links the campaign's course. Pure: the dashboard and `npm run report` attach the same posts.
 */
import type { Campaign } from './report';
import { dayKey } from './time';

export interface AttachablePost {
  platform: string;
  id: string;
  authorId: string;
  createdAt: string | null;
  links?: readonly string[];
}

export type AttachReason = 'manual' | 'dates' | 'course-link';

/** Trailing slashes and fragments do not make a different course. */
const sameUrl = (a: string, b: string): boolean => {
  const norm = (u: string) => u.replace(/#.*$/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
};

export function attachReason(
  campaign: Pick<Campaign, 'platforms' | 'start' | 'end' | 'courseUrl' | 'postIds'>,
  post: AttachablePost,
  isOwn: boolean,
  timeZone: string,
): AttachReason | null {
  if (campaign.postIds.includes(post.id)) return 'manual';
  const course = campaign.courseUrl;
  if (course && post.links?.some((link) => sameUrl(link, course))) return 'course-link';
  if (!isOwn || !campaign.platforms.includes(post.platform) || !post.createdAt) return null;
  const at = Date.parse(post.createdAt);
  if (!Number.isFinite(at)) return null;
  const day = dayKey(at, timeZone);
  return day >= campaign.start && day <= campaign.end ? 'dates' : null;
}

/** The campaign with every attached post's id listed, for buildReport. */
export function withAttachedPosts<C extends Campaign>(
  campaign: C,
  posts: readonly AttachablePost[],
  isOwn: (post: AttachablePost) => boolean,
  timeZone: string,
): C {
  const ids = new Set(campaign.postIds);
  for (const post of posts) if (attachReason(campaign, post, isOwn(post), timeZone)) ids.add(post.id);
  return { ...campaign, postIds: [...ids] };
}
