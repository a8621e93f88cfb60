/** The hand-labelled real comments (test/fixtures/audience) as records lib/audience reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

export const LABELLED: Labelled[] = readFileSync(
  join(__dirname, '../../fixtures/audience/labelled.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Labelled);

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
