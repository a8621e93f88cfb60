/**
 * Theme labels by class-based TF-IDF: terms frequent in one theme and rare in the others. Adjacent
 * Han bigrams that chain ("学习" + "习路" + "路线") are joined back into the phrase they came from.
 */
import { NEED_MARK } from './tokens';

export function themeLabels(tokensByTheme: Map<string, string[][]>, perLabel = 3): Map<string, string[]> {
  const totals = new Map<string, number>();
  const themeCounts = new Map<string, Map<string, number>>();
  let allTokens = 0;
  for (const [theme, docs] of tokensByTheme) {
    const counts = new Map<string, number>();
    for (const doc of docs)
      for (const t of doc) {
        if (t.startsWith(NEED_MARK)) continue;
        counts.set(t, (counts.get(t) ?? 0) + 1);
        totals.set(t, (totals.get(t) ?? 0) + 1);
        allTokens++;
      }
    themeCounts.set(theme, counts);
  }
  const average = allTokens / Math.max(1, tokensByTheme.size);
  const out = new Map<string, string[]>();
  for (const [theme, counts] of themeCounts) {
    let size = 0;
    for (const n of counts.values()) size += n;
    const scored = [...counts]
      .map(([t, n]) => [t, (n / Math.max(1, size)) * Math.log(1 + average / totals.get(t)!)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t]) => t);
    out.set(theme, joinChains(scored.slice(0, perLabel * 3)).slice(0, perLabel));
  }
  return out;
}

/** "学习" then "习路" then "路线" → "学习路线"; other terms stay as they are, in order. */
function joinChains(terms: string[]): string[] {
  const out: string[] = [];
  const used = new Set<string>();
  for (const t of terms) {
    if (used.has(t)) continue;
    let phrase = t;
    used.add(t);
    for (let grown = true; grown; ) {
      grown = false;
      for (const u of terms)
        if (!used.has(u) && u.length === 2 && /\p{Script=Han}{2}/u.test(u)) {
          if (phrase.endsWith(u[0]!)) {
            phrase += u[1];
            used.add(u);
            grown = true;
          } else if (phrase.startsWith(u[1]!)) {
            phrase = u[0] + phrase;
            used.add(u);
            grown = true;
          }
        }
    }
    if (!out.some((o) => o.includes(phrase))) out.push(phrase);
  }
  return out;
}
