/**
 * The popup's "top questions" of one post: its comments tagged by the rule tagger only (no
 * grouping, so no worker), the questions ranked most liked first, then newest.
 */
import { sideThread, tagsOf } from './tags';
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
}

export interface PostQuestions {
  /** Comments that ask. */
  questions: number;
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

export function topQuestions(comments: readonly CommentLike[], limit = 3): PostQuestions {
  const asking = comments.flatMap((comment) => {
    const text = normalise(comment.text);
    return text && tagsOf(text, languageOf(text), sideThread(comment)).includes('question')
      ? [{ comment, text }]
      : [];
  });
  asking.sort(
    (a, b) =>
      (b.comment.metrics?.likes ?? 0) - (a.comment.metrics?.likes ?? 0) ||
      timeOf(b.comment) - timeOf(a.comment),
  );
  return {
    questions: asking.length,
    comments: comments.length,
    top: asking.slice(0, limit).map(({ comment, text }) => ({
      platform: comment.platform,
      id: comment.id,
      text: cut(text),
      likes: comment.metrics?.likes ?? 0,
    })),
  };
}
