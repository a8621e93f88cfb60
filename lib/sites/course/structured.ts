/**
 * schema.org data in a page: JSON-LD blocks and microdata, read into plain nodes of the same shape
 * ({'@type', name, offers, …}) so one mapping turns either into course fields.
 */
import { parsePrice } from '../../parse/price';
import { int, isObject, languageTag, num, rating, text } from './record';
import type { CourseFields } from './types';

export type Node = Record<string, unknown>;

/** "http://schema.org/Course", "schema:Course", ["Course", "Product"] → ["Course", "Product"]. */
export function typesOf(node: Node): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/**
 * Parses one JSON-LD block, repairing what real pages get wrong: HTML comments and CDATA wrappers,
 * raw newlines inside strings, trailing commas. Returns undefined when it still is not JSON.
 */
export function parseJsonLd(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    // Fall through to the repairs.
  }
  const repaired = raw
    .replace(/<!--|-->|\/\*\s*<!\[CDATA\[\s*\*\/|\/\*\s*\]\]>\s*\*\/|<!\[CDATA\[|\]\]>/g, '')
    .replace(/[\n\r\t]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1')
    .trim();
  try {
    return JSON.parse(repaired);
  } catch {
    return undefined;
  }
}

/** Every typed node of every JSON-LD block, with arrays, `@graph` and `ItemList` items flattened. */
export function readJsonLd(doc: Document, failures: string[] = []): Node[] {
  const nodes: Node[] = [];
  doc.querySelectorAll('script[type="application/ld+json"]').forEach((script, i) => {
    const parsed = parseJsonLd(script.textContent ?? '');
    if (parsed === undefined) failures.push(`JSON-LD block ${i + 1} is not JSON`);
    else collect(parsed, nodes, 0);
  });
  return nodes;
}

function collect(value: unknown, into: Node[], depth: number): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (value['@type'] !== undefined) into.push(value);
  if (value['@graph'] !== undefined) collect(value['@graph'], into, depth + 1);
  if (typesOf(value).includes('ItemList')) {
    for (const el of asList(value.itemListElement))
      collect(isObject(el) && el.item ? el.item : el, into, depth + 1);
  }
}

/** Resolves `{"@id": "#org"}` references against the nodes of the same page. */
export function indexById(nodes: Node[]): Map<string, Node> {
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  return byId;
}

/** Types that describe a course even without a price; an item of any other type needs an offer. */
const COURSE_TYPES = ['Course', 'CourseInstance', 'Product', 'EducationalOccupationalProgram'];
/** Checked after any priced item: without an offer they still name the page's course. */
const WEAK_TYPES = ['Book', 'Event'];

/**
 * Sellers mark a course up as whatever their template says (SoftwareApplication, Book, Event,
 * CreativeWork, WebApplication…); an item with a priced Offer is what is on sale.
 */
const hasPricedOffer = (node: Node): boolean =>
  asList(node.offers).some(
    (o) => isObject(o) && (o.price ?? o.lowPrice ?? o.priceSpecification) !== undefined,
  );

/**
 * The node that describes the page's course: a Course first, then a Product, then an instance or a
 * program, then any item with a priced offer, then a Book or an Event.
 */
export function pickCourseNode(nodes: Node[]): Node | undefined {
  for (const type of COURSE_TYPES) {
    const hit = nodes.find((n) => typesOf(n).includes(type));
    if (hit) return hit;
  }
  return nodes.find(hasPricedOffer) ?? nodes.find((n) => typesOf(n).some((t) => WEAK_TYPES.includes(t)));
}

/** The course nodes of a listing page (an ItemList of Courses, several Course blocks). */
export function courseNodes(nodes: Node[]): Node[] {
  return nodes.filter((n) => typesOf(n).includes('Course') || typesOf(n).includes('Product'));
}

const PERSON_TYPES = ['Person'];

function nameOf(v: unknown, byId: Map<string, Node>): string | undefined {
  const node = deref(v, byId);
  if (typeof node === 'string') return text(node);
  return isObject(node) ? text(node.name) : undefined;
}

function deref(v: unknown, byId: Map<string, Node>): unknown {
  if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1)
    return byId.get(v['@id']) ?? v;
  return v;
}

function names(
  values: unknown[],
  byId: Map<string, Node>,
  filter?: (n: unknown) => boolean,
): string | undefined {
  const found = values
    .map((v) => deref(v, byId))
    .filter((v) => !filter || filter(v))
    .map((v) => nameOf(v, byId))
    .filter((n): n is string => !!n);
  return found.length ? [...new Set(found)].join(', ') : undefined;
}

const isPerson = (v: unknown) =>
  typeof v === 'string' || (isObject(v) && typesOf(v).some((t) => PERSON_TYPES.includes(t)));

interface OfferPrice {
  price: number;
  currency?: string;
  listPrice?: number;
}

/** Offer, AggregateOffer (lowPrice), arrays of them, `priceSpecification`; the lowest price wins. */
function offerPrice(offers: unknown, byId: Map<string, Node>): OfferPrice | undefined {
  let best: OfferPrice | undefined;
  for (const raw of asList(offers)) {
    const offer = deref(raw, byId);
    if (!isObject(offer)) continue;
    const specs = asList(offer.priceSpecification).filter(isObject);
    const currency = text(offer.priceCurrency) ?? specs.map((s) => text(s.priceCurrency)).find(Boolean);
    const amountRaw =
      offer.price ?? offer.lowPrice ?? specs.find((s) => !/ListPrice/i.test(String(s.priceType)))?.price;
    const amount = amountOf(amountRaw, currency);
    if (amount === undefined) continue;
    const list = specs.find((s) => /ListPrice|StrikethroughPrice/i.test(String(s.priceType)));
    const listPrice = list ? amountOf(list.price, currency) : undefined;
    if (!best || amount < best.price) best = { price: amount, currency: currency?.toUpperCase(), listPrice };
  }
  return best;
}

function amountOf(raw: unknown, currency?: string): number | undefined {
  if (typeof raw === 'number') return num(raw);
  const s = text(raw);
  if (!s) return undefined;
  // Plain "79.99" is the norm; "1,299.00" and "$49" occur, and parsePrice reads those too.
  return /^\d+(\.\d+)?$/.test(s) ? num(s) : parsePrice(s, currency)?.amount;
}

/** Students from `totalHistoricalEnrollment` or an enrol/register/subscribe InteractionCounter. */
function studentsOf(node: Node): number | undefined {
  const direct = int(node.totalHistoricalEnrollment);
  if (direct !== undefined) return direct;
  for (const stat of asList(node.interactionStatistic)) {
    if (!isObject(stat)) continue;
    if (/Register|Subscribe|Enroll|Join|Buy/i.test(JSON.stringify(stat.interactionType ?? ''))) {
      const n = int(stat.userInteractionCount);
      if (n !== undefined) return n;
    }
  }
  return undefined;
}

/** Course fields of one schema.org node (from JSON-LD or microdata). */
export function fieldsOfNode(node: Node, byId: Map<string, Node> = new Map()): CourseFields {
  const fields: CourseFields = {};
  fields.title = text(node.name) ?? text(node.headline);
  const url = text(node.url) ?? text(node['@id']);
  if (url && /^https?:\/\//i.test(url)) fields.url = url;
  const instances = asList(node.hasCourseInstance)
    .map((i) => deref(i, byId))
    .filter(isObject);
  fields.instructor =
    names(asList(node.instructor), byId) ??
    names(
      instances.flatMap((i) => asList(i.instructor)),
      byId,
    ) ??
    names([...asList(node.author), ...asList(node.creator)], byId, isPerson);
  fields.provider =
    names(asList(node.provider), byId) ??
    names([...asList(node.author), ...asList(node.creator)], byId, (v) => !isPerson(v)) ??
    names(
      asList(node.offers).flatMap((o) => (isObject(o) ? asList(o.seller) : [])),
      byId,
    ) ??
    names(asList(node.brand), byId);
  const offer =
    offerPrice(node.offers, byId) ??
    offerPrice(
      instances.flatMap((i) => asList(i.offers)),
      byId,
    );
  if (offer) {
    fields.price = offer.price;
    fields.currency = offer.currency;
    fields.listPrice = offer.listPrice;
  } else if (node.isAccessibleForFree === true || node.isAccessibleForFree === 'true') {
    fields.freeHint = true;
  }
  const agg = deref(node.aggregateRating, byId);
  if (isObject(agg)) {
    fields.rating = rating(agg.ratingValue, agg.bestRating);
    fields.ratingCount = int(agg.ratingCount) ?? int(agg.reviewCount);
  }
  fields.students = studentsOf(node);
  const lang = asList(node.inLanguage)[0] ?? asList(node.availableLanguage)[0];
  fields.language = languageTag(isObject(lang) ? (lang.alternateName ?? lang.name) : lang);
  return fields;
}

// ---- microdata ----------------------------------------------------------------------------------

function itemValue(el: Element): unknown {
  if (el.hasAttribute('itemscope')) return readItem(el);
  const tag = el.tagName.toLowerCase();
  const attr =
    el.getAttribute('content') ??
    (tag === 'a' || tag === 'link' ? el.getAttribute('href') : null) ??
    (tag === 'img' || tag === 'source' ? el.getAttribute('src') : null) ??
    (tag === 'time' ? el.getAttribute('datetime') : null) ??
    (tag === 'data' || tag === 'meter' ? el.getAttribute('value') : null);
  return attr ?? el.textContent ?? '';
}

/** One itemscope as a node; properties of nested scopes stay in those scopes. */
function readItem(scope: Element): Node {
  const node: Node = { '@type': scope.getAttribute('itemtype') ?? '' };
  scope.querySelectorAll('[itemprop]').forEach((el) => {
    if (el.parentElement?.closest('[itemscope]') !== scope) return;
    const value = itemValue(el);
    // itemprop names are case-sensitive by spec, but pages write `offercount` and `ratingvalue`.
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
      const key = canonicalProp(name);
      const old = node[key];
      node[key] = old === undefined ? value : [...asList(old), value];
    }
  });
  return node;
}

const PROP_CASE = new Map(
  [
    'ratingValue',
    'reviewCount',
    'ratingCount',
    'bestRating',
    'priceCurrency',
    'lowPrice',
    'highPrice',
    'offerCount',
  ].map((p) => [p.toLowerCase(), p] as const),
);
const canonicalProp = (name: string) => PROP_CASE.get(name.toLowerCase()) ?? name;

/** Top-level microdata items (those that are not a property of another item). */
export function readMicrodata(doc: Document): Node[] {
  const items: Node[] = [];
  doc.querySelectorAll('[itemscope]').forEach((scope) => {
    if (!scope.hasAttribute('itemprop')) items.push(readItem(scope));
  });
  return items;
}
