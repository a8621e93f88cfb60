/**
 * The whole understanding of an audience in one pure call on plain data, so the UI can run it in a
 * Web Worker: comments tagged and grouped into ranked themes (with the user's edits applied),
 * content ideas, the audience profile, and competitors' audiences apart from the user's own.
 */

import { addDays, weekKey } from '../metrics/time';
import { editedTheme, NO_EDITS, type ThemeEdits } from './edits';
import { themeLabels } from './labels';
import { audienceProfile, type Profile } from './profile';
import { repeatedNeeds } from './repeats';
import { SEEDS } from './seeds';
import { answeredBy, needText, sideThread, tagsOf } from './tags';
import { languageOf, normalise } from './text';
import { groupComments, mainNeed, type ThemeCentre } from './themes';
import { GENERIC_NEED_WORDS, tokenize } from './tokens';
import { type AccountLike, type CommentLike, type Lang, OTHER, type PostLike, type Tag } from './types';

export interface AudienceInput {
  comments: readonly CommentLike[];
  posts?: readonly PostLike[];
  accounts?: readonly AccountLike[];
  /** The user's own account ids (authorId values). */
  ownIds?: readonly string[];
  competitorIds?: readonly string[];
  /** Epoch ms; callers pass lib/clock's now(). */
  now: number;
  timeZone: string;
  edits?: ThemeEdits;
  /** The previous run's `centres`: themes keep their ids and meaning. */
  previous?: readonly ThemeCentre[];
}

export interface AnalysedComment {
  id: string;
  platform: string;
  lang: Lang;
  tags: Tag[];
  theme: string;
}

export interface ThemeSummary {
  id: string;
  /** The user's name for it, else its key terms as the comments write them ("series", not "serie"). */
  label: string;
  /** Key terms as grouping holds them (stems, rebuilt Han phrases): what ideas match posts on. */
  terms: string[];
  size: number;
  /** Distinct commenters. */
  people: number;
  /** Ids of the most typical comment, then the most liked one (when different). */
  examples: string[];
  score: number;
  pinned: boolean;
  /** Comments per week (Monday keys), oldest first, the last being the current week. */
  weekly: { week: string; count: number }[];
  /** The user answered at least one of its comments. */
  replied: boolean;
}

export interface Idea {
  theme: string;
  reason: 'unaddressed' | 'rising';
}

/** One need raised by several people in nearly the same words (./repeats.ts). */
export interface RepeatedNeed {
  need: Tag;
  /** Its subject words as the comments write them. */
  label: string;
  /** Comment ids, the most liked first. */
  comments: string[];
  /** Distinct commenters. */
  people: number;
}

export interface AudienceSide {
  comments: AnalysedComment[];
  themes: ThemeSummary[];
  /** The 30 raised by the most people, then the most recently. */
  repeats: RepeatedNeed[];
  centres: ThemeCentre[];
}

export interface AudienceReport extends AudienceSide {
  ideas: Idea[];
  profile: Profile;
  /** Comments under competitors' posts, grouped on their own. */
  competitors: AudienceSide & { questions: string[] };
}

const DAY = 86_400_000;
const HALF_LIFE_DAYS = 30;
const WEEKS = 8;
const EXAMPLE_MIN_CHARS = 8;

interface Prepared {
  comment: CommentLike;
  text: string;
  duplicateKey: string;
  lang: Lang;
  tags: Tag[];
  tokens: string[];
  at: number | null;
}

const timeOf = (c: { createdAt?: string | null }): number | null => {
  const ms = c.createdAt ? Date.parse(c.createdAt) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
};

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Copies differ by case, spacing and punctuation only; one copy stands for all in grouping. Read
 * by index with ASCII and the main CJK block decided without a regex (a Unicode replace over every
 * comment cost a tenth of the analysis).
 */
function duplicateKey(text: string): string {
  const lower = text.toLowerCase();
  let key = '';
  // Start of the run of kept characters being read, or -1.
  let from = -1;
  for (let i = 0; i < lower.length; ) {
    const c = lower.charCodeAt(i);
    let width = 1;
    let kept: boolean;
    if (c < 0x80) kept = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    else if (c >= 0x4e00 && c <= 0x9fff) kept = true;
    else {
      const ch = String.fromCodePoint(lower.codePointAt(i)!);
      width = ch.length;
      kept = LETTER_OR_DIGIT.test(ch);
    }
    if (kept && from < 0) from = i;
    if (!kept && from >= 0) {
      key += lower.slice(from, i);
      from = -1;
    }
    i += width;
  }
  return from >= 0 ? key + lower.slice(from) : key;
}

function prepare(comment: CommentLike): Prepared {
  const text = normalise(comment.text);
  const lang = languageOf(text);
  const side = sideThread(comment);
  const tags = tagsOf(text, lang, side);
  return {
    comment,
    text,
    duplicateKey: duplicateKey(text),
    lang,
    tags,
    // Only comments with a need are grouped (by the words of their need): the others need no tokens.
    tokens: tags.length > 0 ? tokenize(needText(text, lang, side), lang) : [],
    at: timeOf(comment),
  };
}

function analyseSide(prepared: Prepared[], input: AudienceInput, own: ReadonlySet<string>): AudienceSide {
  const edits = input.edits ?? NO_EDITS;
  const firstOf = new Map<string, number>();
  const docs = prepared.map((p, i) => {
    const first = firstOf.get(p.duplicateKey);
    if (first === undefined) firstOf.set(p.duplicateKey, i);
    return {
      tokens: first === undefined ? p.tokens : [],
      need: first === undefined && p.tags.length > 0,
      kind: mainNeed(p.tags),
      lang: p.lang,
    };
  });
  const grouping = groupComments(docs, input.previous);
  const themeOf = prepared.map((p) => {
    const raw = grouping.themeOf[firstOf.get(p.duplicateKey)!]!;
    return raw === OTHER ? OTHER : editedTheme(edits, raw, p.tokens);
  });
  const comments = prepared.map((p, i) => ({
    id: p.comment.id,
    platform: p.comment.platform,
    lang: p.lang,
    tags: p.tags,
    theme: themeOf[i]!,
  }));
  const members = new Map<string, number[]>();
  themeOf.forEach((t, i) => {
    if (t === OTHER) return;
    const list = members.get(t);
    if (list) list.push(i);
    else members.set(t, [i]);
  });
  const labels = themeLabels(
    new Map(
      [...members].map(([t, idx]) => [
        t,
        { tokens: idx.map((i) => prepared[i]!.tokens), texts: idx.map((i) => prepared[i]!.text) },
      ]),
    ),
  );
  const answered = answeredBy(
    prepared.map((p) => p.comment),
    own,
  );
  const thisWeek = weekKey(input.now, input.timeZone);
  const weeks = Array.from({ length: WEEKS }, (_, k) => addDays(thisWeek, -7 * (WEEKS - 1 - k)));
  const themes = [...members].map(([id, idx]): ThemeSummary => {
    const byAuthor = new Map<string, number>();
    let likes = 0;
    const weekly = new Map(weeks.map((w) => [w, 0]));
    for (const i of idx) {
      const { comment, at } = prepared[i]!;
      const recency = at === null ? 0.5 : 0.5 ** (Math.max(0, input.now - at) / DAY / HALF_LIFE_DAYS);
      byAuthor.set(comment.authorId, Math.max(byAuthor.get(comment.authorId) ?? 0, recency));
      likes += comment.metrics?.likes ?? 0;
      if (at !== null) {
        const w = weekKey(at, input.timeZone);
        if (weekly.has(w)) weekly.set(w, weekly.get(w)! + 1);
      }
    }
    let people = 0;
    for (const r of byAuthor.values()) people += r;
    const readable = idx.filter((i) => prepared[i]!.text.length >= EXAMPLE_MIN_CHARS);
    const pool = readable.length > 0 ? readable : idx;
    const typical = pool.reduce((a, b) => (grouping.similarity[b]! > grouping.similarity[a]! ? b : a));
    const liked = pool.reduce((a, b) =>
      (prepared[b]!.comment.metrics?.likes ?? 0) > (prepared[a]!.comment.metrics?.likes ?? 0) ? b : a,
    );
    const { terms, shown } = labels.get(id)!;
    return {
      id,
      label: edits.renames[id] ?? shown.join(' / '),
      terms,
      size: idx.length,
      people: byAuthor.size,
      examples: [...new Set([typical, liked])].map((i) => prepared[i]!.comment.id),
      score: Math.round(people * (1 + Math.log10(1 + likes)) * 1000) / 1000,
      pinned: edits.pins.includes(id),
      weekly: weeks.map((week) => ({ week, count: weekly.get(week)! })),
      replied: idx.some((i) => answered.has(prepared[i]!.comment.id)),
    };
  });
  themes.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.score - a.score || (a.id < b.id ? -1 : 1));
  return { comments, themes, repeats: repeatsOf(prepared, own), centres: grouping.centres };
}

/** Repeated needs kept: the most people's; the long tail of pairs costs labels nobody reads. */
const REPEATS_KEPT = 30;

/**
 * Needs several people raised. One copy of a text stands for all in the grouping, which needs two
 * texts at least; then every copy joins its group, so the people who wrote the same words count too.
 * The user's own words are no need.
 */
function repeatsOf(prepared: Prepared[], own: ReadonlySet<string>): RepeatedNeed[] {
  // Per text, its copies by others than the user, the first standing for them all.
  const copies = new Map<number, number[]>();
  const first = new Map<string, number>();
  prepared.forEach((p, i) => {
    if (own.has(p.comment.authorId)) return;
    const at = first.get(p.duplicateKey);
    if (at === undefined) {
      first.set(p.duplicateKey, i);
      copies.set(i, [i]);
    } else copies.get(at)!.push(i);
  });
  const peopleOf = (g: number[]) => new Set(g.map((i) => prepared[i]!.comment.authorId)).size;
  // A reduce, not Math.max(...): a text copied by thousands would overflow the argument list.
  const newest = (g: number[]) => g.reduce((latest, i) => Math.max(latest, prepared[i]!.at ?? 0), 0);
  const groups = repeatedNeeds(
    prepared.map((p, i) => ({
      tokens: p.tokens,
      kind: copies.has(i) ? mainNeed(p.tags) : undefined,
      author: p.comment.authorId,
    })),
  )
    .map((texts) => texts.flatMap((i) => copies.get(i)!))
    .map((g) => ({ g, people: peopleOf(g), newest: newest(g) }))
    .sort((x, y) => y.people - x.people || y.newest - x.newest)
    .slice(0, REPEATS_KEPT);
  const labels = themeLabels(
    new Map(
      groups.map(({ g }, k) => [
        String(k),
        { tokens: g.map((i) => prepared[i]!.tokens), texts: g.map((i) => prepared[i]!.text) },
      ]),
    ),
    2,
  );
  const likes = (i: number) => prepared[i]!.comment.metrics?.likes ?? 0;
  return groups.map(({ g, people }, k) => ({
    need: mainNeed(prepared[g[0]!]!.tags)!,
    label: labels.get(String(k))!.shown.join(' / '),
    comments: [...g].sort((a, b) => likes(b) - likes(a) || a - b).map((i) => prepared[i]!.comment.id),
    people,
  }));
}

/**
 * Words that say what kind of need a comment has, not what it is about, so a post writing them does not
 * address a theme they lead: the concept and more-content seeds' words ("区别", "more", "series"), and
 * the words any course audience writes.
 */
const NEED_WORDS = new Set([
  ...SEEDS.filter((s) => s.id === 'concept' || s.id === 'more-content').flatMap((s) => s.terms),
  ...GENERIC_NEED_WORDS,
]);

/** Themes none of the user's posts speaks of, and themes growing this month. */
function ideasOf(side: AudienceSide, prepared: Prepared[], ownPosts: PostLike[], now: number): Idea[] {
  // Key terms are stems or phrases read back from the comments, each a substring of their text.
  const postText = ownPosts.map((p) => normalise(p.text).toLowerCase()).join('\n');
  // Comments in the last 30 days and in the 30 before, per theme, in one pass over the comments.
  const recent = new Map<string, number>();
  const before = new Map<string, number>();
  side.comments.forEach((c, i) => {
    const at = prepared[i]!.at;
    if (c.theme === OTHER || at === null) return;
    if (now - at <= 30 * DAY) recent.set(c.theme, (recent.get(c.theme) ?? 0) + 1);
    else if (now - at <= 60 * DAY) before.set(c.theme, (before.get(c.theme) ?? 0) + 1);
  });
  const ideas: Idea[] = [];
  for (const theme of side.themes) {
    if (theme.size < 2) continue;
    // Addressed when a post speaks of the theme's key subject term; sharing a side term is not enough.
    // A problem or request word ("报错", "confused", "希望老师") says what is wrong or wanted, not what a post
    // would be about; a question phrase keeps its subject ("简历怎么").
    const key = theme.terms.find(
      (term) => !NEED_WORDS.has(term) && !tagsOf(term, languageOf(term)).some((tag) => tag !== 'question'),
    );
    if (key !== undefined && !postText.includes(key)) ideas.push({ theme: theme.id, reason: 'unaddressed' });
    const lately = recent.get(theme.id) ?? 0;
    if (lately >= 3 && lately >= 1.5 * (before.get(theme.id) ?? 0))
      ideas.push({ theme: theme.id, reason: 'rising' });
  }
  return ideas;
}

export function analyseAudience(input: AudienceInput): AudienceReport {
  const own = new Set(input.ownIds ?? []);
  const competitors = new Set(input.competitorIds ?? []);
  const postAuthor = new Map((input.posts ?? []).map((p) => [p.id, p.authorId]));
  const underCompetitor = (c: CommentLike) => {
    const author = postAuthor.get(c.postId || c.conversationId || '');
    return author !== undefined && competitors.has(author);
  };
  const mine: Prepared[] = [];
  const theirs: Prepared[] = [];
  for (const c of input.comments) (underCompetitor(c) ? theirs : mine).push(prepare(c));
  const side = analyseSide(mine, input, own);
  const competitorSide = analyseSide(theirs, { ...input, edits: NO_EDITS, previous: [] }, competitors);
  const ownPosts = (input.posts ?? []).filter((p) =>
    own.size === 0 ? !competitors.has(p.authorId) : own.has(p.authorId),
  );
  return {
    ...side,
    ideas: ideasOf(side, mine, ownPosts, input.now),
    profile: audienceProfile({
      mine: mine.map((p) => ({ comment: p.comment, lang: p.lang, at: p.at })),
      theirs: theirs.map((p) => p.comment),
      accounts: input.accounts ?? [],
      own,
      timeZone: input.timeZone,
    }),
    competitors: {
      ...competitorSide,
      questions: competitorSide.comments.filter((c) => c.tags.includes('question')).map((c) => c.id),
    },
  };
}
