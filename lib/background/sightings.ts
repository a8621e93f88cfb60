/**
 * Course sightings: a captured post by someone other than the user that links to a course page (a
 * known platform, or a page the user saved before) or states a course with a price becomes a
 * course record to confirm or dismiss, linked to the post and its account.
 */
import type { CoursePulseDb } from '../db/schema';
import { upsertCourses } from '../db/write';
import type { CourseRecord, Platform, PostRecord } from '../records';
import { cleanUrl, coursesInPost } from '../sites/course';

export async function recordSightings(db: CoursePulseDb, posts: PostRecord[], now: number): Promise<number> {
  if (posts.length === 0) return 0;
  const authors = await db.accounts.bulkGet(posts.map((p) => [p.platform, p.authorId] as [Platform, string]));
  const others = posts.filter((_, i) => authors[i]?.role !== 'mine');
  const found = new Map<string, { course: CourseRecord; account: string }>();
  for (const post of others) {
    for (const course of coursesInPost(post)) found.set(course.url, { course, account: post.authorId });
  }
  // Links to pages the user saved as courses before, on any site.
  const linked = others.flatMap((post) =>
    post.links.flatMap((link) => {
      const url = cleanUrl(link);
      return url ? [{ post, url }] : [];
    }),
  );
  const saved = await db.courses.bulkGet(linked.map((l) => l.url));
  linked.forEach(({ post, url }, i) => {
    const course = saved[i];
    if (!course || found.has(url)) return;
    found.set(url, {
      course: {
        kind: 'course',
        url,
        title: course.title,
        provider: course.provider,
        price: null,
        currency: null,
        source: 'post',
        seenIn: post.id,
      },
      account: post.authorId,
    });
  });
  if (found.size === 0) return 0;
  await upsertCourses(
    db,
    [...found.values()].map((f) => f.course),
    now,
    'sighting',
  );
  await db.transaction('rw', db.courses, async () => {
    for (const { course, account } of found.values()) {
      await db.courses
        .where('url')
        .equals(course.url)
        .modify((stored) => {
          if (stored.status === 'sighting') stored.seenInAccount = account;
        });
    }
  });
  return found.size;
}
