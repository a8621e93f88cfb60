/**
 * The competitor overview (issue 16), pure: who the competitors are (an instructor of saved courses,
 * the competitor accounts that are theirs, or an account alone), what their prices did over time,
 * how their students and ratings moved, and how often and how well they post beside the user.
 * Everything reads the stored shapes (StoredCourse, CourseSnapshot, StoredAccount, StoredPost).
 */
import { engagements, type MetricCounts } from '@/lib/metrics/engagement';
import { median } from '@/lib/metrics/stats';
import { type Catalogue, type CatalogueCourse, coursesByCompetitor } from './competitor-courses';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface Snapshot {
  url: string;
  at: number;
  price: number | null;
  currency: string | null;
  listPrice?: number;
  students?: number;
  rating?: number;
}

/** One observed change of a course's price, in one currency. */
export interface PriceChange {
  url: string;
  at: number;
  /** When the price before it was observed. */
  since: number;
  from: number;
  to: number;
  currency: string;
}

/** Snapshots of one course, oldest first; the table's [url+at] order when read by one url. */
const byTime = (snapshots: readonly Snapshot[]) => [...snapshots].sort((a, b) => a.at - b.at);

/**
 * The price changes in some courses' snapshots, newest first. A snapshot without a price (a listing
 * that showed none) is skipped, not a change to nothing; a switch of currency (the site showed
 * another country's prices) starts over rather than comparing amounts that are not on one scale.
 */
export function priceChanges(snapshots: readonly Snapshot[]): PriceChange[] {
  const byUrl = new Map<string, Snapshot[]>();
  for (const s of snapshots) {
    const list = byUrl.get(s.url);
    if (list) list.push(s);
    else byUrl.set(s.url, [s]);
  }
  const changes: PriceChange[] = [];
  for (const [url, list] of byUrl) {
    let last: Snapshot | undefined;
    for (const s of byTime(list)) {
      if (s.price === null || !s.currency) continue;
      if (last && last.currency === s.currency && last.price !== s.price) {
        changes.push({ url, at: s.at, since: last.at, from: last.price!, to: s.price, currency: s.currency });
      }
      last = s;
    }
  }
  // Code-unit order for ties: a locale collation would cost more than the rest on a large catalogue.
  return changes.sort((a, b) => b.at - a.at || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** A count or rating at its first and latest observation. */
export interface Trend {
  first: number;
  last: number;
  firstAt: number;
  lastAt: number;
  change: number;
}

function trendOf(snapshots: readonly Snapshot[], key: 'students' | 'rating'): Trend | null {
  const seen = byTime(snapshots).filter((s) => typeof s[key] === 'number');
  const first = seen[0];
  const last = seen[seen.length - 1];
  if (!first || !last) return null;
  const a = first[key] as number;
  const b = last[key] as number;
  return { first: a, last: b, firstAt: first.at, lastAt: last.at, change: b - a };
}

export interface CourseTrends {
  students: Trend | null;
  rating: Trend | null;
}

/** Students and rating of one course from its snapshots: where they started and where they are. */
export const courseTrends = (snapshots: readonly Snapshot[]): CourseTrends => ({
  students: trendOf(snapshots, 'students'),
  rating: trendOf(snapshots, 'rating'),
});

/** A competitor's catalogue at a glance: its students added up, its mean rating, how its prices moved. */
export interface CatalogueTrends {
  /** Latest students summed over the courses that show them, and the change since first seen. */
  students: { total: number; change: number; courses: number } | null;
  /** Mean of the latest ratings, and its change from the mean of the first ones. */
  rating: { mean: number; change: number; courses: number } | null;
  cuts: number;
  rises: number;
}

export function catalogueTrends(
  trends: readonly CourseTrends[],
  changes: readonly Pick<PriceChange, 'from' | 'to'>[],
): CatalogueTrends {
  const students = trends.flatMap((t) => (t.students ? [t.students] : []));
  const ratings = trends.flatMap((t) => (t.rating ? [t.rating] : []));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    students: students.length
      ? {
          total: students.reduce((n, t) => n + t.last, 0),
          change: students.reduce((n, t) => n + t.change, 0),
          courses: students.length,
        }
      : null,
    rating: ratings.length
      ? {
          mean: mean(ratings.map((t) => t.last)),
          change: mean(ratings.map((t) => t.last)) - mean(ratings.map((t) => t.first)),
          courses: ratings.length,
        }
      : null,
    cuts: changes.filter((c) => c.to < c.from).length,
    rises: changes.filter((c) => c.to > c.from).length,
  };
}

/**
 * The chart data of one course (Chart.tsx: x in seconds, then series): price and list price in the
 * course's current currency, and students with the rating on a second axis.
 */
export function courseSeries(
  snapshots: readonly Snapshot[],
  currency: string | null,
): { price: Array<Array<number | null>>; audience: Array<Array<number | null>> } {
  const rows = byTime(snapshots);
  const priced = rows.filter(
    (s) => s.currency === currency && (s.price !== null || s.listPrice !== undefined),
  );
  const counted = rows.filter((s) => s.students !== undefined || s.rating !== undefined);
  return {
    price: [
      priced.map((s) => s.at / 1000),
      priced.map((s) => s.price),
      priced.map((s) => s.listPrice ?? null),
    ],
    audience: [
      counted.map((s) => s.at / 1000),
      counted.map((s) => s.students ?? null),
      counted.map((s) => s.rating ?? null),
    ],
  };
}

export interface CompetitorAccount {
  platform: string;
  id: string;
  handle: string;
  name: string;
}

export const accountKey = (a: Pick<CompetitorAccount, 'platform' | 'id'>): string => `${a.platform}:${a.id}`;

/**
 * The user's own links from an instructor (as the course pages name them) to one of their competitor
 * accounts ("platform:id"), or "" for "none of them", which stops the automatic match.
 */
export type CompetitorLinks = Readonly<Record<string, string>>;

export interface CompetitorGroup<C extends CatalogueCourse, A extends CompetitorAccount> {
  /** The instructor (or provider) the courses name, else the account's key. */
  key: string;
  name: string;
  courses: C[];
  accounts: A[];
  /** How the accounts came to be here: by the user's link, by a matching name, or none. */
  linkedBy: 'user' | 'name' | null;
}

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[\s._\-·•'’"()（）]/g, '');

/**
 * The people an instructor line names: "Jose Salvatierra, Teclado by Jose Salvatierra" or
 * "张三、李四" name several; each may be a competitor's account.
 */
const namesIn = (instructor: string): string[] =>
  [instructor, ...instructor.split(/,|、|，|&|\/|\band\b|\bby\b/i)]
    .map(normalise)
    .filter((n) => n.length >= 2);

/**
 * Competitors as the overview lists them: each catalogue (coursesByCompetitor) with the competitor
 * accounts that are the same person, by the user's link or else by an account whose name or handle
 * is a name the instructor line gives; then the competitor accounts no catalogue claimed, alone.
 */
export function competitorGroups<C extends CatalogueCourse, A extends CompetitorAccount>(
  courses: readonly C[],
  accounts: readonly A[],
  links: CompetitorLinks = {},
): Array<CompetitorGroup<C, A>> {
  const byKey = new Map(accounts.map((a) => [accountKey(a), a]));
  const accountNames = accounts.map((a) => [a.name, a.handle].filter(Boolean).map(normalise));
  const claimedByUser = new Set(Object.values(links).filter(Boolean));
  const claimed = new Set<string>();
  const groups = coursesByCompetitor(courses).map((catalogue: Catalogue<C>): CompetitorGroup<C, A> => {
    const link = links[catalogue.competitor];
    if (link !== undefined) {
      const account = byKey.get(link);
      if (account) claimed.add(link);
      return {
        key: catalogue.competitor,
        name: catalogue.competitor,
        courses: catalogue.courses,
        accounts: account ? [account] : [],
        linkedBy: account ? 'user' : null,
      };
    }
    const names = new Set(namesIn(catalogue.competitor));
    const matched = accounts.filter(
      (a, i) => !claimedByUser.has(accountKey(a)) && accountNames[i]!.some((n) => names.has(n)),
    );
    for (const a of matched) claimed.add(accountKey(a));
    return {
      key: catalogue.competitor,
      name: catalogue.competitor,
      courses: catalogue.courses,
      accounts: matched,
      linkedBy: matched.length ? 'name' : null,
    };
  });
  const alone = accounts
    .filter((a) => !claimed.has(accountKey(a)))
    .map(
      (a): CompetitorGroup<C, A> => ({
        key: accountKey(a),
        name: a.name || a.handle || a.id,
        courses: [],
        accounts: [a],
        linkedBy: null,
      }),
    );
  return [...groups, ...alone];
}

export interface PostLike {
  createdAt: string | null;
  metrics: MetricCounts;
}

export interface Posting {
  /** Posts dated inside the window. */
  posts: number;
  /** Posts per week over the window (null when nothing dated was read). */
  perWeek: number | null;
  medianEngagements: number | null;
  /** Median of engagements ÷ views over the posts whose views are known. */
  medianRate: number | null;
  /** How many weeks the rate was taken over: shorter than asked when only the newest posts were read. */
  weeks: number;
}

/**
 * From when some accounts' posts are all read: an account that returned the whole `limit` of its
 * newest posts may have older ones unread, so the read covers it only from its oldest post read.
 */
export function coveredFrom(lists: ReadonlyArray<readonly PostLike[]>, limit: number): number | undefined {
  let from: number | undefined;
  for (const list of lists) {
    if (list.length < limit) continue;
    const times = list
      .map((p) => (p.createdAt ? Date.parse(p.createdAt) : Number.NaN))
      .filter(Number.isFinite);
    if (times.length) from = Math.max(from ?? -Infinity, Math.min(...times));
  }
  return from;
}

/**
 * Posting cadence and engagement over the last `weeks` weeks before `now`, or from `coveredFrom` when
 * the posts read reach back less far (see coveredFrom), so the cadence is not understated.
 */
export function postingOver(
  posts: readonly PostLike[],
  now: number,
  opts: { weeks: number; coveredFrom?: number },
): Posting {
  const dated = posts
    .map((p) => ({ p, at: p.createdAt ? Date.parse(p.createdAt) : Number.NaN }))
    .filter((x) => Number.isFinite(x.at) && x.at <= now);
  const start = Math.max(now - opts.weeks * WEEK, opts.coveredFrom ?? -Infinity);
  const inside = dated.filter((x) => x.at >= start).map((x) => x.p);
  // At least a day, so one post read a minute ago is not "10,000 a week".
  const weeks = Math.max((now - start) / WEEK, 1 / 7);
  const eng = inside.map((p) => engagements(p.metrics)).filter((e): e is number => e !== null);
  const rates = inside.flatMap((p) => {
    const e = engagements(p.metrics);
    const v = p.metrics.views;
    return e !== null && typeof v === 'number' && v > 0 ? [e / v] : [];
  });
  return {
    posts: inside.length,
    perWeek: dated.length ? inside.length / weeks : null,
    medianEngagements: median(eng),
    medianRate: median(rates),
    weeks,
  };
}
