/**
 * What the popup's sales glance reads, within the popup's budget (≤ 200 ms, DESIGN.md): never the
 * whole table. The week is counted from the totals kept beside the stored orders by hour and code
 * (lib/db/order-packs.ts), so 100k orders in the week cost a few thousand totals and none is left
 * out; the page's posts read their orders, capped, oldest first from when their codes were out. The
 * figures themselves come from lib/sales/glance.ts.
 */
import { totalsSince } from '@/lib/db/order-packs';
import { oldestOrdersSince } from '@/lib/db/orders-read';
import { db, type StoredPost } from '@/lib/db/schema';
import type { Figures } from '@/lib/sales/attribute';
import { codesOutSince, glanceSince, pageFigures, taggedTotals } from '@/lib/sales/glance';
import { codeInLink } from '@/lib/sales/links';
import { knownLinks } from '@/lib/sales/report';
import { accountsWithRole, postsOf } from './queries';

/** Own posts read per account for the popup's suggestion and sales: the newest 500, by index. */
export const POPUP_POSTS_PER_ACCOUNT = 500;

export interface PopupSalesLimits {
  /** Orders read for the page's posts at most, oldest first from when their codes were out. */
  postOrders: number;
}

export const POPUP_SALES_LIMITS: PopupSalesLimits = { postOrders: 20_000 };

export interface PopupSales {
  /** The tagged orders of the last GLANCE_DAYS days, from the start of that hour. */
  week: ReturnType<typeof taggedTotals>;
  posts: Array<{ post: StoredPost; figures: Figures | null }>;
  /** Whether the page posts' figures stopped at `postOrders` orders. */
  postsCapped: boolean;
}

type PostKey = [StoredPost['platform'], string];

/**
 * The glance for the posts the tab showed (the keys `tabPosts` gives); null when no order is stored.
 * `at` is now. The tab's keys are awaited together with the first database reads, not before them:
 * in a live query, reads that follow a lone await of another API are not watched, and the glance
 * would miss the posts the tab captures after it opened.
 */
export async function readPopupSales(
  tabPosts: Promise<readonly PostKey[]>,
  at: number,
  limits: PopupSalesLimits = POPUP_SALES_LIMITS,
): Promise<PopupSales | null> {
  const [latest, copied, own, decided, onTab] = await Promise.all([
    db().orderPacks.orderBy('latest').last(),
    db().trackedLinks.toArray(),
    accountsWithRole('mine'),
    db().attributionDecisions.toArray(),
    tabPosts,
  ]);
  if (!latest) return null;
  const ownKeys = new Set(own.map((a) => `${a.platform}:${a.id}`));
  // Every post the page showed, not only the list's first: a tracked post may sit anywhere on a profile.
  const onPage = onTab.length
    ? await db().posts.bulkGet(onTab as Array<[StoredPost['platform'], string]>)
    : [];
  const mine = onPage.filter(
    (p): p is StoredPost => !!p && ownKeys.has(`${p.platform}:${p.authorId}`) && p.links.some(codeInLink),
  );
  const since = codesOutSince(mine, copied);
  const [week, recent, forPosts] = await Promise.all([
    totalsSince(db().orderTotals, glanceSince(at)),
    postsOf(own, POPUP_POSTS_PER_ACCOUNT),
    since === null ? [] : oldestOrdersSince(db().orderPacks, since, limits.postOrders),
  ]);
  const figures = pageFigures({
    orders: forPosts,
    copied,
    page: mine,
    own: recent,
    decisions: new Map(decided.map((d) => [d.order, d.post])),
  });
  return {
    week: taggedTotals(week, knownLinks(copied, recent)),
    posts: mine.flatMap((p) => {
      const key = `${p.platform}:${p.id}`;
      return figures.has(key) ? [{ post: p, figures: figures.get(key) ?? null }] : [];
    }),
    postsCapped: forPosts.length === limits.postOrders,
  };
}
