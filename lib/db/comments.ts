/**
 * The comments part of the write path: upserts by (platform, id) inside applyBatch's transaction.
 * Latest counts only (lib/db/schema.ts StoredComment says why); a later observation never erases what
 * an earlier one knew (the post a continuation did not name, the text of a card without it).
 */
import type { CommentMetricKey, CommentRecord, Platform } from '../records';
import { COMMENT_METRIC_KEYS } from '../records';
import { countsSeen, withCountsSeen } from '../sync/merge-rows';
import { APPROX_AGREES } from './merge';
import type { CoursePulseDb, Millis, StoredComment } from './schema';

type Row = Record<string, unknown>;

/** The keys of a record's counts that are abbreviated. */
const approxKeys = (r: Pick<CommentRecord, 'metrics' | 'metricsExact' | 'approx'>): CommentMetricKey[] =>
  r.metricsExact ? [] : (r.approx ?? COMMENT_METRIC_KEYS.filter((k) => r.metrics[k] !== undefined));

/**
 * Key by key, as posts do: a newer count wins, except an abbreviated one ("1.2万") that agrees with
 * a stored exact count; a key the observation lacks keeps its stored value (unknown is not zero).
 */
function mergeCounts(old: StoredComment | undefined, record: CommentRecord) {
  const metrics: StoredComment['metrics'] = { ...old?.metrics };
  const approx = new Set(old ? approxKeys(old) : []);
  const incomingApprox = approxKeys(record);
  for (const key of COMMENT_METRIC_KEYS) {
    const next = record.metrics[key];
    if (next === undefined) continue;
    const prev = metrics[key];
    const nextApprox = incomingApprox.includes(key);
    const keepExact =
      nextApprox && prev !== undefined && !approx.has(key) && Math.abs(next - prev) <= prev * APPROX_AGREES;
    if (keepExact) continue;
    metrics[key] = next;
    if (nextApprox) approx.add(key);
    else approx.delete(key);
  }
  return { metrics, approx: [...approx] };
}

const sameCounts = (a: StoredComment['metrics'] | undefined, b: StoredComment['metrics']): boolean =>
  !!a && COMMENT_METRIC_KEYS.every((k) => a[k] === b[k]);

function createdOf(old: StoredComment | undefined, record: CommentRecord) {
  if (!old?.createdAt || (record.createdAt && !(record.createdAtApprox && !old.createdAtApprox)))
    return { createdAt: record.createdAt, createdAtApprox: record.createdAtApprox };
  return { createdAt: old.createdAt, createdAtApprox: old.createdAtApprox };
}

export function commentKey(r: { platform: Platform; id: string }): [Platform, string] {
  return [r.platform, r.id];
}

/**
 * Writes `records` (deduplicated by the caller) over their stored rows. With `keepRegions` off, the
 * region a site shows beside a comment (Weibo IP属地) is not kept, as bios and locations are not.
 */
export async function upsertComments(
  db: CoursePulseDb,
  records: CommentRecord[],
  now: Millis,
  keepRegions: boolean,
): Promise<number> {
  if (records.length === 0) return 0;
  const stored = await db.comments.bulkGet(records.map(commentKey));
  const puts: StoredComment[] = [];
  records.forEach((record, i) => {
    const old = stored[i];
    // A batch resent after a newer one was applied carries older counts: the newer ones stay.
    if (old && old.lastSeenAt > now) return;
    const { kind: _kind, approx: _approx, ...fields } = record;
    const { metrics, approx } = mergeCounts(old, record);
    const put: StoredComment = {
      ...old,
      ...fields,
      postId: fields.postId || old?.postId || '',
      parentId: fields.parentId ?? old?.parentId ?? null,
      text: fields.text || old?.text || '',
      authorId: fields.authorId || old?.authorId || '',
      authorHandle: fields.authorHandle || old?.authorHandle || '',
      authorName: fields.authorName || old?.authorName || '',
      ...createdOf(old, record),
      metrics,
      metricsExact: approx.length === 0,
      metricsAt: old && sameCounts(old.metrics, metrics) ? old.metricsAt : now,
      firstSeenAt: old?.firstSeenAt ?? now,
      lastSeenAt: now,
    };
    if (approx.length && approx.length < Object.keys(metrics).length) put.approx = approx;
    else delete put.approx;
    // Marks describe the latest observation: a heart taken back or a pin moved is gone.
    for (const mark of ['byCreator', 'hearted', 'pinned'] as const) if (!record[mark]) delete put[mark];
    if (!keepRegions) delete put.region;
    // Counts are seen now when the record has them; else they stay as last seen (merge-rows.ts countsSeen).
    const counted = Object.keys(record.metrics).length > 0;
    puts.push(
      withCountsSeen(
        put as unknown as Row,
        counted || !old ? now : countsSeen(old as unknown as Row),
      ) as unknown as StoredComment,
    );
  });
  await db.comments.bulkPut(puts);
  return puts.length;
}
