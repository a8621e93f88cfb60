import { describe, expect, it } from 'vitest';
import { tagsOf } from '../../../lib/audience/tags';
import { clearSample, loadSample } from '../../../lib/db/sample-data';
import { CoursePulseDb } from '../../../lib/db/schema';
import { generateSample } from '../../../lib/sample';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('sample data', () => {
  it('brings comments the tagger hears under its Weibo and YouTube posts, and takes them back when cleared', async () => {
    const db = new CoursePulseDb(`sample-comments-${Math.random()}`);
    await loadSample(
      db,
      generateSample({ now: NOW, postsPerAccount: 12, observationsPerPost: 1, comments: 300 }),
    );
    const comments = await db.comments.toArray();
    expect(comments).toHaveLength(300);
    const posts = await db.posts.bulkGet(comments.map((c) => [c.platform, c.postId]));
    const authors = await db.accounts.bulkGet(comments.map((c) => [c.platform, c.authorId]));
    const byId = new Map(comments.map((c) => [c.id, c]));
    comments.forEach((c, i) => {
      expect(posts[i]?.platform, c.id).toBe(c.platform);
      expect(c.platform, c.id).not.toBe('x');
      expect(authors[i], c.authorId).toBeDefined();
      if (c.parentId) expect(byId.get(c.parentId)?.postId, c.id).toBe(c.postId);
    });
    const replies = comments.filter((c) => c.parentId !== null).length;
    expect(replies).toBe(comments.reduce((n, c) => n + (c.metrics.replies ?? 0), 0));
    expect(replies).toBeGreaterThan(0);
    for (const [platform, lang] of [
      ['weibo', 'zh'],
      ['youtube', 'en'],
    ] as const) {
      const asked = comments.filter(
        (c) => c.platform === platform && tagsOf(c.text, lang).includes('question'),
      );
      expect(asked.length, platform).toBeGreaterThan(10);
    }
    await clearSample(db);
    expect(await db.comments.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
  });
});
