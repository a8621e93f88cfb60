/**
 * npm run -s report -- <backup.json | records.jsonl> [--tz <IANA zone>] [--now <ISO time>]
 *                       [--orders <export.csv|.xlsx> [--skip-bad-rows]] [--mine <site>:<handle>]…
 *
 * Prints, as JSON, the figures the dashboard shows for a CoursePulse backup: per campaign the funnel
 * and cost metrics (posts attached as the dashboard attaches them), posting suggestions per platform,
 * own accounts' follower growth, competitor context and totals (lib/metrics buildReport). The time
 * zone defaults to the backup's setting, then this machine's; "now" to the backup's export time, so
 * the same file always prints the same report. Bad input: one line on stderr and a non-zero exit.
 * The input may also be the JSON lines `npm run -s extract` prints (own accounts named with --mine).
 * With orders (a backup's, and those of --orders imported over them, as the dashboard would hold them):
 * the campaign funnels' bought and advocates stages from the orders, and a `sales` section: per own post
 * the exact and inferred orders (lib/sales), the orders whose codes name different posts, and those a
 * backup's decisions settle.
 */
import { readFileSync } from 'node:fs';
import { now as clockNow } from '../lib/clock';
import { accountPoints } from '../lib/db/runs';
import type {
  AccountSnapshot,
  Campaign,
  PostSnapshot,
  Setting,
  StoredAccount,
  StoredAttributionDecision,
  StoredComment,
  StoredOrder,
  StoredPost,
  StoredTrackedLink,
} from '../lib/db/schema';
import { parseBackup } from '../lib/io/backup';
import { audienceHoursUnder, buildReport, isValidTimeZone } from '../lib/metrics';
import { withAttachedPosts } from '../lib/metrics/campaign-posts';
import { SLOT_HOURS } from '../lib/metrics/slots';
import {
  type AccountRecord,
  CaptureRecord,
  type CommentRecord,
  PLATFORMS,
  type Platform,
  type PostRecord,
} from '../lib/records';
import { decodeOrdersFile } from '../lib/sales/decode';
import { type ImportResult, importOrders } from '../lib/sales/import';
import { ordersAfterImport } from '../lib/sales/order';
import { detectPreset, guessMapping, mappingPreset } from '../lib/sales/presets';
import { knownLinks, salesReport } from '../lib/sales/report';
import { withOrderStages } from '../lib/sales/stages';
import { fail, readArgs, timeArg, usageError } from './cli';

const USAGE = `usage: npm run -s report -- <backup.json | records.jsonl> [--tz <IANA zone>] [--now <ISO time>]
                      [--orders <export.csv|.xlsx> [--skip-bad-rows]] [--mine <site>:<handle>]…

Prints, as JSON, the figures the dashboard shows for a CoursePulse backup (Data → Export full backup)
or for the JSON lines \`npm run -s extract\` prints: funnels and cost metrics per campaign, posting
suggestions per platform (with the hours the comments given came in), follower growth.
  --tz <zone>        time zone for weekdays and hours (default: the backup's setting, then this machine's)
  --now <time>       the reference time (default: the backup's export time, so a file always reports alike)
  --orders <file>    an orders export (Gumroad, Stripe, Udemy, Teachable, Thinkific, Lemon Squeezy,
                     Paddle, 小鹅通, or any CSV whose columns can be guessed; CSV in UTF-8 or GBK, or .xlsx):
                     adds "sales", per own post {platform, id, exact:{orders, revenue}, inferred:{…}}
                     (a backup's tracked links, with their coupons, count besides the posts' own codes);
                     "conflicts" lists orders whose codes name different posts (counted for none),
                     "decided" those the backup's decisions count for one post or for "none";
                     its orders are imported over the backup's own, and as on the dashboard the
                     campaign funnels count bought and advocates from all of them
  --skip-bad-rows    import the rows that can be read when some cannot (default: refuse, naming the lines)
  --mine <site>:<handle>  an own account (x, youtube or weibo), besides those the backup marks as yours;
                     repeat for several
Exit 0 with the report, 1 when an input cannot be read, 2 on a wrong argument.`;

interface Inputs {
  tables: Record<string, unknown[]>;
  exportedAt?: string;
}

/** A backup, or the JSON lines extract prints (posts, accounts and comments; other kinds are ignored). */
function readInput(text: string): Inputs {
  const backup = parseBackup(text);
  if (backup.ok) {
    // The export time sits at the start of every backup: read it without a second full parse.
    const exportedAt = /"exportedAt":"([^"]+)"/.exec(text.slice(0, 300))?.[1];
    return { tables: backup.tables as Record<string, unknown[]>, ...(exportedAt ? { exportedAt } : {}) };
  }
  if (/^\s*\{\s*"format"\s*:\s*"coursepulse-backup"/.test(text)) fail(backup.reason);
  const posts = new Map<string, PostRecord>();
  const accounts = new Map<string, AccountRecord>();
  const comments = new Map<string, CommentRecord>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      fail(`line ${i + 1} is neither a backup nor a JSON line of extract's records`);
    }
    const record = CaptureRecord.safeParse(json);
    if (!record.success) fail(`line ${i + 1}: not a record: ${record.error.issues[0]?.message ?? 'invalid'}`);
    const r = record.data;
    if (r.kind === 'post') posts.set(`${r.platform}:${r.id}`, r);
    else if (r.kind === 'account') accounts.set(`${r.platform}:${r.id}`, r);
    else if (r.kind === 'comment') comments.set(`${r.platform}:${r.id}`, r);
  }
  return {
    tables: {
      posts: [...posts.values()],
      accounts: [...accounts.values()],
      comments: [...comments.values()],
    },
  };
}

function parseMine(values: readonly string[]): Array<{ platform: Platform; handle: string }> {
  return values.map((v) => {
    const m = /^([a-z]+):@?(.+)$/.exec(v);
    if (!m || !(PLATFORMS as readonly string[]).includes(m[1]!))
      usageError(`--mine wants <site>:<handle>, got "${v}"`);
    return { platform: m[1] as Platform, handle: m[2]!.toLowerCase() };
  });
}

async function readOrders(file: string, timeZone: string, skipBad: boolean) {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = await decodeOrdersFile(bytes);
  if (!decoded.ok)
    fail(
      `${file}: not an orders export we can read (${decoded.reason}${decoded.detail ? `: ${decoded.detail}` : ''})`,
    );
  const { table } = decoded;
  const detected = detectPreset(table.headers);
  const mapping = detected ? null : guessMapping(table.headers);
  const preset = detected ?? mappingPreset(mapping!, table.headers);
  const result: ImportResult = importOrders(table, preset, timeZone);
  if (result.errors.length > 0 && !skipBad) {
    const shown = result.errors
      .slice(0, 5)
      .map(
        (e) =>
          `line ${e.line}: ${e.problem}${e.column ? ` in "${e.column}"` : ''}${e.value !== undefined ? ` ("${e.value}")` : ''}`,
      )
      .join('; ');
    fail(
      `${file}: ${result.errors.length} row(s) cannot be read, nothing imported (${shown}${result.errors.length > 5 ? '; …' : ''}); fix them or pass --skip-bad-rows`,
    );
  }
  return {
    orders: result.orders,
    summary: {
      file,
      platform: preset.platform,
      backedBy: preset.backedBy,
      ...(mapping ? { guessedMapping: mapping } : {}),
      encoding: table.encoding,
      ...(table.delimiter ? { delimiter: table.delimiter } : {}),
      zone: result.zone,
      imported: result.orders.length,
      skippedBadRows: result.errors,
      skipped: result.skipped,
    },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = readArgs('report', USAGE, {
    tz: { type: 'string' },
    now: { type: 'string' },
    orders: { type: 'string' },
    'skip-bad-rows': { type: 'boolean' },
    mine: { type: 'string', multiple: true },
  });
  if (positionals.length !== 1) usageError('give exactly one backup or records file');
  const { tz, now } = values;
  if (tz !== undefined && !isValidTimeZone(tz)) usageError(`unknown time zone "${tz}"`);
  if (now !== undefined) timeArg('--now', now);
  const mine = parseMine(values.mine ?? []);
  let text = '';
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch (error) {
    fail(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const { tables, exportedAt } = readInput(text);
  const settings = (tables.settings ?? []) as Setting[];
  const savedZone = settings.find((s) => s.key === 'timeZone')?.value;
  const timeZone =
    tz ??
    (typeof savedZone === 'string' && isValidTimeZone(savedZone)
      ? savedZone
      : Intl.DateTimeFormat().resolvedOptions().timeZone);

  const accounts = (tables.accounts ?? []) as StoredAccount[];
  const posts = (tables.posts ?? []) as StoredPost[];
  const own = new Set(accounts.filter((a) => a.role === 'mine').map((a) => `${a.platform}:${a.id}`));
  // --mine names a handle: the account (or, from extract's lines, the posts) with that handle.
  const named = (platform: string, handle: string | undefined) =>
    mine.some((m) => m.platform === platform && m.handle === handle?.replace(/^@/, '').toLowerCase());
  for (const a of accounts) if (named(a.platform, a.handle)) own.add(`${a.platform}:${a.id}`);
  for (const p of posts) if (named(p.platform, p.authorHandle)) own.add(`${p.platform}:${p.authorId}`);
  const isOwn = (p: { platform: string; authorId: string }) => own.has(`${p.platform}:${p.authorId}`);
  const ownPosts = posts.filter(isOwn);
  const imported = values.orders
    ? await readOrders(values.orders, timeZone, values['skip-bad-rows'] ?? false)
    : null;
  // The orders the dashboard would hold: the backup's (schema 5 on), with the file's imported over them.
  const orders = ordersAfterImport((tables.orders ?? []) as StoredOrder[], imported?.orders ?? []);
  // A backup's tracked links (schema 5 on) add the coupons the seller typed.
  const copied = (tables.trackedLinks ?? []) as StoredTrackedLink[];
  const attached = ((tables.campaigns ?? []) as Campaign[]).map((c) => {
    // As on the dashboard: own posts and the posts attached by hand are the candidates.
    const candidates = posts.filter((p) => isOwn(p) || c.postIds.includes(p.id));
    return withAttachedPosts(c, candidates, isOwn, timeZone);
  });
  // As on the dashboard: the funnels' bought and advocates stages from the orders given.
  const campaigns = withOrderStages(attached, { orders, copied, ownPosts, timeZone });
  const report = buildReport({
    posts,
    snapshots: (tables.postSnapshots ?? []) as PostSnapshot[],
    accounts,
    accountSnapshots: accountPoints((tables.accountSnapshots ?? []) as AccountSnapshot[]),
    campaigns,
    settings: {
      timeZone,
      now: now ?? exportedAt ?? clockNow(),
      // As on the dashboard: the hours the audience comments in, from the comments and X replies given.
      suggest: {
        slotHours: SLOT_HOURS,
        audienceHours: audienceHoursUnder(
          ownPosts,
          [...((tables.comments ?? []) as StoredComment[]), ...posts.filter((p) => p.replyTo)],
          timeZone,
        ),
      },
      ownAccounts: [...own],
    },
  });
  if (!imported && orders.length === 0) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const links = knownLinks(copied, ownPosts);
  // A backup's decisions on conflicting orders (schema 8 on) count as on the dashboard.
  const decided = (tables.attributionDecisions ?? []) as StoredAttributionDecision[];
  const decisions = new Map(decided.map((d) => [d.order, d.post]));
  const sales = salesReport({ orders, posts: ownPosts, links, costs: campaigns, decisions });
  const summary = imported ? { import: imported.summary } : {};
  process.stdout.write(`${JSON.stringify({ ...report, sales: { ...summary, ...sales } }, null, 2)}\n`);
}

void main();
