/**
 * Needs several people raised (lib/audience/repeats.ts). Tokens and comments are synthetic, written
 * for these cases; the measured quality on real audiences is in eval.test.ts ("tighter groups").
 */
import { describe, expect, it } from 'vitest';
import { summarise } from '../../../components/audience/summary';
import { analyseAudience } from '../../../lib/audience/analyse';
import { type RepeatDoc, repeatedNeeds } from '../../../lib/audience/repeats';
import type { CommentLike } from '../../../lib/audience/types';

/** Filler needs, each on a subject of its own, so that no subject word is common to many needs. */
const others = (n: number): RepeatDoc[] =>
  Array.from({ length: n }, (_, i) => ({
    tokens: [`topic${i}`, `detail${i}`],
    kind: 'question',
    author: `o${i}`,
  }));

const doc = (tokens: string[], author: string, kind: RepeatDoc['kind'] = 'question'): RepeatDoc => ({
  tokens,
  kind,
  author,
});

describe('repeated needs', () => {
  it('groups comments of different people that share the words of one subject', () => {
    const docs = [
      doc(['tini', 'sigterm', 'forward', 'child'], 'a'),
      doc(['tini', 'sigterm', 'child', 'process'], 'b'),
      doc(['tini', 'sigterm', 'forward', 'grandchild'], 'c'),
      doc(['overlayfs', 'lowerdir', 'mount'], 'd'),
      ...others(40),
    ];
    expect(repeatedNeeds(docs)).toEqual([[0, 1, 2]]);
  });

  it('wants two people: one person asking twice is one need', () => {
    const docs = [
      doc(['tini', 'sigterm', 'forward'], 'a'),
      doc(['tini', 'sigterm', 'child'], 'a'),
      ...others(40),
    ];
    expect(repeatedNeeds(docs)).toEqual([]);
  });

  it('keeps apart a question and a request on one subject, and leaves out comments with no need', () => {
    const docs = [
      doc(['tini', 'sigterm', 'forward'], 'a', 'question'),
      doc(['tini', 'sigterm', 'forward'], 'b', 'request'),
      { tokens: ['tini', 'sigterm', 'forward'], kind: undefined, author: 'c' },
      ...others(40),
    ];
    expect(repeatedNeeds(docs)).toEqual([]);
  });

  it('does not link on words of the whole field or on need marks', () => {
    // "etcd" is in every need here: the course's field, not a subject; § marks say only what is asked.
    const field = Array.from({ length: 30 }, (_, i) => doc(['etcd', `topic${i}`, `detail${i}`], `f${i}`));
    const docs = [doc(['etcd', '§concept', 'raft'], 'a'), doc(['etcd', '§concept', 'lease'], 'b'), ...field];
    expect(repeatedNeeds(docs)).toEqual([]);
  });

  it('joins two groups only when every two of their comments link', () => {
    // a–b and b–c share two words each, a and c share none: a chain is not one need.
    const docs = [
      doc(['mvcc', 'revision', 'compact'], 'a'),
      doc(['mvcc', 'revision', 'watch', 'lease'], 'b'),
      doc(['watch', 'lease', 'keepalive'], 'c'),
      ...others(40),
    ];
    const groups = repeatedNeeds(docs);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toContain(1);
    expect(groups[0]).toHaveLength(2);
  });
});

describe('repeated needs in the analysis and the Audience view', () => {
  const NOW = Date.UTC(2026, 11, 1);
  let seq = 0;
  const comment = (text: string, authorId: string, likes = 0): CommentLike => ({
    platform: 'youtube',
    id: `c${++seq}`,
    postId: 'p1',
    authorId,
    text,
    createdAt: new Date(NOW - seq * 3_600_000).toISOString(),
    metrics: { likes },
  });
  const LANGUAGES = [
    'rust',
    'golang',
    'kotlin',
    'elixir',
    'haskell',
    'zig',
    'ocaml',
    'scala',
    'dart',
    'swift',
  ];
  const comments = [
    comment('How does tini forward SIGTERM to the child process?', 'a', 1),
    comment('Does tini forward SIGTERM to a grandchild process too?', 'b', 5),
    comment('Why does tini forward SIGTERM but not SIGKILL to the child process?', 'c'),
    comment('How does tini forward SIGTERM to the child process?', 'a'),
    ...LANGUAGES.flatMap((l, i) => [
      comment(`How do I set up ${l} on Windows?`, `w${i}`),
      comment(`Is ${l} good for web servers?`, `s${i}`),
    ]),
  ];

  it('names each need by its words, counts its people, and lists its comments most liked first', () => {
    const report = analyseAudience({ comments, now: NOW, timeZone: 'UTC' });
    expect(report.repeats).toHaveLength(1);
    const [repeat] = report.repeats;
    expect(repeat).toMatchObject({ need: 'question', people: 3 });
    // A copy of a text joins its group: a's second "How does tini…" is there, a is counted once.
    expect(repeat!.comments).toEqual([comments[1]!.id, comments[0]!.id, comments[2]!.id, comments[3]!.id]);
    expect(repeat!.label.toLowerCase()).toMatch(/tini|sigterm/);
  });

  it('shows them apart from the needs asked once', () => {
    const report = analyseAudience({ comments, now: NOW, timeZone: 'UTC' });
    const summary = summarise(report, comments);
    expect(summary.repeats).toHaveLength(1);
    // Each wording once: the copy is counted in "more", not shown again.
    expect(summary.repeats[0]!.texts.map((t) => t.id)).toEqual(report.repeats[0]!.comments.slice(0, 3));
    expect(summary.repeats[0]!.more).toBe(1);
    const copy = comment('How does tini forward SIGTERM to the child process?', 'd', 9);
    const withCopy = [copy, ...comments];
    const copied = summarise(analyseAudience({ comments: withCopy, now: NOW, timeZone: 'UTC' }), withCopy)
      .repeats[0]!;
    expect(new Set(copied.texts.map((t) => t.text)).size).toBe(copied.texts.length);
    expect(copied.texts.length + copied.more).toBe(5);
    const repeated = new Set(report.repeats[0]!.comments);
    expect(summary.singles.some((s) => repeated.has(s.id))).toBe(false);
  });

  it('wants two texts: one text copied by several people is not grouped on its own', () => {
    const copied = [0, 1, 2].map((k) =>
      comment('Does tini forward SIGTERM to a grandchild process?', `p${k}`),
    );
    const report = analyseAudience({
      comments: [...copied, ...comments.slice(4)],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(report.repeats).toEqual([]);
  });

  it("leaves the user's own words out", () => {
    const report = analyseAudience({ comments, now: NOW, timeZone: 'UTC', ownIds: ['b'] });
    expect(report.repeats.flatMap((r) => r.comments)).not.toContain(comments[1]!.id);
  });
});
