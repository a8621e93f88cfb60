/**
 * Saved course-platform API bodies → course records (users backfill history with them). The platform
 * is recognised by the URL the body came from, else by the body's shape, since a saved file often
 * arrives without its URL.
 */
import type { CourseRecord } from '../../records';
import { isObject, text, toRecord } from './record';
import { COURSE_RULES, ruleFor } from './rules';
import { courseNodes, fieldsOfNode, indexById, type Node, typesOf } from './structured';
import { cleanUrl } from './url';

/** Records of one JSON body; [] when the body is not a known course API (or lists no course). */
export function extractCourseJson(url: string, body: unknown): CourseRecord[] {
  const hit = ruleFor(url);
  const ordered = hit ? [hit.rule, ...COURSE_RULES.filter((r) => r !== hit.rule)] : COURSE_RULES;
  for (const rule of ordered) {
    try {
      const records = rule.json?.(url, body);
      if (records) return records;
    } catch {
      // A body of another shape: try the next platform.
    }
  }
  return jsonLdBody(url, body);
}

/** A saved JSON-LD document (a Course, an @graph, an ItemList) is a body too. */
function jsonLdBody(url: string, body: unknown): CourseRecord[] {
  const nodes: Node[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const x of v) add(x);
    } else if (isObject(v)) {
      if (v['@type'] !== undefined) nodes.push(v);
      if (v['@graph'] !== undefined) add(v['@graph']);
      if (typesOf(v).includes('ItemList') && Array.isArray(v.itemListElement)) {
        for (const el of v.itemListElement) add(isObject(el) && el.item ? el.item : el);
      }
    }
  };
  add(body);
  const byId = indexById(nodes);
  return courseNodes(nodes).flatMap((node) => {
    const fields = fieldsOfNode(node, byId);
    const href = cleanUrl(fields.url ?? text(node.url), url) ?? cleanUrl(url);
    return href && fields.title ? [toRecord({ ...fields, url: href }, 'jsonld', href)] : [];
  });
}
