/**
 * edX (edx.org): course pages carry a JSON-LD Course (provider, instructor, inLanguage) and print the
 * verified-track price in a "Price" row, which the generic layers read.
 * Fixture: test/fixtures/courses/rishul33__areaosapce-engineer/programming-for-everybody-getting-started-with-pyt.html.
 */
import type { CourseRule } from '../types';

export const edx: CourseRule = {
  id: 'edx',
  name: 'edX',
  matches: (url) => /(^|\.)edx\.org$/.test(url.hostname),
  isCourseUrl: (url) => /^\/(course|learn|professional-certificate|certificates)\/[^/]+/.test(url.pathname),
};
