/**
 * A course page → one course record. Order of trust, field by field: the known platform's rule, then
 * schema.org JSON-LD, microdata, OpenGraph/product meta, and last the visible page text. Price, currency
 * and list price travel together from one layer, so a sale price never meets another layer's currency.
 */
import type { CourseRecord, ExtractFailure } from '../../records';
import { metaFields } from './meta';
import { toRecord } from './record';
import { ruleFor } from './rules';
import { fieldsOfNode, indexById, pickCourseNode, readJsonLd, readMicrodata } from './structured';
import type { CourseFields, CourseRule, Layer } from './types';
import { canonicalUrl, cleanUrl, hostnameOf } from './url';
import { visibleFields } from './visible';

export interface CoursePage {
  record: CourseRecord;
  failures: ExtractFailure[];
  /** Which layer gave each field, for the health view and for tests. */
  fieldSources: Partial<Record<keyof CourseFields, Layer>>;
}

const LAYERS: Layer[] = ['site', 'jsonld', 'microdata', 'opengraph', 'visible'];
const STRUCTURED_SOURCE: Record<Layer, CourseRecord['source'] | null> = {
  site: 'site',
  jsonld: 'jsonld',
  microdata: 'microdata',
  opengraph: 'opengraph',
  visible: null,
};

function safely<T>(id: string, failures: ExtractFailure[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    failures.push({
      extractor: `course.${id}`,
      reason: error instanceof Error ? error.message : String(error),
    });
    return fallback;
  }
}

/** The rule for the page URL, or for the URL the page says it is (a saved page opened from disk). */
function findRule(doc: Document, url: string): { rule: CourseRule; url: URL } | null {
  return ruleFor(url) ?? ruleFor(canonicalUrl(doc, 'https://invalid.invalid/'));
}

/** " | Udemy", " - 极客时间", "_网易云课堂": the site's name appended to a title. */
function withoutSiteSuffix(
  title: string | undefined,
  ...names: Array<string | undefined>
): string | undefined {
  let t = title;
  for (const name of names) {
    if (!t || !name) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`\\s*[|_\\-–—·]\\s*${escaped}\\s*$`, 'i'), '') || t;
  }
  return t;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function extractCoursePage(doc: Document, url: string): CoursePage {
  const failures: ExtractFailure[] = [];
  const hit = findRule(doc, url);
  const rule = hit?.rule;
  // A known platform's listing or home page (Udemy search, Gumroad Discover) lists many prices: reading
  // "the" price or rating from it would pin the first card's numbers on the page.
  const listing = !!hit && !hit.rule.isCourseUrl(hit.url);
  const siteFound = safely(`${rule?.id ?? 'site'}.page`, failures, {}, () => rule?.extract?.(doc, url) ?? {});
  const site: CourseFields = listing ? { title: siteFound.title, provider: siteFound.provider } : siteFound;
  const ldFailures: string[] = [];
  const nodes = safely('jsonld', failures, [], () => readJsonLd(doc, ldFailures));
  for (const reason of ldFailures) failures.push({ extractor: 'course.jsonld', reason });
  const ldNode = pickCourseNode(nodes);
  const jsonld = ldNode ? safely('jsonld', failures, {}, () => fieldsOfNode(ldNode, indexById(nodes))) : {};
  const microdata = safely('microdata', failures, {}, () => {
    const node = pickCourseNode(readMicrodata(doc));
    return node ? fieldsOfNode(node) : {};
  });
  const opengraph = safely('opengraph', failures, {}, () => metaFields(doc));
  const pageCurrency =
    [site, jsonld, microdata, opengraph].map((l) => l.currency).find(Boolean) ?? rule?.currency;
  const visible = safely('visible', failures, {}, () => {
    const found = visibleFields(doc, pageCurrency);
    return listing ? { title: found.title } : found;
  });
  const layers: Record<Layer, CourseFields> = { site, jsonld, microdata, opengraph, visible };
  const fieldSources: CoursePage['fieldSources'] = {};
  const first = <K extends keyof CourseFields>(key: K): CourseFields[K] => {
    for (const layer of LAYERS) {
      const value = layers[layer][key];
      if (value !== undefined && value !== '') {
        fieldSources[key] = layer;
        return value;
      }
    }
    return undefined;
  };

  const merged: CourseFields = {};
  const priceLayer = LAYERS.find((l) => layers[l].price !== undefined);
  if (priceLayer) {
    const from = layers[priceLayer];
    merged.price = from.price;
    merged.currency = from.currency ?? pageCurrency;
    merged.listPrice = from.listPrice;
    fieldSources.price = priceLayer;
  } else if (LAYERS.some((l) => layers[l].freeHint)) {
    merged.freeHint = true;
    merged.currency = pageCurrency;
  }
  const ratingLayer = LAYERS.find((l) => layers[l].rating !== undefined);
  merged.rating = ratingLayer ? layers[ratingLayer].rating : undefined;
  merged.ratingCount = ratingLayer
    ? (layers[ratingLayer].ratingCount ?? first('ratingCount'))
    : first('ratingCount');
  if (ratingLayer) fieldSources.rating = ratingLayer;
  merged.instructor = first('instructor');
  merged.students = first('students');
  merged.lessons = first('lessons');
  merged.language = first('language');

  const canonical = canonicalUrl(doc, url, jsonld.url ?? microdata.url);
  const canonicalParsed = parseUrl(canonical);
  merged.url =
    (canonicalParsed && rule?.matches(canonicalParsed) ? rule.courseUrl?.(canonicalParsed) : null) ??
    canonical;
  merged.provider = first('provider') ?? rule?.name ?? hostnameOf(merged.url).replace(/^www\./, '');
  merged.title = withoutSiteSuffix(first('title'), opengraph.provider, rule?.name);

  const titleLayer = fieldSources.title;
  const source =
    (priceLayer && STRUCTURED_SOURCE[priceLayer]) || (titleLayer && STRUCTURED_SOURCE[titleLayer]) || 'site';
  return { record: toRecord(merged, source, cleanUrl(url) ?? url), failures, fieldSources };
}

/** The course on a page (the content of "Save this course"). Never throws. */
export function extractCourse(doc: Document, url: string): CourseRecord {
  return extractCoursePage(doc, url).record;
}
