/**
 * Today's capture totals across platforms, summed from the daily rollups the write path keeps. The
 * background publishes them to session storage after every write, so the popup can show them before
 * its IndexedDB connection is open (20–40 ms after its script starts, on these machines); the
 * popup's live query over the same rollups then takes over.
 */
import { browser } from 'wxt/browser';
import { now } from '../clock';
import { localDay } from '../metrics/time';
import { PLATFORMS, type Platform } from '../record-keys';
import type { CoursePulseDb, DailyRollup } from './schema';

export interface TodayTotals {
  /** The local day (YYYY-MM-DD) the totals are for. */
  day: string;
  newPosts: number;
  snapshots: number;
  engagementGain: number;
}

const SESSION_KEY = 'today';

export function todayTotals(day: string, rollups: ReadonlyArray<DailyRollup | undefined>): TodayTotals {
  const totals: TodayTotals = { day, newPosts: 0, snapshots: 0, engagementGain: 0 };
  for (const r of rollups) {
    if (!r || r.day !== day) continue;
    totals.newPosts += r.newPosts;
    totals.snapshots += r.snapshots;
    totals.engagementGain += r.engagementGain;
  }
  return totals;
}

/** The totals of the local day of `now`, from the rollups (a read of three rows). */
export async function readToday(db: CoursePulseDb, now: number): Promise<TodayTotals> {
  const day = localDay(now);
  return todayTotals(
    day,
    await db.dailyRollups.bulkGet(PLATFORMS.map((p) => [p, day] as [Platform, string])),
  );
}

/**
 * For the background, the single writer: a function to call after each write. Publications run one
 * after another, so totals read later are never overwritten by totals read earlier; a burst of
 * writes while one is waiting its turn shares that one, which reads the totals when it starts.
 */
export function todayPublisher(db: CoursePulseDb): () => Promise<void> {
  let last = Promise.resolve();
  let waiting = false;
  return () => {
    if (waiting) return last;
    waiting = true;
    last = last
      .then(async () => {
        waiting = false;
        await browser.storage.session.set({ [SESSION_KEY]: await readToday(db, now()) });
      })
      .catch((error) => console.error('CoursePulse could not publish today’s totals', error));
    return last;
  };
}

/** The totals last published for the local day of `now`, or undefined (none yet, or another day's). */
export async function publishedToday(now: number): Promise<TodayTotals | undefined> {
  const stored = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY] as TodayTotals | undefined;
  return stored?.day === localDay(now) ? stored : undefined;
}
