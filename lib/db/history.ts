/**
 * A post's history of counts: its earlier observations (postSnapshots rows) followed by its latest
 * one, which lives on the post itself (metrics at metricsAt). Pure: no Dexie.
 */
import type { MetricKey, Metrics } from '../records';
import { sameMetrics } from './merge';
import type { Millis, PostSnapshot, StoredPost } from './schema';

/** A post seen without any count (a quoted stub) has no observation of counts to keep. */
export const hasCounts = (m: Metrics): boolean => Object.keys(m).length > 0;

export interface Observation {
  at: Millis;
  m: Metrics;
  approx?: MetricKey[];
}

type Latest = Pick<StoredPost, 'metrics' | 'metricsAt' | 'approx'>;

/** Every observation of a post, oldest first; `earlier` are its snapshot rows in any order. */
export function observationsOf(post: Latest, earlier: readonly PostSnapshot[]): Observation[] {
  const history: Observation[] = earlier
    .filter((s) => s.at < post.metricsAt)
    .map((s) => ({ at: s.at, m: s.m, ...(s.approx?.length ? { approx: s.approx } : {}) }))
    .sort((a, b) => a.at - b.at);
  if (!hasCounts(post.metrics)) return history;
  history.push({
    at: post.metricsAt,
    m: post.metrics,
    ...(post.approx.length ? { approx: post.approx } : {}),
  });
  return history;
}

/** The latest observation as a snapshot row, for when newer counts replace it on the post. */
export function latestAsSnapshot(post: StoredPost): PostSnapshot {
  return {
    platform: post.platform,
    postId: post.id,
    at: post.metricsAt,
    m: post.metrics,
    ...(post.approx.length ? { approx: post.approx } : {}),
  };
}

/**
 * Version 1 stored a post's latest counts also as its last snapshot. That snapshot's time becomes
 * metricsAt and the row goes (it would repeat the post); if the counts differ (a late batch), the
 * row stays and the post's counts date from when it was last seen.
 */
export function latestObservation(
  post: Pick<StoredPost, 'metrics' | 'lastSeenAt'>,
  lastSnapshot: PostSnapshot | undefined,
): { metricsAt: Millis; movesSnapshot: boolean } {
  if (lastSnapshot && sameMetrics(lastSnapshot.m, post.metrics))
    return { metricsAt: lastSnapshot.at, movesSnapshot: true };
  return {
    metricsAt: Math.max(post.lastSeenAt, lastSnapshot ? lastSnapshot.at + 1 : 0),
    movesSnapshot: false,
  };
}

/** Version 1 rows as version 2 keeps them (for backups written by version 1). */
export function moveLatestOntoPosts(
  posts: ReadonlyArray<Omit<StoredPost, 'metricsAt'> & { metricsAt?: Millis }>,
  snapshots: readonly PostSnapshot[],
): { posts: StoredPost[]; postSnapshots: PostSnapshot[] } {
  const key = (platform: string, id: string) => `${platform}\u0000${id}`;
  const last = new Map<string, PostSnapshot>();
  for (const s of snapshots) {
    const k = key(s.platform, s.postId);
    if ((last.get(k)?.at ?? -1) < s.at) last.set(k, s);
  }
  const moved = new Set<PostSnapshot>();
  const upgraded = posts.map((post) => {
    const latest = last.get(key(post.platform, post.id));
    const { metricsAt, movesSnapshot } = latestObservation(post, latest);
    if (latest && movesSnapshot) moved.add(latest);
    return { ...post, metricsAt };
  });
  return { posts: upgraded, postSnapshots: snapshots.filter((s) => !moved.has(s)) };
}
