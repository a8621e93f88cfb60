/**
 * Arbitraries for the property tests (issue 7): hostile values, and mutations of real captured bodies.
 *
 * Big values (1e6-character strings, 10 000-level nesting) are generated as small recipes and built
 * inside the property, so a counterexample prints as `{"recipe":"deep-object"}`, not as 2 MB of text.
 */
import fc from 'fast-check';

export const HUGE = 1_000_000;
export const DEEP = 10_000;

/** Built once: the extractors must not mutate their input, and the tests check they did not. */
const HUGE_STRINGS = {
  'huge-letters': 'a'.repeat(HUGE),
  'huge-digits': '9'.repeat(HUGE),
  'huge-cjk-count': `${'1'.repeat(HUGE / 2)}万`,
  'huge-url': `https://x.com/${'a'.repeat(HUGE)}`,
  'huge-spaces': ' '.repeat(HUGE),
} as const;

/** `{a: {a: … }}` DEEP levels down, built iteratively (a recursive builder would overflow the stack). */
export function deepObject(levels = DEEP, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  // One child per level: JSON gives trees, never shared subtrees (a DAG would be exponential to walk).
  for (let i = 0; i < levels; i++) v = { data: v };
  return v;
}

export function deepArray(levels = DEEP, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/**
 * `__proto__`, `constructor` and `prototype` as OWN properties, as JSON.parse makes them (an object
 * literal `{__proto__: …}` would set the prototype instead).
 */
export const protoObject = (): unknown =>
  JSON.parse(
    '{"__proto__":{"polluted":"yes","id":"1","rest_id":"1"},"constructor":{"prototype":{"polluted":"yes"}},' +
      '"prototype":{"polluted":"yes"},"toString":"x","valueOf":1,"hasOwnProperty":null}',
  );

const RECIPES = {
  ...Object.fromEntries(Object.entries(HUGE_STRINGS).map(([k, v]) => [k, () => v])),
  'deep-object': () => deepObject(),
  'deep-array': () => deepArray(),
  'deep-status': () => deepObject(DEEP, { id: 1, created_at: 'x', user: { id: 1 } }),
  'proto-object': protoObject,
  'proto-array': () => JSON.parse('[{"__proto__":[]},{"constructor":{}}]'),
} satisfies Record<string, () => unknown>;
export type RecipeName = keyof typeof RECIPES;
export const RECIPE_NAMES = Object.keys(RECIPES) as RecipeName[];

/** Numbers and strings that have broken number parsers before (or plausibly could). */
const NASTY_SCALARS: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -0,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 64,
  '１２３',
  '1e5',
  '-1',
  '-0',
  'NaN',
  'Infinity',
  '',
  ' ',
  '0x1F',
  '9007199254740993',
  '99999999999999999999999',
  '100万+',
  '1.2万',
  '9007199254740991万',
  '1,2 Mio.',
  '1.2K',
  '﻿١٢٣',
  'javascript:alert(1)',
  '//evil.example/x',
  'data:text/html,<b>x</b>',
  'http://',
  'https://',
  '<script>alert(1)</script>',
  '\u0000',
  '\ud800',
  '__proto__',
  'constructor',
  'Tue Nov 26 10:00:00 +0800 2024',
  'Xyz Abc 99 99:99:99 +9999 9999',
  '99999999999999 years ago',
  '9999999999999999999999秒前',
  '2024-13-45 99:99',
  '1970-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  null,
  undefined,
  true,
  false,
  0,
  [],
  {},
];

export type Hostile = { recipe: RecipeName } | { value: unknown };

/** Anything, nasty scalars, and (rarely) the big recipes. */
export const hostile = (): fc.Arbitrary<Hostile> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_SCALARS).map((value) => ({ value })) },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ value })) },
    {
      // Not sparse arrays: JSON never makes one, and a sparse array may claim a length of 2^32 − 1.
      weight: 2,
      arbitrary: fc
        .anything({
          maxDepth: 3,
          withNullPrototype: true,
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
        })
        .map((value) => ({ value })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RECIPE_NAMES).map((recipe) => ({ recipe })) },
  );

export const materialize = (h: Hostile): unknown => ('recipe' in h ? RECIPES[h.recipe]() : h.value);

/** One edit of a real body: which node (index into a walk of the tree), what to do, with what. */
export interface Mutation {
  at: number;
  op: 'replace' | 'delete' | 'truncate' | 'proto' | 'wrap' | 'retype' | 'empty';
  with: Hostile;
  cut: number;
}

export const mutation = (): fc.Arbitrary<Mutation> =>
  fc.record({
    // Unbiased: fast-check favours small integers, which would mostly hit the root.
    at: fc.noBias(fc.nat()),
    op: fc.constantFrom('replace', 'delete', 'truncate', 'proto', 'wrap', 'retype', 'empty'),
    with: hostile(),
    cut: fc.nat(),
  });

export const mutations = (max = 8): fc.Arbitrary<Mutation[]> =>
  fc.array(mutation(), { minLength: 1, maxLength: max });

type Container = Record<string, unknown> | unknown[];
type Slot = [Container, string | number];

/** A plain object or array, as JSON.parse makes them (not a Map, typed array or boxed value). */
function isJsonContainer(v: unknown): v is Container {
  if (Array.isArray(v)) return true;
  if (!v || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Every (parent, key) pair of a JSON tree, found iteratively in a stable order. */
function slotsOf(root: Container): Slot[] {
  const slots: Slot[] = [];
  const stack: Container[] = [root];
  while (stack.length) {
    const node = stack.pop() as Container;
    const keys: Array<string | number> = [];
    if (Array.isArray(node)) for (let i = 0; i < node.length; i++) keys.push(i);
    else keys.push(...Object.keys(node));
    for (const key of keys) {
      slots.push([node, key]);
      const child = (node as Record<string | number, unknown>)[key];
      if (isJsonContainer(child)) stack.push(child);
    }
  }
  return slots;
}

const FULL_WIDTH_DIGITS = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Wrong type, same content: 12 → "１２", "12" → 12, true → "true", [a] → {0: a}, {a} → [a]. */
function retype(v: unknown): unknown {
  if (typeof v === 'number') return FULL_WIDTH_DIGITS(String(v));
  if (typeof v === 'string') return /^\d+$/.test(v) ? Number(v) : v.length;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v && typeof v === 'object') return Object.values(v);
  return 'null';
}

function setOwn(target: Container, key: string | number, value: unknown): void {
  // defineProperty, so "__proto__" becomes an own key rather than the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies `edits` in place to `body` (a fresh copy) and returns it (or the replacement root). */
export function mutate(body: unknown, edits: Mutation[]): unknown {
  // A synthetic holder lets an edit hit the root itself.
  const holder: Record<string, unknown> = { root: body };
  for (const edit of edits) {
    const slots = slotsOf(holder);
    if (slots.length === 0) {
      holder.root = materialize(edit.with);
      continue;
    }
    const [parent, key] = slots[edit.at % slots.length] as Slot;
    const current = (parent as Record<string | number, unknown>)[key];
    const replacement = () => materialize(edit.with);
    switch (edit.op) {
      case 'replace':
        setOwn(parent, key, replacement());
        break;
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete (parent as Record<string, unknown>)[key];
        break;
      case 'truncate':
        if (typeof current === 'string')
          setOwn(parent, key, current.slice(0, edit.cut % (current.length + 1)));
        else if (Array.isArray(current))
          setOwn(parent, key, current.slice(0, edit.cut % (current.length + 1)));
        else setOwn(parent, key, replacement());
        break;
      case 'proto':
        // Only objects: JSON.parse never gives an array a "constructor" key.
        if (isJsonContainer(current) && !Array.isArray(current)) {
          for (const k of ['__proto__', 'constructor', 'prototype']) setOwn(current, k, replacement());
        } else setOwn(parent, key, protoObject());
        break;
      case 'wrap':
        setOwn(parent, key, edit.cut % 2 ? [current] : { value: current });
        break;
      case 'retype':
        setOwn(parent, key, retype(current));
        break;
      case 'empty':
        setOwn(parent, key, Array.isArray(current) ? [] : current && typeof current === 'object' ? {} : '');
        break;
    }
  }
  return holder.root;
}

/** A hostile locale tag: real ones, malformed ones, and a huge one. */
export const locale = (): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    fc.constantFrom(
      undefined,
      '',
      'en',
      'en-GB',
      'de-DE',
      'ca',
      'zh-CN',
      'ja',
      'ar',
      'he',
      'hi-IN',
      'tr',
      'id',
    ),
    fc.constantFrom('xx-@@', 'en_US', 'i-klingon', '-', 'zz-ZZZZ-u-nu-abcdefghij', 'a'.repeat(300)),
    fc.string({ maxLength: 12 }),
  );

/**
 * numRuns scaled by PBT_SCALE (default 1), for a longer bug hunt: `PBT_SCALE=10 npx vitest run
 * test/unit/property`. A failure prints its seed and path; pass them to fc.assert to replay it.
 */
export const runs = (n: number): number => Math.max(1, Math.round(n * Number(process.env.PBT_SCALE ?? 1)));
