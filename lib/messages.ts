/**
 * Commands the extension's own pages (popup, options) send to the background, the single writer.
 * Content scripts never send these; the background refuses them from any tab.
 */
import { z } from 'zod';
import { MAX_SPLIT_TERMS, MAX_THEME_ID, MAX_THEME_LABEL } from './audience/edits';
import { TABLE_SCHEMAS } from './io/backup-schema';
import { MAX_NAME } from './record-keys';
import { CaptureRecord, MAX_BATCH_RECORDS, MAX_ID, MAX_URL, Platform } from './records';

const accountKey = { platform: Platform, id: z.string().min(1).max(MAX_ID) };
const orderRef = {
  platform: TABLE_SCHEMAS.orders.shape.platform,
  orderId: TABLE_SCHEMAS.orders.shape.orderId,
};
const courseUrl = z.string().min(1).max(MAX_URL);
const money = z.strictObject({
  minor: z.number().int().min(0).max(1e15),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/** A campaign as the form sends it: the stored shape without the fields the background owns. */
export const CampaignInput = TABLE_SCHEMAS.campaigns
  .omit({ id: true, createdAt: true, sample: true })
  .extend({ id: z.number().int().positive().optional() });
export type CampaignInput = z.infer<typeof CampaignInput>;

/** Orders sent to the background per message: a 100k-order file goes in chunks of this many. */
export const ORDERS_PER_MESSAGE = 5000;

/**
 * An export's orders as the dashboard sends them: sorted by platform and order id, so each message
 * covers a narrow key range the background reads at once (lib/db/sales.ts), ORDERS_PER_MESSAGE a message.
 */
export function ordersInMessages<T extends { platform: string; orderId: string }>(
  orders: readonly T[],
): T[][] {
  const sorted = [...orders].sort((a, b) =>
    a.platform !== b.platform
      ? a.platform < b.platform
        ? -1
        : 1
      : a.orderId < b.orderId
        ? -1
        : a.orderId > b.orderId
          ? 1
          : 0,
  );
  const messages: T[][] = [];
  for (let i = 0; i < sorted.length; i += ORDERS_PER_MESSAGE)
    messages.push(sorted.slice(i, i + ORDERS_PER_MESSAGE));
  return messages;
}

/** Which columns of an orders CSV hold what; remembered between imports. */
export const OrdersMapping = z.strictObject({
  amount: z.string().max(200),
  currency: z.string().max(200).optional(),
  /** Used when the file has no currency column. */
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  date: z.string().max(200).optional(),
  orderId: z.string().max(200).optional(),
  referral: z.string().max(200).optional(),
});
export type OrdersMapping = z.infer<typeof OrdersMapping>;

/** The settings the UI may write, each with its own schema (the settings table holds nothing else from the UI). */
export const SETTING_SCHEMAS = {
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not a time zone'),
  ordersMapping: OrdersMapping,
  /** Keep commenters' bios, locations and comment regions (lib/db/privacy.ts); absent means on. */
  keepCommenterProfiles: z.boolean(),
  /**
   * The competitor overview's links from an instructor, as course pages name them, to one of the
   * competitor accounts ("platform:id"), or "" for none (components/competitor-overview.ts).
   */
  competitorLinks: z
    .record(z.string().min(1).max(MAX_NAME), z.string().max(MAX_NAME + MAX_ID))
    .refine((links) => Object.keys(links).length <= 1000, 'too many links'),
} as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;
const settingPut = z.discriminatedUnion('key', [
  z.strictObject({
    type: z.literal('settings.put'),
    key: z.literal('timeZone'),
    value: SETTING_SCHEMAS.timeZone,
  }),
  z.strictObject({
    type: z.literal('settings.put'),
    key: z.literal('ordersMapping'),
    value: SETTING_SCHEMAS.ordersMapping,
  }),
  z.strictObject({
    type: z.literal('settings.put'),
    key: z.literal('keepCommenterProfiles'),
    value: SETTING_SCHEMAS.keepCommenterProfiles,
  }),
  z.strictObject({
    type: z.literal('settings.put'),
    key: z.literal('competitorLinks'),
    value: SETTING_SCHEMAS.competitorLinks,
  }),
]);

const theme = z.string().min(1).max(MAX_THEME_ID);
/** The edited theme's terms from the analysis on screen (lib/audience/edits.ts `centre`). */
const centre = TABLE_SCHEMAS.themeEdits.shape.centre;
/** The user's corrections of audience themes (lib/background/theme-edits.ts). */
const themeEdit = [
  /** An empty label gives the theme its automatic label back. */
  z.strictObject({
    type: z.literal('theme.rename'),
    theme,
    label: z.string().trim().max(MAX_THEME_LABEL),
    centre,
  }),
  z.strictObject({ type: z.literal('theme.pin'), theme, pinned: z.boolean(), centre }),
  z.strictObject({
    type: z.literal('theme.merge'),
    theme,
    into: theme,
    /** The theme's name on screen, to name it while merged away. */
    shownAs: z.string().trim().min(1).max(MAX_THEME_LABEL).optional(),
    centre,
  }),
  z.strictObject({ type: z.literal('theme.unmerge'), theme }),
  z.strictObject({
    type: z.literal('theme.split'),
    theme,
    terms: z.array(z.string().min(1).max(MAX_ID)).min(1).max(MAX_SPLIT_TERMS),
  }),
  z.strictObject({ type: z.literal('theme.unsplit'), theme }),
] as const;
export type ThemeEditCommand = z.infer<(typeof themeEdit)[number]>;

export const Command = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('account.role'),
    ...accountKey,
    role: z.enum(['mine', 'competitor']).nullable(),
  }),
  z.strictObject({ type: z.literal('account.capture'), ...accountKey, on: z.boolean() }),
  /** The answer to "This is you: track it as yours?": Yes marks it Mine; No is remembered, never asked again. */
  z.strictObject({ type: z.literal('account.owner'), ...accountKey, mine: z.boolean() }),
  z.strictObject({ type: z.literal('course.saveTab'), tabId: z.number().int().nonnegative() }),
  /** The popup, opened on a page: check the saved courses it shows against the prices last seen. */
  z.strictObject({ type: z.literal('course.check'), tabId: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('post.delete'), ...accountKey }),
  /** "Forget this person": the account, its posts and replies, and every comment it wrote. */
  z.strictObject({ type: z.literal('account.delete'), ...accountKey }),
  z.strictObject({ type: z.literal('data.deleteAll'), confirm: z.literal('delete everything') }),
  z.strictObject({
    type: z.literal('backfill.records'),
    batchId: z.string().min(8).max(64),
    records: z.array(CaptureRecord).max(MAX_BATCH_RECORDS),
  }),
  z.strictObject({ type: z.literal('sample.load') }),
  z.strictObject({ type: z.literal('sample.clear') }),
  z.strictObject({ type: z.literal('campaign.put'), campaign: CampaignInput }),
  z.strictObject({ type: z.literal('campaign.delete'), id: z.number().int().positive() }),
  z.strictObject({
    type: z.literal('campaign.orders'),
    id: z.number().int().positive(),
    purchases: z.number().int().nonnegative(),
    revenue: money.nullable(),
    referrals: z.number().int().nonnegative().optional(),
  }),
  /** Orders read from an export (lib/sales/import.ts), stored by (platform, orderId). */
  z.strictObject({
    type: z.literal('orders.import'),
    orders: z.array(TABLE_SCHEMAS.orders).max(ORDERS_PER_MESSAGE),
  }),
  /** A tracked link copied in Courses or the popup; the background stamps when. */
  z.strictObject({
    type: z.literal('trackedLink.put'),
    link: TABLE_SCHEMAS.trackedLinks.omit({ createdAt: true }),
  }),
  /** The seller's decision on an order whose codes name different posts: a post key, or "none". */
  z.strictObject({
    type: z.literal('sales.decide'),
    ...orderRef,
    post: TABLE_SCHEMAS.attributionDecisions.shape.post,
  }),
  /** Undoes that decision: the order is a conflict again. */
  z.strictObject({ type: z.literal('sales.undecide'), ...orderRef }),
  z.strictObject({
    type: z.literal('course.status'),
    url: courseUrl,
    status: z.enum(['saved', 'dismissed']),
  }),
  z.strictObject({ type: z.literal('course.mine'), url: courseUrl, mine: z.boolean() }),
  settingPut,
  ...themeEdit,
]);
export type Command = z.infer<typeof Command>;

export type CommandReply = { ok: true; detail?: unknown } | { ok: false; reason: string };
