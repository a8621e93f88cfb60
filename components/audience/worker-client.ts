/** The UI side of the analysis worker (components/worker-run.ts). */
import type { AudienceInput, AudienceReport } from '@/lib/audience/analyse';
import { type Run, runInWorker } from '../worker-run';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT defines
// import.meta.url as self.location.href, which hides that pattern from Vite (wxt-dev/wxt#2032).
import AnalyseWorker from './analyse.worker?worker';

/** A worker started before its input was read, ready for the next run. */
let spare: Worker | undefined;

/**
 * Starts the next run's worker now: loading and compiling its script (lib/audience and its word
 * lists) then happens while the view reads its comments instead of after.
 */
export function warmAnalysis(): void {
  spare ??= new AnalyseWorker();
}

export function analyseInWorker(input: AudienceInput): Run<AudienceReport> {
  const worker = spare ?? new AnalyseWorker();
  spare = undefined;
  return runInWorker(worker, input);
}
