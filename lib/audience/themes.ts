/**
 * Grouping comments about the same need: TF-IDF vectors, spherical k-means started from seed
 * themes (lib/audience/seeds.ts), from the themes of the previous run, and from the data's own
 * frequent terms (one theme per term and main need), with an explicit "other" for what fits nowhere. Centroids stay anchored to where
 * they started, so a theme keeps its id and meaning across runs: new comments join the themes of
 * the previous run they are close to.
 */
import { SEEDS } from './seeds';
import { type Lang, OTHER, TAGS, type Tag } from './types';

/** One comment as grouping sees it. */
export interface ThemeDoc {
  tokens: readonly string[];
  /** Only comments expressing a need (a tag) are grouped; the rest are "other". */
  need: boolean;
  /** The comment's main need (`mainNeed` of its tags): a theme grown from the data holds one kind. */
  kind?: Tag;
  /** The comment's language: a Chinese comment a seed theme holds starts there (`strongestStart`). */
  lang?: Lang;
}

/**
 * The need a comment is mostly about: asking for something, else a difficulty, else a question
 * ("how do I …? it fails" reports a failure; "could you cover …?" asks for a video).
 */
export function mainNeed(tags: readonly Tag[]): Tag | undefined {
  return (['request', 'problem', 'question'] as const).find((t) => tags.includes(t));
}

/**
 * Themes grown from the data are one word and one need: "t-staticman/question" and
 * "t-staticman/problem" apart, as a topic gathers questions about it and failures of it, which a
 * reader treats as different needs. The need is in the id, so it survives as a start next run.
 */
const grownId = (term: string, kind: Tag) => `t-${term}/${kind}`;
/** The main needs a theme admits: a grown theme its own, a seed its `needs`; undefined for all. */
function needsOf(id: string): readonly Tag[] | undefined {
  const grown = TAGS.find((t) => id.startsWith('t-') && id.endsWith(`/${t}`));
  return grown ? [grown] : SEEDS.find((s) => s.id === id)?.needs;
}

/** A theme as the next run needs it: its id and its strongest terms. */
export interface ThemeCentre {
  id: string;
  terms: Record<string, number>;
}

export interface Grouping {
  /** Theme id per doc, in input order; OTHER for docs without a need or a close theme. */
  themeOf: string[];
  /** The model to pass as `previous` next time. */
  centres: ThemeCentre[];
  /** Per doc, its cosine to its theme's centre (0 in "other"): the most typical example is the highest. */
  similarity: Float64Array;
}

/** Below this cosine a comment joins no theme. */
const MIN_SIMILARITY = 0.2;
/** How strongly a centre is pulled back toward its starting terms each round. */
const ANCHOR = 0.6;
const ROUNDS = 8;
const CENTRE_TERMS = 30;
/** A data-driven theme needs at least this many comments. */
const MIN_GROWN = 2;

interface Sparse {
  ids: Int32Array;
  weights: Float64Array;
}

class Vocabulary {
  readonly index = new Map<string, number>();
  readonly terms: string[] = [];
  id(term: string): number {
    let i = this.index.get(term);
    if (i === undefined) {
      i = this.terms.length;
      this.index.set(term, i);
      this.terms.push(term);
    }
    return i;
  }
}

function normalised(entries: Map<number, number>): Sparse {
  let norm = 0;
  for (const w of entries.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  const ids = new Int32Array(entries.size);
  const weights = new Float64Array(entries.size);
  let k = 0;
  for (const [id, w] of entries) {
    ids[k] = id;
    weights[k++] = w / norm;
  }
  return { ids, weights };
}

function dot(v: Sparse, dense: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += v.weights[k]! * dense[v.ids[k]!]!;
  return s;
}

/** Per vocabulary term, 1 where the sparse vector holds it. */
function termsOf(v: Sparse, size: number): Uint8Array {
  const held = new Uint8Array(size);
  for (const i of v.ids) held[i] = 1;
  return held;
}

interface Start {
  id: string;
  vector: Sparse;
  /** Only comments of these main needs may join; undefined: every need. */
  needs: readonly Tag[] | undefined;
}

/** Starting centres: the previous run's themes, then the seeds, then the data's frequent terms. */
function starts(
  vocab: Vocabulary,
  idf: Float64Array,
  needVectors: Sparse[],
  kinds: readonly (Tag | undefined)[],
  previous: readonly ThemeCentre[],
): Start[] {
  const out: Start[] = [];
  const taken = new Set<number>();
  const add = (id: string, terms: Iterable<[string, number]>) => {
    const entries = new Map<number, number>();
    for (const [term, w] of terms) {
      const i = vocab.index.get(term);
      if (i !== undefined && w > 0) entries.set(i, w * idf[i]!);
    }
    if (entries.size === 0 || out.some((s) => s.id === id)) return;
    for (const i of entries.keys()) taken.add(i);
    out.push({ id, vector: normalised(entries), needs: needsOf(id) });
  };
  for (const p of previous) add(p.id, Object.entries(p.terms));
  for (const seed of SEEDS)
    add(
      seed.id,
      seed.terms.map((t) => [t, 1] as [string, number]),
    );
  const df = new Map<number, number>();
  // Per term and main need: key term * TAGS.length + need.
  const byKind = new Map<number, number>();
  needVectors.forEach((v, k) => {
    const kind = TAGS.indexOf(kinds[k]!);
    for (const i of v.ids) {
      df.set(i, (df.get(i) ?? 0) + 1);
      if (kind >= 0) byKind.set(i * TAGS.length + kind, (byKind.get(i * TAGS.length + kind) ?? 0) + 1);
    }
  });
  const minDf = Math.max(MIN_GROWN, Math.ceil(needVectors.length * 0.02));
  const grown = Math.min(12, Math.ceil(Math.sqrt(needVectors.length) / 2));
  // A term in a quarter of all needs is the background (the creator's product, the platform), not a need.
  const background = Math.max(minDf + 1, needVectors.length * 0.25);
  const name = (key: number) => `${vocab.terms[Math.floor(key / TAGS.length)]!}/${TAGS[key % TAGS.length]!}`;
  const frequent = [...byKind]
    .filter(([key, n]) => {
      const i = Math.floor(key / TAGS.length);
      return n >= minDf && df.get(i)! < background && !taken.has(i);
    })
    .sort((a, b) => b[1] - a[1] || (name(a[0]) < name(b[0]) ? -1 : 1));
  // Each need grows its own themes: questions would otherwise crowd the rarer requests out.
  const grownPerKind = new Int32Array(TAGS.length);
  for (const [key] of frequent) {
    if (grownPerKind[key % TAGS.length]! >= grown) continue;
    grownPerKind[key % TAGS.length]! += 1;
    const term = vocab.terms[Math.floor(key / TAGS.length)]!;
    add(grownId(term, TAGS[key % TAGS.length]!), [[term, 1]]);
  }
  return out;
}

const admitted = (needs: readonly Tag[] | undefined, kind: Tag | undefined): boolean =>
  needs === undefined || (kind !== undefined && needs.includes(kind));

/** Per start, 1 where a comment of one main need may join it: a table, as k-means asks every round. */
type Admits = Uint8Array;

/** The Admits of each main need for these starts' needs, made once per need. */
function admissions(needs: readonly (readonly Tag[] | undefined)[]): (kind: Tag | undefined) => Admits {
  const rows = new Map<Tag | undefined, Admits>();
  return (kind) => {
    let row = rows.get(kind);
    if (!row) {
      row = Uint8Array.from(needs, (n) => Number(admitted(n, kind)));
      rows.set(kind, row);
    }
    return row;
  };
}

function nearest(v: Sparse, centres: Float64Array[], admits: Admits): [number, number] {
  let best = -1;
  let bestSim = MIN_SIMILARITY;
  for (let j = 0; j < centres.length; j++) {
    if (!admits[j]) continue;
    const s = dot(v, centres[j]!);
    if (s > bestSim) {
      best = j;
      bestSim = s;
    }
  }
  return [best, best < 0 ? 0 : bestSim];
}

/**
 * The start sharing most weight with the comment's terms (any shared term counts in full), of those
 * `among` marks (all when absent).
 */
function strongestOf(v: Sparse, anchors: Uint8Array[], admits: Admits, among?: readonly boolean[]): number {
  let best = -1;
  let bestScore = 0;
  for (let j = 0; j < anchors.length; j++) {
    if (!admits[j] || (among && !among[j])) continue;
    let score = 0;
    for (let t = 0; t < v.ids.length; t++) if (anchors[j]![v.ids[t]!]) score += v.weights[t]!;
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Where a comment starts: the start sharing most weight with it, except that a Chinese comment
 * sharing a term with a seed theme that admits it starts there. Chinese is read by character
 * bigrams, and a bigram restating a seed's need outweighed the seed's own term: "开始听不懂了",
 * "懵逼了" and "没有理解" (dev n 895, 1625, 928) left the confusion seed for themes grown from
 * "开始", "懵逼" and "理解". In English the same rule lowered the grouped share under its floor
 * (dev rows n ≤ 2999: 0.62 → 0.58), so English keeps the strongest start.
 */
function strongestStart(
  v: Sparse,
  anchors: Uint8Array[],
  admits: Admits,
  seeded: readonly boolean[],
  lang: Lang | undefined,
): number {
  if (lang === 'zh') {
    const seed = strongestOf(v, anchors, admits, seeded);
    if (seed >= 0) return seed;
  }
  return strongestOf(v, anchors, admits);
}

/**
 * Centres span the whole vocabulary but hold few terms: their start's and their members'. Each is
 * a buffer reused every round, with its `support` (those terms, ascending), so a round reads and
 * writes only them; the sums run in the order a full pass would take, so the figures are the same.
 */
interface Centres {
  dense: Float64Array[];
  support: Int32Array[];
}

/** Each centre: its members' mean pulled toward where it started, on the unit sphere. */
function centresOf(member: Int32Array, vectors: Sparse[], starts: readonly Start[], centres: Centres): void {
  const { dense, support } = centres;
  const terms = starts.map((s, j) => {
    const c = dense[j]!;
    for (const i of support[j]!) c[i] = 0;
    for (let k = 0; k < s.vector.ids.length; k++) c[s.vector.ids[k]!] = s.vector.weights[k]! * ANCHOR;
    return new Set(s.vector.ids);
  });
  const counts = new Float64Array(starts.length);
  member.forEach((j) => {
    if (j >= 0) counts[j]! += 1;
  });
  member.forEach((j, k) => {
    if (j < 0) return;
    const v = vectors[k]!;
    const c = dense[j]!;
    for (let t = 0; t < v.ids.length; t++) {
      c[v.ids[t]!]! += v.weights[t]! / counts[j]!;
      terms[j]!.add(v.ids[t]!);
    }
  });
  terms.forEach((held, j) => {
    const ids = Int32Array.from(held).sort();
    support[j] = ids;
    const c = dense[j]!;
    let norm = 0;
    for (const i of ids) norm += c[i]! * c[i]!;
    norm = Math.sqrt(norm);
    if (norm > 0) for (const i of ids) c[i]! /= norm;
  });
}

function topTerms(centre: Float64Array, support: Int32Array, vocab: Vocabulary): Record<string, number> {
  const order = [...support].filter((i) => centre[i]! > 0).sort((a, b) => centre[b]! - centre[a]!);
  const out: Record<string, number> = {};
  for (const i of order.slice(0, CENTRE_TERMS)) out[vocab.terms[i]!] = Math.round(centre[i]! * 1e4) / 1e4;
  return out;
}

/** Inverse document frequency over the docs given (the comments with a need). */
function vectorsOf(docs: readonly ThemeDoc[], vocab: Vocabulary): { vectors: Sparse[]; idf: Float64Array } {
  const counts = docs.map((d) => {
    const tf = new Map<number, number>();
    for (const t of d.tokens) {
      const i = vocab.id(t);
      tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Float64Array(vocab.terms.length);
  for (const tf of counts) for (const i of tf.keys()) df[i]! += 1;
  const idf = df.map((n) => Math.log((docs.length + 1) / (n + 1)) + 1);
  const vectors = counts.map((tf) => {
    const w = new Map<number, number>();
    for (const [i, n] of tf) w.set(i, (1 + Math.log(n)) * idf[i]!);
    return normalised(w);
  });
  return { vectors, idf };
}

/** Groups the docs with a need into themes; `previous` keeps last run's ids and meanings. */
export function groupComments(docs: readonly ThemeDoc[], previous: readonly ThemeCentre[] = []): Grouping {
  const vocab = new Vocabulary();
  const { vectors, idf } = vectorsOf(docs, vocab);
  const needIdx = docs.flatMap((d, i) => (d.need && vectors[i]!.ids.length > 0 ? [i] : []));
  const needVectors = needIdx.map((i) => vectors[i]!);
  const kinds = needIdx.map((i) => docs[i]!.kind);
  const init = starts(vocab, idf, needVectors, kinds, previous);
  const size = vocab.terms.length;
  const anchors = init.map((s) => termsOf(s.vector, size));
  const admitsOf = admissions(init.map((s) => s.needs));
  const admits = kinds.map(admitsOf);
  // Seeded k-means: a comment first joins the start whose terms it uses most, then centres move.
  const isSeed = init.map((s) => SEEDS.some((seed) => seed.id === s.id));
  const langs = needIdx.map((i) => docs[i]!.lang);
  let member = Int32Array.from(
    needVectors.map((v, k) => strongestStart(v, anchors, admits[k]!, isSeed, langs[k])),
  );
  const centres: Centres = {
    dense: init.map(() => new Float64Array(size)),
    support: init.map(() => new Int32Array(0)),
  };
  for (let round = 0; round < ROUNDS; round++) {
    centresOf(member, needVectors, init, centres);
    const next = Int32Array.from(needVectors.map((v, k) => nearest(v, centres.dense, admits[k]!)[0]));
    const changed = next.some((j, k) => j !== member[k]);
    member = next;
    if (!changed) break;
  }
  const sizes = new Int32Array(init.length);
  for (const j of member) if (j >= 0) sizes[j]! += 1;
  const seeded = new Set([...previous.map((p) => p.id), ...SEEDS.map((s) => s.id)]);
  const kept = init.map((s, j) => sizes[j]! >= (seeded.has(s.id) ? 1 : MIN_GROWN));
  const themeOf = docs.map(() => OTHER);
  const similarity = new Float64Array(docs.length);
  needIdx.forEach((docIndex, k) => {
    const j = member[k]!;
    if (j < 0 || !kept[j]) return;
    themeOf[docIndex] = init[j]!.id;
    similarity[docIndex] = dot(needVectors[k]!, centres.dense[j]!);
  });
  const centresOut = init.flatMap((s, j) =>
    kept[j] ? [{ id: s.id, terms: topTerms(centres.dense[j]!, centres.support[j]!, vocab) }] : [],
  );
  return { themeOf, centres: centresOut, similarity };
}
