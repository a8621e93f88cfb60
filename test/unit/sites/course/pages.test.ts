// @vitest-environment happy-dom
/**
 * extractCourse on every captured course (and product) page in test/fixtures/courses. Expected values
 * were read from the files (see test/fixtures/courses/MANIFEST.md for where each sits in the page).
 */
import { describe, expect, it } from 'vitest';
import { CaptureRecord } from '../../../../lib/records';
import { extractCourseJson, extractCoursePage, extractListing } from '../../../../lib/sites/course';
import { quietDocument } from './helpers';

const run = (path: string, url: string) => extractCoursePage(quietDocument(`courses/${path}`), url);

describe('extractCourse on captured pages', () => {
  it('Udemy learner view (nl_NL): og:url, og:title and udemy_com:price "€ 84,99"', () => {
    const { record, fieldSources } = run(
      'CealanM__cv/The Complete 2023 Web Development Bootcamp _ Udemy.html',
      'https://www.udemy.com/course/the-complete-web-development-bootcamp/learn/lecture/12287450?utm_source=x#questions',
    );
    expect(record).toEqual({
      kind: 'course',
      url: 'https://www.udemy.com/course/the-complete-web-development-bootcamp/',
      title: 'The Complete 2023 Web Development Bootcamp',
      provider: 'Udemy',
      price: 84.99,
      currency: 'EUR',
      source: 'site',
      // The instructor meta is a profile URL, not a name; the player view shows no counts.
      missing: ['instructor', 'students', 'rating'],
    });
    expect(fieldSources.price).toBe('site');
  });

  it('edX: JSON-LD Course (provider, instructor, language) + the "Price" row and the enrolment line', () => {
    const { record, fieldSources } = run(
      'rishul33__areaosapce-engineer/programming-for-everybody-getting-started-with-pyt.html',
      'https://www.edx.org/course/programming-for-everybody-getting-started-with-pyt',
    );
    expect(record).toMatchObject({
      url: 'https://www.edx.org/course/programming-for-everybody-getting-started-with-pyt',
      title: 'Programming for Everybody (Getting Started with Python)',
      provider: 'The University of Michigan',
      instructor: 'Charles Severance',
      price: 49, // "$49 USD" verified track; the LD only says isAccessibleForFree
      currency: 'USD',
      students: 519749, // "519,749 already enrolled!"
      language: 'en-US',
      source: 'jsonld',
      missing: ['rating'],
    });
    expect(fieldSources).toMatchObject({ title: 'jsonld', price: 'visible', students: 'visible' });
  });

  it('Class Central: JSON-LD Course with a free Offer and an AggregateRating; "Taught by" instructor', () => {
    const { record } = run(
      'Cinemato__codingallstars-classcentral-task/know-thyself-the-examined-life-432.html',
      'https://www.classcentral.com/course/know-thyself-the-examined-life-432',
    );
    expect(record).toEqual({
      kind: 'course',
      url: 'https://www.classcentral.com/course/know-thyself-the-examined-life-432',
      title: 'Know Thyself - The Value and Limits of Self-Knowledge: The Examined Life',
      provider: 'University of Edinburgh',
      instructor: 'Mitchell Green',
      price: 0,
      currency: 'USD',
      rating: 4.73333,
      ratingCount: 30,
      source: 'jsonld',
      // "18.6k" beside "Add to list" is a bookmark count, not enrolments.
      missing: ['students'],
    });
  });

  it('Learn Node (no structured price): the first price element, struck list price, "already sold"', () => {
    const { record } = run('microlinkhq__metascraper/learnnode__input.html', 'https://learnnode.com/?ref=x');
    expect(record).toMatchObject({
      url: 'https://learnnode.com/',
      title: 'Learn Node',
      provider: 'Learn Node',
      price: 82,
      listPrice: 89,
      currency: 'USD',
      students: 15744,
      source: 'opengraph',
      missing: ['instructor', 'rating'],
    });
  });

  it('Parallels (JSON-LD Product, brand mistyped as Offer): price, rating, seller as provider', () => {
    const { record } = run(
      'adbar__trafilatura/parallels.com.desktop.html',
      'https://www.parallels.com/products/desktop/',
    );
    expect(record).toEqual({
      kind: 'course',
      url: 'https://www.parallels.com/products/desktop/',
      title: 'Parallels Desktop for Mac',
      provider: 'Parallels International GmbH',
      price: 79.99,
      currency: 'USD',
      rating: 4,
      ratingCount: 49,
      source: 'jsonld',
      missing: ['instructor', 'students'],
    });
  });

  it('Happy Coffee (Shopify): microdata 27.90 outranks the conflicting product:price:amount 16.90', () => {
    const { record, fieldSources } = run(
      'adbar__trafilatura/de.happycoffee.org.sidamo.html',
      'https://de.happycoffee.org/products/happy-coffee-sidamo-bio-kaffeebohnen',
    );
    expect(record).toMatchObject({
      url: 'https://de.happycoffee.org/products/happy-coffee-sidamo-bio-kaffeebohnen',
      title: 'Happy Coffee SIDAMO Bio Bohnen',
      provider: 'Happy Coffee Deutschland',
      price: 27.9,
      currency: 'EUR',
      rating: 4.98,
      ratingCount: 40,
      source: 'microdata',
    });
    expect(fieldSources.price).toBe('microdata');
  });

  it('extruct sample: microdata AggregateOffer (lower-case offercount) → the low price', () => {
    const { record } = run(
      'scrapinghub__extruct/microdata-with-description.html',
      'https://www.monsterpetsupplies.co.uk/cat/cat-flea-tick/johnsons-4-fleas-cats-kittens',
    );
    expect(record).toEqual({
      kind: 'course',
      url: 'https://www.monsterpetsupplies.co.uk/cat/cat-flea-tick/johnsons-4-fleas-cats-kittens',
      title: 'Johnsons 4 Fleas Cats & Kittens Tablets',
      provider: 'Johnsons',
      price: 5.29,
      currency: 'GBP',
      source: 'microdata',
      missing: ['instructor', 'students', 'rating'],
    });
  });

  it('Udemy search results: the page record takes no card numbers; the list has all 31 cards', () => {
    const doc = quietDocument('courses/soodaayush__udemy-price-tracker/index.html');
    const url = 'https://www.udemy.com/courses/search/?q=python&src=ukw';
    const { record } = extractCoursePage(doc, url);
    expect(record).toMatchObject({
      url: 'https://www.udemy.com/courses/search/',
      price: null,
      provider: 'Udemy',
    });
    expect(record.rating).toBeUndefined();
    const list = extractListing(doc, url);
    expect(list).toHaveLength(31);
    expect(list[0]).toEqual({
      kind: 'course',
      url: 'https://www.udemy.com/course/100-days-of-code/',
      title: '100 Days of Code: The Complete Python Pro Bootcamp for 2023',
      provider: 'Udemy',
      instructor: 'Dr. Angela Yu',
      price: 21.99,
      listPrice: 139.99,
      currency: 'CAD',
      rating: 4.7,
      ratingCount: 191475,
      lessons: 676,
      source: 'site',
      missing: ['students'],
      listedOn: 'https://www.udemy.com/courses/search/',
    });
    expect(list[1]).toMatchObject({
      url: 'https://www.udemy.com/course/complete-python-bootcamp/',
      instructor: 'Jose Portilla',
      price: 19.99,
      listPrice: 119.99,
      ratingCount: 459408,
    });
  });

  it('Gumroad Discover: the page is no course; the list reads the React props (price_cents)', () => {
    const doc = quietDocument('courses/Mikebrayshaw__gumroad-scraper/gumroad_page.html');
    const { record } = extractCoursePage(doc, 'https://gumroad.com/discover');
    expect(record).toMatchObject({ title: 'Gumroad', provider: 'Gumroad', price: null });
    const list = extractListing(doc, 'https://gumroad.com/discover');
    expect(list).toHaveLength(43); // 36 search results + 8 recommended, one of them listed twice
    expect(list[0]).toEqual({
      kind: 'course',
      url: 'https://lastknight.gumroad.com/l/zerotoai',
      title: 'ZeroToAi - Una introduzione (gentile) agli LLM e alla AI Generative',
      provider: 'Gumroad',
      instructor: 'Matteo Flora',
      price: 299,
      currency: 'EUR',
      rating: 5,
      ratingCount: 25,
      source: 'site',
      missing: ['students'],
      listedOn: 'https://gumroad.com/',
    });
    const swift = list.find((c) => c.title === 'Hacking with Swift+');
    expect(swift).toMatchObject({
      price: 20,
      currency: 'USD',
      instructor: 'Paul Hudson',
      ratingCount: 294,
      rating: 4.9,
    });
    // average 0.0 with 0 ratings is "not rated yet", not a zero rating.
    const unrated = list.find((c) => c.url === 'https://daribodrawing.gumroad.com/l/all_practice_cards');
    expect(unrated).toMatchObject({ price: 11.9, currency: 'EUR', ratingCount: 0 });
    expect(unrated?.rating).toBeUndefined();
  });

  it('every record of every page satisfies the record contract', () => {
    const pages: Array<[string, string]> = [
      [
        'CealanM__cv/The Complete 2023 Web Development Bootcamp _ Udemy.html',
        'https://www.udemy.com/course/x/',
      ],
      [
        'rishul33__areaosapce-engineer/programming-for-everybody-getting-started-with-pyt.html',
        'https://www.edx.org/',
      ],
      [
        'Cinemato__codingallstars-classcentral-task/know-thyself-the-examined-life-432.html',
        'https://www.classcentral.com/',
      ],
      ['microlinkhq__metascraper/learnnode__input.html', 'https://learnnode.com/'],
      ['adbar__trafilatura/parallels.com.desktop.html', 'https://www.parallels.com/'],
      ['adbar__trafilatura/de.happycoffee.org.sidamo.html', 'https://de.happycoffee.org/'],
      ['scrapinghub__extruct/microdata-with-description.html', 'https://www.monsterpetsupplies.co.uk/'],
      ['soodaayush__udemy-price-tracker/index.html', 'https://www.udemy.com/courses/search/'],
      ['Mikebrayshaw__gumroad-scraper/gumroad_page.html', 'https://gumroad.com/discover'],
    ];
    let checked = 0;
    for (const [path, url] of pages) {
      const doc = quietDocument(`courses/${path}`);
      const page = extractCoursePage(doc, url);
      expect(page.failures).toEqual([]);
      for (const record of [page.record, ...extractListing(doc, url)]) {
        expect(CaptureRecord.safeParse(record).success, `${path}: ${JSON.stringify(record)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(9 + 31 + 43);
    // Parsing nine saved pages (up to 718 KB) in happy-dom takes seconds on a shared 2-core machine.
  }, 30_000);
});

describe('defect: an item that is neither Course nor Product but carries a priced Offer (issue 12)', () => {
  const PARALLELS = 'adbar__trafilatura/parallels.com.desktop.html';
  const CLASS_CENTRAL = 'Cinemato__codingallstars-classcentral-task/know-thyself-the-examined-life-432.html';
  /** The REAL Parallels page with its JSON-LD `"@type": "Product"` changed to `type` (derived in the test). */
  const retyped = (type: string) => {
    const doc = quietDocument(`courses/${PARALLELS}`);
    const script = doc.querySelector('script[type="application/ld+json"]')!;
    const original = script.textContent ?? '';
    script.textContent = original.replace('"@type": "Product"', `"@type": "${type}"`);
    expect(script.textContent).not.toBe(original);
    return { doc, jsonLd: JSON.parse(script.textContent) as Record<string, unknown> };
  };

  const PAGE_URL = 'https://www.parallels.com/products/desktop/';
  const asProduct = () => extractCoursePage(quietDocument(`courses/${PARALLELS}`), PAGE_URL).record;

  for (const type of ['SoftwareApplication', 'WebApplication', 'CreativeWork', 'Book', 'Event']) {
    it(`${type}: the same record as the real Product, its Offer and AggregateRating from the JSON-LD`, () => {
      const { record, fieldSources } = extractCoursePage(retyped(type).doc, PAGE_URL);
      expect(record).toEqual(asProduct());
      expect(record).toMatchObject({ price: 79.99, currency: 'USD', rating: 4, ratingCount: 49 });
      expect(fieldSources.price).toBe('jsonld');
    });
  }

  it('a saved JSON-LD body of such an item is a course too', () => {
    const { jsonLd } = retyped('SoftwareApplication');
    const records = extractCourseJson(PAGE_URL, jsonLd);
    expect(records.map((r) => [r.url, r.title, r.price, r.currency, r.rating])).toEqual([
      ['https://www.parallels.com/products/desktop/', 'Parallels Desktop for Mac', 79.99, 'USD', 4],
    ]);
  });

  it('a Course on the same page still comes first', () => {
    const doc = quietDocument(`courses/${CLASS_CENTRAL}`);
    const priced = retyped('SoftwareApplication').jsonLd;
    const script = doc.createElement('script');
    script.setAttribute('type', 'application/ld+json');
    script.textContent = JSON.stringify(priced);
    doc.head.prepend(script);
    const { record } = extractCoursePage(
      doc,
      'https://www.classcentral.com/course/know-thyself-the-examined-life-432',
    );
    expect(record).toMatchObject({
      title: expect.stringContaining('Know Thyself'),
      price: 0,
      rating: 4.73333,
    });
  });
});
