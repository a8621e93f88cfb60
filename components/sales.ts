/**
 * The dashboard's sales figures, read live from Dexie: stored orders, the tracked links the seller
 * copied, the seller's decisions on conflicting orders, own posts (for binding codes and the inferred
 * tier) and campaign costs, through the same lib/sales report the CLI prints (./sales-figures.ts).
 *
 * Two live reads, not one: posts change with every capture while orders, links, decisions and costs
 * change when the seller acts. The report (seconds over 100k orders) is computed in a Web Worker that
 * reads the orders itself (components/sales.worker.ts), and again only when those tables or the
 * sales fields of the own posts (id, time, format, links) change, never for new counts; while a newer
 * one is computed the previous figures stay on screen.
 */
import { useEffect, useState } from 'preact/hooks';
import { db, type StoredPost } from '@/lib/db/schema';
import { salesPostsKey } from '@/lib/sales/report';
import { useLive } from './hooks';
import { accountsWithRole, postsOf } from './queries';
import { computeSales, type SalesData } from './sales-figures';
import { loadSalesInputs } from './sales-inputs';
import { computeSalesInWorker } from './sales-worker-client';

/** Own posts read per account for attribution, newest first (the same bound as Campaigns). */
export const SALES_POSTS_PER_ACCOUNT = 2000;

/** The own posts attribution reads, and the key of what it reads of them. */
export async function loadSalesPosts(): Promise<{ posts: StoredPost[]; key: string }> {
  const posts = await postsOf(await accountsWithRole('mine'), SALES_POSTS_PER_ACCOUNT);
  return { posts, key: salesPostsKey(posts) };
}

/**
 * Changes (a new object) whenever what loadSalesInputs reads changes, while reading next to nothing:
 * counting a whole table watches all of its rows. The worker then reads the rows.
 */
async function salesInputsChanged(): Promise<object> {
  await Promise.all([
    db().orderPacks.count(),
    db().trackedLinks.count(),
    db().campaigns.count(),
    db().attributionDecisions.count(),
  ]);
  return {};
}

/** The sales figures, live; undefined until the first are computed, null with nothing to show (see computeSales). */
export function useSales(): SalesData | null | undefined {
  const inputs = useLive(salesInputsChanged, []);
  const own = useLive(loadSalesPosts, []);
  const [shown, setShown] = useState<{ inputs: object; key: string; data: SalesData | null }>();
  const key = own?.key;
  // Own posts with the same key give the same figures: a capture of new counts computes nothing.
  useEffect(() => {
    if (!inputs || !own || (shown?.inputs === inputs && shown.key === own.key)) return;
    const run = computeSalesInWorker({ posts: own.posts });
    run.result.then(
      (data) => setShown({ inputs, key: own.key, data }),
      // A worker that cannot run (or fails) must not leave the figures loading for ever: the same
      // computation on this thread shows them, or throws as it would have.
      async () =>
        setShown({
          inputs,
          key: own.key,
          data: computeSales({ inputs: await loadSalesInputs(), posts: own.posts }),
        }),
    );
    return run.cancel;
  }, [inputs, key]);
  return shown?.data;
}
