/**
 * A course capture older than the stored one (a batch resent late, or a device whose sync lags)
 * must not overwrite newer course data: real course records from test/fixtures/courses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import type { CourseRecord } from '../../../lib/records';
import { extractCourseJson } from '../../../lib/sites/course';
import { fixtureJson } from '../fixtures';
import { journaling, send } from '../sync/helpers';

afterEach(() => setClock());

const T1 = Date.parse('2026-12-01T10:00:00Z');
const T2 = T1 + 3600_000;

/** 极客时间's column list: "SQL必知必会", ¥68 (list ¥99), 5556 subscribers. */
const geekbang = () =>
  extractCourseJson(
    'https://time.geekbang.org/serv/v1/column/newAll',
    fixtureJson('courses/cpselvis__geektime-webpack-course/geekbang_column_list.data.json'),
  ) as CourseRecord[];

/** The same courses as seen earlier: full price, fewer subscribers (edited copies of the real records). */
const earlier = (records: CourseRecord[]) =>
  records.map((r) => ({ ...r, price: r.listPrice ?? r.price, students: (r.students ?? 0) - 500 }));

async function capture(db: CoursePulseDb, records: CourseRecord[], at: number) {
  setClock(at);
  await applyBatch(db, { batchId: `c-${at}-${Math.random()}`, records, failures: [] }, at);
}

describe('a late course capture', () => {
  it('keeps the newer price and students on the course and puts the older ones in its history', async () => {
    const db = new CoursePulseDb(`courses-late-${Math.random()}`);
    await db.open();
    const now = geekbang();
    await capture(db, now, T2);
    await capture(db, earlier(now), T1);
    const sql = await db.courses.get('https://time.geekbang.org/column/intro/100029501');
    expect(sql).toMatchObject({ title: 'SQL必知必会', price: 68, listPrice: 99, students: 5556 });
    expect(sql).toMatchObject({ firstSeenAt: T1, lastSeenAt: T2 });
    const history = (await db.courseSnapshots.toArray()).filter(
      (p) => p.url === 'https://time.geekbang.org/column/intro/100029501',
    );
    expect(history.map((p) => [p.at, p.price, p.students])).toEqual([
      [T1, 99, 5056],
      [T2, 68, 5556],
    ]);
    expect(await db.courses.count()).toBe(now.length);
    await db.delete();
  });

  it('from a device whose sync lags: both devices keep the newer course data and the same history', async () => {
    const [a, b] = await Promise.all([journaling('dev-a', 'courses'), journaling('dev-b', 'courses')]);
    const now = geekbang();
    await capture(a, now, T2);
    await capture(b, earlier(now), T1);
    await send(a, b);
    await send(b, a);
    for (const db of [a, b]) {
      const sql = await db.courses.get('https://time.geekbang.org/column/intro/100029501');
      expect(sql).toMatchObject({ price: 68, students: 5556, firstSeenAt: T1, lastSeenAt: T2 });
    }
    expect(await a.courses.toArray()).toEqual(await b.courses.toArray());
    expect(await a.courseSnapshots.toArray()).toEqual(await b.courseSnapshots.toArray());
    await Promise.all([a.delete(), b.delete()]);
  });
});
