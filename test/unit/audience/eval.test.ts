/**
 * Quality of tags and themes on the hand-labelled real comments, per language and per half: `dev`
 * (the rules were written looking at it) and `heldout` (never looked at while writing rules). Prints
 * precision, recall and F1 per tag and the theme purity (of two comments put in one theme, how often
 * they belong together), beside the issue's targets.
 *
 * The targets (question P ≥ 0.9 and R ≥ 0.85; problem and request F1 ≥ 0.75; purity ≥ 0.8) are NOT
 * all met yet: the printed table marks each ✓/✗. What this test asserts are floors a little under
 * the quality measured when it was written, so a change that makes any figure worse fails; raise a
 * floor whenever a figure improves. Beside purity it prints (and floors) how many of the comments
 * labelled with a need were put in a theme at all.
 *
 * Rerun: `npx vitest run test/unit/audience/eval.test.ts`; the dev half's errors, and for every half
 * where impure pairs come from and the purity grouping reaches with the labelled tags:
 * `AUDIENCE_CONFUSIONS=1 npx vitest run test/unit/audience/eval.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { REPEAT_OPTIONS, type RepeatOptions } from '../../../lib/audience/repeats';
import { SEEDS } from '../../../lib/audience/seeds';
import { needText } from '../../../lib/audience/tags';
import { languageOf, normalise } from '../../../lib/audience/text';
import { groupComments, mainNeed } from '../../../lib/audience/themes';
import { GENERIC_NEED_WORDS, tokenize } from '../../../lib/audience/tokens';
import { OTHER, TAGS, type Tag } from '../../../lib/audience/types';
import {
  AUDIENCE_JUDGMENTS,
  AUDIENCE_LABELS,
  AUDIENCE_SECOND_LABELS,
  AUDIENCES,
  analyseLabelled,
  drawPairs,
  LABELLED,
  type Labelled,
  PAIR_JUDGMENTS,
  SECOND_ANNOTATOR,
  TAGGED_AUDIENCES,
} from './labelled';
import { linkedGroups } from './linked';

interface Scores {
  p: number;
  r: number;
  f1: number;
  n: number;
}

function scores(rows: readonly Pick<Labelled, 'tags'>[], got: Tag[][], tag: Tag): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  rows.forEach((row, i) => {
    const g = got[i]!.includes(tag);
    const w = row.tags.includes(tag);
    if (g && w) tp++;
    else if (g) fp++;
    else if (w) fn++;
  });
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), n: tp + fn };
}

/** Pairs put in one theme (not "other") whose labelled themes agree and name a need. */
function purity(rows: Labelled[], themes: string[]): { purity: number; pairs: number } {
  const { good, pairs } = pairsOf(rows, themes);
  return { purity: pairs === 0 ? 1 : good / pairs, pairs };
}

/**
 * The pairs put in one theme, good ones and impure ones by cause: a member labelled with no need
 * (a wrong tag let it in), members of two labelled needs in a seed theme (a wrong seed match), or
 * in a theme grown from the data (the clustering).
 */
function pairsOf(rows: Labelled[], themes: string[]) {
  const seeds = new Set(SEEDS.map((s) => s.id));
  const out = { good: 0, pairs: 0, noNeed: 0, seed: 0, grown: 0 };
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      if (themes[i] === OTHER || themes[i] !== themes[j]) continue;
      out.pairs++;
      const [a, b] = [rows[i]!.theme, rows[j]!.theme];
      if (a === OTHER || b === OTHER) out.noNeed++;
      else if (a === b) out.good++;
      else if (seeds.has(themes[i]!)) out.seed++;
      else out.grown++;
    }
  return out;
}

/**
 * Of the comments labelled with a need theme, the share put in some theme: purity alone would
 * reward sending everything to "other".
 */
function coverage(rows: Labelled[], themes: string[]): number {
  const needs = rows.flatMap((r, i) => (r.theme === OTHER ? [] : [themes[i]!]));
  return needs.length === 0 ? 1 : needs.filter((t) => t !== OTHER).length / needs.length;
}

function evaluate(rows: Labelled[]) {
  const report = analyseLabelled(rows);
  const tags = report.comments.map((c) => c.tags);
  return {
    question: scores(rows, tags, 'question'),
    problem: scores(rows, tags, 'problem'),
    request: scores(rows, tags, 'request'),
    ...purity(
      rows,
      report.comments.map((c) => c.theme),
    ),
    coverage: coverage(
      rows,
      report.comments.map((c) => c.theme),
    ),
    tags,
    themes: report.comments.map((c) => c.theme),
  };
}

/**
 * `AUDIENCE_CONFUSIONS=1 npx vitest run test/unit/audience/eval.test.ts` prints the dev half's
 * errors (never the held-out half's: rules are written looking at dev only): each wrong tag, and each
 * theme with its members' labelled themes. For every half it prints only counts: why pairs are impure
 * (`pairsOf`) and the oracle, purity with the labelled tags fed to grouping instead of the rules' tags,
 * which tells how much of the impurity wrong tags cause and how much the grouping.
 */
const oneLine = (text: string, max: number) => text.replace(/\s+/gu, ' ').slice(0, max);

function printConfusions(rows: Labelled[], tags: Tag[][], themes: string[]): void {
  const lines: string[] = [];
  rows.forEach((row, i) => {
    for (const tag of TAGS) {
      const got = tags[i]!.includes(tag);
      if (got !== row.tags.includes(tag))
        lines.push(`  ${got ? 'FP' : 'FN'} ${tag.padEnd(8)} #${row.n} ${oneLine(row.text, 160)}`);
    }
  });
  const byTheme = new Map<string, number[]>();
  themes.forEach((t, i) => {
    if (t !== OTHER) byTheme.set(t, [...(byTheme.get(t) ?? []), i]);
  });
  for (const [theme, idx] of byTheme) {
    const mix = new Map<string, number>();
    for (const i of idx) mix.set(rows[i]!.theme, (mix.get(rows[i]!.theme) ?? 0) + 1);
    lines.push(`  theme ${theme}: ${[...mix].map(([t, n]) => `${t} ${n}`).join(', ')}`);
    for (const i of idx) lines.push(`    [${rows[i]!.theme}] #${rows[i]!.n} ${oneLine(rows[i]!.text, 100)}`);
  }
  console.log(lines.join('\n'));
}

const f = (x: number) => x.toFixed(2);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** Themes as grouping makes them from the labelled tags (fed as lib/audience/analyse.ts feeds it, without its copy removal). */
function oracleThemes(rows: Labelled[]): string[] {
  const docs = rows.map((row) => {
    const text = normalise(row.text);
    const lang = languageOf(text);
    const need = row.tags.length > 0;
    return {
      tokens: need ? tokenize(needText(text, lang, row.sideThread), lang) : [],
      need,
      kind: mainNeed(row.tags),
      lang,
    };
  });
  return groupComments(docs).themeOf;
}

function printCauses(title: string, rows: Labelled[], themes: string[]): void {
  const why = (t: string[]) => {
    const p = pairsOf(rows, t);
    return `purity ${f(p.pairs === 0 ? 1 : p.good / p.pairs)} over ${p.pairs} pairs, grouped ${f(coverage(rows, t))}; impure pairs: a member with no need ${p.noNeed}, seed theme ${p.seed}, grown theme ${p.grown}`;
  };
  console.log(
    `${title} themes\n  rules' tags:    ${why(themes)}\n  labelled tags:  ${why(oracleThemes(rows))}`,
  );
}

/**
 * Floors per half and language: measured at writing time, minus a small margin. Grouped is the
 * share of need comments put in a theme, floored so purity cannot be bought by grouping nothing.
 * The floors were re-based once, when the set grew by 191 comments from a programmer's blog (rows
 * 599–789) and 806 danmaku under Chinese AI and programming videos (rows 790–1595), far more questions,
 * errors and short reactions than the first rows: same code, another population. One went down
 * since: dev en purity (0.61 → 0.54) when the tag rules found more needs, and so more of the sentences
 * grouping reads; over ~100 pairs it moved between 0.48 and 0.55 with single rule changes, while
 * grouped rose 0.46 → 0.54 there and held-out purity rose in both languages. Two grouped floors
 * went down with i13-themes2 (dev en 0.54 → 0.46, held-out zh 0.33 → 0.30): themes no longer grow
 * from words every comment section uses ("comment", "using"), and in the blog rows "t-comment" and
 * "t-using" had gathered questions about the blog's comment system with errors in it, one topic and
 * several needs; purity rose in three halves (dev en 0.54 → 0.57, held-out en 0.31 → 0.32,
 * held-out zh 0.29 → 0.36) and held-out en grouped 0.40 → 0.44. i13-quality added 402 dev danmaku
 * in two batches (rows 1596–1797, then 1798–1997), each measured before the rules learnt from it:
 * on them alone Chinese question precision was 0.55 and 0.38, problem recall 0.60 and 0.00, as on
 * the held-out half (the rules had memorised the first dev rows); it also split grown themes by need.
 * Every floor held or rose. s3-themes let the seed themes that are a kind of need (tech-issue,
 * more-content, concept) take only comments of that need: purity dev en 0.74 → 0.76, held-out en
 * 0.37 → 0.55, held-out zh 0.33 → 0.34, grouped dev en 0.48 → 0.46, held-out en 0.46 → 0.45;
 * measured again after s3-tags' rules, held-out en purity 0.39 → 0.55 (grouped 0.50 both).
 * s4-themes kept confusion apart from concept questions (two seed themes): purity dev zh 0.79 →
 * 0.82, held-out zh 0.36 → 0.38, dev en 0.76 and every grouped share unchanged.
 */
const FLOORS = {
  dev: {
    en: { questionP: 0.97, questionR: 0.95, problemF1: 0.79, requestF1: 0.85, purity: 0.74, grouped: 0.46 },
    zh: { questionP: 0.8, questionR: 0.92, problemF1: 0.88, requestF1: 0.83, purity: 0.8, grouped: 0.5 },
  },
  heldout: {
    en: { questionP: 0.82, questionR: 0.82, problemF1: 0.65, requestF1: 0.68, purity: 0.53, grouped: 0.48 },
    zh: { questionP: 0.53, questionR: 0.88, problemF1: 0.36, requestF1: 0.75, purity: 0.39, grouped: 0.33 },
  },
} as const;

/**
 * FLOORS hold on the rows they were measured on (n ≤ 1997). s3-tags grew the set by 727 rows, each
 * labelled by hand before any tagger run: 403 dev danmaku in two rounds; 184 V2EX replies under a
 * tutorial post, 41 dev and 143 held out (programmers' questions on paying, bans and access, and
 * their failed payments); 140 English dev comments on five drawing-app tutorials of the blog (how-to
 * questions, devices that fail, asks for the next tutorial). Another population, so GROWN_FLOORS,
 * measured on the whole grown set after s3-tags' rule changes (written looking at dev rows only)
 * minus 0.02, hold there. On the grown set the rules of before measured: dev en question P 0.94
 * R 0.83, problem F1 0.76, request F1 0.63, purity 0.58, grouped 0.55; dev zh question P 0.70
 * R 0.89, problem F1 0.75, request F1 0.80, purity 0.70, grouped 0.44; held-out zh question P 0.69
 * R 0.78, problem F1 0.37, request F1 0.71, purity 0.36, grouped 0.39 (held-out en has no new rows).
 * Each round of new dev rows met the rules blind first, and they did as on the held-out half:
 * English question P 0.97 R 0.71, problem P 0.71 R 0.53, request P 0.67 R 0.33, then question P 0.83
 * R 0.87, problem P 1.00 R 0.67, request P 1.00 R 0.31; Chinese question P 0.66 R 0.85, problem
 * P 0.45 R 0.36, then question P 0.43 R 0.77, problem P 0.63 R 0.63. s3-themes (seed themes of one
 * kind of need) on the grown set: purity dev en 0.66 → 0.73 (grouped 0.62 → 0.61), dev zh 0.70
 * (0.40) unchanged, held-out zh 0.30 → 0.31 (grouped 0.43 → 0.41). s4-themes (confusion apart
 * from concept questions): purity dev zh 0.70 → 0.72, held-out en 0.55 → 0.56, held-out zh 0.31 →
 * 0.32, dev en 0.73 → 0.72 (its one confusion comment left a theme of five concept questions);
 * every grouped share unchanged. Then missing basics (基础, 高数) read as the learning path: dev zh
 * purity 0.72 → 0.79, grouped 0.40 → 0.42; held-out unchanged.
 */
const FLOORED_UNTIL = 1997;
const GROWN_FLOORS = {
  dev: {
    en: { questionP: 0.97, questionR: 0.93, problemF1: 0.82, requestF1: 0.93, purity: 0.71, grouped: 0.6 },
    zh: { questionP: 0.77, questionR: 0.88, problemF1: 0.83, requestF1: 0.82, purity: 0.77, grouped: 0.4 },
  },
  heldout: {
    en: FLOORS.heldout.en,
    zh: { questionP: 0.68, questionR: 0.8, problemF1: 0.42, requestF1: 0.69, purity: 0.32, grouped: 0.41 },
  },
} as const;

/**
 * GROWN_FLOORS hold on the rows before s4-en (n < 3000). s4-en added 322 English rows (n 3000–3321),
 * each labelled by hand before any tagger run: a second comment per video of the programming YouTube
 * CSV (192: career doubts, how-to questions, asks for videos) and every reader comment on the blog's
 * remaining 27 drawing-tutorial posts (130), each source split about half dev, half held out (see
 * MANIFEST.md). Met blind by the rules of before, those rows measured question P 0.82 R 0.82, problem
 * F1 0.60, request F1 0.54 (dev half: question P 0.82 R 0.67, problem F1 0.54, request F1 0.57;
 * held-out half: question P 0.81 R 0.93, problem F1 0.67, request F1 0.50). S4_FLOORS hold on the
 * rows n ≤ 3321. On them s4-en's English rules (written on dev errors) moved dev en question
 * P 0.96 → 1.00, R 0.88 → 0.93, request F1 0.78 → 0.84, purity 0.64 → 0.67, and held-out en only
 * request F1 0.63 → 0.64 (question, problem and purity unchanged): rules written on one half barely
 * move the other. Rules that moved dev but lowered a held-out figure were left out (see the commit).
 */
const GROWN_UNTIL = 2999;
const S4_FLOORS = {
  dev: {
    en: { questionP: 0.97, questionR: 0.91, problemF1: 0.76, requestF1: 0.81, purity: 0.65, grouped: 0.56 },
    zh: GROWN_FLOORS.dev.zh,
  },
  heldout: {
    en: { questionP: 0.8, questionR: 0.85, problemF1: 0.64, requestF1: 0.62, purity: 0.4, grouped: 0.39 },
    zh: GROWN_FLOORS.heldout.zh,
  },
} as const;

/**
 * Then 191 held-out rows more (n 3322–3512: a third comment per programming video of the same CSV),
 * labelled by hand after s4-en's rule changes and before any tagger run, never looked at for rules.
 * On them alone the rules measured question P 0.83 R 0.77 (n=13), problem P 0.19 R 0.44 (n=9),
 * request P 1.00 R 0.60 (n=20), exactly as the rules of before s4-en did: the dev-written changes
 * neither helped nor hurt there. BLIND_FLOORS hold on the whole set.
 */
const S4_UNTIL = 3321;
const BLIND_FLOORS = {
  dev: S4_FLOORS.dev,
  heldout: {
    en: { questionP: 0.8, questionR: 0.84, problemF1: 0.57, requestF1: 0.65, purity: 0.42, grouped: 0.34 },
    zh: GROWN_FLOORS.heldout.zh,
  },
} as const;

/**
 * s4-zh grew the Chinese set by 400 comments under paid programming courses (极客时间 columns, rows
 * 4001–4400: learners asking the teacher, reporting errors in the lesson and its code, asking for
 * more), each labelled by hand before any tagger run; every third one dev, the others held out.
 * Another population again, so the floors before hold on the rows before them and COURSE_FLOORS,
 * measured on every row minus 0.02, on all of them. On the course comments alone the rules of before
 * measured, held out: question P 0.80 R 0.79, problem F1 0.31, request F1 0.29 (dev: question P 0.73
 * R 0.66, problem F1 0.39, request F1 0.30). s4-zh's rules (written looking at dev errors only: course
 * dev rows and the older dev rows) measure there, held out: question P 0.84 R 0.92, problem F1 0.61,
 * request F1 0.63; and they raised the held-out zh figures of the older rows: n ≤ 1997 question
 * P 0.54 → 0.55, R 0.85 → 0.90, problem F1 0.36 → 0.38, purity 0.36 → 0.41; n ≤ 2999 question
 * P 0.69 → 0.70, R 0.78 → 0.83, problem F1 0.43 → 0.44, purity 0.31 → 0.34, grouped 0.41 → 0.43
 * (their floors raised). The dev rows n ≤ 2999 measure as before (two errors fixed, two made).
 * (s4-en and s4-zh gathered at the same time; the Chinese rows, gathered as 3001–3599, were numbered
 * from 4001 at merge, so BLIND_UNTIL closes the English gathering.)
 */
const BLIND_UNTIL = 3999;
type Floor = Record<keyof (typeof FLOORS)['dev']['en'], number>;
/** Floors of a gathering of Chinese rows only: English keeps the floors of its last gathering. */
const zhGathering = (dev: Floor, heldout: Floor) => ({
  dev: { en: BLIND_FLOORS.dev.en, zh: dev },
  heldout: { en: BLIND_FLOORS.heldout.en, zh: heldout },
});
const COURSE_FLOORS = zhGathering(
  { questionP: 0.82, questionR: 0.89, problemF1: 0.81, requestF1: 0.83, purity: 0.66, grouped: 0.39 },
  { questionP: 0.75, questionR: 0.85, problemF1: 0.5, requestF1: 0.63, purity: 0.32, grouped: 0.4 },
);

/**
 * A second gathering of course comments (rows 4401–4599, 199 more, every 340th from the 85th of the
 * same list; none already in the set), labelled by hand before any tagger run and met blind by the
 * rules above: there, question P 0.85 R 0.81, problem F1 0.59, request F1 0.42 (the rules of before
 * s4-zh: question P 0.86 R 0.73, problem F1 0.52, request F1 0.42). COURSE_FLOORS hold on the rows
 * before them (n ≤ COURSE_UNTIL), ALL_FLOORS (measured on every row, minus 0.02) on every row.
 * Rules then learnt from the new dev rows (asks for examples and code, "too theoretical", 似懂非懂,
 * 求帮助; code-heavy comments routed to Chinese and not read as essays) took the second gathering's dev
 * rows from question P 0.84 R 0.82, problem F1 0.62, request F1 0.50 to 0.88/0.88, 0.87, 0.83, and
 * left its held-out rows where they were (question P 0.85 R 0.80, problem F1 0.58, request F1 0.37):
 * the rules still fit what they were written on better than what they meet.
 */
const COURSE_UNTIL = 4400;
const ALL_FLOORS = zhGathering(
  { questionP: 0.83, questionR: 0.88, problemF1: 0.81, requestF1: 0.83, purity: 0.63, grouped: 0.44 },
  { questionP: 0.77, questionR: 0.84, problemF1: 0.52, requestF1: 0.57, purity: 0.36, grouped: 0.37 },
);

/**
 * s5-tags changed rules only (no new rows), each written looking at dev rows or at GUIDE.md's own
 * examples and kept only when no held-out figure it targets went down. On every row, before → after:
 * held-out en question P 0.82 → 0.84 (R 0.86), problem F1 0.59 → 0.62, request F1 0.67 → 0.71,
 * purity 0.45 → 0.51 (grouped 0.36); held-out zh question P 0.79 R 0.86 unchanged, problem F1
 * 0.54 → 0.55, request F1 0.59 → 0.61, purity 0.39 → 0.43 (grouped 0.39 → 0.38); dev en problem F1
 * 0.78 → 0.83, request F1 0.84 → 0.94, purity 0.66 → 0.68; dev zh question P 0.85 R 0.90 → 0.92,
 * problem F1 0.83 → 0.84, request F1 0.85 → 0.87, purity 0.67 → 0.68 (grouped 0.49). S5_FLOORS are
 * those figures minus 0.02, or the floor before where that was higher. s6-groups started Chinese
 * comments a seed theme holds in that seed (lib/audience/themes.ts strongestStart): held-out zh
 * purity 0.43 → 0.45 (grouped 0.38), dev zh 0.68 (grouped 0.49 → 0.47), English unchanged; the
 * held-out zh purity floor rose with it.
 */
const S5_FLOORS = {
  dev: {
    en: { questionP: 0.98, questionR: 0.91, problemF1: 0.8, requestF1: 0.91, purity: 0.66, grouped: 0.56 },
    zh: { questionP: 0.83, questionR: 0.9, problemF1: 0.82, requestF1: 0.84, purity: 0.66, grouped: 0.46 },
  },
  heldout: {
    en: { questionP: 0.82, questionR: 0.84, problemF1: 0.59, requestF1: 0.69, purity: 0.48, grouped: 0.34 },
    zh: { questionP: 0.77, questionR: 0.84, problemF1: 0.53, requestF1: 0.58, purity: 0.42, grouped: 0.37 },
  },
} as const;

/**
 * s8 gathered 569 rows more, each labelled by hand before any tagger run (three annotators working
 * from GUIDE.md and the dev rows of their source only): 392 course comments (n 4600–4991, every 170th
 * from the 127th of the 极客时间 list, every third dev) and 177 English comments (n 5001–5177, a fourth
 * comment per programming video of the YouTube CSV, even video positions dev). Met blind by the rules
 * above, on those rows alone: Chinese question P 0.84 R 0.82, problem F1 0.48, request F1 0.49, purity
 * 0.62 (dev third: question P 0.72 R 0.84, problem F1 0.44, request F1 0.55; held out: question P 0.90
 * R 0.81, problem F1 0.49, request F1 0.43); English question P 0.62 R 0.93, problem F1 0.19, request
 * F1 0.22, purity 0.21 over 34 pairs (few needs: 147 of 177 comments under a video's fourth comment ask
 * nothing). S5_UNTIL closes the rows before them; S8_FLOORS hold on every row.
 * Rules then written looking at the new dev rows' errors (asks to talk a topic through or open a
 * course, 苦于, 无从下手, "burned out", "lack of examples", "can you look into", difficulties the video
 * ended) took those dev rows from question P 0.72 R 0.84, problem F1 0.44, request F1 0.55 to 0.79/0.86,
 * 0.61, 0.93 (Chinese), and moved no held-out figure by a single comment, in either language; three
 * more that moved dev (有点困难, OOM, "I recommend you") each cost a held-out comment or dev purity and
 * were left out. Whole dev halves, before → after: en problem F1 0.78 → 0.79, request 0.88 → 0.90;
 * zh question P 0.82 → 0.84, problem F1 0.79 → 0.81, request 0.81 → 0.88, purity 0.63 → 0.64.
 */
const S5_UNTIL = 4599;
const S8_FLOORS = {
  dev: {
    en: { questionP: 0.96, questionR: 0.9, problemF1: 0.77, requestF1: 0.87, purity: 0.63, grouped: 0.54 },
    zh: { questionP: 0.81, questionR: 0.88, problemF1: 0.78, requestF1: 0.86, purity: 0.62, grouped: 0.4 },
  },
  heldout: {
    en: { questionP: 0.79, questionR: 0.85, problemF1: 0.59, requestF1: 0.67, purity: 0.5, grouped: 0.33 },
    zh: { questionP: 0.8, questionR: 0.83, problemF1: 0.52, requestF1: 0.55, purity: 0.48, grouped: 0.35 },
  },
} as const;

/**
 * Then a larger gathering, labelled the same way by eight annotators: 1,576 course comments (n 6001–7576,
 * every 170th from the 21st, 63rd, 105th and 149th of the 极客时间 list, every third dev) and 181
 * English comments (n 5178–5358, a fifth comment per programming video at index (i + 11) mod comments,
 * even positions dev). Met blind by the rules of fab2b90, on those rows alone: Chinese question P 0.86
 * R 0.82, problem F1 0.51, request F1 0.41, purity 0.55 (dev third: question P 0.87 R 0.80, problem F1
 * 0.51, request F1 0.39); English question P 0.77 R 0.89, problem F1 0.41, request F1 0.50. No rule was
 * written on them. S8_UNTIL closes the rows before; S9_FLOORS, measured on every row minus 0.02, hold.
 */
const S8_UNTIL = 5177;
const S9_FLOORS = {
  dev: {
    en: { questionP: 0.94, questionR: 0.9, problemF1: 0.74, requestF1: 0.82, purity: 0.6, grouped: 0.44 },
    zh: { questionP: 0.83, questionR: 0.83, problemF1: 0.66, requestF1: 0.72, purity: 0.58, grouped: 0.33 },
  },
  heldout: {
    en: { questionP: 0.78, questionR: 0.84, problemF1: 0.58, requestF1: 0.66, purity: 0.52, grouped: 0.32 },
    zh: { questionP: 0.82, questionR: 0.81, problemF1: 0.5, requestF1: 0.47, purity: 0.48, grouped: 0.23 },
  },
} as const;

/** Each set of floors with the last row number it was measured on. */
const TIERS = [
  { until: FLOORED_UNTIL, floors: FLOORS },
  { until: GROWN_UNTIL, floors: GROWN_FLOORS },
  { until: S4_UNTIL, floors: S4_FLOORS },
  { until: BLIND_UNTIL, floors: BLIND_FLOORS },
  { until: COURSE_UNTIL, floors: COURSE_FLOORS },
  { until: S5_UNTIL, floors: ALL_FLOORS },
  { until: S5_UNTIL, floors: S5_FLOORS },
  { until: S8_UNTIL, floors: S8_FLOORS },
  { until: Infinity, floors: S9_FLOORS },
] as const;

/**
 * Texts of the dev audiences, whose errors rules are written on. Some are held-out rows of the labelled
 * set too (143 English ones under the game-development videos, 9–11 in each dev course), so held-out
 * figures are also printed without them.
 */
const IN_DEV_AUDIENCE = new Set(
  TAGGED_AUDIENCES.filter((a) => a.split === 'dev').flatMap((a) => a.rows.map((r) => r.text.trim())),
);

/** The 极客时间 course comments, reported apart: the population closest to a course seller's. */
const isCourseComment = (row: Labelled) => row.source.startsWith('geektime:');

function report(title: string, rows: Labelled[], e: ReturnType<typeof evaluate>): string {
  const lines = [`${title} (${rows.length} comments)`];
  for (const tag of TAGS) {
    const s = e[tag];
    const target =
      tag === 'question'
        ? `target P≥0.90 ${mark(s.p >= 0.9)} R≥0.85 ${mark(s.r >= 0.85)}`
        : `target F1≥0.75 ${mark(s.f1 >= 0.75)}`;
    lines.push(`  ${tag.padEnd(8)} P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)} (n=${s.n})  ${target}`);
  }
  lines.push(`  purity   ${f(e.purity)} over ${e.pairs} pairs  target ≥0.80 ${mark(e.purity >= 0.8)}`);
  lines.push(`  grouped  ${f(e.coverage)} of the comments labelled with a need theme are in a theme`);
  return lines.join('\n');
}

function holds(e: ReturnType<typeof evaluate>, floor: Floor): void {
  expect(e.question.p).toBeGreaterThanOrEqual(floor.questionP);
  expect(e.question.r).toBeGreaterThanOrEqual(floor.questionR);
  expect(e.problem.f1).toBeGreaterThanOrEqual(floor.problemF1);
  expect(e.request.f1).toBeGreaterThanOrEqual(floor.requestF1);
  expect(e.purity).toBeGreaterThanOrEqual(floor.purity);
  expect(e.coverage).toBeGreaterThanOrEqual(floor.grouped);
}

describe('audience understanding on hand-labelled real comments', () => {
  for (const split of ['dev', 'heldout'] as const)
    for (const lang of ['en', 'zh'] as const)
      it(`${split} ${lang}: prints P/R/F1 per tag and purity, and holds its floors`, () => {
        const rows = LABELLED.filter((r) => r.split === split && r.lang === lang);
        const e = evaluate(rows);
        console.log(report(`${split} ${lang}`, rows, e));
        if (process.env.AUDIENCE_CONFUSIONS) printCauses(`${split} ${lang}`, rows, e.themes);
        if (split === 'dev' && process.env.AUDIENCE_CONFUSIONS) printConfusions(rows, e.tags, e.themes);
        // Every tier printed before any floor is checked, so a failure shows all the figures.
        let printed = rows.length;
        const tiers = [...TIERS].reverse().map(({ until, floors }) => {
          const tier = rows.filter((r) => r.n <= until);
          const t = tier.length === rows.length ? e : evaluate(tier);
          if (tier.length !== printed)
            console.log(report(`${split} ${lang}, rows n ≤ ${until} only`, tier, t));
          printed = tier.length;
          return { t, floor: floors[split][lang] };
        });
        const course = rows.filter(isCourseComment);
        if (course.length > 0)
          console.log(report(`${split} ${lang}, course comments only`, course, evaluate(course)));
        if (split === 'heldout') {
          const unseen = rows.filter((r) => !IN_DEV_AUDIENCE.has(r.text.trim()));
          console.log(report(`${split} ${lang}, rows no dev audience holds`, unseen, evaluate(unseen)));
        }
        for (const { t, floor } of tiers) holds(t, floor);
      });
});

/**
 * The same measures taken between two annotators: a second annotator's labels scored against the
 * first's, on 150 dev rows and 200 held-out rows per language, beside the rules on those rows. Tags
 * agree far above the issue's targets in both halves (held-out F1 0.86–0.98), so the rules' held-out
 * shortfall is theirs, not the labels'. Purity counts pairs, so a few comments read as concept by one
 * reader and tech-issue by the other cost many pairs (held-out English: 0.43): the labelled needs are
 * a stricter yardstick than readers agree on. GUIDE.md's examples are dev rows, so dev agreement is if
 * anything high.
 */
describe('two annotators on the same rows', () => {
  const first = new Map(LABELLED.map((row) => [row.n, row]));
  const themes = new Set(LABELLED.map((row) => row.theme));
  it('label rows of the set once each, with its tags and themes', () => {
    expect(SECOND_ANNOTATOR).toHaveLength(700);
    expect(new Set(SECOND_ANNOTATOR.map((r) => r.n)).size).toBe(700);
    for (const row of SECOND_ANNOTATOR) {
      expect(first.has(row.n)).toBe(true);
      expect(row.tags.every((t) => TAGS.includes(t))).toBe(true);
      expect(themes.has(row.theme)).toBe(true);
    }
  });
  for (const [half, size] of [
    ['dev', 150],
    ['heldout', 200],
  ] as const)
    for (const lang of ['en', 'zh'] as const)
      it(`${half} ${lang}: prints their agreement beside the rules'`, () => {
        const pairs = SECOND_ANNOTATOR.flatMap((second) => {
          const row = first.get(second.n)!;
          return row.lang === lang && row.split === half ? [{ row, second }] : [];
        });
        expect(pairs).toHaveLength(size);
        const rows = pairs.map((p) => p.row);
        const secondThemes = pairs.map((p) => p.second.theme);
        const second = {
          ...Object.fromEntries(
            TAGS.map((tag) => [
              tag,
              scores(
                rows,
                pairs.map((p) => p.second.tags),
                tag,
              ),
            ]),
          ),
          ...purity(rows, secondThemes),
          coverage: coverage(rows, secondThemes),
        } as ReturnType<typeof evaluate>;
        const equal = pairs.filter((p) => p.second.theme === p.row.theme).length / pairs.length;
        console.log(
          `${report(`second annotator against the first, ${half} ${lang}`, rows, second)}\n  same theme for ${f(equal)} of the comments\n${report(`the rules on the same rows, ${half} ${lang}`, rows, evaluate(rows))}`,
        );
      });
});

/**
 * The issue's purity target read literally: of two comments put in one theme, how often a reader says
 * they belong together. Purity above stands in for it with the labelled needs (two concept questions
 * count as together whatever they ask about); here readers judged pairs from the two texts alone: per
 * half, 150 pairs drawn at random from the pairs grouping put in one theme and 40 control pairs from two
 * different themes, first from the themes of fab2b90 (760 pairs), then again once the set had grown to
 * 6,161 rows and its themes with it (658 pairs more, the drawn pairs already judged reused). A change to
 * grouping makes pairs nobody has judged: the printed share of today's pairs that were judged says how
 * far the figure still speaks for the grouping, and `npm run -s audience:pairs -- sample <dir>` writes a
 * sample of the new pairs for readers (then `merge <dir>`).
 * Even two comments of one labelled need are mostly not together for a reader (two concept questions
 * on different subjects), so a grouping by the labelled needs alone would not reach the target either.
 * Measured on the first sample: dev en 0.21, held-out en 0.09, dev zh 0.42, held-out zh 0.05. On the
 * grown set: dev en 0.23, held-out en 0.08, dev zh 0.29, held-out zh 0.04 (controls 0.01–0.03);
 * JUDGED_FLOORS are those less 0.03.
 */
const JUDGED_FLOORS = {
  dev: { en: 0.2, zh: 0.26 },
  heldout: { en: 0.05, zh: 0.01 },
} as const;

describe('pairs put in one theme, as a reader judges them', () => {
  const split = new Map(LABELLED.map((row) => [row.n, `${row.split} ${row.lang}`]));
  it('join two rows of one half, each pair once', () => {
    expect(PAIR_JUDGMENTS.length).toBeGreaterThanOrEqual(1418);
    expect(new Set(PAIR_JUDGMENTS.map((p) => `${p.a}-${p.b}`)).size).toBe(PAIR_JUDGMENTS.length);
    for (const p of PAIR_JUDGMENTS) {
      expect(p.a).toBeLessThan(p.b);
      expect(split.get(p.a)).toBeDefined();
      expect(split.get(p.b)).toBe(split.get(p.a));
    }
  });
  for (const half of ['dev', 'heldout'] as const)
    for (const lang of ['en', 'zh'] as const)
      it(`${half} ${lang}: prints how often a reader puts a theme's pairs together, and holds its floor`, () => {
        const rows = LABELLED.filter((r) => r.split === half && r.lang === lang);
        const e = evaluate(rows);
        const themeOf = new Map(rows.map((row, i) => [row.n, e.themes[i]!]));
        const judged = PAIR_JUDGMENTS.filter((p) => themeOf.has(p.a));
        const inTheme = judged.filter(
          (p) => p.kind === 'theme' && themeOf.get(p.a) !== OTHER && themeOf.get(p.a) === themeOf.get(p.b),
        );
        const together = inTheme.filter((p) => p.together).length / inTheme.length;
        const controls = judged.filter((p) => p.kind === 'control');
        const need = new Map(rows.map((row) => [row.n, row.theme]));
        const sameNeed = judged.filter((p) => need.get(p.a) !== OTHER && need.get(p.a) === need.get(p.b));
        const bySubject = inTheme.filter((p) => p.sameSubject !== undefined);
        console.log(
          `${half} ${lang}: a reader puts ${f(together)} of ${inTheme.length} judged pairs of one theme together (target ≥0.80 ${mark(together >= 0.8)}); ` +
            `${inTheme.length} of the ${e.pairs} pairs grouping makes now were judged; ` +
            `control pairs from two themes: ${controls.filter((p) => p.together).length} of ${controls.length} together; ` +
            `judged pairs of one labelled need: ${sameNeed.filter((p) => p.together).length} of ${sameNeed.length} together; ` +
            `read by subject (GUIDE.md "Judging pairs by subject"): ${bySubject.filter((p) => p.sameSubject).length} of ${bySubject.length} together (read as above: ${bySubject.filter((p) => p.together).length})`,
        );
        expect(inTheme.length).toBeGreaterThan(0);
        expect(together).toBeGreaterThanOrEqual(JUDGED_FLOORS[half][lang]);
      });
});

/**
 * Whole audiences (labelled.ts AUDIENCES): every comment of one 极客时间 course, of one YouTube topic and
 * of one programmer's blog, each grouped on its own, as a seller's own comments would be. The labelled
 * set takes a comment here and there across hundreds of courses, where two comments of one need are
 * rare; here they are common, so this is the fairer test of the purity target. Per audience, the 150
 * pairs of one theme (all of them where fewer) and the 40 controls that rank first (labelled.ts
 * drawPairs), each judged by two readers: by one answer ("Judging pairs") and by subject ("Judging
 * pairs by subject"). Measured when written, theme pairs together by one answer / by subject:
 * 容器实战高手课 0.04 / 0.10, etcd实战课 0.03 / 0.06, game development 0.00 / 0.03, data science 0.07 /
 * 0.04, the blog's dev posts 0.07 / 0.11, its held-out posts 0.04 / 0.06; and in two larger courses,
 * 左耳听风 (1,621 comments) 0.03 / 0.03 and 数据结构与算法之美 (1,028) 0.02 / 0.04; controls 0–3 of 40.
 * Themes of one course gather questions that share a word of the course (进程, 节点, 事务), each about
 * something else. AUDIENCE_FLOORS are those less 0.03 (not under 0). Judged again on the ranked draw
 * after the tag rules written on three dev courses (886 pairs more): 0.05 / 0.09, 0.02 / 0.05, 0.02 /
 * 0.04, 0.07 / 0.04, 0.09 / 0.13, 0.04 / 0.06, 0.03 / 0.04, 0.03 / 0.03; controls 0–4 of 40.
 */
const AUDIENCE_FLOORS: Record<string, { together: number; sameSubject: number }> = {
  'geektime:容器实战高手课': { together: 0.01, sameSubject: 0.07 },
  'geektime:etcd实战课': { together: 0, sameSubject: 0.03 },
  'youtube:game development': { together: 0, sameSubject: 0 },
  'youtube:data science': { together: 0.04, sameSubject: 0.01 },
  'geektime:左耳听风': { together: 0, sameSubject: 0 },
  'geektime:数据结构与算法之美': { together: 0, sameSubject: 0.01 },
  'staticman:dev': { together: 0.04, sameSubject: 0.08 },
  'staticman:heldout': { together: 0.01, sameSubject: 0.03 },
};

describe('whole audiences, their themes as readers judge them', () => {
  it('judge pairs of one audience, each pair once', () => {
    const sizes = new Map(AUDIENCES.map((a) => [a.set, a.rows.length]));
    expect(AUDIENCE_JUDGMENTS.length).toBeGreaterThanOrEqual(2416);
    expect(new Set(AUDIENCE_JUDGMENTS.map((p) => `${p.set} ${p.i}-${p.j}`)).size).toBe(
      AUDIENCE_JUDGMENTS.length,
    );
    for (const p of AUDIENCE_JUDGMENTS) {
      expect(p.i).toBeLessThan(p.j);
      expect(p.j).toBeLessThan(sizes.get(p.set)!);
    }
  });
  for (const audience of AUDIENCES)
    it(`${audience.set} (${audience.split} ${audience.lang}): prints how often a theme's pairs belong together, and holds its floors`, () => {
      const comments = analyseLabelled(audience.rows).comments;
      const draw = drawPairs(
        audience.set,
        comments.map((c) => c.theme),
      );
      const judgments = new Map(
        AUDIENCE_JUDGMENTS.filter((p) => p.set === audience.set).map((p) => [`${p.i}-${p.j}`, p]),
      );
      const judged = (pairs: [number, number][]) =>
        pairs.flatMap(([i, j]) => judgments.get(`${i}-${j}`) ?? []);
      const inTheme = judged(draw.theme);
      const controls = judged(draw.control);
      const share = (key: 'together' | 'sameSubject') =>
        inTheme.filter((p) => p[key]).length / inTheme.length;
      const needs = comments.filter((c) => c.tags.length > 0);
      const themes = new Set(needs.map((c) => c.theme).filter((t) => t !== OTHER));
      // Grouping does not read posts; whether the two comments are under one post tells where purity is lost.
      const underOnePost = (p: (typeof inTheme)[number]) => audience.posts[p.i] === audience.posts[p.j];
      const onePost = inTheme.filter(underOnePost);
      const across = inTheme.filter((p) => !underOnePost(p));
      const split = (pairs: typeof inTheme) =>
        pairs.length === 0
          ? 'none'
          : `${pairs.length}, together ${pairs.filter((p) => p.together).length} / by subject ${pairs.filter((p) => p.sameSubject).length}`;
      console.log(
        `${audience.set} (${audience.split} ${audience.lang}, ${comments.length} comments, ${needs.length} with a need, ` +
          `${needs.filter((c) => c.theme !== OTHER).length} of them in ${themes.size} themes): of ${inTheme.length} judged pairs of one theme, ` +
          `together by one answer ${f(share('together'))}, by subject ${f(share('sameSubject'))} (target ≥0.80 ${mark(share('together') >= 0.8)}); ` +
          `controls from two themes: ${controls.filter((p) => p.together).length} and ${controls.filter((p) => p.sameSubject).length} of ${controls.length}; ` +
          `theme pairs under one post: ${split(onePost)}; across posts: ${split(across)}`,
      );
      // The figures speak for today's grouping only while its whole draw is judged (npm run -s audience:pairs).
      expect(inTheme).toHaveLength(draw.theme.length);
      expect(controls).toHaveLength(draw.control.length);
      expect(share('together')).toBeGreaterThanOrEqual(AUDIENCE_FLOORS[audience.set]!.together);
      expect(share('sameSubject')).toBeGreaterThanOrEqual(AUDIENCE_FLOORS[audience.set]!.sameSubject);
    });
});

/**
 * How far word overlap alone takes purity when it gives up breadth (linked.ts): groups in which every
 * two comments of one main need share subject terms. The last setting is the product's (REPEAT_OPTIONS,
 * the Audience view's needs raised by several people); the others are trials. Measured when
 * written, in the held-out Chinese course (etcd实战课), by one answer / by subject: cosine ≥ 0.3, 0.73 /
 * 0.85 of 26 pairs, 35 of its 212 needs grouped; with the course's common terms left out (≤ 5% of its
 * needs) and two shared terms, 0.71 / 0.81 of 21 pairs, 28 needs grouped. Today's themes there: 0.03 /
 * 0.06, with 129 needs grouped. In the two larger held-out courses, 0.48–0.65 / 0.52–0.86, grouping 6–12%
 * of their needs (37–72 of about 600) in groups of two or three. In English mostly 0.00–0.56 by one answer, on 1–28 pairs (0.86 on the
 * blog's 7 dev pairs with two shared terms): praise read as a need, and one shared word (a name,
 * "more", "wait").
 */
const TRIALS: readonly RepeatOptions[] = [
  { minCosine: 0.3, maxShare: 1, minShared: 1 },
  { minCosine: 0.3, maxShare: 0.05, minShared: 1 },
  // How tight word overlap must be for the purity target (Dec 8, all pairs already judged): at cosine
  // ≥ 0.5 the three held-out courses' pairs are together by one answer 7 of 9 (etcd实战课), 11 of 11
  // (左耳听风) and 4 of 6 (数据结构与算法之美), 22 of 26 in all, where the product's setting has 48 of 74; it
  // groups 40 of their ~1,470 needs, 2.7%, against 116. Read from held-out judgments: a measurement,
  // not a setting chosen on them.
  { minCosine: 0.5, maxShare: 0.05, minShared: 2 },
  REPEAT_OPTIONS,
];

/**
 * The product's repeated needs, by one answer, where readers judged 20 pairs or more: measured Dec 8
 * (etcd实战课 0.71 of 21, 左耳听风 0.68 of 25, 数据结构与算法之美 0.57 of 28), less 0.03.
 */
const REPEAT_FLOORS: Record<string, number> = {
  'geektime:etcd实战课': 0.68,
  'geektime:左耳听风': 0.65,
  'geektime:数据结构与算法之美': 0.54,
};

describe('tighter groups, a trial: every two comments share subject terms', () => {
  for (const audience of AUDIENCES)
    it(`${audience.set} (${audience.split} ${audience.lang}): prints what readers made of the trial's pairs`, () => {
      const judged = new Map(
        AUDIENCE_JUDGMENTS.filter((p) => p.set === audience.set).map((p) => [`${p.i}-${p.j}`, p]),
      );
      const needs = analyseLabelled(audience.rows).comments.filter((c) => c.tags.length > 0).length;
      for (const options of TRIALS) {
        const groups = linkedGroups(audience.rows, audience.lang, options);
        const pairs: string[] = [];
        groups.forEach((g, i) => {
          for (let j = i + 1; j < groups.length; j++)
            if (g !== undefined && g === groups[j]) pairs.push(`${i}-${j}`);
        });
        const read = pairs.flatMap((k) => judged.get(k) ?? []);
        const share = (key: 'together' | 'sameSubject') =>
          read.length === 0 ? '–' : f(read.filter((p) => p[key]).length / read.length);
        console.log(
          `${audience.set}, ${options === REPEAT_OPTIONS ? "the product's repeated needs" : 'trial'} at cosine ≥${options.minCosine}, terms in ≤${options.maxShare} of the needs, ≥${options.minShared} shared: ` +
            `${groups.filter(Boolean).length} of ${needs} needs in ${new Set(groups.filter(Boolean)).size} groups; ` +
            `${read.length} of ${pairs.length} pairs judged: together by one answer ${share('together')}, by subject ${share('sameSubject')}`,
        );
        // The figures speak for the trial only while its pairs are the ones judged.
        expect(read.length).toBe(pairs.length);
        const floor = REPEAT_FLOORS[audience.set];
        if (options === REPEAT_OPTIONS && floor !== undefined)
          expect(read.filter((p) => p.together).length / read.length).toBeGreaterThanOrEqual(floor);
      }
    });
});

/**
 * Tags on whole audiences (labelled.ts AUDIENCE_LABELS: every comment of the dev course 容器实战高手课, of
 * three held-out audiences, etcd实战课, 数据结构与算法之美 and the data-science videos, and later of three
 * more dev audiences, labelled by hand against GUIDE.md before any tagger run; the creator's own posts
 * and comments in other languages left out, as the guide says). Each audience is analysed whole, as the product would, and scored on the
 * rows kept. Measured when written: 容器实战高手课 (dev) question P 0.97 R 0.85, problem F1 0.53, request
 * F1 0.59; etcd实战课 question P 0.93 R 0.88, problem F1 0.42, request F1 0.31; 数据结构与算法之美
 * question P 0.88 R 0.83, problem F1 0.56, request F1 0.43; data science question P 0.82 R 0.89, problem
 * F1 0.40 (9 problems only), request F1 0.80. Three more dev audiences, labelled blind the same way to
 * write rules on more than one course: React Hooks 核心原理与实战 question P 0.85 R 0.85, problem F1 0.45,
 * request F1 0.46; AI大模型之美 0.92 / 0.85, 0.54, 0.33; the game-development videos 0.60 / 1.00 (6
 * questions), 0.34, 0.51. After the rules written on those three and 容器实战高手课 (lib/audience/tags.ts,
 * Dec 7): 容器实战高手课 0.97 / 0.86, 0.59, 0.59; React Hooks 0.85 / 0.85, 0.59, 0.76; AI大模型之美 0.92 /
 * 0.86, 0.76, 0.49; game development 0.67 / 1.00, 0.54, 0.59; and held out, etcd实战课 0.93 / 0.88, 0.45,
 * 0.38; 数据结构与算法之美 0.88 / 0.83, 0.57, 0.47; data science 0.82 / 0.89, 0.42, 0.80. Then labelled
 * blind and held out, the comments under twelve programming tutorials (full beginner courses): 0.25 /
 * 0.33 (3 questions), problem F1 0.38 with 11 false problems in 108 comments, request F1 0.84 (those
 * rules before Dec 7: problem 0.36, the rest the same). Then an English course audience from elsewhere
 * (not the CSV the labelled set's English rows share), labelled blind: CS Dojo's and CS50's lessons (dev)
 * 0.85 / 0.76, problem 0.45, request 0.58, and two Python courses (held out) 0.89 / 0.80, 0.67, 0.71. After
 * the English rules written on the lessons (Dec 7, second session): lessons 0.87 / 0.84, 0.72, 0.76; the
 * Python courses unchanged; data science request 0.80 → 0.82. Then two more held-out 极客时间 courses,
 * labelled blind, to see how far the Chinese question rules carry: Redis源码剖析与实战 0.83 / 0.80,
 * problem 0.46, request 0.21 (10 requests); LangChain实战课 0.95 / 0.84, 0.72, 0.35. TAG_FLOORS are those
 * less 0.02.
 */
const TAG_FLOORS: Record<string, Omit<Floor, 'purity' | 'grouped'>> = {
  'geektime:容器实战高手课': { questionP: 0.95, questionR: 0.84, problemF1: 0.57, requestF1: 0.57 },
  'geektime:etcd实战课': { questionP: 0.91, questionR: 0.86, problemF1: 0.43, requestF1: 0.36 },
  'geektime:数据结构与算法之美': { questionP: 0.86, questionR: 0.81, problemF1: 0.55, requestF1: 0.45 },
  'youtube:data science': { questionP: 0.8, questionR: 0.87, problemF1: 0.4, requestF1: 0.78 },
  'geektime:React Hooks 核心原理与实战': {
    questionP: 0.83,
    questionR: 0.83,
    problemF1: 0.57,
    requestF1: 0.74,
  },
  'geektime:AI大模型之美': { questionP: 0.9, questionR: 0.84, problemF1: 0.74, requestF1: 0.47 },
  'youtube:game development': { questionP: 0.65, questionR: 0.98, problemF1: 0.52, requestF1: 0.57 },
  'youtube:programming tutorials': { questionP: 0.23, questionR: 0.31, problemF1: 0.36, requestF1: 0.82 },
  'youtube:CS Dojo and CS50': { questionP: 0.85, questionR: 0.82, problemF1: 0.7, requestF1: 0.74 },
  'youtube:Python pipeline and game courses': {
    questionP: 0.87,
    questionR: 0.78,
    problemF1: 0.65,
    requestF1: 0.69,
  },
  'geektime:Redis源码剖析与实战': { questionP: 0.81, questionR: 0.78, problemF1: 0.44, requestF1: 0.19 },
  'geektime:LangChain实战课': { questionP: 0.93, questionR: 0.82, problemF1: 0.7, requestF1: 0.33 },
};

describe('tags on whole audiences', () => {
  for (const set of [...new Set(AUDIENCE_LABELS.map((l) => l.set))])
    it(`${set}: prints P/R/F1 per tag, and holds its floors`, () => {
      const audience = TAGGED_AUDIENCES.find((a) => a.set === set)!;
      const labels = AUDIENCE_LABELS.filter((l) => l.set === set);
      expect(labels.map((l) => l.i)).toEqual(audience.rows.map((r) => r.n));
      const got = analyseLabelled(audience.rows).comments.map((c) => c.tags);
      const kept = labels.flatMap((l, i) => (l.leftOut ? [] : [{ label: l, got: got[i]! }]));
      const rows = kept.map((k) => k.label);
      const [question, problem, request] = TAGS.map((tag) =>
        scores(
          rows,
          kept.map((k) => k.got),
          tag,
        ),
      );
      console.log(
        `${set} (${audience.split}, ${rows.length} comments, ${labels.length - rows.length} left out): ` +
          `question P ${f(question!.p)} R ${f(question!.r)} (n=${question!.n}, target P≥0.90 ${mark(question!.p >= 0.9)} R≥0.85 ${mark(question!.r >= 0.85)}), ` +
          `problem F1 ${f(problem!.f1)} (n=${problem!.n}), request F1 ${f(request!.f1)} (n=${request!.n}) (target F1≥0.75 ${mark(problem!.f1 >= 0.75)} ${mark(request!.f1 >= 0.75)})`,
      );
      const floor = TAG_FLOORS[set]!;
      expect(question!.p).toBeGreaterThanOrEqual(floor.questionP);
      expect(question!.r).toBeGreaterThanOrEqual(floor.questionR);
      expect(problem!.f1).toBeGreaterThanOrEqual(floor.problemF1);
      expect(request!.f1).toBeGreaterThanOrEqual(floor.requestF1);
    });
});

/**
 * Two annotators on whole courses (AUDIENCE_SECOND_LABELS): a second annotator labelled every comment
 * of 容器实战高手课 (dev) and etcd实战课 (held out) from GUIDE.md's tag sections and the texts alone,
 * never the first labels. Scored against the first on the rows both keep, with the rules beside them.
 * Measured when written (Dec 8): the two agree on question, problem and request at F1 0.995, 0.992,
 * 1.000 (容器) and 0.992, 0.938, 0.947 (etcd), where the rules reach 0.917, 0.593, 0.629 and 0.912,
 * 0.447, 0.419, and score almost the same against either annotator. So on whole courses too the
 * shortfall on problem and request is the rules', not the labels'. Both annotators were helper agents
 * reading one guide: their agreement bounds how well the guide defines the tags, not how far people
 * would agree.
 */
describe('two annotators on whole courses', () => {
  for (const set of [...new Set(AUDIENCE_SECOND_LABELS.map((l) => l.set))])
    it(`${set}: prints the second annotator's P/R/F1 against the first, beside the rules'`, () => {
      const audience = TAGGED_AUDIENCES.find((a) => a.set === set)!;
      const first = AUDIENCE_LABELS.filter((l) => l.set === set);
      const second = AUDIENCE_SECOND_LABELS.filter((l) => l.set === set);
      expect(second.map((l) => l.i)).toEqual(first.map((l) => l.i));
      for (const row of second) expect(row.tags.every((t) => TAGS.includes(t))).toBe(true);
      const got = analyseLabelled(audience.rows).comments.map((c) => c.tags);
      const kept = first.flatMap((l, k) => (l.leftOut || second[k]!.leftOut ? [] : [k]));
      const rows = kept.map((k) => first[k]!);
      const line = (tags: Tag[][]) =>
        TAGS.map((tag) => {
          const s = scores(rows, tags, tag);
          return `${tag} P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)} (n=${s.n})`;
        }).join(', ');
      console.log(
        `${set} (${audience.split}, ${rows.length} comments both keep):\n` +
          `  second annotator against the first: ${line(kept.map((k) => second[k]!.tags))}\n` +
          `  the rules against the first:        ${line(kept.map((k) => got[k]!))}`,
      );
      // The rules are scored against labels that define the tags well: two readings of them agree.
      for (const tag of TAGS)
        expect(
          scores(
            rows,
            kept.map((k) => second[k]!.tags),
            tag,
          ).f1,
        ).toBeGreaterThanOrEqual(0.9);
    });
});

/**
 * A label's words are what several of its comments write (lib/audience/labels.ts): each word of a theme
 * label (themes of three comments or more) and of a repeated need's label, shown as the view shows it,
 * is counted as written by two of the group's comments or more (in their lower-cased text), per split
 * and language over every tagged audience. Measured Dec 8: before labels counted a word once per
 * comment, 0.64 (dev zh), 0.63 (held-out zh), 0.62 (dev en) and 0.63 (held-out en), where one long
 * comment repeating a phrase ("欧冠冠军" four times) led a theme of eight; after, 0.96, 0.96, 0.91 and
 * 0.98. The floors are those less 0.03. Two helper readers then compared, blind and in random order, the
 * labels before and after (with generic words ranked last, below) on the 264 groups of these audiences
 * whose label changed, from up to eight of each group's comments: in English the new label was better
 * 14 and 15 times, the old 6 and 7 (the rest "same"); in Chinese it was even, 42 against 43 and 42
 * against 47. A proxy that counts words is not what a reader sees: both named words from one comment and
 * filler ("请问下", "通过", "比如") as what made a label worse. Ranking stopwords-iso's Chinese function
 * words last as well changed 12 Chinese labels ("docker / 通过 / 最近" → "docker / 最近 / 退出"); two readers,
 * blind, found the new one better 9 and 11 times, the old never.
 */
const LABEL_WORDS_FLOORS: Record<string, number> = {
  'dev zh': 0.93,
  'heldout zh': 0.93,
  'dev en': 0.88,
  'heldout en': 0.95,
};

/**
 * Labels led by a word any course audience writes (GENERIC_NEED_WORDS: "问题", "使用", "learn"), which names
 * no subject. Measured Dec 8 before such words were ranked last: 8 of 75 labels (dev zh), 17 of 168
 * (held-out zh), 4 of 44 and 1 of 27 (en); after, 2, 1, 2 and 0. The ceiling is the largest share
 * after (0.05, English dev) and 0.03 more.
 */
const GENERIC_LEAD_CEILING = 0.08;

describe('labels, in the words several comments write', () => {
  it('prints how many label words two comments of their group write and how many labels a generic word leads, per split and language, and holds their bounds', () => {
    const counts = new Map<string, { words: number; shared: number; labels: number; ledByGeneric: number }>();
    for (const audience of TAGGED_AUDIENCES) {
      const report = analyseLabelled(audience.rows);
      const texts = audience.rows.map((row) => normalise(row.text).toLowerCase());
      const row = new Map(report.comments.map((c, i) => [c.id, i]));
      const groups = [
        ...report.themes
          .filter((t) => t.size >= 3)
          .map((t) => ({
            label: t.label,
            members: report.comments.flatMap((c, i) => (c.theme === t.id ? [i] : [])),
          })),
        ...report.repeats.map((r) => ({ label: r.label, members: r.comments.map((id) => row.get(id)!) })),
      ];
      const key = `${audience.split} ${audience.lang}`;
      const count = counts.get(key) ?? { words: 0, shared: 0, labels: 0, ledByGeneric: 0 };
      for (const { label, members } of groups) {
        const words = label.split(' / ');
        count.labels++;
        if (GENERIC_NEED_WORDS.has(words[0]!)) count.ledByGeneric++;
        for (const word of words) {
          count.words++;
          if (members.filter((i) => texts[i]!.includes(word.toLowerCase())).length >= 2) count.shared++;
        }
      }
      counts.set(key, count);
    }
    for (const [key, { words, shared, labels, ledByGeneric }] of counts) {
      console.log(
        `${key}: ${shared} of ${words} label words written by two comments of their group or more (${f(shared / words)}); ` +
          `${ledByGeneric} of ${labels} labels led by a word any audience writes ("问题", "learn")`,
      );
      expect(shared / words).toBeGreaterThanOrEqual(LABEL_WORDS_FLOORS[key]!);
      expect(ledByGeneric / labels).toBeLessThanOrEqual(GENERIC_LEAD_CEILING);
    }
  });
});
