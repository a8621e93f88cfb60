import type { AccountRecord, CaptureRecord, Extraction, PostRecord } from '../../../../lib/records';

export const postsOf = (x: Extraction): PostRecord[] =>
  x.records.filter((r: CaptureRecord): r is PostRecord => r.kind === 'post');
export const accountsOf = (x: Extraction): AccountRecord[] =>
  x.records.filter((r: CaptureRecord): r is AccountRecord => r.kind === 'account');
export const byId = (x: Extraction, id: string): PostRecord | undefined =>
  postsOf(x).find((p) => p.id === id);

/** What a fixture holds for one status, read straight from the JSON, independently of the extractor. */
export interface ExpectedStatus {
  id: string;
  authorId: string;
  createdAt: string | null;
  reposts?: number;
  comments?: number;
  likes?: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// "100万+" is the only non-integer count our JSON fixtures hold.
function directCount(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === '100万+') return 1_000_000;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/** Every object with `created_at`, `reposts_count` and a `user` anywhere in `json` is a status. */
export function statusesIn(
  json: unknown,
  out = new Map<string, ExpectedStatus>(),
): Map<string, ExpectedStatus> {
  if (Array.isArray(json)) for (const v of json) statusesIn(v, out);
  else if (isObj(json)) {
    if ('created_at' in json && 'reposts_count' in json && isObj(json.user)) {
      const id = String(json.idstr ?? json.id);
      const user = json.user;
      const created = String(json.created_at);
      out.set(id, {
        id,
        authorId: String(user.idstr ?? user.id),
        // Only the absolute form is checked here; relative ones ("06-14") are spot-checked.
        createdAt: /\+0800 \d{4}$/.test(created) ? new Date(created).toISOString() : null,
        reposts: directCount(json.reposts_count),
        comments: directCount(json.comments_count),
        likes: directCount(json.attitudes_count),
      });
    }
    for (const v of Object.values(json)) statusesIn(v, out);
  }
  return out;
}
