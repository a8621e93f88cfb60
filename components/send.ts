import { browser } from 'wxt/browser';
import type { Command, CommandReply } from '@/lib/messages';

/** A message to the background and its reply, or `failed(reason)` when none comes back. */
export async function ask<Reply>(message: unknown, failed: (reason: string) => Reply): Promise<Reply> {
  try {
    return (
      ((await browser.runtime.sendMessage(message)) as Reply | undefined) ??
      failed('no answer from the background')
    );
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** The UI never writes the database itself: it asks the background, the single writer. */
export const send = (command: Command): Promise<CommandReply> =>
  ask<CommandReply>(command, (reason) => ({ ok: false, reason }));
