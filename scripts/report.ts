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
import { now as clockNow } from '../lib/clock';
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
import { fail, readArgs, timeArg, usageError } from './cli';

const USAGE = `usage: npm run -s report -- <backup.json> [--tz <IANA zone>] [--now <ISO time>]

Prints, as JSON, the figures the dashboard shows for a CoursePulse backup (Data → Export full backup):
funnels and cost metrics per campaign, posting suggestions per platform, follower growth.
  --tz <zone>   time zone for weekdays and hours (default: the backup's setting, then this machine's)
  --now <time>  the reference time (default: the backup's export time, so a file always reports alike)
Exit 0 with the report, 1 when the backup cannot be read, 2 on a wrong argument.`;

function main(): void {
  const { values, positionals } = readArgs('report', USAGE, {
    tz: { type: 'string' },
    now: { type: 'string' },
  });
  if (positionals.length !== 1) usageError('give exactly one backup file');
  const { tz, now } = values;
  if (tz !== undefined && !isValidTimeZone(tz)) usageError(`unknown time zone "${tz}"`);
  if (now !== undefined) timeArg('--now', now);
  let text = '';
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch (error) {
    fail(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const backup = parseBackup(text);
  if (!backup.ok) fail(backup.reason);

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
    settings: { timeZone, now: now ?? exportedAt ?? clockNow(), suggest: { slotHours: SLOT_HOURS } },
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
