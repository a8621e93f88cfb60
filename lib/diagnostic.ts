/**
 * "The site changed": a known endpoint answered with data that yielded no records. The content script
 * reports it with the response's key skeleton — its keys and value types, never a value — so a user
 * can send the diagnostic the Health view offers without sharing anyone's data. Pure; the content
 * script imports it, so it stays small and imports nothing.
 */
import { MAX_ENDPOINT_CHARS, MAX_SKELETON_CHARS } from './record-keys';
import type { ExtractFailure } from './records';

/** The failure reason that marks an unread response; the Health view keys its state on `skeleton`. */
export const UNREAD_REASON = 'the endpoint answered with data that yielded no records';

/**
 * Bodies shorter than this are not "data": the end of a timeline or an empty search answers with
 * cursors and wrappers only (well under 2 KB), which is an answer, not a changed site.
 */
export const MIN_DATA_CHARS = 2048;

/** X nests a tweet's counts about 15 levels deep; deeper keys add nothing a report needs. */
const MAX_DEPTH = 24;
/** Array items merged into one shape: enough to meet every kind of timeline entry. */
const MAX_ITEMS = 20;
/** Nodes visited while building, so a huge body costs bounded time. */
const MAX_VISITS = 50_000;
const MAX_KEY_CHARS = 40;
/** A key that names a field, not one that is data (ids, URLs, text used as map keys). */
const NAME_KEY = /^[A-Za-z_$@][\w$@.:-]*$/;
const DATA_KEY = '<key>';
const TRUNCATED = '…';

/** The merged shape of every value seen at one place of the response. */
interface Shape {
  /** "string", "number", "boolean", "null", "object", "array", or "…" where the caps cut it off. */
  types: Set<string>;
  keys?: Map<string, Shape>;
  /** The merged shape of an array's first items. */
  items?: Shape;
}

/** Keys carrying five digits in a row are ids (`"1658421690001502208"`, `"tweet-1676…"`). */
const keyName = (key: string): string =>
  key.length <= MAX_KEY_CHARS && NAME_KEY.test(key) && !/\d{5}/.test(key) ? key : DATA_KEY;

const newShape = (): Shape => ({ types: new Set() });

function build(body: unknown): Shape {
  let visits = 0;
  const add = (value: unknown, depth: number, shape: Shape): Shape => {
    if (++visits > MAX_VISITS || depth > MAX_DEPTH) {
      shape.types.add(TRUNCATED);
    } else if (Array.isArray(value)) {
      shape.types.add('array');
      shape.items ??= newShape();
      for (const item of value.slice(0, MAX_ITEMS)) add(item, depth + 1, shape.items);
    } else if (typeof value === 'object' && value !== null) {
      shape.types.add('object');
      shape.keys ??= new Map();
      const keys = shape.keys;
      for (const [key, child] of Object.entries(value)) {
        const name = keyName(key);
        keys.set(name, add(child, depth + 1, keys.get(name) ?? newShape()));
      }
    } else {
      shape.types.add(value === null ? 'null' : typeof value);
    }
    return shape;
  };
  return add(body, 0, newShape());
}

const sortedKeys = (shape: Shape): string[] => [...(shape.keys?.keys() ?? [])].sort();

/**
 * Renders a shape as plain JSON: scalars as their type names ("number|null"), an object with its keys
 * sorted, an array as `[itemShape]`, a place seen in several forms as `{"<one of>": [...]}`. At most
 * `budget` shapes, chosen breadth first so the top of the response survives the cap; the rest is "…".
 */
function render(root: Shape, budget: number): unknown {
  const included = new Set<Shape>();
  const queue: Shape[] = [root];
  for (let i = 0; i < queue.length && included.size < budget; i++) {
    const shape = queue[i] as Shape;
    included.add(shape);
    for (const key of sortedKeys(shape)) queue.push(shape.keys?.get(key) as Shape);
    if (shape.items) queue.push(shape.items);
  }
  const out = (shape: Shape): unknown => {
    if (!included.has(shape)) return TRUNCATED;
    const forms: unknown[] = [];
    if (shape.keys) {
      forms.push(
        Object.fromEntries(sortedKeys(shape).map((key) => [key, out(shape.keys?.get(key) as Shape)])),
      );
    }
    if (shape.items) forms.push(shape.items.types.size ? [out(shape.items)] : []);
    const scalars = [...shape.types].filter((t) => t !== 'object' && t !== 'array').sort();
    if (scalars.length) forms.push(scalars.join('|'));
    return forms.length === 1 ? forms[0] : { '<one of>': forms };
  };
  return out(root);
}

/**
 * The key skeleton of a parsed response: keys and value types only (strings, numbers, ids and text
 * all replaced by their type; keys that are data by "<key>"), array items merged into one shape, depth
 * and size capped, keys sorted so the same shape always gives the same text. At most
 * MAX_SKELETON_CHARS characters of JSON.
 */
export function keySkeleton(body: unknown): string {
  const shape = build(body);
  for (let budget = 600; budget >= 1; budget = Math.floor(budget / 2)) {
    const text = JSON.stringify(render(shape, budget));
    if (text.length <= MAX_SKELETON_CHARS) return text;
  }
  return JSON.stringify(TRUNCATED);
}

/** The URL's path, without query or fragment, ids (five digits or more) as ":id": a path may name a user. */
export function endpointPath(url: string): string {
  let path: string;
  try {
    path = new URL(url, 'https://invalid.invalid/').pathname;
  } catch {
    return '';
  }
  return path
    .split('/')
    .map((segment) => (/^\d{5,}$/.test(segment) ? ':id' : segment))
    .join('/')
    .replace(/[^\w\-./:~@%]/g, '_')
    .slice(0, MAX_ENDPOINT_CHARS);
}

/**
 * The explicit failure for a response of `bodyChars` characters whose extraction found no records,
 * or null when it is too small to be data. `known`, the failure this endpoint already gave on the
 * page, is reused rather than computing another skeleton.
 */
export function unreadResponse(
  extractor: string,
  url: string,
  body: unknown,
  bodyChars: number,
  known?: ExtractFailure,
): ExtractFailure | null {
  if (bodyChars < MIN_DATA_CHARS) return null;
  return (
    known ?? { extractor, reason: UNREAD_REASON, endpoint: endpointPath(url), skeleton: keySkeleton(body) }
  );
}

export interface Diagnostic {
  extractor: string;
  endpoint: string;
  skeleton: string;
  /** browser.runtime.getManifest().version */
  version: string;
  /** When the extractor first answered with data it could not read (epoch ms). */
  since: number;
}

/** The text "Copy diagnostic" puts on the clipboard: JSON a maintainer can paste into an issue. */
export function diagnosticText(d: Diagnostic): string {
  let skeleton: unknown;
  try {
    skeleton = JSON.parse(d.skeleton);
  } catch {
    skeleton = d.skeleton;
  }
  return JSON.stringify(
    {
      report: 'CoursePulse: a known endpoint answered with data that yielded no records',
      extractor: d.extractor,
      endpoint: d.endpoint,
      extensionVersion: d.version,
      since: new Date(d.since).toISOString(),
      skeleton,
    },
    null,
    2,
  );
}
