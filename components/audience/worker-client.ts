/** The UI side of the analysis worker (components/worker-run.ts). */
import type { AudienceInput, AudienceReport } from '@/lib/audience/analyse';
import { type Run, runInWorker } from '../worker-run';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT defines
// import.meta.url as self.location.href, which hides that pattern from Vite (wxt-dev/wxt#2032).
import AnalyseWorker from './analyse.worker?worker';

export const analyseInWorker = (input: AudienceInput): Run<AudienceReport> =>
  runInWorker(new AnalyseWorker(), input);
