/**
 * Weibo's numeric post id ↔ `mblogid` (the base62 short id in https://weibo.com/<uid>/<mblogid>).
 * The id is cut into 7-digit groups from the right, each written as 4 base62 digits (the first group
 * unpadded). After CN-AntAI/pyxbox `weibo_utils.py`, as recorded in research/analytics.md §4.3.
 * weibo.cn WAP pages only carry the mblogid, so this is how their posts get the same id as the JSON.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function mblogidToId(mblogid: string): string | null {
  if (!/^[0-9a-zA-Z]{1,12}$/.test(mblogid)) return null;
  let out = '';
  for (let end = mblogid.length; end > 0; end -= 4) {
    let n = 0;
    for (const c of mblogid.slice(Math.max(0, end - 4), end)) n = n * 62 + ALPHABET.indexOf(c);
    const group = String(n);
    // A 4-digit group never exceeds 62^4 − 1 = 14 776 335; more than 7 digits means it is no mblogid.
    if (group.length > 7) return null;
    out = (end - 4 > 0 ? group.padStart(7, '0') : group) + out;
  }
  return out;
}

export function idToMblogid(id: string): string | null {
  if (!/^\d{1,24}$/.test(id)) return null;
  let out = '';
  for (let end = id.length; end > 0; end -= 7) {
    let n = Number(id.slice(Math.max(0, end - 7), end));
    let group = '';
    do {
      group = ALPHABET.charAt(n % 62) + group;
      n = Math.floor(n / 62);
    } while (n > 0);
    out = (end - 7 > 0 ? group.padStart(4, '0') : group) + out;
  }
  return out;
}
