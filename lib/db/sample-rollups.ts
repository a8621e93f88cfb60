import { engagements } from '../metrics/engagement';
import { localDay } from '../metrics/time';
import { latestAsSnapshot } from './history';
import type { DailyRollup, PostSnapshot, StoredPost } from './schema';

/** The daily rollups the write path would have kept had these posts' observations been captured live. */
export function rollupsOf(posts: readonly StoredPost[], snapshots: readonly PostSnapshot[]): DailyRollup[] {
  const byDay = new Map<string, DailyRollup>();
  const previous = new Map<string, PostSnapshot>();
  const latest = posts.map(latestAsSnapshot).filter((s): s is PostSnapshot => s !== null);
  const ordered = [...snapshots, ...latest].sort((a, b) => a.at - b.at);
  for (const s of ordered) {
    const day = localDay(s.at);
    const key = `${s.platform}|${day}`;
    const rollup = byDay.get(key) ?? {
      platform: s.platform,
      day,
      newPosts: 0,
      snapshots: 0,
      engagementGain: 0,
      viewGain: 0,
    };
    const before = previous.get(`${s.platform}|${s.postId}`);
    rollup.snapshots++;
    if (before) {
      rollup.engagementGain += Math.max(0, (engagements(s.m) ?? 0) - (engagements(before.m) ?? 0));
      rollup.viewGain += Math.max(0, (s.m.views ?? 0) - (before.m.views ?? 0));
    } else rollup.newPosts++;
    previous.set(`${s.platform}|${s.postId}`, s);
    byDay.set(key, rollup);
  }
  return [...byDay.values()];
}

/** Adds (sign 1) or removes (sign -1) a set of rollups from the stored ones. */
export function combine(stored: DailyRollup | undefined, delta: DailyRollup, sign: 1 | -1): DailyRollup {
  const base = stored ?? { ...delta, newPosts: 0, snapshots: 0, engagementGain: 0, viewGain: 0 };
  const add = (a: number, b: number) => Math.max(0, a + sign * b);
  return {
    ...base,
    newPosts: add(base.newPosts, delta.newPosts),
    snapshots: add(base.snapshots, delta.snapshots),
    engagementGain: add(base.engagementGain, delta.engagementGain),
    viewGain: add(base.viewGain, delta.viewGain),
  };
}
