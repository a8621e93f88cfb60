/** extractCourseJson on every course API body in test/fixtures/courses (values read from the files). */
import { describe, expect, it } from 'vitest';
import { CaptureRecord } from '../../../../lib/records';
import { extractCourseJson } from '../../../../lib/sites/course';
import { fixtureJson } from '../../fixtures';

const body = (path: string) => fixtureJson(`courses/${path}`);

describe('extractCourseJson', () => {
  it('极客时间 column list: prices in fen, list price, subscribers, "45讲"', () => {
    const records = extractCourseJson(
      'https://time.geekbang.org/serv/v1/column/newAll',
      body('cpselvis__geektime-webpack-course/geekbang_column_list.data.json'),
    );
    expect(records).toHaveLength(9);
    expect(records[0]).toEqual({
      kind: 'course',
      url: 'https://time.geekbang.org/column/intro/100029501',
      title: 'SQL必知必会',
      provider: '极客时间',
      instructor: '陈旸',
      price: 68, // column_price_sale 6800 fen
      listPrice: 99, // column_price_market 9900
      currency: 'CNY',
      students: 5556,
      lessons: 45,
      source: 'site',
      missing: ['rating'],
    });
    expect(records[1]).toMatchObject({
      title: 'Kafka核心技术与实战',
      instructor: '胡夕',
      price: 99,
      students: 5446,
      lessons: 42,
    });
    expect(records[1]?.listPrice).toBeUndefined(); // 9900 = 9900: no discount
  });

  it('B站课堂 season: price 398 in B币 keeps no currency; "共53期"; the episode list holds no course', () => {
    const [season] = extractCourseJson(
      'https://api.bilibili.com/pugv/view/web/season?season_id=61',
      body('SocialSisterYi__bilibili-API-collect/cheese_info.md__pugv_view_web_season.json'),
    );
    expect(season).toEqual({
      kind: 'course',
      url: 'https://www.bilibili.com/cheese/play/ss61',
      title: '唐盾：0-N4日语精讲',
      provider: 'B站课堂',
      instructor: '盾盾桑教你学日语',
      price: 398,
      currency: null,
      lessons: 53,
      source: 'site',
      // stat.play 2878146 counts plays, not buyers.
      missing: ['currency', 'students', 'rating'],
    });
    expect(
      extractCourseJson(
        '',
        body('SocialSisterYi__bilibili-API-collect/cheese_info.md__pugv_view_web_ep_list.json'),
      ),
    ).toEqual([]);
  });

  it('Coursera: courses.v1 linked courses and the old "about" JSON', () => {
    const linked = extractCourseJson('', body('coursera-dl__coursera-dl/list-courses-input.json'));
    expect(linked.map((c) => [c.url, c.title])).toEqual([
      ['https://www.coursera.org/learn/computational-neurosciencecompneuro', 'Computational Neuroscience'],
      ['https://www.coursera.org/learn/nlp', 'Natural Language Processing'],
      ['https://www.coursera.org/learn/probabilistic-graphical-models', 'Probabilistic Graphical Models'],
    ]);
    expect(extractCourseJson('', body('coursera-dl__coursera-dl/matrix-002-about.json'))).toEqual([
      {
        kind: 'course',
        url: 'https://www.coursera.org/course/matrix',
        title: 'Coding the Matrix: Linear Algebra through Computer Science Applications',
        provider: 'Coursera',
        instructor: 'Phil Klein',
        price: null,
        currency: null,
        source: 'site',
        missing: ['price', 'currency', 'students', 'rating'],
      },
    ]);
  });

  it('Udemy search results (no price): students, displayed rating, reviews, lectures, locale', () => {
    const records = extractCourseJson('', body('derekhackettnyc__tmdb/photography.js.json'));
    expect(records).toHaveLength(16);
    expect(records[0]).toEqual({
      kind: 'course',
      url: 'https://www.udemy.com/course/photography-masterclass-complete-guide-to-photography/',
      title: 'Photography Masterclass: A Complete Guide to Photography',
      provider: 'Udemy',
      instructor: 'Phil Ebiner, William Carnahan, Video School, Sam Shimizu-Jones',
      price: null,
      currency: null,
      students: 237632,
      rating: 4.696148,
      ratingCount: 48892,
      lessons: 354,
      language: 'en-US',
      source: 'site',
      missing: ['price', 'currency'],
    });
    expect(extractCourseJson('', body('derekhackettnyc__tmdb/react.js.json'))).toHaveLength(20);
  });

  it('Udemy discovery unit: unit.items[12]', () => {
    const records = extractCourseJson('', body('totosugito__waviv_admin/udemy-course.js.json'));
    expect(records).toHaveLength(12);
    expect(records[0]).toMatchObject({
      url: 'https://www.udemy.com/course/the-art-and-science-of-drawing/',
      title: 'The Art & Science of Drawing / BASIC SKILLS',
      instructor: 'Brent Eviston',
      students: 71977,
      rating: 4.772156,
      ratingCount: 12573,
      lessons: 17,
      price: null,
    });
  });

  it('Udemy courses list with a campaign discount: €11.99 from €29.99; no rating with 0 reviews', () => {
    const [course] = extractCourseJson('', body('JirakJ__personal-website-2021/courses.js.json'));
    expect(course).toEqual({
      kind: 'course',
      url: 'https://www.udemy.com/course/customer-support-in-the-modern-world-crash-course/',
      title: 'Customer Support in The Modern World – Crash Course',
      provider: 'Udemy',
      instructor: 'Skilled Three',
      price: 11.99,
      listPrice: 29.99,
      currency: 'EUR',
      ratingCount: 0,
      lessons: 20,
      language: 'en-US',
      source: 'site',
      missing: ['students', 'rating'],
    });
  });

  it('Udemy affiliate API 2017: price strings only ("A$180"), old root-level URLs', () => {
    const records = extractCourseJson('', body('guyathomas__encourse/udemy.js.json'));
    expect(records).toHaveLength(100);
    expect(records[0]).toMatchObject({
      url: 'https://www.udemy.com/learn-angularjs/',
      title: 'Learn and Understand AngularJS',
      instructor: 'Anthony Alicea',
      price: 180,
      currency: 'AUD',
    });
  });

  it('Udemy pricing API: prices per course id, no titles', () => {
    const records = extractCourseJson(
      'https://www.udemy.com/api-2.0/pricing/?course_ids=1565838',
      body('DarkShadow232__www.udemy.com/api-2.0__pricing__index.html.json'),
    );
    expect(records).toHaveLength(10);
    expect(records.find((r) => r.url === 'https://www.udemy.com/course/1565838/')).toMatchObject({
      title: '',
      price: 1599.99,
      currency: 'EGP',
    });
    expect(records.find((r) => r.url === 'https://www.udemy.com/course/4471614/')).toMatchObject({
      price: 269.99,
    });
  });

  it('中国大学MOOC school list: teacher, school, enrolments; no price field, so none is invented', () => {
    const records = extractCourseJson('', body('ChaiCunhao__mooc_spider/北京大学.json'));
    expect(records).toHaveLength(126);
    expect(records[0]).toEqual({
      kind: 'course',
      url: 'https://www.icourse163.org/course/PKU-1465995174',
      title: '骨骼肌肉系统再生医学',
      provider: '北京大学',
      instructor: '葛子钢',
      price: null,
      currency: null,
      students: 1605,
      source: 'site',
      missing: ['price', 'currency', 'rating'],
    });
  });

  it('reads a 极客时间 lesson count in linear time, whatever the unit text holds', () => {
    const column = (unit: string) => ({
      data: { list: [{ id: 1, column_title: 'SQL必知必会', column_price: 9900, column_unit: unit }] },
    });
    const lessons = (unit: string) =>
      extractCourseJson('https://time.geekbang.org/serv/v1/column/newAll', column(unit))[0]?.lessons;
    expect(lessons('45讲')).toBe(45);
    expect(lessons('共 45 讲')).toBe(45);
    const started = performance.now();
    // A long digit run, then 讲 out of reach: the old pattern took 7.8 s at 50k digits here.
    expect(lessons(`${'1'.repeat(100_000)}x讲`)).toBeUndefined();
    expect(lessons(`${'1'.repeat(100_000)}${' '.repeat(100_000)}x讲`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('unknown and malformed bodies give no records and do not throw', () => {
    expect(extractCourseJson('https://example.com/api', { hello: 'world' })).toEqual([]);
    expect(extractCourseJson('https://time.geekbang.org/x', null)).toEqual([]);
    expect(extractCourseJson('', 'not json')).toEqual([]);
    expect(extractCourseJson('', { data: { list: [{ column_title: 'no id' }] } })).toEqual([]);
  });

  it('every record of every body satisfies the record contract', () => {
    const paths = [
      'cpselvis__geektime-webpack-course/geekbang_column_list.data.json',
      'SocialSisterYi__bilibili-API-collect/cheese_info.md__pugv_view_web_season.json',
      'coursera-dl__coursera-dl/list-courses-input.json',
      'coursera-dl__coursera-dl/matrix-002-about.json',
      'derekhackettnyc__tmdb/photography.js.json',
      'derekhackettnyc__tmdb/react.js.json',
      'totosugito__waviv_admin/udemy-course.js.json',
      'JirakJ__personal-website-2021/courses.js.json',
      'guyathomas__encourse/udemy.js.json',
      'DarkShadow232__www.udemy.com/api-2.0__pricing__index.html.json',
      'ChaiCunhao__mooc_spider/北京大学.json',
    ];
    let n = 0;
    for (const path of paths) {
      for (const record of extractCourseJson('', body(path))) {
        expect(CaptureRecord.safeParse(record).success, `${path}: ${JSON.stringify(record)}`).toBe(true);
        n++;
      }
    }
    expect(n).toBe(9 + 1 + 3 + 1 + 16 + 20 + 12 + 1 + 100 + 10 + 126);
  });
});
