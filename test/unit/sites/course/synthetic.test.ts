// @vitest-environment happy-dom
/** JSON-LD shapes the captured pages lack; inputs in test/fixtures/synthetic/courses (SYNTHETIC, labelled). */
import { describe, expect, it } from 'vitest';
import { CaptureRecord } from '../../../../lib/records';
import { extractCourseJson, extractCoursePage } from '../../../../lib/sites/course';
import { quietDocument } from './helpers';

const run = (file: string, url: string) => extractCoursePage(quietDocument(`synthetic/courses/${file}`), url);

describe('JSON-LD shapes (synthetic)', () => {
  it('@graph with @id references, a ListPrice specification and totalHistoricalEnrollment', () => {
    const { record } = run('jsonld-graph.html', 'https://academy.example.com/courses/rust-busy?fbclid=1');
    expect(record).toEqual({
      kind: 'course',
      url: 'https://academy.example.com/courses/rust-busy?id=7',
      title: 'Rust for Busy People',
      provider: 'Acme Academy',
      instructor: 'Ana Ruiz',
      price: 149,
      listPrice: 299,
      currency: 'USD',
      students: 12345,
      rating: 4.8,
      ratingCount: 1203,
      source: 'jsonld',
    });
  });

  it('AggregateOffer lowPrice "1,299.00", a 100-point rating, @type as a URL; the visible price loses', () => {
    const { record } = run('jsonld-aggregate-offer.html', 'https://school.example.org/p/data-bootcamp');
    expect(record).toMatchObject({
      url: 'https://school.example.org/p/data-bootcamp',
      title: 'Data Bootcamp',
      provider: 'Example School',
      price: 1299,
      currency: 'EUR',
      rating: 4.6,
      ratingCount: 58,
      source: 'jsonld',
    });
  });

  it('a top-level array; offers and instructor inside hasCourseInstance[]; the lowest offer wins', () => {
    const { record } = run('jsonld-array.html', 'https://learn.example.cn/course/go-shizhan');
    expect(record).toEqual({
      kind: 'course',
      url: 'https://learn.example.cn/course/go-shizhan',
      title: 'Go 语言实战课',
      provider: '示例学堂',
      instructor: '王老师',
      price: 199,
      currency: 'CNY',
      language: 'zh-CN',
      source: 'jsonld',
      missing: ['students', 'rating'],
    });
  });

  it('malformed JSON-LD: a broken block is reported, a repairable one (comments, trailing commas, newlines) is read', () => {
    const { record, failures } = run('jsonld-malformed.html', 'https://ke.example.cn/sql-intro');
    expect(failures).toEqual([{ extractor: 'course.jsonld', reason: 'JSON-LD block 1 is not JSON' }]);
    expect(record).toMatchObject({
      url: 'https://ke.example.cn/sql-intro',
      title: 'SQL 入门 （第二版）',
      provider: '示例课堂',
      price: 199, // "￥199.00"
      currency: 'CNY',
      students: 5556, // visible "5556人已学"
      lessons: 45, // visible "共45讲"
      source: 'jsonld',
    });
    expect(CaptureRecord.safeParse(record).success).toBe(true);
  });

  it('a saved JSON-LD body is a JSON input too', () => {
    const records = extractCourseJson('https://x.example/c', {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        {
          '@type': 'ListItem',
          position: 1,
          item: {
            '@type': 'Course',
            name: 'A',
            url: 'https://x.example/a',
            offers: { price: 0, priceCurrency: 'USD' },
          },
        },
        { '@type': 'ListItem', position: 2, item: { '@type': 'Course', name: 'B', url: '/b' } },
      ],
    });
    expect(records.map((r) => [r.url, r.title, r.price, r.source])).toEqual([
      ['https://x.example/a', 'A', 0, 'jsonld'],
      ['https://x.example/b', 'B', null, 'jsonld'],
    ]);
  });

  it('a page with nothing to read still yields a valid record that says what is missing', () => {
    const doc = new DOMParser().parseFromString('<html><body><p>hello</p></body></html>', 'text/html');
    const { record } = extractCoursePage(doc, 'https://blank.example.com/page?utm_medium=x');
    expect(record).toEqual({
      kind: 'course',
      url: 'https://blank.example.com/page',
      title: '',
      provider: 'blank.example.com',
      price: null,
      currency: null,
      source: 'site',
      missing: ['title', 'price', 'currency', 'instructor', 'students', 'rating'],
    });
  });
});
