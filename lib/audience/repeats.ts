/**
 * The same need raised by several people: groups in which every two comments of one main need share
 * the words of their subject (complete linkage), where a theme (./themes.ts) gathers a wider field.
 * Subject words are a comment's need tokens less the need marks (§…) and less the words of more than
 * `maxShare` of the needs (the course's own field, "请问老师"). Readers judged the pairs of these groups
 * the same need far more often than the pairs of a theme (test/unit/audience/eval.test.ts, "tighter
 * groups"), at the price of grouping few comments: most needs are asked once.
 */
import { NEED_MARK } from './tokens';
import { TAGS, type Tag } from './types';

export interface RepeatDoc {
  /** Need tokens (./tags.ts needText, tokenized); empty for a comment left out. */
  tokens: readonly string[];
  /** The comment's main need (./themes.ts mainNeed); undefined leaves it out. */
  kind: Tag | undefined;
  author: string;
}

export interface RepeatOptions {
  /** Two comments link when the TF-IDF cosine of their subject words reaches this… */
  minCosine: number;
  /** …and they share at least this many subject words. */
  minShared: number;
  /** Words in more than this share of the needs (and more than 3 of them) are not subject words. */
  maxShare: number;
}

/** Measured best on whole audiences (eval.test.ts, "tighter groups"). */
export const REPEAT_OPTIONS: RepeatOptions = { minCosine: 0.3, minShared: 2, maxShare: 0.05 };

interface SubjectVector {
  terms: number[];
  weights: number[];
}

function subjectVectors(docs: readonly RepeatDoc[], maxShare: number): SubjectVector[] {
  const ids = new Map<string, number>();
  const counts = docs.map((d) => {
    const tf = new Map<number, number>();
    if (d.kind === undefined) return tf;
    for (const t of d.tokens) {
      if (!ids.has(t)) ids.set(t, ids.size);
      const id = ids.get(t)!;
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Int32Array(ids.size);
  let needs = 0;
  for (const tf of counts) {
    if (tf.size > 0) needs++;
    for (const id of tf.keys()) df[id]! += 1;
  }
  const marked = new Uint8Array(ids.size);
  for (const [t, id] of ids) if (t.startsWith(NEED_MARK)) marked[id] = 1;
  const cap = Math.max(3, maxShare * needs);
  return counts.map((tf) => {
    const terms: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [id, n] of tf) {
      if (marked[id] || df[id]! > cap) continue;
      const w = (1 + Math.log(n)) * (Math.log((needs + 1) / (df[id]! + 1)) + 1);
      terms.push(id);
      weights.push(w);
      norm += w * w;
    }
    const length = Math.sqrt(norm);
    for (let k = 0; k < weights.length; k++) weights[k]! /= length;
    return { terms, weights };
  });
}

/**
 * Groups of doc indices (each ascending, the groups in order of their first), each of one main need, of at least
 * two authors, in which every two docs link.
 */
export function repeatedNeeds(
  docs: readonly RepeatDoc[],
  options: RepeatOptions = REPEAT_OPTIONS,
): number[][] {
  const vectors = subjectVectors(docs, options.maxShare);
  // Per subject word and main need, the docs holding it in index order, with their weights; and per
  // doc, where it stands in each of its lists, so a doc meets only the later docs of its need.
  const postings = new Map<number, { docs: number[]; weights: number[] }>();
  const places = vectors.map((v, i) =>
    v.terms.map((t, k) => {
      const key = t * TAGS.length + TAGS.indexOf(docs[i]!.kind!);
      if (!postings.has(key)) postings.set(key, { docs: [], weights: [] });
      const list = postings.get(key)!;
      list.docs.push(i);
      list.weights.push(v.weights[k]!);
      return { list, at: list.docs.length - 1 };
    }),
  );
  // Links, found through shared words only: pairs that share none never meet.
  const n = docs.length;
  const dot = new Float64Array(n);
  const shared = new Int32Array(n);
  const edges: [number, number, number][] = [];
  const linked = new Set<number>();
  for (let a = 0; a < n; a++) {
    const { weights } = vectors[a]!;
    const touched: number[] = [];
    places[a]!.forEach(({ list, at }, k) => {
      const wa = weights[k]!;
      for (let j = at + 1; j < list.docs.length; j++) {
        const b = list.docs[j]!;
        if (shared[b] === 0) touched.push(b);
        dot[b]! += wa * list.weights[j]!;
        shared[b]! += 1;
      }
    });
    const hits: [number, number, number][] = [];
    for (const b of touched) {
      if (shared[b]! >= options.minShared && dot[b]! >= options.minCosine) hits.push([dot[b]!, a, b]);
      dot[b] = 0;
      shared[b] = 0;
    }
    // In index order, so that equal links keep one order from run to run.
    hits.sort((x, y) => x[2] - y[2]);
    for (const hit of hits) {
      edges.push(hit);
      linked.add(a * n + hit[2]);
    }
  }
  // Strongest links first; two groups join only if every two of their docs link.
  edges.sort((p, q) => q[0] - p[0]);
  const groupOf = new Map<number, number[]>();
  const group = (i: number) => groupOf.get(i) ?? [i];
  const links = (x: number, y: number) => linked.has(x < y ? x * n + y : y * n + x);
  for (const [, a, b] of edges) {
    const ga = group(a);
    const gb = group(b);
    if (ga === gb || !ga.every((x) => gb.every((y) => links(x, y)))) continue;
    const joined = [...ga, ...gb].sort((x, y) => x - y);
    for (const m of joined) groupOf.set(m, joined);
  }
  return [...new Set(groupOf.values())]
    .filter((g) => new Set(g.map((i) => docs[i]!.author)).size >= 2)
    .sort((x, y) => x[0]! - y[0]!);
}
