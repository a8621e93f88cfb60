/**
 * Theme labels by class-based TF-IDF: terms frequent in one theme and rare in the others, counted once
 * per comment and taken from those two of its comments write at least (one long comment repeating a
 * phrase would otherwise name its theme). Han bigrams are read back as the phrases the comments write:
 * runs of the theme's top bigrams ("学习" "习路" "路线" in "学习路线"), the longest that enough comments
 * share, widened to whole words.
 */
import { ZH_FUNCTION_WORDS } from './stopwords';
import { GENERIC_NEED_WORDS, NEED_MARK, surfaceForms, zhWords } from './tokens';

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
      for (const t of new Set(doc)) {
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
    const shared = [...counts].filter(([, n]) => n >= 2);
    const scored = (shared.length > 0 ? shared : [...counts])
      .map(([t, n]) => [t, (n / Math.max(1, size)) * Math.log(1 + average / totals.get(t)!)] as const)
      // A word any audience writes ("问题", "learn") or a function word ("通过") names no subject: it
      // comes after those that do.
      .sort(
        (a, b) =>
          Number(namesNoSubject(a[0])) - Number(namesNoSubject(b[0])) ||
          b[1] - a[1] ||
          (a[0] < b[0] ? -1 : 1),
      )
      .map(([t]) => t);
    const texts = themes.get(theme)!.texts.map((text) => text.toLowerCase());
    const terms = phrasesOf(scored.slice(0, perLabel * 3), texts).slice(0, perLabel);
    const forms = surfaceForms(texts, terms);
    out.set(theme, { terms, shown: terms.map((t) => forms.get(t) ?? t) });
  }
  return out;
}

const namesNoSubject = (term: string) => GENERIC_NEED_WORDS.has(term) || ZH_FUNCTION_WORDS.has(term);

const isHan = (term: string) => /^\p{Script=Han}+$/u.test(term);
const isBigram = (term: string) => term.length === 2 && isHan(term);

/**
 * A phrase must be written by two comments and this share of those with its bigram: "简历怎么" where one
 * comment writes "应届生简历怎么", "向量数据库" where others write "数据" in other phrases.
 */
const PHRASE_SHARE = 0.3;

/**
 * The top terms, each Han bigram replaced by the longest phrase holding it that enough comments write
 * (PHRASE_SHARE): spans of runs of top bigrams, counted once per comment. In the
 * order of the terms; a term inside a phrase already taken, or a phrase holding one, is dropped.
 */
function phrasesOf(top: readonly string[], texts: readonly string[]): string[] {
  const bigrams = new Set(top.filter(isBigram));
  const spans = new Map<string, { comments: number; text: string; at: number }>();
  if (bigrams.size > 0)
    texts.forEach((text) => {
      const inThis = new Set<string>();
      for (const run of text.matchAll(/\p{Script=Han}{2,}/gu))
        for (let i = 0; i + 2 <= run[0].length; i++)
          for (let end = i; end + 2 <= run[0].length && end - i + 2 <= MAX_PHRASE; end++) {
            if (!bigrams.has(run[0].slice(end, end + 2))) break;
            const span = run[0].slice(i, end + 2);
            if (inThis.has(span)) continue;
            inThis.add(span);
            const seen = spans.get(span);
            if (seen) seen.comments++;
            else spans.set(span, { comments: 1, text, at: run.index + i });
          }
    });
  const out: string[] = [];
  for (const term of top) {
    if (out.some((o) => o.includes(term))) continue;
    const own = spans.get(term);
    const needed = Math.max(2, Math.ceil((own?.comments ?? 0) * PHRASE_SHARE));
    let best: [string, { comments: number; text: string; at: number }] | undefined;
    if (isBigram(term))
      for (const entry of spans)
        if (
          entry[0].includes(term) &&
          entry[1].comments >= needed &&
          (!best ||
            entry[0].length > best[0].length ||
            (entry[0].length === best[0].length && entry[1].comments > best[1].comments))
        )
          best = entry;
    // A bigram no two comments write in a longer phrase stands for the word holding it, or for
    // nothing when it straddles two words ("用传" of "调用|传").
    const phrase = best
      ? wholeWords(best[1].text, best[1].at, best[0].length)
      : own
        ? wordHolding(own.text, own.at, term.length)
        : term;
    if (phrase === undefined) continue;
    // A phrase holding one taken before ("应届生简历怎么" after "简历怎么") repeats it.
    if (!out.some((o) => o.includes(phrase) || phrase.includes(o))) out.push(phrase);
  }
  return joinOverlaps(out.length > 0 ? out : top.slice(0, 1), texts);
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

/** The Han run of the text around `at`, with where it starts. */
function hanRunAt(text: string, at: number): { start: number; han: string } {
  let start = at;
  while (start > 0 && /\p{Script=Han}/u.test(text[start - 1]!)) start--;
  const run = /\p{Script=Han}+/uy;
  run.lastIndex = start;
  return { start, han: run.exec(text)![0] };
}

/** The word of the text holding its span at `at` of `length` characters, if one word holds it. */
function wordHolding(text: string, at: number, length: number): string | undefined {
  const { start, han } = hanRunAt(text, at);
  for (const { index, segment } of zhWords().segment(han))
    if (start + index <= at && start + index + segment.length >= at + length) return segment;
  return undefined;
}

/** The text's span at `at` of `length` characters, widened to the words it cuts ("务器端渲" → "服务器端渲染"). */
function wholeWords(text: string, at: number, length: number): string {
  const phrase = text.slice(at, at + length);
  const { start, han } = hanRunAt(text, at);
  let from = at;
  let to = at + length;
  for (const { index, segment } of zhWords().segment(han)) {
    const [wordStart, wordEnd] = [start + index, start + index + segment.length];
    if (wordStart < at && wordEnd > at) from = wordStart;
    if (wordStart < at + length && wordEnd > at + length) to = wordEnd;
  }
  return to - from <= MAX_PHRASE ? text.slice(from, to) : phrase;
}
