/**
 * The audience profile, content ideas and competitors' questions on a small synthetic audience
 * (accounts and comments written for these cases).
 */
import { describe, expect, it } from 'vitest';
import { analyseAudience } from '../../../lib/audience/analyse';
import type { AccountLike, CommentLike, PostLike } from '../../../lib/audience/types';

const NOW = Date.UTC(2026, 11, 1, 12);
/** n days before NOW at `hour` o'clock in Shanghai (UTC+8). */
const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 11, 1 - n, hour - 8)).toISOString();

const posts: PostLike[] = [
  { platform: 'weibo', id: 'p1', authorId: 'me', text: '前端面试八股文整理（上）', createdAt: day(40) },
  { platform: 'weibo', id: 'p2', authorId: 'me', text: 'Vue3 响应式原理', createdAt: day(20) },
  { platform: 'weibo', id: 'q1', authorId: 'rival', text: '全栈训练营开课了', createdAt: day(10) },
];
const accounts: AccountLike[] = [
  { platform: 'weibo', id: 'u1', followers: 35, bio: '前端 | 在校学生 | 准备秋招', location: '浙江 杭州' },
  { platform: 'weibo', id: 'u2', followers: 1200, bio: '转行前端中，之前做测试', location: '浙江 杭州' },
  { platform: 'weibo', id: 'u3', followers: 250_000, bio: '后端工程师，也写前端', location: '北京' },
];
let seq = 0;
const c = (authorId: string, postId: string, text: string, at: string): CommentLike => ({
  platform: 'weibo',
  id: `c${++seq}`,
  postId,
  authorId,
  text,
  createdAt: at,
});
const comments: CommentLike[] = [
  c('u1', 'p1', '简历怎么写才能过初筛？', day(2, 21)),
  c('u1', 'p2', '能不能出一期讲简历的', day(1, 22)),
  c('u2', 'p1', '转行的简历项目经历怎么写', day(3, 21)),
  c('u3', 'p2', '简历写了 Vue3 项目，面试官还问什么？', day(5, 9)),
  c('u2', 'q1', '训练营多少钱？', day(4, 20)),
  c('u4', 'q1', '零基础能跟上吗？', day(4, 20)),
];

describe('audience profile, ideas and competitors', () => {
  const report = analyseAudience({
    comments,
    posts,
    accounts,
    ownIds: ['me'],
    competitorIds: ['rival'],
    now: NOW,
    timeZone: 'Asia/Shanghai',
  });

  it('lists repeat commenters, follower ranges, self-descriptions and places from the data', () => {
    const p = report.profile;
    expect(p.commenters).toBe(3);
    expect(p.repeat).toEqual([{ authorId: 'u1', handle: 'u1', comments: 2, posts: 2 }]);
    expect(p.followers).toContainEqual({ range: '<100', people: 1 });
    expect(p.followers).toContainEqual({ range: '1k–9.9k', people: 1 });
    expect(p.followers).toContainEqual({ range: '≥100k', people: 1 });
    expect(p.selfDescriptions[0]).toEqual({ term: '前端', people: 3 });
    expect(p.locations[0]).toEqual({ place: '浙江 杭州', people: 2 });
    expect(p.languages).toEqual({ zh: 4, en: 0 });
    expect(p.sharedWithCompetitors).toBe(1);
  });

  it('counts active hours in the user time zone', () => {
    // 21:00 in Shanghai is 13:00 UTC: the profile speaks the user's local time.
    expect(report.profile.hours[21]).toBe(2);
    expect(report.profile.hours[22]).toBe(1);
    expect(report.profile.hours[9]).toBe(1);
    expect(report.profile.hours.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('keeps questions under competitors apart from the user’s own audience', () => {
    expect(report.comments.map((x) => x.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(report.competitors.comments.map((x) => x.id)).toEqual(['c5', 'c6']);
    expect(report.competitors.questions).toEqual(['c5', 'c6']);
  });

  it('proposes a theme none of the user’s posts speaks of, rising this month', () => {
    const resume = report.comments[0]!.theme;
    expect(resume).not.toBe('other');
    expect(report.ideas).toContainEqual({ theme: resume, reason: 'unaddressed' });
    expect(report.ideas).toContainEqual({ theme: resume, reason: 'rising' });
  });
});
