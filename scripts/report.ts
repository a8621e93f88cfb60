/**
 * npm run -s report -- <backup.json> [--tz <IANA zone>] [--now <ISO time>]
 *
 * Prints, as JSON, the figures the dashboard shows for a CoursePulse backup: per campaign the funnel
 * and cost metrics (posts attached as the dashboard attaches them), posting suggestions per platform,
 * own accounts' follower growth, competitor context and totals (lib/metrics buildReport). The time
 * zone defaults to the backup's setting, then this machine's; "now" to the backup's export time, so
 * the same file always prints the same report. Bad input: one line on stderr and a non-zero exit.
 */
import { readFileSync } from 'node:fs';
import type {
  AccountSnapshot,
  Campaign,
  PostSnapshot,
  Setting,
  StoredAccount,
  StoredPost,
} from '../lib/db/schema';
import { parseBackup } from '../lib/io/backup';
import { buildReport, isValidTimeZone } from '../lib/metrics';
import { withAttachedPosts } from '../lib/metrics/campaign-posts';
import { SLOT_HOURS } from '../lib/metrics/slots';

function fail(reason: string, code = 1): never {
  process.stderr.write(`report: ${reason}\n`);
  process.exit(code);
}

function main(): void {
  const args = process.argv.slice(2);
  const files: string[] = [];
  let tz: string | undefined;
  let now: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (name: string) => args[++i] ?? fail(`${name} needs a value`, 2);
    if (arg === '--tz') tz = value('--tz');
    else if (arg.startsWith('--tz=')) tz = arg.slice(5);
    else if (arg === '--now') now = value('--now');
    else if (arg.startsWith('--now=')) now = arg.slice(6);
    else if (arg.startsWith('-'))
      fail(
        `unknown option ${arg} (usage: npm run -s report -- <backup.json> [--tz <zone>] [--now <ISO time>])`,
        2,
      );
    else files.push(arg);
  }
  if (files.length !== 1) fail('give exactly one backup file (usage: npm run -s report -- <backup.json>)', 2);
  let text: string;
  try {
    text = readFileSync(files[0]!, 'utf8');
  } catch (error) {
    fail(`cannot read ${files[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const backup = parseBackup(text);
  if (!backup.ok) fail(backup.reason);
  if (tz !== undefined && !isValidTimeZone(tz)) fail(`unknown time zone "${tz}"`, 2);
  if (now !== undefined && !Number.isFinite(Date.parse(now))) fail(`--now is not a date: "${now}"`, 2);

  const tables = backup.tables;
  const settings = (tables.settings ?? []) as Setting[];
  const savedZone = settings.find((s) => s.key === 'timeZone')?.value;
  const timeZone =
    tz ??
    (typeof savedZone === 'string' && isValidTimeZone(savedZone)
      ? savedZone
      : Intl.DateTimeFormat().resolvedOptions().timeZone);
  // The export time sits at the start of every backup: read it without a second full parse.
  const exportedAt = /"exportedAt":"([^"]+)"/.exec(text.slice(0, 300))?.[1];

  const accounts = (tables.accounts ?? []) as StoredAccount[];
  const posts = (tables.posts ?? []) as StoredPost[];
  const own = new Set(accounts.filter((a) => a.role === 'mine').map((a) => `${a.platform}:${a.id}`));
  const isOwn = (p: { platform: string; authorId: string }) => own.has(`${p.platform}:${p.authorId}`);
  const campaigns = ((tables.campaigns ?? []) as Campaign[]).map((c) => {
    // As on the dashboard: own posts and the posts attached by hand are the candidates.
    const candidates = posts.filter((p) => isOwn(p) || c.postIds.includes(p.id));
    return withAttachedPosts(c, candidates, isOwn, timeZone);
  });
  const report = buildReport({
    posts,
    snapshots: (tables.postSnapshots ?? []) as PostSnapshot[],
    accounts,
    accountSnapshots: (tables.accountSnapshots ?? []) as AccountSnapshot[],
    campaigns,
    settings: { timeZone, now: now ?? exportedAt ?? Date.now(), suggest: { slotHours: SLOT_HOURS } },
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
