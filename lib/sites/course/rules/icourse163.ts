/**
 * 中国大学MOOC (icourse163.org). courseBean.getCourseListBySchoolId.rpc items carry name, teacherName,
 * schoolName, schoolSN and enrollCount; course URLs are /course/<schoolSN>-<id>. No price field: the
 * MOOCs are free to join, but the record does not invent a 0 the API did not send.
 * Fixture: test/fixtures/courses/ChaiCunhao__mooc_spider/北京大学.json (the scraper's wrapper around the items).
 */
import type { CourseRecord } from '../../../records';
import { coursesInBody, int, rating, text, toRecord } from '../record';
import type { CourseRule } from '../types';

const ORIGIN = 'https://www.icourse163.org';

function course(c: Record<string, unknown>): CourseRecord | null {
  const id = int(c.id);
  const sn = text(c.schoolSN);
  if (id === undefined || !sn) return null;
  const url = `${ORIGIN}/course/${sn}-${id}`;
  return toRecord(
    {
      url,
      title: text(c.name),
      provider: text(c.schoolName) ?? '中国大学MOOC',
      instructor: text(c.teacherName),
      students: int(c.enrollCount),
      rating: rating(c.evaluateAvgScore),
    },
    'site',
    url,
  );
}

function json(_url: string, body: unknown): CourseRecord[] | null {
  return coursesInBody(body, (v) => 'enrollCount' in v && 'schoolSN' in v, course);
}

export const icourse163: CourseRule = {
  id: 'icourse163',
  name: '中国大学MOOC',
  currency: 'CNY',
  matches: (url) => /(^|\.)icourse163\.org$/.test(url.hostname),
  isCourseUrl: (url) => /^\/(course|learn)\/[A-Za-z0-9]+-\d+/.test(url.pathname),
  json,
};
