/** The campaign form's text fields ↔ a campaign; pure so the parsing rules are tested. */
import type { Campaign } from '@/lib/db/schema';
import type { CampaignInput } from '@/lib/messages';
import { fromMinor, type Money, toMinor } from '@/lib/metrics/money';
import type { Platform } from '@/lib/records';

export interface CampaignFormState {
  id?: number;
  name: string;
  courseUrl: string;
  platforms: Platform[];
  start: string;
  end: string;
  currency: string;
  cost: string;
  impressions: string;
  clicks: string;
  signups: string;
  purchases: string;
  revenue: string;
  referrals: string;
  /** Post ids or post URLs, one per line or separated by spaces/commas. */
  postIds: string;
}

export const emptyForm = (today: string): CampaignFormState => ({
  name: '',
  courseUrl: '',
  platforms: [],
  start: today,
  end: today,
  currency: 'CNY',
  cost: '',
  impressions: '',
  clicks: '',
  signups: '',
  purchases: '',
  revenue: '',
  referrals: '',
  postIds: '',
});

export type FormError =
  | 'formNameMissing'
  | 'formDatesInvalid'
  | 'formAmountInvalid'
  | 'formCountInvalid'
  | 'formCurrencyInvalid';

/** "1,000.50" / "1 000" / "" → number | null (empty) | NaN (unreadable). */
export function parseAmount(text: string): number | null {
  const s = text.trim().replace(/[,\s_]/g, '');
  if (!s) return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** Whole non-negative counts only: "1,000" → 1000; "" → undefined; "1.5" / "-3" → NaN. */
export function parseCount(text: string): number | undefined {
  const s = text.trim().replace(/[,\s_]/g, '');
  if (!s) return undefined;
  return /^\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : Number.NaN;
}

/** The post id in a pasted URL (X status, Weibo detail, YouTube watch/shorts) or the id itself. */
export function postIdFrom(text: string): string {
  const s = text.trim();
  const match =
    /\/status\/(\d+)/.exec(s) ??
    /[?&]v=([\w-]{6,})/.exec(s) ??
    /youtu\.be\/([\w-]{6,})/.exec(s) ??
    /\/shorts\/([\w-]{6,})/.exec(s) ??
    /weibo\.(?:com|cn)\/(?:\d+|detail|status)\/(\w+)/.exec(s);
  return match?.[1] ?? s;
}

export function formToCampaign(
  form: CampaignFormState,
): { ok: true; campaign: CampaignInput } | { ok: false; error: FormError } {
  if (!form.name.trim()) return { ok: false, error: 'formNameMissing' };
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(form.start) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(form.end) ||
    form.end < form.start
  )
    return { ok: false, error: 'formDatesInvalid' };
  const currency = form.currency.trim().toUpperCase();
  const money = (text: string): Money | null | 'bad' => {
    const amount = parseAmount(text);
    if (amount === null) return null;
    if (Number.isNaN(amount)) return 'bad';
    return toMinor(amount, currency) ?? 'bad';
  };
  const cost = money(form.cost);
  const revenue = money(form.revenue);
  if ((cost !== null || revenue !== null) && toMinor(0, currency) === null)
    return { ok: false, error: 'formCurrencyInvalid' };
  if (cost === 'bad' || revenue === 'bad') return { ok: false, error: 'formAmountInvalid' };
  const counts: CampaignInput['counts'] = {};
  for (const key of ['impressions', 'clicks', 'signups', 'purchases', 'referrals'] as const) {
    const n = parseCount(form[key]);
    if (Number.isNaN(n)) return { ok: false, error: 'formCountInvalid' };
    if (n !== undefined) counts[key] = n;
  }
  if (revenue) counts.revenue = revenue;
  const postIds = [
    ...new Set(
      form.postIds
        .split(/[\s,，]+/)
        .filter(Boolean)
        .map(postIdFrom),
    ),
  ].filter((id) => id.length <= 64);
  const campaign: CampaignInput = {
    name: form.name.trim().slice(0, 200),
    platforms: form.platforms,
    start: form.start,
    end: form.end,
    cost,
    counts,
    postIds,
  };
  if (form.courseUrl.trim()) campaign.courseUrl = form.courseUrl.trim();
  if (form.id !== undefined) campaign.id = form.id;
  return { ok: true, campaign };
}

const amountText = (money: Money | null | undefined): string => {
  if (!money) return '';
  const major = fromMinor(money);
  return major === null ? '' : String(major);
};
const countText = (n: number | undefined) => (n === undefined ? '' : String(n));

export function campaignToForm(c: Campaign): CampaignFormState {
  return {
    id: c.id,
    name: c.name,
    courseUrl: c.courseUrl ?? '',
    platforms: [...c.platforms],
    start: c.start,
    end: c.end,
    currency: c.cost?.currency ?? c.counts.revenue?.currency ?? 'CNY',
    cost: amountText(c.cost),
    impressions: countText(c.counts.impressions),
    clicks: countText(c.counts.clicks),
    signups: countText(c.counts.signups),
    purchases: countText(c.counts.purchases),
    revenue: amountText(c.counts.revenue),
    referrals: countText(c.counts.referrals),
    postIds: c.postIds.join('\n'),
  };
}
