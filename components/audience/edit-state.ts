/**
 * What the Audience view shows about the user's edits of each theme: whether it is renamed or
 * pinned, which themes were merged into it and what it was split off (each with its way back), and
 * the terms it can be split by. Pure, from the stored edits and one analysis report.
 */
import type { AudienceReport } from '@/lib/audience/analyse';
import { editsOf, resolve, type ThemeEditRow } from '@/lib/audience/edits';

/** Terms offered to split a theme by: its strongest ones. */
export const SPLIT_CHOICES = 12;

export interface ThemeEditState {
  renamed: boolean;
  pinned: boolean;
  /** Themes merged into this one, each undone on its own. */
  mergedHere: { theme: string; label: string }[];
  /** The theme this one was split off, with the terms that split it. */
  splitFrom: { theme: string; label: string; terms: string[] } | null;
  /** Terms the theme can be split by (none for a theme the grouping did not make). */
  splitTerms: string[];
  /** The theme's terms as the grouping holds them, sent with an edit so the id keeps its meaning. */
  centre: Record<string, number> | undefined;
}

/** A theme's name when it is not on screen (merged away): its own name, else its strongest terms. */
function nameOf(theme: string, rows: Map<string, ThemeEditRow>, report: AudienceReport): string {
  const shown = report.themes.find((t) => t.id === theme);
  if (shown) return shown.label;
  const row = rows.get(theme);
  const named = row?.label ?? row?.shownAs;
  if (named) return named;
  const terms = Object.keys(row?.centre ?? report.centres.find((c) => c.id === theme)?.terms ?? {});
  return terms.length > 0 ? terms.slice(0, 3).join(' / ') : theme;
}

export function editStateOf(
  theme: string,
  rows: readonly ThemeEditRow[],
  report: AudienceReport,
): ThemeEditState {
  const byTheme = new Map(rows.map((r) => [r.theme, r]));
  const edits = editsOf(rows);
  const own = byTheme.get(theme);
  const centre = report.centres.find((c) => c.id === theme)?.terms;
  return {
    renamed: own?.label !== undefined,
    pinned: own?.pinned === true,
    mergedHere: rows
      .filter((r) => r.mergedInto !== undefined && r.theme !== theme && resolve(edits, r.theme) === theme)
      .map((r) => ({ theme: r.theme, label: nameOf(r.theme, byTheme, report) }))
      .sort((a, b) => (a.label < b.label ? -1 : 1)),
    splitFrom: own?.split
      ? { theme: own.split.from, label: nameOf(own.split.from, byTheme, report), terms: own.split.terms }
      : null,
    splitTerms: Object.entries(centre ?? {})
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, SPLIT_CHOICES)
      .map(([term]) => term),
    centre,
  };
}
