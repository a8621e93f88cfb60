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
  StoredComment,
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
  /**
   * Comments under the Weibo and YouTube posts (X's replies are posts), written by generated
   * commenters with bios and locations, so the Audience view has something to hear. The benchmark
   * asks for 100k.
   */
  comments?: number;
  /** The end of the generated history. */
  now: number;
}

export interface SampleData {
  accounts: StoredAccount[];
  accountSnapshots: AccountSnapshot[];
  posts: StoredPost[];
  postSnapshots: PostSnapshot[];
  comments: StoredComment[];
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
    comments: [],
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
  addComments(data, options.comments ?? 600, random, now);
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

/**
 * What commenters say, by language: `{t}` is the post's topic. Questions, problems and requests in
 * the shapes the tagger knows (lib/audience/tags.ts), and the praise that is most of any comment
 * section, so the Audience view shows themes, questions and a profile.
 */
const COMMENT_LINES: Record<'zh' | 'en', string[]> = {
  zh: [
    '{t} 零基础能学吗？',
    '{t} 怎么入门，有推荐的学习路线吗？',
    '跟着做 {t} 的例子一直报错，环境配了一下午还是不行',
    '{t} 这部分看不懂，卡住好几天了',
    '能不能出一期 {t} 面试题讲解？',
    '求出一个 {t} 项目实战系列',
    '这个课适合转行的人吗？',
    // One need in three wordings, so the Audience view shows a need several people raised.
    'goroutine 泄漏怎么排查？pprof 里看不出来',
    '请问 goroutine 泄漏除了 pprof 还有什么排查办法？',
    'goroutine 泄漏导致内存一直涨，pprof 该怎么看？',
    '讲得太好了，收藏了',
    '支持一下 👍',
    '学到了，谢谢老师',
  ],
  en: [
    'Is {t} worth learning in 2026 if I am a complete beginner?',
    'How do I get started with {t}? Any roadmap?',
    'I keep getting a build error when I follow the {t} part, tried everything',
    'The {t} section confused me, I am stuck on it for days',
    'Could you make a video on {t} interview questions?',
    'Please do a full {t} project series',
    'How do I fix the CORS error when my frontend calls the API?',
    'Getting a CORS error calling the API from localhost, how do I fix it?',
    'Why does the browser block my API call with a CORS error?',
    'Great explanation, thank you!',
    'This is gold 🔥',
    'Watched twice, finally get it',
  ],
};
const BIOS: Record<'zh' | 'en', string[]> = {
  zh: ['前端开发', '在校学生 · 计算机', '转行中，自学编程', '后端工程师 Java', '产品经理', ''],
  en: [
    'CS student',
    'Frontend developer',
    'Self-taught, switching careers',
    'Backend engineer',
    'Data analyst',
    '',
  ],
};
const LOCATIONS: Record<'zh' | 'en', string[]> = {
  zh: ['北京', '上海', '广东', '江苏', '浙江', '四川'],
  en: ['Berlin', 'Bangalore', 'Toronto', 'London', 'Singapore', ''],
};

/**
 * `count` comments spread over the Weibo and YouTube posts, newest posts no busier than old ones;
 * about one in six answers an earlier comment under the same post. Commenters are a pool of about
 * one per twenty comments, so some come back (the profile's repeat commenters).
 */
function addComments(data: SampleData, count: number, random: () => number, now: number): void {
  const posts = data.posts.filter((p) => p.platform !== 'x');
  if (count <= 0 || posts.length === 0) return;
  const pool = 2 * Math.max(6, Math.ceil(count / 40));
  const fans: StoredAccount[] = [];
  for (let i = 0; i < pool; i++) {
    const platform: Platform = i % 2 ? 'youtube' : 'weibo';
    const lang = platform === 'weibo' ? 'zh' : 'en';
    const bio = BIOS[lang][i % BIOS[lang].length] ?? '';
    const location = LOCATIONS[lang][(i >> 1) % LOCATIONS[lang].length] ?? '';
    fans.push({
      platform,
      id: `${SAMPLE_PREFIX}fan-${i}`,
      handle: lang === 'zh' ? `示例_读者${i}` : `@sample-viewer-${i}`,
      name: lang === 'zh' ? `示例读者 ${i}` : `Sample viewer ${i}`,
      followers: Math.floor(random() * random() * 5000),
      followersExact: true,
      ...(bio ? { bio } : {}),
      ...(location ? { location } : {}),
      firstSeenAt: now - 30 * DAY,
      lastSeenAt: now,
    });
  }
  data.accounts.push(...fans);
  const byId = new Map<string, StoredComment>();
  const underPost = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const post = posts[Math.floor(random() * posts.length)]!;
    const lang = post.platform === 'weibo' ? 'zh' : 'en';
    // Commenters of the post's own site: even pool slots are on Weibo, odd ones on YouTube.
    const author = fans[2 * Math.floor(random() * (pool / 2)) + (post.platform === 'weibo' ? 0 : 1)]!;
    const earlier = underPost.get(post.id) ?? [];
    const parentId =
      earlier.length > 0 && random() < 1 / 6 ? earlier[Math.floor(random() * earlier.length)]! : null;
    const parent = parentId === null ? undefined : byId.get(parentId);
    if (parent) parent.metrics.replies = (parent.metrics.replies ?? 0) + 1;
    const id = `${SAMPLE_PREFIX}c-${i}`;
    earlier.push(id);
    underPost.set(post.id, earlier);
    const lines = COMMENT_LINES[lang];
    const topic = post.hashtags[0] ?? 'rust';
    const createdAt = Math.min(now, Date.parse(post.createdAt!) + Math.floor(random() * random() * 5 * DAY));
    const comment: StoredComment = {
      platform: post.platform,
      id,
      postId: post.id,
      parentId,
      authorId: author.id,
      authorHandle: author.handle,
      authorName: author.name,
      text: (lines[Math.floor(random() * lines.length)] ?? '').replace('{t}', topic),
      createdAt: new Date(createdAt).toISOString(),
      createdAtApprox: false,
      metrics: { likes: Math.floor(random() * random() * 200), replies: 0 },
      metricsExact: true,
      ...(post.platform === 'weibo' && author.location ? { region: author.location } : {}),
      metricsAt: createdAt,
      firstSeenAt: createdAt,
      lastSeenAt: now,
    };
    byId.set(id, comment);
    data.comments.push(comment);
  }
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
