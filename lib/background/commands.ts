import { Command, type CommandReply } from '../messages';
import { deleteAccount, deleteEverything, deletePost } from '../db/delete';
import { clearSample, loadSample } from '../db/sample-data';
import { applyBatch } from '../db/write';
import type { CoursePulseDb } from '../db/schema';

export interface CommandDeps {
  db: CoursePulseDb;
  saveCourseFromTab(tabId: number): Promise<CommandReply>;
}

/** Runs a validated command from an extension page; anything else is refused with the reason. */
export async function runCommand(deps: CommandDeps, message: unknown): Promise<CommandReply> {
  const parsed = Command.safeParse(message);
  if (!parsed.success) return { ok: false, reason: `unknown or malformed command: ${parsed.error.issues[0]?.message}` };
  const command = parsed.data;
  const { db } = deps;
  switch (command.type) {
    case 'account.role': {
      const changed = await db.accounts.update([command.platform, command.id], { role: command.role ?? undefined });
      return changed ? { ok: true } : { ok: false, reason: 'no such account' };
    }
    case 'account.capture': {
      const changed = await db.accounts.update([command.platform, command.id], {
        captureOff: command.on ? undefined : true,
      });
      return changed ? { ok: true } : { ok: false, reason: 'no such account' };
    }
    case 'course.saveTab':
      return deps.saveCourseFromTab(command.tabId);
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
        Date.now(),
      );
      return { ok: true, detail: summary };
    }
    case 'sample.load':
      await loadSample(db);
      return { ok: true };
    case 'sample.clear':
      await clearSample(db);
      return { ok: true };
  }
}
