/** The hand-labelled real comments (test/fixtures/audience) as records lib/audience reads. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AudienceReport, analyseAudience } from '../../../lib/audience/analyse';
import { type CommentLike, type Lang, OTHER, type Tag } from '../../../lib/audience/types';

export interface Labelled {
  n: number;
  text: string;
  lang: Lang;
  tags: Tag[];
  theme: string;
  split: 'dev' | 'heldout';
  sideThread: boolean;
  source: string;
  ref: string;
}

const jsonLines = <T>(file: string): T[] =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/audience/${file}`, import.meta.url)), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);

export const LABELLED = jsonLines<Labelled>('labelled.jsonl');

/**
 * A second annotator's labels of 700 rows (150 dev and 200 held-out rows per language), given from the
 * text and GUIDE.md alone, without the first labels: how far two careful readers agree.
 */
export const SECOND_ANNOTATOR = jsonLines<Pick<Labelled, 'n' | 'tags' | 'theme'>>('second-annotator.jsonl');

/** What analysis reads of a row: its text and whether it answers another comment. */
type Readable = Pick<Labelled, 'n' | 'text' | 'sideThread'>;

/** One comment per row, each from its own author; a side-thread row answers another comment. */
export const asComment = (row: Readable): CommentLike => ({
  platform: 'youtube',
  id: `c${row.n}`,
  postId: 'p1',
  parentId: row.sideThread ? 'c-parent' : null,
  authorId: `a${row.n}`,
  text: row.text,
  createdAt: null,
});

/** How the evaluation analyses a set of rows: one analysis, at a fixed time, in UTC. */
export const analyseLabelled = (rows: readonly Readable[]): AudienceReport =>
  analyseAudience({ comments: rows.map(asComment), now: Date.UTC(2026, 11, 1), timeZone: 'UTC' });

/**
 * Pairs of rows judged by a reader (from their texts alone, GUIDE.md "Judging pairs"): whether the two
 * comments belong together in one theme. `theme` pairs were sampled from the themes grouping made on
 * each half; `control` pairs join comments of two different themes. `linked` pairs (dev only) come from a
 * trial grouping that was not kept, where every two comments of a theme share terms (TF-IDF cosine ≥ 0.2,
 * 0.25 or 0.3): they are not a random draw, so they never stand for today's themes.
 */
export const PAIR_JUDGMENTS = jsonLines<{
  a: number;
  b: number;
  kind: 'theme' | 'control' | 'linked';
  together: boolean;
  /** For 520 of the `theme` pairs, a second reading: GUIDE.md "Judging pairs by subject". */
  sameSubject?: boolean;
}>('pair-judgments.jsonl');

/**
 * Whole audiences: every comment of one course, one video topic or one blog, as a seller would have
 * them, where the labelled set takes a comment here and there across many. Each is analysed on its
 * own; `rows` are in the order the judgments' `i` and `j` count. The blog's rows are the labelled
 * set's (all of its comments are there); the others are in audiences.jsonl (MANIFEST.md, s10).
 */
interface Audience {
  set: string;
  split: Labelled['split'];
  lang: Lang;
  rows: Readable[];
  /** Per row, the post it is under: a lesson, a video or a blog post (`postOf` its ref). */
  posts: string[];
}

/**
 * The post of a whole audience's comment, from its ref: "…/docs/05 - 事务.md#3" (a lesson), "comments.csv
 * row 17416 video _tE4phLuGyA", "data/comments/8yjkWGRlUmY-cs-cmmt.json item 0",
 * "dataset/comments_q8q3OFFfY6c.csv row 1" (videos), "going-static/comment-1373843710000.yml" (a blog post).
 */
export const postOf = (ref: string): string =>
  ref.match(/\bvideo (\S+)/)?.[1] ??
  ref.match(/comments\/([\w-]{11})-/)?.[1] ??
  ref.match(/comments_([\w-]{11})\.csv/)?.[1] ??
  ref.replace(/#\d+$|\/comment-\d+\.yml$/, '');

const blogAudience = (split: Labelled['split']): Audience => {
  const rows = LABELLED.filter((r) => r.source.startsWith('staticman:') && r.split === split);
  return {
    set: `staticman:${split}`,
    split,
    lang: 'en',
    rows: rows.map((r, i) => ({ n: i, text: r.text, sideThread: r.sideThread })),
    posts: rows.map((r) => postOf(r.ref)),
  };
};

const gathered = jsonLines<{ set: string; i: number; text: string; ref: string }>('audiences.jsonl');
/** An audience of audiences.jsonl: its top-level comments (the sources keep no replies). */
const gatheredAudience = (set: string, split: Labelled['split'], lang: Lang): Audience => {
  const rows = gathered.filter((r) => r.set === set);
  return {
    set,
    split,
    lang,
    rows: rows.map((r) => ({ n: r.i, text: r.text, sideThread: false })),
    posts: rows.map((r) => postOf(r.ref)),
  };
};

export const AUDIENCES: readonly Audience[] = [
  gatheredAudience('geektime:容器实战高手课', 'dev', 'zh'),
  gatheredAudience('geektime:etcd实战课', 'heldout', 'zh'),
  gatheredAudience('youtube:game development', 'dev', 'en'),
  gatheredAudience('youtube:data science', 'heldout', 'en'),
  gatheredAudience('geektime:左耳听风', 'heldout', 'zh'),
  gatheredAudience('geektime:数据结构与算法之美', 'heldout', 'zh'),
  blogAudience('dev'),
  blogAudience('heldout'),
];

/**
 * The audiences whose every comment is labelled (AUDIENCE_LABELS): some of AUDIENCES, two more dev
 * courses, the programming-tutorial videos (held out), CS Dojo's and CS50's lessons (dev), two
 * Python courses (held out) and two more held-out 极客时间 courses.
 */
export const TAGGED_AUDIENCES: readonly Audience[] = [
  ...AUDIENCES,
  gatheredAudience('geektime:React Hooks 核心原理与实战', 'dev', 'zh'),
  gatheredAudience('geektime:AI大模型之美', 'dev', 'zh'),
  gatheredAudience('youtube:programming tutorials', 'heldout', 'en'),
  gatheredAudience('youtube:CS Dojo and CS50', 'dev', 'en'),
  gatheredAudience('youtube:Python pipeline and game courses', 'heldout', 'en'),
  gatheredAudience('geektime:Redis源码剖析与实战', 'heldout', 'zh'),
  gatheredAudience('geektime:LangChain实战课', 'heldout', 'zh'),
];

/** A pair's place in every draw: a hash of the audience and its two rows (FNV-1a, then murmur3's finaliser). */
function rank(set: string, i: number, j: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${set} ${i}-${j}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The pairs of a draw, as row pairs `[i, j]` with `i` < `j`. */
export interface Draw {
  theme: [number, number][];
  control: [number, number][];
}

/**
 * The pairs readers judge for an audience's grouping: the `size` pairs of one theme, and the `controls`
 * pairs of two themes, that rank first. A random draw that moves only as much as the themes do: a pair
 * stays drawn while it stays in one theme and no new pair outranks it, so a change to grouping needs
 * judging only for the pairs it brings in.
 */
export function drawPairs(set: string, themes: readonly string[], size = 150, controls = 40): Draw {
  const theme: [number, number, number][] = [];
  const control: [number, number, number][] = [];
  for (let i = 0; i < themes.length; i++)
    for (let j = i + 1; j < themes.length; j++)
      if (themes[i] !== OTHER && themes[j] !== OTHER)
        (themes[i] === themes[j] ? theme : control).push([rank(set, i, j), i, j]);
  const first = (pairs: [number, number, number][], n: number): [number, number][] =>
    pairs
      .sort((p, q) => p[0] - q[0])
      .slice(0, n)
      .map(([, i, j]) => [i, j]);
  return { theme: first(theme, size), control: first(control, controls) };
}

/**
 * Pairs of an audience's rows judged by readers from their texts alone, two ways: `together` as
 * GUIDE.md "Judging pairs" (one answer or piece of content would address both), `sameSubject` as
 * "Judging pairs by subject" (both needs are about one specific subject, so one post or lesson on it
 * would serve both). `theme` pairs were drawn from the themes grouping made on the audience, `control`
 * pairs join two different themes, `linked` pairs are every pair of trial groupings (linked.ts, and an
 * earlier one not kept, as in PAIR_JUDGMENTS). A judgment holds for its pair whatever draw brought it:
 * the eval reads today's draw (`drawPairs`) from all of them.
 */
export const AUDIENCE_JUDGMENTS = jsonLines<{
  set: string;
  i: number;
  j: number;
  kind: 'theme' | 'control' | 'linked';
  together: boolean;
  sameSubject: boolean;
}>('audience-judgments.jsonl');

/**
 * Hand labels of every comment of eight audiences (TAGGED_AUDIENCES; MANIFEST.md s10): four dev (three
 * courses and the game-development videos) and four held out, given against GUIDE.md before any tagger
 * run on them: `i` is the row in its audience; `leftOut` marks what the guide leaves out (the
 * creator's own posts, comments in another language).
 */
export const AUDIENCE_LABELS = jsonLines<{
  set: string;
  i: number;
  tags: Tag[];
  leftOut?: 'creator' | 'language';
}>('audience-labels.jsonl');

/**
 * A second, independent labelling of every comment of two of those audiences, the dev course
 * 容器实战高手课 and the held-out etcd实战课 (MANIFEST.md s11), in the shape of AUDIENCE_LABELS.
 */
export const AUDIENCE_SECOND_LABELS = jsonLines<(typeof AUDIENCE_LABELS)[number]>(
  'audience-second-labels.jsonl',
);
