/**
 * Listing pages (issue 16): every course a page lists — a platform's home, search, category or
 * instructor page, a school's course list. Sources, most trusted first: the platform's own cards
 * (Udemy `data-purpose` hooks, Gumroad Discover props), schema.org JSON-LD and microdata ItemLists,
 * and inline state JSON that a known platform's API reader understands. The same course listed twice
 * (a "recommended" strip repeating a search result) is one record; each carries the page in `listedOn`.
 */
import type { CourseRecord } from '../../records';
import { extractCourseJson } from './json';
import { isObject, text, toRecord } from './record';
import { ruleFor } from './rules';
import {
  courseNodes,
  fieldsOfNode,
  indexById,
  type Node,
  readJsonLd,
  readMicrodata,
  typesOf,
} from './structured';
import type { CourseRule } from './types';
import { canonicalUrl, cleanUrl, hostnameOf } from './url';

/** Inline state larger than this is not read: a page's state is a few hundred KB at most. */
const MAX_STATE = 4_000_000;

/** `window.__INITIAL_STATE__ = {…};` and the like: the JSON after the first "=". */
const STATE_ASSIGNMENT = /^\s*window\.(__[A-Z0-9_]+__|[A-Za-z_$][\w$]*State)\s*=\s*/;

/** One listed item (ListItem, Course, Product) → a record, or null without a title and a link. */
function recordOfNode(node: Node, byId: Map<string, Node>, base: string, provider?: string) {
  const inner = isObject(node.item) ? node.item : node;
  const fields = fieldsOfNode(inner, byId);
  const href = cleanUrl(fields.url ?? text(inner.url) ?? text(node.url), base);
  const title = fields.title ?? text(node.name);
  if (!href || !title) return null;
  const from = fields.provider ?? provider ?? hostnameOf(href).replace(/^www\./, '');
  return toRecord({ ...fields, title, url: href, provider: from }, 'jsonld', href);
}

/**
 * The elements of the page's ItemLists, else its Course/Product nodes when there are several. The
 * caller leaves BreadcrumbLists out: they list the pages above this one, not courses.
 */
function structuredItems(nodes: Node[]): Node[] {
  const lists = nodes.filter((n) => typesOf(n).includes('ItemList'));
  const listed = lists.flatMap((l) =>
    Array.isArray(l.itemListElement) ? l.itemListElement.filter(isObject) : [],
  );
  if (listed.length) return listed;
  const courses = courseNodes(nodes);
  return courses.length >= 2 ? courses : [];
}

function fromJsonLd(doc: Document, url: string, rule?: CourseRule): CourseRecord[] {
  const nodes = readJsonLd(doc);
  const byId = indexById(nodes);
  const items = structuredItems(nodes.filter((n) => !typesOf(n).includes('BreadcrumbList')));
  return items.flatMap((n) => recordOfNode(n, byId, url, rule?.name) ?? []);
}

function fromMicrodata(doc: Document, url: string, rule?: CourseRule): CourseRecord[] {
  const items = structuredItems(readMicrodata(doc).filter((n) => !typesOf(n).includes('BreadcrumbList')));
  return items.flatMap((n) => {
    const record = recordOfNode(n, new Map(), url, rule?.name);
    return record ? [{ ...record, source: 'microdata' as const }] : [];
  });
}

/** Embedded state: `<script type="application/json">` props and `window.__X__ = {…}` assignments. */
function stateBodies(doc: Document): unknown[] {
  const bodies: unknown[] = [];
  doc.querySelectorAll('script').forEach((script) => {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    const raw = script.textContent ?? '';
    if (raw.length > MAX_STATE || type === 'application/ld+json') return;
    let json: string | undefined;
    if (type === 'application/json') json = raw;
    else if (type === '' || type.includes('javascript')) {
      const m = STATE_ASSIGNMENT.exec(raw);
      if (m) json = raw.slice(m[0].length).replace(/;\s*$/, '');
    }
    if (json === undefined) return;
    try {
      bodies.push(JSON.parse(json));
    } catch {
      // A script that is code after all, or state that is not pure JSON: it lists nothing we can read.
    }
  });
  return bodies;
}

function fromState(doc: Document, url: string): CourseRecord[] {
  return stateBodies(doc).flatMap((body) => extractCourseJson(url, body).filter((r) => r.title));
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** The first sighting wins; a later one of the same course fills only what the first lacked. */
function mergeInto(first: CourseRecord, later: CourseRecord): CourseRecord {
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(later)) if (isEmpty(merged[key])) merged[key] = value;
  const missing = (first.missing ?? []).filter((f) => isEmpty(merged[f]));
  if (missing.length) merged.missing = missing;
  else delete merged.missing;
  return merged as CourseRecord;
}

/** One record per course URL, in the order the page lists them. */
export function dedupeCourses(records: CourseRecord[]): CourseRecord[] {
  const byUrl = new Map<string, CourseRecord>();
  for (const r of records) {
    const seen = byUrl.get(r.url);
    byUrl.set(r.url, seen ? mergeInto(seen, r) : r);
  }
  return [...byUrl.values()];
}

/**
 * Every course listed on the page, each with `listedOn` (the page's canonical URL). Empty for a page
 * that lists no course (a single-course page lists itself at most, which is not a listing).
 */
export function extractListing(doc: Document, url: string): CourseRecord[] {
  const hit = ruleFor(url) ?? ruleFor(canonicalUrl(doc, 'https://invalid.invalid/'));
  const rule = hit?.rule;
  const page = canonicalUrl(doc, url);
  const readers: Array<() => CourseRecord[]> = [
    () => rule?.list?.(doc, url) ?? [],
    () => fromJsonLd(doc, url, rule),
    () => fromMicrodata(doc, url, rule),
    () => fromState(doc, url),
  ];
  const found: CourseRecord[] = [];
  for (const read of readers) {
    try {
      found.push(...read());
    } catch {
      // One broken source must not hide the courses another one lists.
    }
  }
  const listedOn = cleanUrl(page);
  return dedupeCourses(found)
    .filter((r) => r.url !== listedOn)
    .map((r) => (listedOn ? { ...r, listedOn } : r));
}
