/**
 * labelled.ts drawPairs, the draw readers judge for the eval: what it keeps when grouping changes is
 * what makes a change cheap to judge again.
 */
import { describe, expect, it } from 'vitest';
import { OTHER } from '../../../lib/audience/types';
import { drawPairs } from './labelled';

/** 60 comments in three themes of 20, the last 10 in "other" (synthetic). */
const themes = Array.from({ length: 70 }, (_, i) => (i >= 60 ? OTHER : `t${i % 3}`));
const key = ([i, j]: [number, number]) => `${i}-${j}`;

describe('drawPairs', () => {
  it('draws pairs of one theme and controls of two, never "other", the same every time', () => {
    const draw = drawPairs('set', themes, 50, 10);
    expect(draw.theme).toHaveLength(50);
    expect(draw.control).toHaveLength(10);
    for (const [i, j] of draw.theme) {
      expect(i).toBeLessThan(j);
      expect(themes[i]).toBe(themes[j]);
      expect(themes[i]).not.toBe(OTHER);
    }
    for (const [i, j] of draw.control) {
      expect(themes[i]).not.toBe(themes[j]);
      expect([themes[i], themes[j]]).not.toContain(OTHER);
    }
    expect(drawPairs('set', themes, 50, 10)).toEqual(draw);
    // Another audience with the same shape draws other pairs.
    expect(drawPairs('other set', themes, 50, 10).theme).not.toEqual(draw.theme);
  });

  it('keeps every drawn pair that stays in one theme when a comment moves, so only new pairs need judging', () => {
    const before = drawPairs('set', themes, 50, 10);
    const moved = themes.map((t, i) => (i === 0 ? 't1' : t));
    const after = drawPairs('set', moved, 50, 10);
    const stillTogether = before.theme.filter(([i, j]) => moved[i] === moved[j]);
    const kept = new Set(after.theme.map(key));
    expect(stillTogether.length).toBeGreaterThan(40);
    // Pairs that stayed are drawn again unless a pair the move brought in outranks them.
    const brought = after.theme.filter(([i, j]) => i === 0 || j === 0).length;
    expect(stillTogether.filter((p) => !kept.has(key(p))).length).toBeLessThanOrEqual(brought);
    expect(after.theme.filter((p) => !before.theme.some((q) => key(q) === key(p))).length).toBe(
      after.theme.length - stillTogether.filter((p) => kept.has(key(p))).length,
    );
  });

  it('takes every pair when a theme holds fewer than the draw asks', () => {
    const small = ['a', 'a', 'a', 'b', OTHER];
    expect(drawPairs('set', small).theme.map(key).sort()).toEqual(['0-1', '0-2', '1-2']);
    expect(drawPairs('set', small).control.map(key).sort()).toEqual(['0-3', '1-3', '2-3']);
  });
});
