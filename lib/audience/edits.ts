/**
 * The user's corrections to themes, as plain data applied on every run: a rename sticks to the id,
 * a merge sends every comment of one theme (today's and tomorrow's) to another, a split moves the
 * comments of a theme that use given terms into a new theme, a pin keeps a theme on top. Stored as
 * is (e.g. in settings); each operation returns a new value.
 */
import { OTHER } from './types';

export interface ThemeSplit {
  /** The theme split. */
  from: string;
  /** The new theme's id. */
  id: string;
  /** Comments of `from` with any of these tokens move to `id`. */
  terms: string[];
}

export interface ThemeEdits {
  renames: Record<string, string>;
  /** theme id → the id it was merged into. */
  merges: Record<string, string>;
  splits: ThemeSplit[];
  pins: string[];
}

export const NO_EDITS: ThemeEdits = { renames: {}, merges: {}, splits: [], pins: [] };

export const rename = (e: ThemeEdits, id: string, label: string): ThemeEdits => ({
  ...e,
  renames: { ...e.renames, [id]: label },
});

/** Merging into a theme that was itself merged lands in the final one; a theme never merges into itself. */
export function merge(e: ThemeEdits, from: string, into: string): ThemeEdits {
  const target = resolve(e, into);
  if (from === target || from === OTHER) return e;
  return { ...e, merges: { ...e.merges, [from]: target } };
}

export function split(e: ThemeEdits, from: string, id: string, terms: string[]): ThemeEdits {
  return { ...e, splits: [...e.splits.filter((s) => s.id !== id), { from, id, terms }] };
}

export const pin = (e: ThemeEdits, id: string, pinned = true): ThemeEdits => ({
  ...e,
  pins: pinned ? [...new Set([...e.pins, id])] : e.pins.filter((p) => p !== id),
});

/** The theme a merged id now lives in (chains followed, cycles cut). */
export function resolve(e: ThemeEdits, id: string): string {
  const seen = new Set<string>();
  let current = id;
  while (e.merges[current] !== undefined && !seen.has(current)) {
    seen.add(current);
    current = e.merges[current]!;
  }
  return current;
}

/** The theme of one comment once the edits apply: splits first (on the original theme), then merges. */
export function editedTheme(e: ThemeEdits, theme: string, tokens: readonly string[]): string {
  let id = theme;
  for (const s of e.splits)
    if (resolve(e, s.from) === resolve(e, id) && s.terms.some((t) => tokens.includes(t))) id = s.id;
  return resolve(e, id);
}
