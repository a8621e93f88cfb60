/**
 * A post's history of counts: its earlier observations (postSnapshots rows) followed by its latest
 * one, which lives on the post itself (metrics at metricsAt). Pure: no Dexie.
 */
import type { MetricKey, Metrics } from '../records';
import type { Millis, PostSnapshot, StoredPost } from './schema';

/** A post seen without any count (a quoted stub) has no observation of counts to keep. */
const hasCounts = (m: Metrics): boolean => Object.keys(m).length > 0;

export interface Observation {
  at: Millis;
  m: Metrics;
  approx?: MetricKey[];
}

type Latest = Pick<StoredPost, 'metrics' | 'metricsAt' | 'approx'>;

/** Every observation of a post, oldest first; `earlier` are its snapshot rows in any order. */
export function observationsOf(post: Latest, earlier: readonly PostSnapshot[]): Observation[] {
  const { metricsAt } = post;
  const history: Observation[] = earlier
    .filter((s) => metricsAt === undefined || s.at < metricsAt)
    .map((s) => ({ at: s.at, m: s.m, ...(s.approx?.length ? { approx: s.approx } : {}) }))
    .sort((a, b) => a.at - b.at);
  // A schema 1 row's latest counts are already its last snapshot.
  if (metricsAt === undefined || !hasCounts(post.metrics)) return history;
  history.push({ at: metricsAt, m: post.metrics, ...(post.approx.length ? { approx: post.approx } : {}) });
  return history;
}

/**
 * The latest observation as a snapshot row, for when newer counts replace it on the post; null when
 * there is none to keep (no counts) or it is already a row (schema 1).
 */
export function latestAsSnapshot(post: StoredPost): PostSnapshot | null {
  if (post.metricsAt === undefined || !hasCounts(post.metrics)) return null;
  return {
    platform: post.platform,
    postId: post.id,
    at: post.metricsAt,
    m: post.metrics,
    ...(post.approx.length ? { approx: post.approx } : {}),
  };
}
