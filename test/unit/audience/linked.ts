/**
 * A trial grouping, not the product's: groups in which every two comments share subject terms
 * (complete linkage), inside each main need. It asks how far word overlap alone can take the purity
 * target when it gives up breadth: the eval test prints what readers made of its pairs
 * (audience-judgments.jsonl, kind `linked`). Subject terms are the comment's need tokens less the need
 * marks (§…), and, with `maxShare`, less the terms of more than that share of the audience's needs
 * (the course's own field, "请问老师").
 */
import { needText, tagsOf } from '../../../lib/audience/tags';
import { normalise } from '../../../lib/audience/text';
import { mainNeed } from '../../../lib/audience/themes';
import { NEED_MARK, tokenize } from '../../../lib/audience/tokens';
import type { Lang, Tag } from '../../../lib/audience/types';
import type { Labelled } from './labelled';

export interface LinkOptions {
  /** Two comments link when the TF-IDF cosine of their subject terms reaches this. */
  minCosine: number;
  /** Terms in more than this share of the needs (and more than 3) are not subject terms. */
  maxShare: number;
  /** …and share at least this many subject terms. */
  minShared: number;
}

type Vector = Map<string, number>;

/** A row's main need and the tokens of its need (none without a need). */
interface Read {
  need: Tag | undefined;
  tokens: string[];
}

function read(row: Pick<Labelled, 'text' | 'sideThread'>, lang: Lang): Read {
  const text = normalise(row.text);
  const tags = tagsOf(text, lang, row.sideThread);
  return {
    need: mainNeed(tags),
    tokens: tags.length > 0 ? tokenize(needText(text, lang, row.sideThread), lang) : [],
  };
}

function subjectVectors(reads: readonly Read[], maxShare: number): Vector[] {
  const tokens = reads.map((r) => r.tokens);
  const df = new Map<string, number>();
  const needs = tokens.filter((t) => t.length > 0).length;
  for (const t of tokens) for (const term of new Set(t)) df.set(term, (df.get(term) ?? 0) + 1);
  const cap = Math.max(3, maxShare * needs);
  return tokens.map((t): Vector => {
    const tf = new Map<string, number>();
    for (const term of t)
      if (!term.startsWith(NEED_MARK) && df.get(term)! <= cap) tf.set(term, (tf.get(term) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [term, n] of tf) {
      const w = (1 + Math.log(n)) * (Math.log((needs + 1) / (df.get(term)! + 1)) + 1);
      v.set(term, w);
      norm += w * w;
    }
    for (const [term, w] of v) v.set(term, w / Math.sqrt(norm));
    return v;
  });
}

/** Per row, its group (the need and the lowest row of the group), or undefined in none. */
export function linkedGroups(
  rows: readonly Pick<Labelled, 'text' | 'sideThread'>[],
  lang: Lang,
  { minCosine, maxShare, minShared }: LinkOptions,
): (string | undefined)[] {
  const reads = rows.map((row) => read(row, lang));
  const vectors = subjectVectors(reads, maxShare);
  const link = (a: number, b: number) => {
    let cosine = 0;
    let shared = 0;
    for (const [term, w] of vectors[a]!) {
      const other = vectors[b]!.get(term);
      if (other !== undefined) {
        cosine += w * other;
        shared += 1;
      }
    }
    return shared >= minShared && cosine >= minCosine ? cosine : 0;
  };
  const byNeed = new Map<string, number[]>();
  reads.forEach(({ need }, i) => {
    if (need) byNeed.set(need, [...(byNeed.get(need) ?? []), i]);
  });
  const out: (string | undefined)[] = rows.map(() => undefined);
  for (const [need, members] of byNeed) {
    const edges: [number, number, number][] = [];
    const linked = new Set<string>();
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = [members[x]!, members[y]!];
        const s = link(a, b);
        if (s > 0) {
          edges.push([s, a, b]);
          linked.add(`${a}-${b}`);
        }
      }
    // Strongest links first; two groups join only if every two of their comments link.
    edges.sort((p, q) => q[0] - p[0]);
    const group = new Map(members.map((m) => [m, [m]]));
    for (const [, a, b] of edges) {
      const [ga, gb] = [group.get(a)!, group.get(b)!];
      if (ga === gb || !ga.every((x) => gb.every((y) => linked.has(x < y ? `${x}-${y}` : `${y}-${x}`))))
        continue;
      const joined = [...ga, ...gb];
      for (const m of joined) group.set(m, joined);
    }
    for (const g of new Set(group.values()))
      if (g.length >= 2) for (const m of g) out[m] = `${need}#${Math.min(...g)}`;
  }
  return out;
}
