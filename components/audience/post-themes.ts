/**
 * A post's themes for the Posts view: the themes among the comments under it, read from the one
 * audience analysis the Audience tab shows (no second grouping), each with how many of the post's
 * comments it holds and a typical one. Pure.
 */
import type { AnalysedComment, AudienceReport, AudienceSide } from '@/lib/audience/analyse';
import { type CommentLike, OTHER } from '@/lib/audience/types';

export interface PostTheme {
  id: string;
  label: string;
  /** The post's comments in the theme. */
  count: number;
  /** The theme's typical comment when it is under this post, else the post's most liked one in it. */
  example: string;
}

export interface PostThemes {
  /** The post's comments among those analysed. */
  analysed: number;
  inThemes: number;
  /** Most comments first. */
  themes: PostTheme[];
}

const MAX_EXAMPLE = 280;
const clip = (text: string) => (text.length > MAX_EXAMPLE ? `${text.slice(0, MAX_EXAMPLE - 1)}…` : text);

/** A comment is under the post when it names it as its post, or (X) as the thread's root or the post answered. */
const isUnder = (c: CommentLike, post: { platform: string; id: string }) =>
  c.platform === post.platform &&
  (c.postId === post.id || c.conversationId === post.id || c.replyTo === post.id);

export function postThemes(
  report: AudienceReport,
  comments: readonly CommentLike[],
  post: { platform: string; id: string },
): PostThemes {
  const under = new Map(comments.filter((c) => isUnder(c, post)).map((c) => [c.id, c]));
  // A post is the user's or a competitor's: its comments are on one side of the analysis.
  const found: { side: AudienceSide; comment: AnalysedComment }[] = [];
  for (const side of [report, report.competitors])
    for (const comment of side.comments)
      if (comment.platform === post.platform && under.has(comment.id)) found.push({ side, comment });
  const groups = new Map<string, { side: AudienceSide; ids: string[] }>();
  for (const { side, comment } of found) {
    if (comment.theme === OTHER) continue;
    const group = groups.get(comment.theme) ?? { side, ids: [] };
    group.ids.push(comment.id);
    groups.set(comment.theme, group);
  }
  const likes = (id: string) => under.get(id)?.metrics?.likes ?? 0;
  const themes = [...groups].flatMap(([id, { side, ids }]): PostTheme[] => {
    const theme = side.themes.find((t) => t.id === id);
    if (!theme) return [];
    const typical =
      theme.examples.find((e) => ids.includes(e)) ??
      ids.reduce((a, b) => (likes(b) > likes(a) || (likes(b) === likes(a) && b < a) ? b : a));
    return [{ id, label: theme.label, count: ids.length, example: clip(under.get(typical)?.text ?? '') }];
  });
  themes.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  return {
    analysed: found.length,
    inThemes: themes.reduce((n, t) => n + t.count, 0),
    themes,
  };
}
