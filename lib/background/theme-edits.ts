/**
 * The user's corrections of audience themes, written by the background (the single writer) as one
 * row per theme (lib/audience/edits.ts). Each undo removes what its edit added. A row keeps the
 * theme's terms after its edits are undone, so the way back gives the theme back as it was; a row
 * with neither edits nor terms (an undone split) is deleted.
 */
import { editsOf, editsSomething, resolve, splitIdOf, type ThemeEditRow } from '../audience/edits';
import { OTHER } from '../audience/types';
import type { CoursePulseDb } from '../db/schema';
import type { CommandReply, ThemeEditCommand } from '../messages';

/** The row after the edit, or a reason the edit is refused. */
function edited(
  rows: Map<string, ThemeEditRow>,
  command: ThemeEditCommand,
  now: number,
): ThemeEditRow | string {
  if (command.theme === OTHER) return 'comments outside any theme cannot be edited';
  const old: ThemeEditRow = rows.get(command.theme) ?? { theme: command.theme, updatedAt: now };
  const row: ThemeEditRow = { ...old, updatedAt: now };
  if ('centre' in command && command.centre && !row.centre && !row.split) row.centre = command.centre;
  switch (command.type) {
    case 'theme.rename':
      if (command.label) row.label = command.label;
      else delete row.label;
      return row;
    case 'theme.pin':
      if (command.pinned) row.pinned = true;
      else delete row.pinned;
      return row;
    case 'theme.merge': {
      if (command.into === OTHER) return 'a theme cannot be merged into the comments outside any theme';
      if (resolve(editsOf([...rows.values()]), command.into) === command.theme)
        return 'a theme cannot be merged into itself';
      row.mergedInto = command.into;
      if (command.shownAs) row.shownAs = command.shownAs;
      return row;
    }
    case 'theme.unmerge':
      delete row.mergedInto;
      delete row.shownAs;
      return row;
    case 'theme.split':
      return {
        theme: splitIdOf(command.theme, command.terms),
        split: { from: command.theme, terms: [...new Set(command.terms)] },
        updatedAt: now,
      };
    case 'theme.unsplit':
      if (!old.split) return 'not a theme split off another';
      delete row.split;
      return row;
  }
}

export async function editTheme(
  db: CoursePulseDb,
  command: ThemeEditCommand,
  now: number,
): Promise<CommandReply> {
  return db.transaction('rw', db.themeEdits, async () => {
    const rows = new Map((await db.themeEdits.toArray()).map((r) => [r.theme, r]));
    const row = edited(rows, command, now);
    if (typeof row === 'string') return { ok: false, reason: row };
    if (editsSomething(row) || row.centre) await db.themeEdits.put(row);
    else await db.themeEdits.delete(row.theme);
    return { ok: true, detail: row.theme };
  });
}
