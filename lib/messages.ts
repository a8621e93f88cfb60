/**
 * Commands the extension's own pages (popup, options) send to the background, the single writer.
 * Content scripts never send these; the background refuses them from any tab.
 */
import { z } from 'zod';
import { CaptureRecord, MAX_BATCH_RECORDS, Platform } from './records';

const accountKey = { platform: Platform, id: z.string().min(1).max(64) };

export const Command = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('account.role'), ...accountKey, role: z.enum(['mine', 'competitor']).nullable() }),
  z.strictObject({ type: z.literal('account.capture'), ...accountKey, on: z.boolean() }),
  z.strictObject({ type: z.literal('course.saveTab'), tabId: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('post.delete'), ...accountKey }),
  z.strictObject({ type: z.literal('account.delete'), ...accountKey }),
  z.strictObject({ type: z.literal('data.deleteAll'), confirm: z.literal('delete everything') }),
  z.strictObject({
    type: z.literal('backfill.records'),
    batchId: z.string().min(8).max(64),
    records: z.array(CaptureRecord).max(MAX_BATCH_RECORDS),
  }),
  z.strictObject({ type: z.literal('sample.load') }),
  z.strictObject({ type: z.literal('sample.clear') }),
]);
export type Command = z.infer<typeof Command>;

export type CommandReply = { ok: true; detail?: unknown } | { ok: false; reason: string };
