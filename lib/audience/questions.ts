/**
 * The popup's "top questions" of one post: its comments tagged by the rule tagger only (no
 * grouping, so no worker), the questions its author has not answered first, then the most liked,
 * then the newest.
 */
import { answeredBy, sideThread, tagsOf } from './tags';
import { languageOf, normalise } from './text';
import type { CommentLike } from './types';

/** Longer question texts are cut for the popup's narrow list. */
const MAX_SHOWN_CHARS = 140;

export interface TopQuestion {
  platform: string;
  id: string;
  /** Normalised (no links, mentions or stickers) and cut to MAX_SHOWN_CHARS. */
  text: string;
  likes: number;
  /** The post's author replied to it. */
  answered: boolean;
}

export interface PostQuestions {
  /** Comments that ask (the post author's own replies are not among them). */
  questions: number;
  /** …of which the post's author has answered none. */
  unanswered: number;
  /** Comments read. */
  comments: number;
  top: TopQuestion[];
}

const timeOf = (c: CommentLike): number => {
  const ms = c.createdAt ? Date.parse(c.createdAt) : Number.NaN;
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
};

const cut = (text: string): string =>
  text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 1)}…` : text;

/** `authors`: the posts' authors, whose replies answer and never ask. */
export function topQuestions(
  comments: readonly CommentLike[],
  authors: ReadonlySet<string> = new Set(),
  limit = 3,
): PostQuestions {
  const answered = answeredBy(comments, authors);
  const asking = comments.flatMap((comment) => {
    if (authors.has(comment.authorId)) return [];
    const text = normalise(comment.text);
    return text && tagsOf(text, languageOf(text), sideThread(comment)).includes('question')
      ? [{ comment, text, answered: answered.has(comment.id) }]
      : [];
  });
  asking.sort(
    (a, b) =>
      Number(a.answered) - Number(b.answered) ||
      (b.comment.metrics?.likes ?? 0) - (a.comment.metrics?.likes ?? 0) ||
      timeOf(b.comment) - timeOf(a.comment),
  );
  return {
    questions: asking.length,
    unanswered: asking.filter((q) => !q.answered).length,
    comments: comments.length,
    top: asking.slice(0, limit).map(({ comment, text, answered }) => ({
      platform: comment.platform,
      id: comment.id,
      text: cut(text),
      likes: comment.metrics?.likes ?? 0,
      answered,
    })),
  };
}
