// @vitest-environment happy-dom
/**
 * "This is you: track it as yours?" (issue 14): the write path keeps when a page named the signed-in
 * account, the question stays open until answered, Yes marks the account Mine and No is remembered.
 * The account comes from a real capture (gym0915__LineLens, signed in as steve830915).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../lib/background/commands';
import { ownerQuestionOpen } from '../../../lib/db/owner';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { exportBackupParts, importBackup, parseBackup } from '../../../lib/io/backup';
import { TABLE_SCHEMAS } from '../../../lib/io/backup-schema';
import type { AccountRecord } from '../../../lib/records';
import { xAdapter } from '../../../lib/sites/x';
import { ctx, fixtureDocument } from '../fixtures';

const SEEDANCE = 'twitter/gym0915__LineLens/火山引擎即将上线 API！Seedance 2.0 除了打斗还可以做什么？.html';
const ME = '1791811076000223233';

// The 600 KB page is parsed once; each test gets its own copy of the viewer's record.
const records = xAdapter.extractDom(fixtureDocument(SEEDANCE), ctx('https://x.com/')).records;
const viewerRecord = records.find((r): r is AccountRecord => r.kind === 'account' && r.id === ME)!;
const viewer = (): AccountRecord => structuredClone(viewerRecord);

let db: CoursePulseDb;
let seq = 0;
const unused = async () => ({ ok: false as const, reason: 'unused' });
const deps = () => ({ db, saveCourseFromTab: unused, checkCoursesInTab: unused, stopSync: async () => {} });
const ingest = (records: AccountRecord[], at: number) =>
  applyBatch(db, { batchId: `owner-batch-${seq++}`, records, failures: [], source: 'x.dom' }, at);
const stored = async () => (await db.accounts.get(['x', ME]))!;

beforeEach(async () => {
  db = new CoursePulseDb(`test-${Math.random()}`);
  await db.open();
});

describe('the signed-in account, recognised', () => {
  it('is stored with ownerSeenAt (not the record flag) and asked about', async () => {
    const me = viewer();
    expect(me.viewerIsOwner).toBe(true);
    await ingest([me], 1_000);
    const row = await stored();
    expect(row).toMatchObject({ handle: 'steve830915', name: 'steve', ownerSeenAt: 1_000 });
    expect(row).not.toHaveProperty('viewerIsOwner');
    expect(row.role).toBeUndefined();
    expect(ownerQuestionOpen(row)).toBe(true);
    // Backups carry the fact: the stored row is a valid backup row.
    expect(TABLE_SCHEMAS.accounts.safeParse(row).success).toBe(true);
  });

  it('a later record without the fact keeps it; an account never named is never asked about', async () => {
    await ingest([viewer()], 1_000);
    const { viewerIsOwner: _, ...plain } = viewer();
    await ingest([{ ...plain, followers: 5 }], 2_000);
    expect(await stored()).toMatchObject({ ownerSeenAt: 1_000, followers: 5 });
    await ingest([{ ...plain, id: '42', handle: 'someone', name: 'Someone' }], 2_000);
    expect(ownerQuestionOpen((await db.accounts.get(['x', '42']))!)).toBe(false);
  });

  it('Yes marks it Mine and closes the question', async () => {
    await ingest([viewer()], 1_000);
    expect(await runCommand(deps(), { type: 'account.owner', platform: 'x', id: ME, mine: true })).toEqual({
      ok: true,
    });
    const row = await stored();
    expect(row.role).toBe('mine');
    expect(ownerQuestionOpen(row)).toBe(false);
    await ingest([viewer()], 3_000);
    expect((await stored()).role).toBe('mine');
    // Asked once: clearing the role in Accounts later does not bring the question back.
    await runCommand(deps(), { type: 'account.role', platform: 'x', id: ME, role: null });
    await ingest([viewer()], 4_000);
    expect(await stored()).toMatchObject({ ownerAnswer: 'mine', ownerSeenAt: 4_000 });
    expect(ownerQuestionOpen(await stored())).toBe(false);
  });

  it('No is remembered: seen again, it is not asked again', async () => {
    await ingest([viewer()], 1_000);
    expect(await runCommand(deps(), { type: 'account.owner', platform: 'x', id: ME, mine: false })).toEqual({
      ok: true,
    });
    await ingest([viewer()], 3_000);
    const row = await stored();
    expect(row).toMatchObject({ ownerAnswer: 'not-mine', ownerSeenAt: 3_000 });
    expect(row.role).toBeUndefined();
    expect(ownerQuestionOpen(row)).toBe(false);
  });

  it('an account the user already gave a role is not asked about', async () => {
    await ingest([viewer()], 1_000);
    await runCommand(deps(), { type: 'account.role', platform: 'x', id: ME, role: 'competitor' });
    expect(ownerQuestionOpen(await stored())).toBe(false);
  });

  it('answers for unknown accounts and malformed answers are refused', async () => {
    expect(await runCommand(deps(), { type: 'account.owner', platform: 'x', id: ME, mine: true })).toEqual({
      ok: false,
      reason: 'no such account',
    });
    const bad = await runCommand(deps(), { type: 'account.owner', platform: 'x', id: ME, mine: 'yes' });
    expect(bad.ok).toBe(false);
  });

  it('the question and the refusal survive export then import', async () => {
    await ingest([viewer()], 1_000);
    await runCommand(deps(), { type: 'account.owner', platform: 'x', id: ME, mine: false });
    const parsed = parseBackup((await exportBackupParts(db, new Date(5_000))).join(''));
    if (!parsed.ok) throw new Error(parsed.reason);
    const target = new CoursePulseDb(`test-${Math.random()}`);
    await target.open();
    await importBackup(target, parsed);
    expect(await target.accounts.get(['x', ME])).toEqual(await stored());
    expect(await target.accounts.get(['x', ME])).toMatchObject({
      ownerSeenAt: 1_000,
      ownerAnswer: 'not-mine',
    });
  });
});
