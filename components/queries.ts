/**
 * The dashboard's reads, all through indexes and bounded: own accounts come from the `role` index,
 * own posts from [platform+authorId], history from [platform+postId+at] and [platform+accountId+at],
 * trends from the daily rollups. Nothing here scans postSnapshots (DESIGN.md "Budgets").
 */
import { Dexie } from 'dexie';
import { type Observation, observationsOf } from '@/lib/db/history';
import { ownerQuestionOpen } from '@/lib/db/owner';
import { accountPoints, coursePoints } from '@/lib/db/runs';
import { type AccountRole, db, type StoredAccount, type StoredPost } from '@/lib/db/schema';
import type { SettingKey } from '@/lib/messages';
import type { Platform } from '@/lib/records';
import type { RoleIndex } from './post-filter';

/** The browser's zone: the default until the user picks the audience's zone in Settings. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export async function readSetting<T>(key: SettingKey): Promise<T | undefined> {
  return (await db().settings.get(key))?.value as T | undefined;
}

export async function timeZoneSetting(): Promise<string> {
  return (await readSetting<string>('timeZone')) ?? browserTimeZone();
}

export async function accountsWithRole(role: AccountRole): Promise<StoredAccount[]> {
  return db().accounts.where('role').equals(role).toArray();
}

/** The most recently seen accounts the Accounts view and the owner question read. */
const RECENT_ACCOUNTS = 1000;

/**
 * The Accounts view's rows: the user's own accounts and competitors first (a handful, by the role
 * index), then the most recently seen others. Those are mostly commenters, thousands of them once
 * comments are captured; ordered by time alone they would push the user's own accounts out of sight.
 */
export async function accountsForView(): Promise<StoredAccount[]> {
  const [mine, competitors, recent] = await Promise.all([
    accountsWithRole('mine'),
    accountsWithRole('competitor'),
    db().accounts.orderBy('lastSeenAt').reverse().limit(RECENT_ACCOUNTS).toArray(),
  ]);
  const newestFirst = (a: StoredAccount, b: StoredAccount) => b.lastSeenAt - a.lastSeenAt;
  return [...mine.sort(newestFirst), ...competitors.sort(newestFirst), ...recent.filter((a) => !a.role)];
}

/**
 * Accounts a page said the signed-in user owns, not yet answered for. The question arises while the
 * account is being captured (`ownerSeenAt` is set with `lastSeenAt`), so the most recently seen
 * accounts hold it: a bounded read of the `lastSeenAt` index, as the Accounts view reads.
 */
export async function accountsToConfirm(): Promise<StoredAccount[]> {
  const recent = await db().accounts.orderBy('lastSeenAt').reverse().limit(RECENT_ACCOUNTS).toArray();
  return recent.filter(ownerQuestionOpen);
}

export async function roleIndex(): Promise<RoleIndex> {
  const accounts = await db().accounts.where('role').anyOf('mine', 'competitor').toArray();
  return new Map(accounts.map((a) => [`${a.platform}:${a.id}`, a.role as AccountRole]));
}

/**
 * Posts of some accounts, newest ids first, at most `perAccount` each. Post ids order by time on all
 * three sites (snowflakes, mids, and sample ids alike) closely enough for "the latest N".
 */
export async function postsOf(
  accounts: ReadonlyArray<Pick<StoredAccount, 'platform' | 'id'>>,
  perAccount: number,
): Promise<StoredPost[]> {
  const lists = await Promise.all(
    accounts.map((a) =>
      db()
        .posts.where('[platform+authorId]')
        .equals([a.platform, a.id])
        .reverse()
        .limit(perAccount)
        .toArray(),
    ),
  );
  return lists.flat();
}

/** Every observation of a post, oldest first: its snapshot rows, then its own latest counts. */
export async function postHistory(post: StoredPost): Promise<Observation[]> {
  const earlier = await db()
    .postSnapshots.where('[platform+postId+at]')
    .between([post.platform, post.id, Dexie.minKey], [post.platform, post.id, Dexie.maxKey])
    .toArray();
  return observationsOf(post, earlier);
}

/** A course's changes of price and counts, oldest first, as its runs say (lib/db/runs.ts). */
export async function courseHistory(url: string) {
  const runs = await db()
    .courseSnapshots.where('[url+at]')
    .between([url, Dexie.minKey], [url, Dexie.maxKey])
    .toArray();
  return coursePoints(runs);
}

/** An account's changes of counts, oldest first, as its runs say (lib/db/runs.ts). */
export async function accountHistory(platform: Platform, accountId: string) {
  const runs = await db()
    .accountSnapshots.where('[platform+accountId+at]')
    .between([platform, accountId, Dexie.minKey], [platform, accountId, Dexie.maxKey])
    .toArray();
  return accountPoints(runs);
}

export async function rollupsSince(platform: Platform, firstDay: string) {
  return db()
    .dailyRollups.where('[platform+day]')
    .between([platform, firstDay], [platform, Dexie.maxKey])
    .toArray();
}
