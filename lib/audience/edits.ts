/**
 * The user's corrections to themes, as plain data applied on every run: a rename sticks to the id,
 * a merge sends every comment of one theme (today's and tomorrow's) to another, a split moves the
 * comments of a theme that use given terms into a new theme, a pin keeps a theme on top. Stored as
 * one row per theme (`ThemeEditRow`, the themeEdits table); `editsOf` folds the rows into the
 * edits an analysis applies and `startsOf` gives the edited themes' terms back to the grouping, so
 * an edited theme keeps its id and meaning as comments come and go.
 */
import type { ThemeCentre } from './themes';
import { OTHER } from './types';

export const MAX_THEME_ID = 200;
export const MAX_THEME_LABEL = 120;
export const MAX_SPLIT_TERMS = 20;

/** One theme's corrections, keyed by its stable id; plain JSON (backups and sync carry it as is). */
export interface ThemeEditRow {
  theme: string;
  /** Renamed to. */
  label?: string;
  /** Merged into this theme: its comments, today's and tomorrow's, go there. */
  mergedInto?: string;
  /** The name the theme had on screen when it was merged: it names the theme while merged away. */
  shownAs?: string;
  /** This theme was split off `from`: the comments of `from` using any of `terms`. */
  split?: { from: string; terms: string[] };
  pinned?: boolean;
  /** The theme's strongest terms when it was edited: analyses start from them, so the id keeps its meaning. */
  centre?: Record<string, number>;
  /** Epoch ms of the last change. */
  updatedAt: number;
}

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

/** A split theme's id: the same split made twice (or on two devices) is one theme. */
export function splitIdOf(from: string, terms: readonly string[]): string {
  return `${from}+${[...new Set(terms)].sort().join('+')}`.slice(0, MAX_THEME_ID);
}

/** Whether a row still says anything (a row whose last edit was undone is deleted). */
export const editsSomething = (row: ThemeEditRow): boolean =>
  row.label !== undefined || row.mergedInto !== undefined || row.split !== undefined || row.pinned === true;

/** The edits the rows describe, applied in the order they were made. */
export function editsOf(rows: readonly ThemeEditRow[]): ThemeEdits {
  let edits = NO_EDITS;
  for (const row of [...rows].sort((a, b) => a.updatedAt - b.updatedAt || (a.theme < b.theme ? -1 : 1))) {
    if (row.split) edits = split(edits, row.split.from, row.theme, row.split.terms);
    if (row.label !== undefined) edits = rename(edits, row.theme, row.label);
    if (row.mergedInto !== undefined) edits = merge(edits, row.theme, row.mergedInto);
    if (row.pinned) edits = pin(edits, row.theme);
  }
  return edits;
}

/** The edited themes' terms, for the grouping to start from (split themes have none: terms make them). */
export const startsOf = (rows: readonly ThemeEditRow[]): ThemeCentre[] =>
  rows.flatMap((r) => (r.centre && !r.split ? [{ id: r.theme, terms: r.centre }] : []));
