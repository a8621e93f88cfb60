/// <reference lib="webworker" />
/**
 * Computes the dashboard's sales figures off the UI thread: over 100k orders the report takes seconds
 * (`npm run -s bench -- --only sales`), and reading or cloning the orders on the page would cost it as
 * much again, so the worker reads them from the database itself; the page sends the own posts only.
 */
import { computeSales } from './sales-figures';
import { loadSalesInputs } from './sales-inputs';
import type { SalesWorkerRequest } from './sales-worker-client';
import { answerOf } from './worker-run';

self.onmessage = async (event: MessageEvent<SalesWorkerRequest>) => {
  const compute = async ({ posts }: SalesWorkerRequest) =>
    computeSales({ inputs: await loadSalesInputs(), posts });
  self.postMessage(await answerOf(compute, event.data));
};
