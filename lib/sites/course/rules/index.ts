/** The known course platforms, most specific first. Adding one: a file here and a line below. */
import type { CourseRule } from '../types';
import { cleanUrl } from '../url';
import { bilibili } from './bilibili';
import { coursera } from './coursera';
import { edx } from './edx';
import { geekbang } from './geekbang';
import { gumroad } from './gumroad';
import { icourse163 } from './icourse163';
import { imooc } from './imooc';
import { study163 } from './study163';
import { udemy } from './udemy';
import { xiaoe } from './xiaoe';
import { zsxq } from './zsxq';

export const COURSE_RULES: readonly CourseRule[] = [
  udemy,
  coursera,
  edx,
  gumroad,
  geekbang,
  bilibili,
  imooc,
  study163,
  icourse163,
  xiaoe,
  zsxq,
];

function parse(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

export function ruleFor(url: string): { rule: CourseRule; url: URL } | null {
  const parsed = parse(url);
  if (!parsed) return null;
  const rule = COURSE_RULES.find((r) => r.matches(parsed));
  return rule ? { rule, url: parsed } : null;
}

/** True when the URL is one course on a known platform (a post linking to it is a course sighting). */
export function isCourseUrl(url: string): boolean {
  const hit = ruleFor(url);
  return !!hit && hit.rule.isCourseUrl(hit.url);
}

/**
 * The key a course is saved under, from a URL alone: the platform's course URL for any of its pages
 * ("/learn/lecture/…" dropped), else the URL without tracking parameters. A post's link and a tab's
 * address both become a course key this way.
 */
export function courseUrlOf(link: string): string | null {
  const hit = ruleFor(link);
  return hit?.rule.courseUrl?.(hit.url) ?? cleanUrl(link);
}
