/** The UI side of the sales worker (components/worker-run.ts). */

// Vite's `?worker` import, as for the audience analysis (components/audience/worker-client.ts).
import SalesWorker from './sales.worker?worker';
import type { SalesData, SalesRequest } from './sales-figures';
import { type Run, runInWorker } from './worker-run';

export const computeSalesInWorker = (request: SalesRequest): Run<SalesData | null> =>
  runInWorker(new SalesWorker(), request);
