/** The Posts view's filters as one pure predicate, so a filter change re-runs no query but this. */
import type { StoredPost } from '@/lib/db/schema';

export type Ownership = 'all' | 'mine' | 'competitor' | 'other';

export interface PostFilter {
  ownership: Ownership;
  format: string;
  /** YYYY-MM-DD, inclusive, compared with the posting date (UTC day of createdAt); '' for open. */
  from: string;
  to: string;
  text: string;
}

export const NO_FILTER: PostFilter = { ownership: 'all', format: 'all', from: '', to: '', text: '' };

/** Nothing filtered out: an empty list then means nothing was captured, not that the filters hide it. */
export const isNoFilter = (filter: PostFilter): boolean =>
  (Object.keys(NO_FILTER) as Array<keyof PostFilter>).every((k) => filter[k].trim() === NO_FILTER[k]);

/** Account roles by "platform:id", from the (small) accounts table. */
export type RoleIndex = ReadonlyMap<string, 'mine' | 'competitor'>;

export const authorKey = (post: Pick<StoredPost, 'platform' | 'authorId'>): string =>
  `${post.platform}:${post.authorId}`;

export function postMatcher(filter: PostFilter, roles: RoleIndex): (post: StoredPost) => boolean {
  const needle = filter.text.trim().toLowerCase();
  // ISO strings compare as dates; the end bound takes the whole day.
  const to = filter.to ? `${filter.to}T23:59:59.999Z` : '';
  return (post) => {
    if (filter.format !== 'all' && post.format !== filter.format) return false;
    if (filter.ownership !== 'all') {
      const role = roles.get(authorKey(post)) ?? 'other';
      if (role !== filter.ownership) return false;
    }
    if (filter.from || to) {
      if (!post.createdAt) return false;
      if (filter.from && post.createdAt < filter.from) return false;
      if (to && post.createdAt > to) return false;
    }
    if (needle) {
      const hay =
        `${post.text}\n${post.authorHandle}\n${post.authorName}\n${post.hashtags.join(' ')}`.toLowerCase();
      if (!hay.includes(needle)) return false;
    }
    return true;
  };
}
