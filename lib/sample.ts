/**
 * Generated, clearly labelled sample data: a new user loads it to see every view working, and the
 * benchmark uses it at scale. Every id starts with SAMPLE_PREFIX so it can be removed in one click.
 * Deterministic for a given seed.
 */
import type {
  AccountSnapshot,
  Campaign,
  CourseSnapshot,
  PostSnapshot,
  StoredAccount,
  StoredCourse,
  StoredPost,
} from './db/schema';
import { addDays, localDay } from './metrics/time';
import type { Metrics, Platform, PostRecord } from './records';

export const SAMPLE_PREFIX = 'sample-';

export interface SampleOptions {
  seed?: number;
  postsPerAccount?: number;
  /**
   * Observations per post (≥ 1): the latest is the post's own counts, the earlier ones its snapshot
   * rows (fewer for posts too young to have them all). The benchmark asks for 12: about 1M snapshot
   * rows over 100k posts.
   */
  observationsPerPost?: number;
  courses?: number;
  /** The end of the generated history. */
  now: number;
}

export interface SampleData {
  accounts: StoredAccount[];
  accountSnapshots: AccountSnapshot[];
  posts: StoredPost[];
  postSnapshots: PostSnapshot[];
  courses: StoredCourse[];
  courseSnapshots: CourseSnapshot[];
  campaigns: Campaign[];
}

/** Mulberry32: small, fast, good enough for fake data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TOPICS = ['rust', 'typescript', 'ai', 'career', 'interview', 'webdev', 'python', 'go'];
const FORMATS: PostRecord['format'][] = ['text', 'image', 'video', 'text', 'image'];
const ACCOUNTS: Array<{
  platform: Platform;
  handle: string;
  name: string;
  role: 'mine' | 'competitor';
  followers: number;
}> = [
  { platform: 'x', handle: 'sample_me', name: 'Sample · Me on X', role: 'mine', followers: 8200 },
  { platform: 'weibo', handle: '示例_我的微博', name: '示例 · 我的微博', role: 'mine', followers: 15600 },
  { platform: 'youtube', handle: '@sample-me', name: 'Sample · My channel', role: 'mine', followers: 4300 },
  { platform: 'x', handle: 'sample_rival', name: 'Sample · Rival', role: 'competitor', followers: 22000 },
  { platform: 'weibo', handle: '示例_竞品', name: '示例 · 竞品', role: 'competitor', followers: 40200 },
];

/**
 * Own posts do best on Tuesday 20:00–21:00 in Asia/Shanghai (UTC 12:00) and in video format, so the
 * suggestion views have a visible, known answer.
 */
export function generateSample(options: SampleOptions): SampleData {
  const random = prng(options.seed ?? 7);
  const perAccount = options.postsPerAccount ?? 60;
  const observationsPerPost = Math.max(1, options.observationsPerPost ?? 4);
  const data: SampleData = {
    accounts: [],
    accountSnapshots: [],
    posts: [],
    postSnapshots: [],
    courses: [],
    courseSnapshots: [],
    campaigns: [],
  };
  const { now } = options;
  ACCOUNTS.forEach((spec, accountIndex) => {
    const id = `${SAMPLE_PREFIX}acct-${accountIndex}`;
    data.accounts.push({
      platform: spec.platform,
      id,
      handle: spec.handle,
      name: spec.name,
      followers: spec.followers,
      following: 180 + accountIndex * 7,
      posts: perAccount,
      followersExact: true,
      role: spec.role,
      firstSeenAt: now - 120 * DAY,
      lastSeenAt: now,
    });
    for (let d = 120; d >= 0; d -= 7) {
      data.accountSnapshots.push({
        platform: spec.platform,
        accountId: id,
        at: now - d * DAY,
        followers: Math.round(spec.followers * (1 - d / 400)),
        exact: true,
      });
    }
    for (let i = 0; i < perAccount; i++) {
      const drawn = now - Math.floor(random() * 110 * DAY) - 3 * DAY;
      // Every fourth own post goes out in the best slot, so the slot has enough posts to be found.
      const createdAt = spec.role === 'mine' && i % 4 === 0 ? inBestSlot(drawn) : drawn;
      const created = new Date(createdAt);
      const bestSlot = created.getUTCDay() === 2 && created.getUTCHours() === 12;
      const format = FORMATS[Math.floor(random() * FORMATS.length)] ?? 'text';
      const topic = TOPICS[Math.floor(random() * TOPICS.length)] ?? 'ai';
      const base =
        spec.followers * (0.02 + random() * 0.03) * (bestSlot ? 3 : 1) * (format === 'video' ? 1.6 : 1);
      const postId = `${SAMPLE_PREFIX}${accountIndex}-${i}`;
      const final = {
        views: Math.round(base * (18 + random() * 10)),
        likes: Math.round(base * 0.6),
        reposts: Math.round(base * 0.15),
        comments: Math.round(base * 0.12),
        ...(spec.platform === 'x'
          ? { quotes: Math.round(base * 0.03), bookmarks: Math.round(base * 0.08) }
          : {}),
      };
      // Counts grow fast in the first day and flatten: fraction of final = 1 - e^(-t/8h). The last
      // observation is the post's own counts; the earlier ones are its snapshots.
      const observations: Array<{ at: number; m: Metrics }> = [];
      for (let s = 0; s < observationsPerPost; s++) {
        const at = createdAt + HOUR + s * (s < 4 ? 6 * HOUR : DAY);
        if (at > now) break;
        const share = 1 - Math.exp(-(at - createdAt) / (8 * HOUR));
        observations.push({
          at,
          m: Object.fromEntries(Object.entries(final).map(([k, v]) => [k, Math.round(v * share)])),
        });
      }
      const latest = observations.pop() ?? { at: now, m: final };
      for (const { at, m } of observations)
        data.postSnapshots.push({ platform: spec.platform, postId, at, m });
      data.posts.push({
        platform: spec.platform,
        id: postId,
        url: sampleUrl(spec.platform, spec.handle, postId),
        authorId: id,
        authorHandle: spec.handle,
        authorName: spec.name,
        text: `${spec.role === 'mine' ? 'Sample post' : 'Sample competitor post'} #${i} about #${topic} — ${'tips '.repeat(1 + Math.floor(random() * 12))}`,
        createdAt: created.toISOString(),
        createdAtApprox: false,
        format,
        repostOf: null,
        metrics: latest.m,
        metricsExact: true,
        approx: [],
        links: [],
        hashtags: [topic],
        metricsAt: latest.at,
        firstSeenAt: createdAt + HOUR,
        lastSeenAt: now,
      });
    }
  });
  const courseCount = options.courses ?? 6;
  for (let c = 0; c < courseCount; c++) {
    const url = `https://example.com/${SAMPLE_PREFIX}course-${c}`;
    const price = [199, 299, 499, 99, 1299, 399][c % 6] ?? 199;
    data.courses.push({
      url,
      title: c === 0 ? '示例 · 我的 Rust 训练营' : `Sample competitor course ${c}`,
      provider: c % 2 ? '极客时间' : 'Udemy',
      instructor: c === 0 ? '我' : `Instructor ${c}`,
      price,
      currency: 'CNY',
      students: 500 + c * 731,
      rating: 4 + (c % 10) / 10,
      source: 'site',
      status: 'saved',
      mine: c === 0,
      firstSeenAt: now - 60 * DAY,
      lastSeenAt: now,
    });
    for (let w = 8; w >= 0; w--) {
      data.courseSnapshots.push({
        url,
        at: now - w * 7 * DAY,
        price: w > 3 ? price + 100 : price,
        currency: 'CNY',
        students: 500 + c * 731 - w * 40,
      });
    }
  }
  data.campaigns.push({
    name: '示例 · 双十一 Rust 训练营',
    courseUrl: data.courses[0]?.url,
    platforms: ['weibo', 'x'],
    start: addDays(localDay(now), -30),
    end: localDay(now),
    cost: { minor: 100_000, currency: 'CNY' },
    counts: { clicks: 1000, purchases: 10, referrals: 3, revenue: { minor: 500_000, currency: 'CNY' } },
    postIds: [],
    createdAt: now - 30 * DAY,
    sample: true,
  });
  return data;
}

/** The Tuesday 12:xx UTC (20:xx Asia/Shanghai) at or before the same week's Tuesday of `at`. */
function inBestSlot(at: number): number {
  const date = new Date(at - ((new Date(at).getUTCDay() + 5) % 7) * DAY);
  date.setUTCHours(12);
  return date.getTime();
}

function sampleUrl(platform: Platform, handle: string, id: string): string {
  if (platform === 'x') return `https://x.com/${handle}/status/${id}`;
  if (platform === 'weibo') return `https://weibo.com/${encodeURIComponent(handle)}/${id}`;
  return `https://www.youtube.com/watch?v=${id}`;
}

export const isSampleId = (id: string | undefined): boolean => !!id?.startsWith(SAMPLE_PREFIX);
