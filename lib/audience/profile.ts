/**
 * Who comments, from what the sites show and nothing inferred: repeat commenters (the 忠诚
 * candidates), follower counts, the words people use to describe themselves in their bios (counted
 * from the data, so "转行" or "bootcamp" surface without a fixed list), locations where shown, the
 * hours they comment (feeding posting suggestions), languages, and overlap with competitors'
 * audiences.
 */
import { localParts } from '../metrics/time';
import { languageOf, normalise } from './text';
import { tokenize } from './tokens';
import type { AccountLike, CommentLike, Lang } from './types';

export interface Profile {
  commenters: number;
  /** People with comments under two or more posts, most comments first (at most 20). */
  repeat: { authorId: string; handle: string; comments: number; posts: number }[];
  /** Commenters per follower range; `unknown` when no account record says. */
  followers: { range: string; people: number }[];
  selfDescriptions: { term: string; people: number }[];
  locations: { place: string; people: number }[];
  /** Comments per local hour 0–23 and per weekday Mon–Sun, in the user's time zone. */
  hours: number[];
  weekdays: number[];
  languages: Record<Lang, number>;
  /** Commenters also seen under competitors' posts. */
  sharedWithCompetitors: number;
}

export interface ProfileInput {
  mine: { comment: CommentLike; lang: Lang; at: number | null }[];
  theirs: CommentLike[];
  accounts: readonly AccountLike[];
  own: ReadonlySet<string>;
  timeZone: string;
}

const RANGES: [string, number][] = [
  ['<100', 100],
  ['100–999', 1_000],
  ['1k–9.9k', 10_000],
  ['10k–99k', 100_000],
  ['≥100k', Number.POSITIVE_INFINITY],
];
const MAX_LISTED = 20;
/** A self-description or place must be shared by this many people to be listed. */
const MIN_PEOPLE = 2;

function counted(people: Map<string, Set<string>>, min = MIN_PEOPLE): { key: string; people: number }[] {
  return [...people]
    .map(([key, set]) => ({ key, people: set.size }))
    .filter((e) => e.people >= min)
    .sort((a, b) => b.people - a.people || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_LISTED);
}

export function audienceProfile(input: ProfileInput): Profile {
  const audience = input.mine.filter((m) => !input.own.has(m.comment.authorId));
  const accountOf = new Map(input.accounts.map((a) => [`${a.platform}:${a.id}`, a]));
  const byAuthor = new Map<string, { handle: string; comments: number; posts: Set<string>; key: string }>();
  const hours = new Array<number>(24).fill(0);
  const weekdays = new Array<number>(7).fill(0);
  const languages: Record<Lang, number> = { zh: 0, en: 0 };
  for (const { comment, lang, at } of audience) {
    const a = byAuthor.get(comment.authorId) ?? {
      handle: comment.authorHandle ?? comment.authorName ?? comment.authorId,
      comments: 0,
      posts: new Set<string>(),
      key: `${comment.platform}:${comment.authorId}`,
    };
    a.comments++;
    a.posts.add(comment.postId || comment.conversationId || '');
    byAuthor.set(comment.authorId, a);
    languages[lang]++;
    if (at !== null) {
      const parts = localParts(at, input.timeZone);
      hours[parts.hour]!++;
      weekdays[parts.weekday]!++;
    }
  }
  const followers = new Map(RANGES.map(([range]) => [range, 0]));
  let unknown = 0;
  const terms = new Map<string, Set<string>>();
  const places = new Map<string, Set<string>>();
  for (const [authorId, a] of byAuthor) {
    const account = accountOf.get(a.key);
    if (account?.followers === undefined) unknown++;
    else {
      const range = RANGES.find(([, below]) => account.followers! < below)![0];
      followers.set(range, followers.get(range)! + 1);
    }
    if (account?.bio) {
      const bio = normalise(account.bio);
      for (const t of new Set(tokenize(bio, languageOf(bio), false)))
        terms.set(t, (terms.get(t) ?? new Set()).add(authorId));
    }
    const place = account?.location?.trim();
    if (place) places.set(place, (places.get(place) ?? new Set()).add(authorId));
  }
  const competitorAudience = new Set(input.theirs.map((c) => c.authorId));
  return {
    commenters: byAuthor.size,
    repeat: [...byAuthor]
      .filter(([, a]) => a.posts.size >= 2)
      .sort((x, y) => y[1].comments - x[1].comments || (x[0] < y[0] ? -1 : 1))
      .slice(0, MAX_LISTED)
      .map(([authorId, a]) => ({ authorId, handle: a.handle, comments: a.comments, posts: a.posts.size })),
    followers: [
      ...RANGES.map(([range]) => ({ range, people: followers.get(range)! })),
      { range: 'unknown', people: unknown },
    ],
    selfDescriptions: counted(terms).map(({ key, people }) => ({ term: key, people })),
    locations: counted(places, 1).map(({ key, people }) => ({ place: key, people })),
    hours,
    weekdays,
    languages,
    sharedWithCompetitors: [...byAuthor.keys()].filter((id) => competitorAudience.has(id)).length,
  };
}
