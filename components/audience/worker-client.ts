/** The UI side of the analysis worker: one worker per run, ended as soon as it answers. */
import type { AudienceInput, AudienceReport } from '@/lib/audience/analyse';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT defines
// import.meta.url as self.location.href, which hides that pattern from Vite (wxt-dev/wxt#2032).
import AnalyseWorker from './analyse.worker?worker';

export type WorkerAnswer = { ok: true; report: AudienceReport } | { ok: false; error: string };

export interface Run {
  result: Promise<AudienceReport>;
  /** Stops a run whose answer is no longer wanted (newer data, the view closed). */
  cancel: () => void;
}

export function analyseInWorker(input: AudienceInput): Run {
  const worker = new AnalyseWorker();
  const result = new Promise<AudienceReport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.report);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
  });
  worker.postMessage(input);
  return { result, cancel: () => worker.terminate() };
}
