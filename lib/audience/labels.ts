/**
 * Theme labels by class-based TF-IDF: terms frequent in one theme and rare in the others. Han bigrams
 * are read back as the phrases the comments write: a run of the theme's top bigrams in one comment
 * ("学习" "习路" "路线" in "学习路线"), widened to whole words.
 */
import { NEED_MARK, surfaceForms } from './tokens';

/** A theme as labelling reads it: each comment's grouping tokens and its text. */
export interface LabelInput {
  tokens: string[][];
  texts: string[];
}

export interface ThemeLabel {
  /** Key terms, strongest first: stems and phrases, each found in the comments' lowercased text. */
  terms: string[];
  /** The same terms as a reader sees them: a stem as its commonest word ("series" for "serie"). */
  shown: string[];
}

/** A phrase read back from bigrams never grows past this: longer runs are sentences, not labels. */
const MAX_PHRASE = 8;

export function themeLabels(themes: Map<string, LabelInput>, perLabel = 3): Map<string, ThemeLabel> {
  const totals = new Map<string, number>();
  const themeCounts = new Map<string, Map<string, number>>();
  let allTokens = 0;
  for (const [theme, { tokens }] of themes) {
    const counts = new Map<string, number>();
    for (const doc of tokens)
      for (const t of doc) {
        if (t.startsWith(NEED_MARK)) continue;
        counts.set(t, (counts.get(t) ?? 0) + 1);
        totals.set(t, (totals.get(t) ?? 0) + 1);
        allTokens++;
      }
    themeCounts.set(theme, counts);
  }
  const average = allTokens / Math.max(1, themes.size);
  const out = new Map<string, ThemeLabel>();
  for (const [theme, counts] of themeCounts) {
    let size = 0;
    for (const n of counts.values()) size += n;
    const scored = [...counts]
      .map(([t, n]) => [t, (n / Math.max(1, size)) * Math.log(1 + average / totals.get(t)!)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t]) => t);
    const texts = themes.get(theme)!.texts.map((text) => text.toLowerCase());
    const terms = phrasesOf(scored.slice(0, perLabel * 3), texts).slice(0, perLabel);
    const forms = surfaceForms(texts, terms);
    out.set(theme, { terms, shown: terms.map((t) => forms.get(t) ?? t) });
  }
  return out;
}

const isHan = (term: string) => /^\p{Script=Han}+$/u.test(term);
const isBigram = (term: string) => term.length === 2 && isHan(term);

/**
 * The top terms, each Han bigram replaced by the commonest run of top bigrams holding it in one
 * comment (ties to the longer), in the order of the terms; a term inside a phrase already taken is
 * dropped, and a phrase holding one taken before takes its place.
 */
function phrasesOf(top: readonly string[], texts: readonly string[]): string[] {
  const bigrams = new Set(top.filter(isBigram));
  const phrases = new Map<string, { count: number; text: string; at: number }>();
  if (bigrams.size > 0)
    for (const text of texts)
      for (const run of text.matchAll(/\p{Script=Han}{2,}/gu))
        for (let i = 0; i + 2 <= run[0].length; ) {
          let end = i;
          while (end + 2 <= run[0].length && bigrams.has(run[0].slice(end, end + 2))) end++;
          if (end === i) {
            i++;
            continue;
          }
          const phrase = run[0].slice(i, end + 1);
          const seen = phrases.get(phrase);
          if (seen) seen.count++;
          else phrases.set(phrase, { count: 1, text, at: run.index + i });
          i = end;
        }
  const ranked = [...phrases].sort((a, b) => b[1].count - a[1].count || b[0].length - a[0].length);
  const out: string[] = [];
  for (const term of top) {
    if (out.some((o) => o.includes(term))) continue;
    const found = isBigram(term) ? ranked.find(([p]) => p.includes(term)) : undefined;
    const phrase = found ? wholeWords(found[1].text, found[1].at, found[0].length) : term;
    if (out.some((o) => o.includes(phrase))) continue;
    // "子组件" after "组件": the longer phrase says more, in the place the shorter one had.
    const shorter = out.findIndex((o) => phrase.includes(o));
    if (shorter < 0) out.push(phrase);
    else out.splice(shorter, 1, phrase);
  }
  return joinOverlaps([...new Set(out)], texts);
}

/** "期待老师" and "老师后期" become "期待老师后期" where a comment writes it so. */
function joinOverlaps(phrases: string[], texts: readonly string[]): string[] {
  for (let a = 0; a < phrases.length; a++)
    for (let b = 0; b < phrases.length; b++) {
      const [left, right] = [phrases[a]!, phrases[b]!];
      if (a === b || !isHan(left) || !isHan(right)) continue;
      for (let k = Math.min(left.length, right.length) - 1; k >= 1; k--) {
        const joined = left + right.slice(k);
        if (
          left.endsWith(right.slice(0, k)) &&
          joined.length <= MAX_PHRASE &&
          texts.some((t) => t.includes(joined))
        ) {
          phrases.splice(Math.max(a, b), 1);
          phrases.splice(Math.min(a, b), 1, joined);
          return joinOverlaps(phrases, texts);
        }
      }
    }
  return phrases;
}

let segmenter: Intl.Segmenter | undefined;

/** The text's span at `at` of `length` characters, widened to the words it cuts ("务器端渲" → "服务器端渲染"). */
function wholeWords(text: string, at: number, length: number): string {
  const phrase = text.slice(at, at + length);
  const run = /\p{Script=Han}+/uy;
  let start = at;
  while (start > 0 && /\p{Script=Han}/u.test(text[start - 1]!)) start--;
  run.lastIndex = start;
  const han = run.exec(text)![0];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let from = at;
  let to = at + length;
  for (const { index, segment } of segmenter.segment(han)) {
    const [wordStart, wordEnd] = [start + index, start + index + segment.length];
    if (wordStart < at && wordEnd > at) from = wordStart;
    if (wordStart < at + length && wordEnd > at + length) to = wordEnd;
  }
  return to - from <= MAX_PHRASE ? text.slice(from, to) : phrase;
}
