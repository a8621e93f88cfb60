/// <reference lib="webworker" />
/**
 * Computes the dashboard's sales figures off the UI thread: over 100k orders the report takes seconds
 * (`npm run -s bench -- --only sales`), which on the page would freeze the Overview.
 */

import { computeSales, type SalesRequest } from './sales-figures';
import { answerOf } from './worker-run';

self.onmessage = (event: MessageEvent<SalesRequest>) => {
  self.postMessage(answerOf(computeSales, event.data));
};
