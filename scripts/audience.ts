/**
 * npm run -s audience -- <file> [--now <ISO time>] [--tz <zone>] [--full]
 *
 * Tags and groups the comments in a file of records (JSON lines, as `extract` prints them) or in a
 * CoursePulse backup, and prints one JSON object. Public interface (DESIGN.md): extend, never rename.
 */
import { readFileSync } from 'node:fs';
import { analyseAudience } from '../lib/audience/analyse';
import { editsOf, startsOf, type ThemeEditRow } from '../lib/audience/edits';
import { type AudienceRecords, addRecord, emptyRecords } from '../lib/audience/input';
import { now } from '../lib/clock';
import { BACKUP_FORMAT, parseBackup } from '../lib/io/backup';
import { isValidTimeZone } from '../lib/metrics/time';
import { fail, readArgs, timeArg, usageError } from './cli';

const USAGE = `usage: npm run -s audience -- <records.jsonl|backup.json> [--now <ISO time>] [--tz <zone>] [--full]

Reads comment, post and account records (JSON lines as \`npm run -s extract\` prints them, or a
CoursePulse backup) and prints one JSON object:
  {comments: [{id, tags, theme}], themes: [{id, label, size, people, examples}]}
tags are among "question", "problem", "request"; a comment expressing no need has theme "other";
examples are the theme's most typical and most liked comments. A backup's theme edits (renamed,
merged, split and pinned themes) apply, as in the Audience view.
  --now <time>  the time recency and weekly trends count from; default: now
  --tz <zone>   IANA time zone for weeks and hours; default: this machine's
  --full        print the whole report instead (themes with scores and weekly trends, needs
                several people raised, content ideas, audience profile, competitors' questions)
Exit 0 when the file was read (even with no comments), 1 when it could not be, 2 on a wrong argument.`;

const MAX_EXAMPLE = 280;

function recordsOfBackup(text: string): AudienceRecords & { edits: ThemeEditRow[] } {
  const parsed = parseBackup(text);
  if (!parsed.ok) fail(parsed.reason);
  const tables = parsed.tables as Record<string, unknown[] | undefined>;
  const records = emptyRecords();
  for (const row of tables.comments ?? []) addRecord(records, row, 'comment');
  for (const row of tables.posts ?? []) addRecord(records, row, 'post');
  for (const row of tables.accounts ?? []) addRecord(records, row, 'account');
  // Validated against the themeEdits table's schema by parseBackup.
  return { ...records, edits: (tables.themeEdits ?? []) as ThemeEditRow[] };
}

function recordsOfLines(text: string): AudienceRecords {
  const records = emptyRecords();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      addRecord(records, JSON.parse(line));
    } catch {
      records.skipped++;
    }
  }
  return records;
}

/** Account roles a backup carries: the user's own accounts and the competitors they follow. */
function rolesOfBackup(text: string): { own: string[]; competitors: string[] } {
  const doc = JSON.parse(text) as { tables?: { accounts?: { id?: unknown; role?: unknown }[] } };
  const accounts = doc.tables?.accounts ?? [];
  const withRole = (role: string) => accounts.filter((a) => a.role === role).map((a) => String(a.id));
  return { own: withRole('mine'), competitors: withRole('competitor') };
}

function main(): void {
  const { values, positionals } = readArgs('audience', USAGE, {
    now: { type: 'string' },
    tz: { type: 'string' },
    full: { type: 'boolean' },
  });
  if (positionals.length !== 1) usageError('give exactly one file');
  const timeZone = values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isValidTimeZone(timeZone)) usageError(`--tz is not a time zone: "${timeZone}"`);
  const at = values.now === undefined ? now() : timeArg('--now', values.now);
  let text: string;
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch (error) {
    fail(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const isBackup =
    text.trimStart().startsWith('{') && text.includes(`"${BACKUP_FORMAT}"`) && !text.trim().includes('\n{');
  const records = isBackup ? recordsOfBackup(text) : { ...recordsOfLines(text), edits: [] };
  if (
    !isBackup &&
    records.comments.length + records.posts.length + records.accounts.length === 0 &&
    records.skipped > 0
  )
    fail('no line is a comment, post or account record (expected JSON lines or a CoursePulse backup)');
  const roles = isBackup ? rolesOfBackup(text) : { own: [], competitors: [] };
  const report = analyseAudience({
    comments: records.comments,
    posts: records.posts,
    accounts: records.accounts,
    ownIds: roles.own,
    competitorIds: roles.competitors,
    now: at,
    timeZone,
    edits: editsOf(records.edits),
    previous: startsOf(records.edits),
  });
  if (values.full) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const textOf = new Map(records.comments.map((c) => [c.id, c.text]));
  const summary = {
    comments: report.comments.map(({ id, tags, theme }) => ({ id, tags, theme })),
    themes: report.themes.map(({ id, label, size, people, examples }) => ({
      id,
      label,
      size,
      people,
      examples: examples.map((e) => (textOf.get(e) ?? '').slice(0, MAX_EXAMPLE)),
    })),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(
    `audience: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
