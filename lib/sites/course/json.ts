/**
 * Saved course-platform API bodies → course records (users backfill history with them). The platform
 * is recognised by the URL the body came from, else by the body's shape, since a saved file often
 * arrives without its URL.
 */
import { MAX_URL } from '../../record-keys';
import type { CourseRecord } from '../../records';
import { isObject, text, toRecord } from './record';
import { COURSE_RULES, ruleFor } from './rules';
import { courseNodes, fieldsOfNode, indexById, type Node, pickCourseNode, typesOf } from './structured';
import { cleanUrl } from './url';

/** Records of one JSON body; [] when the body is not a known course API (or lists no course). */
export function extractCourseJson(url: string, body: unknown): CourseRecord[] {
  const hit = ruleFor(url);
  const ordered = hit ? [hit.rule, ...COURSE_RULES.filter((r) => r !== hit.rule)] : COURSE_RULES;
  for (const rule of ordered) {
    try {
      const records = rule.json?.(url, body);
      // A course URL built from a 1e6-character slug is past the record contract's 2 048 characters.
      if (records) return records.filter((r) => r.url.length <= MAX_URL);
    } catch {
      // A body of another shape: try the next platform.
    }
  }
  try {
    return jsonLdBody(url, body);
  } catch {
    // This function promises never to throw: a body no rule or JSON-LD reading survives lists no course.
    return [];
  }
}

const MAX_DEPTH = 32;

/** A saved JSON-LD document (a Course, an @graph, an ItemList) is a body too. */
function jsonLdBody(url: string, body: unknown): CourseRecord[] {
  const nodes: Node[] = [];
  // Real JSON-LD nests a few levels; 10 000 nested arrays would overflow the stack.
  const add = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) {
      for (const x of v) add(x, depth + 1);
    } else if (isObject(v)) {
      if (v['@type'] !== undefined) nodes.push(v);
      if (v['@graph'] !== undefined) add(v['@graph'], depth + 1);
      if (typesOf(v).includes('ItemList') && Array.isArray(v.itemListElement)) {
        for (const el of v.itemListElement) add(isObject(el) && el.item ? el.item : el, depth + 1);
      }
    }
  };
  add(body, 0);
  const byId = indexById(nodes);
  const listed = courseNodes(nodes);
  const single = listed.length ? [] : [pickCourseNode(nodes)].filter((n): n is Node => n !== undefined);
  return [...listed, ...single].flatMap((node) => {
    const fields = fieldsOfNode(node, byId);
    const href = cleanUrl(fields.url ?? text(node.url), url) ?? cleanUrl(url);
    return href && fields.title ? [toRecord({ ...fields, url: href }, 'jsonld', href)] : [];
  });
}
