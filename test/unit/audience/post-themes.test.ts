/**
 * The themes the Posts view shows for one post (components/audience/post-themes.ts) and the edit
 * state the Audience view shows per theme (components/audience/edit-state.ts), both read from one
 * analysis of the real English labelled comments (test/fixtures/audience), spread over three posts:
 * one a competitor's, and X replies found by their thread.
 */
import { describe, expect, it } from 'vitest';
import { editStateOf, SPLIT_CHOICES } from '../../../components/audience/edit-state';
import { postThemes } from '../../../components/audience/post-themes';
import { analyseAudience } from '../../../lib/audience/analyse';
import { editsOf, splitIdOf, type ThemeEditRow } from '../../../lib/audience/edits';
import { type CommentLike, OTHER } from '../../../lib/audience/types';
import { asComment, LABELLED } from './labelled';

const NOW = Date.UTC(2026, 11, 6, 12);
const comments: CommentLike[] = LABELLED.filter((r) => r.lang === 'en').map((row, i) => {
  const c = asComment(row);
  // Every third comment is an X reply in the thread of post x1; the rest under YouTube videos v1 and v2.
  if (i % 3 === 0) return { ...c, platform: 'x', postId: '', conversationId: 'x1' };
  return { ...c, postId: i % 3 === 1 ? 'v1' : 'v2', metrics: { likes: i % 7 } };
});
const posts = [
  { platform: 'youtube', id: 'v1', authorId: 'me', text: 'my video' },
  { platform: 'youtube', id: 'v2', authorId: 'rival', text: 'their video' },
  { platform: 'x', id: 'x1', authorId: 'me', text: 'my thread' },
];
const report = analyseAudience({
  comments,
  posts,
  ownIds: ['me'],
  competitorIds: ['rival'],
  now: NOW,
  timeZone: 'UTC',
});

describe('postThemes', () => {
  for (const [platform, id, side] of [
    ['youtube', 'v1', report],
    ['youtube', 'v2', report.competitors],
    ['x', 'x1', report],
  ] as const)
    it(`${platform} post ${id}: its comments' themes from the one analysis, counted, with a comment of the post as example`, () => {
      const under = comments.filter(
        (c) => c.platform === platform && (c.postId === id || c.conversationId === id),
      );
      const ids = new Set(under.map((c) => c.id));
      const result = postThemes(report, comments, { platform, id });
      expect(result.analysed).toBe(under.length);
      const expected = new Map<string, number>();
      for (const c of side.comments)
        if (ids.has(c.id) && c.platform === platform && c.theme !== OTHER)
          expected.set(c.theme, (expected.get(c.theme) ?? 0) + 1);
      expect(expected.size).toBeGreaterThan(0);
      expect(new Map(result.themes.map((t) => [t.id, t.count]))).toEqual(expected);
      expect(result.inThemes).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      const counts = result.themes.map((t) => t.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      for (const theme of result.themes) {
        expect(theme.label).toBe(side.themes.find((t) => t.id === theme.id)!.label);
        const example = under.find((c) => c.text.startsWith(theme.example.replace(/…$/, '')))!;
        expect(example, theme.example).toBeDefined();
        expect(side.comments.find((c) => c.id === example.id)!.theme).toBe(theme.id);
      }
    });

  it('a post with no analysed comment has no themes', () => {
    expect(postThemes(report, comments, { platform: 'youtube', id: 'elsewhere' })).toEqual({
      analysed: 0,
      inThemes: 0,
      themes: [],
    });
  });
});

describe('editStateOf', () => {
  const [a, b, c] = report.themes;
  const rows: ThemeEditRow[] = [
    { theme: a!.id, label: 'Renamed', pinned: true, updatedAt: 1 },
    { theme: b!.id, mergedInto: c!.id, centre: { alpha: 1 }, updatedAt: 2 },
    { theme: 'gone', shownAs: 'Old name', mergedInto: b!.id, updatedAt: 3 },
    { theme: splitIdOf(c!.id, ['x']), split: { from: c!.id, terms: ['x'] }, updatedAt: 4 },
  ];

  it('names what was merged in (chains too) with a way back, and what a theme was split off', () => {
    const merged = analyseAudience({ comments, now: NOW, timeZone: 'UTC', edits: editsOf(rows) });
    expect(
      editStateOf(c!.id, rows, merged)
        .mergedHere.map((m) => m.theme)
        .sort(),
    ).toEqual([b!.id, 'gone'].sort());
    expect(editStateOf(c!.id, rows, merged).mergedHere.find((m) => m.theme === 'gone')!.label).toBe(
      'Old name',
    );
    expect(editStateOf(splitIdOf(c!.id, ['x']), rows, merged).splitFrom).toEqual({
      theme: c!.id,
      label: merged.themes.find((t) => t.id === c!.id)!.label,
      terms: ['x'],
    });
    expect(editStateOf(a!.id, rows, merged)).toMatchObject({
      renamed: true,
      pinned: true,
      mergedHere: [],
      splitFrom: null,
    });
  });

  it('offers the strongest terms of the theme to split it by, and its centre to keep its meaning', () => {
    const state = editStateOf(a!.id, [], report);
    const centre = report.centres.find((x) => x.id === a!.id)!.terms;
    expect(state.centre).toEqual(centre);
    expect(state.splitTerms).toEqual(
      Object.entries(centre)
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, SPLIT_CHOICES)
        .map(([t]) => t),
    );
    expect(state.splitTerms.length).toBeGreaterThan(1);
  });
});
