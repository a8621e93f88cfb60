/**
 * Posting slots as the suggestions name them ("Tue20": weekday + local start hour) turned into words
 * and into the next real time they come round, in the audience's time zone. Pure.
 */
import { localParts, WEEKDAYS } from './time';

/** Hours per slot everywhere in the UI: 2 h, so "Tue20" reads Tuesday 20:00–22:00. */
export const SLOT_HOURS = 2;

export interface SlotKey {
  weekday: number;
  hour: number;
}

/** "Tue20" → {weekday: 1, hour: 20}; null for anything else. */
export function parseSlotKey(key: string): SlotKey | null {
  const weekday = WEEKDAYS.indexOf(key.slice(0, 3) as (typeof WEEKDAYS)[number]);
  const hour = Number(key.slice(3));
  if (weekday < 0 || key.length !== 5 || !Number.isInteger(hour) || hour < 0 || hour > 23) return null;
  return { weekday, hour };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Weekday names in the reader's language, Monday first (2024-01-01 was a Monday). */
export function weekdayName(weekday: number, tag: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(tag, { weekday: width, timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + weekday),
  );
}

/** "Tuesday 20:00–22:00" / "星期二 20:00–22:00". */
export function slotLabel(key: string, tag: string, slotHours = SLOT_HOURS): string {
  const slot = parseSlotKey(key);
  if (!slot) return key;
  return `${weekdayName(slot.weekday, tag)} ${pad(slot.hour)}:00–${pad((slot.hour + slotHours) % 24)}:00`;
}

/** "20:00–21:00": one local hour. */
export const hourLabel = (hour: number): string => `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;

const HOUR = 3_600_000;

/**
 * The next start of the slot at or after `now` in `timeZone` (within the coming week). Steps hour by
 * hour from the next whole hour: at most 168 look-ups, cached per quarter hour by localParts.
 */
export function nextSlotStart(key: string, now: number, timeZone: string): number | null {
  const slot = parseSlotKey(key);
  if (!slot) return null;
  const first = Math.ceil(now / HOUR) * HOUR;
  for (let at = first; at < first + 8 * 24 * HOUR; at += HOUR) {
    const local = localParts(at, timeZone);
    if (local.weekday === slot.weekday && local.hour === slot.hour) return at;
  }
  return null;
}

/** The shape of a suggestion result the popup needs (lib/metrics SuggestResult fits). */
export type SlotSource =
  | {
      status: 'ok';
      platform: string;
      suggestions: ReadonlyArray<{
        kind: string;
        key: string;
        n: number;
        uplift: number;
        lowerBound: number;
        confidence: string;
      }>;
    }
  | { status: 'not-enough-data'; platform: string; more: number };

export interface NextSlot {
  platform: string;
  key: string;
  n: number;
  uplift: number;
  confidence: string;
  /** Epoch ms of the slot's next start. */
  at: number;
}

/**
 * The best-ranked slot suggestion over the platforms given (by lower bound), with when it next comes
 * round; or how many more posts are needed when no platform has a slot yet.
 */
export function nextSuggestedSlot(
  results: readonly SlotSource[],
  now: number,
  timeZone: string,
): { slot: NextSlot } | { slot: null; more: number | null } {
  let best: (NextSlot & { lowerBound: number }) | null = null;
  let more: number | null = null;
  for (const r of results) {
    if (r.status !== 'ok') {
      more = more === null ? r.more : Math.min(more, r.more);
      continue;
    }
    const s = r.suggestions.find((x) => x.kind === 'slot');
    if (!s || (best && best.lowerBound >= s.lowerBound)) continue;
    const at = nextSlotStart(s.key, now, timeZone);
    if (at === null) continue;
    best = {
      platform: r.platform,
      key: s.key,
      n: s.n,
      uplift: s.uplift,
      confidence: s.confidence,
      at,
      lowerBound: s.lowerBound,
    };
  }
  if (!best) return { slot: null, more };
  const { lowerBound: _lb, ...slot } = best;
  return { slot };
}
