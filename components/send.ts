import { browser } from 'wxt/browser';
import type { Command, CommandReply } from '@/lib/messages';

/** The UI never writes the database itself: it asks the background, the single writer. */
export async function send(command: Command): Promise<CommandReply> {
  try {
    return (
      ((await browser.runtime.sendMessage(command)) as CommandReply | undefined) ?? {
        ok: false,
        reason: 'no answer from the background',
      }
    );
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
