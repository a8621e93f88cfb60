// @vitest-environment happy-dom
/**
 * Property tests of the course extractors (issue 7): extractCourse / extractListing on hostile and
 * edited pages, extractCourseJson on any value and on mutated real API bodies, coursesInPost on hostile
 * posts. None throws; every record passes the CourseRecord contract.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../../../lib/records';
import {
  coursesInPost,
  extractCourseJson,
  extractCoursePage,
  extractListing,
} from '../../../lib/sites/course';
import { fixtureText } from '../fixtures';
import { assertFailure, assertRecord, guardPrototypes, noThrow } from './contract';
import { hostile, materialize, mutate, mutations, RECIPE_NAMES, runs } from './hostile';
import { editText, HUGE_TEXTS, hostilePage, hostileText, pageOf, textEdits } from './html';

const TIMEOUT = 60_000;

/** Page URLs of every course platform rule, plus an unknown site. */
const COURSE_URLS = [
  'https://www.udemy.com/course/complete-python-bootcamp/',
  'https://www.udemy.com/courses/search/?q=x',
  'https://www.coursera.org/learn/nlp',
  'https://www.edx.org/course/programming-for-everybody',
  'https://time.geekbang.org/column/intro/100029501',
  'https://www.bilibili.com/cheese/play/ss61',
  'https://www.icourse163.org/course/PKU-1465995174',
  'https://study.163.com/course/introduction/1.htm',
  'https://coding.imooc.com/class/1.html',
  'https://lastknight.gumroad.com/l/zerotoai',
  'https://appxxxx.h5.xiaoeknow.com/p/course/column/p_1',
  'https://wx.zsxq.com/group/1',
  'https://example.com/courses/x',
];

guardPrototypes();

function checkPage(doc: Document, url: string, what: string): void {
  const where = `extractCoursePage on ${what}`;
  const page = noThrow(where, () => extractCoursePage(doc, url));
  assertRecord(page.record, where);
  for (const f of page.failures) assertFailure(f, 'course.', where);
  const list = noThrow('extractListing', () => extractListing(doc, url));
  for (const r of list) assertRecord(r, `extractListing on ${what}`);
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('extractCourse / extractListing', () => {
  it(
    'hostile JSON-LD, microdata, OpenGraph and visible prices on every platform’s URL',
    () => {
      fc.assert(
        fc.property(hostilePage('course'), fc.constantFrom(...COURSE_URLS), (html, url) => {
          checkPage(parse(html), url, 'hostile markup');
        }),
        { numRuns: runs(120) },
      );
    },
    TIMEOUT,
  );

  it(
    'JSON-LD holding any JSON value (or a mutated real Course node)',
    () => {
      const course = fixtureText('synthetic/courses/jsonld-aggregate-offer.html');
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(course)?.[1] ?? '{}';
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            mutations().map((edits) => mutate(JSON.parse(ld), edits)),
          ),
          fc.constantFrom(...COURSE_URLS),
          (value, url) => {
            let json: string | undefined;
            try {
              json = JSON.stringify(value);
            } catch {
              fc.pre(false);
            }
            const html = `<html><head><script type="application/ld+json">${(json ?? 'null').replace(/</g, '\\u003c')}</script></head></html>`;
            checkPage(parse(html), url, 'JSON-LD value');
          },
        ),
        { numRuns: runs(150) },
      );
    },
    TIMEOUT,
  );

  it(
    'every template filled with 1e6-character text, and nested 1 000 levels deep',
    () => {
      for (const huge of HUGE_TEXTS)
        checkPage(parse(pageOf('course', () => huge)), COURSE_URLS[0] as string, 'huge text');
      checkPage(parse(pageOf('course', () => '1', 1000)), COURSE_URLS[0] as string, 'deep nesting');
    },
    TIMEOUT,
  );

  const PAGES = [
    'synthetic/courses/jsonld-graph.html',
    'synthetic/courses/jsonld-array.html',
    'synthetic/courses/jsonld-malformed.html',
    'synthetic/courses/jsonld-aggregate-offer.html',
    'courses/microlinkhq__metascraper/learnnode__input.html',
  ];
  it.each(PAGES)(
    'edited %s',
    (file) => {
      // Stylesheet links only make happy-dom log that it will not fetch them.
      const source = fixtureText(file).replace(/<link[^>]+stylesheet[^>]*>/gi, '');
      fc.assert(
        fc.property(textEdits(), fc.constantFrom(...COURSE_URLS), (edits, url) => {
          checkPage(parse(editText(source, edits)), url, `edited ${file}`);
        }),
        { numRuns: runs(file.includes('synthetic') ? 40 : 10) },
      );
    },
    TIMEOUT,
  );
});

interface JsonCase {
  file: string;
  url: string;
  runs: number;
}

const C = 'courses/';
/** Course API bodies with the URL they came from ('' when the fixture does not say; MANIFEST.md). */
const JSON_BODIES: JsonCase[] = [
  {
    file: `${C}cpselvis__geektime-webpack-course/geekbang_column_list.data.json`,
    url: 'https://time.geekbang.org/serv/v1/column/newAll',
    runs: 60,
  },
  {
    file: `${C}SocialSisterYi__bilibili-API-collect/cheese_info.md__pugv_view_web_season.json`,
    url: 'https://api.bilibili.com/pugv/view/web/season?season_id=61',
    runs: 60,
  },
  {
    file: `${C}SocialSisterYi__bilibili-API-collect/cheese_info.md__pugv_view_web_ep_list.json`,
    url: 'https://api.bilibili.com/pugv/view/web/ep/list?season_id=61',
    runs: 60,
  },
  { file: `${C}coursera-dl__coursera-dl/list-courses-input.json`, url: '', runs: 60 },
  { file: `${C}coursera-dl__coursera-dl/matrix-002-about.json`, url: '', runs: 60 },
  {
    file: `${C}DarkShadow232__www.udemy.com/api-2.0__pricing__index.html.json`,
    url: 'https://www.udemy.com/api-2.0/pricing/?course_ids=1565838',
    runs: 60,
  },
  { file: `${C}JirakJ__personal-website-2021/courses.js.json`, url: '', runs: 60 },
  { file: `${C}totosugito__waviv_admin/udemy-course.js.json`, url: '', runs: 15 },
  { file: `${C}ChaiCunhao__mooc_spider/北京大学.json`, url: '', runs: 10 },
];

describe('extractCourseJson', () => {
  it(
    'any value, any URL: an array of contract records',
    () => {
      fc.assert(
        fc.property(
          hostile(),
          fc.oneof(fc.constantFrom('', ...COURSE_URLS), fc.string({ maxLength: 30 })),
          (body, url) => {
            const records = noThrow('extractCourseJson', () => extractCourseJson(url, materialize(body)));
            expect(Array.isArray(records)).toBe(true);
            for (const r of records) assertRecord(r, 'extractCourseJson');
          },
        ),
        { numRuns: runs(300) },
      );
      for (const recipe of RECIPE_NAMES) {
        for (const url of COURSE_URLS) {
          const records = noThrow(`extractCourseJson(${recipe})`, () =>
            extractCourseJson(url, materialize({ recipe })),
          );
          for (const r of records) assertRecord(r, `extractCourseJson(${recipe})`);
        }
      }
    },
    TIMEOUT,
  );

  it.each(JSON_BODIES.map((b) => [b.file.split('/').slice(-1)[0], b] as const))(
    'mutated %s',
    (_name, b) => {
      const text = fixtureText(b.file);
      fc.assert(
        fc.property(mutations(), (edits) => {
          const records = noThrow('extractCourseJson', () =>
            extractCourseJson(b.url, mutate(JSON.parse(text), edits)),
          );
          for (const r of records) assertRecord(r, `extractCourseJson on mutated ${b.file}`);
        }),
        { numRuns: runs(b.runs) },
      );
    },
    TIMEOUT,
  );
});

/** Post text that mentions courses: course words, prices, links to course platforms with hostile paths. */
const postText = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom('训练营', '课程', 'course', 'bootcamp', '限时', '。', '\n', '!', ' '),
        fc.constantFrom('¥', '￥', '$', 'US$', '€', '元', 'B币', '免费'),
        hostileText(),
        fc.constantFrom(...COURSE_URLS).chain((u) => hostileText().map((v) => `${u}${v}`)),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join(''));

describe('coursesInPost', () => {
  it(
    'hostile post text and links: every sighting is a contract record',
    () => {
      fc.assert(
        fc.property(
          postText(),
          fc.array(fc.oneof(fc.constantFrom(...COURSE_URLS), fc.webUrl()), { maxLength: 5 }),
          fc.constantFrom('x', 'weibo', 'youtube') as fc.Arbitrary<PostRecord['platform']>,
          (text, links, platform) => {
            const post: PostRecord = {
              kind: 'post',
              platform,
              id: '1234567890',
              url: 'https://x.com/u/status/1234567890',
              authorId: '1',
              authorHandle: 'u',
              authorName: 'U',
              text: text.slice(0, 25_000),
              createdAt: null,
              createdAtApprox: false,
              format: 'text',
              repostOf: null,
              metrics: {},
              metricsExact: true,
              links: links.filter((l) => l.length <= 2048),
              hashtags: [],
            };
            const records = noThrow('coursesInPost', () => coursesInPost(post));
            for (const r of records) assertRecord(r, 'coursesInPost');
          },
        ),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );
});
