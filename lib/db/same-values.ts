/**
 * Whether two rows hold the same values, key order aside, a key holding undefined counting as absent
 * and nested objects (an order's utm) compared the same way; the top-level key `ignored` is left out.
 * For writers that skip what is stored already, and for the sync journal, which records only the
 * orders of a written pack that changed.
 */
export function sameValues(a: object, b: object, ignored?: string): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (key === ignored || x[key] === undefined) continue;
    const v = x[key];
    const w = y[key];
    if (v !== w && !(isObject(v) && isObject(w) && sameValues(v, w))) return false;
    keys++;
  }
  for (const key in y) if (key !== ignored && y[key] !== undefined) keys--;
  return keys === 0;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
