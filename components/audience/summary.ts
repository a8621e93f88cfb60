/**
 * What the Audience view shows, derived from one analysis report: pure, so it is tested without a
 * browser. Comment texts are looked up by id; the view renders them as text only.
 */
import type { AnalysedComment, AudienceReport, AudienceSide, ThemeSummary } from '@/lib/audience/analyse';
import { type CommentLike, OTHER, type Tag } from '@/lib/audience/types';
import type { CoursePost } from './load';

/** Themes listed per section: the rest are a long tail of pairs. */
export const MAX_THEMES = 15;
/** Needs outside any theme listed: one person's question is still worth an answer. */
export const MAX_SINGLE_NEEDS = 10;
/** Needs raised by several people listed, and comments shown of each. */
const MAX_REPEATS = 10;
const MAX_REPEAT_TEXTS = 3;
/** Longest comment shown as a theme's example. */
const MAX_EXAMPLE = 280;

export interface ThemeRow {
  id: string;
  label: string;
  size: number;
  people: number;
  example: string;
  tags: Record<Tag, number>;
  replied: boolean;
  rising: boolean;
  pinned: boolean;
}

/** A question, problem or request no other comment shares (yet). */
export interface NeedRow {
  id: string;
  platform: string;
  text: string;
  tags: Tag[];
  likes: number;
}

/** One need several people raised in nearly the same words, with the comments that say it. */
export interface RepeatRow {
  id: string;
  label: string;
  need: Tag;
  people: number;
  /** Its different wordings, the most liked first, at most MAX_REPEAT_TEXTS. */
  texts: { id: string; text: string }[];
  /** Comments in the group beyond those shown (copies among them). */
  more: number;
}

/** A competitor's post offering a course, with the questions its commenters asked. */
export interface CourseQuestions {
  postId: string;
  course: string;
  questions: NeedRow[];
}

export interface IdeaRow {
  id: string;
  label: string;
  example: string;
  reasons: ('unaddressed' | 'rising')[];
}

export interface AudienceSummary {
  /** The user's audience: comments analysed and those expressing a need. */
  comments: number;
  needs: number;
  themes: ThemeRow[];
  /** Needs several people raised, most people first. */
  repeats: RepeatRow[];
  /** Needs in no theme and raised by one person, most liked first, then newest. */
  singles: NeedRow[];
  ideas: IdeaRow[];
  competitorComments: number;
  competitorThemes: ThemeRow[];
  competitorRepeats: RepeatRow[];
  competitorSingles: NeedRow[];
  /** Questions under competitors' course posts, most liked first; posts without questions left out. */
  competitorCourseQuestions: CourseQuestions[];
  /** The three local hours with the most comments, busiest first (only hours with comments). */
  topHours: { hour: number; comments: number }[];
}

const clip = (text: string): string =>
  text.length > MAX_EXAMPLE ? `${text.slice(0, MAX_EXAMPLE - 1)}…` : text;

function rowsOf(side: AudienceSide, textOf: Map<string, string>, rising: Set<string>): ThemeRow[] {
  const tags = new Map<string, Record<Tag, number>>();
  for (const c of side.comments) {
    if (c.tags.length === 0) continue;
    const counts = tags.get(c.theme) ?? { question: 0, problem: 0, request: 0 };
    for (const tag of c.tags) counts[tag]++;
    tags.set(c.theme, counts);
  }
  return side.themes.slice(0, MAX_THEMES).map((t: ThemeSummary) => ({
    id: t.id,
    label: t.label,
    size: t.size,
    people: t.people,
    example: clip(textOf.get(t.examples[0] ?? '') ?? ''),
    tags: tags.get(t.id) ?? { question: 0, problem: 0, request: 0 },
    replied: t.replied,
    rising: rising.has(t.id),
    pinned: t.pinned,
  }));
}

/** The comments `keep` accepts, most liked first, then newest. */
function needsOf(
  side: AudienceSide,
  byId: Map<string, CommentLike>,
  keep: (a: AnalysedComment, c: CommentLike) => boolean,
): NeedRow[] {
  const at = (c: CommentLike) => (c.createdAt ? Date.parse(c.createdAt) || 0 : 0);
  return side.comments
    .flatMap((a) => {
      const c = byId.get(a.id);
      return c && keep(a, c) ? [{ a, c }] : [];
    })
    .sort(
      (x, y) =>
        (y.c.metrics?.likes ?? 0) - (x.c.metrics?.likes ?? 0) ||
        at(y.c) - at(x.c) ||
        (x.a.id < y.a.id ? -1 : 1),
    )
    .slice(0, MAX_SINGLE_NEEDS)
    .map(({ a, c }) => ({
      id: a.id,
      platform: a.platform,
      text: clip(c.text),
      tags: a.tags,
      likes: c.metrics?.likes ?? 0,
    }));
}

function singlesOf(side: AudienceSide, byId: Map<string, CommentLike>): NeedRow[] {
  const repeated = new Set(side.repeats.flatMap((r) => r.comments));
  return needsOf(side, byId, (a) => a.theme === OTHER && a.tags.length > 0 && !repeated.has(a.id));
}

function repeatsOf(side: AudienceSide, textOf: Map<string, string>): RepeatRow[] {
  return side.repeats.slice(0, MAX_REPEATS).map((r) => {
    // Its different wordings: copies of one text are counted, not shown again.
    const seen = new Set<string>();
    const texts = r.comments.flatMap((id) => {
      const text = clip(textOf.get(id) ?? '');
      const key = text.trim().toLowerCase();
      if (seen.has(key) || seen.size >= MAX_REPEAT_TEXTS) return [];
      seen.add(key);
      return [{ id, text }];
    });
    return {
      id: r.comments[0]!,
      label: r.label,
      need: r.need,
      people: r.people,
      texts,
      more: r.comments.length - texts.length,
    };
  });
}

function courseQuestionsOf(
  side: AudienceSide,
  byId: Map<string, CommentLike>,
  coursePosts: readonly CoursePost[],
): CourseQuestions[] {
  return coursePosts.flatMap((post) => {
    const questions = needsOf(
      side,
      byId,
      (a, c) =>
        a.platform === post.platform &&
        a.tags.includes('question') &&
        (c.postId === post.postId || c.conversationId === post.postId),
    );
    return questions.length > 0 ? [{ postId: post.postId, course: post.course, questions }] : [];
  });
}

export function summarise(
  report: AudienceReport,
  comments: readonly CommentLike[],
  coursePosts: readonly CoursePost[] = [],
): AudienceSummary {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const textOf = new Map(comments.map((c) => [c.id, c.text]));
  const rising = new Set(report.ideas.filter((i) => i.reason === 'rising').map((i) => i.theme));
  const themeById = new Map(report.themes.map((t) => [t.id, t]));
  const ideas = new Map<string, IdeaRow>();
  for (const idea of report.ideas) {
    const theme = themeById.get(idea.theme);
    if (!theme) continue;
    const row = ideas.get(idea.theme) ?? {
      id: theme.id,
      label: theme.label,
      example: clip(textOf.get(theme.examples[0] ?? '') ?? ''),
      reasons: [],
    };
    row.reasons.push(idea.reason);
    ideas.set(idea.theme, row);
  }
  return {
    comments: report.comments.length,
    needs: report.comments.filter((c) => c.tags.length > 0).length,
    themes: rowsOf(report, textOf, rising),
    repeats: repeatsOf(report, textOf),
    singles: singlesOf(report, byId),
    ideas: [...ideas.values()].slice(0, MAX_THEMES),
    competitorComments: report.competitors.comments.length,
    competitorThemes: rowsOf(report.competitors, textOf, new Set()),
    competitorRepeats: repeatsOf(report.competitors, textOf),
    competitorSingles: singlesOf(report.competitors, byId),
    competitorCourseQuestions: courseQuestionsOf(report.competitors, byId, coursePosts),
    topHours: report.profile.hours
      .map((n, hour) => ({ hour, comments: n }))
      .filter((h) => h.comments > 0)
      .sort((a, b) => b.comments - a.comments || a.hour - b.hour)
      .slice(0, 3),
  };
}
