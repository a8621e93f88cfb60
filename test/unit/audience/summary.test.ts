/**
 * What the Audience view shows (components/audience/summary.ts): theme rows with their tag counts,
 * whether the user replied and a typical comment; needs no other comment shares, most liked first;
 * ideas and competitors apart. On real Weibo comments and on a small synthetic audience written for
 * these cases.
 */
import { describe, expect, it } from 'vitest';
import { summarise } from '../../../components/audience/summary';
import { analyseAudience } from '../../../lib/audience/analyse';
import { addRecord, emptyRecords } from '../../../lib/audience/input';
import type { CommentLike, PostLike } from '../../../lib/audience/types';
import { weiboAdapter } from '../../../lib/sites/weibo';
import { ctx, fixtureJson } from '../fixtures';

const NOW = Date.UTC(2026, 11, 1, 12);
const day = (n: number) => new Date(NOW - n * 86_400_000).toISOString();

describe('summarise, real Weibo comments (SSaV1oRR/Weibo_Crawler_Scrapy, post 5079225425986690)', () => {
  const url =
    'https://weibo.com/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&is_show_bulletin=2&is_mix=0&count=10&uid=5525643726&fetch_level=0';
  const extraction = weiboAdapter.extractJson(
    weiboAdapter.endpointOf(url)!,
    fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
    ctx(url),
  );
  const records = emptyRecords();
  for (const r of extraction.records) addRecord(records, r);
  const report = analyseAudience({ comments: records.comments, now: NOW, timeZone: 'Asia/Shanghai' });
  const summary = summarise(report, records.comments);

  it('groups the three asking for the material (发一份, 哪里有) and lists the needs no other comment shares, newest first at equal likes, with their tags', () => {
    expect(summary.comments).toBe(7);
    expect(summary.needs).toBe(6);
    expect(summary.themes.map((t) => [t.id, t.size, t.tags])).toEqual([
      ['materials', 3, { question: 1, problem: 0, request: 2 }],
    ]);
    expect(summary.singles.map((s) => s.text)).toEqual(
      [...summary.singles]
        .sort((a, b) => {
          const at = (id: string) => Date.parse(records.comments.find((c) => c.id === id)!.createdAt!);
          return at(b.id) - at(a.id);
        })
        .map((s) => s.text),
    );
    expect(summary.singles.map((s) => s.text).sort()).toEqual(
      ['我要，给不给[doge]', '职大你这么有钱为什么不能每个学生一份呢', '什么时候有[苦涩]'].sort(),
    );
    expect(summary.singles.find((s) => s.text === '什么时候有[苦涩]')).toMatchObject({
      platform: 'weibo',
      tags: ['question'],
      likes: 0,
    });
    expect(summary.singles.find((s) => s.text.startsWith('职大'))?.tags).toEqual(['question', 'problem']);
  });
});

describe('summarise, a synthetic audience', () => {
  let seq = 0;
  const c = (
    authorId: string,
    postId: string,
    text: string,
    n: number,
    extra: Partial<CommentLike> = {},
  ) => ({
    platform: 'weibo',
    id: `c${++seq}`,
    postId,
    authorId,
    text,
    createdAt: day(n),
    ...extra,
  });
  const comments: CommentLike[] = [
    c('u1', 'p1', '简历怎么写才能过初筛？', 2, { metrics: { likes: 3 } }),
    c('u2', 'p1', '转行的简历项目经历怎么写', 3),
    c('u3', 'p1', '简历写了 Vue3 项目，面试官还问什么？', 5),
    c('me', 'p1', '下一期讲简历', 1, { parentId: 'c1' }),
    c('u4', 'q1', '训练营多少钱？', 4),
  ];
  const posts: PostLike[] = [
    { platform: 'weibo', id: 'p1', authorId: 'me', text: 'Vue3 响应式原理', createdAt: day(20) },
    { platform: 'weibo', id: 'q1', authorId: 'rival', text: '全栈训练营开课了', createdAt: day(10) },
  ];
  const report = analyseAudience({
    comments,
    posts,
    ownIds: ['me'],
    competitorIds: ['rival'],
    now: NOW,
    timeZone: 'UTC',
  });
  const summary = summarise(report, comments);

  it('shows a theme with its size, people, tag counts, a typical comment and the user’s reply', () => {
    const theme = report.themes[0]!;
    expect(summary.themes[0]).toMatchObject({
      id: theme.id,
      label: theme.label,
      size: theme.size,
      people: theme.people,
      replied: true,
    });
    expect(theme.size).toBeGreaterThanOrEqual(3);
    expect(summary.themes[0]!.tags.question).toBeGreaterThanOrEqual(2);
    expect(comments.map((x) => x.text)).toContain(summary.themes[0]!.example);
  });

  it('offers the unaddressed theme as an idea and keeps the competitor’s question apart', () => {
    expect(summary.ideas.map((i) => i.id)).toContain(report.themes[0]!.id);
    expect(summary.ideas[0]!.reasons).toContain('unaddressed');
    expect(summary.competitorComments).toBe(1);
    expect(summary.singles.some((s) => s.text === '训练营多少钱？')).toBe(false);
    // A price question joins the seeded pricing theme even alone.
    expect(summary.competitorThemes.map((t) => [t.size, t.example, t.tags.question])).toEqual([
      [1, '训练营多少钱？', 1],
    ]);
    expect(summary.competitorSingles).toEqual([]);
  });
});
