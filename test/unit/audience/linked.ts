/**
 * The product's repeated needs (lib/audience/repeats.ts) read on labelled rows, and trial settings of
 * them: groups in which every two comments of one main need share subject words. It asks how far word
 * overlap alone takes the purity target when it gives up breadth: the eval test prints what readers
 * made of its pairs (audience-judgments.jsonl, kind `linked`).
 */

import { type RepeatOptions, repeatedNeeds } from '../../../lib/audience/repeats';
import { needText, tagsOf } from '../../../lib/audience/tags';
import { normalise } from '../../../lib/audience/text';
import { mainNeed } from '../../../lib/audience/themes';
import { tokenize } from '../../../lib/audience/tokens';
import type { Lang, Tag } from '../../../lib/audience/types';
import type { Labelled } from './labelled';

/** Per row, its group (the need and the lowest row of the group), or undefined in none. */
export function linkedGroups(
  rows: readonly Pick<Labelled, 'text' | 'sideThread'>[],
  lang: Lang,
  options: RepeatOptions,
): (string | undefined)[] {
  const docs = rows.map((row, i) => ({ ...read(row, lang), author: `row ${i}` }));
  const out: (string | undefined)[] = rows.map(() => undefined);
  for (const group of repeatedNeeds(docs, options))
    for (const i of group) out[i] = `${docs[group[0]!]!.kind}#${group[0]}`;
  return out;
}

/** A row's main need and the tokens of its need (none without a need). */
function read(
  row: Pick<Labelled, 'text' | 'sideThread'>,
  lang: Lang,
): { kind: Tag | undefined; tokens: string[] } {
  const text = normalise(row.text);
  const tags = tagsOf(text, lang, row.sideThread);
  return {
    kind: mainNeed(tags),
    tokens: tags.length > 0 ? tokenize(needText(text, lang, row.sideThread), lang) : [],
  };
}
