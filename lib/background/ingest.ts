/**
 * The background's message boundary: everything a content script sends is untrusted (a page can
 * forge messages through a compromised relay), so it is validated, attributed to the sending tab's
 * site, capped and rate-limited before the single writer touches the database.
 */

import type { CoursePulseDb } from '../db/schema';
import { applyBatch, logFailure, type WriteSummary } from '../db/write';
import {
  type CaptureAck,
  CaptureBatch,
  type CaptureRecord,
  type Platform,
  type PostRecord,
} from '../records';
import { platformOfUrl } from '../sites/hosts';
import { recordSightings } from './sightings';

export interface SenderInfo {
  /** The extension id of the sender; messages from other extensions are refused. */
  id?: string;
  tabId?: number;
  tabUrl?: string;
}

/** At most this many batches per tab in a burst, refilled at RATE_PER_SECOND. */
const BURST = 40;
const RATE_PER_SECOND = 8;
/** A batch is resent for at most this long; older observation times are clamped to it. */
const RESEND_WINDOW_MS = 10 * 60_000;

export class RateLimiter {
  private buckets = new Map<number, { tokens: number; at: number }>();
  constructor(
    private burst = BURST,
    private perSecond = RATE_PER_SECOND,
  ) {}

  take(tabId: number, now: number): boolean {
    const bucket = this.buckets.get(tabId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(tabId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  forget(tabId: number): void {
    this.buckets.delete(tabId);
  }
}

export type IngestResult = CaptureAck & { summary?: WriteSummary; batch?: CaptureBatch };

export async function ingestMessage(
  db: CoursePulseDb,
  message: unknown,
  sender: SenderInfo,
  ownId: string,
  limiter: RateLimiter,
  now: number,
): Promise<IngestResult> {
  const refuse = async (reason: string): Promise<IngestResult> => {
    await logFailure(db, { extractor: 'background.ingest', reason }, now, sender.tabUrl);
    return { ok: false, reason };
  };
  if (sender.id !== ownId) return refuse('message from another extension');
  const tabSite = platformOfUrl(sender.tabUrl);
  if (sender.tabId === undefined || !tabSite) return refuse('message from outside the three sites');
  if (!limiter.take(sender.tabId, now)) return { ok: false, reason: 'retry: rate limited' };
  const parsed = CaptureBatch.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(`malformed batch: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.slice(0, 300));
  }
  const batch = parsed.data;
  // Course records from a content script may only describe pages of its own site (YouTube course
  // playlists); everything else must be the tab's platform.
  const offSite = batch.records.find((r) =>
    r.kind === 'course' ? r.source === 'post' || platformOfUrl(r.url) !== tabSite : r.platform !== tabSite,
  );
  if (batch.site !== tabSite || offSite) {
    return refuse(`batch for ${batch.site} from a ${tabSite} tab, or records outside its site`);
  }
  const ignored = await capturedOffAccounts(db, tabSite, batch);
  const records = ignored.size ? batch.records.filter((r) => !ignored.has(personOf(r))) : batch.records;
  // The page's own clock says when it saw the counts; trust it only within the resend window.
  const observedAt = Math.min(now, Math.max(now - RESEND_WINDOW_MS, batch.observedAt ?? now));
  const summary = await applyBatch(db, { ...batch, records }, observedAt);
  if (!summary.duplicate) {
    await recordSightings(
      db,
      records.filter((r): r is PostRecord => r.kind === 'post'),
      now,
    );
  }
  return { ok: true, batchId: batch.batchId, written: records.length, summary, batch: { ...batch, records } };
}

/** Whose record this is: the author of a post or comment, the account itself; "" for a course. */
const personOf = (r: CaptureRecord): string =>
  r.kind === 'account' ? r.id : r.kind === 'course' ? '' : r.authorId;

/** Accounts the user switched capture off for: nothing of theirs is stored. */
async function capturedOffAccounts(
  db: CoursePulseDb,
  platform: Platform,
  batch: CaptureBatch,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const r of batch.records) if (r.kind !== 'course') ids.add(personOf(r));
  const accounts = await db.accounts.bulkGet([...ids].map((id) => [platform, id] as [Platform, string]));
  return new Set(accounts.filter((a) => a?.captureOff).map((a) => a!.id));
}
