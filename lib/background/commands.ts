import { now } from '../clock';
import { deleteAccount, deleteEverything, deletePost } from '../db/delete';
import { KEEP_COMMENTER_PROFILES, stripCommenterProfiles } from '../db/privacy';
import { decideOrder, putTrackedLink, storeOrders, undecideOrder } from '../db/sales';
import { clearSample, loadSample } from '../db/sample-data';
import type { Campaign, CoursePulseDb } from '../db/schema';
import { applyBatch } from '../db/write';
import { Command, type CommandReply } from '../messages';
import { newItemId } from '../sync/tables';
import { editTheme } from './theme-edits';

export interface CommandDeps {
  db: CoursePulseDb;
  saveCourseFromTab(tabId: number): Promise<CommandReply>;
  checkCoursesInTab(tabId: number): Promise<CommandReply>;
}

/** Runs a validated command from an extension page; anything else is refused with the reason. */
export async function runCommand(deps: CommandDeps, message: unknown): Promise<CommandReply> {
  const parsed = Command.safeParse(message);
  if (!parsed.success)
    return { ok: false, reason: `unknown or malformed command: ${parsed.error.issues[0]?.message}` };
  const command = parsed.data;
  const { db } = deps;
  switch (command.type) {
    case 'account.role': {
      const changed = await db.accounts.update([command.platform, command.id], {
        role: command.role ?? undefined,
      });
      return changed ? { ok: true } : { ok: false, reason: 'no such account' };
    }
    case 'account.capture': {
      const changed = await db.accounts.update([command.platform, command.id], {
        captureOff: command.on ? undefined : true,
      });
      return changed ? { ok: true } : { ok: false, reason: 'no such account' };
    }
    case 'account.owner': {
      const changed = await db.accounts.update(
        [command.platform, command.id],
        command.mine ? { role: 'mine', ownerAnswer: 'mine' } : { ownerAnswer: 'not-mine' },
      );
      return changed ? { ok: true } : { ok: false, reason: 'no such account' };
    }
    case 'course.saveTab':
      return deps.saveCourseFromTab(command.tabId);
    case 'course.check':
      return deps.checkCoursesInTab(command.tabId);
    case 'post.delete':
      await deletePost(db, command.platform, command.id);
      return { ok: true };
    case 'account.delete':
      return { ok: true, detail: await deleteAccount(db, command.platform, command.id) };
    case 'data.deleteAll':
      await deleteEverything(db);
      return { ok: true };
    case 'backfill.records': {
      const summary = await applyBatch(
        db,
        { batchId: command.batchId, records: command.records, failures: [], source: 'backfill.file' },
        now(),
      );
      return { ok: true, detail: summary };
    }
    case 'sample.load':
      await loadSample(db);
      return { ok: true };
    case 'sample.clear':
      await clearSample(db);
      return { ok: true };
    case 'campaign.put': {
      const { id, ...fields } = command.campaign;
      const old = id === undefined ? undefined : await db.campaigns.get(id);
      if (id !== undefined && !old) return { ok: false, reason: 'no such campaign' };
      const campaign: Campaign = {
        ...fields,
        id: id ?? newItemId(),
        createdAt: old?.createdAt ?? now(),
      };
      if (old?.sample) campaign.sample = true;
      return { ok: true, detail: await db.campaigns.put(campaign) };
    }
    case 'campaign.delete':
      await db.campaigns.delete(command.id);
      return { ok: true };
    case 'campaign.orders': {
      const old = await db.campaigns.get(command.id);
      if (!old) return { ok: false, reason: 'no such campaign' };
      const counts = { ...old.counts, purchases: command.purchases };
      if (command.revenue) counts.revenue = command.revenue;
      else delete counts.revenue;
      if (command.referrals !== undefined) counts.referrals = command.referrals;
      await db.campaigns.put({ ...old, counts });
      return { ok: true };
    }
    case 'orders.import':
      return { ok: true, detail: await storeOrders(db, command.orders) };
    case 'trackedLink.put':
      await putTrackedLink(db, command.link, now());
      return { ok: true };
    case 'sales.decide':
      return (await decideOrder(db, command, command.post, now()))
        ? { ok: true }
        : { ok: false, reason: 'no such order' };
    case 'sales.undecide':
      await undecideOrder(db, command);
      return { ok: true };
    case 'course.status': {
      const changed = await db.courses.update(command.url, { status: command.status });
      return changed ? { ok: true } : { ok: false, reason: 'no such course' };
    }
    case 'course.mine': {
      const changed = await db.courses.update(command.url, { mine: command.mine ? true : undefined });
      return changed ? { ok: true } : { ok: false, reason: 'no such course' };
    }
    case 'settings.put':
      await db.settings.put({ key: command.key, value: command.value });
      // Switched off: what is already stored goes too, not only what is captured from now on.
      if (command.key === KEEP_COMMENTER_PROFILES && command.value === false)
        return { ok: true, detail: await stripCommenterProfiles(db) };
      return { ok: true };
    case 'theme.rename':
    case 'theme.pin':
    case 'theme.merge':
    case 'theme.unmerge':
    case 'theme.split':
    case 'theme.unsplit':
      return editTheme(db, command, now());
  }
}
