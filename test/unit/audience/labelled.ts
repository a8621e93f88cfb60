/** The hand-labelled real comments (test/fixtures/audience) as records lib/audience reads. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AudienceReport, analyseAudience } from '../../../lib/audience/analyse';
import type { CommentLike, Lang, Tag } from '../../../lib/audience/types';

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

/** One comment per row, each from its own author; a side-thread row answers another comment. */
export const asComment = (row: Labelled): CommentLike => ({
  platform: 'youtube',
  id: `c${row.n}`,
  postId: 'p1',
  parentId: row.sideThread ? 'c-parent' : null,
  authorId: `a${row.n}`,
  text: row.text,
  createdAt: null,
});

/** How the evaluation analyses a set of rows: one analysis, at a fixed time, in UTC. */
export const analyseLabelled = (rows: readonly Labelled[]): AudienceReport =>
  analyseAudience({ comments: rows.map(asComment), now: Date.UTC(2026, 11, 1), timeZone: 'UTC' });

/**
 * Pairs of rows judged by a reader (from their texts alone, GUIDE.md "Judging pairs"): whether the two
 * comments belong together in one theme. `theme` pairs were sampled from the themes grouping made on
 * each half; `control` pairs join comments of two different themes.
 */
export const PAIR_JUDGMENTS = jsonLines<{
  a: number;
  b: number;
  kind: 'theme' | 'control';
  together: boolean;
}>('pair-judgments.jsonl');
