/** The UI side of the sales worker (components/worker-run.ts). */
import type { StoredPost } from '@/lib/db/schema';
// Vite's `?worker` import, as for the audience analysis (components/audience/worker-client.ts).
import SalesWorker from './sales.worker?worker';
import type { SalesData } from './sales-figures';
import { type Run, runInWorker } from './worker-run';

/** The worker reads the orders, links, decisions and costs itself; it is sent the own posts. */
export interface SalesWorkerRequest {
  posts: readonly StoredPost[];
}

export const computeSalesInWorker = (request: SalesWorkerRequest): Run<SalesData | null> =>
  runInWorker(new SalesWorker(), request);
